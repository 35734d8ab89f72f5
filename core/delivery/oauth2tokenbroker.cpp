#include "oauth2tokenbroker.h"

#include "app/logging.h"

#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace outflow {
namespace {

// A token answer is a few kilobytes; more is a misconfigured URL (a web page,
// a download) and is not worth buffering.
constexpr qint64 MaxTokenResponseBytes = 1024 * 1024;

void deliverLater(QObject *context, const AuthProvider::Callback &callback, AuthResult result)
{
    QMetaObject::invokeMethod(
        context, [callback, result = std::move(result)] { callback(result); },
        Qt::QueuedConnection);
}

// A refresh the server refused (the refresh token expired or was revoked)
// falls back to the original grant. One that failed on the way (network,
// timeout, 5xx) would fail the same way with the original grant: reported.
bool refreshRefused(const AuthFailure &failure)
{
    switch (failure.reason) {
    case AuthFailure::Reason::Rejected:
    case AuthFailure::Reason::InvalidResponse:
        return true;
    case AuthFailure::Reason::HttpStatus:
        return failure.httpStatus >= 400 && failure.httpStatus < 500;
    case AuthFailure::Reason::Timeout:
    case AuthFailure::Reason::Network:
        return false;
    }
    return false;
}

} // namespace

struct OAuth2TokenBroker::RequestState
{
    Clock::time_point startedAt = Clock::now();
    bool timedOut = false;
    bool oversized = false;
};

OAuth2TokenBroker::OAuth2TokenBroker(OAuth2Settings settings)
    : m_settings(std::move(settings))
    , m_originalGrant(m_settings.grant)
{
    qRegisterMetaType<AuthResult>();
}

OAuth2TokenBroker::~OAuth2TokenBroker()
{
    // Runs on the token thread. Aborting emits finished(): nobody listens
    // any more, the broker is going.
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

bool OAuth2TokenBroker::hasFreshTokenLocked(Clock::time_point now) const
{
    return !m_authorization.isEmpty() && (!m_expiresAt || now < *m_expiresAt);
}

std::optional<QByteArray> OAuth2TokenBroker::cachedAuthorization() const
{
    const QMutexLocker lock(&m_mutex);
    if (hasFreshTokenLocked(Clock::now()))
        return m_authorization;
    return std::nullopt;
}

void OAuth2TokenBroker::authorize(QObject *context, const AuthProvider::Callback &callback)
{
    QMutexLocker lock(&m_mutex);
    const Clock::time_point now = Clock::now();
    if (hasFreshTokenLocked(now)) {
        AuthResult result{m_authorization, std::nullopt};
        result.lifetimeSeconds = m_lifetimeSeconds;
        result.refreshable = m_refreshable;
        lock.unlock();
        deliverLater(context, callback, std::move(result));
        return;
    }
    if (!m_requestRunning && m_lastFailure && now < m_failureHeldUntil) {
        AuthResult result{QByteArray(), m_lastFailure};
        lock.unlock();
        deliverLater(context, callback, std::move(result));
        return;
    }
    // Under the mutex, so that the result cannot be published between the
    // check above and the subscription (see the class comment).
    connect(
        this, &OAuth2TokenBroker::tokenRequestFinished, context,
        [callback](const AuthResult &result) { callback(result); },
        Qt::ConnectionType(Qt::QueuedConnection | Qt::SingleShotConnection));
    if (!m_requestRunning) {
        m_requestRunning = true;
        QMetaObject::invokeMethod(this, &OAuth2TokenBroker::startTokenRequest,
                                  Qt::QueuedConnection);
    }
}

void OAuth2TokenBroker::invalidate(const QByteArray &rejected)
{
    const QMutexLocker lock(&m_mutex);
    if (!rejected.isEmpty() && rejected == m_authorization) {
        m_authorization.clear();
        m_expiresAt.reset();
        qCDebug(lcAuth).noquote() << "Token of" << m_settings.destinationName
                                  << "rejected by the endpoint; the next request gets a new one";
    }
}

void OAuth2TokenBroker::startTokenRequest()
{
    sendGrant(m_refreshToken.isEmpty() ? m_originalGrant : oauth2::Grant::RefreshToken);
}

void OAuth2TokenBroker::sendGrant(oauth2::Grant grant)
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);

    oauth2::TokenRequestInput input;
    input.grant = grant;
    input.clientId = m_settings.clientId;
    input.clientSecret = m_settings.clientSecret;
    input.credentialsIn = m_settings.credentialsIn;
    input.username = m_settings.username;
    input.password = m_settings.password;
    input.refreshToken = QString::fromUtf8(m_refreshToken);
    const oauth2::TokenRequestContent content = oauth2::buildTokenRequest(input);

    QNetworkRequest request(m_settings.tokenUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    if (!content.authorization.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), content.authorization);
    // A redirect would carry the credentials somewhere the administrator did
    // not configure: it is an answer like any other 3xx.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    if (m_settings.options.tls)
        request.setSslConfiguration(*m_settings.options.tls);

    qCDebug(lcAuth).noquote() << "Token request for" << m_settings.destinationName << "grant"
                              << oauth2::grantTypeName(grant) << "to" << endpointName();
    QNetworkReply *reply = m_network->post(request, content.body);
    m_reply = reply;
    auto state = std::make_shared<RequestState>();

    auto *timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [reply, state] {
        state->timedOut = true;
        reply->abort();
    });
    timer->start(m_settings.options.tokenRequestTimeout);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, state](qint64 received) {
        if (received > MaxTokenResponseBytes && !state->oversized) {
            state->oversized = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, grant, state] { onReplyFinished(reply, grant, *state); });
}

