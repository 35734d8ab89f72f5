// What outflowctl shows about a destination's TLS and authentication (issue
// #16): `destination show` names the client certificate (CN, SANs, issuer,
// validity, days left), and `destination test` reports the token outcome, the
// server's certificate chain and the client certificate, never a token.
// Against a real nginx (mTLS) and a loopback token endpoint.
#include "support/httptestreceiver.h"
#include "support/nginxserver.h"
#include "support/processrunner.h"
#include "support/testpki.h"
#include "testconfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace outflow;
using namespace outflow::test;
using namespace Qt::StringLiterals;

namespace {
const QString outflowctlBinary = QStringLiteral(OUTFLOW_CLI_BINARY);

struct Finished
{
    int exitCode = -1;
    QString out;
    QString err;
};
} // namespace

class TestCliProbe final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!NginxServer::isInstalled())
            QFAIL(
                "nginx is not installed: tools/test.sh installs it from tools/debian-packages.txt");
        QVERIFY2(m_pki.generate(), qPrintable(m_pki.errorString()));
        NginxOptions options;
        options.http = false;
        options.https = true;
        options.certificatePath = m_pki.serverCertificate();
        options.keyPath = m_pki.serverKey();
        options.clientCaPath = m_pki.caCertificate();
        m_nginx = std::make_unique<NginxServer>(options);
        QVERIFY2(m_nginx->start(), qPrintable(m_nginx->errorString()));
    }
    void cleanupTestCase() { m_nginx.reset(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_receiver = std::make_unique<HttpTestReceiver>();
        QVERIFY(m_receiver->listen());
    }

    void showNamesTheClientCertificate()
    {
        QVERIFY2(add(u"Mtls"_s, m_pki.clientCertificate(), m_pki.clientKey()).exitCode == 0,
                 qPrintable(m_lastErr));
        const Finished json = outflowctl({u"--json"_s, u"destination"_s, u"show"_s, u"Mtls"_s});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject certificate = QJsonDocument::fromJson(json.out.toUtf8())
                                            .object()
                                            .value(u"clientCertificate"_s)
                                            .toObject();
        QCOMPARE(certificate.value(u"commonName"_s).toString(), u"outflow-client"_s);
        QCOMPARE(certificate.value(u"issuer"_s).toString(), u"Outflow Test CA"_s);
        const QJsonArray sans = certificate.value(u"subjectAltNames"_s).toArray();
        for (const QString &san :
             {u"DNS:client.example.com"_s, u"IP:10.0.0.7"_s, u"email:ops@example.com"_s})
            QVERIFY2(sans.contains(san), qPrintable(san));
        const qint64 days = certificate.value(u"daysLeft"_s).toInteger();
        QVERIFY2(days >= 360 && days <= 366, qPrintable(QString::number(days)));
        QCOMPARE(certificate.value(u"expired"_s).toBool(), false);
        QVERIFY(!certificate.value(u"notAfter"_s).toString().isEmpty());

        const Finished text = outflowctl({u"destination"_s, u"show"_s, u"Mtls"_s});
        QVERIFY2(text.out.contains(u"Client certificate: CN outflow-client, issued by Outflow "
                                   u"Test CA"_s),
                 qPrintable(text.out));
        QVERIFY2(text.out.contains(u"DNS:client.example.com"_s), qPrintable(text.out));
        QVERIFY2(text.out.contains(u"%1 days left"_s.arg(days)), qPrintable(text.out));
    }

    void showSaysWhenTheCertificateHasExpired()
    {
        const Finished added =
            add(u"Old"_s, m_pki.expiredClientCertificate(), m_pki.expiredClientKey());
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QVERIFY2(added.err.contains(u"expired"_s), qPrintable(added.err)); // TlsConfig's warning
        const QJsonObject certificate =
            QJsonDocument::fromJson(
                outflowctl({u"--json"_s, u"destination"_s, u"show"_s, u"Old"_s}).out.toUtf8())
                .object()
                .value(u"clientCertificate"_s)
                .toObject();
        QCOMPARE(certificate.value(u"commonName"_s).toString(), u"expired-client"_s);
        QCOMPARE(certificate.value(u"expired"_s).toBool(), true);
        QVERIFY(certificate.value(u"daysLeft"_s).toInteger() < -300);
        QVERIFY(certificate.value(u"notAfter"_s).toString().startsWith(u"2020-02-01"_s));
        const Finished text = outflowctl({u"destination"_s, u"show"_s, u"Old"_s});
        QVERIFY2(text.out.contains(u"Client certificate: CN expired-client"_s) &&
                     text.out.contains(u"days ago)"_s),
                 qPrintable(text.out));
    }

    // The probe over mTLS: the server's chain, the client certificate.
    void testReportsTheServerChainAndTheClientCertificate()
    {
        QVERIFY2(add(u"Mtls"_s, m_pki.clientCertificate(), m_pki.clientKey()).exitCode == 0,
                 qPrintable(m_lastErr));
        const Finished json = outflowctl({u"--json"_s, u"destination"_s, u"test"_s, u"Mtls"_s});
        QVERIFY2(json.exitCode == 0, qPrintable(json.out + json.err));
        const QJsonObject report = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(report.value(u"status"_s).toInt(), 200);
        const QJsonArray chain = report.value(u"serverCertificates"_s).toArray();
        QVERIFY2(!chain.isEmpty(), qPrintable(json.out));
        QCOMPARE(chain.at(0)[u"subject"_s].toString(), u"127.0.0.1"_s);
        QCOMPARE(chain.at(0)[u"issuer"_s].toString(), u"Outflow Test CA"_s);
        QVERIFY(!chain.at(0)[u"notAfter"_s].toString().isEmpty());
        QCOMPARE(report.value(u"clientCertificate"_s)[u"commonName"_s].toString(),
                 u"outflow-client"_s);
        QCOMPARE(report.value(u"token"_s)[u"auth"_s].toString(), u"none"_s);
        QCOMPARE(report.value(u"token"_s)[u"obtained"_s].toBool(), false);

        const Finished text = outflowctl({u"destination"_s, u"test"_s, u"Mtls"_s});
        QVERIFY2(text.out.contains(u"server certificate: 127.0.0.1, issued by Outflow Test CA"_s),
                 qPrintable(text.out));
        QVERIFY2(text.out.contains(u"client certificate: CN outflow-client"_s),
                 qPrintable(text.out));
    }

    // OAuth2: the lifetime and refreshability of the token, never the token;
    // a refused token request says why.
    void testReportsTheTokenOutcome()
    {
        const QByteArray token = "at-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        bool refuse = false;
        m_receiver->setHandler([&](const ReceivedRequest &request, int) {
            if (!request.target.startsWith("/token"))
                return request.header("Authorization") == "Bearer " + token
                           ? Reply()
                           : Reply::withStatus(401);
            if (refuse)
                return Reply::withStatus(401, R"({"error":"invalid_client"})");
            Reply reply = Reply::withStatus(
                200, R"({"access_token":")" + token +
                         R"(","token_type":"Bearer","expires_in":3600,"refresh_token":"rt-1"})");
            reply.headers.append(
                qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
            return reply;
        });
        const Finished added =
            outflowctl({u"destination"_s, u"add"_s, u"--name"_s, u"OAuth"_s, u"--endpoint"_s,
                        m_receiver->url().toString(), u"--auth"_s, u"oauth2-client-credentials"_s,
                        u"--token-url"_s, m_receiver->url(u"/token"_s).toString(), u"--client-id"_s,
                        u"outflow"_s},
                       {{u"OUTFLOW_CLIENT_SECRET"_s, u"client-secret-value"_s}});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));

        Finished json = outflowctl({u"--json"_s, u"destination"_s, u"test"_s, u"OAuth"_s});
        QVERIFY2(json.exitCode == 0, qPrintable(json.out + json.err));
        QVERIFY(!json.out.contains(QString::fromLatin1(token)));
        QJsonObject tokenReport =
            QJsonDocument::fromJson(json.out.toUtf8()).object().value(u"token"_s).toObject();
        QCOMPARE(tokenReport.value(u"auth"_s).toString(), u"oauth2-client-credentials"_s);
        QCOMPARE(tokenReport.value(u"obtained"_s).toBool(), true);
        QCOMPARE(tokenReport.value(u"lifetimeSeconds"_s).toInteger(), 3600);
        QCOMPARE(tokenReport.value(u"refreshable"_s).toBool(), true);
        QVERIFY(tokenReport.value(u"failure"_s).toString().isEmpty());
        const Finished text = outflowctl({u"destination"_s, u"test"_s, u"OAuth"_s});
        QVERIFY2(text.out.contains(u"auth: oauth2-client-credentials, token obtained (expires in "
                                   u"3600 s, refreshable)"_s),
                 qPrintable(text.out));

        refuse = true;
        json = outflowctl({u"--json"_s, u"destination"_s, u"test"_s, u"OAuth"_s});
        QCOMPARE(json.exitCode, 1);
        tokenReport =
            QJsonDocument::fromJson(json.out.toUtf8()).object().value(u"token"_s).toObject();
        QCOMPARE(tokenReport.value(u"obtained"_s).toBool(), false);
        QCOMPARE(tokenReport.value(u"failureReason"_s).toString(), u"rejected"_s);
        QVERIFY2(tokenReport.value(u"failure"_s).toString().contains(u"invalid_client"_s),
                 qPrintable(json.out));
        QVERIFY(!json.out.contains(u"client-secret-value"_s));
    }

    // set-secret key-passphrase checks the key opens with it before saving.
    void aWrongKeyPassphraseIsRefused()
    {
        const QString passphrase = QString::fromLatin1(TestPki::passphrase());
        const Finished added =
            outflowctl({u"destination"_s, u"add"_s, u"--name"_s, u"Locked"_s, u"--endpoint"_s,
                        m_nginx->httpsUrl(u"/mtls"_s).toString(), u"--client-cert"_s,
                        m_pki.clientCertificate(), u"--client-key"_s, m_pki.encryptedClientKey(),
                        u"--ca-cert"_s, m_pki.caCertificate()},
                       {{u"OUTFLOW_KEY_PASSPHRASE"_s, passphrase}});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const QStringList setSecret{u"destination"_s, u"set-secret"_s, u"Locked"_s,
                                    u"key-passphrase"_s};
        const Finished wrong =
            outflowctl(setSecret, {{u"OUTFLOW_KEY_PASSPHRASE"_s, u"not the passphrase"_s}});
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY2(wrong.err.contains(u"passphrase"_s, Qt::CaseInsensitive), qPrintable(wrong.err));
        QVERIFY(!wrong.err.contains(u"not the passphrase"_s));
        const Finished right = outflowctl(setSecret, {{u"OUTFLOW_KEY_PASSPHRASE"_s, passphrase}});
        QVERIFY2(right.exitCode == 0, qPrintable(right.err));
        const Finished test = outflowctl({u"destination"_s, u"test"_s, u"Locked"_s});
        QVERIFY2(test.exitCode == 0 && test.out.contains(u"status: HTTP 200"_s),
                 qPrintable(test.out + test.err));
        QCOMPARE(outflowctl({u"destination"_s, u"remove"_s, u"Locked"_s}).exitCode, 0);
    }

