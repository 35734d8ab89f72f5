#include "destinationconfig.h"

#include "batchconfig.h"
#include "configerrors_p.h"
#include "destinationsecrets.h"
#include "monitoring/alertrules.h"

#include <algorithm>
#include <QHostAddress>
#include <QSet>
#include <string_view>

namespace outflow {
namespace {

using config_p::entryError;
using config_p::fail;
using config_p::fieldError;
using config_p::quoted;
using config_p::reject;

// RFC 3986 §2.3.
bool isUnreserved(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
           c == u'-' || c == u'.' || c == u'_' || c == u'~';
}

// What a query may carry besides percent-encoded bytes (RFC 3986 §3.4: pchar,
// '/' and '?'). '&' and '=' are sub-delims too; they separate entries here.
bool isQueryCharacter(char16_t c)
{
    static constexpr std::u16string_view others = u"!$&'()*+,;=:@/?";
    return isUnreserved(c) || others.find(c) != std::u16string_view::npos;
}

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

// The spelling a character needs in a URL: its UTF-8 bytes, percent-encoded.
QString percentEncoded(const QString &character)
{
    return QString::fromLatin1(character.toUtf8().toPercentEncoding());
}

// One query entry, checked and normalized; `entryError` set when refused.
std::optional<QString> normalizeQueryEntry(const QString &entry, QString *message)
{
    QString normalized;
    normalized.reserve(entry.size());
    for (qsizetype i = 0; i < entry.size(); ++i) {
        const QChar c = entry.at(i);
        if (c == u'%') {
            const int high = i + 1 < entry.size() ? hexValue(entry.at(i + 1)) : -1;
            const int low = i + 2 < entry.size() ? hexValue(entry.at(i + 2)) : -1;
            if (high < 0 || low < 0) {
                *message = DestinationConfig::tr(
                    "'%' must be followed by two hexadecimal digits (write a literal % as %25)");
                return std::nullopt;
            }
            const auto byte = char16_t(high * 16 + low);
            if (byte < 0x80 && isUnreserved(byte))
                normalized += QChar(byte); // QUrl sends it decoded: store what is sent
            else
                normalized += u'%' + entry.mid(i + 1, 2).toUpper();
            i += 2;
            continue;
        }
        if (isQueryCharacter(c.unicode())) {
            normalized += c;
            continue;
        }
        const QString character =
            c.isHighSurrogate() && i + 1 < entry.size() ? entry.mid(i, 2) : QString(c);
        if (c == u' ') {
            *message = DestinationConfig::tr("a space cannot appear in a URL query: write it as "
                                             "%20 (or +, if the receiver decodes forms)");
        } else {
            *message = DestinationConfig::tr(
                           "the character %1 cannot appear in a URL query: write it as %2")
                           .arg(quoted(character), percentEncoded(character));
        }
        return std::nullopt;
    }
    return normalized;
}

std::optional<QUrl> parseHttpUrl(const QString &field, const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return fail(error, fieldError(field, DestinationConfig::tr("an http:// or https:// URL is "
                                                                   "required")));
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid()) {
        // QUrl's reason without the "source was …" part, which would repeat
        // the whole URL.
        const QString reason = url.errorString().section(QStringLiteral("; source was"), 0, 0);
        return fail(error,
                    fieldError(field, DestinationConfig::tr("not a valid URL (%1)").arg(reason)));
    }
    const QString scheme = url.scheme().toLower();
    if (scheme.isEmpty())
        return fail(error, fieldError(field, DestinationConfig::tr("the URL must start with "
                                                                   "http:// or https://")));
    if (scheme != u"http" && scheme != u"https")
        return fail(error, fieldError(field, DestinationConfig::tr("the scheme must be http or "
                                                                   "https, not %1")
                                                 .arg(quoted(url.scheme()))));
    if (url.host().isEmpty())
        return fail(error, fieldError(field, DestinationConfig::tr("the URL has no host")));
    if (!url.userInfo().isEmpty())
        return fail(error, fieldError(field, DestinationConfig::tr(
                                                 "the URL must not contain a user name or password "
                                                 "(they would show in logs): configure the "
                                                 "authentication instead")));
    if (url.hasFragment())
        return fail(error, fieldError(field, DestinationConfig::tr(
                                                 "the URL must not contain a fragment (#…): "
                                                 "it is never sent to the server")));
    return url;
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool validateRange(const QString &field, int value, int min, int max, QString *error)
{
    if (value >= min && value <= max)
        return true;
    return reject(error, fieldError(field, DestinationConfig::tr("%1 is out of range: use %2 to %3")
                                               .arg(value)
                                               .arg(min)
                                               .arg(max)));
}

std::optional<int> parseBoundedInt(const QString &field, const QString &text, int min, int max,
                                   QString *error)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok)
        return fail(
            error,
            fieldError(field, DestinationConfig::tr("%1 is not a whole number").arg(quoted(text))));
    if (!validateRange(field, value, min, max, error))
        return std::nullopt;
    return value;
}

