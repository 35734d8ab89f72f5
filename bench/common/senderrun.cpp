#include "senderrun.h"

#include "delivery/networkthreadpool.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QThread>
#include <QTimer>
#include <sys/resource.h>

namespace outflow::bench {

double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval &t) { return double(t.tv_sec) + t.tv_usec / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

SenderRun runSenderUntilIdle(const QString &storePath, const Destination &destination,
                             const QString &dataflowId, NetworkThreadPool &pool,
                             const SenderOptions &options, double timeoutSeconds)
{
    static quint64 generation = 0;
    const quint64 nudged = ++generation;
    qRegisterMetaType<DeliveryMetrics>();
    SenderRun run;

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
                         if (isIdle && reported >= nudged) {
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
    thread.start();

    QElapsedTimer timer;
    const double cpuAtStart = processCpuSeconds();
    timer.start();
    guard.start(int(timeoutSeconds * 1000));
    QMetaObject::invokeMethod(sender, &DestinationSender::start, Qt::QueuedConnection);
    QMetaObject::invokeMethod(
        sender, [sender, nudged] { sender->nudge(nudged); }, Qt::QueuedConnection);
    loop.exec();
    run.seconds = double(timer.nsecsElapsed()) / 1e9;
    run.cpuSeconds = processCpuSeconds() - cpuAtStart;
    guard.stop();

    // As SenderSupervisor::stop: outcomes written, claims released.
    QMetaObject::invokeMethod(sender, &DestinationSender::stop, Qt::BlockingQueuedConnection);
    sender->disconnect(&loop);
    thread.quit();
    thread.wait();

    if (!run.idle && !run.timedOut && run.error.isEmpty())
        run.error = QStringLiteral("the sender stopped without reporting idle");
    return run;
}

} // namespace outflow::bench
