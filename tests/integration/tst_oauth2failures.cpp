// How OAuth2 token endpoint failures reach the sender: a refusal with the
// server's error and error_description (oauth2-mock-server, through
// tests/peers/oauth2-server.js), answers without a usable token, a refused
// connection and silence (plain sockets), never with a secret in the text.
#include "support/oauth2mockserver.h"

#include <QJsonArray>
#include <QTcpServer>
#include <QTest>

using namespace outflow;
using namespace outflow::test;
using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(outflow::AuthFailure::Reason)

class TestOAuth2Failures final : public QObject
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
    }

    void invalidClientIsReportedWithTheServersDescription()
    {
        DestinationSecrets secrets;
        secrets.clientSecret = QStringLiteral("not the secret");
        const auto provider =
            createProvider(m_server.clientCredentials(CredentialsPlacement::Body), secrets);
        const AuthResult result = authorizeAndWait(*provider);
        QVERIFY(!result.ok());
        QCOMPARE(result.failure->reason, AuthFailure::Reason::Rejected);
        QCOMPARE(result.failure->httpStatus, 401);
        QCOMPARE(result.failure->error, u"invalid_client"_s);
        QVERIFY(result.failure->errorDescription.startsWith(u"Client authentication failed"));
        QVERIFY(result.failure->message.contains(u"invalid_client"));
        QVERIFY(result.failure->message.contains(result.failure->errorDescription));
        QVERIFY(!result.failure->message.contains(secrets.clientSecret));
        QVERIFY(!provider->cachedAuthorization());
    }

    void invalidGrantIsReported()
    {
        DestinationSecrets secrets;
        secrets.clientSecret = clientSecret;
        secrets.password = QStringLiteral("wrong password");
        const auto provider =
            createProvider(m_server.passwordGrant(CredentialsPlacement::Body), secrets);
        const AuthResult result = authorizeAndWait(*provider);
        QVERIFY(!result.ok());
        QCOMPARE(result.failure->reason, AuthFailure::Reason::Rejected);
        QCOMPARE(result.failure->httpStatus, 400);
        QCOMPARE(result.failure->error, u"invalid_grant"_s);
        QCOMPARE(result.failure->errorDescription, u"Invalid resource owner credentials"_s);
    }

    void aFailureIsHeldWithoutNewRequests()
    {
        AuthProviderOptions options = fastOptions();
        options.failureHold = 60s;
        DestinationSecrets secrets;
        secrets.clientSecret = QStringLiteral("not the secret");
        const auto provider = createProvider(m_server.clientCredentials(CredentialsPlacement::Body),
                                             secrets, options);
        const AuthResult first = authorizeAndWait(*provider);
        const AuthResult second = authorizeAndWait(*provider);
        QVERIFY(!second.ok());
        QCOMPARE(second.failure->error, first.failure->error);
        QCOMPARE(m_server.requests().size(), 1);
    }

    void answersWithoutAToken_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<QString>("body");
        QTest::addColumn<AuthFailure::Reason>("reason");
        QTest::newRow("HTML page, 200") << 200 << u"text/html"_s << u"<html>Login</html>"_s
                                        << AuthFailure::Reason::InvalidResponse;
        QTest::newRow("JSON without access_token")
            << 200 << u"application/json"_s << u"{\"token_type\":\"Bearer\"}"_s
            << AuthFailure::Reason::InvalidResponse;
        QTest::newRow("MAC token")
            << 200 << u"application/json"_s << u"{\"access_token\":\"x\",\"token_type\":\"mac\"}"_s
            << AuthFailure::Reason::InvalidResponse;
        QTest::newRow("503 HTML") << 503 << u"text/html"_s << u"<h1>Service Unavailable</h1>"_s
                                  << AuthFailure::Reason::HttpStatus;
        QTest::newRow("302 to a login page")
            << 302 << u"text/plain"_s << QString() << AuthFailure::Reason::HttpStatus;
    }

    void answersWithoutAToken()
    {
        QFETCH(int, status);
        QFETCH(QString, contentType);
        QFETCH(QString, body);
        QFETCH(AuthFailure::Reason, reason);
        m_server.call(QStringLiteral("canned"),
                      {{QStringLiteral("responses"),
                        QJsonArray{QJsonObject{{QStringLiteral("status"), status},
                                               {QStringLiteral("contentType"), contentType},
                                               {QStringLiteral("body"), body}}}}});
        const auto provider =
            createProvider(m_server.clientCredentials(CredentialsPlacement::Body));
        const AuthResult result = authorizeAndWait(*provider);
        QVERIFY(!result.ok());
        QCOMPARE(result.failure->reason, reason);
        QCOMPARE(result.failure->httpStatus, status);
        QVERIFY(!result.failure->message.isEmpty());
    }

    void serverTextNeverShowsTheSecrets()
    {
        const QJsonObject echo{
            {QStringLiteral("error"), QStringLiteral("invalid_client")},
            {QStringLiteral("error_description"),
             QString(u"secret "_s + clientSecret + u" / "_s +
                     QString::fromLatin1(QUrl::toPercentEncoding(clientSecret)))}};
        m_server.call(
            QStringLiteral("canned"),
            {{QStringLiteral("responses"),
              QJsonArray{QJsonObject{
                  {QStringLiteral("status"), 401},
                  {QStringLiteral("contentType"), QStringLiteral("application/json")},
                  {QStringLiteral("body"), QString::fromUtf8(QJsonDocument(echo).toJson())}}}}});
        const auto provider =
            createProvider(m_server.clientCredentials(CredentialsPlacement::Body));
        const AuthResult result = authorizeAndWait(*provider);
        QVERIFY(!result.ok());
        QVERIFY2(!result.failure->errorDescription.contains(clientSecret),
                 qPrintable(result.failure->errorDescription));
        QVERIFY(!result.failure->message.contains(clientSecret));
        QCOMPARE(result.failure->errorDescription, u"secret •••• / ••••"_s);
    }

    void tokenEndpointDown()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close(); // nothing listens there any more: connection refused
        Destination destination = m_server.clientCredentials(CredentialsPlacement::Body);
        destination.tokenUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/token").arg(port));
        const auto provider = createProvider(destination);
        const AuthResult result = authorizeAndWait(*provider);
        QVERIFY(!result.ok());
        QCOMPARE(result.failure->reason, AuthFailure::Reason::Network);
        QCOMPARE(result.failure->httpStatus, 0);
        QVERIFY2(result.failure->message.contains(u"refused", Qt::CaseInsensitive),
                 why(result).constData());
    }

    void tokenEndpointTimeout()
    {
        QTcpServer silent; // accepts, reads, never answers
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        Destination destination = m_server.clientCredentials(CredentialsPlacement::Body);
        destination.tokenUrl =
            QUrl(QStringLiteral("http://127.0.0.1:%1/token").arg(silent.serverPort()));
        AuthProviderOptions options = fastOptions();
        options.tokenRequestTimeout = 300ms;
        const auto provider = createProvider(destination, {}, options);
        const AuthResult result = authorizeAndWait(*provider);
        QVERIFY(!result.ok());
        QCOMPARE(result.failure->reason, AuthFailure::Reason::Timeout);
        QVERIFY(result.failure->message.contains(u"300"));
    }

private:
    test::OAuth2MockServer m_server;
};

QTEST_GUILESS_MAIN(TestOAuth2Failures)
#include "tst_oauth2failures.moc"
