#pragma once

// Drives tests/peers/oauth2-server.js: oauth2-mock-server (npm, pinned in
// tests/peers) on 127.0.0.1 with an ephemeral port, configured and inspected
// through JSON lines on its standard input and output. Also the fixtures of
// the tests that use it: credentials, destinations, a waiting authorize().

#include "delivery/authprovider.h"
#include "testconfig.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUrl>

namespace outflow::test {

// Every character class RFC 6749 §2.3.1's encoding must get right: ':' (the
// Basic separator), space, '+', '%', '&', '=', non-ASCII.
inline const QString clientId = QStringLiteral("outflow:client id+1%é");
inline const QString clientSecret = QStringLiteral("s3cr:et +%&=é€ü");
inline const QString username = QStringLiteral("ana maría+test@example.com");
inline const QString password = QStringLiteral("p:ss w%rd&=+€");

// No failure hold (each test counts its requests), a timeout no test reaches.
inline AuthProviderOptions fastOptions()
{
    AuthProviderOptions options;
    options.failureHold = std::chrono::milliseconds(0);
    options.tokenRequestTimeout = std::chrono::seconds(5);
    return options;
}

// A provider with the test's secrets, unless others are given.
inline std::shared_ptr<AuthProvider>
createProvider(const Destination &destination, std::optional<DestinationSecrets> secrets = {},
               const AuthProviderOptions &options = fastOptions())
{
    if (!secrets) {
        secrets = DestinationSecrets();
        secrets->clientSecret = clientSecret;
        secrets->password = password;
    }
    QString error;
    auto provider = createAuthProvider(destination, *secrets, options, &error);
    if (!provider)
        qFatal("createAuthProvider: %s", qPrintable(error));
    return provider;
}

// Waits for the callback of one authorize() call, in this thread.
inline AuthResult authorizeAndWait(AuthProvider &provider)
{
    std::optional<AuthResult> result;
    QObject context;
    provider.authorize(&context, [&result](const AuthResult &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000)) {
        AuthFailure failure;
        failure.message = QStringLiteral("test: no callback");
        return AuthResult{QByteArray(), failure};
    }
    return *result;
}

// For QVERIFY2, which evaluates its message even when the check passes.
inline QByteArray why(const AuthResult &result)
{
    return result.failure ? result.failure->message.toUtf8() : QByteArray();
}

class OAuth2MockServer final : public QObject
{
    Q_OBJECT

public:
    OAuth2MockServer()
    {
        connect(&m_process, &QProcess::readyReadStandardOutput, this, &OAuth2MockServer::readLines);
    }

    ~OAuth2MockServer() override
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.closeWriteChannel(); // the script exits when stdin closes
            if (!m_process.waitForFinished(5000))
                m_process.kill();
        }
    }

    // Empty on success, otherwise why the server could not start.
    QString start()
    {
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty())
            return QStringLiteral("node is not installed (Debian package nodejs)");
        const QString peers = QStringLiteral(OUTFLOW_SOURCE_DIR "/tests/peers");
        if (!QFileInfo::exists(peers + QStringLiteral("/node_modules/oauth2-mock-server")))
            return QStringLiteral("oauth2-mock-server is not installed: run tools/test.sh");
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.setWorkingDirectory(peers);
        m_process.start(node, {peers + QStringLiteral("/oauth2-server.js")});
        QSignalSpy lines(this, &OAuth2MockServer::lineReceived);
        while (m_port == 0 && lines.wait(20000)) {
        }
        return m_port != 0 ? QString() : QStringLiteral("the OAuth2 server printed no port");
    }

    int port() const { return m_port; }
    QUrl tokenUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/token").arg(m_port)); }

    // Sends one command and returns its answer (empty after 10 s of silence).
    QJsonObject call(QJsonObject command)
    {
        const int id = ++m_lastId;
        command.insert(QStringLiteral("id"), id);
        m_process.write(QJsonDocument(command).toJson(QJsonDocument::Compact) + '\n');
        QSignalSpy lines(this, &OAuth2MockServer::lineReceived);
        while (!m_answers.contains(id) && lines.wait(10000)) {
        }
        return m_answers.take(id);
    }

    QJsonObject call(const QString &name, QJsonObject arguments = {})
    {
        arguments.insert(QStringLiteral("cmd"), name);
        return call(arguments);
    }

    // The token requests received since the last reset, oldest first: grant,
    // clientAuth ("basic", "body", "none"), outcome ("token", "invalid_client",
    // "invalid_grant", "canned", "pending"), username.
    QJsonArray requests() { return call(QStringLiteral("stats")).value(u"requests").toArray(); }
    int heldRequests() { return call(QStringLiteral("stats")).value(u"pending").toInt(); }

    QJsonObject lastRequest()
    {
        const QJsonArray all = requests();
        return all.isEmpty() ? QJsonObject() : all.last().toObject();
    }

    // Replaces the settings (see oauth2-server.js), with the test's client
    // and user, credentials expected in the body unless said otherwise.
    void configure(QJsonObject settings = {})
    {
        settings.insert(QStringLiteral("clients"), QJsonObject{{clientId, clientSecret}});
        settings.insert(QStringLiteral("users"), QJsonObject{{username, password}});
        if (!settings.contains(u"placement"))
            settings.insert(QStringLiteral("placement"), QStringLiteral("body"));
        call(QStringLiteral("configure"), settings);
    }

    Destination clientCredentials(CredentialsPlacement placement) const
    {
        Destination destination;
        destination.id = QStringLiteral("3f6c1d2e-0000-4000-8000-000000000001");
        destination.name = QStringLiteral("OAuth2 test");
        destination.endpoint = QUrl(QStringLiteral("http://127.0.0.1:1/profiles"));
        destination.auth = AuthType::OAuth2ClientCredentials;
        destination.tokenUrl = tokenUrl();
        destination.clientId = clientId;
        destination.credentialsIn = placement;
        return destination;
    }

    Destination passwordGrant(CredentialsPlacement placement) const
    {
        Destination destination = clientCredentials(placement);
        destination.auth = AuthType::OAuth2Password;
        destination.username = username;
        return destination;
    }

    QStringList grants()
    {
        QStringList names;
        for (const QJsonValue &request : requests())
            names << request.toObject().value(u"grant").toString();
        return names;
    }

signals:
    void lineReceived();

private:
    void readLines()
    {
        while (m_process.canReadLine()) {
            const QJsonObject line = QJsonDocument::fromJson(m_process.readLine()).object();
            if (line.contains(u"port") && m_port == 0)
                m_port = line.value(u"port").toInt();
            else
                m_answers.insert(line.value(u"id").toInt(), line);
            emit lineReceived();
        }
    }

    QProcess m_process;
    int m_port = 0;
    int m_lastId = 0;
    QHash<int, QJsonObject> m_answers;
};

} // namespace outflow::test
