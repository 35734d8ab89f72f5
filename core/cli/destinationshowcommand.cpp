// `outflowctl destination show N`: the destination's settings (the store's
// document, secrets shown as ••••) and its client certificate: CN, SANs,
// issuer, validity and days left (DESIGN §2, mTLS).
#include "cli.h"
#include "delivery/certificateinfo.h"
#include "delivery/destinationconfig.h"
#include "delivery/destinationsecrets.h"
#include "delivery/secretredactor.h"
#include "destinationcommand_p.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSslCertificate>

namespace outflow::cli {

namespace {

// The first certificate of a PEM or DER file; nullopt for anything else (a
// PKCS#12 file needs its passphrase: `destination test` shows it then).
std::optional<CertificateInfo> readCertificate(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray bytes = file.readAll();
    QList<QSslCertificate> certificates = QSslCertificate::fromData(bytes, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromData(bytes, QSsl::Der);
    if (certificates.isEmpty() || certificates.constFirst().isNull())
        return std::nullopt;
    return CertificateInfo::fromCertificate(certificates.constFirst());
}

QString isoDate(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

} // namespace

QJsonObject certificateJson(const CertificateInfo &info)
{
    QJsonArray sans;
    for (const QString &dns : info.dnsNames)
        sans.append(QString(QStringLiteral("DNS:") + dns));
    for (const QString &ip : info.ipAddresses)
        sans.append(QString(QStringLiteral("IP:") + ip));
    for (const QString &email : info.emailAddresses)
        sans.append(QString(QStringLiteral("email:") + email));
    return QJsonObject{{QStringLiteral("subject"), info.subjectDisplayName},
                       {QStringLiteral("commonName"), info.subjectCommonName},
                       {QStringLiteral("subjectAltNames"), sans},
                       {QStringLiteral("issuer"), info.issuerCommonName},
                       {QStringLiteral("notBefore"), isoDate(info.notBefore)},
                       {QStringLiteral("notAfter"), isoDate(info.notAfter)},
                       {QStringLiteral("daysLeft"), info.daysUntilExpiry()},
                       {QStringLiteral("expired"), info.isExpired()},
                       {QStringLiteral("sha256"), info.fingerprintHex()}};
}

QString certificateText(const CertificateInfo &info)
{
    const int days = int(info.daysUntilExpiry());
    const int ago = -days;
    const QString left = info.isExpired() ? Text::tr("expired %n day(s) ago", nullptr, ago)
                                          : Text::tr("%n day(s) left", nullptr, days);
    return Text::tr("CN %1, issued by %2\n    SANs: %3\n    valid %4 to %5 (%6)")
        .arg(info.subjectDisplayName, info.issuerCommonName,
             info.subjectAlternativeNamesText().isEmpty()
                 ? Text::tr("none", "no subject alternative name")
                 : info.subjectAlternativeNamesText(),
             isoDate(info.notBefore), isoDate(info.notAfter), left);
}

int showDestination(Context &context, const Destination &destination)
{
    QJsonObject object = destinationToJson(destination);
    // Secret values are not in the store; say that there is one.
    QJsonArray headers;
    for (const HttpHeader &header : destination.headers)
        headers.append(QJsonObject{
            {QStringLiteral("name"), header.name},
            {QStringLiteral("value"), header.secret ? SecretRedactor::Mask : header.value},
            {QStringLiteral("secret"), header.secret}});
    object.insert(QStringLiteral("headers"), headers);
    QList<QPair<QString, QString>> query = splitQuery(destination.query);
    for (auto &[name, value] : query) {
        if (destination.secretQueryNames.contains(name))
            value = SecretRedactor::Mask;
    }
    object.insert(QStringLiteral("query"), joinQuery(query));
    const QJsonObject summary = destinationJson(destination);
    for (auto it = summary.begin(); it != summary.end(); ++it)
        object.insert(it.key(), it.value());
    object.insert(QStringLiteral("createdAt"), destination.createdAt);
    object.insert(QStringLiteral("updatedAt"), destination.updatedAt);
    std::optional<CertificateInfo> certificate;
    if (!destination.clientCertPath.isEmpty()) {
        certificate = readCertificate(destination.clientCertPath);
        if (certificate)
            object.insert(QStringLiteral("clientCertificate"), certificateJson(*certificate));
    }
    context.out << QJsonDocument(object).toJson(context.json ? QJsonDocument::Compact
                                                             : QJsonDocument::Indented);
    if (context.json) {
        context.out << '\n';
        return ExitSuccess;
    }
    if (certificate)
        context.out << Text::tr("Client certificate: %1").arg(certificateText(*certificate))
                    << '\n';
    else if (!destination.clientCertPath.isEmpty())
        context.out << Text::tr("Client certificate: %1 cannot be read without its passphrase "
                                "or is not a certificate; 'destination test' shows it.")
                           .arg(destination.clientCertPath)
                    << '\n';
    return ExitSuccess;
}

} // namespace outflow::cli
