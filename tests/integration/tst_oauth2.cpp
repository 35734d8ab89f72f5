// The OAuth2 grants against a real OAuth2 server (oauth2-mock-server, run by
// tests/peers/oauth2-server.js on 127.0.0.1): client authentication, caching,
// refresh, one request for concurrent callers, 401 invalidation, lifetime.
// The failures are in tst_oauth2failures.
#include "delivery/authprovider.h"
#include "support/oauth2mockserver.h"

#include <atomic>
#include <QJsonArray>
#include <QMutex>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace outflow;
using namespace outflow::test;
using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

class TestOAuth2 final : public QObject
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

    void clientCredentialsInBody()
    {
        const auto provider =
            createProvider(m_server.clientCredentials(CredentialsPlacement::Body));
        const AuthResult result = authorizeAndWait(*provider);
        QVERIFY2(result.ok(), why(result).constData());
        QVERIFY(result.authorization.startsWith("Bearer ey")); // a JWT from the mock's issuer
        const QJsonObject request = m_server.lastRequest();
        QCOMPARE(request.value(u"grant").toString(), u"client_credentials"_s);
        QCOMPARE(request.value(u"clientAuth").toString(), u"body"_s);
        QCOMPARE(request.value(u"outcome").toString(), u"token"_s);
    }

    void clientCredentialsInBasicHeader()
    {
        m_server.configure({{QStringLiteral("placement"), QStringLiteral("basic")}});
        const auto provider =
            createProvider(m_server.clientCredentials(CredentialsPlacement::BasicHeader));
        const AuthResult result = authorizeAndWait(*provider);
        QVERIFY2(result.ok(), why(result).constData());
        // The server compared the header byte for byte with
        // base64(urlencode(id) ":" urlencode(secret)).
        const QJsonObject request = m_server.lastRequest();
        QCOMPARE(request.value(u"clientAuth").toString(), u"basic"_s);
        QCOMPARE(request.value(u"outcome").toString(), u"token"_s);
    }

    void credentialsInTheWrongPlaceAreRefused()
    {
        m_server.configure({{QStringLiteral("placement"), QStringLiteral("basic")}});
        const auto provider =
            createProvider(m_server.clientCredentials(CredentialsPlacement::Body));
        const AuthResult result = authorizeAndWait(*provider);
        QVERIFY(!result.ok());
        QCOMPARE(result.failure->error, u"invalid_client"_s);
    }

    void passwordGrant()
    {
        const auto provider = createProvider(m_server.passwordGrant(CredentialsPlacement::Body));
        const AuthResult result = authorizeAndWait(*provider);
        QVERIFY2(result.ok(), why(result).constData());
        const QJsonObject request = m_server.lastRequest();
        QCOMPARE(request.value(u"grant").toString(), u"password"_s);
        QCOMPARE(request.value(u"username").toString(), username);
        QCOMPARE(request.value(u"outcome").toString(), u"token"_s);
        QVERIFY(request.value(u"refreshTokenIssued").toBool());
    }

    void passwordGrantWithBasicClientCredentials()
    {
        m_server.configure({{QStringLiteral("placement"), QStringLiteral("basic")}});
        const auto provider =
            createProvider(m_server.passwordGrant(CredentialsPlacement::BasicHeader));
        const AuthResult result = authorizeAndWait(*provider);
        QVERIFY2(result.ok(), why(result).constData());
        QCOMPARE(m_server.lastRequest().value(u"clientAuth").toString(), u"basic"_s);
    }

    void cachedTokenMakesNoRequest()
    {
        const auto provider =
            createProvider(m_server.clientCredentials(CredentialsPlacement::Body));
        QVERIFY(!provider->cachedAuthorization());
        const AuthResult first = authorizeAndWait(*provider);
        QVERIFY(first.ok());
        QCOMPARE(provider->cachedAuthorization().value_or(QByteArray()), first.authorization);
        const AuthResult second = authorizeAndWait(*provider);
        QCOMPARE(second.authorization, first.authorization);
        QCOMPARE(m_server.requests().size(), 1);
    }

    void expiredTokenIsRefreshedWithTheRefreshToken()
    {
        m_server.configure({{QStringLiteral("expiresIn"), 1}});
        const auto provider = createProvider(m_server.passwordGrant(CredentialsPlacement::Body));
        const AuthResult first = authorizeAndWait(*provider);
        QVERIFY(first.ok());
        // expires_in 1 s minus 10 %: stale after 0.9 s.
        QTRY_VERIFY_WITH_TIMEOUT(!provider->cachedAuthorization(), 5000);
        const AuthResult second = authorizeAndWait(*provider);
        QVERIFY2(second.ok(), why(second).constData());
        QVERIFY(second.authorization != first.authorization);
        QCOMPARE(m_server.grants(), (QStringList{u"password"_s, u"refresh_token"_s}));
        QCOMPARE(m_server.lastRequest().value(u"outcome").toString(), u"token"_s);
    }

    void clientCredentialsUseARefreshTokenWhenOneIsIssued()
    {
        m_server.configure({{QStringLiteral("expiresIn"), 1},
                            {QStringLiteral("refreshForClientCredentials"), true}});
        const auto provider =
            createProvider(m_server.clientCredentials(CredentialsPlacement::Body));
        QVERIFY(authorizeAndWait(*provider).ok());
        QTRY_VERIFY_WITH_TIMEOUT(!provider->cachedAuthorization(), 5000);
        QVERIFY(authorizeAndWait(*provider).ok());
        QCOMPARE(m_server.grants(), (QStringList{u"client_credentials"_s, u"refresh_token"_s}));
    }

    void refusedRefreshFallsBackToTheOriginalGrant()
    {
        m_server.configure(
            {{QStringLiteral("expiresIn"), 1}, {QStringLiteral("refuseRefresh"), true}});
        const auto provider = createProvider(m_server.passwordGrant(CredentialsPlacement::Body));
        QVERIFY(authorizeAndWait(*provider).ok());
        QTRY_VERIFY_WITH_TIMEOUT(!provider->cachedAuthorization(), 5000);
        const AuthResult result = authorizeAndWait(*provider);
        QVERIFY2(result.ok(), why(result).constData());
        QCOMPARE(m_server.grants(),
                 (QStringList{u"password"_s, u"refresh_token"_s, u"password"_s}));
        const QJsonArray requests = m_server.requests();
        QCOMPARE(requests.at(1).toObject().value(u"outcome").toString(), u"invalid_grant"_s);
    }

    void concurrentCallersOnSeveralThreadsShareOneRequest()
    {
        m_server.configure({{QStringLiteral("hold"), true}});
        const auto provider =
            createProvider(m_server.clientCredentials(CredentialsPlacement::Body));
        constexpr int callerCount = 10;
        std::vector<std::unique_ptr<QThread>> threads;
        std::vector<std::unique_ptr<QObject>> contexts;
        std::atomic<int> called{0};
        std::atomic<int> answeredInCallerThread{0};
        QList<AuthResult> results;
        QMutex resultsMutex;
        for (int i = 0; i < callerCount; ++i) {
            threads.push_back(std::make_unique<QThread>());
            threads.back()->start();
            contexts.push_back(std::make_unique<QObject>());
            QObject *context = contexts.back().get();
            context->moveToThread(threads.back().get());
            QMetaObject::invokeMethod(context, [&, context] {
                QThread *callerThread = QThread::currentThread();
                provider->authorize(context, [&, callerThread](const AuthResult &result) {
                    if (QThread::currentThread() == callerThread)
                        ++answeredInCallerThread;
                    const QMutexLocker lock(&resultsMutex);
                    results << result;
                });
                ++called;
            });
        }
        // Every caller is waiting and the server holds the one request.
        QTRY_COMPARE(called.load(), callerCount);
        QTRY_COMPARE(m_server.heldRequests(), 1);
        m_server.call(QStringLiteral("release"));
        QTRY_COMPARE_WITH_TIMEOUT(answeredInCallerThread.load(), callerCount, 10000);

        QCOMPARE(m_server.requests().size(), 1);
        const QMutexLocker lock(&resultsMutex);
        for (const AuthResult &result : std::as_const(results)) {
            QVERIFY(result.ok());
            QCOMPARE(result.authorization, results.first().authorization);
        }
        for (size_t i = 0; i < threads.size(); ++i) {
            QMetaObject::invokeMethod(
                contexts[i].get(), [&contexts, i] { contexts[i].reset(); },
                Qt::BlockingQueuedConnection);
            threads[i]->quit();
            threads[i]->wait();
        }
    }

    void invalidateCausesExactlyOneNewRequest()
    {
        const auto provider =
            createProvider(m_server.clientCredentials(CredentialsPlacement::Body));
        const AuthResult first = authorizeAndWait(*provider);
        QVERIFY(first.ok());

        // Five requests carried the token and all got 401.
        std::vector<std::unique_ptr<QObject>> contexts;
        QList<AuthResult> retries;
        for (int i = 0; i < 5; ++i) {
            QVERIFY(provider->invalidate(first.authorization));
            contexts.push_back(std::make_unique<QObject>());
            provider->authorize(contexts.back().get(),
                                [&retries](const AuthResult &result) { retries << result; });
        }
        QTRY_COMPARE(retries.size(), 5);
        for (const AuthResult &retry : std::as_const(retries)) {
            QVERIFY(retry.ok());
            QCOMPARE(retry.authorization, retries.first().authorization);
        }
        QVERIFY(retries.first().authorization != first.authorization);
        QCOMPARE(m_server.requests().size(), 2);

        // A late 401 for the old token leaves the new one alone.
        provider->invalidate(first.authorization);
        QCOMPARE(provider->cachedAuthorization().value_or(QByteArray()),
                 retries.first().authorization);
    }

    void providersShareATokenThreadAndStopWithARequestInFlight()
    {
        QThread tokenThread;
        tokenThread.start();
        AuthProviderOptions options = fastOptions();
        options.tokenThread = &tokenThread;
        bool called = false;
        {
            const auto first =
                createProvider(m_server.clientCredentials(CredentialsPlacement::Body), {}, options);
            const auto second =
                createProvider(m_server.passwordGrant(CredentialsPlacement::Body), {}, options);
            QVERIFY(authorizeAndWait(*first).ok());
            QVERIFY(authorizeAndWait(*second).ok());

            m_server.configure({{QStringLiteral("hold"), true}});
            QObject context;
            first->invalidate(*first->cachedAuthorization());
            first->authorize(&context, [&called](const AuthResult &) { called = true; });
            QTRY_COMPARE(m_server.heldRequests(), 1);
            // Both providers go with the request still held: no callback, no crash.
        }
        m_server.call(QStringLiteral("release"));
        QCoreApplication::sendPostedEvents();
        QVERIFY(!called);
        tokenThread.quit();
        QVERIFY(tokenThread.wait(5000));
    }

private:
    test::OAuth2MockServer m_server;
};

QTEST_GUILESS_MAIN(TestOAuth2)
#include "tst_oauth2.moc"
