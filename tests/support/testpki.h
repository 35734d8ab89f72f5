#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

namespace outflow::test {

// A throwaway PKI made with the `openssl` command line (OpenSSL 3.0) in a
// temporary folder, for TLS and mTLS tests and benchmarks. Nothing is
// checked in: certificates never expire in the repository, and the keys are
// new every run. About a second on a slow machine (one RSA key, EC for the rest).
//
//   TestPki pki;
//   QVERIFY2(pki.generate(), qPrintable(pki.errorString()));
//   server: pki.serverCertificate(), pki.serverKey(), client CA pki.caCertificate()
//
// Every file is PEM unless named otherwise; keys are unencrypted unless
// named "encrypted". Passphrase-protected files use passphrase().
class TestPki
{
public:
    TestPki();

    // False, with errorString(), when openssl is missing or a step failed.
    bool generate();
    QString errorString() const { return m_error; }
    QString directory() const { return m_dir.path(); }
    static QByteArray passphrase() { return QByteArrayLiteral("outflow test passphrase"); }

    // "Outflow Test CA" (EC P-256), ten years: issues everything below
    // unless said otherwise.
    QString caCertificate() const { return path(QStringLiteral("ca.pem")); }
    // "Other Test CA", unrelated to the first.
    QString otherCaCertificate() const { return path(QStringLiteral("other-ca.pem")); }

    // CN=127.0.0.1, subjectAltName IP:127.0.0.1 and DNS:localhost, serverAuth.
    QString serverCertificate() const { return path(QStringLiteral("server.pem")); }
    QString serverKey() const { return path(QStringLiteral("server.key")); }

    // CN=outflow-client, O=Outflow, RSA 2048, one year, clientAuth;
    // subjectAltName DNS:client.example.com, IP:10.0.0.7, email:ops@example.com.
    QString clientCertificate() const { return path(QStringLiteral("client.pem")); }
    QString clientKey() const { return path(QStringLiteral("client.key")); }
    QString encryptedClientKey() const { return path(QStringLiteral("client-encrypted.key")); }
    // "-----BEGIN RSA PRIVATE KEY-----" with "Proc-Type: 4,ENCRYPTED" (OpenSSL 1.x style).
    QString encryptedTraditionalClientKey() const
    {
        return path(QStringLiteral("client-encrypted-traditional.key"));
    }
    // The client certificate, its key and the CA, AES-256 (OpenSSL 3's default).
    QString clientPkcs12() const { return path(QStringLiteral("client.p12")); }
    // The same with `-legacy` (RC2-40 certificates, 3DES key), as OpenSSL 1.x made them.
    QString legacyClientPkcs12() const { return path(QStringLiteral("client-legacy.p12")); }
    // The client certificate followed by its key, in one PEM file.
    QString clientCertificateAndKey() const { return path(QStringLiteral("client-combined.pem")); }

    // CN=expired-client (EC), valid 2020-01-01 to 2020-02-01, issued by the CA.
    QString expiredClientCertificate() const { return path(QStringLiteral("expired.pem")); }
    QString expiredClientKey() const { return path(QStringLiteral("expired.key")); }
    // CN=soon-client (EC), valid for 10 more days.
    QString soonExpiringClientCertificate() const { return path(QStringLiteral("soon.pem")); }
    QString soonExpiringClientKey() const { return path(QStringLiteral("soon.key")); }
    // CN=other-client (EC), issued by the other CA.
    QString otherCaClientCertificate() const { return path(QStringLiteral("other-client.pem")); }
    QString otherCaClientKey() const { return path(QStringLiteral("other-client.key")); }

    QString path(const QString &fileName) const { return m_dir.filePath(fileName); }

private:
    bool openssl(const QStringList &arguments);
    bool makeCa(const QString &name, const QString &commonName);
    bool makeKeyAndRequest(const QString &name, const QString &subject, bool rsa);
    bool signWithCa(const QString &name, const QString &ca, const QString &days,
                    const QStringList &extensions);
    bool makeExpiredClient();
    bool makeClientFiles();
    bool concatenate(const QStringList &sources, const QString &target);

    QTemporaryDir m_dir;
    QString m_openssl;
    QString m_error;
};

} // namespace outflow::test
