// The custom headers of a destination ("h1:v1,h2:v2"): parsing and the rules
// every header must follow, whether typed, imported or stored.
#include "configerrors_p.h"
#include "destinationconfig.h"

#include <QSet>
#include <string_view>

namespace outflow {
namespace {

using config_p::entryError;
using config_p::fail;
using config_p::fieldError;
using config_p::quoted;
using config_p::reject;

const QString headersField = QStringLiteral("headers");

// RFC 9110 §5.6.2: token = 1*tchar.
bool isTokenCharacter(QChar c)
{
    static constexpr std::u16string_view others = u"!#$%&'*+-.^_`|~";
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') ||
           others.find(u) != std::u16string_view::npos;
}

// Headers that the sender (or Qt underneath it) sets, or that only make sense
// hop by hop: configuring them would corrupt the request or be overridden.
bool isManagedHeader(const QString &lowerName)
{
    static const QSet<QString> managed{
        QStringLiteral("content-length"),
        QStringLiteral("content-type"),
        QStringLiteral("host"),
        QStringLiteral("transfer-encoding"),
        QStringLiteral("connection"),
        QStringLiteral("keep-alive"),
        QStringLiteral("proxy-connection"),
        QStringLiteral("te"),
        QStringLiteral("trailer"),
        QStringLiteral("upgrade"),
        QStringLiteral("x-outflow-export-id"),
        QStringLiteral("x-outflow-batch-id"), // Batched delivery (issue #22)
    };
    return managed.contains(lowerName);
}

bool isAuthorizationHeader(const QString &lowerName)
{
    return lowerName == u"authorization" || lowerName == u"proxy-authorization";
}

// Custom headers often carry API keys: an error quoting such an entry (or a
// header marked secret) shows its name only, so that the key does not reach a
// terminal or a log.
QString shownEntry(const QString &name, const QString &value, bool secret = false)
{
    if (secret)
        return name + u':' + (value.isEmpty() ? QString() : QStringLiteral("••••"));
    static const QStringList sensitive{
        QStringLiteral("auth"),   QStringLiteral("token"),     QStringLiteral("key"),
        QStringLiteral("secret"), QStringLiteral("password"),  QStringLiteral("passwd"),
        QStringLiteral("cookie"), QStringLiteral("signature"), QStringLiteral("credential"),
    };
    const QString lower = name.toLower();
    const bool hide = std::any_of(sensitive.cbegin(), sensitive.cend(),
                                  [&](const QString &word) { return lower.contains(word); });
    return name + u':' + (hide && !value.isEmpty() ? QStringLiteral("••••") : value);
}

QString controlCharacterProblem(const QString &value)
{
    for (QChar c : value) {
        const char16_t u = c.unicode();
        if (u == u'\r' || u == u'\n')
            return DestinationConfig::tr(
                "the value contains a line break, which would split the request's headers");
        if (u == 0)
            return DestinationConfig::tr("the value contains a NUL character");
        if ((u < 0x20 && u != u'\t') || u == 0x7f)
            return DestinationConfig::tr("the value contains the control character U+%1")
                .arg(int(u), 4, 16, QLatin1Char('0'));
    }
    return {};
}

// One header at its 1-based position; `seen` holds the lower-case names of
// the entries before it.
bool checkHeader(const HttpHeader &header, int position, QSet<QString> &seen, QString *error)
{
    const QString shown = shownEntry(header.name, header.value, header.secret);
    if (header.name.isEmpty())
        return reject(error, entryError(headersField, position, shown,
                                        DestinationConfig::tr("the header has no name")));
    if (!std::all_of(header.name.cbegin(), header.name.cend(), isTokenCharacter))
        return reject(
            error, entryError(headersField, position, shown,
                              DestinationConfig::tr("%1 is not a valid header name: use letters, "
                                                    "digits and !#$%&'*+-.^_`|~ only")
                                  .arg(quoted(header.name))));
    const QString lower = header.name.toLower();
    if (isAuthorizationHeader(lower))
        return reject(error, entryError(headersField, position, shown,
                                        DestinationConfig::tr(
                                            "%1 comes from the destination's authentication "
                                            "settings and cannot be set as a header")
                                            .arg(header.name)));
    if (isManagedHeader(lower))
        return reject(error, entryError(headersField, position, shown,
                                        DestinationConfig::tr("%1 is set by Outflow and cannot be "
                                                              "configured")
                                            .arg(header.name)));
    if (const QString problem = controlCharacterProblem(header.value); !problem.isEmpty())
        return reject(error, entryError(headersField, position, shown, problem));
    if (header.value != header.value.trimmed())
        return reject(error, entryError(headersField, position, shown,
                                        DestinationConfig::tr("the value starts or ends with "
                                                              "blanks")));
    if (seen.contains(lower))
        return reject(error, entryError(headersField, position, shown,
                                        DestinationConfig::tr("%1 is already set by an earlier "
                                                              "entry")
                                            .arg(header.name)));
    seen.insert(lower);
    return true;
}

} // namespace

std::optional<QList<HttpHeader>> parseHeaders(const QString &text, QString *error)
{
    QList<HttpHeader> headers;
    if (text.trimmed().isEmpty())
        return headers;
    QSet<QString> seen;
    const QStringList entries = text.split(u',');
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const int position = int(i + 1);
        const QString entry = entries.at(i).trimmed();
        if (entry.isEmpty())
            return fail(error, fieldError(headersField, DestinationConfig::tr(
                                                            "entry %1 is empty (two commas in a "
                                                            "row, or one at an end)")
                                                            .arg(position)));
        const qsizetype colon = entry.indexOf(u':');
        if (colon < 0)
            return fail(error, entryError(headersField, position, entry,
                                          DestinationConfig::tr("a colon must separate the "
                                                                "header's name from its value")));
        HttpHeader header{entry.left(colon).trimmed(), entry.mid(colon + 1).trimmed()};
        if (!checkHeader(header, position, seen, error))
            return std::nullopt;
        headers << std::move(header);
    }
    return headers;
}

bool validateHeaders(const QList<HttpHeader> &headers, QString *error)
{
    QSet<QString> seen;
    for (qsizetype i = 0; i < headers.size(); ++i) {
        if (!checkHeader(headers.at(i), int(i + 1), seen, error))
            return false;
        if (headers.at(i).value.contains(u','))
            return reject(error,
                          entryError(headersField, int(i + 1),
                                     shownEntry(headers.at(i).name, headers.at(i).value,
                                                headers.at(i).secret),
                                     DestinationConfig::tr("the value contains a comma, which the "
                                                           "\"h1:v1,h2:v2\" format cannot carry")));
    }
    return true;
}

QString headersToString(const QList<HttpHeader> &headers)
{
    QStringList entries;
    entries.reserve(headers.size());
    for (const HttpHeader &header : headers)
        entries << header.name + u':' + header.value;
    return entries.join(u',');
}

} // namespace outflow
