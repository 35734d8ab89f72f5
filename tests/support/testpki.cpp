#include "testpki.h"

#include "support/processrunner.h"

#include <QFile>
#include <QStandardPaths>

namespace outflow::test {

namespace {

// Passphrases reach openssl through the environment, not its command line.
const QString PassphraseVariable = QStringLiteral("OUTFLOW_TEST_PKI_PASSPHRASE");

// Our own configuration, so that Debian's /etc/ssl/openssl.cnf (whose
// `req -x509` default marks every certificate as a CA) adds nothing: each
// certificate gets exactly the extensions named with -addext. The [ca] part
// serves `openssl ca`, the one command that takes validity dates in the past.
QByteArray opensslConfig(const QString &directory)
{
    return QStringLiteral(R"([req]
distinguished_name = req_dn
[req_dn]
[ca]
default_ca = test_ca
[test_ca]
dir = %1
database = $dir/index.txt
new_certs_dir = $dir
serial = $dir/serial
default_md = sha256
policy = any_policy
unique_subject = no
x509_extensions = client_ext
[any_policy]
commonName = supplied
[client_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = clientAuth
)")
        .arg(directory)
        .toUtf8();
}

bool writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(contents) == contents.size();
}

} // namespace

TestPki::TestPki()
    : m_openssl(QStandardPaths::findExecutable(QStringLiteral("openssl")))
{}

bool TestPki::generate()
{
    if (m_openssl.isEmpty()) {
        m_error = QStringLiteral("the openssl command is not installed");
        return false;
    }
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary folder: ") + m_dir.errorString();
        return false;
    }
    if (!writeFile(path(QStringLiteral("openssl.cnf")), opensslConfig(m_dir.path())) ||
        !writeFile(path(QStringLiteral("index.txt")), {}) ||
        !writeFile(path(QStringLiteral("serial")), "1000\n")) {
        m_error = QStringLiteral("cannot write in ") + m_dir.path();
        return false;
    }
    const QStringList serverExtensions{QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost"),
                                       QStringLiteral("basicConstraints=critical,CA:FALSE"),
                                       QStringLiteral("extendedKeyUsage=serverAuth")};
    const QStringList clientExtensions{QStringLiteral("basicConstraints=critical,CA:FALSE"),
                                       QStringLiteral("extendedKeyUsage=clientAuth")};
    return makeCa(QStringLiteral("ca"), QStringLiteral("Outflow Test CA")) &&
           makeCa(QStringLiteral("other-ca"), QStringLiteral("Other Test CA")) &&
           makeKeyAndRequest(QStringLiteral("server"), QStringLiteral("/CN=127.0.0.1"), false) &&
           signWithCa(QStringLiteral("server"), QStringLiteral("ca"), QStringLiteral("30"),
                      serverExtensions) &&
           makeClientFiles() &&
           makeKeyAndRequest(QStringLiteral("soon"), QStringLiteral("/CN=soon-client"), false) &&
           signWithCa(QStringLiteral("soon"), QStringLiteral("ca"), QStringLiteral("10"),
                      clientExtensions) &&
           makeKeyAndRequest(QStringLiteral("other-client"), QStringLiteral("/CN=other-client"),
                             false) &&
           signWithCa(QStringLiteral("other-client"), QStringLiteral("other-ca"),
                      QStringLiteral("365"), clientExtensions) &&
           makeExpiredClient();
}

bool TestPki::openssl(const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(PassphraseVariable, QString::fromLatin1(passphrase()));
    environment.insert(QStringLiteral("OPENSSL_CONF"), path(QStringLiteral("openssl.cnf")));
    const ProcessResult result = runProcess(m_openssl, arguments, environment);
    if (result.finished && result.exitStatus == QProcess::NormalExit && result.exitCode == 0)
        return true;
    m_error = QStringLiteral("openssl ") + arguments.join(QLatin1Char(' ')) +
              QStringLiteral(" failed: ") + result.err;
    return false;
}

bool TestPki::makeCa(const QString &name, const QString &commonName)
{
    return openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                    QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-noenc"),
                    QStringLiteral("-keyout"), path(name + QStringLiteral(".key")),
                    QStringLiteral("-out"), path(name + QStringLiteral(".pem")),
                    QStringLiteral("-days"), QStringLiteral("3650"), QStringLiteral("-subj"),
                    QStringLiteral("/CN=") + commonName, QStringLiteral("-addext"),
                    QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
                    QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")});
}

