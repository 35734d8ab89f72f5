// bench/delivery engine_bench: the engine's own CPU per export (DESIGN §7,
// "CPU per export beyond a bare QNAM request"), measured directly: a real
// DestinationSender delivers a real outbox (the fixture delivery_bench
// uses: SQLite file, ~1 KiB bodies) through an instant transport that
// answers 200 "ok" to every request in the sender's thread, a few at a
// time as QNAM's workers do. Without a network, what the process spends
// is the engine's: claims, the window, outcomes, the delivery log, metrics.
// delivery_bench measures the same figure end to end, as the difference
// between the sender and a bare QNAM in one run; on a shared two-core machine
// that difference is noisier than the figure itself, so this prints both
// the per-export CPU and its spread over repetitions. See bench/README.md.
#include "../common/senderrun.h"
#include "delivery/networkthreadpool.h"
#include "outboxfixture.h"
#include "store/sqlitestore.h"

#include <algorithm>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QMetaObject>
#include <QTemporaryDir>
#include <QTextStream>
#include <vector>

using namespace outflow;
using namespace outflow::bench;

namespace {

// Answers every request with 200 "ok\n" (nginx's answer in delivery_bench),
// `batch` results per event-loop turn, after `latencyUs` of pretend time.
class InstantTransport final : public Transport
{
public:
    InstantTransport(int batch, QObject *parent)
        : Transport(parent)
        , m_batch(std::max(1, batch))
    {}

    void send(const QList<TransportRequest> &requests) override
    {
        const qint64 now = steadyNowNs();
        for (const TransportRequest &request : requests) {
            TransportResult result;
            result.id = request.id;
            result.httpStatus = 200;
            result.body = QByteArrayLiteral("ok\n");
            result.sentAtNs = now;
            result.latencyUs = 300;
            m_waiting.append(std::move(result));
        }
        scheduleAnswer();
    }

private:
    void scheduleAnswer()
    {
        if (m_answerQueued || m_waiting.isEmpty())
            return;
        m_answerQueued = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_answerQueued = false;
                const qsizetype n = std::min<qsizetype>(m_batch, m_waiting.size());
                QList<TransportResult> results = m_waiting.first(n);
                m_waiting.remove(0, n);
                scheduleAnswer();
                emit finished(results);
            },
            Qt::QueuedConnection);
    }

    const int m_batch;
    QList<TransportResult> m_waiting;
    bool m_answerQueued = false;
};

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The engine's own CPU per export."));
    parser.addHelpOption();
    const QCommandLineOption exportsOption(QStringLiteral("exports"),
                                           QStringLiteral("Exports per run."), QStringLiteral("N"),
                                           QStringLiteral("100000"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"), QStringLiteral("Runs."),
                                          QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption batchOption(QStringLiteral("batch"),
                                         QStringLiteral("Results per event-loop turn."),
                                         QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption windowOption(QStringLiteral("window"),
                                          QStringLiteral("The destination's maximum concurrency."),
                                          QStringLiteral("N"), QStringLiteral("16"));
    // Under valgrind the clock runs ~50 times slower and the 5 ms flush timer
    // would write every outcome alone: --flush-batch N --flush-ms 100000
    // makes the flushes count-based, as they are at full speed.
    const QCommandLineOption flushBatchOption(QStringLiteral("flush-batch"),
                                              QStringLiteral("Outcomes per flush, at most."),
                                              QStringLiteral("N"));
    const QCommandLineOption flushMsOption(QStringLiteral("flush-ms"),
                                           QStringLiteral("Outcomes wait this long at most."),
                                           QStringLiteral("MS"));
    parser.addOptions(
        {exportsOption, repeatOption, batchOption, windowOption, flushBatchOption, flushMsOption});
    parser.process(app);
    const qint64 exports = parser.value(exportsOption).toLongLong();
    const int repeat = std::max(1, parser.value(repeatOption).toInt());
    const int batch = parser.value(batchOption).toInt();

    QTextStream out(stdout);
    ExportBodies bodies;
    std::vector<double> perExport, rates;
    for (int run = 1; run <= repeat; ++run) {
        QTemporaryDir dir;
        OutboxSpec spec;
        spec.endpoint = QUrl(QStringLiteral("http://127.0.0.1:9/exports")); // never connected
        spec.exports = exports;
        spec.maxConcurrency = parser.value(windowOption).toInt();
        OutboxFixture fixture;
        QString error;
        const QString storePath = dir.filePath(QStringLiteral("outflow.db"));
        if (!prepareOutbox(storePath, spec, bodies, &fixture, &error)) {
            out << "outbox: " << error << Qt::endl;
            return 1;
        }
        std::optional<Destination> destination;
        {
            SqliteStore store(storePath);
            if (store.open())
                destination = store.destination(fixture.destinationId);
        }
        if (!destination) {
            out << "store: no destination" << Qt::endl;
            return 1;
        }
        SenderOptions options;
        if (parser.isSet(flushBatchOption))
            options.flushBatch = parser.value(flushBatchOption).toInt();
        if (parser.isSet(flushMsOption))
            options.flushInterval = std::chrono::milliseconds(parser.value(flushMsOption).toInt());
        options.transportFactory = [batch](QObject *parent) {
            return new InstantTransport(batch, parent);
        };
        NetworkThreadPool pool; // unused by the instant transport; the Engine makes one
        const SenderRun result =
            runSenderUntilIdle(storePath, *destination, fixture.dataflowId, pool, options, 600);
        if (!result.error.isEmpty() || !result.idle) {
            out << "sender: "
                << (result.error.isEmpty() ? QStringLiteral("not idle") : result.error) << Qt::endl;
            return 1;
        }
        SqliteStore store(storePath);
        const std::optional<OutboxSummary> left =
            store.open() ? store.outboxSummary(fixture.dataflowId) : std::nullopt;
        const qint64 delivered = left ? exports - left->backlog() - left->failed : 0;
        if (delivered != exports) {
            out << "delivered " << delivered << " of " << exports << Qt::endl;
            return 1;
        }
        const double us = result.cpuSeconds * 1e6 / double(delivered);
        perExport.push_back(us);
        rates.push_back(double(delivered) / result.seconds);
        out << QStringLiteral("run %1: %2 exports in %3 s, %4 exports/s, CPU %5 s, %6 µs/export, "
                              "window at end %7")
                   .arg(run)
                   .arg(delivered)
                   .arg(result.seconds, 0, 'f', 2)
                   .arg(double(delivered) / result.seconds, 0, 'f', 0)
                   .arg(result.cpuSeconds, 0, 'f', 2)
                   .arg(us, 0, 'f', 1)
                   .arg(result.last.window)
            << Qt::endl;
    }
    out << QStringLiteral("engine CPU per export: median %1 µs (min %2, max %3) over %4 runs; "
                          "median %5 exports/s")
               .arg(median(perExport), 0, 'f', 1)
               .arg(*std::min_element(perExport.begin(), perExport.end()), 0, 'f', 1)
               .arg(*std::max_element(perExport.begin(), perExport.end()), 0, 'f', 1)
               .arg(perExport.size())
               .arg(median(rates), 0, 'f', 0)
        << Qt::endl;
    return 0;
}
