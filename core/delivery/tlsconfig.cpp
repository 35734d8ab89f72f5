#include "tlsconfig.h"

#include "delivery/keypairmatch.h"
#include "model/destination.h"
#include "store/storemaintenance.h"

#include <optional>
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

namespace outflow {

namespace {

// Certificates and keys are a few KiB; a bundle of every public CA is ~200 KiB.
// The cap keeps a wrong path (a log, /dev/zero) from being read whole.
constexpr qint64 MaxTlsFileBytes = qint64(8) * 1024 * 1024;

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

QString shownDate(const QDateTime &utc)
{
    return utc.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

bool looksLikePem(const QByteArray &data)
{
    return data.contains("-----BEGIN ");
}

bool hasPkcs12Extension(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("p12") || suffix == QLatin1String("pfx");
}

// The first PEM block whose label ends with "PRIVATE KEY" (PKCS#8, its
// encrypted form, or the "RSA"/"EC" traditional forms), headers included:
// a PEM file may also hold certificates.
QByteArray privateKeyPemBlock(const QByteArray &pem)
{
    static constexpr QByteArrayView begin("-----BEGIN ");
    static constexpr QByteArrayView dashes("-----");
    for (qsizetype start = pem.indexOf(begin); start >= 0; start = pem.indexOf(begin, start + 1)) {
        const qsizetype labelStart = start + begin.size();
        const qsizetype labelEnd = pem.indexOf(dashes, labelStart);
        if (labelEnd < 0)
            return {};
        const QByteArray label = pem.mid(labelStart, labelEnd - labelStart);
        if (!label.endsWith("PRIVATE KEY"))
            continue;
        const QByteArray endMarker = "-----END " + label + "-----";
        const qsizetype end = pem.indexOf(endMarker, labelEnd);
        if (end < 0)
            return {};
        return pem.mid(start, end + endMarker.size() - start) + '\n';
    }
    return {};
}

// "BEGIN ENCRYPTED PRIVATE KEY" (PKCS#8) or "Proc-Type: 4,ENCRYPTED" (traditional).
bool isEncryptedPemKey(const QByteArray &block)
{
    return block.contains("ENCRYPTED");
}

// PKCS#12 files written by OpenSSL 1.x (and by OpenSSL 3 with -legacy, and
// older Windows exports) encrypt with pbeWithSHA1And{128,40}BitRC4 or
// pbeWithSHA1And{128,40}BitRC2-CBC (OIDs 1.2.840.113549.1.12.1.{1,2,5,6}),
// which OpenSSL 3 reads only with its legacy provider, and Qt does not load it.
// The algorithm identifiers sit outside the encrypted parts, so the bytes show them.
bool usesLegacyPkcs12Encryption(const QByteArray &der)
{
    static constexpr QByteArrayView pkcs12PbeOidPrefix(
        "\x06\x0a\x2a\x86\x48\x86\xf7\x0d\x01\x0c\x01");
    for (qsizetype at = der.indexOf(pkcs12PbeOidPrefix); at >= 0;
         at = der.indexOf(pkcs12PbeOidPrefix, at + 1)) {
        const qsizetype last = at + pkcs12PbeOidPrefix.size();
        if (last < der.size()) {
            const char algorithm = der.at(last);
            if (algorithm == 1 || algorithm == 2 || algorithm == 5 || algorithm == 6)
                return true;
        }
    }
    return false;
}

} // namespace

TlsSettings TlsSettings::fromDestination(const Destination &destination,
                                         const QByteArray &keyPassphrase)
{
    return TlsSettings{destination.caCertPath, destination.clientCertPath,
                       destination.clientKeyPath, keyPassphrase};
}

// One load: fills a TlsConfig, stopping at the first problem.
class TlsConfig::Loader
{
public:
    Loader(const TlsSettings &settings, TlsConfig &result)
        : m_settings(settings)
        , m_result(result)
    {}

