#pragma once

// The batched rows of bench/delivery (issue #22 item 4, `--batch 10,100,1000`):
// for each batch size B, wrk and h2load posting one batch body of B exports
// (the same envelope the sender builds) against the same nginx, the sender
// with its destination batching up to B exports, and that sender again fed
// at a steady fraction of the rate it just reached (`--paced`), whose
// committed → 2xx p95 is the latency target.
#include "externalclients.h"

#include <QList>

namespace outflow::bench {

struct BatchRowsConfig
{
    QList<int> sizes;         // exports per batch (B)
    int maxAgeMs = 1000;      // the destination's batch age
    bool wrk = true;          // wrk ×B rows
    bool h2load = true;       // h2load ×B rows (HTTP/2 configurations)
    double pacedFraction = 0; // > 0: a paced sender row after each full-rate one
    double pacedRate = 0;     // > 0: pace at this rate instead
    double pacedSeconds = 10;
    int senderWindow = 1024;
    double wrkSeconds = 10;
    int wrkThreads = 1;
};

// The batch body of `size` exports (bodies 0 … size − 1, the envelope of
// core/delivery/batchenvelope.h) in `workDir`; its path, empty on failure.
QString writeBatchBody(const ExportBodies &bodies, int size, const QString &workDir);

// Appends the batched rows of one configuration. `paths.bodyFile` is
// replaced, per size, by that size's batch body (written beforehand).
void appendBatchClients(ClientList &clients, int latencyMs, const ExternalPaths &paths,
                        const QString &workDir, const BatchRowsConfig &config);

} // namespace outflow::bench
