#pragma once

#include "authprovider.h"

#include <chrono>
#include <optional>
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <variant>

// The OAuth2 token request as bytes, and its answer as a token or an
// AuthFailure (RFC 6749 §4.3, §4.4, §5, §6). Pure functions: the network
// lives in OAuth2TokenBroker.
namespace outflow::oauth2 {

enum class Grant { ClientCredentials, Password, RefreshToken };

// The grant_type value: "client_credentials", "password", "refresh_token".
QString grantTypeName(Grant grant);

// application/x-www-form-urlencoded, byte for byte as the WHATWG URL standard
// (and so browsers and Node's URLSearchParams) serialize it: UTF-8, space as
// '+', letters, digits and *-._ kept, every other byte as %XX in upper case.
QByteArray formUrlEncode(const QString &value);

// RFC 6749 §2.3.1: the client id and secret are form-urlencoded BEFORE being
// joined with ':' and base64-encoded, so an id holding ':' stays unambiguous.
// Returns the whole header value, "Basic …".
QByteArray basicAuthorization(const QString &clientId, const QString &clientSecret);

struct TokenRequestInput
{
    Grant grant = Grant::ClientCredentials;
    QString clientId;
    QString clientSecret;
    CredentialsPlacement credentialsIn = CredentialsPlacement::Body;
    QString username;     // Grant::Password
    QString password;     // Grant::Password
    QString refreshToken; // Grant::RefreshToken
};

struct TokenRequestContent
{
    QByteArray body;          // the form
    QByteArray authorization; // the Basic header value; empty: credentials are in the body
};

// With an empty client secret (a public client, password grant only) the
// client id goes in the body whatever the placement, and no Basic header.
TokenRequestContent buildTokenRequest(const TokenRequestInput &input);

struct IssuedToken
{
    QByteArray accessToken;
    QByteArray refreshToken;                       // empty when none was issued
    std::optional<std::chrono::seconds> expiresIn; // nullopt when the server said nothing
};

// `endpoint` names the token endpoint in messages (no query, no user info).
std::variant<IssuedToken, AuthFailure> parseTokenResponse(int httpStatus, const QByteArray &body,
                                                          const QString &endpoint);

// The failure with every occurrence of the given secrets (as typed,
// form-urlencoded or percent-encoded) in its texts replaced by "••••".
AuthFailure redacted(AuthFailure failure, const QStringList &secrets);

// Messages for the failures without an HTTP answer.
AuthFailure timeoutFailure(const QString &endpoint, std::chrono::milliseconds timeout);
AuthFailure networkFailure(const QString &endpoint, const QString &detail);
AuthFailure oversizedResponseFailure(const QString &endpoint, qint64 limit);

} // namespace outflow::oauth2