    void run()
    {
        QSslConfiguration configuration = m_result.m_configuration; // the verifying default
        if (loadCaBundle(configuration) && loadClientIdentity(configuration)) {
            m_result.m_configuration = configuration;
            return;
        }
        // Unusable: nothing half-loaded stays visible beside the default configuration.
        m_result.m_clientCertificate = {};
        m_result.m_caCertificates.clear();
        m_result.m_warnings.clear();
    }

private:
    bool fail(Problem problem, const QString &file, const QString &message)
    {
        m_result.m_problem = problem;
        m_result.m_problemFile = file;
        m_result.m_error = message;
        return false;
    }

    std::optional<QByteArray> readFile(const QString &path)
    {
        if (QFileInfo(path).isDir()) {
            fail(Problem::FileUnreadable, path,
                 TlsConfig::tr("%1 is a folder, not a certificate or key file.").arg(shown(path)));
            return std::nullopt;
        }
        // A descriptor of an open store's file, closed again, would drop the
        // store connection's locks (issue #23): such a path is refused unread.
        if (StoreMaintenance::isOpenStoreFile(path)) {
            fail(Problem::NotACertificate, path,
                 TlsConfig::tr("%1 is Outflow's store, not a certificate or key file.")
                     .arg(shown(path)));
            return std::nullopt;
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            fail(Problem::FileUnreadable, path,
                 TlsConfig::tr("Cannot read %1: %2.").arg(shown(path), file.errorString()));
            return std::nullopt;
        }
        QByteArray data = file.read(MaxTlsFileBytes + 1);
        if (data.size() > MaxTlsFileBytes) {
            fail(
                Problem::NotACertificate, path,
                TlsConfig::tr("%1 is too large to be a certificate or key file.").arg(shown(path)));
            return std::nullopt;
        }
        return data;
    }

    bool loadCaBundle(QSslConfiguration &configuration)
    {
        const QString &path = m_settings.caBundlePath;
        if (path.isEmpty())
            return true; // the system store, through Qt's default configuration
        const auto data = readFile(path);
        if (!data)
            return false;
        QList<QSslCertificate> authorities = looksLikePem(*data)
                                                 ? QSslCertificate::fromData(*data, QSsl::Pem)
                                                 : QSslCertificate::fromData(*data, QSsl::Der);
        if (authorities.isEmpty())
            return fail(Problem::NotACertificate, path,
                        TlsConfig::tr("%1 holds no certificate: a CA bundle is a PEM file with "
                                      "one or more \"-----BEGIN CERTIFICATE-----\" blocks.")
                            .arg(shown(path)));
        // Replaces the system store, and stops Qt from loading system roots on demand.
        configuration.setCaCertificates(authorities);
        for (const QSslCertificate &authority : std::as_const(authorities))
            m_result.m_caCertificates.append(CertificateInfo::fromCertificate(authority));
        return true;
    }

