// bench/metrics: what monitoring costs delivery (issue #7: "delivery
// throughput with metrics on and off in the same run", target < 3 %).
//
// One store, one destination (a real nginx on 127.0.0.1 answering 200 over
// HTTP/1.1), and a real DestinationSender on its own thread, as the Engine
// runs it (SenderSupervisor: NetworkThreadPool, moveToThread, start, nudge).
// Each run enqueues N fresh exports of ≈ 1 KB (before the clock starts), then
// makes a new sender and measures until it reports idle: exports/s (wall)
// and CPU µs per export (getrusage, every thread of the process). Runs
// alternate metrics OFF (SenderOptions::recorder null) and ON (a
// MetricsRecorder), after one warm-up run; the report gives each run, the
// medians and the ON/OFF ratios. ON runs must leave N deliveries in the
// recorder, OFF runs none, every run an empty outbox: otherwise it fails.
// See bench/README.md, "Monitoring overhead".
#include "../common/benchsupport.h"
#include "../common/senderrun.h"
#include "activation/activator.h"
#include "delivery/destinationsender.h"
#include "delivery/networkthreadpool.h"
#include "monitoring/metricsrecorder.h"
#include "store/sqlitestore.h"
#include "support/nginxserver.h"

#include <algorithm>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <QUuid>

using namespace outflow;
using namespace outflow::bench;

namespace {

QString readFirstLine(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromLatin1(file.readLine()).trimmed();
}

// "1.05" of /proc/loadavg (one minute).
QString loadAverage1()
{
    return readFirstLine(QStringLiteral("/proc/loadavg")).section(QLatin1Char(' '), 0, 0);
}

// The process's resident memory now (VmRSS), MiB.
double rssMiB()
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    for (QByteArray line = file.readLine(); !line.isEmpty(); line = file.readLine()) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

// A profile's export, ≈ 1 KB of XDM-like JSON (the size activation makes for
// a few mapped attributes and segment memberships), exactly `size` bytes.
QByteArray exportBody(qint64 profile, int size)
{
    const QByteArray p = QByteArray::number(profile);
    QByteArray body;
    body.reserve(size);
    body.append(R"({"identityMap":{"email":[{"id":"person.)")
        .append(p)
        .append(R"(@example.com","primary":true}],"crmId":[{"id":"CRM-)")
        .append(p)
        .append(R"("}]},"person":{"name":{"firstName":"Alexandra","lastName":"Kowalczyk-)")
        .append(p)
        .append(R"("},"birthDate":"1984-07-21","gender":"female"},)")
        .append(R"("personalEmail":{"address":"person.)")
        .append(p)
        .append(R"(@example.com","status":"active"},)")
        .append(R"("mobilePhone":{"number":"+33 6 12 34 56 78","status":"active"},)")
        .append(R"("homeAddress":{"street1":"12 rue des Lilas","city":"Lyon",)")
        .append(R"("postalCode":"69003","country":"France","countryCode":"FR"},)")
        .append(R"("loyalty":{"points":4820,"tier":"gold","joinDate":"2019-03-02"},)")
        .append(R"("consents":{"marketing":{"email":{"val":"y"},"sms":{"val":"n"}}},)")
        .append(R"("segmentMembership":{"ups":{"0f6f0a2e-2e11-49a2-9e39-e5d9a76be683":)")
        .append(R"({"status":"realized","lastQualificationTime":"2026-11-29T03:00:00Z"},)")
        .append(R"("5b1c7e90-8d4f-4c1a-a3f2-2b6e1d9c4e10":{"status":"existing",)")
        .append(R"("lastQualificationTime":"2026-11-28T18:42:10Z"}}},"pad":")");
    const qsizetype room = size - body.size() - 2;
    body.append(QByteArray(std::max<qsizetype>(0, room), 'x')).append("\"}");
    return body;
}

struct Setup
{
    QString storePath;
    Destination destination;
    QString dataflowId;
    qint64 nextProfile = 1;
};

