#include "tlsfailure.h"

#include "delivery/tlsconfig.h"

#include <algorithm>
#include <QSslCertificate>

namespace outflow {

namespace {

enum class ServerCertificateProblem { Untrusted, Expired, HostName, Other };

ServerCertificateProblem classify(QSslError::SslError error)
{
    switch (error) {
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::CertificateUntrusted:
    case QSslError::InvalidCaCertificate:
    case QSslError::PathLengthExceeded:
        return ServerCertificateProblem::Untrusted;
    case QSslError::CertificateExpired:
    case QSslError::CertificateNotYetValid:
        return ServerCertificateProblem::Expired;
    case QSslError::HostNameMismatch:
        return ServerCertificateProblem::HostName;
    default:
        return ServerCertificateProblem::Other;
    }
}

QString shownDate(const QDateTime &utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

// "CN=api.example.com; DNS:api.example.com, IP:10.0.0.1": what the certificate
// was issued for, to set beside the host that was asked for.
QString certifiedNames(const QSslCertificate &certificate)
{
    const CertificateInfo info = CertificateInfo::fromCertificate(certificate);
    const QString alternativeNames = info.subjectAlternativeNamesText();
    if (alternativeNames.isEmpty())
        return QStringLiteral("CN=") + info.subjectCommonName;
    return QStringLiteral("CN=") + info.subjectCommonName + QStringLiteral("; ") + alternativeNames;
}

bool containsAny(const QString &text, std::initializer_list<const char *> needles)
{
    return std::any_of(needles.begin(), needles.end(), [&text](const char *needle) {
        return text.contains(QLatin1String(needle), Qt::CaseInsensitive);
    });
}

} // namespace

TlsFailure::TlsFailure(Kind kind, QString message)
    : m_kind(kind)
    , m_message(std::move(message))
{}

TlsFailure::Evidence TlsFailure::Evidence::fromReply(QNetworkReply &reply,
                                                     const QList<QSslError> &sslErrors,
                                                     const TlsConfig &tlsConfig)
{
    Evidence evidence;
    evidence.error = reply.error();
    evidence.errorString = reply.errorString();
    evidence.httpStatus = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    evidence.responseBody = reply.peek(1024);
    evidence.sslErrors = sslErrors;
    evidence.host = reply.request().peerVerifyName();
    if (evidence.host.isEmpty())
        evidence.host = reply.url().host();
    evidence.caBundleConfigured = !tlsConfig.usesSystemCaStore();
    evidence.clientCertificate = tlsConfig.clientCertificate();
    return evidence;
}

TlsFailure TlsFailure::diagnose(const Evidence &evidence)
{
    if (!evidence.sslErrors.isEmpty())
        return fromSslErrors(evidence);
    if (evidence.httpStatus != 0)
        return fromHttpAnswer(evidence);
    return fromHandshakeAlert(evidence);
}

TlsFailure TlsFailure::fromSslErrors(const Evidence &evidence)
{
    // The most useful one first: trust, then validity dates, then the name;
    // a certificate from an unknown CA usually also fails the others.
    const auto rank = [](const QSslError &error) { return int(classify(error.error())); };
    QList<QSslError> errors = evidence.sslErrors;
    std::stable_sort(errors.begin(), errors.end(),
                     [&rank](const QSslError &a, const QSslError &b) { return rank(a) < rank(b); });
    const QSslError &first = errors.constFirst();
    const QSslCertificate certificate = first.certificate();
    const CertificateInfo info = CertificateInfo::fromCertificate(certificate);

    switch (classify(first.error())) {
    case ServerCertificateProblem::Untrusted: {
        const QString advice =
            evidence.caBundleConfigured
                ? tr("It was not issued by a CA in the destination's CA bundle: the bundle must "
                     "hold the CA that issued the server's certificate (issuer: %1).")
                      .arg(info.issuerCommonName)
                : tr("Its issuer (%1) is not among this system's trusted CAs: if the endpoint "
                     "uses a private CA, set the destination's CA bundle to that CA's PEM file.")
                      .arg(info.issuerCommonName);
        return {Kind::ServerCertificateUntrusted,
                tr("Server certificate not trusted: %1. %2").arg(first.errorString(), advice)};
    }
    case ServerCertificateProblem::Expired:
        if (first.error() == QSslError::CertificateNotYetValid)
            return {Kind::ServerCertificateExpired,
                    tr("The server's certificate (%1) is not valid before %2: check the clocks "
                       "of this computer and of the server.")
                        .arg(info.subjectDisplayName, shownDate(info.notBefore))};
        return {Kind::ServerCertificateExpired,
                tr("The server's certificate (%1) expired on %2: the endpoint's administrators "
                   "must renew it.")
                    .arg(info.subjectDisplayName, shownDate(info.notAfter))};
    case ServerCertificateProblem::HostName:
        return {Kind::HostNameMismatch,
                tr("Host name mismatch: the server's certificate is for %1, not %2. Use a host "
                   "name the certificate names in the endpoint URL.")
                    .arg(certifiedNames(certificate), evidence.host)};
    case ServerCertificateProblem::Other:
        break;
    }
    return {Kind::ServerCertificateInvalid,
            tr("The server's certificate was rejected: %1.").arg(first.errorString())};
}

// nginx verifies client certificates after the handshake and answers 400
// with one of two texts; other servers answer 495/496 (nginx's own codes).
TlsFailure TlsFailure::fromHttpAnswer(const Evidence &evidence)
{
    const bool noCertificate = evidence.httpStatus == 496 ||
                               (evidence.httpStatus == 400 &&
                                evidence.responseBody.contains("No required SSL certificate"));
    const bool badCertificate =
        evidence.httpStatus == 495 ||
        (evidence.httpStatus == 400 && evidence.responseBody.contains("SSL certificate error"));
    if (noCertificate) {
        if (evidence.clientCertificate.isNull())
            return {Kind::ClientCertificateRequired,
                    tr("The server requires a client certificate (mTLS) and none is configured "
                       "for this destination.")};
        return {Kind::ClientCertificateRequired,
                tr("The server requires a client certificate and did not receive the one "
                   "configured (%1).")
                    .arg(evidence.clientCertificate.subjectDisplayName)};
    }
    if (badCertificate) {
        const CertificateInfo &certificate = evidence.clientCertificate;
        if (!certificate.isNull() && certificate.isExpired())
            return {Kind::ClientCertificateRefused,
                    tr("The server refused the client certificate (%1): it expired on %2. Renew "
                       "it.")
                        .arg(certificate.subjectDisplayName, shownDate(certificate.notAfter))};
        return {Kind::ClientCertificateRefused,
                tr("The server refused the client certificate (%1): the server does not trust "
                   "its issuer (%2), or the certificate is revoked or not meant for client "
                   "authentication.")
                    .arg(certificate.subjectDisplayName, certificate.issuerCommonName)};
    }
    return {Kind::None, {}};
}

// When the server rejects the client certificate during the handshake, only
// the TLS alert's text (in Qt's error string) tells why. TLS 1.3 clients see
// that alert after their own side of the handshake, so the error may be a
// closed connection rather than a handshake failure.
TlsFailure TlsFailure::fromHandshakeAlert(const Evidence &evidence)
{
    const QString &text = evidence.errorString;
    const bool certificateConfigured = !evidence.clientCertificate.isNull();
    if (containsAny(text, {"certificate required"}) ||
        (!certificateConfigured && containsAny(text, {"alert handshake failure"}))) {
        if (!certificateConfigured)
            return {Kind::ClientCertificateRequired,
                    tr("The server requires a client certificate (mTLS) and none is configured "
                       "for this destination (%1).")
                        .arg(text)};
        return {Kind::ClientCertificateRequired,
                tr("The server requires a client certificate and did not receive the one "
                   "configured (%1).")
                    .arg(text)};
    }
    if (certificateConfigured &&
        containsAny(text, {"alert bad certificate", "alert unknown ca", "alert certificate expired",
                           "alert certificate revoked", "alert certificate unknown",
                           "alert unsupported certificate", "alert access denied"})) {
        return {Kind::ClientCertificateRefused,
                tr("The server refused the client certificate (%1): %2.")
                    .arg(evidence.clientCertificate.subjectDisplayName, text)};
    }
    if (evidence.error == QNetworkReply::SslHandshakeFailedError)
        return {Kind::HandshakeFailed,
                tr("The TLS handshake with the server failed: %1.").arg(text)};
    return {Kind::None, {}};
}

QString TlsFailure::kindId() const
{
    switch (m_kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::ServerCertificateUntrusted:
        return QStringLiteral("server-certificate-untrusted");
    case Kind::ServerCertificateExpired:
        return QStringLiteral("server-certificate-expired");
    case Kind::HostNameMismatch:
        return QStringLiteral("host-name-mismatch");
    case Kind::ServerCertificateInvalid:
        return QStringLiteral("server-certificate-invalid");
    case Kind::ClientCertificateRequired:
        return QStringLiteral("client-certificate-required");
    case Kind::ClientCertificateRefused:
        return QStringLiteral("client-certificate-refused");
    case Kind::HandshakeFailed:
        return QStringLiteral("handshake-failed");
    }
    return {};
}

} // namespace outflow
