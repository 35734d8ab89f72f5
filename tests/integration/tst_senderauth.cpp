// The sender's authentication against a real OAuth2 server (oauth2-mock-server
// through tests/peers/oauth2-server.js) and a receiver in the test that sees
// the Authorization header of every export: both client credentials
// placements, the password grant, token expiry and refresh, 401 → one
// refresh → success, and a token endpoint that is down or refuses.
#include "support/deliveryfixture.h"
#include "support/httptestreceiver.h"
#include "support/oauth2mockserver.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace outflow;
using namespace outflow::test;
using namespace Qt::StringLiterals;

class TestSenderAuth final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString problem = m_server.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void init()
    {
        m_server.configure({});
        m_server.call(QStringLiteral("reset"));
        m_fixture = std::make_unique<DeliveryFixture>();
        m_receiver = std::make_unique<HttpTestReceiver>();
        QVERIFY(m_receiver->listen());
    }

    void cleanup()
    {
        m_authFailures.reset();
        m_engine.reset();
        m_receiver.reset();
        m_fixture.reset();
    }

    void grants_data()
    {
        QTest::addColumn<AuthType>("auth");
        QTest::addColumn<CredentialsPlacement>("placement");
        QTest::addColumn<QString>("grant");
        QTest::newRow("client credentials in the body")
            << AuthType::OAuth2ClientCredentials << CredentialsPlacement::Body
            << u"client_credentials"_s;
        QTest::newRow("client credentials in a Basic header")
            << AuthType::OAuth2ClientCredentials << CredentialsPlacement::BasicHeader
            << u"client_credentials"_s;
        QTest::newRow("password grant")
            << AuthType::OAuth2Password << CredentialsPlacement::Body << u"password"_s;
    }

    void grants()
    {
        QFETCH(AuthType, auth);
        QFETCH(CredentialsPlacement, placement);
        QFETCH(QString, grant);
        m_server.configure({{QStringLiteral("placement"),
                             placement == CredentialsPlacement::Body ? u"body"_s : u"basic"_s}});
        const QString dataflow = addOAuth2Destination(auth, placement);
        m_fixture->enqueueMany(dataflow, 5);
        startEngine();
        QVERIFY(m_fixture->waitFirstIdle());

        QCOMPARE(m_receiver->requests().size(), 5);
        // One token for all five, from one token request.
        QCOMPARE(m_server.grants(), QStringList{grant});
        QCOMPARE(m_server.lastRequest().value(u"outcome").toString(), u"token"_s);
        QSet<QByteArray> authorizations;
        for (const ReceivedRequest &request : m_receiver->requests())
            authorizations.insert(request.header("Authorization"));
        QCOMPARE(authorizations.size(), 1);
        QVERIFY(authorizations.begin()->startsWith("Bearer ey")); // the mock's JWT
    }

    // Tokens live one second (used for 0.9 s); six exports of one profile,
    // each answered in 300 ms, take longer: the sender refreshes on the way.
    void anExpiredTokenIsRefreshed()
    {
        m_server.configure({{QStringLiteral("expiresIn"), 1},
                            {QStringLiteral("refreshForClientCredentials"), true}});
        const QString dataflow =
            addOAuth2Destination(AuthType::OAuth2ClientCredentials, CredentialsPlacement::Body);
        for (int i = 0; i < 6; ++i)
            m_fixture->enqueue(dataflow, 1);
        m_receiver->setHandler([](const ReceivedRequest &, int) {
            Reply reply;
            reply.delayMs = 300;
            return reply;
        });
        startEngine();
        QVERIFY(m_fixture->waitFirstIdle(30000));
        QCOMPARE(m_receiver->requests().size(), 6);
        const QStringList grants = m_server.grants();
        QVERIFY2(grants.size() >= 2, qPrintable(grants.join(u' ')));
        QCOMPARE(grants.constFirst(), u"client_credentials"_s);
        QVERIFY2(grants.contains(u"refresh_token"_s), qPrintable(grants.join(u' ')));
        QSet<QByteArray> authorizations;
        for (const ReceivedRequest &request : m_receiver->requests())
            authorizations.insert(request.header("Authorization"));
        QVERIFY(authorizations.size() >= 2);
    }

    void unauthorizedRefreshesOnceAndRetriesWithoutCounting()
    {
        Destination destination;
        const QString dataflow = addOAuth2Destination(AuthType::OAuth2ClientCredentials,
                                                      CredentialsPlacement::Body, &destination);
        const QByteArray exportId = m_fixture->enqueue(dataflow, 1);
        m_receiver->setHandler([](const ReceivedRequest &, int index) {
            return index == 0 ? Reply::withStatus(401, "token revoked") : Reply();
        });
        startEngine();
        QVERIFY(m_fixture->waitFirstIdle());
        const QList<ReceivedRequest> &requests = m_receiver->requests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(1).exportId(), exportId);
        QVERIFY(requests.at(0).header("Authorization") != requests.at(1).header("Authorization"));
        QCOMPARE(m_server.grants().size(), 2);
        const QList<DeliveryLogEntry> log = m_fixture->store().deliveryLog(destination.id, 10);
        QCOMPARE(log.size(), 1); // the 401 was not an attempt
        QCOMPARE(log.constFirst().outcome, DeliveryOutcome::Delivered);
        QCOMPARE(log.constFirst().attempt, 1);
    }

    // --- Batched delivery (issue #22) ---
    // A batch answered 401 goes again, whole, with a new token; not counted.
    void aBatchAnswered401GoesAgainWithANewToken()
    {
        Destination destination;
        const QString dataflow =
            addOAuth2Destination(AuthType::OAuth2ClientCredentials, CredentialsPlacement::Body,
                                 &destination, test::clientSecret, {}, 10);
        const QList<QByteArray> ids = m_fixture->enqueueMany(dataflow, 3);
        m_receiver->setHandler([](const ReceivedRequest &, int index) {
            return index == 0 ? Reply::withStatus(401, "token revoked") : Reply();
        });
        startEngine();
        QVERIFY(m_fixture->waitFirstIdle());
        const QList<ReceivedRequest> &requests = m_receiver->requests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(0).body.count("\"exportId\""), 3);
        for (const QByteArray &id : ids)
            QVERIFY(requests.at(1).body.contains(id));
        QVERIFY(requests.at(0).header("Authorization") != requests.at(1).header("Authorization"));
        QVERIFY(!requests.at(1).header("X-Outflow-Batch-Id").isEmpty());
        const QList<DeliveryLogEntry> log = m_fixture->store().deliveryLog(destination.id, 10);
        QCOMPARE(log.size(), 3); // the 401 was not an attempt
        for (const DeliveryLogEntry &entry : log) {
            QCOMPARE(entry.outcome, DeliveryOutcome::Delivered);
            QCOMPARE(entry.attempt, 1);
        }
    }
    // --- end Batched delivery ---

    void aSecondUnauthorizedFailsTheExport()
    {
        const QString dataflow =
            addOAuth2Destination(AuthType::OAuth2ClientCredentials, CredentialsPlacement::Body);
        m_fixture->enqueue(dataflow, 1);
        m_receiver->setHandler(
            [](const ReceivedRequest &, int) { return Reply::withStatus(401, "no"); });
        startEngine();
        QVERIFY(m_fixture->waitFirstIdle());
        QCOMPARE(m_receiver->requests().size(), 2); // the first, and once after a refresh
        const FailedExport failed = m_fixture->store().failedExports(dataflow, 1).value(0);
        QCOMPARE(failed.httpStatus, 401);
        QCOMPARE(failed.responseExcerpt, u"no"_s);
    }

    void aTokenEndpointThatRefusesIsAnAuthenticationFailure()
    {
        const QString dataflow =
            addOAuth2Destination(AuthType::OAuth2ClientCredentials, CredentialsPlacement::Body,
                                 nullptr, QStringLiteral("not the secret"));
        m_fixture->enqueue(dataflow, 1);
        startEngine();
        const QSignalSpy &failures = *m_authFailures;
        QVERIFY(m_fixture->waitFirstIdle());
        QCOMPARE(m_receiver->requests().size(), 0);
        QVERIFY(!failures.isEmpty());
        const QString message = failures.constFirst().at(1).toString();
        QVERIFY2(message.contains(u"invalid_client"_s) ||
                     message.contains(u"Client authentication failed"_s),
                 qPrintable(message));
        QVERIFY2(!message.contains(u"not the secret"_s), qPrintable(message));
        const FailedExport failed = m_fixture->store().failedExports(dataflow, 1).value(0);
        QCOMPARE(failed.errorKind, u"auth"_s);
        QCOMPARE(failed.exportRow.attempts, 3);
    }

    void aTokenEndpointThatIsDownIsAnAuthenticationFailure()
    {
        QTcpServer closed;
        closed.listen(QHostAddress::LocalHost, 0);
        const quint16 port = closed.serverPort();
        closed.close();
        const QString dataflow = addOAuth2Destination(
            AuthType::OAuth2ClientCredentials, CredentialsPlacement::Body, nullptr,
            test::clientSecret, QUrl(QStringLiteral("http://127.0.0.1:%1/token").arg(port)));
        m_fixture->enqueue(dataflow, 1);
        startEngine();
        const QSignalSpy &failures = *m_authFailures;
        QVERIFY(m_fixture->waitFirstIdle());
        QCOMPARE(m_receiver->requests().size(), 0);
        QVERIFY(!failures.isEmpty());
        const FailedExport failed = m_fixture->store().failedExports(dataflow, 1).value(0);
        QCOMPARE(failed.errorKind, u"auth"_s);
        QVERIFY2(failed.error.contains(u"could not be reached"_s), qPrintable(failed.error));
    }