private:
    Finished add(const QString &name, const QString &certificate, const QString &key)
    {
        const Finished added =
            outflowctl({u"destination"_s, u"add"_s, u"--name"_s, name, u"--endpoint"_s,
                        m_nginx->httpsUrl(u"/mtls"_s).toString(), u"--client-cert"_s, certificate,
                        u"--client-key"_s, key, u"--ca-cert"_s, m_pki.caCertificate()});
        m_lastErr = added.err;
        return added;
    }

    // Runs outflowctl while this thread's event loop (the receiver) runs.
    Finished outflowctl(QStringList arguments, const QHash<QString, QString> &variables = {})
    {
        arguments.prepend(m_dir->filePath(u"store.db"_s));
        arguments.prepend(u"--store"_s);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"OUTFLOW_BEARER_TOKEN", "OUTFLOW_CLIENT_SECRET",
                                 "OUTFLOW_PASSWORD", "OUTFLOW_KEY_PASSPHRASE"})
            environment.remove(QString::fromLatin1(name));
        for (auto it = variables.cbegin(); it != variables.cend(); ++it)
            environment.insert(it.key(), it.value());
        environment.insert(u"LANGUAGE"_s, u"en"_s);
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(outflowctlBinary, arguments);
        process.closeWriteChannel();
        Finished result;
        if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 30000)) {
            process.kill();
            process.waitForFinished();
            result.err = u"timed out"_s;
            return result;
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    TestPki m_pki;
    std::unique_ptr<NginxServer> m_nginx;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HttpTestReceiver> m_receiver;
    QString m_lastErr;
};

QTEST_GUILESS_MAIN(TestCliProbe)
#include "tst_cli_probe.moc"
