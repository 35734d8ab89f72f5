#pragma once

#include "identity/profilemerger.h"
#include "ingest/ingestor.h"
#include "model/audience.h"

#include <functional>
#include <optional>
#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

class QIODevice;

namespace outflow {

class CsvReader;
struct CsvRecord;
class Rule;
class Store;

// The outcome of a custom-upload import.
struct AudienceImportSummary
{
    Audience audience;
    bool createdAudience = false; // false: a re-upload replaced the member set
    qint64 rows = 0;              // good rows
    qint64 members = 0;           // distinct profiles now realized
    qint64 entered = 0;
    qint64 exited = 0;          // members of the previous upload absent from this one
    qint64 profilesCreated = 0; // identities no profile had yet
    QList<LineError> errors;    // bad rows, by line; the others were imported
};

// What a rule would select now, without storing anything (issue #17: the
// rule editor's live count, `outflowctl audience preview`).
struct AudiencePreview
{
    qint64 matching = 0;         // profiles the rule selects
    qint64 evaluated = 0;        // profiles read
    QList<qint64> sampleIds;     // the first few matching profiles, by id
    QList<QString> sampleLabels; // each one's primary identity "namespace:id"
};

// What AudienceService::change() changes of an audience: the fields set.
struct AudienceChanges
{
    std::optional<QString> name;
    std::optional<QString> description;
    std::optional<QString> rule; // a rule audience's only; re-evaluates every profile
};

// The audience lifecycle (DESIGN §1, §3) over a Store: create, rename, edit
// the rule (re-evaluating every profile), delete, and custom-upload import.
// Each operation is one transaction: done completely or not at all.
//
// Transitions are passed to the transition callback inside that transaction,
// as Segmenter does for merges, so that the activation stage can queue its
// exports atomically with them.
class AudienceService
{
    Q_DECLARE_TR_FUNCTIONS(AudienceService)

public:
    using Clock = std::function<qint64()>; // UNIX ms
    // Called for each transition, inside the operation's transaction; false
    // (with a message in *error) aborts and rolls the operation back.
    using TransitionCallback = std::function<bool(const MembershipTransition &, QString *error)>;
    // Called for each profile an import creates (segmentation, activation).
    using MergedCallback = std::function<bool(const MergeReport &, QString *error)>;
    using ProgressCallback = std::function<void(qint64 done, qint64 total)>;
    // Asked between rows (import) and between profiles (preview,
    // re-evaluation): true stops the operation, which is rolled back and
    // fails with ErrorKind::Cancelled. Called on the operation's thread, so
    // it reads a flag another thread may set (std::atomic).
    using CancelCheck = std::function<bool()>;

    // Why the last operation failed: the input (a name, a rule, a file) or
    // the store. outflowctl exits 2 for the first, 1 for the second.
    // Cancelled: the cancel check said so (see setCancelCheck()).
    enum class ErrorKind { None, Input, Store, Cancelled };

    static constexpr int PageSize = 1000;

    explicit AudienceService(Store &store, Clock clock = {});

    void setTransitionCallback(TransitionCallback callback)
    {
        m_onTransition = std::move(callback);
    }
    // Profiles re-evaluated / bytes imported, of a total (-1 when unknown).
    void setProgressCallback(ProgressCallback callback) { m_onProgress = std::move(callback); }
    // When set, profiles that an import creates go through it (Pipeline:
    // segmented by the rules, activated).
    void setMergedCallback(MergedCallback callback) { m_onMerged = std::move(callback); }
    void setCancelCheck(CancelCheck check) { m_cancelCheck = std::move(check); }

    // An audience by id, else by name; nullopt when neither (Input error).
    std::optional<Audience> find(const QString &idOrName);
    // Evaluates `rule` on every stored profile, as create() would, and
    // writes nothing. A rule that does not parse is an Input error naming
    // its line and column.
    std::optional<AudiencePreview> preview(const QString &rule, int samples = 5);

    // A new segmentation audience; its rule is evaluated on every profile.
    std::optional<Audience> create(const QString &name, const QString &rule,
                                   const QString &description = {},
                                   const QString &mergePolicyId = QStringLiteral("default"));
    // The fields set in `changes`, in one transaction: a new rule
    // re-evaluates every profile (exactly the transitions between the old and
    // the new rule's members). A name another audience has is an Input error.
    bool change(const QString &idOrName, const AudienceChanges &changes);
    bool rename(const QString &idOrName, const QString &newName);
    bool editRule(const QString &idOrName, const QString &rule);
    // Its members exit (transitions emitted), then the audience is deleted.
    bool remove(const QString &idOrName);
    // The names of the destinations whose dataflow maps the audience, sorted
    // (what deleting it affects); nullopt when the store failed.
    std::optional<QStringList> mappingDestinations(const QString &audienceId);

    // Creates or replaces the custom-upload audience `name` from a CSV file
    // whose column `identityColumn` holds identities of `ns`. Bad rows are
    // listed in the summary; nullopt only when nothing could be imported.
    std::optional<AudienceImportSummary> import(const QString &name, const QString &identityColumn,
                                                const QString &ns, QIODevice *device);

    QString lastError() const { return m_error; }
    ErrorKind lastErrorKind() const { return m_errorKind; }

private:
    bool inputError(const QString &message);
    bool storeError(const QString &context);
    bool checkName(const QString &name);
    bool setStatus(qint64 profileId, const QString &audienceId, bool entered, const QString &time);
    bool reevaluate(const Audience &audience, const Rule &rule, const QString &time);
    bool importRows(CsvReader &reader, CsvRecord &record, int column, const QString &ns,
                    const QString &time, const QString &audienceId, AudienceImportSummary &summary);
    void progress(qint64 done, qint64 total);
    // True (with the Cancelled error set) when the cancel check says to stop.
    bool cancelled();
    qint64 now() const;

    Store &m_store;
    Clock m_clock;
    TransitionCallback m_onTransition;
    ProgressCallback m_onProgress;
    MergedCallback m_onMerged;
    CancelCheck m_cancelCheck;
    QString m_error;
    ErrorKind m_errorKind = ErrorKind::None;
};

} // namespace outflow

Q_DECLARE_METATYPE(outflow::AudiencePreview)
Q_DECLARE_METATYPE(outflow::AudienceImportSummary)
