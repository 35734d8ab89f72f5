#include "certificateinfo.h"

#include <QCryptographicHash>
#include <QSslCertificate>

namespace outflow {

namespace {

QString lastOf(const QStringList &values)
{
    return values.isEmpty() ? QString() : values.constLast();
}

} // namespace

CertificateInfo CertificateInfo::fromCertificate(const QSslCertificate &certificate)
{
    CertificateInfo info;
    if (certificate.isNull())
        return info;
    // With several CNs, the most specific one comes last (RFC 6125 §2.3.1).
    info.subjectCommonName = lastOf(certificate.subjectInfo(QSslCertificate::CommonName));
    info.issuerCommonName = lastOf(certificate.issuerInfo(QSslCertificate::CommonName));
    info.subjectDisplayName = certificate.subjectDisplayName();
    const auto alternativeNames = certificate.subjectAlternativeNames();
    for (auto it = alternativeNames.cbegin(); it != alternativeNames.cend(); ++it) {
        switch (it.key()) {
        case QSsl::DnsEntry:
            info.dnsNames.append(it.value());
            break;
        case QSsl::IpAddressEntry:
            info.ipAddresses.append(it.value());
            break;
        case QSsl::EmailEntry:
            info.emailAddresses.append(it.value());
            break;
        }
    }
    info.notBefore = certificate.effectiveDate().toUTC();
    info.notAfter = certificate.expiryDate().toUTC();
    info.serialNumber = certificate.serialNumber();
    info.sha256Fingerprint = certificate.digest(QCryptographicHash::Sha256);
    info.selfSigned = certificate.isSelfSigned();
    return info;
}

bool CertificateInfo::isExpired(const QDateTime &now) const
{
    return !isNull() && notAfter < now;
}

bool CertificateInfo::isNotYetValid(const QDateTime &now) const
{
    return !isNull() && now < notBefore;
}

bool CertificateInfo::expiresWithinDays(int days, const QDateTime &now) const
{
    return !isNull() && notAfter < now.addDays(days);
}

qint64 CertificateInfo::daysUntilExpiry(const QDateTime &now) const
{
    if (isNull())
        return 0;
    // Floor division, so that a certificate that expired an hour ago shows -1, not 0.
    const qint64 seconds = now.secsTo(notAfter);
    constexpr qint64 secondsPerDay = qint64(24) * 60 * 60;
    return seconds >= 0 ? seconds / secondsPerDay
                        : -((-seconds + secondsPerDay - 1) / secondsPerDay);
}

QString CertificateInfo::fingerprintHex() const
{
    return QString::fromLatin1(sha256Fingerprint.toHex(':').toUpper());
}

QString CertificateInfo::subjectAlternativeNamesText() const
{
    QStringList entries;
    for (const QString &name : dnsNames)
        entries.append(QStringLiteral("DNS:") + name);
    for (const QString &address : ipAddresses)
        entries.append(QStringLiteral("IP:") + address);
    for (const QString &email : emailAddresses)
        entries.append(QStringLiteral("email:") + email);
    return entries.join(QStringLiteral(", "));
}

} // namespace outflow
