#include "destinationsecrets.h"

namespace outflow {

namespace {

const QString headerPrefix = QStringLiteral("header:");
const QString queryPrefix = QStringLiteral("query:");

// OUTFLOW_SECRET_HEADER_X_API_KEY: a variable name any shell accepts.
QString variablePart(const QString &name)
{
    QString part = name.toUpper();
    for (QChar &c : part) {
        if (!((c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')))
            c = u'_';
    }
    return part;
}

} // namespace

QString DestinationSecrets::value(Kind kind) const
{
    switch (kind) {
    case Kind::BearerToken:
        return bearerToken;
    case Kind::ClientSecret:
        return clientSecret;
    case Kind::Password:
        return password;
    case Kind::KeyPassphrase:
        return keyPassphrase;
    }
    return {};
}

void DestinationSecrets::setValue(Kind kind, const QString &secret)
{
    switch (kind) {
    case Kind::BearerToken:
        bearerToken = secret;
        break;
    case Kind::ClientSecret:
        clientSecret = secret;
        break;
    case Kind::Password:
        password = secret;
        break;
    case Kind::KeyPassphrase:
        keyPassphrase = secret;
        break;
    }
}

QString DestinationSecrets::value(const Ref &ref) const
{
    switch (ref.type) {
    case Ref::Type::Auth:
        return value(ref.kind);
    case Ref::Type::Header:
        return headerValues.value(ref.name);
    case Ref::Type::Query:
        return queryValues.value(ref.name);
    }
    return {};
}

void DestinationSecrets::setValue(const Ref &ref, const QString &secret)
{
    switch (ref.type) {
    case Ref::Type::Auth:
        return setValue(ref.kind, secret);
    case Ref::Type::Header:
        headerValues.insert(ref.name, secret);
        return;
    case Ref::Type::Query:
        queryValues.insert(ref.name, secret);
        return;
    }
}

QString DestinationSecrets::kindName(Kind kind)
{
    switch (kind) {
    case Kind::BearerToken:
        return QStringLiteral("bearer-token");
    case Kind::ClientSecret:
        return QStringLiteral("client-secret");
    case Kind::Password:
        return QStringLiteral("password");
    case Kind::KeyPassphrase:
        return QStringLiteral("key-passphrase");
    }
    return {};
}

QString DestinationSecrets::keychainKey(const QString &destinationId, Kind kind)
{
    return QStringLiteral("destination/") + destinationId + u'/' + kindName(kind);
}

QString DestinationSecrets::environmentVariable(Kind kind)
{
    return QStringLiteral("OUTFLOW_") + kindName(kind).toUpper().replace(u'-', u'_');
}

QString DestinationSecrets::Ref::label() const
{
    switch (type) {
    case Type::Auth:
        return kindName(kind);
    case Type::Header:
        return headerPrefix + name;
    case Type::Query:
        return queryPrefix + name;
    }
    return {};
}

std::optional<DestinationSecrets::Ref> DestinationSecrets::Ref::fromLabel(const QString &label)
{
    for (const Kind kind :
         {Kind::BearerToken, Kind::ClientSecret, Kind::Password, Kind::KeyPassphrase}) {
        if (label == kindName(kind))
            return auth(kind);
    }
    if (label.startsWith(headerPrefix) && label.size() > headerPrefix.size())
        return header(label.mid(headerPrefix.size()));
    if (label.startsWith(queryPrefix) && label.size() > queryPrefix.size())
        return query(label.mid(queryPrefix.size()));
    return std::nullopt;
}

QString DestinationSecrets::Ref::keychainKey(const QString &destinationId) const
{
    switch (type) {
    case Type::Auth:
        return DestinationSecrets::keychainKey(destinationId, kind);
    case Type::Header:
        return QStringLiteral("destination/") + destinationId + QStringLiteral("/header/") + name;
    case Type::Query:
        return QStringLiteral("destination/") + destinationId + QStringLiteral("/query/") + name;
    }
    return {};
}

QString DestinationSecrets::Ref::environmentVariable() const
{
    switch (type) {
    case Type::Auth:
        return DestinationSecrets::environmentVariable(kind);
    case Type::Header:
        return QStringLiteral("OUTFLOW_SECRET_HEADER_") + variablePart(name);
    case Type::Query:
        return QStringLiteral("OUTFLOW_SECRET_QUERY_") + variablePart(name);
    }
    return {};
}

QList<DestinationSecrets::Kind> DestinationSecrets::usedBy(const Destination &destination)
{
    QList<Kind> kinds;
    switch (destination.auth) {
    case AuthType::None:
        break;
    case AuthType::Bearer:
        kinds << Kind::BearerToken;
        break;
    case AuthType::OAuth2ClientCredentials:
        kinds << Kind::ClientSecret;
        break;
    case AuthType::OAuth2Password:
        kinds << Kind::ClientSecret << Kind::Password;
        break;
    }
    if (!destination.clientCertPath.isEmpty())
        kinds << Kind::KeyPassphrase;
    return kinds;
}

QList<DestinationSecrets::Ref> DestinationSecrets::refsOf(const Destination &destination)
{
    QList<Ref> refs;
    for (const Kind kind : usedBy(destination))
        refs << Ref::auth(kind);
    for (const HttpHeader &header : destination.headers) {
        if (header.secret)
            refs << Ref::header(header.name);
    }
    for (const QString &name : destination.secretQueryNames)
        refs << Ref::query(name);
    return refs;
}

QStringList DestinationSecrets::keychainKeys(const Destination &destination)
{
    QStringList keys;
    for (const Ref &ref : refsOf(destination))
        keys << ref.keychainKey(destination.id);
    return keys;
}

DestinationSecrets DestinationSecrets::extractInlineSecrets(Destination &destination)
{
    DestinationSecrets secrets;
    for (HttpHeader &header : destination.headers) {
        if (!header.secret)
            continue;
        if (!header.value.isEmpty())
            secrets.headerValues.insert(header.name, header.value);
        header.value.clear();
    }
    if (destination.secretQueryNames.isEmpty())
        return secrets;
    QList<QPair<QString, QString>> entries = splitQuery(destination.query);
    for (auto &[name, value] : entries) {
        if (!destination.secretQueryNames.contains(name))
            continue;
        if (!value.isEmpty())
            secrets.queryValues.insert(name, value);
        value = QStringLiteral(""); // "token=": the parameter stays, without its value
    }
    destination.query = joinQuery(entries);
    return secrets;
}

void DestinationSecrets::applyTo(Destination &destination) const
{
    for (HttpHeader &header : destination.headers) {
        if (header.secret)
            header.value = headerValues.value(header.name);
    }
    if (destination.secretQueryNames.isEmpty())
        return;
    QList<QPair<QString, QString>> entries = splitQuery(destination.query);
    for (auto &[name, value] : entries) {
        if (destination.secretQueryNames.contains(name))
            value = queryValues.value(name, QStringLiteral(""));
    }
    destination.query = joinQuery(entries);
}

QList<QPair<DestinationSecrets::Ref, QString>> DestinationSecrets::entries() const
{
    QList<QPair<Ref, QString>> all;
    for (const Kind kind :
         {Kind::BearerToken, Kind::ClientSecret, Kind::Password, Kind::KeyPassphrase}) {
        if (!value(kind).isEmpty())
            all.append({Ref::auth(kind), value(kind)});
    }
    for (auto it = headerValues.cbegin(); it != headerValues.cend(); ++it) {
        if (!it.value().isEmpty())
            all.append({Ref::header(it.key()), it.value()});
    }
    for (auto it = queryValues.cbegin(); it != queryValues.cend(); ++it) {
        if (!it.value().isEmpty())
            all.append({Ref::query(it.key()), it.value()});
    }
    return all;
}

QList<QPair<QString, QString>> splitQuery(const QString &query)
{
    QList<QPair<QString, QString>> entries;
    const QString text = query.startsWith(u'?') ? query.mid(1) : query;
    if (text.isEmpty())
        return entries;
    for (const QString &entry : text.split(u'&')) {
        const qsizetype equals = entry.indexOf(u'=');
        // A null value: the entry had no '=' at all, and gets none back.
        if (equals < 0) {
            entries.append({entry, QString()});
            continue;
        }
        QString value = entry.mid(equals + 1);
        if (value.isNull())
            value = QStringLiteral("");
        entries.append({entry.left(equals), value});
    }
    return entries;
}

QString joinQuery(const QList<QPair<QString, QString>> &entries)
{
    QStringList parts;
    for (const auto &[name, value] : entries)
        parts << (value.isNull() ? name : name + u'=' + value);
    return parts.join(u'&');
}

} // namespace outflow
