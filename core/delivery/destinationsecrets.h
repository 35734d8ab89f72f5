#pragma once

#include "model/destination.h"

#include <optional>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

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
    // The values of the secret headers and query parameters (DESIGN §6), by
    // name. A query value is kept as it goes into the query (percent-encoded).
    QMap<QString, QString> headerValues;
    QMap<QString, QString> queryValues;

    enum class Kind { BearerToken, ClientSecret, Password, KeyPassphrase };

    // One secret of a destination: an authentication secret, or the value of
    // a secret header or query parameter.
    struct Ref
    {
        enum class Type : quint8 { Auth, Header, Query };
        Type type = Type::Auth;
        Kind kind = Kind::BearerToken; // Type::Auth
        QString name;                  // Type::Header, Type::Query

        static Ref auth(Kind kind) { return {Type::Auth, kind, {}}; }
        static Ref header(const QString &name) { return {Type::Header, Kind::BearerToken, name}; }
        static Ref query(const QString &name) { return {Type::Query, Kind::BearerToken, name}; }

        // The CLI's spelling (`destination set-secret N KIND`): "bearer-token",
        // "client-secret", "password", "key-passphrase", "header:NAME",
        // "query:NAME". fromLabel() reads it back; nullopt for anything else.
        QString label() const;
        static std::optional<Ref> fromLabel(const QString &label);
        // "destination/<id>/bearer-token", "destination/<id>/header/<name>",
        // "destination/<id>/query/<name>".
        QString keychainKey(const QString &destinationId) const;
        // OUTFLOW_BEARER_TOKEN…, OUTFLOW_SECRET_HEADER_<NAME>,
        // OUTFLOW_SECRET_QUERY_<NAME> (upper case, other than A-Z 0-9 → _).
        QString environmentVariable() const;
        // Every secret is required but the key passphrase (an unencrypted key
        // has none).
        bool isRequired() const { return type != Type::Auth || kind != Kind::KeyPassphrase; }

        friend bool operator==(const Ref &, const Ref &) = default;
    };

    QString value(Kind kind) const;
    void setValue(Kind kind, const QString &secret);
    QString value(const Ref &ref) const;
    void setValue(const Ref &ref, const QString &secret);

    // "bearer-token", "client-secret", "password", "key-passphrase".
    static QString kindName(Kind kind);

    // The keychain object id of one secret: "destination/<id>/client-secret".
    static QString keychainKey(const QString &destinationId, Kind kind);

    // The variable outflowctl reads it from (DESIGN §5): OUTFLOW_BEARER_TOKEN,
    // OUTFLOW_CLIENT_SECRET, OUTFLOW_PASSWORD, OUTFLOW_KEY_PASSPHRASE.
    static QString environmentVariable(Kind kind);

    // The authentication secrets a destination uses, in that order. The key
    // passphrase is listed whenever a client certificate is set; it is
    // optional (an unencrypted key has none), the others are required.
    static QList<Kind> usedBy(const Destination &destination);
    static bool isRequired(Kind kind) { return kind != Kind::KeyPassphrase; }

    // Every secret a destination uses: usedBy(), then its secret headers and
    // query parameters. What to read from the keychain before sending.
    static QList<Ref> refsOf(const Destination &destination);
    // The keychain keys of refsOf(): what to remove with the destination.
    static QStringList keychainKeys(const Destination &destination);

    // Splits a destination as typed (the wizard, `destination add|edit`) into
    // what the store may hold and the secrets to write: the values of its
    // secret headers and query parameters are moved out of `destination`
    // (left empty: "token=") into the result. An empty typed value is not
    // returned: on an edit, it keeps the value already in the keychain.
    static DestinationSecrets extractInlineSecrets(Destination &destination);
    // The reverse, for sending: the secret headers and query parameters of a
    // stored destination get their values from these secrets.
    void applyTo(Destination &destination) const;

    // Every non-empty value, with its reference, in refsOf()'s order for
    // `destination` plus any header or query value it does not list.
    QList<QPair<Ref, QString>> entries() const;

    friend bool operator==(const DestinationSecrets &, const DestinationSecrets &) = default;
};

// The entries of a "p1=v&p2=v" query (split at '&', then at the first '='),
// and back. Used to keep secret query values out of the store.
QList<QPair<QString, QString>> splitQuery(const QString &query);
QString joinQuery(const QList<QPair<QString, QString>> &entries);

} // namespace outflow

Q_DECLARE_METATYPE(outflow::DestinationSecrets)
