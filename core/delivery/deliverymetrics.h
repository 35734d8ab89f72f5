#pragma once

#include "monitoring/latencyhistogram.h"

#include <QMetaType>
#include <QString>

namespace outflow {

// One destination's delivery figures at one moment (issue #6 item 7), sent by
// its sender to the Engine and on to the monitoring stage and the UI,
// queued, a few times a second at most. Counts are cumulative since the
// sender started; the store's dataflow counters hold the lifetime totals.
struct DeliveryMetrics
{
    QString destinationId;
    QString dataflowId;
    qint64 at = 0; // UNIX ms

    qint64 delivered = 0;
    qint64 failed = 0;  // became dead letters
    qint64 retried = 0; // attempts that were followed by a retry
    int inFlight = 0;
    int window = 0; // the adaptive window's size now

    // From the outbox: exports not delivered nor failed, and how long the
    // oldest of them has been waiting since its change was committed.
    qint64 backlog = 0;
    qint64 retrying = 0;
    qint64 deadLetters = 0;
    qint64 oldestPendingAgeMs = 0;
    qint64 nextRetryAt = 0; // UNIX ms; 0: none waiting

    // Fragment committed (the export's createdAt) → 2xx.
    LatencyHistogram latency;
    qint64 latencyP50Ms = 0;
    qint64 latencyP95Ms = 0;
    qint64 latencyP99Ms = 0;

    // Token endpoint errors and 401/403 answers since the last delivery
    // (the auth-failure alert).
    int consecutiveAuthFailures = 0;

    bool http2 = false;
    QString lastError; // redacted; empty when the last attempt succeeded
};

} // namespace outflow

Q_DECLARE_METATYPE(outflow::DeliveryMetrics)
