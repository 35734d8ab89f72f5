#pragma once

#include "identity/mergereport.h"
#include "identity/profilemerger.h"
#include "model/fragment.h"

#include <functional>
#include <optional>
#include <QElapsedTimer>
#include <QList>
#include <QString>

namespace outflow {

class NdjsonReader;
struct ReadRecord;
class Store;

// A rejected input record: its line (or array element) and why.
struct LineError
{
    qint64 line = 0;
    QString error;
};

struct IngestSummary
{
    qint64 fragmentsMerged = 0;
    qint64 profilesCreated = 0;
    qint64 profilesMerged = 0; // profiles absorbed by identity-graph merges
    qint64 transactions = 0;
    QList<LineError> errors; // bad lines, in order; the good ones were stored
    bool emptyInput = false; // no line at all
    QString storeError;      // non-empty: the store failed; the current batch was rolled back

    bool ok() const { return storeError.isEmpty(); }
};

// Turns fragments into merged, committed profiles. Commits are grouped for
// speed: a transaction holds up to batchSize() fragments and is committed at
// the latest after maxBatchDelayMs() of reading, so that a slow source (stdin,
// a pipe) never leaves a fragment un-committed for longer than that.
class Ingestor
{
public:
    // False (with a message in *error) fails the batch: it is rolled back as
    // on a store failure, so that what follows a merge (memberships, exports)
    // is committed with it or not at all.
    using MergedCallback =
        std::function<bool(const Fragment &, const MergeReport &, QString *error)>;

    // Large batches pay: a fragment dirties a few pages spread over the
    // file (its profile's row, its identities' index entries), and a page
    // dirtied by several fragments of one transaction is written once. From
    // 2,000 to 10,000 fragments a transaction, the ingest benchmark went from
    // about 2.2 to 1 page writes per fragment. The delay bounds how long a
    // fragment waits for its commit whatever the batch size.
    static constexpr int DefaultBatchSize = 10000;
    static constexpr int DefaultMaxBatchDelayMs = 500;

    explicit Ingestor(Store &store, ProfileMerger::Clock clock = {});

    void setBatchSize(int fragments) { m_batchSize = qMax(1, fragments); }
    int batchSize() const { return m_batchSize; }
    void setMaxBatchDelayMs(int ms) { m_maxBatchDelayMs = qMax(0, ms); }
    int maxBatchDelayMs() const { return m_maxBatchDelayMs; }
    // Called for each merged fragment, inside its transaction (segmentation
    // and activation plug in here in later stages).
    void setMergedCallback(MergedCallback callback) { m_onMerged = std::move(callback); }

    // Reads every record of `reader`, merging the good ones; stops at the
    // first store failure (that batch is rolled back, earlier ones stay).
    IngestSummary ingest(NdjsonReader &reader);

    // Merges `fragments` in one transaction: all committed, or none (nullopt,
    // with the store's error in `error`).
    std::optional<QList<MergeReport>> mergeAll(const QList<Fragment> &fragments, QString *error);

private:
    // The loop of ingest(): `next` yields records; `waiting`, when given, is
    // the reader whose blocking reads must be preceded by a commit.
    IngestSummary ingestRecords(const std::function<bool(ReadRecord &)> &next,
                                NdjsonReader *waiting);
    bool mergeOne(const Fragment &fragment, IngestSummary &summary);
    bool runMergedCallback(const Fragment &fragment, const MergeReport &report);
    QString failure() const; // why the last merge failed

    Store &m_store;
    ProfileMerger m_merger;
    MergedCallback m_onMerged;
    QString m_callbackError; // the merged callback's, when it failed the batch
    int m_batchSize = DefaultBatchSize;
    int m_maxBatchDelayMs = DefaultMaxBatchDelayMs;
};

} // namespace outflow
