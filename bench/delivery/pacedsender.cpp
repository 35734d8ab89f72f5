#include "pacedsender.h"

#include "delivery/networkthreadpool.h"
#include "outboxfixture.h"
#include "store/sqlitestore.h"

#include <atomic>
#include <chrono>
#include <ctime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QThread>
#include <QTimer>
#include <thread>

namespace outflow::bench {

namespace {

double threadCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

} // namespace

PacedRun runSenderPaced(const QString &storePath, const Destination &destination,
                        const QString &dataflowId, const ExportBodies &bodies, qint64 firstIndex,
                        NetworkThreadPool &pool, const SenderOptions &options, double rate,
                        double seconds, double drainSeconds)
{
    qRegisterMetaType<DeliveryMetrics>();
    PacedRun paced;
    SenderRun &run = paced.run;
    std::atomic<quint64> generation{1};
    quint64 lastGeneration = 0; // set once the feed is over; then idle ends the run

    QThread thread;
    thread.setObjectName(QStringLiteral("outflow-sender"));
    auto *sender = new DestinationSender(storePath, destination, dataflowId, DestinationSecrets(),
                                         &pool, options);
    sender->moveToThread(&thread);
    QObject::connect(&thread, &QThread::finished, sender, &QObject::deleteLater);

    QEventLoop loop;
    QObject::connect(sender, &DestinationSender::metricsChanged, &loop,
                     [&run](const DeliveryMetrics &metrics) { run.last = metrics; });
    QObject::connect(sender, &DestinationSender::stateChanged, &loop,
                     [&](const QString &, bool isIdle, quint64 reported) {
                         if (isIdle && lastGeneration > 0 && reported >= lastGeneration) {
                             run.idle = true;
                             loop.quit();
                         }
                     });
    QObject::connect(sender, &DestinationSender::failed, &loop,
                     [&](const QString &, SenderBlock, const QString &message) {
                         run.error = message;
                         loop.quit();
                     });
    QTimer guard; // not a wait: stops a sender that is not idle in time
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &loop, [&] {
        run.timedOut = true;
        loop.quit();
    });
    const auto nudge = [sender](quint64 value) {
        QMetaObject::invokeMethod(
            sender, [sender, value] { sender->nudge(value); }, Qt::QueuedConnection);
    };

    thread.start();
    QElapsedTimer timer;
    const double cpuAtStart = processCpuSeconds();
    timer.start();
    guard.start(int((seconds + drainSeconds) * 1000));
    QMetaObject::invokeMethod(sender, &DestinationSender::start, Qt::QueuedConnection);

    // The feed: its own connection, as activation has; a benchmark's pacing
    // loop (sleeps between commits set the rate, nothing waits on them).
    QString feedError;
    std::thread feed([&] {
        const double cpuBefore = threadCpuSeconds();
        SqliteStore store(storePath);
        if (!store.open()) {
            feedError = store.lastError();
        } else {
            QElapsedTimer clock;
            clock.start();
            while (clock.nsecsElapsed() < qint64(seconds * 1e9)) {
                const qint64 due = qint64(rate * double(clock.nsecsElapsed()) / 1e9);
                if (due > paced.fed) {
                    if (!appendExports(store, dataflowId, bodies, firstIndex + paced.fed,
                                       due - paced.fed, &feedError))
                        break;
                    paced.fed = due;
                    nudge(generation.fetch_add(1));
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
            paced.feedSeconds = double(clock.nsecsElapsed()) / 1e9;
            store.close();
        }
        paced.feedCpuSeconds = threadCpuSeconds() - cpuBefore;
        QMetaObject::invokeMethod(
            &loop,
            [&] {
                lastGeneration = generation.fetch_add(1);
                nudge(lastGeneration);
            },
            Qt::QueuedConnection);
    });
    loop.exec();
    run.seconds = double(timer.nsecsElapsed()) / 1e9;
    run.cpuSeconds = processCpuSeconds() - cpuAtStart;
    guard.stop();
    feed.join(); // it ends by itself after `seconds`

    QMetaObject::invokeMethod(sender, &DestinationSender::stop, Qt::BlockingQueuedConnection);
    sender->disconnect(&loop);
    thread.quit();
    thread.wait();

    if (!feedError.isEmpty())
        run.error = QStringLiteral("feed: ") + feedError;
    else if (!run.idle && !run.timedOut && run.error.isEmpty())
        run.error = QStringLiteral("the sender stopped without reporting idle");
    return paced;
}

} // namespace outflow::bench
