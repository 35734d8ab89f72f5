#include "oauth2tokenrequest.h"

#include <algorithm>
#include <cmath>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QUrl>

namespace outflow::oauth2 {
namespace {

const QString mask = QStringLiteral("••••");

// A header value can carry visible ASCII only (RFC 6750's b64token is a
// subset): anything else would corrupt or split the request.
bool isHeaderSafe(const QByteArray &token)
{
    return std::all_of(token.cbegin(), token.cend(), [](char c) { return c > 0x20 && c < 0x7f; });
}

AuthFailure invalidResponse(const QString &endpoint, int httpStatus, const QString &detail)
{
    AuthFailure failure;
    failure.reason = AuthFailure::Reason::InvalidResponse;
    failure.httpStatus = httpStatus;
    failure.message = AuthProvider::tr("The token endpoint %1 answered without a usable access "
                                       "token: %2")
                          .arg(endpoint, detail);
    return failure;
}

// expires_in is a number (RFC 6749 §5.1); some servers send it as a string.
std::optional<std::chrono::seconds> readExpiresIn(const QJsonValue &value, bool *valid)
{
    *valid = true;
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    double seconds = 0;
    if (value.isDouble()) {
        seconds = value.toDouble();
    } else if (value.isString()) {
        bool ok = false;
        seconds = value.toString().trimmed().toDouble(&ok);
        *valid = ok;
    } else {
        *valid = false;
    }
    if (!*valid || !std::isfinite(seconds)) {
        *valid = false;
        return std::nullopt;
    }
    // Beyond ten years a token is as good as permanent; clamp to stay in range.
    const double clamped = std::clamp(seconds, 0.0, 315'360'000.0);
    return std::chrono::seconds(qint64(clamped));
}

} // namespace

QString grantTypeName(Grant grant)
{
    switch (grant) {
    case Grant::ClientCredentials:
        return QStringLiteral("client_credentials");
    case Grant::Password:
        return QStringLiteral("password");
    case Grant::RefreshToken:
        return QStringLiteral("refresh_token");
    }
    return {};
}

QByteArray formUrlEncode(const QString &value)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    const QByteArray utf8 = value.toUtf8();
    QByteArray encoded;
    encoded.reserve(utf8.size() * 3);
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
            (byte >= '0' && byte <= '9') || byte == '*' || byte == '-' || byte == '.' ||
            byte == '_') {
            encoded += c;
        } else if (byte == ' ') {
            encoded += '+';
        } else {
            encoded += '%';
            encoded += hex[byte >> 4];
            encoded += hex[byte & 0x0f];
        }
    }
    return encoded;
}

QByteArray basicAuthorization(const QString &clientId, const QString &clientSecret)
{
    const QByteArray credentials = formUrlEncode(clientId) + ':' + formUrlEncode(clientSecret);
    return QByteArrayLiteral("Basic ") + credentials.toBase64();
}

TokenRequestContent buildTokenRequest(const TokenRequestInput &input)
{
    QList<std::pair<QString, QString>> fields{
        {QStringLiteral("grant_type"), grantTypeName(input.grant)}};
    switch (input.grant) {
    case Grant::ClientCredentials:
        break;
    case Grant::Password:
        fields.append({QStringLiteral("username"), input.username});
        fields.append({QStringLiteral("password"), input.password});
        break;
    case Grant::RefreshToken:
        fields.append({QStringLiteral("refresh_token"), input.refreshToken});
        break;
    }

    TokenRequestContent content;
    const bool publicClient = input.clientSecret.isEmpty();
    if (!publicClient && input.credentialsIn == CredentialsPlacement::BasicHeader) {
        content.authorization = basicAuthorization(input.clientId, input.clientSecret);
    } else if (!input.clientId.isEmpty()) {
        fields.append({QStringLiteral("client_id"), input.clientId});
        if (!publicClient)
            fields.append({QStringLiteral("client_secret"), input.clientSecret});
    }

    for (const auto &[name, value] : fields) {
        if (!content.body.isEmpty())
            content.body += '&';
        content.body += formUrlEncode(name) + '=' + formUrlEncode(value);
    }
    return content;
}

