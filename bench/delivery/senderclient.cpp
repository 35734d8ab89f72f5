#include "senderclient.h"

#include "measure.h"
#include "outboxfixture.h"

#if defined(OUTFLOW_BENCH_SENDER) && __has_include("delivery/sender.h")
#include "delivery/sender.h"
#define OUTFLOW_BENCH_HAS_SENDER 1
#endif

namespace outflow::bench {

Result SenderClient::run(const Target &target)
{
    Result result;
    result.client = name();
#ifndef OUTFLOW_BENCH_HAS_SENDER
    Q_UNUSED(target);
    result.note =
        QStringLiteral("not built yet (core/delivery/sender.h; -DOUTFLOW_BENCH_SENDER=ON)");
    return result;
#else
    // The outbox is filled before the clock starts: the figure is delivery,
    // not activation. The store goes in the work folder (same disk as a user's).
    OutboxSpec spec;
    spec.endpoint = target.url;
    spec.http2PriorKnowledge = target.protocol == Protocol::H2c;
    spec.caFile = target.protocol == Protocol::H2Tls ? target.caFile : QString();
    spec.exports = target.exports;
    OutboxFixture fixture;
    QString error;
    if (!prepareOutbox(m_workDir + QStringLiteral("/sender.sqlite"), spec, *target.bodies, &fixture,
                       &error)) {
        result.note = QStringLiteral("outbox: ") + error;
        return result;
    }
    resetSelfPeakRss();
    const double cpuBefore = selfCpuSeconds();
    // WIRE THE SENDER HERE, then delete this line and the #error below:
    //   1. open a SqliteStore on fixture.storePath and make the sender for
    //      fixture.dataflowId (its destination points at target.url);
    //   2. start a QElapsedTimer, run it until the outbox is empty (or
    //      target.maxSeconds: stop, then count what is left), on its own threads;
    //   3. result.requests = delivered, result.failures = failed rows,
    //      result.seconds = elapsed;
    //   4. latencies: the sender's per-request latency (send → 2xx) for every
    //      delivery, or its histogram's p50/p95/p99 (DESIGN §2 figures) into
    //      result.p50Ms/p95Ms/p99Ms; fillPercentiles() takes raw nanoseconds.
#error "bench/delivery/senderclient.cpp: wire the sender (see the comment above)"
    result.cpuSeconds = selfCpuSeconds() - cpuBefore;
    result.peakRssMiB = selfPeakRssMiB();
    result.ran = true;
    return result;
#endif
}

} // namespace outflow::bench
