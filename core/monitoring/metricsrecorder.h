#pragma once

#include "metricsbucket.h"

#include <functional>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>

namespace outflow {

// Counts what happens to each dataflow, minute by minute, in memory: the
// engine's activation and the senders' threads record into it (thread-safe,
// a mutex held for a few additions), and the Monitor takes the finished
// minutes to store them — no SQL per export (issue #7).
class MetricsRecorder
{
public:
    using Clock = std::function<qint64()>; // UNIX ms

    // Within this long after fragment commit, a delivery is on time (the
    // reference's promise: 95 % within 10 minutes).
    static constexpr qint64 DefaultSloTargetMs = 10LL * 60 * 1000;

    explicit MetricsRecorder(Clock clock = {});

    void recordReceived(const QString &dataflowId, qint64 count = 1);
    void recordCreated(const QString &dataflowId, qint64 count = 1);
    void recordExcluded(const QString &dataflowId, const QString &reason);
    // Changes whose every applying trigger is switched off (logged, not sent).
    void recordSuppressed(const QString &dataflowId, qint64 count = 1);
    // The outbox's backlog and its oldest waiting export's age now: the
    // current minute keeps the highest of each (gauges). Zeros record nothing.
    void recordBacklog(const QString &dataflowId, qint64 backlog, qint64 oldestPendingMs);
    // One HTTP attempt and its outcome.
    void recordAttempt(const QString &dataflowId, bool timedOut);
    // A 2xx: `latencyMs` from the export's creation (its fragment's commit).
    void recordDelivered(const QString &dataflowId, qint64 latencyMs);
    void recordRetried(const QString &dataflowId);
    void recordFailed(const QString &dataflowId);
    // Figures a caller added up itself (a sender, between two snapshots),
    // into the current minute of `figures.dataflowId`; its period is ignored.
    void add(const MetricsBucket &figures);

    void setSloTargetMs(qint64 ms);

    // The buckets of minutes that have ended (all of them with `everything`,
    // at shutdown), removed from memory.
    QList<MetricsBucket> takeFinished(bool everything = false);
    // A copy of the current, unfinished minute of a dataflow (live figures).
    MetricsBucket current(const QString &dataflowId) const;
    // Copies of every minute of a dataflow still in memory, oldest first:
    // the current one and any ended one takeFinished() has not taken yet.
    QList<MetricsBucket> unstored(const QString &dataflowId) const;

private:
    MetricsBucket &bucket(const QString &dataflowId); // under m_mutex
    qint64 now() const;

    Clock m_clock;
    mutable QMutex m_mutex;
    QHash<QString, MetricsBucket> m_buckets; // "dataflow/minute" → figures
    qint64 m_sloTargetMs = DefaultSloTargetMs;
};

} // namespace outflow
