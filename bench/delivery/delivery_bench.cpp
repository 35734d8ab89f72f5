// bench/delivery: exports/s, latency, CPU and memory of HTTP clients posting
// ~1 KiB export bodies to one nginx on 127.0.0.1, all in the same run: wrk
// and h2load (ceilings), undici or node:http2 (the peer), bare QNAM instances (the
// floor of issue #6) and the Outflow sender (DestinationSender). See bench/README.md.
#include "batchrows.h"
#include "externalclients.h"
#include "measure.h"
#include "outboxfixture.h"
#include "qnamclient.h"
#include "report.h"
#include "senderclient.h"
#include "servemodes.h"
#include "support/nginxserver.h"
#include "support/testpki.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>

using namespace outflow::bench;
using outflow::test::NginxLocation;
using outflow::test::NginxOptions;
using outflow::test::NginxServer;

namespace {

struct QnamShape
{
    int threads, qnams, window;
};

// The bare-QNAM rows of each configuration unless --qnam says otherwise:
// one QNAM, then enough of them to reach the targets (issue #6's figures).
QList<QnamShape> defaultQnamShapes(Protocol protocol, int latencyMs)
{
    if (protocol == Protocol::Http1)
        return latencyMs == 0 ? QList<QnamShape>{{1, 1, 6}, {2, 2, 6}, {2, 4, 6}}
                              : QList<QnamShape>{{1, 1, 6}, {2, 64, 6}, {2, 128, 6}};
    return latencyMs == 0 ? QList<QnamShape>{{1, 1, 100}, {2, 2, 100}}
                          : QList<QnamShape>{{1, 1, 128}, {2, 8, 128}, {2, 16, 128}};
}

QList<QnamShape> parseQnamShapes(const QString &text)
{
    QList<QnamShape> shapes;
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList parts = item.split(QLatin1Char(':'));
        if (parts.size() == 3)
            shapes.append({parts[0].toInt(), parts[1].toInt(), parts[2].toInt()});
    }
    return shapes;
}

// Connections and streams of the other clients: enough to saturate at each
// latency (at 50 ms, N in flight give at most N × 20 requests/s).
ClientList makeClients(Protocol protocol, int latencyMs, const ExternalPaths &paths,
                       const QCommandLineParser &parser, const QString &workDir,
                       const QStringList &wanted)
{
    const bool slow = latencyMs > 0;
    ClientList clients;
    const auto want = [&wanted](const char *name) {
        return wanted.isEmpty() || wanted.contains(QLatin1String(name));
    };
    if (want("wrk"))
        clients.push_back(std::make_unique<WrkClient>(
            paths, parser.value(QStringLiteral("wrk-threads")).toInt(), slow ? 1024 : 64,
            parser.value(QStringLiteral("wrk-seconds")).toDouble()));
    if (want("h2load"))
        clients.push_back(std::make_unique<H2loadClient>(paths, slow ? 8 : 2, slow ? 128 : 100));
    if (want("undici"))
        clients.push_back(std::make_unique<UndiciClient>(
            paths, protocol == Protocol::Http1 ? (slow ? 1024 : 64) : (slow ? 8 : 2),
            slow ? 128 : 100));
    if (want("qnam")) {
        const QString custom = parser.value(QStringLiteral("qnam"));
        const QList<QnamShape> shapes =
            custom.isEmpty() ? defaultQnamShapes(protocol, latencyMs) : parseQnamShapes(custom);
        for (const QnamShape &shape : shapes)
            clients.push_back(
                std::make_unique<QnamClient>(shape.threads, shape.qnams, shape.window));
    }
    if (want("sender")) {
        const int window = parser.value(QStringLiteral("sender-window")).toInt();
        const QString threads = parser.value(QStringLiteral("sender-threads"));
        if (threads.isEmpty())
            clients.push_back(std::make_unique<SenderClient>(workDir, window));
        for (const QString &count : threads.split(QLatin1Char(','), Qt::SkipEmptyParts))
            clients.push_back(std::make_unique<SenderClient>(workDir, window, count.toInt()));
    }
    return clients;
}

