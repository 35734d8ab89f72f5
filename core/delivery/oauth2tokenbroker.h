#pragma once

#include "authprovider.h"
#include "oauth2tokenrequest.h"

#include <chrono>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace outflow {

// What an OAuth2 provider needs, checked by createAuthProvider().
struct OAuth2Settings
{
    oauth2::Grant grant = oauth2::Grant::ClientCredentials; // or Password
    QUrl tokenUrl;
    QString clientId;
    CredentialsPlacement credentialsIn = CredentialsPlacement::Body;
    QString username;
    QString clientSecret;
    QString password;
    QString destinationName; // for logs
    AuthProviderOptions options;
};

// The token cache and the one client of a destination's token endpoint.
//
// Threading: the broker lives on the token thread, which alone runs its
// QNetworkAccessManager, the token request and the refresh token. Callers on
// any thread use the three public members, which only touch the cache under
// m_mutex (never held across I/O, a signal emission or a callback):
//  - cachedAuthorization() reads it;
//  - authorize() answers from it, or subscribes the caller to the next
//    tokenRequestFinished() through a single-shot queued connection to the
//    caller's context object (Qt delivers it in that object's thread, or drops
//    it if the object is destroyed first) and, when no request is running,
//    queues startTokenRequest() to the token thread;
//  - invalidate() drops the cached token if it is still the rejected one.
// The token thread updates the cache and clears m_requestRunning under the
// mutex, then emits: a caller subscribed before that gets the result, a caller
// coming after sees the updated cache. So all callers share one request and
// none is forgotten.
class OAuth2TokenBroker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OAuth2TokenBroker)

public:
    explicit OAuth2TokenBroker(OAuth2Settings settings);
    ~OAuth2TokenBroker() override;

    // Thread-safe.
    std::optional<QByteArray> cachedAuthorization() const;
    void authorize(QObject *context, const AuthProvider::Callback &callback);
    void invalidate(const QByteArray &rejected);

signals:
    // On the token thread, once per token request (refresh fallback included).
    void tokenRequestFinished(const outflow::AuthResult &result);

private:
    using Clock = std::chrono::steady_clock;
    struct RequestState;

    bool hasFreshTokenLocked(Clock::time_point now) const;

    // Token thread only.
    void startTokenRequest();
    void sendGrant(oauth2::Grant grant);
    void onReplyFinished(QNetworkReply *reply, oauth2::Grant grant, const RequestState &state);
    void acceptToken(const oauth2::IssuedToken &token, oauth2::Grant grant,
                     Clock::time_point requestedAt);
    void publishFailure(const AuthFailure &failure);
    QString endpointName() const;
    QStringList secrets() const;

    const OAuth2Settings m_settings;
    const oauth2::Grant m_originalGrant;

    mutable QMutex m_mutex;
    // Guarded by m_mutex.
    QByteArray m_authorization;                   // "Bearer …"; empty: none cached
    std::optional<Clock::time_point> m_expiresAt; // nullopt: until a 401 invalidates it
    qint64 m_lifetimeSeconds = -1;                // expires_in of the cached token
    bool m_refreshable = false;                   // a refresh token came with it (the
                                                  // token thread's m_refreshToken, for others)
    bool m_requestRunning = false;
    std::optional<AuthFailure> m_lastFailure;
    Clock::time_point m_failureHeldUntil;

    // Token thread only.
    QNetworkAccessManager *m_network = nullptr; // created there, a child
    QPointer<QNetworkReply> m_reply;
    QByteArray m_refreshToken;
};

} // namespace outflow