bool createDestination(SqliteStore &store, const QUrl &endpoint, Setup *setup)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Destination destination;
    destination.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    destination.name = QStringLiteral("bench-nginx");
    destination.endpoint = endpoint;
    destination.createdAt = destination.updatedAt = now;
    Dataflow dataflow;
    dataflow.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    dataflow.destinationId = destination.id;
    dataflow.createdAt = dataflow.updatedAt = now;
    if (!store.insertDestination(destination) || !store.saveDataflow(dataflow))
        return false;
    setup->destination = destination;
    setup->dataflowId = dataflow.id;
    return true;
}

// N new exports (new profiles: one export each, no ordering between them),
// with the outbox's time-ordered ids, in 10,000-row transactions.
bool enqueueExports(SqliteStore &store, Setup &setup, qint64 count, int bodySize)
{
    constexpr qint64 Batch = 10'000;
    OutboxExport row;
    row.dataflowId = setup.dataflowId;
    row.reason = QByteArrayLiteral(R"({"triggers":["membership"],"bench":"metrics"})");
    row.lane = ExportLane::Live;
    for (qint64 i = 0; i < count; ++i) {
        if (i % Batch == 0 && !store.begin())
            return false;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        row.exportId = Activator::newExportId(now);
        row.profileId = setup.nextProfile++;
        row.payload = exportBody(row.profileId, bodySize);
        row.createdAt = row.nextAttemptAt = now;
        if (!store.enqueueExport(row))
            return false;
        if (((i + 1) % Batch == 0 || i + 1 == count) && !store.commit())
            return false;
    }
    return true;
}

struct Run
{
    int index = 0; // 0: the warm-up
    bool metrics = false;
    qint64 exports = 0;
    double seconds = 0;
    double cpuSeconds = 0;
    QString loadBefore, loadAfter;
    qint64 senderDelivered = 0;   // the sender's own DeliveryMetrics at idle
    qint64 recorderDelivered = 0; // what the MetricsRecorder received
    qint64 recorderAttempts = 0;
    quint64 recorderLatencies = 0;
    qint64 outboxLeft = -1;
    QString error;

    double rate() const { return seconds > 0 ? exports / seconds : 0; }
    double cpuMicrosPerExport() const { return exports > 0 ? cpuSeconds * 1e6 / exports : 0; }
};

// One run: a new sender (as the Engine makes one) delivers what the outbox
// holds; the clock runs from start() to its idle report (bench/common/senderrun).
Run deliver(const Setup &setup, NetworkThreadPool &pool, MetricsRecorder *recorder, qint64 exports,
            int timeoutSeconds)
{
    Run run;
    run.metrics = recorder != nullptr;
    run.exports = exports;
    SenderOptions options; // the Engine's defaults
    options.recorder = recorder;
    run.loadBefore = loadAverage1();
    const SenderRun sent = runSenderUntilIdle(setup.storePath, setup.destination, setup.dataflowId,
                                              pool, options, timeoutSeconds);
    run.loadAfter = loadAverage1();
    run.seconds = sent.seconds;
    run.cpuSeconds = sent.cpuSeconds;
    run.senderDelivered = sent.last.delivered;
    run.error =
        sent.timedOut ? QStringLiteral("not idle after %1 s").arg(timeoutSeconds) : sent.error;
    return run;
}

