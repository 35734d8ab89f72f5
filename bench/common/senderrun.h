#pragma once

// One delivery by a real DestinationSender, as the Engine runs it
// (SenderSupervisor: a thread of its own, the shared NetworkThreadPool,
// start then nudge), measured from start() to its idle report, read from
// its signals. Shared by bench/metrics and bench/delivery's sender slot.
#include "delivery/destinationsender.h"

#include <QString>

namespace outflow {
class NetworkThreadPool;
}

namespace outflow::bench {

struct SenderRun
{
    bool idle = false;     // reported idle for its nudge
    bool timedOut = false; // stopped after the time allowed
    QString error;         // failed(), or neither idle nor timed out
    double seconds = 0;    // start() → idle (or the time allowed)
    double cpuSeconds = 0; // user + sys of every thread of the process, same span
    DeliveryMetrics last;  // the last metricsChanged() before stop()
};

// Delivers what the outbox of `dataflowId` holds until the sender reports
// idle, then stops it (outcomes written, claims released, as
// SenderSupervisor::stop). After `timeoutSeconds` it is stopped anyway:
// timedOut, and the outbox keeps what was not delivered.
SenderRun runSenderUntilIdle(const QString &storePath, const Destination &destination,
                             const QString &dataflowId, NetworkThreadPool &pool,
                             const SenderOptions &options, double timeoutSeconds);

// user + sys of every thread of the process so far, seconds (getrusage).
double processCpuSeconds();

} // namespace outflow::bench
