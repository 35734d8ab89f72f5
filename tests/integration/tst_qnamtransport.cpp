// QnamTransport's backlog (issue #19): the network thread starts the next
// request when an answer comes, without its caller, and never has more than
// the concurrency limit on the wire. Real HTTP over 127.0.0.1: the receiver
// runs in a thread of its own, so that the test's thread can be kept out of
// its event loop while requests flow.
#include "delivery/networkthreadpool.h"
#include "delivery/qnamtransport.h"
#include "support/httptestreceiver.h"

#include <atomic>
#include <limits>
#include <memory>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace outflow;
using namespace outflow::test;

namespace {

// An HttpTestReceiver made, used and destroyed in a thread of its own.
class ThreadedReceiver
{
public:
    explicit ThreadedReceiver(int delayMs)
    {
        m_thread.start();
        m_context.moveToThread(&m_thread);
        inThread([this, delayMs] {
            m_receiver = std::make_unique<HttpTestReceiver>();
            m_listening = m_receiver->listen();
            m_receiver->setHandler([this, delayMs](const ReceivedRequest &, int) {
                m_received.release();
                Reply reply;
                reply.delayMs = delayMs;
                return reply;
            });
        });
    }
    ~ThreadedReceiver()
    {
        inThread([this] { m_receiver.reset(); });
        m_thread.quit();
        m_thread.wait();
    }
    Q_DISABLE_COPY_MOVE(ThreadedReceiver)

    bool isListening() const { return m_listening; }
    QUrl url() const { return m_url; }
    // Blocks the calling thread (no event loop) until `count` more requests came.
    bool waitForRequests(int count) { return m_received.tryAcquire(count, 20000); }
    int connections()
    {
        int count = 0;
        inThread([this, &count] { count = m_receiver->connections(); });
        return count;
    }
    QList<QByteArray> exportIds()
    {
        QList<QByteArray> ids;
        inThread([this, &ids] { ids = m_receiver->exportIds(); });
        return ids;
    }

private:
    template<typename F>
    void inThread(F function)
    {
        QMetaObject::invokeMethod(&m_context, function, Qt::BlockingQueuedConnection);
        if (m_receiver && m_url.isEmpty())
            m_url = m_receiver->url();
    }

    QThread m_thread;
    QObject m_context;
    std::unique_ptr<HttpTestReceiver> m_receiver; // lives in m_thread
    bool m_listening = false;
    QUrl m_url;
    QSemaphore m_received;
};

QList<TransportRequest> requests(int count)
{
    QList<TransportRequest> list;
    for (int i = 1; i <= count; ++i) {
        list.append(TransportRequest{quint64(i),
                                     QByteArray::number(i),
                                     QByteArrayLiteral("{\"n\":") + QByteArray::number(i) + '}',
                                     {},
                                     {}});
    }
    return list;
}

// Every request answered once, 200.
void checkResults(const QSignalSpy &spy, int count)
{
    QList<quint64> ids;
    for (const QList<QVariant> &arguments : spy) {
        for (const TransportResult &result : arguments.at(0).value<QList<TransportResult>>()) {
            QVERIFY2(result.isSuccess(), qPrintable(result.errorString));
            ids.append(result.id);
        }
    }
    std::sort(ids.begin(), ids.end());
    QList<quint64> expected;
    for (int i = 1; i <= count; ++i)
        expected.append(quint64(i));
    QCOMPARE(ids, expected);
}

// A transport to a receiver of its own, on network threads of its own.
struct TransportRig
{
    static TransportSettings settingsFor(const QUrl &url)
    {
        TransportSettings settings;
        settings.url = url;
        return settings;
    }
    explicit TransportRig(int delayMs, int threads = 1)
        : receiver(delayMs)
        , pool(threads)
        , transport(settingsFor(receiver.url()), &pool)
        , finished(&transport, &Transport::finished)
    {}

    ThreadedReceiver receiver;
    NetworkThreadPool pool;
    QnamTransport transport;
    QSignalSpy finished;
};

int resultCount(const QSignalSpy &spy)
{
    int count = 0;
    for (const QList<QVariant> &arguments : spy)
        count += int(arguments.at(0).value<QList<TransportResult>>().size());
    return count;
}

} // namespace

