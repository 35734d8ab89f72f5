// The sender when things go wrong: nothing listening, a 400, retries running
// out and the replay, a destination that hangs beside one that answers, an
// endpoint echoing the credentials back, a stop with requests in flight, a
// destination disabled while it sends.
#include "support/deliveryfixture.h"
#include "support/httptestreceiver.h"
#include "support/secrethelpers.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace outflow;
using outflow::test::DeliveryFixture;
using outflow::test::HttpTestReceiver;
using outflow::test::ReceivedRequest;
using outflow::test::Reply;

namespace {

// A port nothing listens on (for now).
quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

} // namespace

class TestSenderFailures final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_fixture = std::make_unique<DeliveryFixture>();
        m_receiver = std::make_unique<HttpTestReceiver>();
        QVERIFY(m_receiver->listen());
    }

    void cleanup()
    {
        m_engine.reset();
        m_receiver.reset();
        m_fixture.reset();
    }

    void connectionRefusedIsRetriedThenFails()
    {
        const QUrl nowhere(QStringLiteral("http://127.0.0.1:%1/in").arg(closedPort()));
        Destination destination;
        const QString dataflow = m_fixture->addDestination(nowhere, &destination);
        const QByteArray exportId = m_fixture->enqueue(dataflow, 1);
        m_engine = m_fixture->startEngine();
        QVERIFY(m_fixture->waitFirstIdle());
        const QList<FailedExport> failed = m_fixture->store().failedExports(dataflow, 10);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.constFirst().exportRow.exportId, QString::fromLatin1(exportId));
        QCOMPARE(failed.constFirst().exportRow.attempts, 3); // the first and 2 retries
        QCOMPARE(failed.constFirst().errorKind, QStringLiteral("connection-refused"));
        QVERIFY2(failed.constFirst().error.contains(QLatin1String("no retry left")),
                 qPrintable(failed.constFirst().error));
        const QList<DeliveryLogEntry> log = m_fixture->store().deliveryLog(destination.id, 10);
        QCOMPARE(log.size(), 3);
        QCOMPARE(log.at(0).outcome, DeliveryOutcome::Failed);
        QCOMPARE(log.at(1).outcome, DeliveryOutcome::Retry);
        QCOMPARE(m_fixture->store().dataflowCounters(dataflow).value(QStringLiteral("failed")), 1);
    }

    void aBadRequestFailsAtOnceWithTheAnswerKept()
    {
        const QString dataflow = m_fixture->addDestination(m_receiver->url());
        m_fixture->enqueue(dataflow, 1);
        const QByteArray later = m_fixture->enqueue(dataflow, 1);
        m_receiver->setHandler([](const ReceivedRequest &, int index) {
            return index == 0 ? Reply::withStatus(400, R"({"error":"person.name is required"})")
                              : Reply();
        });
        m_engine = m_fixture->startEngine();
        QVERIFY(m_fixture->waitFirstIdle());
        // Not retried; the profile's next export is not held back by a dead letter.
        QCOMPARE(m_receiver->requests().size(), 2);
        QCOMPARE(m_receiver->requests().at(1).exportId(), later);
        const QList<FailedExport> failed = m_fixture->store().failedExports(dataflow, 10);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.constFirst().httpStatus, 400);
        QCOMPARE(failed.constFirst().exportRow.attempts, 1);
        QCOMPARE(failed.constFirst().errorKind, QStringLiteral("http-status"));
        QCOMPARE(failed.constFirst().responseExcerpt,
                 QStringLiteral(R"({"error":"person.name is required"})"));
    }

    void retriesExhaustedThenReplayDelivers()
    {
        Destination destination;
        const QString dataflow = m_fixture->addDestination(m_receiver->url(), &destination);
        const QByteArray exportId = m_fixture->enqueue(dataflow, 1);
        bool healthy = false;
        m_receiver->setHandler([&healthy](const ReceivedRequest &, int) {
            return healthy ? Reply() : Reply::withStatus(500, "down");
        });
        m_engine = m_fixture->startEngine();
        QVERIFY(m_fixture->waitFirstIdle());
        QCOMPARE(m_receiver->requests().size(), 3);
        QCOMPARE(m_fixture->summary(dataflow).failed, 1);

        healthy = true;
        QCOMPARE(m_fixture->store().replayFailed(dataflow, QDateTime::currentMSecsSinceEpoch()), 1);
        QVERIFY(m_fixture->waitIdle()); // the sender finds it by polling
        QCOMPARE(m_receiver->exportIds(), QList<QByteArray>(4, exportId));
        const OutboxSummary left = m_fixture->summary(dataflow);
        QCOMPARE(left.failed + left.backlog(), 0);
        const DeliveryLogEntry last = m_fixture->store().deliveryLog(destination.id, 1).value(0);
        QCOMPARE(last.outcome, DeliveryOutcome::Delivered);
        QCOMPARE(last.lane, ExportLane::Replay);
        QCOMPARE(last.attempt, 1); // attempts start again
    }

    // A destination that never answers keeps its requests in flight for its
    // whole timeout; the other one delivers everything meanwhile.
    void aHangingDestinationDoesNotSlowAnother()
    {
        HttpTestReceiver hanging;
        QVERIFY(hanging.listen());
        hanging.setHandler([](const ReceivedRequest &, int) { return Reply::hang(); });
        const QString slow = m_fixture->addDestination(hanging.url(), nullptr,
                                                       [](Destination &d) { d.timeoutMs = 60000; });
        const QString fast = m_fixture->addDestination(m_receiver->url());
        m_fixture->enqueueMany(slow, 50);
        m_fixture->enqueueMany(fast, 300, 1000);
        m_engine = m_fixture->startEngine();
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver->requests().size(), 300, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_fixture->summary(fast).backlog(), 0, 5000);
        // The hanging one still waits on its window's first requests.
        QVERIFY(hanging.requests().size() >= 1);
        QVERIFY(hanging.requests().size() <= 50);
        QCOMPARE(m_fixture->summary(slow).backlog(), 50);
    }

    void credentialsEchoedBackAreMaskedEverywhere()
    {
        const QByteArray token = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        Destination destination;
        const QString dataflow = m_fixture->addDestination(
            m_receiver->url(), &destination, [](Destination &d) { d.auth = AuthType::Bearer; });
        m_fixture->enqueue(dataflow, 1);
        m_fixture->enqueue(dataflow, 2);
        // A misbehaving endpoint quoting the request in its error pages.
        m_receiver->setHandler([](const ReceivedRequest &request, int index) {
            const QByteArray echo = "{\"error\":\"denied\",\"authorization\":\"" +
                                    request.header("Authorization") + "\"}";
            return index == 0 ? Reply::withStatus(403, echo) : Reply::withStatus(200, echo);
        });
        auto engine = std::make_unique<Engine>(m_fixture->storePath());
        engine->setSenderOptions(test::fastSenderOptions());
        QSignalSpy idle(engine.get(), &Engine::idle);
        connect(engine.get(), &Engine::secretsNeeded, this,
                [engine = engine.get(), token](const Destination &d) {
                    DestinationSecrets secrets;
                    secrets.bearerToken = QString::fromLatin1(token);
                    engine->setDestinationSecrets(d.id, secrets);
                });
        engine->open();
        QVERIFY(idle.wait(15000));
        QCOMPARE(m_receiver->requests().constFirst().header("Authorization"), "Bearer " + token);
        const FailedExport failed = m_fixture->store().failedExports(dataflow, 1).value(0);
        QCOMPARE(failed.httpStatus, 403);
        QVERIFY2(failed.responseExcerpt.contains(QStringLiteral("••••")),
                 qPrintable(failed.responseExcerpt));
        for (const DeliveryLogEntry &entry : m_fixture->store().deliveryLog(destination.id, 10))
            QVERIFY2(!entry.responseExcerpt.contains(QString::fromLatin1(token)),
                     qPrintable(entry.responseExcerpt));
        engine.reset(); // its connection closed: the WAL is checkpointed
        m_fixture->store().close();
        const QStringList leaks = test::filesContaining(m_fixture->directory(), token);
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u", ")));
    }

    // Stopped with requests in flight: the claimed exports are pending again
    // and the next engine sends them, with the same export ids.
    void exportsInFlightAtStopAreSentAgain()
    {
        const QString dataflow = m_fixture->addDestination(m_receiver->url());
        const QList<QByteArray> ids = m_fixture->enqueueMany(dataflow, 20);
        m_receiver->setHandler([](const ReceivedRequest &, int) { return Reply::hang(); });
        m_engine = m_fixture->startEngine();
        QTRY_VERIFY_WITH_TIMEOUT(m_receiver->requests().size() >= 4, 10000);
        QVERIFY(m_fixture->summary(dataflow).sending > 0);
        m_engine.reset();
        const OutboxSummary stopped = m_fixture->summary(dataflow);
        QCOMPARE(stopped.sending, 0);
        QCOMPARE(stopped.pending, 20);

        m_receiver->setHandler({});
        m_engine = m_fixture->startEngine();
        QVERIFY(m_fixture->waitFirstIdle());
        const QList<QByteArray> received = m_receiver->exportIds();
        for (const QByteArray &id : ids)
            QVERIFY2(received.contains(id), id.constData());
        QCOMPARE(m_fixture->summary(dataflow).backlog(), 0);
    }

    void disablingADestinationStopsItsSender()
    {
        Destination destination;
        const QString dataflow = m_fixture->addDestination(m_receiver->url(), &destination);
        m_fixture->enqueue(dataflow, 1);
        m_engine = m_fixture->startEngine();
        QVERIFY(m_fixture->waitFirstIdle());
        QCOMPARE(m_receiver->requests().size(), 1);

        destination.enabled = false;
        destination.updatedAt = QDateTime::currentMSecsSinceEpoch() + 1;
        QVERIFY(m_fixture->store().updateDestination(destination));
        m_engine->syncSenders(); // also done every few seconds
        m_fixture->enqueue(dataflow, 2);
        m_engine->reloadAudiences();    // what an ingest commit does: a nudge
        QVERIFY(m_fixture->waitIdle()); // idle at once: nothing runs for it
        QTest::qWait(300);              // three poll periods of a sender, were one running
        QCOMPARE(m_receiver->requests().size(), 1);
        QCOMPARE(m_fixture->summary(dataflow).pending, 1);
    }

private:
    std::unique_ptr<DeliveryFixture> m_fixture;
    std::unique_ptr<HttpTestReceiver> m_receiver;
    std::unique_ptr<Engine> m_engine;
};

QTEST_GUILESS_MAIN(TestSenderFailures)
#include "tst_senderfailures.moc"
