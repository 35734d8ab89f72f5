// TlsFailure::diagnose on evidence filled in by hand: the sentences an
// administrator reads for each TLS failure (tst_mtls checks real ones).
#include "delivery/tlsfailure.h"
#include "support/testpki.h"

#include <QSslCertificate>
#include <QTest>

using outflow::CertificateInfo;
using outflow::TlsFailure;
using Kind = outflow::TlsFailure::Kind;
using Evidence = outflow::TlsFailure::Evidence;
using outflow::test::TestPki;

Q_DECLARE_METATYPE(outflow::TlsFailure::Kind)
Q_DECLARE_METATYPE(outflow::TlsFailure::Evidence)

namespace {

const QByteArray NginxNoCertificate =
    "<html>\r\n<head><title>400 No required SSL certificate was sent</title></head>\r\n";
const QByteArray NginxCertificateError =
    "<html>\r\n<head><title>400 The SSL certificate error</title></head>\r\n";

QStringList words(std::initializer_list<const char *> texts)
{
    QStringList list;
    for (const char *text : texts)
        list.append(QString::fromUtf8(text));
    return list;
}

} // namespace

class TestTlsFailure final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(m_pki.generate(), qPrintable(m_pki.errorString()));
        m_server = QSslCertificate::fromPath(m_pki.serverCertificate()).value(0);
        m_client = CertificateInfo::fromCertificate(
            QSslCertificate::fromPath(m_pki.clientCertificate()).value(0));
        m_expiredClient = CertificateInfo::fromCertificate(
            QSslCertificate::fromPath(m_pki.expiredClientCertificate()).value(0));
        QVERIFY(!m_server.isNull() && !m_client.isNull() && !m_expiredClient.isNull());
    }

    void diagnoses_data()
    {
        QTest::addColumn<Evidence>("evidence");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QStringList>("wording");
        const auto handshakeFailure = [this](QList<QSslError::SslError> errors, bool bundle) {
            Evidence evidence;
            evidence.error = QNetworkReply::SslHandshakeFailedError;
            evidence.errorString = QStringLiteral("SSL handshake failed");
            evidence.host = QStringLiteral("api.example.com");
            evidence.caBundleConfigured = bundle;
            for (const QSslError::SslError error : errors)
                evidence.sslErrors.append(QSslError(error, m_server));
            return evidence;
        };
        const auto answer = [](int status, const QByteArray &body, const CertificateInfo &client) {
            Evidence evidence;
            evidence.error = QNetworkReply::ProtocolInvalidOperationError;
            evidence.httpStatus = status;
            evidence.responseBody = body;
            evidence.clientCertificate = client;
            return evidence;
        };
        const auto closed = [](QNetworkReply::NetworkError error, const QString &text,
                               const CertificateInfo &client) {
            Evidence evidence;
            evidence.error = error;
            evidence.errorString = text;
            evidence.clientCertificate = client;
            return evidence;
        };

        QTest::newRow("unknown issuer, system store")
            << handshakeFailure({QSslError::UnableToGetLocalIssuerCertificate,
                                 QSslError::UnableToVerifyFirstCertificate},
                                false)
            << Kind::ServerCertificateUntrusted
            << words({"not trusted", "Outflow Test CA", "set the destination's CA bundle"});
        QTest::newRow("unknown issuer, CA bundle")
            << handshakeFailure({QSslError::UnableToGetLocalIssuerCertificate}, true)
            << Kind::ServerCertificateUntrusted
            << words({"not trusted", "not issued by a CA in the destination's CA bundle"});
        QTest::newRow("name mismatch listed after trust")
            << handshakeFailure({QSslError::HostNameMismatch, QSslError::SelfSignedCertificate},
                                false)
            << Kind::ServerCertificateUntrusted << words({"not trusted"});
        QTest::newRow("name mismatch")
            << handshakeFailure({QSslError::HostNameMismatch}, true) << Kind::HostNameMismatch
            << words({"Host name mismatch", "CN=127.0.0.1; DNS:localhost, IP:127.0.0.1",
                      "not api.example.com"});
        QTest::newRow("expired server certificate")
            << handshakeFailure({QSslError::CertificateExpired}, true)
            << Kind::ServerCertificateExpired << words({"expired on", "127.0.0.1"});
        QTest::newRow("server certificate not yet valid")
            << handshakeFailure({QSslError::CertificateNotYetValid}, true)
            << Kind::ServerCertificateExpired << words({"not valid before", "clocks"});
        QTest::newRow("revoked server certificate")
            << handshakeFailure({QSslError::CertificateRevoked}, true)
            << Kind::ServerCertificateInvalid << words({"rejected"});
        QTest::newRow("nginx: no certificate, none configured")
            << answer(400, NginxNoCertificate, {}) << Kind::ClientCertificateRequired
            << words({"requires a client certificate", "none is configured"});
        QTest::newRow("nginx: no certificate, one configured")
            << answer(400, NginxNoCertificate, m_client) << Kind::ClientCertificateRequired
            << words({"did not receive", "outflow-client"});
        QTest::newRow("nginx: certificate error")
            << answer(400, NginxCertificateError, m_client) << Kind::ClientCertificateRefused
            << words({"refused the client certificate", "does not trust its issuer",
                      "Outflow Test CA"});
        QTest::newRow("nginx: expired certificate")
            << answer(400, NginxCertificateError, m_expiredClient) << Kind::ClientCertificateRefused
            << words({"expired on 2020-02-01", "Renew"});
        QTest::newRow("status 495") << answer(495, {}, m_client) << Kind::ClientCertificateRefused
                                    << words({"refused the client certificate"});
        QTest::newRow("status 496") << answer(496, {}, {}) << Kind::ClientCertificateRequired
                                    << words({"requires a client certificate"});
        QTest::newRow("another 400")
            << answer(400, "{\"error\":\"bad field\"}", m_client) << Kind::None << QStringList();
        QTest::newRow("TLS 1.3 alert: certificate required")
            << closed(QNetworkReply::RemoteHostClosedError,
                      QStringLiteral("error:0A00045C:SSL routines::tlsv13 alert certificate "
                                     "required"),
                      {})
            << Kind::ClientCertificateRequired << words({"none is configured"});
        QTest::newRow("alert: unknown ca")
            << closed(QNetworkReply::SslHandshakeFailedError,
                      QStringLiteral("error:0A000418:SSL routines::tlsv1 alert unknown ca"),
                      m_client)
            << Kind::ClientCertificateRefused
            << words({"refused the client certificate", "alert unknown ca"});
        QTest::newRow("no shared protocol")
            << closed(QNetworkReply::SslHandshakeFailedError,
                      QStringLiteral("error:0A000102:SSL routines::unsupported protocol"), {})
            << Kind::HandshakeFailed << words({"handshake", "unsupported protocol"});
        QTest::newRow("connection refused")
            << closed(QNetworkReply::ConnectionRefusedError, QStringLiteral("Connection refused"),
                      m_client)
            << Kind::None << QStringList();
        QTest::newRow("server error")
            << answer(503, "busy", m_client) << Kind::None << QStringList();
    }

    void diagnoses()
    {
        QFETCH(Evidence, evidence);
        QFETCH(Kind, kind);
        QFETCH(QStringList, wording);
        const TlsFailure failure = TlsFailure::diagnose(evidence);
        QCOMPARE(failure.kind(), kind);
        QCOMPARE(failure.isTlsFailure(), kind != Kind::None);
        QCOMPARE(failure.message().isEmpty(), kind == Kind::None);
        for (const QString &words : std::as_const(wording))
            QVERIFY2(failure.message().contains(words), qPrintable(failure.message()));
        // DESIGN §6: the advice is to fix certificates, never to stop verifying.
        for (const char *forbidden : {"disable", "ignore", "insecure", "skip"})
            QVERIFY2(!failure.message().contains(QLatin1String(forbidden), Qt::CaseInsensitive),
                     qPrintable(failure.message()));
    }

    void kindsHaveStableIdentifiers()
    {
        Evidence evidence;
        evidence.sslErrors = {QSslError(QSslError::HostNameMismatch, m_server)};
        QCOMPARE(TlsFailure::diagnose(evidence).kindId(), QStringLiteral("host-name-mismatch"));
        QCOMPARE(TlsFailure::diagnose(Evidence()).kindId(), QStringLiteral("none"));
    }

private:
    TestPki m_pki;
    QSslCertificate m_server;
    CertificateInfo m_client;
    CertificateInfo m_expiredClient;
};

QTEST_GUILESS_MAIN(TestTlsFailure)
#include "tst_tlsfailure.moc"