void OAuth2TokenBroker::onReplyFinished(QNetworkReply *reply, oauth2::Grant grant,
                                        const RequestState &state)
{
    reply->deleteLater();
    m_reply.clear();

    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    std::variant<oauth2::IssuedToken, AuthFailure> outcome;
    if (state.timedOut) {
        outcome = oauth2::timeoutFailure(endpointName(), m_settings.options.tokenRequestTimeout);
    } else if (state.oversized) {
        outcome = oauth2::oversizedResponseFailure(endpointName(), MaxTokenResponseBytes);
    } else if (!status.isValid()) {
        // Qt's text may quote the URL; its query is not ours to show.
        QString detail = reply->errorString();
        detail.replace(m_settings.tokenUrl.toString(), endpointName());
        outcome = oauth2::networkFailure(endpointName(), detail);
    } else {
        outcome = oauth2::parseTokenResponse(status.toInt(), reply->readAll(), endpointName());
    }

    if (const auto *token = std::get_if<oauth2::IssuedToken>(&outcome)) {
        acceptToken(*token, grant, state.startedAt);
        return;
    }
    const AuthFailure failure = oauth2::redacted(std::get<AuthFailure>(outcome), secrets());
    if (grant == oauth2::Grant::RefreshToken && refreshRefused(failure)) {
        qCInfo(lcAuth).noquote() << "Refresh token of" << m_settings.destinationName
                                 << "refused, requesting a token with the original grant:"
                                 << failure.message;
        m_refreshToken.clear();
        sendGrant(m_originalGrant);
        return;
    }
    publishFailure(failure);
}

void OAuth2TokenBroker::acceptToken(const oauth2::IssuedToken &token, oauth2::Grant grant,
                                    Clock::time_point requestedAt)
{
    // RFC 6749 §6: a refresh may come without a new refresh token, and then
    // the old one stays valid. After the original grant, only a new one counts.
    if (!token.refreshToken.isEmpty() || grant != oauth2::Grant::RefreshToken)
        m_refreshToken = token.refreshToken;

    std::optional<Clock::time_point> expiresAt;
    if (token.expiresIn) {
        // Counted from when the request left, minus a margin: the token must
        // still be valid when the request that carries it arrives.
        const auto lifetime =
            std::chrono::duration_cast<std::chrono::milliseconds>(*token.expiresIn);
        const auto skew = std::min<std::chrono::milliseconds>(
            lifetime * m_settings.options.expirySkewPercent / 100,
            m_settings.options.maxExpirySkew);
        expiresAt = requestedAt + lifetime - skew;
    }
    AuthResult result{QByteArrayLiteral("Bearer ") + token.accessToken, std::nullopt};
    result.lifetimeSeconds = token.expiresIn ? qint64(token.expiresIn->count()) : -1;
    result.refreshable = !m_refreshToken.isEmpty();
    {
        const QMutexLocker lock(&m_mutex);
        m_authorization = result.authorization;
        m_lifetimeSeconds = result.lifetimeSeconds;
        m_refreshable = result.refreshable;
        m_expiresAt = expiresAt;
        m_requestRunning = false;
        m_lastFailure.reset();
    }
    qCDebug(lcAuth).noquote() << "Token for" << m_settings.destinationName << "obtained, expires in"
                              << (token.expiresIn ? token.expiresIn->count() : -1)
                              << "s; refresh token"
                              << (m_refreshToken.isEmpty() ? "none" : "issued");
    emit tokenRequestFinished(result);
}

void OAuth2TokenBroker::publishFailure(const AuthFailure &failure)
{
    {
        const QMutexLocker lock(&m_mutex);
        m_requestRunning = false;
        m_lastFailure = failure;
        m_failureHeldUntil = Clock::now() + m_settings.options.failureHold;
    }
    qCWarning(lcAuth).noquote() << "Token request for" << m_settings.destinationName
                                << "failed:" << failure.message;
    emit tokenRequestFinished(AuthResult{QByteArray(), failure});
}

QString OAuth2TokenBroker::endpointName() const
{
    return m_settings.tokenUrl.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery |
                                               QUrl::RemoveFragment);
}

QStringList OAuth2TokenBroker::secrets() const
{
    return {m_settings.clientSecret, m_settings.password, QString::fromUtf8(m_refreshToken)};
}

} // namespace outflow
