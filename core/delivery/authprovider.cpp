#include "authprovider.h"

#include "destinationconfig.h"
#include "oauth2tokenbroker.h"

#include <QMetaObject>
#include <QThread>

namespace outflow {
namespace {

// No authentication, or a bearer token from the keychain: a value that never
// changes, so there is nothing to fetch and nothing to refresh.
class StaticAuthProvider final : public AuthProvider
{
public:
    StaticAuthProvider(AuthType type, QByteArray authorization)
        : m_type(type)
        , m_authorization(std::move(authorization))
    {}

    AuthType type() const override { return m_type; }
    std::optional<QByteArray> cachedAuthorization() const override { return m_authorization; }

    void authorize(QObject *context, Callback callback) override
    {
        QMetaObject::invokeMethod(
            context,
            [callback = std::move(callback), value = m_authorization] {
                callback(AuthResult{value, std::nullopt});
            },
            Qt::QueuedConnection);
    }

    // The same token again would be refused again: a 401 is final.
    bool invalidate(const QByteArray &) override { return false; }

private:
    const AuthType m_type;
    const QByteArray m_authorization;
};

// The OAuth2 grants: a facade over the token broker, which lives on the token
// thread (see OAuth2TokenBroker for the thread-safety design).
class OAuth2AuthProvider final : public AuthProvider
{
public:
    OAuth2AuthProvider(AuthType type, OAuth2Settings settings)
        : m_type(type)
    {
        QThread *thread = settings.options.tokenThread;
        m_broker = new OAuth2TokenBroker(std::move(settings));
        if (!thread) {
            m_ownThread = std::make_unique<QThread>();
            m_ownThread->setObjectName(QStringLiteral("outflow-oauth2"));
            // Deleted on its own thread when that thread ends (Qt's worker
            // pattern): the broker's network objects belong to it.
            QObject::connect(m_ownThread.get(), &QThread::finished, m_broker,
                             &QObject::deleteLater);
            thread = m_ownThread.get();
        }
        m_broker->moveToThread(thread);
        if (m_ownThread)
            m_ownThread->start();
    }

    ~OAuth2AuthProvider() override
    {
        if (m_ownThread) {
            m_ownThread->quit();
            m_ownThread->wait();
        } else {
            m_broker->deleteLater(); // on the shared token thread
        }
    }

    AuthType type() const override { return m_type; }
    std::optional<QByteArray> cachedAuthorization() const override
    {
        return m_broker->cachedAuthorization();
    }
    void authorize(QObject *context, Callback callback) override
    {
        m_broker->authorize(context, callback);
    }
    bool invalidate(const QByteArray &rejected) override
    {
        m_broker->invalidate(rejected);
        return true;
    }

private:
    const AuthType m_type;
    OAuth2TokenBroker *m_broker = nullptr; // owned; deleted on its thread
    std::unique_ptr<QThread> m_ownThread;
};

std::nullptr_t refuse(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return nullptr;
}

bool isHeaderSafe(const QString &token)
{
    return std::all_of(token.cbegin(), token.cend(),
                       [](QChar c) { return c.unicode() > 0x20 && c.unicode() < 0x7f; });
}

} // namespace

QString AuthFailure::reasonId(Reason reason)
{
    switch (reason) {
    case Reason::Rejected:
        return QStringLiteral("rejected");
    case Reason::HttpStatus:
        return QStringLiteral("http-status");
    case Reason::InvalidResponse:
        return QStringLiteral("invalid-response");
    case Reason::Timeout:
        return QStringLiteral("timeout");
    case Reason::Network:
        return QStringLiteral("network");
    }
    return {};
}

std::shared_ptr<AuthProvider> createAuthProvider(const Destination &destination,
                                                 const DestinationSecrets &secrets,
                                                 const AuthProviderOptions &options, QString *error)
{
    switch (destination.auth) {
    case AuthType::None:
        return std::make_shared<StaticAuthProvider>(AuthType::None, QByteArray());
    case AuthType::Bearer:
        if (secrets.bearerToken.isEmpty())
            return refuse(error, AuthProvider::tr("bearer-token: the bearer token is missing"));
        if (!isHeaderSafe(secrets.bearerToken))
            return refuse(error, AuthProvider::tr("bearer-token: the token holds spaces or "
                                                  "characters an HTTP header cannot carry"));
        return std::make_shared<StaticAuthProvider>(
            AuthType::Bearer, QByteArrayLiteral("Bearer ") + secrets.bearerToken.toLatin1());
    case AuthType::OAuth2ClientCredentials:
    case AuthType::OAuth2Password:
        break;
    }

    if (!parseTokenUrl(destination.tokenUrl.toString(QUrl::FullyEncoded), error))
        return nullptr;
    if (destination.clientId.isEmpty())
        return refuse(error, AuthProvider::tr("client-id: OAuth2 needs a client id"));
    const bool passwordGrant = destination.auth == AuthType::OAuth2Password;
    if (!passwordGrant && secrets.clientSecret.isEmpty())
        return refuse(error, AuthProvider::tr("client-secret: the client secret is missing"));
    if (passwordGrant && destination.username.isEmpty())
        return refuse(error, AuthProvider::tr("username: the password grant needs a username"));
    if (passwordGrant && secrets.password.isEmpty())
        return refuse(error, AuthProvider::tr("password: the password is missing"));

    OAuth2Settings settings;
    settings.grant = passwordGrant ? oauth2::Grant::Password : oauth2::Grant::ClientCredentials;
    settings.tokenUrl = destination.tokenUrl;
    settings.clientId = destination.clientId;
    settings.credentialsIn = destination.credentialsIn;
    settings.username = destination.username;
    settings.clientSecret = secrets.clientSecret;
    settings.password = secrets.password;
    settings.destinationName = destination.name.isEmpty() ? destination.id : destination.name;
    settings.options = options;
    return std::make_shared<OAuth2AuthProvider>(destination.auth, std::move(settings));
}

} // namespace outflow