bool TestPki::makeKeyAndRequest(const QString &name, const QString &subject, bool rsa)
{
    QStringList arguments{QStringLiteral("req"), QStringLiteral("-newkey")};
    if (rsa)
        arguments << QStringLiteral("rsa:2048");
    else
        arguments << QStringLiteral("ec") << QStringLiteral("-pkeyopt")
                  << QStringLiteral("ec_paramgen_curve:P-256");
    arguments << QStringLiteral("-noenc") << QStringLiteral("-keyout")
              << path(name + QStringLiteral(".key")) << QStringLiteral("-out")
              << path(name + QStringLiteral(".csr")) << QStringLiteral("-subj") << subject;
    return openssl(arguments);
}

bool TestPki::signWithCa(const QString &name, const QString &ca, const QString &days,
                         const QStringList &extensions)
{
    QStringList arguments{QStringLiteral("req"),    QStringLiteral("-x509"),
                          QStringLiteral("-in"),    path(name + QStringLiteral(".csr")),
                          QStringLiteral("-CA"),    path(ca + QStringLiteral(".pem")),
                          QStringLiteral("-CAkey"), path(ca + QStringLiteral(".key")),
                          QStringLiteral("-days"),  days,
                          QStringLiteral("-out"),   path(name + QStringLiteral(".pem"))};
    for (const QString &extension : extensions)
        arguments << QStringLiteral("-addext") << extension;
    return openssl(arguments);
}

// OpenSSL 3.0's `x509 -req` and `req -x509` have no validity start in the
// past (-not_before arrives in 3.4); `openssl ca -startdate -enddate` has.
bool TestPki::makeExpiredClient()
{
    return makeKeyAndRequest(QStringLiteral("expired"), QStringLiteral("/CN=expired-client"),
                             false) &&
           openssl({QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-notext"),
                    QStringLiteral("-config"), path(QStringLiteral("openssl.cnf")),
                    QStringLiteral("-cert"), caCertificate(), QStringLiteral("-keyfile"),
                    path(QStringLiteral("ca.key")), QStringLiteral("-in"),
                    path(QStringLiteral("expired.csr")), QStringLiteral("-out"),
                    expiredClientCertificate(), QStringLiteral("-startdate"),
                    QStringLiteral("20200101000000Z"), QStringLiteral("-enddate"),
                    QStringLiteral("20200201000000Z")});
}

// The RSA client and every other form of it: encrypted keys, PKCS#12, one file.
bool TestPki::makeClientFiles()
{
    const QString passIn = QStringLiteral("env:") + PassphraseVariable;
    return makeKeyAndRequest(QStringLiteral("client"),
                             QStringLiteral("/O=Outflow/CN=outflow-client"), true) &&
           signWithCa(QStringLiteral("client"), QStringLiteral("ca"), QStringLiteral("365"),
                      {QStringLiteral("subjectAltName=DNS:client.example.com,IP:10.0.0.7,"
                                      "email:ops@example.com"),
                       QStringLiteral("basicConstraints=critical,CA:FALSE"),
                       QStringLiteral("extendedKeyUsage=clientAuth")}) &&
           openssl({QStringLiteral("pkey"), QStringLiteral("-in"), clientKey(),
                    QStringLiteral("-aes256"), QStringLiteral("-passout"), passIn,
                    QStringLiteral("-out"), encryptedClientKey()}) &&
           openssl({QStringLiteral("rsa"), QStringLiteral("-in"), clientKey(),
                    QStringLiteral("-aes256"), QStringLiteral("-traditional"),
                    QStringLiteral("-passout"), passIn, QStringLiteral("-out"),
                    encryptedTraditionalClientKey()}) &&
           openssl({QStringLiteral("pkcs12"), QStringLiteral("-export"), QStringLiteral("-in"),
                    clientCertificate(), QStringLiteral("-inkey"), clientKey(),
                    QStringLiteral("-certfile"), caCertificate(), QStringLiteral("-passout"),
                    passIn, QStringLiteral("-out"), clientPkcs12()}) &&
           openssl({QStringLiteral("pkcs12"), QStringLiteral("-export"), QStringLiteral("-legacy"),
                    QStringLiteral("-in"), clientCertificate(), QStringLiteral("-inkey"),
                    clientKey(), QStringLiteral("-passout"), passIn, QStringLiteral("-out"),
                    legacyClientPkcs12()}) &&
           concatenate({clientCertificate(), clientKey()}, clientCertificateAndKey());
}

bool TestPki::concatenate(const QStringList &sources, const QString &target)
{
    QByteArray contents;
    for (const QString &source : sources) {
        QFile file(source);
        if (!file.open(QIODevice::ReadOnly)) {
            m_error = QStringLiteral("cannot read ") + source;
            return false;
        }
        contents += file.readAll();
    }
    if (writeFile(target, contents))
        return true;
    m_error = QStringLiteral("cannot write ") + target;
    return false;
}

} // namespace outflow::test
