#pragma once

#include "delivery/destinationsecrets.h"
#include "model/destination.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace outflow {

// Masks secrets as "••••" in whatever the sender keeps or shows (DESIGN §6):
// response excerpts (an endpoint may echo the request back), error texts.
// It knows the destination's secrets (in the spellings they travel in: as
// typed, form-urlencoded, percent-encoded), the values of the headers and
// query parameters marked secret and of those whose names look secret (API
// keys), and the tokens the
// sender has used; and it masks the values of Authorization headers, bearer
// and basic credentials and token fields of JSON wherever they appear.
// Used on one thread.
class SecretRedactor
{
public:
    static const QString Mask; // "••••"

    SecretRedactor() = default;
    SecretRedactor(const Destination &destination, const DestinationSecrets &secrets);

    void addSecret(const QString &secret);
    // The whole Authorization value ("Bearer abc"): its credentials are secret.
    void addAuthorization(const QByteArray &authorization);

    QString redact(QString text) const;
    // At most `maxBytes` of UTF-8 from the start of `body`, redacted: the cut
    // comes after redaction, so a secret straddling it is still masked.
    QString excerpt(const QByteArray &body, int maxBytes = 1024) const;

    // Whether a header or query parameter name looks like it carries a key.
    static bool looksSecret(const QString &name);

private:
    QStringList m_spellings; // longest first, so that a secret's prefix never masks half of it
};

} // namespace outflow
