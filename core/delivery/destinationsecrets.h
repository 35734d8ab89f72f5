#pragma once

#include "model/destination.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace outflow {

// The secrets of one destination, as read from the keychain (or, in
// outflowctl, from OUTFLOW_* variables and no-echo prompts). A plain value:
// read them on the main thread (SecretStore must run there), then hand a copy
// to whichever thread builds the AuthProvider. Never log one: there is no
// QDebug operator on purpose.
struct DestinationSecrets
{
    QString bearerToken;   // AuthType::Bearer
    QString clientSecret;  // OAuth2
    QString password;      // OAuth2 password grant
    QString keyPassphrase; // an encrypted client key or PKCS#12 file

    enum class Kind { BearerToken, ClientSecret, Password, KeyPassphrase };

    QString value(Kind kind) const;
    void setValue(Kind kind, const QString &secret);

    // "bearer-token", "client-secret", "password", "key-passphrase".
    static QString kindName(Kind kind);

    // The keychain object id of one secret: "destination/<id>/client-secret".
    static QString keychainKey(const QString &destinationId, Kind kind);

    // The variable outflowctl reads it from (DESIGN §5): OUTFLOW_BEARER_TOKEN,
    // OUTFLOW_CLIENT_SECRET, OUTFLOW_PASSWORD, OUTFLOW_KEY_PASSPHRASE.
    static QString environmentVariable(Kind kind);

    // The secrets a destination uses, in that order: what to read from the
    // keychain before building its AuthProvider, and what to remove with it.
    // The key passphrase is listed whenever a client certificate is set; it is
    // optional (an unencrypted key has none), the others are required.
    static QList<Kind> usedBy(const Destination &destination);
    static bool isRequired(Kind kind) { return kind != Kind::KeyPassphrase; }

    friend bool operator==(const DestinationSecrets &, const DestinationSecrets &) = default;
};

} // namespace outflow

Q_DECLARE_METATYPE(outflow::DestinationSecrets)