bool containsControlCharacter(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(),
                       [](QChar c) { return c.category() == QChar::Other_Control; });
}

} // namespace

std::optional<QUrl> parseEndpointUrl(const QString &text, QString *error)
{
    return parseHttpUrl(QStringLiteral("endpoint"), text, error);
}

std::optional<QString> parseQuery(const QString &text, QString *error)
{
    QString query = text.trimmed();
    if (query.startsWith(u'?'))
        query.remove(0, 1);
    if (query.isEmpty())
        return QString();
    const QString field = QStringLiteral("query");
    QStringList normalized;
    const QStringList entries = query.split(u'&');
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString &entry = entries.at(i);
        const int position = int(i + 1);
        if (entry.isEmpty())
            return fail(error, fieldError(field, DestinationConfig::tr(
                                                     "entry %1 is empty (two '&' in a row, or "
                                                     "one at an end)")
                                                     .arg(position)));
        if (entry.startsWith(u'='))
            return fail(error, entryError(field, position, entry,
                                          DestinationConfig::tr("the parameter has no name")));
        QString message;
        const std::optional<QString> normalizedEntry = normalizeQueryEntry(entry, &message);
        if (!normalizedEntry)
            return fail(error, entryError(field, position, entry, message));
        normalized << *normalizedEntry;
    }
    return normalized.join(u'&');
}

QUrl requestUrl(const Destination &destination)
{
    QUrl url = destination.endpoint;
    const QString extra =
        destination.query.startsWith(u'?') ? destination.query.mid(1) : destination.query;
    if (extra.isEmpty())
        return url;
    const QString existing = url.query(QUrl::FullyEncoded);
    url.setQuery(existing.isEmpty() ? extra : existing + u'&' + extra, QUrl::TolerantMode);
    return url;
}

std::optional<QUrl> parseTokenUrl(const QString &text, QString *error, QStringList *warnings)
{
    std::optional<QUrl> url = parseHttpUrl(QStringLiteral("token-url"), text, error);
    if (!url || !warnings)
        return url;
    const QString query = url->query(QUrl::FullyEncoded);
    if (!query.isEmpty() && query.count(u'&') >= 1) {
        *warnings << DestinationConfig::tr("token-url: the URL has %1 query parameters; token "
                                           "endpoints are expected to take at "
                                           "most one, and more may prevent connecting")
                         .arg(query.count(u'&') + 1);
    }
    if (url->scheme().compare(u"http", Qt::CaseInsensitive) == 0 && !isLoopbackHost(url->host())) {
        *warnings << DestinationConfig::tr(
            "token-url: the URL uses http, so the client secret and password travel unencrypted; "
            "prefer https");
    }
    return url;
}

std::optional<int> parseTimeoutMs(const QString &text, QString *error)
{
    return parseBoundedInt(QStringLiteral("timeout-ms"), text, DestinationConfig::MinTimeoutMs,
                           DestinationConfig::MaxTimeoutMs, error);
}

std::optional<int> parseMaxRetries(const QString &text, QString *error)
{
    return parseBoundedInt(QStringLiteral("max-retries"), text, 0, DestinationConfig::MaxRetries,
                           error);
}

bool validateTimeoutMs(int timeoutMs, QString *error)
{
    return validateRange(QStringLiteral("timeout-ms"), timeoutMs, DestinationConfig::MinTimeoutMs,
                         DestinationConfig::MaxTimeoutMs, error);
}

bool validateMaxRetries(int maxRetries, QString *error)
{
    return validateRange(QStringLiteral("max-retries"), maxRetries, 0,
                         DestinationConfig::MaxRetries, error);
}

std::optional<AuthType> authTypeFromName(const QString &name)
{
    for (AuthType type : {AuthType::None, AuthType::Bearer, AuthType::OAuth2ClientCredentials,
                          AuthType::OAuth2Password}) {
        if (authTypeName(type) == name)
            return type;
    }
    return std::nullopt;
}

QString credentialsPlacementName(CredentialsPlacement placement)
{
    return placement == CredentialsPlacement::BasicHeader ? QStringLiteral("basic")
                                                          : QStringLiteral("body");
}

std::optional<CredentialsPlacement> credentialsPlacementFromName(const QString &name)
{
    if (name == u"body")
        return CredentialsPlacement::Body;
    if (name == u"basic")
        return CredentialsPlacement::BasicHeader;
    return std::nullopt;
}

const QStringList &knownAlertKinds()
{
    static const QStringList kinds{
        QStringLiteral("delivery-failure-rate"), QStringLiteral("delivery-delay"),
        QStringLiteral("slo-at-risk"),           QStringLiteral("activation-skipped-rate"),
        QStringLiteral("auth-failure"),          QStringLiteral("endpoint-timeouts"),
        QStringLiteral("certificate-expiry"),    QStringLiteral("destination-disabled"),
    };
    return kinds;
}

