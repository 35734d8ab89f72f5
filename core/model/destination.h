#pragma once

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace outflow {

// How a destination authenticates its requests (DESIGN §2, Authentication).
// The stored and CLI spelling comes from authTypeName().
enum class AuthType : quint8 {
    None,
    Bearer,
    OAuth2ClientCredentials,
    OAuth2Password,
};

inline QString authTypeName(AuthType type)
{
    switch (type) {
    case AuthType::None:
        return QStringLiteral("none");
    case AuthType::Bearer:
        return QStringLiteral("bearer");
    case AuthType::OAuth2ClientCredentials:
        return QStringLiteral("oauth2-client-credentials");
    case AuthType::OAuth2Password:
        return QStringLiteral("oauth2-password");
    }
    return {};
}

// Where OAuth2 client credentials travel to the token endpoint (RFC 6749
// §2.3.1): in the form body, or in a Basic Authorization header.
enum class CredentialsPlacement : quint8 { Body, BasicHeader };

// One custom header of a destination ("h1:v1,h2:v2" in the CLI). A secret
// one (an API key, DESIGN §6) has its value in the keychain: in the store its
// value is empty; in memory it holds the value typed, or the keychain's value
// once DestinationSecrets::applyTo() put it there for sending.
struct HttpHeader
{
    QString name;
    QString value;
    bool secret = false;
    friend bool operator==(const HttpHeader &, const HttpHeader &) = default;
};

// A connection to an HTTP endpoint (DESIGN §1). As stored, it holds no
// secret: the bearer token, client secret, password, key passphrase and the
// values of secret headers and query parameters live in the keychain under
// keys derived from `id` (DESIGN §6, DestinationSecrets).
struct Destination
{
    QString id; // UUID, without braces
    QString name;
    QString description;
    QUrl endpoint;
    QList<HttpHeader> headers;
    QString query; // "p1=v&p2=v", percent-encoding as given
    // The query parameters whose values are secret (kept in the keychain):
    // stored as "token=" in `query`, filled in for sending only.
    QStringList secretQueryNames;

    AuthType auth = AuthType::None;
    QUrl tokenUrl;
    QString clientId;
    CredentialsPlacement credentialsIn = CredentialsPlacement::Body;
    QString username; // OAuth2 password grant

    QString clientCertPath; // PEM or PKCS#12
    QString clientKeyPath;  // PEM; empty with PKCS#12
    QString caCertPath;     // empty: the system store

    bool includeSegmentNames = false;
    bool includeSegmentTimestamps = false;
    bool http2PriorKnowledge = false; // cleartext HTTP/2 without upgrade

    int timeoutMs = 2000;
    int maxRetries = 2;
    QList<int> retryScheduleMs{15000, 30000}; // delay before each retry, ±20 % jitter
    int maxConcurrency = 1024;                // the adaptive window's ceiling

    // --- Batched delivery (issue #22) ---
    // Exports per request: 1 (the default) sends one profile per request, as
    // the reference does; more sends a JSON array of {"exportId", "profile"}
    // envelopes (README, "Batched delivery"), bounded by count, by how long
    // the first export of a batch may wait for others, and by body size.
    int batchMaxExports = 1;
    int batchMaxAgeMs = 1000;
    int batchMaxBytes = 1024 * 1024;
    bool isBatched() const { return batchMaxExports > 1; }
    // --- end Batched delivery ---

    QStringList alerts; // alert kinds (DESIGN §2, Alerts)
    // Per-destination alert thresholds, as the administrator wrote them
    // ("delivery-failure-rate" → "2%", "delivery-delay" → "90s"); parsed by
    // AlertRules::thresholds(). Absent kinds keep their defaults.
    QMap<QString, QString> alertThresholds;
    bool enabled = true;
    qint64 createdAt = 0; // UNIX ms
    qint64 updatedAt = 0; // UNIX ms
};

} // namespace outflow

Q_DECLARE_METATYPE(outflow::Destination)
