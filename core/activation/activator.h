#pragma once

#include "identity/mergereport.h"
#include "model/audience.h"
#include "model/dataflow.h"
#include "model/destination.h"
#include "model/export.h"

#include <functional>
#include <memory>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <vector>

namespace outflow {

class MetricsRecorder;
class PayloadBuilder;
class Store;

// The export decisions of DESIGN §2, made after each change of a profile,
// inside the transaction of that change, for every dataflow:
//   1. a mapped audience was entered or exited;
//   2. the identity map changed and the profile is realized in a mapped audience;
//   3. a mapped attribute was written (even with the same value) and the
//      profile is realized in a mapped audience.
// Nothing else exports, and one change makes at most one export per
// dataflow. A trigger switched off on the dataflow suppresses the exports it
// alone caused. A profile missing a mandatory mapped attribute is excluded:
// counted and logged with the reason, not sent.
//
// Each export goes to the outbox with a new id and the reason it was made;
// each decision, export, exclusion or suppression (with the switched-off
// triggers as its reason), to the activation log ("why was this profile
// sent?"). Per-dataflow counters: received (a trigger applied),
// created, excluded (also "excluded:<reason>"), suppressed, backfilled.
//
// Transitions arrive one by one (addTransition) from segmentation and from
// audience operations; processMerge() decides for a merged fragment with the
// transitions of its profile, flushTransitions() for audience operations,
// which change memberships without a merge. One instance per Store (thread).
class Activator
{
    Q_DECLARE_TR_FUNCTIONS(Activator)

public:
    using Clock = std::function<qint64()>; // UNIX ms

    struct Counters
    {
        qint64 received = 0;
        qint64 created = 0;
        qint64 excluded = 0;
        qint64 suppressed = 0;
    };

    explicit Activator(Store &store, Clock clock = {});
    ~Activator();
    Activator(const Activator &) = delete;
    Activator &operator=(const Activator &) = delete;

    // Loads the dataflows of enabled destinations, their payload options and
    // every audience. False when the store failed (lastError() says why).
    bool reload();
    bool hasDataflows() const { return !m_flows.empty(); }

    // Remembers a membership change for the profile's next decision.
    void addTransition(const MembershipTransition &transition);
    // Decides for one merged fragment, with the transitions of its profile.
    bool processMerge(const MergeReport &report);
    // Decides for the profiles whose memberships changed without a merge
    // (audience import, rule edit, removal), reading them from the store.
    bool flushTransitions();

    // What the dataflows loaded by the last reload() make of a backfill's
    // current audience: Ready to walk; Paused while its destination is
    // disabled (it waits); Unmapped when its dataflow does not map that
    // audience; Unknown when its dataflow is not loaded. Unmapped and Unknown
    // may only mean that the dataflow changed since (outflowctl activate
    // beside a running engine): reload, then ask again.
    enum class BackfillTarget { Ready, Paused, Unmapped, Unknown };
    BackfillTarget backfillTarget(const Backfill &backfill) const;

    // The backfill decision for one profile realized in
    // backfill.audienceIds[backfill.audienceIndex]: exported unless realized
    // in an audience the backfill walked before (it was exported then) or
    // already decided by this backfill (the activation log says so), or
    // excluded. *exported says whether an export was queued.
    bool backfillProfile(const Backfill &backfill, qint64 profileId, bool *exported);
    // Backfill decisions keep their counts in memory: the caller saves them
    // in the page's transaction (one upsert per counter, not per export), or
    // drops them when it rolls the page back. Live decisions save their own.
    bool saveCounters();
    void discardCounters() { m_unsavedCounts.clear(); }

    // Monitoring's per-minute figures (received, created, excluded by reason)
    // are recorded there too when set.
    void setRecorder(MetricsRecorder *recorder) { m_recorder = recorder; }

    // A new export id: a UUID version 7 (RFC 9562) — the UNIX ms time in its
    // first 48 bits, then 74 random bits — without braces. Time-ordered, so
    // that the outbox's export_id index grows at its end: random (version 4)
    // ids dirtied one index page per export in every commit once the index
    // outgrew the page cache's share of it.
    static QString newExportId(qint64 unixMs);

    const Counters &counters() const { return m_counters; }
    QString lastError() const { return m_error; }

private:
    struct Flow;
    struct Change; // one profile's change, as the decision sees it

    // How far back coveredSinceMapping() looks: more live decisions than this
    // for one profile while a backfill runs is not a case worth a scan.
    static constexpr int RecentDecisions = 100;

    bool decide(Flow &flow, Change &change);
    bool loadMemberships(Change &change);
    // Whether the activation log, among the profile's RecentDecisions newest
    // records, already covers it for `backfill`: a decision of this backfill,
    // or (for a backfill, not a resend) a live export made since the mapping.
    bool coveredSinceMapping(const Backfill &backfill, qint64 profileId, bool *covered);
    bool queue(Flow &flow, Change &change, const QByteArray &reason, ExportLane lane);
    bool exclude(Flow &flow, Change &change, const QStringList &missing, const QByteArray &reason);
    // Logs a decision whose every trigger is switched off (no export).
    bool suppress(Flow &flow, Change &change, const QByteArray &reason);
    void count(const Flow &flow, const QString &name);
    bool discardCountersAndFail(); // after a failed decision: false
    void recordSavedCounts();      // into the monitoring's recorder
    Flow *flowOf(const QString &dataflowId);
    bool storeError(const QString &context);
    qint64 now() const;

    Store &m_store;
    Clock m_clock;
    std::vector<std::unique_ptr<Flow>> m_flows;
    QSet<QString> m_pausedDataflows; // of disabled destinations: not in m_flows
    QHash<QString, Audience> m_audiences;
    QList<MembershipTransition> m_pending;
    QHash<QString, QHash<QString, qint64>> m_unsavedCounts; // dataflow id → name → delta
    struct BackfillReason // the same for every profile of one audience's walk
    {
        qint64 backfillId = 0;
        Backfill::Kind kind = Backfill::Kind::Backfill;
        QString audienceId;
        QByteArray json;
    } m_backfillReason;
    Counters m_counters;
    MetricsRecorder *m_recorder = nullptr;
    QString m_error;
};

} // namespace outflow
