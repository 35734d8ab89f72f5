#pragma once

#include "destinationsecrets.h"
#include "model/destination.h"

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <QByteArray>
#include <QCoreApplication>
#include <QMetaType>
#include <QSslConfiguration>
#include <QString>

class QObject;
class QThread;

namespace outflow {

// Why no Authorization value could be had: the token endpoint refused, failed
// or could not be reached (DESIGN §2, the auth-failure alert). Every text is
// free of secrets: the server's strings have the client secret, password and
// tokens masked as "••••" before they land here.
struct AuthFailure
{
    enum class Reason {
        Rejected,        // the endpoint answered an OAuth2 error (invalid_client, invalid_grant…)
        HttpStatus,      // a non-2xx answer without an OAuth2 error
        InvalidResponse, // a 2xx answer without a usable access token (not JSON, …)
        Timeout,         // no complete answer within the token request timeout
        Network,         // connection refused, unknown host, TLS failure, …
    };
    Reason reason = Reason::Network;
    int httpStatus = 0;       // 0 when there was no HTTP answer
    QString error;            // OAuth2 "error", e.g. "invalid_client"
    QString errorDescription; // OAuth2 "error_description", as the server wrote it
    QString message;          // one translated sentence for the person, with the above

    // Stable identifiers for JSON and logs: "rejected", "http-status",
    // "invalid-response", "timeout", "network".
    static QString reasonId(Reason reason);
};

// What to put in a request's Authorization header, or why there is nothing.
struct AuthResult
{
    // The whole header value ("Bearer eyJ…"); empty with AuthType::None,
    // meaning: send no Authorization header.
    QByteArray authorization;
    std::optional<AuthFailure> failure;
    // OAuth2: the token's lifetime as the server gave it (expires_in; -1 when
    // it said nothing), and whether a refresh token came with it.
    qint64 lifetimeSeconds = -1;
    bool refreshable = false;

    bool ok() const { return !failure.has_value(); }
};

// Tuning that does not belong to the destination's configuration.
struct AuthProviderOptions
{
    // A token request without a complete answer by then fails (Timeout).
    std::chrono::milliseconds tokenRequestTimeout{10'000};
    // A token is used until expires_in minus this share of it, capped at
    // maxExpirySkew: the request carrying it must still arrive in time.
    int expirySkewPercent = 10;
    std::chrono::seconds maxExpirySkew{30};
    // After a failed token request, callers get the same failure for this
    // long without a new request: thousands of queued exports must not hammer
    // a token endpoint that just refused.
    std::chrono::milliseconds failureHold{5'000};
    // The thread the OAuth2 token client lives on; it must outlive the
    // provider and run an event loop. nullptr: the provider starts a thread of
    // its own and stops it when destroyed.
    QThread *tokenThread = nullptr;
    // TLS for the token endpoint (a CA bundle, a client certificate); unset:
    // Qt's default configuration with the system store.
    std::optional<QSslConfiguration> tls;
};

// Supplies the Authorization header of a destination's requests. One provider
// per destination, shared (std::shared_ptr) by every thread that sends for
// it: all members are thread-safe and none blocks on I/O.
//
// The sender's use, per request:
//   1. cachedAuthorization(): when it has a value, send with it at once
//      (the steady state: a mutex and a copy of the header value);
//   2. otherwise authorize(context, callback) and send from the callback;
//   3. on a 401 whose request carried value V, call invalidate(V); when it
//      returns true, go to 2 and retry once without counting an attempt.
// OAuth2 providers run at most one token request at a time: concurrent
// callers of authorize() share it, whichever thread they call from.
class AuthProvider
{
    Q_DECLARE_TR_FUNCTIONS(AuthProvider)

public:
    using Callback = std::function<void(const AuthResult &)>;

    virtual ~AuthProvider() = default;

    virtual AuthType type() const = 0;

    // The Authorization value to send now, if one is known and fresh. Never
    // waits on I/O and never starts a token request. An empty QByteArray (not
    // nullopt) means "no header" (AuthType::None).
    virtual std::optional<QByteArray> cachedAuthorization() const = 0;

    // Calls `callback` once, later, in `context`'s thread (through its event
    // loop), with a fresh value or the failure. Starts a token request when
    // none is running and no fresh token is cached. If `context` is destroyed
    // first, the callback is dropped. Destroying the provider drops pending
    // callbacks too.
    virtual void authorize(QObject *context, Callback callback) = 0;

    // The endpoint answered 401 to a request that carried `rejected`: forget
    // that token if it is still the cached one (a newer one is kept, so that
    // many 401s for one token cause one token request). Returns whether a new
    // authorize() can bring a different value, i.e. whether a retry is worth
    // it (OAuth2: yes; a static bearer token or no authentication: no).
    virtual bool invalidate(const QByteArray &rejected) = 0;

protected:
    AuthProvider() = default;
    Q_DISABLE_COPY_MOVE(AuthProvider)
};

// The provider for a destination's authentication, with the secrets it needs
// (read by the caller, see DestinationSecrets). nullptr with `error` set when
// a required field or secret is missing: the message names it, never its value.
std::shared_ptr<AuthProvider> createAuthProvider(const Destination &destination,
                                                 const DestinationSecrets &secrets,
                                                 const AuthProviderOptions &options = {},
                                                 QString *error = nullptr);

} // namespace outflow

Q_DECLARE_METATYPE(outflow::AuthResult)
