#pragma once

// The sender's paced rows (issue #22 item 4): exports committed to the outbox
// at a steady rate while a real DestinationSender delivers them, each commit
// followed by a nudge, as the Engine nudges its senders after an ingest
// commit. Unlike the rows that deliver an outbox filled in advance, the
// sender's own committed → 2xx histogram is then a delivery latency, not the
// queue's age: what "p95 below the batch age + 1 s" is measured on.
#include "../common/senderrun.h"
#include "exportbodies.h"

namespace outflow::bench {

struct PacedRun
{
    SenderRun run;             // start() → idle after the last commit; CPU of the whole process
    qint64 fed = 0;            // exports committed by the feed
    double feedSeconds = 0;    // how long the feed ran
    double feedCpuSeconds = 0; // the feeding thread's own CPU (SQLite inserts), to subtract
};

// Commits `rate` exports a second for `seconds` (a transaction every 5 ms or
// so, created "now") to the outbox of `dataflowId`, starting at export index
// `firstIndex`, then waits (up to `drainSeconds`) until the sender reports
// idle, and stops it.
PacedRun runSenderPaced(const QString &storePath, const Destination &destination,
                        const QString &dataflowId, const ExportBodies &bodies, qint64 firstIndex,
                        NetworkThreadPool &pool, const SenderOptions &options, double rate,
                        double seconds, double drainSeconds);

} // namespace outflow::bench
