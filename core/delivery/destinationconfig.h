#pragma once

#include "model/destination.h"

#include <optional>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace outflow {

// Turns what an administrator typed (CLI options, wizard fields, the store's
// JSON) into a Destination, and says precisely what is wrong otherwise.
//
// Every error is one translated sentence that starts with the field it is
// about, spelled like the CLI option without its dashes ("endpoint",
// "headers", "query", "token-url", "timeout-ms", ...), and, for lists, the
// entry: `headers: entry 2 ("X Bad:1"): "X Bad" is not a valid header name …`.
// The functions are pure and may run on any thread.
class DestinationConfig
{
    Q_DECLARE_TR_FUNCTIONS(DestinationConfig)

public:
    static constexpr int MinTimeoutMs = 100;
    static constexpr int MaxTimeoutMs = 300'000;
    static constexpr int MaxRetries = 10;
    static constexpr int MaxRetryDelayMs = 86'400'000; // one day
    static constexpr int MaxConcurrency = 65'536;
    static constexpr int MaxNameLength = 200;
};

// The HTTP endpoint profiles are POSTed to: http or https, with a host, without
// user info (credentials in a URL end up in logs; authentication is configured
// separately) and without a fragment (never sent). Surrounding blanks are
// ignored. A query already in the URL is kept, normalized like parseQuery().
std::optional<QUrl> parseEndpointUrl(const QString &text, QString *error);

// "h1:v1,h2:v2" (the reference's format). Each entry is split at its first
// colon; blanks around entries, names and values are ignored; an empty text
// means no header. Names follow RFC 9110's token rule, values may not contain
// control characters (CR, LF, NUL, ...). A comma always separates entries, so
// a value cannot contain one. Refused, whatever their case: headers Outflow
// sets itself (Content-Length, Content-Type, Host, Transfer-Encoding,
// Connection and the other hop-by-hop headers, X-Outflow-Export-Id,
// X-Outflow-Batch-Id),
// Authorization (configured with the authentication), and a name given twice.
std::optional<QList<HttpHeader>> parseHeaders(const QString &text, QString *error);
// The same rules over a list already split (the store's JSON, the wizard's
// table); errors name the entry by its 1-based position.
bool validateHeaders(const QList<HttpHeader> &headers, QString *error);
// Back to "h1:v1,h2:v2", for display and for editing.
QString headersToString(const QList<HttpHeader> &headers);

// "p1=v&p2=v", an optional leading '?' dropped. Sent as written: percent-
// encoded bytes stay encoded ("a%2Bb" is not "a+b"), '+' stays '+'. Returned
// normalized the way QUrl puts it on the wire (hex digits in upper case,
// percent-encoded unreserved characters such as %7E decoded, RFC 3986 §6.2.2),
// so what is stored and shown is byte for byte what is sent. Refused: empty
// entries, empty names, characters a URL query cannot carry (spaces, '#',
// quotes, non-ASCII, ...: the error gives their percent-encoded spelling) and
// a '%' not followed by two hex digits.
std::optional<QString> parseQuery(const QString &text, QString *error);

// The URL a destination's requests go to: the endpoint with the configured
// query appended after any query the endpoint URL already has.
QUrl requestUrl(const Destination &destination);

// The OAuth2 token endpoint: the endpoint's rules. `warnings` (optional)
// receives what the wizard should show without refusing the URL: more than one
// query parameter (the reference allows at most one, DESIGN §2), or cleartext
// http to a host other than this machine (the client secret would travel
// unencrypted).
std::optional<QUrl> parseTokenUrl(const QString &text, QString *error,
                                  QStringList *warnings = nullptr);

// Decimal integers within DestinationConfig's ranges.
std::optional<int> parseTimeoutMs(const QString &text, QString *error);
std::optional<int> parseMaxRetries(const QString &text, QString *error);
bool validateTimeoutMs(int timeoutMs, QString *error);
bool validateMaxRetries(int maxRetries, QString *error);

// Stored and CLI spellings: "none", "bearer", "oauth2-client-credentials",
// "oauth2-password" (authTypeName()); "body", "basic".
std::optional<AuthType> authTypeFromName(const QString &name);
QString credentialsPlacementName(CredentialsPlacement placement);
std::optional<CredentialsPlacement> credentialsPlacementFromName(const QString &name);

// The alert kinds of DESIGN §2, by their CLI and JSON identifiers.
const QStringList &knownAlertKinds();

// The whole destination, as the wizard and `destination add` check it before
// saving: every field above, plus what its authentication needs (a token URL
// and a client id for OAuth2, a username for the password grant). Secrets are
// not part of it (DestinationSecrets).
bool validateDestination(const Destination &destination, QString *error);

// The store's `config` column: every field but the secrets, camelCase keys.
// Reading tolerates missing keys (defaults, so that older rows still load) and
// ignores unknown ones (newer rows); a key of the wrong type or an unknown
// enum spelling is an error naming the key. Reading checks types, not the
// rules of validateDestination().
QJsonObject destinationToJson(const Destination &destination);
std::optional<Destination> destinationFromJson(const QJsonObject &json, QString *error);

} // namespace outflow