class TestQnamTransport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qRegisterMetaType<QList<TransportResult>>(); }

    void theBacklogGoesOnWithoutItsCaller()
    {
        TransportRig rig(0);
        QVERIFY(rig.receiver.isListening());
        QVERIFY(rig.transport.keepsBacklog());
        ThreadedReceiver &receiver = rig.receiver;
        QnamTransport &transport = rig.transport;
        QSignalSpy &finished = rig.finished;
        transport.setConcurrency(2);
        transport.send(requests(24));
        // This thread stays out of its event loop: no answer reaches the
        // transport, so every request after the first two was started by
        // the network thread itself, from its backlog.
        QVERIFY(receiver.waitForRequests(24));
        QTRY_COMPARE_WITH_TIMEOUT(resultCount(finished), 24, 20000);
        checkResults(finished, 24);
        // Two at a time at most: Qt opens a connection per request waiting.
        QVERIFY2(receiver.connections() <= 2, qPrintable(QString::number(receiver.connections())));
        QCOMPARE(receiver.exportIds().size(), 24);
    }

    void aRaisedLimitStartsTheBacklogAtOnce()
    {
        TransportRig rig(40);
        QVERIFY(rig.receiver.isListening());
        ThreadedReceiver &receiver = rig.receiver;
        QnamTransport &transport = rig.transport;
        QSignalSpy &finished = rig.finished;
        transport.setConcurrency(1);
        transport.send(requests(16));
        QVERIFY(finished.wait(20000));
        QCOMPARE(receiver.connections(), 1); // one at a time so far
        // 40 ms an answer: most of the 16 still wait in the backlog.
        transport.setConcurrency(4);
        QTRY_COMPARE_WITH_TIMEOUT(resultCount(finished), 16, 20000);
        checkResults(finished, 16);
        const int connections = receiver.connections();
        QVERIFY2(connections >= 2 && connections <= 4, qPrintable(QString::number(connections)));
    }

    void liftingTheLimitStartsTheWholeBacklog()
    {
        // What the sender does once its window is large (no backlog then).
        TransportRig rig(100);
        QVERIFY(rig.receiver.isListening());
        ThreadedReceiver &receiver = rig.receiver;
        QnamTransport &transport = rig.transport;
        QSignalSpy &finished = rig.finished;
        transport.setConcurrency(1);
        transport.send(requests(6));
        QVERIFY(finished.wait(20000));
        transport.setConcurrency(std::numeric_limits<int>::max());
        // The five left were all on the wire at once (100 ms an answer).
        QVERIFY(receiver.waitForRequests(6));
        QTRY_COMPARE_WITH_TIMEOUT(resultCount(finished), 6, 20000);
        checkResults(finished, 6);
        QVERIFY2(receiver.connections() >= 5, qPrintable(QString::number(receiver.connections())));
    }

    void aLimitOfOneHoldsAcrossWorkers()
    {
        // A destination that takes one request at a time, two network threads.
        TransportRig rig(5, 2);
        QVERIFY(rig.receiver.isListening());
        ThreadedReceiver &receiver = rig.receiver;
        QnamTransport &transport = rig.transport;
        QSignalSpy &finished = rig.finished;
        transport.setConcurrency(1);
        transport.send(requests(12));
        QTRY_COMPARE_WITH_TIMEOUT(resultCount(finished), 12, 20000);
        checkResults(finished, 12);
        QCOMPARE(receiver.connections(), 1);
    }

    void http1UsesWholeManagers()
    {
        // A limit of 7 over HTTP/1.1 would take a second manager (a Qt thread
        // and a connection) for one request: rounded down to 6.
        TransportRig rig(20);
        QVERIFY(rig.receiver.isListening());
        ThreadedReceiver &receiver = rig.receiver;
        QnamTransport &transport = rig.transport;
        QSignalSpy &finished = rig.finished;
        transport.setConcurrency(7);
        transport.send(requests(60));
        QTRY_COMPARE_WITH_TIMEOUT(resultCount(finished), 60, 20000);
        checkResults(finished, 60);
        QVERIFY2(receiver.connections() <= 6, qPrintable(QString::number(receiver.connections())));
    }

    void withoutALimitEverythingStartsAtOnce()
    {
        // What the probe relies on: no setConcurrency(), no backlog.
        TransportRig rig(200);
        QVERIFY(rig.receiver.isListening());
        ThreadedReceiver &receiver = rig.receiver;
        QnamTransport &transport = rig.transport;
        QSignalSpy &finished = rig.finished;
        transport.send(requests(4));
        // Four connections: all four were on the wire at once (200 ms each).
        QVERIFY(receiver.waitForRequests(4));
        QTRY_COMPARE_WITH_TIMEOUT(resultCount(finished), 4, 20000);
        checkResults(finished, 4);
        QCOMPARE(receiver.connections(), 4);
    }
};

QTEST_GUILESS_MAIN(TestQnamTransport)
#include "tst_qnamtransport.moc"