std::variant<IssuedToken, AuthFailure> parseTokenResponse(int httpStatus, const QByteArray &body,
                                                          const QString &endpoint)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject json = document.object();
    const bool isJsonObject = parseError.error == QJsonParseError::NoError && document.isObject();

    // An OAuth2 error object (RFC 6749 §5.2), whatever the status: some servers
    // answer 200 with one.
    if (isJsonObject && json.value(QLatin1StringView("error")).isString()) {
        AuthFailure failure;
        failure.reason = AuthFailure::Reason::Rejected;
        failure.httpStatus = httpStatus;
        failure.error = json.value(QLatin1StringView("error")).toString();
        failure.errorDescription = json.value(QLatin1StringView("error_description")).toString();
        failure.message =
            failure.errorDescription.isEmpty()
                ? AuthProvider::tr("The token endpoint %1 refused the request (HTTP %2): %3")
                      .arg(endpoint, QString::number(httpStatus), failure.error)
                : AuthProvider::tr("The token endpoint %1 refused the request (HTTP %2): %3: %4")
                      .arg(endpoint, QString::number(httpStatus), failure.error,
                           failure.errorDescription);
        return failure;
    }
    if (httpStatus < 200 || httpStatus > 299) {
        AuthFailure failure;
        failure.reason = AuthFailure::Reason::HttpStatus;
        failure.httpStatus = httpStatus;
        failure.message = AuthProvider::tr("The token endpoint %1 answered HTTP %2")
                              .arg(endpoint, QString::number(httpStatus));
        return failure;
    }
    if (!isJsonObject)
        return invalidResponse(endpoint, httpStatus,
                               AuthProvider::tr("the body is not a JSON object"));

    const QJsonValue accessToken = json.value(QLatin1StringView("access_token"));
    if (!accessToken.isString() || accessToken.toString().isEmpty())
        return invalidResponse(endpoint, httpStatus, AuthProvider::tr("there is no access_token"));
    IssuedToken token;
    token.accessToken = accessToken.toString().toUtf8();
    if (!isHeaderSafe(token.accessToken))
        return invalidResponse(endpoint, httpStatus,
                               AuthProvider::tr("the access token holds characters an HTTP "
                                                "header cannot carry"));

    // RFC 6749 §7.1: only Bearer tokens can be used as they are; the type is
    // case-insensitive, and some servers leave it out.
    const QString tokenType = json.value(QLatin1StringView("token_type")).toString();
    if (!tokenType.isEmpty() && tokenType.compare(u"bearer", Qt::CaseInsensitive) != 0)
        return invalidResponse(
            endpoint, httpStatus,
            AuthProvider::tr("the token type %1 is not supported (only Bearer)").arg(tokenType));

    bool expiresInValid = true;
    token.expiresIn = readExpiresIn(json.value(QLatin1StringView("expires_in")), &expiresInValid);
    if (!expiresInValid)
        return invalidResponse(endpoint, httpStatus,
                               AuthProvider::tr("expires_in is not a number of seconds"));

    const QJsonValue refreshToken = json.value(QLatin1StringView("refresh_token"));
    if (refreshToken.isString())
        token.refreshToken = refreshToken.toString().toUtf8();
    return token;
}

AuthFailure redacted(AuthFailure failure, const QStringList &secrets)
{
    for (const QString &secret : secrets) {
        if (secret.isEmpty())
            continue;
        // As sent in the form, and as a URL would carry it (%20 for a space).
        const QStringList spellings{secret, QString::fromLatin1(formUrlEncode(secret)),
                                    QString::fromLatin1(QUrl::toPercentEncoding(secret))};
        for (QString *text : {&failure.error, &failure.errorDescription, &failure.message}) {
            for (const QString &spelling : spellings)
                text->replace(spelling, mask);
        }
    }
    return failure;
}

AuthFailure timeoutFailure(const QString &endpoint, std::chrono::milliseconds timeout)
{
    AuthFailure failure;
    failure.reason = AuthFailure::Reason::Timeout;
    failure.message = AuthProvider::tr("The token endpoint %1 did not answer within %2 ms")
                          .arg(endpoint, QString::number(timeout.count()));
    return failure;
}

AuthFailure networkFailure(const QString &endpoint, const QString &detail)
{
    AuthFailure failure;
    failure.reason = AuthFailure::Reason::Network;
    failure.message =
        AuthProvider::tr("The token endpoint %1 could not be reached: %2").arg(endpoint, detail);
    return failure;
}

AuthFailure oversizedResponseFailure(const QString &endpoint, qint64 limit)
{
    return invalidResponse(endpoint, 0,
                           AuthProvider::tr("the answer is larger than %1 bytes").arg(limit));
}

} // namespace outflow::oauth2
