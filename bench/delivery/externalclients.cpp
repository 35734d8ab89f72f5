#include "externalclients.h"

#include "measure.h"

#include <algorithm>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>

namespace outflow::bench {

namespace {

QString findProgram(const QString &name)
{
    return QStandardPaths::findExecutable(name);
}

// The child's run into the result; false (with a note) when it failed.
bool takeChildRun(const ChildRun &child, const QString &program, Result &result)
{
    if (!child.started || child.exitCode == 127) {
        result.note = QStringLiteral("could not run ") + program;
        return false;
    }
    result.cpuSeconds = child.cpuSeconds;
    result.peakRssMiB = child.peakRssMiB;
    if (child.timedOut || child.exitCode != 0) {
        result.note =
            QStringLiteral("%1 %2: %3")
                .arg(program,
                     child.timedOut ? QStringLiteral("timed out") : QStringLiteral("failed"),
                     QString::fromLocal8Bit(child.output.right(300)).simplified());
        return false;
    }
    return true;
}

// "OUTFLOW key=value key=value" (wrk's done()).
QHash<QString, qint64> keyValues(const QByteArray &output)
{
    QHash<QString, qint64> values;
    for (const QByteArray &line : output.split('\n')) {
        if (!line.startsWith("OUTFLOW "))
            continue;
        for (const QByteArray &pair : line.mid(8).split(' ')) {
            const qsizetype equals = pair.indexOf('=');
            if (equals > 0)
                values.insert(QString::fromLatin1(pair.left(equals)),
                              pair.mid(equals + 1).toLongLong());
        }
    }
    return values;
}

QProcessEnvironment environment()
{
    return QProcessEnvironment::systemEnvironment();
}

} // namespace

WrkClient::WrkClient(ExternalPaths paths, int threads, int connections, double seconds)
    : m_paths(std::move(paths))
    , m_threads(threads)
    , m_connections(connections)
    , m_seconds(seconds)
{}

// wrk speaks HTTP/1.1 only: for h2c it runs against the cleartext HTTP/1.1
// listener of the same nginx, and over TLS it offers no ALPN, so nginx
// answers it in HTTP/1.1. Its figure stays the HTTP/1.1 ceiling.
bool WrkClient::supports(const Target &) const
{
    return true;
}

Result WrkClient::run(const Target &target)
{
    Result result;
    result.client = name();
    result.concurrency = QStringLiteral("%1 conn, %2 thr").arg(m_connections).arg(m_threads);
    const QString program = findProgram(QStringLiteral("wrk"));
    if (program.isEmpty()) {
        result.note = QStringLiteral("wrk is not installed");
        return result;
    }
    const ChildRun child =
        runChild(program,
                 {QStringLiteral("-t%1").arg(m_threads), QStringLiteral("-c%1").arg(m_connections),
                  QStringLiteral("-d%1s").arg(qint64(m_seconds)), QStringLiteral("--timeout"),
                  QStringLiteral("5s"), QStringLiteral("-s"),
                  m_paths.scriptDir + QStringLiteral("/wrk-post.lua"),
                  (target.protocol == Protocol::H2c ? target.http1Url : target.url).toString(),
                  m_paths.bodyFile},
                 environment(), target.workDir + QStringLiteral("/wrk.out"), m_seconds + 60);
    if (!takeChildRun(child, QStringLiteral("wrk"), result))
        return result;
    const QHash<QString, qint64> values = keyValues(child.output);
    if (!values.contains(QStringLiteral("requests"))) {
        result.note = QStringLiteral("no summary from wrk");
        return result;
    }
    result.ran = true;
    const qint64 bad =
        values.value(QStringLiteral("non2xx")) + values.value(QStringLiteral("socket_errors"));
    result.failures = bad;
    result.requests =
        values.value(QStringLiteral("requests")) - values.value(QStringLiteral("non2xx"));
    result.seconds = double(values.value(QStringLiteral("duration_us"))) / 1e6;
    result.p50Ms = double(values.value(QStringLiteral("p50"))) / 1000.0;
    result.p95Ms = double(values.value(QStringLiteral("p95"))) / 1000.0;
    result.p99Ms = double(values.value(QStringLiteral("p99"))) / 1000.0;
    result.exportsPerRequest = m_exportsPerRequest;
    result.note = m_exportsPerRequest > 1 ? QStringLiteral("one batch body of %1 exports; %2 s run")
                                                .arg(m_exportsPerRequest)
                                                .arg(m_seconds)
                                          : QStringLiteral("one body; %1 s run").arg(m_seconds);
    if (target.protocol == Protocol::H2Tls)
        result.note += QStringLiteral(", HTTP/1.1 over TLS");
    if (target.protocol == Protocol::H2c)
        result.note += QStringLiteral(", HTTP/1.1 listener");
    return result;
}

H2loadClient::H2loadClient(ExternalPaths paths, int connections, int streams)
    : m_paths(std::move(paths))
    , m_connections(connections)
    , m_streams(streams)
{}

bool H2loadClient::supports(const Target &target) const
{
    return target.protocol != Protocol::Http1;
}

Result H2loadClient::run(const Target &target)
{
    Result result;
    result.client = name();
    result.concurrency = QStringLiteral("%1 conn × %2 streams").arg(m_connections).arg(m_streams);
    const QString program = findProgram(QStringLiteral("h2load"));
    if (program.isEmpty()) {
        result.note = QStringLiteral("h2load not installed (apt-get install nghttp2-client)");
        return result;
    }
    // Batched bodies: as many exports as the other rows, in fewer requests.
    const qint64 count = std::max<qint64>(100, target.exports / m_exportsPerRequest);
    const QString log = target.workDir + QStringLiteral("/h2load.log");
    QFile::remove(log);
    // For http:// URLs h2load speaks HTTP/2 with prior knowledge (h2c).
    const ChildRun child = runChild(
        program,
        {QStringLiteral("-n%1").arg(count), QStringLiteral("-c%1").arg(m_connections),
         QStringLiteral("-m%1").arg(m_streams), QStringLiteral("-t1"), QStringLiteral("-d"),
         m_paths.bodyFile, QStringLiteral("-H"), QStringLiteral("content-type: application/json"),
         QStringLiteral("-H"), QStringLiteral("user-agent: Outflow/bench"), QStringLiteral("-H"),
         QStringLiteral("x-outflow-export-id: 00000000-0000-4000-8000-000000000000"),
         QStringLiteral("--log-file=") + log, target.url.toString()},
        environment(), target.workDir + QStringLiteral("/h2load.out"), target.maxSeconds * 3 + 30);
    if (!takeChildRun(child, QStringLiteral("h2load"), result))
        return result;
    const QString text = QString::fromLocal8Bit(child.output);
    const QRegularExpressionMatch finished =
        QRegularExpression(QStringLiteral("finished in ([0-9.]+)(m?s)")).match(text);
    const QRegularExpressionMatch counts =
        QRegularExpression(QStringLiteral("(\\d+) succeeded, (\\d+) failed, (\\d+) errored"))
            .match(text);
    const QRegularExpressionMatch ok =
        QRegularExpression(QStringLiteral("status codes: (\\d+) 2xx")).match(text);
    if (!finished.hasMatch() || !counts.hasMatch() || !ok.hasMatch()) {
        result.note = QStringLiteral("no summary from h2load");
        return result;
    }
    result.ran = true;
    result.seconds = finished.captured(1).toDouble() /
                     (finished.captured(2) == QLatin1String("ms") ? 1000.0 : 1.0);
    result.requests = ok.captured(1).toLongLong();
    result.failures = count - result.requests;
    result.exportsPerRequest = m_exportsPerRequest;
    std::vector<qint64> latencies;
    latencies.reserve(std::size_t(result.requests));
    QFile file(log);
    if (file.open(QIODevice::ReadOnly)) {
        while (!file.atEnd()) {
            const QList<QByteArray> fields = file.readLine().trimmed().split('\t');
            if (fields.size() >= 3 && fields.at(1).startsWith('2'))
                latencies.push_back(fields.at(2).toLongLong() * 1000);
        }
    }
    fillPercentiles(latencies, result);
    result.note = m_exportsPerRequest > 1
                      ? QStringLiteral("one batch body of %1 exports").arg(m_exportsPerRequest)
                      : QStringLiteral("one body");
    return result;
}

UndiciClient::UndiciClient(ExternalPaths paths, int connections, int streams)
    : m_paths(std::move(paths))
    , m_connections(connections)
    , m_streams(streams)
{}

bool UndiciClient::supports(const Target &) const
{
    return true;
}

Result UndiciClient::run(const Target &target)
{
    Result result;
    const bool h2 = target.protocol == Protocol::H2Tls;
    const bool h2c = target.protocol == Protocol::H2c;
    result.client = h2 || h2c ? QStringLiteral("node http2") : name();
    result.concurrency =
        h2 || h2c ? QStringLiteral("%1 conn × %2 streams").arg(m_connections).arg(m_streams)
                  : QStringLiteral("%1 conn").arg(m_connections);
    const QString node = findProgram(QStringLiteral("node"));
    if (node.isEmpty() || !QFileInfo::exists(m_paths.nodeModules + QStringLiteral("/undici"))) {
        result.note = QStringLiteral("node or tests/peers/node_modules/undici missing "
                                     "(bench/delivery/run.sh installs the peers)");
        return result;
    }
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("NODE_PATH"), m_paths.nodeModules);
    const ChildRun child = runChild(
        node,
        {m_paths.scriptDir + QStringLiteral("/node-client.cjs"), QStringLiteral("--url"),
         target.url.toString(), QStringLiteral("--bodies"), m_paths.ndjsonFile,
         QStringLiteral("--exports"), QString::number(target.exports),
         QStringLiteral("--connections"), QString::number(m_connections),
         QStringLiteral("--streams"), QString::number(m_streams), QStringLiteral("--h2"),
         h2 ? QStringLiteral("1") : QStringLiteral("0"), QStringLiteral("--h2c"),
         h2c ? QStringLiteral("1") : QStringLiteral("0"), QStringLiteral("--ca"), target.caFile,
         QStringLiteral("--max-seconds"), QString::number(target.maxSeconds)},
        env, target.workDir + QStringLiteral("/undici.out"), target.maxSeconds + 60);
    if (!takeChildRun(child, QStringLiteral("node"), result))
        return result;
    const qsizetype at = child.output.lastIndexOf("OUTFLOW ");
    const QJsonObject summary =
        at < 0 ? QJsonObject()
               : QJsonDocument::fromJson(child.output.mid(at + 8).trimmed()).object();
    if (summary.isEmpty()) {
        result.note = QStringLiteral("no summary from node-client.cjs");
        return result;
    }
    result.ran = true;
    result.requests = summary.value(QStringLiteral("requests")).toInteger();
    result.failures = summary.value(QStringLiteral("failures")).toInteger();
    result.seconds = summary.value(QStringLiteral("seconds")).toDouble();
    result.p50Ms = summary.value(QStringLiteral("p50")).toDouble();
    result.p95Ms = summary.value(QStringLiteral("p95")).toDouble();
    result.p99Ms = summary.value(QStringLiteral("p99")).toDouble();
    if (result.requests + result.failures < target.exports)
        result.note = QStringLiteral("stopped at %1 s").arg(target.maxSeconds);
    if (result.failures > 0) // the script prints its first error before the summary
        result.note +=
            QLatin1Char(' ') +
            QString::fromLocal8Bit(child.output.left(at).trimmed().right(160)).simplified();
    return result;
}

} // namespace outflow::bench
