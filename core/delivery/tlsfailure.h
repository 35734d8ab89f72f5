#pragma once

#include "delivery/certificateinfo.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QNetworkReply>
#include <QSslError>
#include <QString>

namespace outflow {

class TlsConfig;

// Turns a failed request into a sentence an administrator can act on when
// TLS is the cause (DESIGN §6: an invalid server certificate is an error
// with its reason). The advice is always to fix the certificates or the CA
// bundle; it never suggests turning verification off, and nothing in Outflow
// calls ignoreSslErrors().
//
// None of these failures goes away by retrying the same request: the sender
// should fail the export at once and keep the message.
class TlsFailure
{
    Q_DECLARE_TR_FUNCTIONS(TlsFailure)

public:
    enum class Kind : quint8 {
        None,                       // not a TLS problem (or none at all)
        ServerCertificateUntrusted, // issuer unknown, self-signed: the request was not sent
        ServerCertificateExpired,   // or not valid yet: not sent
        HostNameMismatch,           // the certificate names other hosts: not sent
        ServerCertificateInvalid,   // revoked, bad signature, …: not sent
        ClientCertificateRequired,  // mTLS endpoint, no client certificate presented
        ClientCertificateRefused,   // presented, and the server rejected it
        HandshakeFailed,            // no common protocol or cipher, plain HTTP on a TLS port, …
    };

    // What a finished request tells: the sender collects it from the reply
    // (fromReply) or, in tests, fills it in.
    struct Evidence
    {
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        QString errorString;
        int httpStatus = 0;
        QByteArray responseBody;    // the first KiB is plenty
        QList<QSslError> sslErrors; // as QNetworkReply::sslErrors reported them
        QString host;               // the name the server certificate must match
        bool caBundleConfigured = false;
        CertificateInfo clientCertificate; // null: none configured

        // `reply` has finished; `sslErrors` is what its sslErrors() signal
        // carried (the reply does not keep them). Peeks at the body, so the
        // caller may read it afterwards.
        static Evidence fromReply(QNetworkReply &reply, const QList<QSslError> &sslErrors,
                                  const TlsConfig &tlsConfig);
    };

    static TlsFailure diagnose(const Evidence &evidence);

    Kind kind() const { return m_kind; }
    bool isTlsFailure() const { return m_kind != Kind::None; }
    // Translated, for the delivery inspector, `destination test` and logs.
    // Empty when kind() is None.
    QString message() const { return m_message; }
    // Stable identifier for --json output: "server-certificate-untrusted", …
    QString kindId() const;

private:
    TlsFailure(Kind kind, QString message);

    static TlsFailure fromSslErrors(const Evidence &evidence);
    static TlsFailure fromHttpAnswer(const Evidence &evidence);
    static TlsFailure fromHandshakeAlert(const Evidence &evidence);

    Kind m_kind = Kind::None;
    QString m_message;
};

} // namespace outflow
