#include "senderclient.h"

#include "../common/senderrun.h"
#include "delivery/networkthreadpool.h"
#include "measure.h"
#include "outboxfixture.h"
#include "store/sqlitestore.h"

#include <QFile>

namespace outflow::bench {

Result SenderClient::run(const Target &target)
{
    Result result;
    result.client = name();
    // The outbox is filled before the clock starts: the figure is delivery,
    // not activation. The store goes in the work folder (same disk as a user's).
    OutboxSpec spec;
    spec.endpoint = target.url;
    spec.http2PriorKnowledge = target.protocol == Protocol::H2c;
    spec.caFile = target.protocol == Protocol::H2Tls ? target.caFile : QString();
    spec.exports = target.exports;
    spec.maxConcurrency = m_maxConcurrency;
    OutboxFixture fixture;
    QString error;
    const QString storePath = m_workDir + QStringLiteral("/sender.sqlite");
    if (!prepareOutbox(storePath, spec, *target.bodies, &fixture, &error)) {
        result.note = QStringLiteral("outbox: ") + error;
        return result;
    }
    std::optional<Destination> destination;
    {
        SqliteStore store(storePath);
        if (store.open())
            destination = store.destination(fixture.destinationId);
        if (!destination) {
            result.note = QStringLiteral("store: ") + store.lastError();
            return result;
        }
    }

    resetSelfPeakRss();
    SenderRun run;
    int networkThreads = 0;
    {
        // The Engine's (made as its first sender starts), unless the run says otherwise.
        NetworkThreadPool pool(m_networkThreads < 0 ? NetworkThreadPool::defaultSize()
                                                    : m_networkThreads);
        networkThreads = pool.size();
        run = runSenderUntilIdle(storePath, *destination, fixture.dataflowId, pool, SenderOptions(),
                                 target.maxSeconds);
    }
    result.seconds = run.seconds;
    result.cpuSeconds = run.cpuSeconds;
    result.peakRssMiB = selfPeakRssMiB();
    if (!run.error.isEmpty()) {
        result.note = run.error;
        return result;
    }

    // What the outbox says after stop(): delivered rows are gone, dead
    // letters stay, what was not sent in time is pending again.
    SqliteStore store(storePath);
    std::optional<OutboxSummary> left;
    if (store.open())
        left = store.outboxSummary(fixture.dataflowId);
    if (!left) {
        result.note = QStringLiteral("store: ") + store.lastError();
        return result;
    }
    result.failures = left->failed;
    result.requests = fixture.exports - left->backlog() - left->failed;
    // Per-request latency (sent → answer), as the other clients measure it:
    // the delivery log's entries (the journal keeps the last 10,000 of a
    // destination, in ms). The sender's own histogram is committed → 2xx,
    // which for an outbox filled in advance is the queue's age.
    std::vector<qint64> latencies;
    for (const DeliveryLogEntry &entry : store.deliveryLog(fixture.destinationId, 10'000)) {
        if (entry.outcome == DeliveryOutcome::Delivered)
            latencies.push_back(entry.latencyMs * 1'000'000);
    }
    const std::size_t sampled = latencies.size();
    fillPercentiles(latencies, result);
    result.concurrency = QStringLiteral("w≤%1 (end %2), %3 net thr")
                             .arg(destination->maxConcurrency)
                             .arg(run.last.window)
                             .arg(networkThreads);
    result.note = QStringLiteral("latency: last %1 sends (ms); committed→2xx p95 %2 ms")
                      .arg(sampled)
                      .arg(run.last.latencyP95Ms);
    if (target.protocol != Protocol::Http1 && !run.last.http2)
        result.note += QStringLiteral("; NOT HTTP/2");
    if (run.timedOut)
        result.note += QStringLiteral("; stopped at %1 s").arg(target.maxSeconds);
    result.ran = true;
    store.close();
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(storePath + QLatin1String(suffix));
    return result;
}

} // namespace outflow::bench
