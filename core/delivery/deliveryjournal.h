#pragma once

#include "model/delivery.h"
#include "model/export.h"

#include <chrono>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace outflow {

class Store;

// A sender's reads and writes of the store, batched so that the outbox is
// not the speed limit: one transaction claims a batch of exports, one
// transaction records every outcome that came in during a few milliseconds
// (one write transaction per 2xx would cap throughput at the disk's pace).
class DeliveryJournal
{
    Q_DECLARE_TR_FUNCTIONS(DeliveryJournal)

public:
    struct Limits
    {
        int logEntries = 10'000; // kept per destination
        std::chrono::hours logAge{24 * 7};
        std::chrono::seconds pruneEvery{10};
    };

    DeliveryJournal(Store &store, QString destinationId, QString dataflowId, Limits limits);

    // Due retries first (they have waited longest), then the lanes: live
    // exports first, backfill and replay each guaranteed a quarter of the
    // claim when they have work; a lane's unused share goes to the others.
    // Returned in that order (live before backfill before replay). Empty
    // with lastError() set on failure.
    QList<OutboxExport> claim(int limit, qint64 nowMs);

    // Outcomes wait here until flush().
    void delivered(const DeliveryLogEntry &entry, qint64 sequence);
    void retry(const DeliveryLogEntry &entry, const AttemptRecord &attempt);
    void failed(const DeliveryLogEntry &entry, const AttemptRecord &attempt);
    qsizetype unflushed() const { return m_outcomes.size(); }

    // Writes every outcome waiting, their log entries and the dataflow's
    // counters ("delivered", "failed", "retried") in one transaction; prunes
    // the log now and then. On failure everything stays waiting.
    bool flush(qint64 nowMs);

    QString lastError() const { return m_error; }

private:
    struct Outcome
    {
        DeliveryLogEntry entry;
        AttemptRecord attempt; // sequence only, for a delivered one
    };

    bool writeOutcomes(qint64 nowMs);
    bool storeError(const QString &what);

    Store &m_store;
    const QString m_destinationId;
    const QString m_dataflowId;
    const Limits m_limits;
    QList<Outcome> m_outcomes;
    qint64 m_lastPruneMs = 0;
    QString m_error;
};

} // namespace outflow
