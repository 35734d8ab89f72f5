#include "senderclient.h"

#include "../common/senderrun.h"
#include "delivery/networkthreadpool.h"
#include "measure.h"
#include "outboxfixture.h"
#include "pacedsender.h"
#include "store/sqlitestore.h"

#include <QFile>
#include <QSet>

namespace outflow::bench {

QString SenderClient::name() const
{
    QString text = m_networkThreads < 0
                       ? QStringLiteral("outflow sender")
                       : QStringLiteral("outflow sender, %1 net").arg(m_networkThreads);
    if (m_batch.maxExports > 1)
        text = QStringLiteral("sender ×%1").arg(m_batch.maxExports);
    if (m_pacing)
        text += QStringLiteral(" paced");
    return text;
}

Result SenderClient::run(const Target &target)
{
    Result result;
    result.client = name();
    // The outbox is filled before the clock starts: the figure is delivery,
    // not activation. The store goes in the work folder (same disk as a user's).
    // A paced row starts empty and is fed while the sender runs.
    double pacedRate = 0;
    if (m_pacing) {
        pacedRate = m_pacing->rate > 0 ? m_pacing->rate
                    : m_pacing->fullRate && *m_pacing->fullRate > 0
                        ? m_pacing->fraction * *m_pacing->fullRate
                        : 0;
        if (pacedRate <= 0) {
            result.note = QStringLiteral("no full-rate row to pace against");
            return result;
        }
    }
    OutboxSpec spec;
    spec.endpoint = target.url;
    spec.http2PriorKnowledge = target.protocol == Protocol::H2c;
    spec.caFile = target.protocol == Protocol::H2Tls ? target.caFile : QString();
    spec.exports = m_pacing ? 0 : target.exports;
    spec.maxConcurrency = m_maxConcurrency;
    spec.batchMaxExports = m_batch.maxExports;
    spec.batchMaxAgeMs = m_batch.maxAgeMs;
    spec.batchMaxBytes = m_batch.maxBytes;
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
    PacedRun paced;
    int networkThreads = 0;
    {
        // The Engine's (made as its first sender starts), unless the run says otherwise.
        NetworkThreadPool pool(m_networkThreads < 0 ? NetworkThreadPool::defaultSize()
                                                    : m_networkThreads);
        networkThreads = pool.size();
        if (m_pacing) {
            paced =
                runSenderPaced(storePath, *destination, fixture.dataflowId, *target.bodies, 0, pool,
                               SenderOptions(), pacedRate, m_pacing->seconds, target.maxSeconds);
            run = paced.run;
            fixture.exports = paced.fed;
        } else {
            run = runSenderUntilIdle(storePath, *destination, fixture.dataflowId, pool,
                                     SenderOptions(), target.maxSeconds);
        }
    }
    result.seconds = run.seconds;
    // The feed's inserts are activation's work, not delivery's.
    result.cpuSeconds = run.cpuSeconds - paced.feedCpuSeconds;
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
    if (m_publishedRate)
        *m_publishedRate = result.rate();
    const QString concurrency = QStringLiteral("w≤%1 (end %2), %3 net thr")
                                    .arg(destination->maxConcurrency)
                                    .arg(run.last.window)
                                    .arg(networkThreads);
    if (m_pacing) {
        // The sender's own histogram, committed → 2xx: with a live feed, the
        // delivery latency the p95 target is about.
        result.p50Ms = double(run.last.latencyP50Ms);
        result.p95Ms = double(run.last.latencyP95Ms);
        result.p99Ms = double(run.last.latencyP99Ms);
        result.concurrency = concurrency;
        result.note = QStringLiteral("fed %1 exports at %2/s for %3 s (CPU of the feed, %4 s, "
                                     "not counted), idle %5 s after the last commit, %6 retried; "
                                     "latency: committed→2xx (ms)")
                          .arg(paced.fed)
                          .arg(qint64(pacedRate))
                          .arg(paced.feedSeconds, 0, 'f', 1)
                          .arg(paced.feedCpuSeconds, 0, 'f', 2)
                          .arg(run.seconds - paced.feedSeconds, 0, 'f', 1)
                          .arg(run.last.retried);
    } else {
        // Per-request latency (sent → answer), as the other clients measure it:
        // the delivery log's entries (the journal keeps the last 10,000 of a
        // destination, in ms). The sender's own histogram is committed → 2xx,
        // which for an outbox filled in advance is the queue's age.
        std::vector<qint64> latencies;
        QSet<QString> batchIds;
        for (const DeliveryLogEntry &entry : store.deliveryLog(fixture.destinationId, 10'000)) {
            if (entry.outcome == DeliveryOutcome::Delivered)
                latencies.push_back(entry.latencyMs * 1'000'000);
            batchIds.insert(entry.batchId);
        }
        const std::size_t sampled = latencies.size();
        fillPercentiles(latencies, result);
        result.concurrency = concurrency;
        result.note = QStringLiteral("latency: last %1 sends (ms); committed→2xx p95 %2 ms")
                          .arg(sampled)
                          .arg(run.last.latencyP95Ms);
        if (m_batch.maxExports > 1 && !batchIds.isEmpty())
            result.note += QStringLiteral("; %1 exports a request on average (last sends)")
                               .arg(double(sampled) / double(batchIds.size()), 0, 'f', 1);
    }
    if (m_batch.maxExports > 1)
        result.note += QStringLiteral("; batches ≤%1 exports, ≤%2 ms, ≤%3 KiB")
                           .arg(m_batch.maxExports)
                           .arg(m_batch.maxAgeMs)
                           .arg(m_batch.maxBytes / 1024);
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
