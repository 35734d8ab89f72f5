// bench/guistall (issue #18 item 7, DESIGN §7): how long the GUI thread
// stalls while the engine delivers at full rate with the Monitoring page
// open. A 100 ms precise timer on the GUI thread measures its own lateness
// (the time between two timeouts, minus 100 ms): first with the app open
// and idle (the reference, same run, same machine), then while
// `outflowctl ingest` streams fragments into the same store and the app's
// engine delivers every export to a real nginx on loopback. Prints max and
// p99 of both; DESIGN §7's target is max < 50 ms under load.
//
//   guistall_bench [--fragments N] [--persons P] [--seconds S]
//
// Run under a real X server (xvfb-run -a) with QT_QPA_PLATFORM=xcb for
// painting as the user sees it, or offscreen. See bench/README.md.
#include "../common/benchsupport.h"
#include "app/settings.h"
#include "app/translations.h"
#include "enginehost.h"
#include "mainwindow.h"
#include "support/activationworld.h"
#include "support/nginxserver.h"

#include <algorithm>
#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

using namespace outflow;

namespace {

struct Lateness
{
    QList<double> samplesMs;
    double max() const
    {
        return samplesMs.isEmpty() ? 0 : *std::max_element(samplesMs.cbegin(), samplesMs.cend());
    }
    double p99() const
    {
        if (samplesMs.isEmpty())
            return 0;
        QList<double> sorted = samplesMs;
        std::sort(sorted.begin(), sorted.end());
        return sorted.at(qMin(sorted.size() - 1, qsizetype(sorted.size() * 0.99)));
    }
};

// Runs the event loop for `seconds` (or until `until` says so, after at
// least one second), measuring the 100 ms timer's lateness.
Lateness probe(double seconds, const std::function<bool()> &until = {})
{
    Lateness lateness;
    QEventLoop loop;
    QElapsedTimer clock;
    QElapsedTimer total;
    QTimer timer;
    timer.setTimerType(Qt::PreciseTimer);
    timer.setInterval(100);
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        const double elapsedMs = double(clock.nsecsElapsed()) / 1e6;
        clock.restart();
        lateness.samplesMs.append(std::max(0.0, elapsedMs - 100.0));
        if (total.elapsed() >= qint64(seconds * 1000) ||
            (until && total.elapsed() > 1000 && until()))
            loop.quit();
    });
    clock.start();
    total.start();
    timer.start();
    loop.exec();
    return lateness;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption fragmentsOption(QStringLiteral("fragments"),
                                             QStringLiteral("Fragments to ingest."),
                                             QStringLiteral("N"), QStringLiteral("200000"));
    const QCommandLineOption personsOption(QStringLiteral("persons"),
                                           QStringLiteral("People they describe."),
                                           QStringLiteral("P"), QStringLiteral("50000"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                           QStringLiteral("Longest loaded probe."),
                                           QStringLiteral("S"), QStringLiteral("60"));
    parser.addOptions({fragmentsOption, personsOption, secondsOption});
    parser.process(app);
    i18n::install(app, QStringLiteral("en"));
    QTextStream &out = bench::out();

    QTemporaryDir dir;
    const QString store = dir.filePath(QStringLiteral("store.sqlite"));
    const QString fragments = dir.filePath(QStringLiteral("fragments.ndjson"));
    const qint64 fragmentCount = parser.value(fragmentsOption).toLongLong();
    if (bench::writeFragments(fragments, fragmentCount, parser.value(personsOption).toInt(), 0.2,
                              bench::FragmentGenerator::Attributes::Volatile) < 0)
        return 1;
    test::NginxOptions options;
    options.workerProcesses = 1;
    test::NginxServer nginx(options);
    if (!nginx.start()) {
        out << "nginx: " << nginx.errorString() << Qt::endl;
        return 1;
    }
    {
        test::ActivationWorld world(store);
        world.now = QDateTime::currentMSecsSinceEpoch();
        world.endpoint = nginx.httpUrl(QStringLiteral("/exports"));
        if (!world.open() ||
            !world.createAudience(QStringLiteral("Loyal"), QStringLiteral("loyalty.points >= 0"))) {
            out << "store: " << world.lastError << Qt::endl;
            return 1;
        }
        world.addDestination(QStringLiteral("nginx"));
        ActivationRequest request;
        request.destination = QStringLiteral("nginx");
        request.audiences = {QStringLiteral("Loyal")};
        request.attributes = {QStringLiteral("person.name.firstName"),
                              QStringLiteral("loyalty.points")};
        if (world.activate(request).isEmpty()) {
            out << "activate: " << world.lastError << Qt::endl;
            return 1;
        }
    }

    Settings settings(dir.filePath(QStringLiteral("settings.ini")));
    ui::EngineHost engine(store);
    ui::MainWindow window(settings);
    window.setEngine(&engine);
    window.showPage(ui::MainWindow::Page::Monitoring);
    window.resize(1280, 800);
    window.show();
    qint64 delivered = 0;
    qint64 backlog = -1;
    QObject::connect(&engine, &ui::EngineHost::deliveryMetrics, &app,
                     [&](const DeliveryMetrics &m) {
                         delivered = m.delivered;
                         backlog = m.backlog;
                     });
    engine.start();
    probe(2); // the store opened, the page's first report shown

    const Lateness idle = probe(10);
    out << QStringLiteral("idle app, Monitoring page open, 10 s: max %1 ms, p99 %2 ms (%3 probes)")
               .arg(idle.max(), 0, 'f', 1)
               .arg(idle.p99(), 0, 'f', 1)
               .arg(idle.samplesMs.size())
        << Qt::endl;

    QProcess ingest;
    ingest.setProgram(QStringLiteral(OUTFLOW_CLI_PATH));
    ingest.setArguments({QStringLiteral("--store"), store, QStringLiteral("ingest"), fragments});
    QElapsedTimer loadClock;
    loadClock.start();
    ingest.start();
    if (!ingest.waitForStarted()) {
        out << "outflowctl: " << ingest.errorString() << Qt::endl;
        return 1;
    }
    const qint64 deliveredBefore = delivered;
    const Lateness loaded = probe(parser.value(secondsOption).toDouble(),
                                  [&] { return ingest.state() == QProcess::NotRunning; });
    const double loadSeconds = double(loadClock.elapsed()) / 1000;
    ingest.waitForFinished(-1);
    out << QStringLiteral("while ingesting and delivering, %1 s: max %2 ms, p99 %3 ms (%4 probes); "
                          "%5 exports delivered (%6/s)")
               .arg(loadSeconds, 0, 'f', 1)
               .arg(loaded.max(), 0, 'f', 1)
               .arg(loaded.p99(), 0, 'f', 1)
               .arg(loaded.samplesMs.size())
               .arg(delivered - deliveredBefore)
               .arg(double(delivered - deliveredBefore) / loadSeconds, 0, 'f', 0)
        << Qt::endl;
    // Then the sender alone at full rate: the backlog the ingest left.
    out << QStringLiteral("backlog when the ingest ended: %1 exports").arg(backlog) << Qt::endl;
    const qint64 drainedFrom = delivered;
    QElapsedTimer drainClock;
    drainClock.start();
    const Lateness draining = probe(parser.value(secondsOption).toDouble(),
                                    [&] { return backlog == 0 && delivered > drainedFrom; });
    const double drainSeconds = double(drainClock.elapsed()) / 1000;
    out << QStringLiteral("while delivering the backlog, %1 s: max %2 ms, p99 %3 ms (%4 probes); "
                          "%5 exports delivered (%6/s), %7 left")
               .arg(drainSeconds, 0, 'f', 1)
               .arg(draining.max(), 0, 'f', 1)
               .arg(draining.p99(), 0, 'f', 1)
               .arg(draining.samplesMs.size())
               .arg(delivered - drainedFrom)
               .arg(double(delivered - drainedFrom) / drainSeconds, 0, 'f', 0)
               .arg(backlog)
        << Qt::endl;
    const double worst = std::max(loaded.max(), draining.max());
    out << QStringLiteral("target (DESIGN §7): max < 50 ms under load: %1 (worst %2 ms, idle %3 "
                          "ms)")
               .arg(worst < 50 ? QStringLiteral("met") : QStringLiteral("NOT met"))
               .arg(worst, 0, 'f', 1)
               .arg(idle.max(), 0, 'f', 1)
        << Qt::endl;
    return 0;
}
