// The pieces of authentication that need no server: the token request's
// bytes, the token answer's reading, the static providers, the factory's
// refusals and the keychain key names. The grants themselves are exercised
// against a real OAuth2 server in tst_oauth2.
#include "delivery/authprovider.h"
#include "delivery/destinationsecrets.h"
#include "delivery/oauth2tokenrequest.h"

#include <QTest>

using namespace outflow;
using namespace outflow::oauth2;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(outflow::AuthFailure::Reason)

class TestAuthProvider final : public QObject
{
    Q_OBJECT

private slots:
    void formEncoding_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("encoded");
        // What Node's URLSearchParams (the WHATWG serializer) produces.
        QTest::newRow("kept") << u"azAZ09*-._"_s << QByteArray("azAZ09*-._");
        QTest::newRow("space") << u"a b"_s << QByteArray("a+b");
        QTest::newRow("plus, percent, colon") << u"+%:"_s << QByteArray("%2B%25%3A");
        QTest::newRow("form delimiters") << u"&="_s << QByteArray("%26%3D");
        QTest::newRow("tilde") << u"~"_s << QByteArray("%7E");
        QTest::newRow("non-ASCII") << u"é€"_s << QByteArray("%C3%A9%E2%82%AC");
    }

    void formEncoding()
    {
        QFETCH(QString, value);
        QFETCH(QByteArray, encoded);
        QCOMPARE(formUrlEncode(value), encoded);
    }

    void basicCredentialsAreEncodedBeforeBase64()
    {
        // RFC 6749 §2.3.1's own example.
        QCOMPARE(basicAuthorization(u"s6BhdRkqt3"_s, u"7Fjfp0ZBr1KtDRbnfVdmIw"_s),
                 QByteArray("Basic czZCaGRSa3F0Mzo3RmpmcDBaQnIxS3REUmJuZlZkbUl3"));
        // The ':' of the id is escaped, so the server splits at the right one.
        QCOMPARE(basicAuthorization(u"a:b"_s, u"c d+é"_s),
                 QByteArray("Basic " + QByteArray("a%3Ab:c+d%2B%C3%A9").toBase64()));
    }

    void tokenRequests_data()
    {
        QTest::addColumn<int>("grant");
        QTest::addColumn<int>("placement");
        QTest::addColumn<QString>("clientSecret");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("authorization");
        const auto body = int(CredentialsPlacement::Body);
        const auto basic = int(CredentialsPlacement::BasicHeader);
        const QByteArray basicValue = basicAuthorization(u"id:1"_s, u"s&s"_s);
        QTest::newRow("client credentials, body")
            << int(Grant::ClientCredentials) << body << u"s&s"_s
            << QByteArray("grant_type=client_credentials&client_id=id%3A1&client_secret=s%26s")
            << QByteArray();
        QTest::newRow("client credentials, basic")
            << int(Grant::ClientCredentials) << basic << u"s&s"_s
            << QByteArray("grant_type=client_credentials") << basicValue;
        QTest::newRow("password, body")
            << int(Grant::Password) << body << u"s&s"_s
            << QByteArray(
                   "grant_type=password&username=ana+m%C3%ADa&password=p%3Dw&client_id=id%3A1"
                   "&client_secret=s%26s")
            << QByteArray();
        QTest::newRow("password, basic")
            << int(Grant::Password) << basic << u"s&s"_s
            << QByteArray("grant_type=password&username=ana+m%C3%ADa&password=p%3Dw") << basicValue;
        QTest::newRow("password, public client")
            << int(Grant::Password) << basic << QString()
            << QByteArray(
                   "grant_type=password&username=ana+m%C3%ADa&password=p%3Dw&client_id=id%3A1")
            << QByteArray();
        QTest::newRow("refresh, basic")
            << int(Grant::RefreshToken) << basic << u"s&s"_s
            << QByteArray("grant_type=refresh_token&refresh_token=r%2Bt") << basicValue;
    }

    void tokenRequests()
    {
        QFETCH(int, grant);
        QFETCH(int, placement);
        QFETCH(QString, clientSecret);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, authorization);
        TokenRequestInput input;
        input.grant = Grant(grant);
        input.credentialsIn = CredentialsPlacement(placement);
        input.clientId = u"id:1"_s;
        input.clientSecret = clientSecret;
        input.username = u"ana mía"_s;
        input.password = u"p=w"_s;
        input.refreshToken = u"r+t"_s;
        const TokenRequestContent content = buildTokenRequest(input);
        QCOMPARE(content.body, body);
        QCOMPARE(content.authorization, authorization);
    }

    void tokenAnswers_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("accessToken"); // empty: a failure
        QTest::addColumn<qint64>("expiresIn");       // -1: not given
        QTest::addColumn<QByteArray>("refreshToken");
        QTest::addColumn<AuthFailure::Reason>("reason");
        const auto none = AuthFailure::Reason::Network; // unused on success
        QTest::newRow("complete") << 200
                                  << QByteArray(R"({"access_token":"a.b-c","token_type":"Bearer",)"
                                                R"("expires_in":3600,"refresh_token":"r1"})")
                                  << QByteArray("a.b-c") << qint64(3600) << QByteArray("r1")
                                  << none;
        QTest::newRow("lower-case type, string expiry")
            << 200 << QByteArray(R"({"access_token":"t","token_type":"bearer","expires_in":"60"})")
            << QByteArray("t") << qint64(60) << QByteArray() << none;
        QTest::newRow("no type, no expiry")
            << 201 << QByteArray(R"({"access_token":"t"})") << QByteArray("t") << qint64(-1)
            << QByteArray() << none;
        QTest::newRow("negative expiry")
            << 200 << QByteArray(R"({"access_token":"t","expires_in":-5})") << QByteArray("t")
            << qint64(0) << QByteArray() << none;
        QTest::newRow("expiry not a number")
            << 200 << QByteArray(R"({"access_token":"t","expires_in":"soon"})") << QByteArray()
            << qint64(-1) << QByteArray() << AuthFailure::Reason::InvalidResponse;
        QTest::newRow("token with a line break")
            << 200 << QByteArray(R"({"access_token":"t\r\nX-Evil: 1"})") << QByteArray()
            << qint64(-1) << QByteArray() << AuthFailure::Reason::InvalidResponse;
        QTest::newRow("error with 200")
            << 200 << QByteArray(R"({"error":"access_denied"})") << QByteArray() << qint64(-1)
            << QByteArray() << AuthFailure::Reason::Rejected;
        QTest::newRow("JSON array") << 200 << QByteArray("[]") << QByteArray() << qint64(-1)
                                    << QByteArray() << AuthFailure::Reason::InvalidResponse;
        QTest::newRow("500 with JSON error")
            << 500 << QByteArray(R"({"error":"server_error"})") << QByteArray() << qint64(-1)
            << QByteArray() << AuthFailure::Reason::Rejected;
        QTest::newRow("404 empty") << 404 << QByteArray() << QByteArray() << qint64(-1)
                                   << QByteArray() << AuthFailure::Reason::HttpStatus;
    }

    void tokenAnswers()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, accessToken);
        QFETCH(qint64, expiresIn);
        QFETCH(QByteArray, refreshToken);
        QFETCH(AuthFailure::Reason, reason);
        const auto outcome = parseTokenResponse(status, body, u"https://auth.example/token"_s);
        if (accessToken.isEmpty()) {
            const auto *failure = std::get_if<AuthFailure>(&outcome);
            QVERIFY(failure);
            QCOMPARE(failure->reason, reason);
            QCOMPARE(failure->httpStatus, status);
            QVERIFY(failure->message.contains(u"https://auth.example/token"_s));
            return;
        }
        const auto *token = std::get_if<IssuedToken>(&outcome);
        QVERIFY(token);
        QCOMPARE(token->accessToken, accessToken);
        QCOMPARE(token->expiresIn ? token->expiresIn->count() : -1, expiresIn);
        QCOMPARE(token->refreshToken, refreshToken);
    }

    void redactionMasksEverySpelling()
    {
        AuthFailure failure;
        failure.errorDescription = u"got a b+c, a+b%2Bc and a%20b%2Bc"_s;
        failure.message = u"x a b+c"_s;
        const AuthFailure clean = redacted(failure, {u"a b+c"_s, QString()});
        QCOMPARE(clean.errorDescription, u"got ••••, •••• and ••••"_s);
        QCOMPARE(clean.message, u"x ••••"_s);
    }

    void noAuthenticationSendsNoHeader()
    {
        Destination destination;
        const auto provider = createAuthProvider(destination, {});
        QVERIFY(provider);
        QCOMPARE(provider->type(), AuthType::None);
        QVERIFY(provider->cachedAuthorization().has_value());
        QVERIFY(provider->cachedAuthorization()->isEmpty());
        QVERIFY(!provider->invalidate(QByteArray()));
    }

    void bearerTokenIsSentAsIs()
    {
        Destination destination;
        destination.auth = AuthType::Bearer;
        DestinationSecrets secrets;
        secrets.bearerToken = u"abc.DEF-123_~+/="_s;
        const auto provider = createAuthProvider(destination, secrets);
        QVERIFY(provider);
        QCOMPARE(provider->cachedAuthorization().value_or(QByteArray()),
                 QByteArray("Bearer abc.DEF-123_~+/="));
        // A 401 is final: the same token would be refused again.
        QVERIFY(!provider->invalidate("Bearer abc.DEF-123_~+/="));

        // authorize() answers later, through this thread's event loop.
        std::optional<AuthResult> result;
        QObject context;
        provider->authorize(&context, [&result](const AuthResult &r) { result = r; });
        QVERIFY(!result);
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->ok());
        QCOMPARE(result->authorization, QByteArray("Bearer abc.DEF-123_~+/="));
    }

    void callbacksOfADestroyedContextAreDropped()
    {
        Destination destination;
        const auto provider = createAuthProvider(destination, {});
        bool called = false;
        auto context = std::make_unique<QObject>();
        provider->authorize(context.get(), [&called](const AuthResult &) { called = true; });
        context.reset();
        // The queued call went with its object: nothing left to deliver.
        QCoreApplication::sendPostedEvents();
        QVERIFY(!called);
    }

    void missingOrUnusableSecretsAreRefused_data()
    {
        QTest::addColumn<int>("auth");
        QTest::addColumn<QString>("tokenUrl");
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("secret"); // the bearer token, client secret and password
        QTest::addColumn<QString>("error");
        const QString tokenUrl = u"https://auth.example/token"_s;
        QTest::newRow("bearer missing")
            << int(AuthType::Bearer) << QString() << QString() << QString()
            << u"bearer-token: the bearer token is missing"_s;
        QTest::newRow("bearer with a line break")
            << int(AuthType::Bearer) << QString() << QString() << u"abc\r\nX-Evil: 1"_s
            << u"bearer-token: the token holds spaces or characters an HTTP header cannot carry"_s;
        QTest::newRow("client secret missing")
            << int(AuthType::OAuth2ClientCredentials) << tokenUrl << QString() << QString()
            << u"client-secret: the client secret is missing"_s;
        QTest::newRow("token URL missing")
            << int(AuthType::OAuth2ClientCredentials) << QString() << QString() << u"s"_s
            << u"token-url: an http:// or https:// URL is required"_s;
        QTest::newRow("username missing")
            << int(AuthType::OAuth2Password) << tokenUrl << QString() << u"s"_s
            << u"username: the password grant needs a username"_s;
    }

    void missingOrUnusableSecretsAreRefused()
    {
        QFETCH(int, auth);
        QFETCH(QString, tokenUrl);
        QFETCH(QString, username);
        QFETCH(QString, secret);
        QFETCH(QString, error);
        Destination destination;
        destination.auth = AuthType(auth);
        destination.tokenUrl = QUrl(tokenUrl);
        destination.clientId = u"client"_s;
        destination.username = username;
        DestinationSecrets secrets{secret, secret, secret, QString(), {}, {}};
        QString actualError;
        QVERIFY(!createAuthProvider(destination, secrets, {}, &actualError));
        QCOMPARE(actualError, error);
    }

    void passwordMissing()
    {
        Destination destination;
        destination.auth = AuthType::OAuth2Password;
        destination.tokenUrl = QUrl(u"https://auth.example/token"_s);
        destination.clientId = u"client"_s;
        destination.username = u"ana"_s;
        DestinationSecrets secrets;
        secrets.clientSecret = u"s"_s;
        QString error;
        QVERIFY(!createAuthProvider(destination, secrets, {}, &error));
        QCOMPARE(error, u"password: the password is missing"_s);
    }

    void keychainKeysAndVariables()
    {
        using Kind = DestinationSecrets::Kind;
        QCOMPARE(DestinationSecrets::keychainKey(u"0b4f"_s, Kind::ClientSecret),
                 u"destination/0b4f/client-secret"_s);
        QCOMPARE(DestinationSecrets::keychainKey(u"0b4f"_s, Kind::BearerToken),
                 u"destination/0b4f/bearer-token"_s);
        QCOMPARE(DestinationSecrets::environmentVariable(Kind::BearerToken),
                 u"OUTFLOW_BEARER_TOKEN"_s);
        QCOMPARE(DestinationSecrets::environmentVariable(Kind::ClientSecret),
                 u"OUTFLOW_CLIENT_SECRET"_s);
        QCOMPARE(DestinationSecrets::environmentVariable(Kind::Password), u"OUTFLOW_PASSWORD"_s);
        QCOMPARE(DestinationSecrets::environmentVariable(Kind::KeyPassphrase),
                 u"OUTFLOW_KEY_PASSPHRASE"_s);

        Destination destination;
        QVERIFY(DestinationSecrets::usedBy(destination).isEmpty());
        destination.auth = AuthType::OAuth2Password;
        destination.clientCertPath = u"/certs/client.p12"_s;
        QCOMPARE(DestinationSecrets::usedBy(destination),
                 (QList<Kind>{Kind::ClientSecret, Kind::Password, Kind::KeyPassphrase}));
        QVERIFY(!DestinationSecrets::isRequired(Kind::KeyPassphrase));

        DestinationSecrets secrets;
        secrets.setValue(Kind::Password, u"pw"_s);
        QCOMPARE(secrets.password, u"pw"_s);
        QCOMPARE(secrets.value(Kind::Password), u"pw"_s);
    }

    void reasonIdentifiers()
    {
        QCOMPARE(AuthFailure::reasonId(AuthFailure::Reason::Rejected), u"rejected"_s);
        QCOMPARE(AuthFailure::reasonId(AuthFailure::Reason::HttpStatus), u"http-status"_s);
        QCOMPARE(AuthFailure::reasonId(AuthFailure::Reason::InvalidResponse),
                 u"invalid-response"_s);
        QCOMPARE(AuthFailure::reasonId(AuthFailure::Reason::Timeout), u"timeout"_s);
        QCOMPARE(AuthFailure::reasonId(AuthFailure::Reason::Network), u"network"_s);
    }
};

QTEST_GUILESS_MAIN(TestAuthProvider)
#include "tst_authprovider.moc"
