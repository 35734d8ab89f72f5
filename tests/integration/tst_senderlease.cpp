// One sender delivers a dataflow at a time, whatever the processes on the
// store (the app beside `outflowctl run`): the lease in the store, and two
// Engines on one store file, as two processes would be, over a real socket.
#include "support/deliveryfixture.h"
#include "support/httptestreceiver.h"

#include <QMutex>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTest>

using namespace outflow;
using outflow::test::DeliveryFixture;
using outflow::test::fastSenderOptions;
using outflow::test::HttpTestReceiver;
using outflow::test::ReceivedRequest;
using outflow::test::Reply;

class TestSenderLease final : public QObject
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
        m_second.reset();
        m_engine.reset(); // stops the senders before the receiver goes
        m_receiver.reset();
        m_fixture.reset();
    }

    void theStoreGivesALeaseToOneOwnerAtATime()
    {
        const QString flow = m_fixture->addDestination(m_receiver->url());
        SqliteStore &store = m_fixture->store();
        const QString a = QStringLiteral("host-a/1/aaaa"), b = QStringLiteral("host-b/2/bbbb");
        const qint64 now = 1'000'000;
        QCOMPARE(store.acquireSenderLease(flow, a, now, 15000)->owner, a);
        // Held: b gets the holder's name, not the lease, even later on...
        QCOMPARE(store.acquireSenderLease(flow, b, now + 14000, 15000)->owner, a);
        // ...while a renews it.
        const std::optional<SenderLease> renewed =
            store.acquireSenderLease(flow, a, now + 10000, 15000);
        QCOMPARE(renewed->owner, a);
        QCOMPARE(renewed->expiresAt, now + 25000);
        QCOMPARE(store.acquireSenderLease(flow, b, now + 20000, 15000)->owner, a);
        // Expired: b takes it.
        QCOMPARE(store.acquireSenderLease(flow, b, now + 26000, 15000)->owner, b);
        // A holder known to be dead is replaced at once; any other is not.
        QCOMPARE(
            store.acquireSenderLease(flow, a, now + 27000, 15000, QStringLiteral("x/3/c"))->owner,
            b);
        QCOMPARE(store.acquireSenderLease(flow, a, now + 27000, 15000, b)->owner, a);
        // Given up only by its holder.
        QVERIFY(store.releaseSenderLease(flow, b));
        QCOMPARE(store.acquireSenderLease(flow, b, now + 28000, 15000)->owner, a);
        QVERIFY(store.releaseSenderLease(flow, a));
        QCOMPARE(store.acquireSenderLease(flow, b, now + 28000, 15000)->owner, b);
    }

    // The bug leases fix: a second engine starting on the store released
    // the first one's claims as if its process had died, claimed them again
    // and sent every export then in flight a second time.
    void aSecondEngineNeitherSendsNorReleasesTheFirstOnesClaims()
    {
        const QString flow = m_fixture->addDestination(m_receiver->url());
        m_receiver->setHandler([](const ReceivedRequest &, int) {
            Reply reply;
            reply.delayMs = 300; // so that claims are in flight when the second starts
            return reply;
        });
        const QList<QByteArray> ids = m_fixture->enqueueMany(flow, 30);
        m_engine = m_fixture->startEngine();
        QTRY_VERIFY_WITH_TIMEOUT(!m_receiver->requests().isEmpty(), 10000);
        QVERIFY(m_fixture->summary(flow).sending > 0);

        m_second = std::make_unique<Engine>(m_fixture->storePath());
        m_second->setSenderOptions(fastSenderOptions());
        QSignalSpy secondIdle(m_second.get(), &Engine::idle);
        m_second->open();
        QVERIFY(m_second->store());

        QVERIFY(m_fixture->waitFirstIdle(20000));
        const QList<QByteArray> received = m_receiver->exportIds();
        QCOMPARE(received.size(), ids.size()); // each once: nothing sent twice
        QCOMPARE(QSet<QByteArray>(received.cbegin(), received.cend()),
                 QSet<QByteArray>(ids.cbegin(), ids.cend()));
        // The second one waited, and is idle once the outbox is empty.
        QTRY_VERIFY_WITH_TIMEOUT(!secondIdle.isEmpty(), 10000);
    }

    void theWaitingEngineTakesOverWhenTheHolderStops()
    {
        const QString flow = m_fixture->addDestination(m_receiver->url());
        m_fixture->enqueueMany(flow, 5);
        m_engine = m_fixture->startEngine();
        QVERIFY(m_fixture->waitFirstIdle());
        QCOMPARE(m_receiver->requests().size(), 5);

        m_second = std::make_unique<Engine>(m_fixture->storePath());
        m_second->setSenderOptions(fastSenderOptions());
        m_second->open();
        QVERIFY(m_second->store());
        m_engine.reset(); // gives the lease up
        const QList<QByteArray> later = m_fixture->enqueueMany(flow, 5, 100);
        // Found by the waiting sender's next poll (100 ms here).
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver->requests().size(), 10, 10000);
        const QList<QByteArray> sent = m_receiver->exportIds().mid(5);
        QCOMPARE(QSet<QByteArray>(sent.cbegin(), sent.cend()),
                 QSet<QByteArray>(later.cbegin(), later.cend()));
    }

    // kill -9 leaves a lease behind: a restart on the same host does not
    // wait for it to expire when the process that held it is gone.
    void aLeaseLeftByADeadProcessIsTakenAtOnce()
    {
        const QString flow = m_fixture->addDestination(m_receiver->url());
        QProcess gone;
        gone.start(QStringLiteral("true"), {});
        QVERIFY(gone.waitForStarted(10000));
        const qint64 pid = gone.processId();
        QVERIFY(pid > 0);
        QVERIFY(gone.waitForFinished(10000)); // reaped: the pid runs nothing now
        const QString deadOwner =
            QStringLiteral("%1/%2/dead").arg(QSysInfo::machineHostName()).arg(pid);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QCOMPARE(m_fixture->store().acquireSenderLease(flow, deadOwner, now, 3'600'000)->owner,
                 deadOwner);
        const QList<QByteArray> ids = m_fixture->enqueueMany(flow, 3);
        m_engine = m_fixture->startEngine();
        QVERIFY(m_fixture->waitFirstIdle());
        const QList<QByteArray> sent = m_receiver->exportIds();
        QCOMPARE(sent.size(), ids.size());
        QCOMPARE(QSet<QByteArray>(sent.cbegin(), sent.cend()),
                 QSet<QByteArray>(ids.cbegin(), ids.cend()));
    }

    // A sender that cannot release the claims a dead process left (the store
    // busy or failing) tries again later; it used to stop and then read the
    // store it had just closed (a crash under UBSan in a kill -9 test).
    void claimsThatCannotBeReleasedAreTriedAgain()
    {
        const QString flow = m_fixture->addDestination(m_receiver->url());
        const QList<QByteArray> ids = m_fixture->enqueueMany(flow, 3);
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("injector"));
            db.setDatabaseName(m_fixture->storePath());
            QVERIFY(db.open());
            QSqlQuery query(db);
            // Claims left by a sender that died, and a store refusing to let
            // them go.
            QVERIFY(
                query.exec(QStringLiteral("INSERT INTO outbox_claims (id) SELECT id FROM outbox")));
            QVERIFY(query.exec(
                QStringLiteral("CREATE TRIGGER injected_failure BEFORE DELETE ON outbox_claims"
                               " BEGIN SELECT RAISE(ABORT, 'injected failure'); END")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("injector"));
        QCOMPARE(m_fixture->summary(flow).sending, 3);

        static QMutex mutex;
        static int refusals = 0;
        static QtMessageHandler previous = nullptr;
        refusals = 0;
        previous = qInstallMessageHandler(
            [](QtMsgType type, const QMessageLogContext &context, const QString &message) {
                if (message.contains(QLatin1String("could not release earlier claims"))) {
                    const QMutexLocker lock(&mutex);
                    ++refusals;
                }
                previous(type, context, message);
            });
        const auto restore = qScopeGuard([] { qInstallMessageHandler(previous); });
        const auto refused = [] {
            const QMutexLocker lock(&mutex);
            return refusals;
        };

        m_engine = m_fixture->startEngine();
        // Tried at start and again on the next polls, sending nothing meanwhile.
        QTRY_VERIFY_WITH_TIMEOUT(refused() >= 2, 10000);
        QVERIFY(m_receiver->requests().isEmpty());

        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("injector"));
            db.setDatabaseName(m_fixture->storePath());
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("DROP TRIGGER injected_failure")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("injector"));
        QVERIFY(m_fixture->waitFirstIdle(20000));
        const QList<QByteArray> sent = m_receiver->exportIds();
        QCOMPARE(sent.size(), ids.size());
        QCOMPARE(QSet<QByteArray>(sent.cbegin(), sent.cend()),
                 QSet<QByteArray>(ids.cbegin(), ids.cend()));
        QCOMPARE(m_fixture->summary(flow).sending, 0);
    }

private:
    std::unique_ptr<DeliveryFixture> m_fixture;
    std::unique_ptr<HttpTestReceiver> m_receiver;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<Engine> m_second;
};

QTEST_GUILESS_MAIN(TestSenderLease)
#include "tst_senderlease.moc"
