#include "destinationsecrets.h"

namespace outflow {

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

} // namespace outflow
