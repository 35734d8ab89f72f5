#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

class QSslCertificate;

namespace outflow {

// What an administrator needs to know about a certificate (DESIGN §2, mTLS:
// CN, SANs, expiry), as a plain value: the wizard and `destination show`
// display it, and the `certificate-expiry` alert watches notAfter. Holds no
// key material.
struct CertificateInfo
{
    // The days before notAfter from which a certificate counts as expiring
    // soon (the `certificate-expiry` alert's threshold).
    static constexpr int ExpiryWarningDays = 30;

    QString subjectCommonName; // the last CN when there are several
    QString issuerCommonName;
    QString subjectDisplayName; // CN, else organization, else the whole subject
    QStringList dnsNames;       // subjectAltName entries by type
    QStringList ipAddresses;
    QStringList emailAddresses;
    QDateTime notBefore;          // UTC
    QDateTime notAfter;           // UTC
    QByteArray serialNumber;      // hex with colons, as Qt gives it
    QByteArray sha256Fingerprint; // raw 32 bytes; fingerprintHex() to show it
    bool selfSigned = false;

    static CertificateInfo fromCertificate(const QSslCertificate &certificate);

    bool isNull() const { return sha256Fingerprint.isEmpty(); }
    bool isExpired(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    bool isNotYetValid(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    // True when the certificate expires within `days` of `now`, or already
    // has: "act now" either way.
    bool expiresWithinDays(int days, const QDateTime &now = QDateTime::currentDateTimeUtc()) const;
    // Whole days left before notAfter; negative once expired.
    qint64 daysUntilExpiry(const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

    // "AB:CD:…", upper case, the way browsers and `openssl x509 -fingerprint` show it.
    QString fingerprintHex() const;
    // Every subjectAltName, typed: "DNS:a.example, IP:10.0.0.1, email:x@y".
    QString subjectAlternativeNamesText() const;

    friend bool operator==(const CertificateInfo &, const CertificateInfo &) = default;
};

} // namespace outflow

Q_DECLARE_METATYPE(outflow::CertificateInfo)