Result runMeasured(BenchClient &client, const Target &target, qint64 nginxPid)
{
    const double nginxBefore = nginxWorkersCpuSeconds(nginxPid);
    QElapsedTimer wall;
    wall.start();
    Result result = client.run(target);
    const double seconds = double(wall.nsecsElapsed()) / 1e9;
    result.role = client.role();
    if (result.ran && seconds > 0)
        result.nginxCpuShare = (nginxWorkersCpuSeconds(nginxPid) - nginxBefore) / seconds;
    return result;
}

QString versionOf(const QString &program, const QStringList &arguments)
{
    const QString path = QStandardPaths::findExecutable(program);
    if (path.isEmpty())
        return QStringLiteral("missing");
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(path, arguments);
    process.waitForFinished(10000);
    return QString::fromLocal8Bit(process.readAll()).section(QLatin1Char('\n'), 0, 0).trimmed();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const auto option = [&parser](const char *name, const char *help, const char *value = nullptr,
                                  const char *fallback = nullptr) {
        parser.addOption(QCommandLineOption(QString::fromLatin1(name), QString::fromUtf8(help),
                                            QString::fromLatin1(value ? value : ""),
                                            QString::fromLatin1(fallback ? fallback : "")));
    };
    option("exports", "Exports per client and configuration.", "N", "200000");
    option("latency", "Endpoint latencies in ms, comma-separated.", "LIST", "0,50");
    option("protocols", "Any of http1,h2c,h2 (h2: TLS + ALPN).", "LIST", "http1,h2c,h2");
    option("clients", "Only these of wrk,h2load,undici,qnam,sender.", "LIST");
    option("qnam", "Bare QNAM rows THREADS:QNAMS:WINDOW,... (default: per configuration).", "LIST");
    option("sender-window", "The sender's destination: maximum concurrency (its window's cap).",
           "N", "1024");
    option("sender-threads",
           "Sender rows with these network thread counts, comma-separated (default: one row, "
           "the Engine's pool size).",
           "LIST");
    option("repeat", "Runs of every configuration (for the spread).", "N", "1");
    option("max-seconds", "Stop a client after this long (its rate still counts).", "S", "60");
    option("wrk-seconds", "wrk's run length.", "S", "10");
    option("wrk-threads", "wrk's threads.", "N", "1");
    option("nginx-workers", "nginx worker processes.", "N", "1");
    option("output", "Append the report to this results file.", "FILE");
    option("source-dir", "The Outflow source tree (scripts and tests/peers).", "DIR");
    option("prepare-outbox", "Only write a store with N exports queued for --url; exit.", "STORE");
    option("url", "Endpoint of --prepare-outbox.", "URL");
    option("h2c", "--prepare-outbox: HTTP/2 prior knowledge.");
    option("keep-work", "Keep the work folder (bodies, the clients' outputs).");
    option("serve", "Only run nginx, logging export ids to FILE, until stdin closes.", "FILE");
    option("batch",
           "Batched rows (issue #22): these batch sizes, comma-separated (wrk and h2load with a "
           "batch body, the sender batching); one-body rows: wrk and h2load unless --clients.",
           "LIST");
    option("batch-age-ms", "The batched sender's destination: maximum batch age.", "MS", "1000");
    option("paced",
           "After each batched sender row, the sender again fed at this fraction of its rate "
           "(committed → 2xx latency).",
           "FRACTION");
    option("paced-rate", "Paced rows at this many exports/s instead of a fraction.", "N");
    option("paced-seconds", "How long a paced row feeds the outbox.", "S", "10");
    option("quick",
           "Under 10 minutes: --clients wrk,h2load,qnam,sender --batch 10,100,1000 --paced 0.8 "
           "--latency 0,50 --protocols http1,h2c --exports 100000 --max-seconds 10 "
           "--wrk-seconds 5 --paced-seconds 8 (unless given): the one-body sender beside the "
           "bare QNAM, wrk and h2load, then the batched rows.");
    parser.process(app);
    if (parser.isSet(QStringLiteral("quick"))) {
        QStringList arguments = QCoreApplication::arguments();
        const QList<std::pair<const char *, const char *>> quick = {
            {"clients", "wrk,h2load,qnam,sender"},
            {"batch", "10,100,1000"},
            {"paced", "0.8"},
            {"latency", "0,50"},
            {"protocols", "http1,h2c"},
            {"exports", "100000"},
            {"max-seconds", "10"},
            {"wrk-seconds", "5"},
            {"paced-seconds", "8"}};
        for (const auto &[name, value] : quick) {
            if (!parser.isSet(QString::fromLatin1(name)))
                arguments << QStringLiteral("--") + QString::fromLatin1(name)
                          << QString::fromLatin1(value);
        }
        parser.process(arguments);
    }
    const qint64 exports = parser.value(QStringLiteral("exports")).toLongLong();
    if (parser.isSet(QStringLiteral("prepare-outbox")))
        return prepareOutboxOnly(parser.value(QStringLiteral("prepare-outbox")),
                                 QUrl(parser.value(QStringLiteral("url"))),
                                 parser.isSet(QStringLiteral("h2c")), exports);
    if (parser.isSet(QStringLiteral("serve")))
        return serveOnly(parser.value(QStringLiteral("serve")),
                         parser.value(QStringLiteral("nginx-workers")).toInt());

    const QString source = parser.isSet(QStringLiteral("source-dir"))
                               ? parser.value(QStringLiteral("source-dir"))
                               : QStringLiteral(OUTFLOW_SOURCE_DIR);
    QTemporaryDir work;
    if (parser.isSet(QStringLiteral("keep-work"))) {
        work.setAutoRemove(false); // the clients' logs, for a failing row
        QTextStream(stderr) << "work folder: " << work.path() << Qt::endl;
    }
    ExportBodies bodies;
    ExternalPaths paths{source + QStringLiteral("/bench/delivery"),
                        source + QStringLiteral("/tests/peers/node_modules"),
                        work.filePath(QStringLiteral("body.json")),
                        work.filePath(QStringLiteral("bodies.ndjson"))};
    if (!bodies.writeFirst(paths.bodyFile) || !bodies.writeNdjson(paths.ndjsonFile))
        return 1;
    BatchRowsConfig batches;
    for (const QString &item :
         parser.value(QStringLiteral("batch")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        batches.sizes.append(item.toInt());
        if (batches.sizes.last() < 2 ||
            writeBatchBody(bodies, item.toInt(), work.path()).isEmpty()) {
            qCritical().noquote() << "--batch: sizes from 2, and a writable work folder";
            return 1;
        }
    }
    batches.maxAgeMs = parser.value(QStringLiteral("batch-age-ms")).toInt();
    batches.pacedFraction = parser.value(QStringLiteral("paced")).toDouble();
    batches.pacedRate = parser.value(QStringLiteral("paced-rate")).toDouble();
    batches.pacedSeconds = parser.value(QStringLiteral("paced-seconds")).toDouble();
    batches.senderWindow = parser.value(QStringLiteral("sender-window")).toInt();
    batches.wrkSeconds = parser.value(QStringLiteral("wrk-seconds")).toDouble();
    batches.wrkThreads = parser.value(QStringLiteral("wrk-threads")).toInt();

    QList<int> latencies;
    for (const QString &item :
         parser.value(QStringLiteral("latency")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        latencies.append(item.toInt());
    const QStringList protocols =
        parser.value(QStringLiteral("protocols")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    outflow::test::TestPki pki;
    NginxOptions options;
    options.http = true;
    options.h2c = protocols.contains(QLatin1String("h2c"));
    options.https = protocols.contains(QLatin1String("h2"));
    options.workerProcesses = parser.value(QStringLiteral("nginx-workers")).toInt();
    // nginx allows 128 streams per connection; the clients use up to 128, and
    // 1024 leaves room for --qnam experiments beyond.
    // Batched bodies reach ≈ 1.1 MB at 1,000 exports (nginx refuses more than
    // 1 MiB by default, with a 413); held in memory, not spooled to a file.
    options.extraServerDirectives =
        QStringLiteral("http2_max_concurrent_streams 1024; client_max_body_size 64m; "
                       "client_body_buffer_size 4m;");
    options.locations = {NginxLocation::ok(QStringLiteral("/exports"))};
    for (const int latency : std::as_const(latencies)) {
        if (latency > 0)
            options.locations.append(
                NginxLocation::delayed(QStringLiteral("/delay-%1").arg(latency), latency));
    }
    if (options.https) {
        if (!pki.generate()) {
            qCritical().noquote() << pki.errorString();
            return 1;
        }
        options.certificatePath = pki.serverCertificate();
        options.keyPath = pki.serverKey();
    }
    NginxServer nginx(options);
    if (!nginx.start()) {
        qCritical().noquote() << nginx.errorString();
        return 1;
    }

    Report report(parser.value(QStringLiteral("output")));
    report.line(QStringLiteral("# bench/delivery %1")
                    .arg(QDateTime::currentDateTime().toString(Qt::ISODate)));
    report.line(QStringLiteral("machine: %1 cores, %2; load average at start %3")
                    .arg(QThread::idealThreadCount())
                    .arg(QSysInfo::prettyProductName(), loadAverage()));
    report.line(QStringLiteral("Qt %1; %2; %3; node %4 (undici 6.29.1); %5")
                    .arg(QString::fromLatin1(qVersion()),
                         versionOf(NginxServer::executable(), {QStringLiteral("-v")}),
                         versionOf(QStringLiteral("wrk"), {QStringLiteral("-v")})
                             .section(QLatin1Char(' '), 0, 1),
                         versionOf(QStringLiteral("node"), {QStringLiteral("--version")}),
                         versionOf(QStringLiteral("h2load"), {QStringLiteral("--version")})));
    report.line(QStringLiteral("nginx: %1 worker(s); bodies: %2 distinct, %3 bytes on average; "
                               "%4 exports per client (max %5 s each)")
                    .arg(options.workerProcesses)
                    .arg(bodies.poolSize())
                    .arg(qint64(bodies.averageBytes()))
                    .arg(exports)
                    .arg(parser.value(QStringLiteral("max-seconds"))));
    report.line();

    QStringList wanted =
        parser.value(QStringLiteral("clients")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (!batches.sizes.isEmpty()) {
        // Batched: the one-body ceilings beside the batched rows, unless told.
        if (wanted.isEmpty())
            wanted = {QStringLiteral("wrk"), QStringLiteral("h2load")};
        batches.wrk = wanted.contains(QLatin1String("wrk"));
        batches.h2load = wanted.contains(QLatin1String("h2load"));
        report.line(QStringLiteral("batches of %1 exports (age ≤ %2 ms); exports/s and µs/req "
                                   "are per export, ×wrk against wrk's one-body request rate")
                        .arg(parser.value(QStringLiteral("batch")))
                        .arg(batches.maxAgeMs));
        report.line();
    }
    const int repeat = std::max(1, parser.value(QStringLiteral("repeat")).toInt());
    for (const int latency : std::as_const(latencies)) {
        for (const QString &protocolKey : protocols) {
            Target target;
            target.protocol = protocolKey == QLatin1String("h2c")  ? Protocol::H2c
                              : protocolKey == QLatin1String("h2") ? Protocol::H2Tls
                                                                   : Protocol::Http1;
            target.latencyMs = latency;
            const QString path =
                latency > 0 ? QStringLiteral("/delay-%1").arg(latency) : QStringLiteral("/exports");
            target.url = target.protocol == Protocol::H2c     ? nginx.h2cUrl(path)
                         : target.protocol == Protocol::H2Tls ? nginx.httpsUrl(path)
                                                              : nginx.httpUrl(path);
            target.http1Url = nginx.httpUrl(path);
            target.caFile = pki.caCertificate();
            target.bodies = &bodies;
            target.exports = exports;
            target.maxSeconds = parser.value(QStringLiteral("max-seconds")).toDouble();
            target.workDir = work.path();
            const QString title = QStringLiteral("## %1, endpoint %2 ms")
                                      .arg(protocolName(target.protocol))
                                      .arg(latency);
            ClientList clients =
                makeClients(target.protocol, latency, paths, parser, work.path(), wanted);
            if (!batches.sizes.isEmpty())
                appendBatchClients(clients, latency, paths, work.path(), batches);
            QList<QList<Result>> repetitions;
            for (int r = 0; r < repeat; ++r) {
                QList<Result> rows;
                for (const auto &client : clients) {
                    if (!client->supports(target))
                        continue;
                    rows.append(runMeasured(*client, target, nginx.masterPid()));
                    QThread::msleep(500); // sockets closed, CPU quiet before the next
                }
                report.table(title + QStringLiteral(" — run %1/%2, load %3")
                                         .arg(r + 1)
                                         .arg(repeat)
                                         .arg(loadAverage()),
                             rows);
                repetitions.append(rows);
            }
            if (repeat > 1)
                report.summary(title, repetitions);
        }
    }
    report.line(QStringLiteral("load average at end %1").arg(loadAverage()));
    nginx.stop();
    return 0;
}