bool validateDestination(const Destination &d, QString *error)
{
    const QString name = d.name.trimmed();
    if (name.isEmpty())
        return reject(error, fieldError(QStringLiteral("name"), DestinationConfig::tr("a name is "
                                                                                      "required")));
    if (name.size() > DestinationConfig::MaxNameLength || containsControlCharacter(name))
        return reject(error,
                      fieldError(QStringLiteral("name"),
                                 DestinationConfig::tr("use at most %1 characters, on one line")
                                     .arg(DestinationConfig::MaxNameLength)));
    if (d.endpoint.isEmpty())
        return reject(error, fieldError(QStringLiteral("endpoint"),
                                        DestinationConfig::tr("an http:// or https:// URL is "
                                                              "required")));
    // The query is checked without its secret values: an error quotes the
    // entry it is about, and a secret must not reach the terminal.
    const QList<QPair<QString, QString>> entries = splitQuery(d.query);
    for (const QString &name : d.secretQueryNames) {
        const bool present =
            std::any_of(entries.cbegin(), entries.cend(),
                        [&name](const auto &entry) { return entry.first == name; });
        if (!present)
            return reject(error, fieldError(QStringLiteral("secret-query"),
                                            DestinationConfig::tr("%1 is not a parameter of the "
                                                                  "query")
                                                .arg(quoted(name))));
    }
    Destination stored = d;
    DestinationSecrets::extractInlineSecrets(stored);
    if (!parseEndpointUrl(d.endpoint.toString(QUrl::FullyEncoded), error) ||
        !validateHeaders(d.headers, error) || !parseQuery(stored.query, error))
        return false;

    if (d.auth == AuthType::OAuth2ClientCredentials || d.auth == AuthType::OAuth2Password) {
        if (d.tokenUrl.isEmpty())
            return reject(error, fieldError(QStringLiteral("token-url"),
                                            DestinationConfig::tr("OAuth2 needs the URL of the "
                                                                  "token endpoint")));
        if (!parseTokenUrl(d.tokenUrl.toString(QUrl::FullyEncoded), error))
            return false;
        if (d.clientId.trimmed().isEmpty() || containsControlCharacter(d.clientId))
            return reject(error, fieldError(QStringLiteral("client-id"),
                                            DestinationConfig::tr("OAuth2 needs a client id, on "
                                                                  "one line")));
    }
    if (d.auth == AuthType::OAuth2Password &&
        (d.username.isEmpty() || containsControlCharacter(d.username)))
        return reject(error, fieldError(QStringLiteral("username"),
                                        DestinationConfig::tr("the OAuth2 password grant needs a "
                                                              "username, on one line")));
    if (!d.clientKeyPath.isEmpty() && d.clientCertPath.isEmpty())
        return reject(error, fieldError(QStringLiteral("client-key"),
                                        DestinationConfig::tr("a client key needs its client "
                                                              "certificate (client-cert)")));

    if (!validateTimeoutMs(d.timeoutMs, error) || !validateMaxRetries(d.maxRetries, error))
        return false;
    if (d.maxRetries > 0 && d.retryScheduleMs.isEmpty())
        return reject(error, fieldError(QStringLiteral("retry-schedule-ms"),
                                        DestinationConfig::tr("retries need at least one delay")));
    for (qsizetype i = 0; i < d.retryScheduleMs.size(); ++i) {
        const int delay = d.retryScheduleMs.at(i);
        if (delay < 0 || delay > DestinationConfig::MaxRetryDelayMs)
            return reject(error, fieldError(QStringLiteral("retry-schedule-ms"),
                                            DestinationConfig::tr("entry %1 (%2) is out of range: "
                                                                  "use 0 to %3 milliseconds")
                                                .arg(i + 1)
                                                .arg(delay)
                                                .arg(DestinationConfig::MaxRetryDelayMs)));
    }
    if (!validateRange(QStringLiteral("max-concurrency"), d.maxConcurrency, 1,
                       DestinationConfig::MaxConcurrency, error))
        return false;
    if (!validateBatching(d, error)) // Batched delivery (issue #22)
        return false;
    for (const QString &kind : d.alerts) {
        if (!knownAlertKinds().contains(kind))
            return reject(error, fieldError(QStringLiteral("alert"),
                                            DestinationConfig::tr("unknown kind %1; the kinds "
                                                                  "are: %2")
                                                .arg(quoted(kind), knownAlertKinds().join(u", "))));
    }
    QString thresholdProblem;
    if (!AlertRules::thresholds(d.alertThresholds, &thresholdProblem))
        return reject(error, fieldError(QStringLiteral("alert-threshold"), thresholdProblem));
    return true;
}

} // namespace outflow
