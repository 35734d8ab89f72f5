#pragma once

#include "delivery/certificateinfo.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>

namespace outflow {

struct Destination;

// The TLS inputs of one destination: file paths from its settings and the
// key passphrase the caller read from the keychain (never stored here).
struct TlsSettings
{
    // PEM file with one or more CA certificates (a DER file with one works
    // too). Empty: the system's trusted CAs. When set it REPLACES the system
    // store, as curl's --cacert does: a destination behind a private CA then
    // trusts that CA only, and a public CA compromise cannot impersonate it.
    QString caBundlePath;
    // The client certificate for mTLS; empty: none. Either PEM (the
    // certificate first, optionally followed by its intermediates and, when
    // clientKeyPath is empty, the private key) or DER, or a PKCS#12 bundle
    // (.p12/.pfx, certificate + key + chain, protected by keyPassphrase).
    QString clientCertificatePath;
    // PEM (or unencrypted DER) private key, RSA or EC, optionally encrypted
    // with keyPassphrase. Empty with PKCS#12, or with a PEM file holding both.
    QString clientKeyPath;
    QByteArray keyPassphrase;

    static TlsSettings fromDestination(const Destination &destination,
                                       const QByteArray &keyPassphrase = {});
};

// Loads a destination's TLS files once and builds the QSslConfiguration its
// requests use (QNetworkRequest::setSslConfiguration). Peer verification is
// always on (QSslSocket::VerifyPeer); nothing here ever relaxes it.
//
// A problem with a file is an error whose message names the file and says
// what is wrong with it; the configuration must then not be used. A client
// certificate that has expired, is not valid yet or expires within
// CertificateInfo::ExpiryWarningDays still loads (the administrator sees it,
// the server decides), with a warning.
//
// load() reads files: call it when a destination is saved or its sender
// starts, not per request. The result is a value, cheap to copy and safe to
// hand to another thread.
//
// Beware, Qt 6.4: QNetworkAccessManager reuses an open connection to the same
// scheme, host and port whatever the next request's QSslConfiguration (the
// second request rides the first one's client certificate and trust). Give
// each destination its own manager, and call clearConnectionCache() when its
// TLS settings change (tst_mtls shows both).
class TlsConfig
{
    Q_DECLARE_TR_FUNCTIONS(TlsConfig)

public:
    enum class Problem : quint8 {
        None,
        FileUnreadable,        // missing, a folder, or no permission
        NotACertificate,       // not PEM, DER or PKCS#12, or no certificate in it
        NotAPrivateKey,        // no RSA or EC private key in the key file
        KeyMissing,            // a PEM/DER certificate and no key anywhere
        KeyWithoutCertificate, // a key file but no certificate file
        UnexpectedKeyFile,     // a key file beside a PKCS#12 bundle, which has its own
        PassphraseRequired,    // an encrypted key or bundle, and no passphrase
        WrongPassphrase,       // or a damaged file: the TLS library cannot tell
        UnsupportedEncryption, // a PKCS#12 bundle with RC2/RC4 ("legacy") encryption
        KeyDoesNotMatchCertificate,
    };

    TlsConfig();

    static TlsConfig load(const TlsSettings &settings);

    bool isValid() const { return m_problem == Problem::None; }
    Problem problem() const { return m_problem; }
    QString problemFile() const { return m_problemFile; }
    // Translated; names the file and says what is wrong. Empty when valid.
    QString errorString() const { return m_error; }
    // Translated notes that do not stop delivery (an expired client certificate…).
    QStringList warnings() const { return m_warnings; }

    // The configuration for the destination's requests. When !isValid() it is
    // the system default (verification on, no client certificate): a caller
    // that ignores the error still never sends without verification.
    QSslConfiguration sslConfiguration() const { return m_configuration; }

    bool hasClientCertificate() const { return !m_clientCertificate.isNull(); }
    CertificateInfo clientCertificate() const { return m_clientCertificate; }
    // The configured bundle, or empty when the system store is used.
    QList<CertificateInfo> caCertificates() const { return m_caCertificates; }
    bool usesSystemCaStore() const { return m_caCertificates.isEmpty(); }

private:
    class Loader;

    QSslConfiguration m_configuration;
    CertificateInfo m_clientCertificate;
    QList<CertificateInfo> m_caCertificates;
    Problem m_problem = Problem::None;
    QString m_problemFile;
    QString m_error;
    QStringList m_warnings;
};

} // namespace outflow
