#pragma once

#include "latencyhistogram.h"

#include <QHash>
#include <QMetaType>
#include <QString>

namespace outflow {

// One dataflow's figures over one period (a minute, or an hour once rolled
// up): counts add up and latency histograms merge, so any window is the sum
// of its buckets (issue #7: no per-export SQL write; aggregated in memory and
// flushed per bucket).
struct MetricsBucket
{
    enum class Resolution : quint8 { Minute, Hour };

    QString dataflowId;
    Resolution resolution = Resolution::Minute;
    qint64 periodStart = 0; // UNIX ms, a whole minute or hour

    qint64 received = 0;               // profile updates a trigger applied to
    qint64 created = 0;                // exports queued
    qint64 excluded = 0;               // of which excluded (reasons below)
    qint64 attempts = 0;               // HTTP requests sent
    qint64 delivered = 0;              // 2xx
    qint64 failed = 0;                 // exports given up (dead letter)
    qint64 retried = 0;                // attempts that will be retried
    qint64 timeouts = 0;               // attempts that timed out
    qint64 onTime = 0;                 // delivered within the SLO target
    qint64 suppressed = 0;             // of received: every trigger that applied switched off
    QHash<QString, qint64> excludedBy; // reason → count
    LatencyHistogram latency;          // committed → 2xx
    // Gauges, not counts: the highest value seen during the period (the
    // outbox's backlog and its oldest waiting export's age), so that a window
    // of buckets shows its worst moment (issue #18's backlog chart).
    qint64 backlogMax = 0;
    qint64 oldestPendingMaxMs = 0;

    static qint64 periodOf(qint64 unixMs, Resolution resolution)
    {
        const qint64 length = resolution == Resolution::Minute ? 60'000 : 3'600'000;
        return unixMs - unixMs % length;
    }

    // Nothing counted and no gauge above zero.
    bool isEmpty() const { return !hasActivity() && backlogMax == 0 && oldestPendingMaxMs == 0; }
    // Something counted (the gauges aside): a dataflow run of the period.
    bool hasActivity() const
    {
        return received != 0 || created != 0 || attempts != 0 || delivered != 0 || failed != 0 ||
               retried != 0 || excluded != 0 || suppressed != 0 || timeouts != 0 ||
               !latency.isEmpty();
    }

    // Adds another bucket's figures (same dataflow; any period): counts add
    // up, gauges keep the higher value.
    void add(const MetricsBucket &other)
    {
        received += other.received;
        created += other.created;
        excluded += other.excluded;
        attempts += other.attempts;
        delivered += other.delivered;
        failed += other.failed;
        retried += other.retried;
        timeouts += other.timeouts;
        onTime += other.onTime;
        suppressed += other.suppressed;
        backlogMax = qMax(backlogMax, other.backlogMax);
        oldestPendingMaxMs = qMax(oldestPendingMaxMs, other.oldestPendingMaxMs);
        for (auto it = other.excludedBy.cbegin(); it != other.excludedBy.cend(); ++it)
            excludedBy[it.key()] += it.value();
        latency.merge(other.latency);
    }
};

} // namespace outflow

Q_DECLARE_METATYPE(outflow::MetricsBucket)
