// TlsConfig and CertificateInfo on certificates made by openssl at run time.
#include "delivery/keypairmatch.h"
#include "delivery/tlsconfig.h"
#include "model/destination.h"
#include "support/processrunner.h"
#include "support/testpki.h"

#include <QDir>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTest>

using outflow::CertificateInfo;
using outflow::KeyPairMatch;
using outflow::TlsConfig;
using outflow::TlsSettings;
using outflow::test::TestPki;
using Problem = outflow::TlsConfig::Problem;

Q_DECLARE_METATYPE(outflow::TlsConfig::Problem)
Q_DECLARE_METATYPE(outflow::TlsSettings)

namespace {

TlsSettings clientSettings(const QString &certificate, const QString &key = {},
                           const QByteArray &passphrase = {})
{
    return TlsSettings{{}, certificate, key, passphrase};
}

QSslCertificate firstCertificate(const QString &path)
{
    return QSslCertificate::fromPath(path).value(0);
}

QSslKey keyFrom(const QString &path, QSsl::KeyAlgorithm algorithm)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QSslKey(&file, algorithm) : QSslKey();
}

} // namespace

class TestTlsConfig final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QSslSocket::supportsSsl(), "Qt's TLS backend is not available");
        QVERIFY2(m_pki.generate(), qPrintable(m_pki.errorString()));
    }

    void withoutFilesUsesTheSystemStoreAndVerifies()
    {
        const TlsConfig config = TlsConfig::load({});
        QVERIFY(config.isValid());
        QVERIFY(config.usesSystemCaStore());
        QVERIFY(!config.hasClientCertificate());
        QCOMPARE(config.sslConfiguration().peerVerifyMode(), QSslSocket::VerifyPeer);
        QVERIFY(config.sslConfiguration().localCertificate().isNull());
    }

    void loadsEveryFormOfTheClientIdentity_data()
    {
        QTest::addColumn<TlsSettings>("settings");
        QTest::addColumn<int>("chainLength");
        const QByteArray pass = TestPki::passphrase();
        QTest::newRow("PEM certificate + key")
            << clientSettings(m_pki.clientCertificate(), m_pki.clientKey()) << 1;
        QTest::newRow("PEM + encrypted PKCS#8 key")
            << clientSettings(m_pki.clientCertificate(), m_pki.encryptedClientKey(), pass) << 1;
        QTest::newRow("PEM + encrypted traditional key")
            << clientSettings(m_pki.clientCertificate(), m_pki.encryptedTraditionalClientKey(),
                              pass)
            << 1;
        QTest::newRow("certificate and key in one PEM")
            << clientSettings(m_pki.clientCertificateAndKey()) << 1;
        QTest::newRow("PKCS#12 with its CA") << clientSettings(m_pki.clientPkcs12(), {}, pass) << 2;
        QTest::newRow("DER certificate + PEM key")
            << clientSettings(derCopyOf(m_pki.clientCertificate()), m_pki.clientKey()) << 1;
        QTest::newRow("passphrase given for a plain key")
            << clientSettings(m_pki.clientCertificate(), m_pki.clientKey(), pass) << 1;
    }

    void loadsEveryFormOfTheClientIdentity()
    {
        QFETCH(TlsSettings, settings);
        QFETCH(int, chainLength);
        const TlsConfig config = TlsConfig::load(settings);
        QVERIFY2(config.isValid(), qPrintable(config.errorString()));
        QVERIFY(config.errorString().isEmpty());
        QVERIFY2(config.warnings().isEmpty(), qPrintable(config.warnings().join(u'\n')));
        QCOMPARE(config.clientCertificate().subjectCommonName, QStringLiteral("outflow-client"));
        const QSslConfiguration ssl = config.sslConfiguration();
        QCOMPARE(ssl.peerVerifyMode(), QSslSocket::VerifyPeer);
        QCOMPARE(ssl.localCertificate(), firstCertificate(m_pki.clientCertificate()));
        QCOMPARE(ssl.localCertificateChain().size(), chainLength);
        QVERIFY(!ssl.privateKey().isNull());
        QCOMPARE(ssl.privateKey().algorithm(), QSsl::Rsa);
        QCOMPARE(outflow::matchKeyToCertificate(ssl.privateKey(), ssl.localCertificate()),
                 KeyPairMatch::Matches);
    }

    void reportsEachProblemNamingTheFile_data()
    {
        QTest::addColumn<TlsSettings>("settings");
        QTest::addColumn<Problem>("problem");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("wording");
        const QByteArray pass = TestPki::passphrase();
        const QString missing = m_pki.path(QStringLiteral("no-such-file.pem"));
        const QString text = writeFile(QStringLiteral("notes.txt"), "just some text\n");
        const QString cert = m_pki.clientCertificate();

        QTest::newRow("missing certificate") << clientSettings(missing, m_pki.clientKey())
                                             << Problem::FileUnreadable << missing << "Cannot read";
        QTest::newRow("certificate path is a folder")
            << clientSettings(m_pki.directory(), m_pki.clientKey()) << Problem::FileUnreadable
            << m_pki.directory() << "folder";
        QTest::newRow("missing key")
            << clientSettings(cert, missing) << Problem::FileUnreadable << missing << "Cannot read";
        QTest::newRow("missing key, good CA bundle")
            << TlsSettings{m_pki.caCertificate(), cert, missing, {}} << Problem::FileUnreadable
            << missing << "Cannot read";
        QTest::newRow("missing CA bundle") << TlsSettings{missing, {}, {}, {}}
                                           << Problem::FileUnreadable << missing << "Cannot read";
        QTest::newRow("text as certificate") << clientSettings(text, m_pki.clientKey())
                                             << Problem::NotACertificate << text << "neither";
        QTest::newRow("key as certificate")
            << clientSettings(m_pki.clientKey(), m_pki.clientKey()) << Problem::NotACertificate
            << m_pki.clientKey() << "no certificate";
        QTest::newRow("text as CA bundle")
            << TlsSettings{text, {}, {}, {}} << Problem::NotACertificate << text << "CA bundle";
        QTest::newRow("certificate as key")
            << clientSettings(cert, cert) << Problem::NotAPrivateKey << cert << "no private key";
        QTest::newRow("text as key")
            << clientSettings(cert, text) << Problem::NotAPrivateKey << text << "no RSA or EC";
        QTest::newRow("certificate without key")
            << clientSettings(cert) << Problem::KeyMissing << cert << "no private key";
        QTest::newRow("key without certificate")
            << clientSettings({}, m_pki.clientKey()) << Problem::KeyWithoutCertificate
            << m_pki.clientKey() << "no client certificate";
        QTest::newRow("encrypted key, no passphrase")
            << clientSettings(cert, m_pki.encryptedClientKey()) << Problem::PassphraseRequired
            << m_pki.encryptedClientKey() << "no passphrase";
        QTest::newRow("encrypted key, wrong passphrase")
            << clientSettings(cert, m_pki.encryptedClientKey(), "wrong") << Problem::WrongPassphrase
            << m_pki.encryptedClientKey() << "does not decrypt";
        QTest::newRow("traditional encrypted key, wrong passphrase")
            << clientSettings(cert, m_pki.encryptedTraditionalClientKey(), "wrong")
            << Problem::WrongPassphrase << m_pki.encryptedTraditionalClientKey()
            << "does not decrypt";
        QTest::newRow("PKCS#12, wrong passphrase")
            << clientSettings(m_pki.clientPkcs12(), {}, "wrong") << Problem::WrongPassphrase
            << m_pki.clientPkcs12() << "does not open";
        QTest::newRow("PKCS#12, no passphrase")
            << clientSettings(m_pki.clientPkcs12()) << Problem::PassphraseRequired
            << m_pki.clientPkcs12() << "without a passphrase";
        QTest::newRow("PKCS#12 and a key file")
            << clientSettings(m_pki.clientPkcs12(), m_pki.clientKey(), pass)
            << Problem::UnexpectedKeyFile << m_pki.clientKey() << "its own private key";
        QTest::newRow("RSA certificate, EC key")
            << clientSettings(cert, m_pki.otherCaClientKey()) << Problem::KeyDoesNotMatchCertificate
            << m_pki.otherCaClientKey() << "does not belong";
        QTest::newRow("EC certificate, another EC key")
            << clientSettings(m_pki.expiredClientCertificate(), m_pki.soonExpiringClientKey())
            << Problem::KeyDoesNotMatchCertificate << m_pki.soonExpiringClientKey()
            << "does not belong";
    }

    void reportsEachProblemNamingTheFile()
    {
        QFETCH(TlsSettings, settings);
        QFETCH(Problem, problem);
        QFETCH(QString, file);
        QFETCH(QString, wording);
        const TlsConfig config = TlsConfig::load(settings);
        QVERIFY(!config.isValid());
        QCOMPARE(config.problem(), problem);
        QCOMPARE(config.problemFile(), file);
        QVERIFY2(config.errorString().contains(QDir::toNativeSeparators(file)),
                 qPrintable(config.errorString()));
        QVERIFY2(config.errorString().contains(wording, Qt::CaseInsensitive),
                 qPrintable(config.errorString()));
        // Even unusable, the configuration verifies and presents nothing.
        QCOMPARE(config.sslConfiguration().peerVerifyMode(), QSslSocket::VerifyPeer);
        QVERIFY(config.sslConfiguration().localCertificate().isNull());
        QVERIFY(!config.hasClientCertificate());
        QVERIFY(config.usesSystemCaStore());
        QVERIFY(config.warnings().isEmpty());
    }

    // Qt 6.4 does not load OpenSSL 3's legacy provider, so RC2-encrypted
    // bundles (OpenSSL 1.x, `-legacy`) cannot be read: say so, and how to fix it.
    void explainsAnUnreadableLegacyPkcs12()
    {
        const TlsConfig config =
            TlsConfig::load(clientSettings(m_pki.legacyClientPkcs12(), {}, TestPki::passphrase()));
        if (config.isValid()) {
            // This system's TLS library still reads RC2 bundles: then the
            // bundle must load completely, certificate and key.
            QVERIFY(config.hasClientCertificate());
            QVERIFY(!config.sslConfiguration().privateKey().isNull());
            return;
        }
        QCOMPARE(config.problem(), Problem::UnsupportedEncryption);
        QVERIFY(config.errorString().contains(m_pki.legacyClientPkcs12()));
        QVERIFY(config.errorString().contains(QLatin1String("-legacy")));
    }

    void aCaBundleReplacesTheSystemStore()
    {
        const QString bundle =
            writeFile(QStringLiteral("bundle.pem"), readFile(m_pki.otherCaCertificate()) + "\n" +
                                                        readFile(m_pki.caCertificate()));
        const TlsConfig config = TlsConfig::load(TlsSettings{bundle, {}, {}, {}});
        QVERIFY2(config.isValid(), qPrintable(config.errorString()));
        QVERIFY(!config.usesSystemCaStore());
        QCOMPARE(config.caCertificates().size(), 2);
        QCOMPARE(config.caCertificates().at(0).subjectCommonName, QStringLiteral("Other Test CA"));
        QCOMPARE(config.caCertificates().at(1).subjectCommonName,
                 QStringLiteral("Outflow Test CA"));
        const QList<QSslCertificate> authorities = config.sslConfiguration().caCertificates();
        QCOMPARE(authorities.size(), 2);
        QVERIFY(authorities.contains(firstCertificate(m_pki.caCertificate())));
    }

    void anExpiredClientCertificateLoadsWithAWarning()
    {
        const TlsConfig config = TlsConfig::load(
            clientSettings(m_pki.expiredClientCertificate(), m_pki.expiredClientKey()));
        QVERIFY2(config.isValid(), qPrintable(config.errorString()));
        const CertificateInfo info = config.clientCertificate();
        QVERIFY(info.isExpired());
        QVERIFY(info.expiresWithinDays(CertificateInfo::ExpiryWarningDays));
        QVERIFY(info.daysUntilExpiry() < 0);
        QCOMPARE(info.notAfter, QDateTime(QDate(2020, 2, 1), QTime(0, 0), Qt::UTC));
        QCOMPARE(config.warnings().size(), 1);
        QVERIFY(config.warnings().constFirst().contains(m_pki.expiredClientCertificate()));
        QVERIFY(config.warnings().constFirst().contains(QLatin1String("expired on 2020-02-01")));
        QVERIFY(!config.sslConfiguration().localCertificate().isNull());
    }

    void aCertificateExpiringSoonLoadsWithAWarning()
    {
        const TlsConfig config = TlsConfig::load(
            clientSettings(m_pki.soonExpiringClientCertificate(), m_pki.soonExpiringClientKey()));
        QVERIFY2(config.isValid(), qPrintable(config.errorString()));
        const CertificateInfo info = config.clientCertificate();
        QVERIFY(!info.isExpired());
        QVERIFY(info.expiresWithinDays(30));
        QVERIFY(!info.expiresWithinDays(5));
        QVERIFY(info.daysUntilExpiry() == 9 || info.daysUntilExpiry() == 10);
        QCOMPARE(config.warnings().size(), 1);
        QVERIFY2(config.warnings().constFirst().contains(QLatin1String("expires in")),
                 qPrintable(config.warnings().constFirst()));
    }

    void certificateInfoDescribesTheCertificate()
    {
        const QSslCertificate certificate = firstCertificate(m_pki.clientCertificate());
        const CertificateInfo info = CertificateInfo::fromCertificate(certificate);
        QCOMPARE(info.subjectCommonName, QStringLiteral("outflow-client"));
        QCOMPARE(info.issuerCommonName, QStringLiteral("Outflow Test CA"));
        QCOMPARE(info.dnsNames, QStringList{QStringLiteral("client.example.com")});
        QCOMPARE(info.ipAddresses, QStringList{QStringLiteral("10.0.0.7")});
        QCOMPARE(info.emailAddresses, QStringList{QStringLiteral("ops@example.com")});
        QCOMPARE(info.subjectAlternativeNamesText(),
                 QStringLiteral("DNS:client.example.com, IP:10.0.0.7, email:ops@example.com"));
        QCOMPARE(info.notBefore.timeSpec(), Qt::UTC);
        QCOMPARE(info.notBefore.daysTo(info.notAfter), 365);
        QVERIFY(!info.selfSigned);
        QVERIFY(!info.serialNumber.isEmpty());
        QCOMPARE(info.sha256Fingerprint.size(), 32);
        // The same fingerprint `openssl x509 -fingerprint -sha256` shows.
        const auto result = outflow::test::runProcess(
            QStandardPaths::findExecutable(QStringLiteral("openssl")),
            {QStringLiteral("x509"), QStringLiteral("-noout"), QStringLiteral("-fingerprint"),
             QStringLiteral("-sha256"), QStringLiteral("-in"), m_pki.clientCertificate()});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out.trimmed().section(u'=', 1), info.fingerprintHex());
        QVERIFY(
            CertificateInfo::fromCertificate(firstCertificate(m_pki.caCertificate())).selfSigned);
        QVERIFY(CertificateInfo::fromCertificate(QSslCertificate()).isNull());
    }

    void expiryHelpersCountFromTheGivenInstant()
    {
        CertificateInfo info;
        info.sha256Fingerprint = QByteArray(32, 'x'); // not null
        info.notBefore = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
        info.notAfter = QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC);
        const auto at = [](int month, int day, int hour = 0) {
            return QDateTime(QDate(2026, month, day), QTime(hour, 0), Qt::UTC);
        };
        QVERIFY(info.isNotYetValid(at(1, 1).addSecs(-1)));
        QVERIFY(!info.isNotYetValid(at(1, 1)));
        QVERIFY(!info.expiresWithinDays(30, at(1, 29, 23)));
        QVERIFY(info.expiresWithinDays(30, at(1, 30, 1)));
        QCOMPARE(info.daysUntilExpiry(at(2, 1)), 28);
        QVERIFY(!info.isExpired(at(3, 1)));
        QVERIFY(info.isExpired(at(3, 1, 1)));
        QCOMPARE(info.daysUntilExpiry(at(3, 1, 1)), -1);
        QVERIFY(info.expiresWithinDays(30, at(6, 1)));
        QVERIFY(!CertificateInfo().isExpired());
        QVERIFY(!CertificateInfo().expiresWithinDays(30));
    }

    void settingsComeFromTheDestination()
    {
        outflow::Destination destination;
        destination.clientCertPath = QStringLiteral("/c.pem");
        destination.clientKeyPath = QStringLiteral("/k.pem");
        destination.caCertPath = QStringLiteral("/ca.pem");
        const TlsSettings settings = TlsSettings::fromDestination(destination, "secret");
        QCOMPARE(settings.clientCertificatePath, destination.clientCertPath);
        QCOMPARE(settings.clientKeyPath, destination.clientKeyPath);
        QCOMPARE(settings.caBundlePath, destination.caCertPath);
        QCOMPARE(settings.keyPassphrase, QByteArray("secret"));
    }

    void keyPairMatchReadsRsaAndEc()
    {
        const QSslCertificate rsa = firstCertificate(m_pki.clientCertificate());
        const QSslCertificate ec = firstCertificate(m_pki.expiredClientCertificate());
        QCOMPARE(outflow::matchKeyToCertificate(keyFrom(m_pki.clientKey(), QSsl::Rsa), rsa),
                 KeyPairMatch::Matches);
        QCOMPARE(outflow::matchKeyToCertificate(keyFrom(m_pki.expiredClientKey(), QSsl::Ec), ec),
                 KeyPairMatch::Matches);
        QCOMPARE(outflow::matchKeyToCertificate(keyFrom(m_pki.serverKey(), QSsl::Ec), ec),
                 KeyPairMatch::DoesNotMatch);
        QCOMPARE(outflow::matchKeyToCertificate(QSslKey(), ec), KeyPairMatch::Unknown);
    }

private:
    QString writeFile(const QString &name, const QByteArray &contents)
    {
        const QString path = m_pki.path(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    static QByteArray readFile(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QString derCopyOf(const QString &pemPath)
    {
        return writeFile(QStringLiteral("client.der"), firstCertificate(pemPath).toDer());
    }

    TestPki m_pki;
};

QTEST_GUILESS_MAIN(TestTlsConfig)
#include "tst_tlsconfig.moc"