// What the recorder holds now (every minute of the dataflow), removed.
void takeRecorded(MetricsRecorder &recorder, Run *run)
{
    for (const MetricsBucket &bucket : recorder.takeFinished(true)) {
        run->recorderDelivered += bucket.delivered;
        run->recorderAttempts += bucket.attempts;
        run->recorderLatencies += bucket.latency.count();
    }
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

QString fixed(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

QString percent(double ratio)
{
    const double p = (ratio - 1) * 100;
    return (p >= 0 ? QStringLiteral("+") : QString()) + fixed(p, 2) + QStringLiteral(" %");
}

// Reference, the same run: the per-export work of monitoring measured alone,
// nanoseconds an export. `sender`: what the sender adds up for each 2xx
// (MetricsBucket counts and latency histogram; done with metrics on *and*
// off, only the hand-off every 250 ms depends on the recorder). `recorder`:
// the same through MetricsRecorder's mutex per call (recordAttempt +
// recordDelivered), as a design without the sender's bucket would. `created`:
// one recordCreated call (the Activator makes one per counter per saved page).
void perExportReference(qint64 exports, double *senderNs, double *recorderNs, double *createdNs)
{
    const QString dataflow = QUuid::createUuid().toString(QUuid::WithoutBraces);
    MetricsBucket bucket;
    bucket.dataflowId = dataflow;
    QElapsedTimer timer;
    timer.start();
    for (qint64 i = 0; i < exports; ++i) {
        const qint64 latencyMs = (i * 7919) % 5000;
        ++bucket.attempts;
        ++bucket.delivered;
        if (latencyMs <= MetricsRecorder::DefaultSloTargetMs)
            ++bucket.onTime;
        bucket.latency.record(latencyMs * 1000);
    }
    MetricsRecorder sink;
    sink.add(bucket);
    *senderNs = double(timer.nsecsElapsed()) / double(exports);

    MetricsRecorder recorder;
    timer.restart();
    for (qint64 i = 0; i < exports; ++i) {
        recorder.recordAttempt(dataflow, false);
        recorder.recordDelivered(dataflow, (i * 7919) % 5000);
    }
    *recorderNs = double(timer.nsecsElapsed()) / double(exports);
    timer.restart();
    for (qint64 i = 0; i < exports; ++i)
        recorder.recordCreated(dataflow);
    *createdNs = double(timer.nsecsElapsed()) / double(exports);
    qint64 check = 0;
    for (const MetricsBucket &b : recorder.takeFinished(true))
        check += b.delivered;
    if (check != exports || sink.takeFinished(true).value(0).delivered != exports)
        *senderNs = *recorderNs = *createdNs = -1;
}

// Reference: the hand-off of emitMetrics with a recorder (what metrics ON
// adds): a snapshot's bucket — 600 deliveries, a quarter second at
// 2,400/s — added to the recorder and reset. Nanoseconds a hand-off.
double handoffNs(int snapshots)
{
    MetricsBucket filled;
    filled.dataflowId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    for (int i = 0; i < 600; ++i) {
        ++filled.attempts;
        ++filled.delivered;
        ++filled.onTime;
        filled.latency.record(qint64(1000 + (i * 7919) % 400'000));
    }
    MetricsRecorder recorder;
    QElapsedTimer timer;
    qint64 elapsed = 0;
    for (int i = 0; i < snapshots; ++i) {
        MetricsBucket unrecorded = filled; // the sender's, between two snapshots
        timer.start();
        recorder.add(unrecorded);
        unrecorded = MetricsBucket{};
        unrecorded.dataflowId = filled.dataflowId;
        elapsed += timer.nsecsElapsed();
    }
    qint64 delivered = 0;
    for (const MetricsBucket &bucket : recorder.takeFinished(true))
        delivered += bucket.delivered;
    return delivered == qint64(snapshots) * 600 ? double(elapsed) / snapshots : -1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption exportsOption(QStringLiteral("exports"),
                                           QStringLiteral("Exports delivered by each run."),
                                           QStringLiteral("N"), QStringLiteral("50000"));
    const QCommandLineOption repeatOption(
        QStringLiteral("repeat"), QStringLiteral("Runs of each mode, alternating (at least 3)."),
        QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption bodyOption(QStringLiteral("body-size"),
                                        QStringLiteral("Bytes of each export's body."),
                                        QStringLiteral("BYTES"), QStringLiteral("1024"));
    const QCommandLineOption warmupOption(
        QStringLiteral("warmup"),
        QStringLiteral("Exports of the unmeasured first run, metrics off (0: none)."),
        QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption workersOption(QStringLiteral("nginx-workers"),
                                           QStringLiteral("nginx worker processes."),
                                           QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
                                           QStringLiteral("Seconds a run may take at most."),
                                           QStringLiteral("S"), QStringLiteral("600"));
    const QCommandLineOption dirOption(QStringLiteral("dir"),
                                       QStringLiteral("Work folder (default: a temporary one)."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption onFirstOption(
        QStringLiteral("on-first"),
        QStringLiteral("Alternate ON, OFF, ON… instead of OFF, ON, OFF… (order effects)."));
    parser.addOptions({exportsOption, repeatOption, bodyOption, warmupOption, workersOption,
                       timeoutOption, dirOption, onFirstOption});
    parser.process(app);
    const qint64 exports = parser.value(exportsOption).toLongLong();
    const int repeat = parser.value(repeatOption).toInt();
    const int bodySize = parser.value(bodyOption).toInt();
    const qint64 warmup = parser.value(warmupOption).toLongLong();
    const int timeoutSeconds = parser.value(timeoutOption).toInt();
    const bool onFirst = parser.isSet(onFirstOption);
    if (exports <= 0 || repeat < 3 || bodySize < 700) {
        out() << "--exports must be > 0, --repeat >= 3, --body-size >= 700" << Qt::endl;
        return 2;
    }
    QTemporaryDir temporary;
    const QString dir = parser.isSet(dirOption) ? parser.value(dirOption) : temporary.path();
    Setup setup;
    setup.storePath = dir + QStringLiteral("/metrics.sqlite");
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(setup.storePath + QLatin1String(suffix));

    test::NginxOptions nginxOptions;
    nginxOptions.workerProcesses = parser.value(workersOption).toInt();
    nginxOptions.locations = {test::NginxLocation::ok(QStringLiteral("/exports"))};
    test::NginxServer nginx(nginxOptions);
    if (!nginx.start()) {
        out() << "nginx: " << nginx.errorString() << Qt::endl;
        return 1;
    }
    SqliteStore store(setup.storePath);
    if (!store.open() ||
        !createDestination(store, nginx.httpUrl(QStringLiteral("/exports")), &setup)) {
        out() << "store: " << store.lastError() << Qt::endl;
        return 1;
    }
    NetworkThreadPool pool; // shared by the runs' senders, as the Engine's
    MetricsRecorder recorder;

    out() << "bench/metrics: " << exports << " exports of " << bodySize
          << " bytes a run, HTTP/1.1 to nginx "
          << nginx.httpUrl(QStringLiteral("/exports")).toString() << " ("
          << nginxOptions.workerProcesses << " worker), " << QThread::idealThreadCount()
          << " cores, network threads " << pool.size() << Qt::endl;
    out() << "load average at start: " << readFirstLine(QStringLiteral("/proc/loadavg"))
          << "; CPU pressure: " << readFirstLine(QStringLiteral("/proc/pressure/cpu")) << Qt::endl;

    QList<Run> runs;
    bool failed = false;
    const int total = 2 * repeat + (warmup > 0 ? 1 : 0);
    for (int i = 0; i < total && !failed; ++i) {
        const bool isWarmup = warmup > 0 && i == 0;
        const int index = warmup > 0 ? i : i + 1;
        const bool metrics = !isWarmup && (index % 2 == 0) != onFirst; // OFF, ON, OFF, ON…
        const qint64 count = isWarmup ? warmup : exports;
        if (!enqueueExports(store, setup, count, bodySize)) {
            out() << "enqueue: " << store.lastError() << Qt::endl;
            return 1;
        }
        recorder.takeFinished(true); // nothing left over from the previous run
        Run run = deliver(setup, pool, metrics ? &recorder : nullptr, count, timeoutSeconds);
        run.index = index;
        takeRecorded(recorder, &run);
        run.outboxLeft = store.outboxCount(setup.dataflowId);
        // The run must have delivered everything, and the recorder must hold
        // exactly that when on and nothing when off.
        if (run.error.isEmpty() && run.outboxLeft != 0)
            run.error = QStringLiteral("%1 exports left in the outbox").arg(run.outboxLeft);
        if (run.error.isEmpty() && run.senderDelivered != count)
            run.error = QStringLiteral("the sender reports %1 delivered").arg(run.senderDelivered);
        const qint64 expected = metrics ? count : 0;
        if (run.error.isEmpty() &&
            (run.recorderDelivered != expected || run.recorderAttempts != expected ||
             run.recorderLatencies != quint64(expected)))
            run.error = QStringLiteral("the recorder holds %1 delivered, %2 attempts, %3 "
                                       "latencies; expected %4")
                            .arg(run.recorderDelivered)
                            .arg(run.recorderAttempts)
                            .arg(run.recorderLatencies)
                            .arg(expected);
        out() << (isWarmup ? QStringLiteral("warm-up") : QStringLiteral("run %1").arg(index))
              << ", metrics " << (metrics ? "ON " : "OFF") << ": " << count << " exports in "
              << fixed(run.seconds, 2) << " s = " << qint64(run.rate()) << " exports/s, "
              << fixed(run.cpuMicrosPerExport(), 1)
              << " µs CPU/export; recorder: " << run.recorderDelivered << " delivered, "
              << run.recorderAttempts << " attempts; load " << run.loadBefore << " → "
              << run.loadAfter << "; RSS " << fixed(rssMiB(), 0) << " MiB" << Qt::endl;
        if (!run.error.isEmpty()) {
            out() << "  FAILED: " << run.error << Qt::endl;
            failed = true;
        }
        if (!isWarmup)
            runs.append(run);
    }
    if (failed)
        return 1;

    QList<double> rate[2], cpu[2];
    for (const Run &run : runs) {
        rate[run.metrics].append(run.rate());
        cpu[run.metrics].append(run.cpuMicrosPerExport());
    }
    // Each ON run beside the OFF run of its pair: drift of the machine's
    // load between the two is smaller than over the whole benchmark.
    QList<double> pairRate, pairCpu;
    for (qsizetype i = 1; i < runs.size(); i += 2) {
        const Run &on = runs.at(i).metrics ? runs.at(i) : runs.at(i - 1);
        const Run &off = runs.at(i).metrics ? runs.at(i - 1) : runs.at(i);
        pairRate.append(on.rate() / off.rate());
        pairCpu.append(on.cpuMicrosPerExport() / off.cpuMicrosPerExport());
    }
    const auto spread = [](const QList<double> &values) -> QString {
        const auto [lo, hi] = std::minmax_element(values.cbegin(), values.cend());
        return fixed(*lo, 1) + QStringLiteral(" – ") + fixed(*hi, 1) + QStringLiteral(" (±") +
               fixed((*hi - *lo) / 2 / median(values) * 100, 1) + QStringLiteral(" %)");
    };
    const double rateRatio = median(rate[1]) / median(rate[0]);
    const double cpuRatio = median(cpu[1]) / median(cpu[0]);

    out() << Qt::endl << "medians of " << repeat << " runs each:" << Qt::endl;
    out() << "  metrics OFF: " << qint64(median(rate[0])) << " exports/s (" << spread(rate[0])
          << "), " << fixed(median(cpu[0]), 1) << " µs CPU/export (" << spread(cpu[0]) << ")"
          << Qt::endl;
    out() << "  metrics ON:  " << qint64(median(rate[1])) << " exports/s (" << spread(rate[1])
          << "), " << fixed(median(cpu[1]), 1) << " µs CPU/export (" << spread(cpu[1]) << ")"
          << Qt::endl;
    out() << "  ON/OFF throughput: " << fixed(rateRatio, 4) << " (" << percent(rateRatio)
          << "); median of the pairs " << fixed(median(pairRate), 4) << " ("
          << percent(median(pairRate)) << ")" << Qt::endl;
    out() << "  ON/OFF CPU/export: " << fixed(cpuRatio, 4) << " (" << percent(cpuRatio)
          << "); median of the pairs " << fixed(median(pairCpu), 4) << " ("
          << percent(median(pairCpu)) << ")" << Qt::endl;
    double senderNs = 0, recorderNs = 0, createdNs = 0;
    perExportReference(1'000'000, &senderNs, &recorderNs, &createdNs);
    const double handoff = handoffNs(100'000);
    const double offNs = median(cpu[0]) * 1000;
    // What metrics ON adds to the sender: one hand-off a snapshot (4 a
    // second with the default 250 ms), spread over the exports of that second.
    const double snapshotsPerSecond = 1000.0 / double(SenderOptions().metricsInterval.count());
    const double onOnlyNs = handoff * snapshotsPerSecond / median(rate[0]);
    out() << Qt::endl
          << "reference, monitoring's work measured alone (same process, after the runs):"
          << Qt::endl;
    out() << "  what only ON does: the sender's hand-off to the recorder (add + reset), "
          << fixed(handoff, 0) << " ns a snapshot, " << fixed(snapshotsPerSecond, 0)
          << " a second = " << fixed(onOnlyNs, 2)
          << " ns an export at the OFF median rate = " << fixed(onOnlyNs / offNs * 100, 4)
          << " % of the OFF CPU/export" << Qt::endl;
    out() << "  what ON and OFF both do: the sender's bucket (counts + latency histogram), "
          << fixed(senderNs, 1) << " ns an export = " << fixed(senderNs / offNs * 100, 3) << " %"
          << Qt::endl;
    out() << "  for comparison, through the recorder's mutex (recordAttempt + recordDelivered): "
          << fixed(recorderNs, 1) << " ns an export = " << fixed(recorderNs / offNs * 100, 3)
          << " %" << Qt::endl;
    out() << "  one recorder call (recordCreated): " << fixed(createdNs, 1)
          << " ns; the Activator makes one per counter per saved page or merge (and one per "
             "excluded export), not in these runs"
          << Qt::endl;

    // The measured difference: the worse of throughput lost and CPU added,
    // against the run-to-run spread (half the range of a mode's runs, the
    // widest of the four series): a difference inside it is noise, and a
    // spread above the target means this run cannot resolve it end to end.
    const double loss = std::max(1 - rateRatio, cpuRatio - 1) * 100;
    const auto halfRange = [](const QList<double> &values) {
        const auto [lo, hi] = std::minmax_element(values.cbegin(), values.cend());
        return (*hi - *lo) / 2 / median(values) * 100;
    };
    const double noise =
        std::max({halfRange(rate[0]), halfRange(cpu[0]), halfRange(rate[1]), halfRange(cpu[1])});
    out() << Qt::endl
          << "overhead measured (the worse of throughput lost and CPU added): " << fixed(loss, 2)
          << " %; spread of the runs ±" << fixed(noise, 1) << " %" << Qt::endl;
    out() << "target < 3 %: ";
    const QString onOnly = fixed(onOnlyNs / offNs * 100, 4) + QStringLiteral(" %");
    if (loss >= 3 && loss > noise)
        out() << "NOT met (the difference exceeds the spread)";
    else if (noise < 3)
        out() << "met";
    else if (loss < 3)
        out() << "met by the medians, but the spread (±" << fixed(noise, 1)
              << " %) exceeds the target: not resolved end to end; what only ON does costs "
              << onOnly;
    else
        out() << "not resolved: the difference is inside the spread (±" << fixed(noise, 1)
              << " %); what only ON does costs " << onOnly;
    out() << Qt::endl;
    out() << "load average at end: " << readFirstLine(QStringLiteral("/proc/loadavg"))
          << "; peak RSS " << fixed(peakRssMiB(), 0) << " MiB" << Qt::endl;
    return 0;
}
