#include "secretredactor.h"

#include "delivery/oauth2tokenrequest.h"

#include <algorithm>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace outflow {

const QString SecretRedactor::Mask = QStringLiteral("••••");

namespace {

// Shorter values are too likely to be ordinary words or numbers: masking
// them would garble excerpts without protecting anything worth it.
constexpr int MinimumSecretLength = 4;

} // namespace

SecretRedactor::SecretRedactor(const Destination &destination, const DestinationSecrets &secrets)
{
    for (const auto kind :
         {DestinationSecrets::Kind::BearerToken, DestinationSecrets::Kind::ClientSecret,
          DestinationSecrets::Kind::Password, DestinationSecrets::Kind::KeyPassphrase}) {
        addSecret(secrets.value(kind));
    }
    // Secret headers and query parameters (DESIGN §6): a query value is kept
    // percent-encoded, and may come back decoded.
    for (const QString &value : secrets.headerValues)
        addSecret(value);
    for (const QString &value : secrets.queryValues) {
        addSecret(value);
        addSecret(QUrl::fromPercentEncoding(value.toUtf8()));
    }
    for (const HttpHeader &header : destination.headers) {
        if (looksSecret(header.name))
            addSecret(header.value);
    }
    const QUrlQuery query(destination.query);
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (looksSecret(name))
            addSecret(value);
    }
}

bool SecretRedactor::looksSecret(const QString &name)
{
    static const char *const words[] = {"auth",   "token",     "key",        "secret", "password",
                                        "passwd", "signature", "credential", "cookie", "session"};
    const QString lower = name.toLower();
    return std::any_of(std::begin(words), std::end(words),
                       [&lower](const char *word) { return lower.contains(QLatin1String(word)); });
}

void SecretRedactor::addSecret(const QString &secret)
{
    if (secret.size() < MinimumSecretLength)
        return;
    for (const QString &spelling : {secret, QString::fromLatin1(oauth2::formUrlEncode(secret)),
                                    QString::fromLatin1(QUrl::toPercentEncoding(secret))}) {
        if (!m_spellings.contains(spelling))
            m_spellings.append(spelling);
    }
    std::sort(m_spellings.begin(), m_spellings.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

void SecretRedactor::addAuthorization(const QByteArray &authorization)
{
    const qsizetype space = authorization.indexOf(' ');
    addSecret(QString::fromLatin1(space < 0 ? authorization : authorization.mid(space + 1)));
}

// Every pattern of redact() contains one of these words (case aside):
// "authorization", "x-api-key", "api-key", "cookie"; "bearer", "basic";
// "access_token"... "password", "secret". A text without any of them, such
// as most 2xx answers ("ok", {"status":"accepted"}), needs no regular
// expression; the sender excerpts every answer, so this is per export.
static bool mayHoldCredential(const QString &text)
{
    static const QLatin1StringView words[] = {
        QLatin1StringView("auth"),   QLatin1StringView("key"),     QLatin1StringView("cookie"),
        QLatin1StringView("bearer"), QLatin1StringView("basic"),   QLatin1StringView("token"),
        QLatin1StringView("secret"), QLatin1StringView("password")};
    return std::any_of(std::begin(words), std::end(words), [&text](QLatin1StringView word) {
        return text.contains(word, Qt::CaseInsensitive);
    });
}

QString SecretRedactor::redact(QString text) const
{
    if (text.isEmpty())
        return text;
    for (const QString &spelling : m_spellings)
        text.replace(spelling, Mask);
    if (!mayHoldCredential(text))
        return text;
    // Whatever else looks like a credential, known or not.
    static const QRegularExpression headerValue(QStringLiteral(
        R"re((?i)\b((?:proxy-)?authorization|x-api-key|api-key|cookie)(["']?\s*[:=]\s*["']?))re"
        R"re([^\r\n"',;}]+)re"));
    static const QRegularExpression scheme(
        QStringLiteral(R"((?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{4,})"));
    static const QRegularExpression jsonField(QStringLiteral(
        R"re((?i)("(?:access_token|refresh_token|id_token|client_secret|password|token|secret)"\s*:\s*")[^"]*")re"));
    text.replace(headerValue, QStringLiteral("\\1\\2") + Mask);
    text.replace(scheme, QStringLiteral("\\1 ") + Mask);
    text.replace(jsonField, QStringLiteral("\\1") + Mask + QLatin1Char('"'));
    return text;
}

QString SecretRedactor::excerpt(const QByteArray &body, int maxBytes) const
{
    if (body.isEmpty())
        return {};
    QString text = redact(QString::fromUtf8(body));
    QByteArray utf8 = text.toUtf8();
    if (utf8.size() <= maxBytes)
        return text;
    // Cut on a character boundary: continuation bytes are 10xxxxxx.
    qsizetype cut = maxBytes;
    while (cut > 0 && (quint8(utf8.at(cut)) & 0xC0) == 0x80)
        --cut;
    utf8.truncate(cut);
    return QString::fromUtf8(utf8);
}

} // namespace outflow