    bool loadClientIdentity(QSslConfiguration &configuration)
    {
        const QString &certificatePath = m_settings.clientCertificatePath;
        const QString &keyPath = m_settings.clientKeyPath;
        if (certificatePath.isEmpty()) {
            if (!keyPath.isEmpty())
                return fail(Problem::KeyWithoutCertificate, keyPath,
                            TlsConfig::tr("A private key (%1) is set but no client certificate: "
                                          "set the certificate file too.")
                                .arg(shown(keyPath)));
            return true;
        }
        const auto data = readFile(certificatePath);
        if (!data)
            return false;

        QList<QSslCertificate> chain;
        QSslKey key;
        if (looksLikePem(*data)) {
            chain = QSslCertificate::fromData(*data, QSsl::Pem);
            if (chain.isEmpty())
                return fail(Problem::NotACertificate, certificatePath,
                            TlsConfig::tr("%1 holds no certificate (no \"-----BEGIN "
                                          "CERTIFICATE-----\" block).")
                                .arg(shown(certificatePath)));
            if (!loadSeparateOrEmbeddedKey(*data, chain.constFirst(), key))
                return false;
        } else if (const QSslCertificate der(*data, QSsl::Der);
                   !der.isNull() && !hasPkcs12Extension(certificatePath)) {
            chain = {der};
            if (!loadSeparateOrEmbeddedKey({}, der, key))
                return false;
        } else if (hasPkcs12Extension(certificatePath) || data->startsWith('\x30')) {
            if (!loadPkcs12(*data, chain, key))
                return false;
        } else {
            return fail(Problem::NotACertificate, certificatePath,
                        TlsConfig::tr("%1 is neither a certificate (PEM or DER) nor a PKCS#12 "
                                      "bundle (.p12, .pfx).")
                            .arg(shown(certificatePath)));
        }

        configuration.setLocalCertificateChain(chain); // the certificate first
        configuration.setPrivateKey(key);
        m_result.m_clientCertificate = CertificateInfo::fromCertificate(chain.constFirst());
        warnAboutValidity(m_result.m_clientCertificate);
        return true;
    }

    // The key from the key file, or else from the certificate's own PEM file.
    bool loadSeparateOrEmbeddedKey(const QByteArray &certificatePem,
                                   const QSslCertificate &certificate, QSslKey &key)
    {
        QString keyPath = m_settings.clientKeyPath;
        QByteArray keyData;
        if (keyPath.isEmpty()) {
            keyPath = m_settings.clientCertificatePath;
            keyData = privateKeyPemBlock(certificatePem);
            if (keyData.isEmpty())
                return fail(Problem::KeyMissing, keyPath,
                            TlsConfig::tr("%1 holds a certificate but no private key: set the "
                                          "private key file.")
                                .arg(shown(keyPath)));
        } else {
            const auto data = readFile(keyPath);
            if (!data)
                return false;
            keyData = *data;
        }
        const auto parsed = parsePrivateKey(keyData, keyPath);
        if (!parsed)
            return false;
        if (matchKeyToCertificate(*parsed, certificate) == KeyPairMatch::DoesNotMatch)
            return fail(Problem::KeyDoesNotMatchCertificate, keyPath,
                        TlsConfig::tr("The private key in %1 does not belong to the certificate "
                                      "in %2 (%3): choose the key made with that certificate.")
                            .arg(shown(keyPath), shown(m_settings.clientCertificatePath),
                                 certificate.subjectDisplayName()));
        key = *parsed;
        return true;
    }

    std::optional<QSslKey> parsePrivateKey(const QByteArray &data, const QString &path)
    {
        QByteArray encoded = data;
        QSsl::EncodingFormat format = QSsl::Der;
        if (looksLikePem(data)) {
            encoded = privateKeyPemBlock(data);
            format = QSsl::Pem;
            if (encoded.isEmpty()) {
                fail(Problem::NotAPrivateKey, path,
                     TlsConfig::tr("%1 holds no private key (no \"-----BEGIN … PRIVATE "
                                   "KEY-----\" block).")
                         .arg(shown(path)));
                return std::nullopt;
            }
        }
        const bool encrypted = format == QSsl::Pem && isEncryptedPemKey(encoded);
        // Never hand an encrypted key to the TLS library without a passphrase:
        // OpenSSL's fallback would prompt on the terminal.
        if (encrypted && m_settings.keyPassphrase.isEmpty()) {
            fail(Problem::PassphraseRequired, path,
                 TlsConfig::tr("The private key in %1 is encrypted and no passphrase is set.")
                     .arg(shown(path)));
            return std::nullopt;
        }
        const QByteArray passphrase = encrypted ? m_settings.keyPassphrase : QByteArray();
        for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
            const QSslKey key(encoded, algorithm, format, QSsl::PrivateKey, passphrase);
            if (!key.isNull())
                return key;
        }
        if (encrypted)
            fail(Problem::WrongPassphrase, path,
                 TlsConfig::tr("The passphrase does not decrypt the private key in %1.")
                     .arg(shown(path)));
        else
            fail(Problem::NotAPrivateKey, path,
                 TlsConfig::tr("%1 holds no RSA or EC private key that can be read.")
                     .arg(shown(path)));
        return std::nullopt;
    }