private:
    QString addOAuth2Destination(AuthType auth, CredentialsPlacement placement,
                                 Destination *created = nullptr,
                                 const QString &secret = test::clientSecret,
                                 const QUrl &tokenUrl = {}, int batchMaxExports = 1)
    {
        m_secret = secret;
        const QUrl url = tokenUrl.isEmpty() ? m_server.tokenUrl() : tokenUrl;
        return m_fixture->addDestination(m_receiver->url(), created, [&](Destination &d) {
            d.auth = auth;
            d.batchMaxExports = batchMaxExports; // issue #22
            d.batchMaxAgeMs = 50;
            d.tokenUrl = url;
            d.clientId = test::clientId;
            d.credentialsIn = placement;
            d.username = test::username;
        });
    }

    // An engine whose secrets come from the test; m_authFailures watches it.
    void startEngine()
    {
        m_engine = std::make_unique<Engine>(m_fixture->storePath());
        m_engine->setSenderOptions(fastSenderOptions());
        connect(m_engine.get(), &Engine::secretsNeeded, this, [this](const Destination &d) {
            DestinationSecrets secrets;
            secrets.clientSecret = m_secret;
            secrets.password = test::password;
            m_engine->setDestinationSecrets(d.id, secrets);
        });
        m_authFailures =
            std::make_unique<QSignalSpy>(m_engine.get(), &Engine::authenticationFailed);
        m_fixture->watch(*m_engine);
        m_engine->open();
    }

    OAuth2MockServer m_server;
    std::unique_ptr<DeliveryFixture> m_fixture;
    std::unique_ptr<HttpTestReceiver> m_receiver;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<QSignalSpy> m_authFailures;
    QString m_secret;
};

QTEST_GUILESS_MAIN(TestSenderAuth)
#include "tst_senderauth.moc"