    bool loadPkcs12(const QByteArray &data, QList<QSslCertificate> &chain, QSslKey &key)
    {
        const QString &path = m_settings.clientCertificatePath;
        if (!m_settings.clientKeyPath.isEmpty())
            return fail(Problem::UnexpectedKeyFile, m_settings.clientKeyPath,
                        TlsConfig::tr("%1 is a PKCS#12 bundle, which holds its own private key: "
                                      "leave the private key file (%2) empty.")
                            .arg(shown(path), shown(m_settings.clientKeyPath)));
        QSslCertificate certificate;
        QList<QSslCertificate> authorities;
        QByteArray bytes = data; // importPkcs12 reads a device; the bytes are already here
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        if (!QSslCertificate::importPkcs12(&buffer, &key, &certificate, &authorities,
                                           m_settings.keyPassphrase)) {
            if (usesLegacyPkcs12Encryption(data))
                return fail(Problem::UnsupportedEncryption, path,
                            TlsConfig::tr("The PKCS#12 bundle %1 is encrypted with RC2 or RC4, "
                                          "which this system's TLS library no longer reads. "
                                          "Export it again with AES encryption (OpenSSL 3: "
                                          "openssl pkcs12 -export without -legacy).")
                                .arg(shown(path)));
            if (m_settings.keyPassphrase.isEmpty())
                return fail(Problem::PassphraseRequired, path,
                            TlsConfig::tr("The PKCS#12 bundle %1 cannot be opened without a "
                                          "passphrase, and none is set.")
                                .arg(shown(path)));
            return fail(Problem::WrongPassphrase, path,
                        TlsConfig::tr("The passphrase does not open the PKCS#12 bundle %1 (or "
                                      "the file is not a valid PKCS#12 bundle).")
                            .arg(shown(path)));
        }
        if (certificate.isNull() || key.isNull())
            return fail(Problem::NotACertificate, path,
                        TlsConfig::tr("The PKCS#12 bundle %1 does not hold both a certificate "
                                      "and its private key.")
                            .arg(shown(path)));
        chain = QList<QSslCertificate>{certificate} + authorities;
        return true;
    }

    void warnAboutValidity(const CertificateInfo &info)
    {
        const QString path = shown(m_settings.clientCertificatePath);
        const QString name = info.subjectDisplayName;
        if (info.isExpired())
            m_result.m_warnings.append(
                TlsConfig::tr("The client certificate %1 (%2) expired on %3: servers will "
                              "refuse it. Renew it.")
                    .arg(path, name, shownDate(info.notAfter)));
        else if (info.isNotYetValid())
            m_result.m_warnings.append(
                TlsConfig::tr("The client certificate %1 (%2) is not valid before %3.")
                    .arg(path, name, shownDate(info.notBefore)));
        else if (info.expiresWithinDays(CertificateInfo::ExpiryWarningDays))
            m_result.m_warnings.append(
                TlsConfig::tr("The client certificate %1 (%2) expires in %n day(s), on %3.",
                              nullptr, int(info.daysUntilExpiry()))
                    .arg(path, name, shownDate(info.notAfter)));
    }

    const TlsSettings &m_settings;
    TlsConfig &m_result;
};

TlsConfig::TlsConfig()
    : m_configuration(QSslConfiguration::defaultConfiguration())
{
    m_configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
}

TlsConfig TlsConfig::load(const TlsSettings &settings)
{
    TlsConfig result;
    Loader(settings, result).run();
    return result;
}

} // namespace outflow
