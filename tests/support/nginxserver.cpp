#include "nginxserver.h"

#include <algorithm>
#include <csignal>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QTcpServer>
#include <QTcpSocket>
#include <unistd.h>
#include <vector>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace outflow::test {

namespace {

constexpr int MaxPortAttempts = 5;

// A double-quoted nginx string, so that paths with spaces survive.
QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QUrl loopbackUrl(const QString &scheme, quint16 port, const QString &path)
{
    QUrl url;
    url.setScheme(scheme);
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port);
    url.setPath(path);
    return url;
}

} // namespace

NginxLocation NginxLocation::ok(const QString &match)
{
    return {match, QStringLiteral("return 200 \"ok\\n\";")};
}

NginxLocation NginxLocation::status(const QString &match, int httpStatus)
{
    return {match, QStringLiteral("return %1;").arg(httpStatus)};
}

NginxLocation NginxLocation::delayed(const QString &match, int milliseconds)
{
    return {match, QStringLiteral("echo_read_request_body; echo_sleep %1; echo ok;")
                       .arg(milliseconds / 1000.0, 0, 'f', 3)};
}

NginxServer::NginxServer(NginxOptions options)
    : m_options(std::move(options))
{
    if (m_options.locations.isEmpty())
        m_options.locations.append(NginxLocation::ok());
    for (const NginxLocation &location : std::as_const(m_options.locations)) {
        if (location.directives.contains(QLatin1String("echo")))
            m_options.echoModule = true;
    }
}

NginxServer::~NginxServer()
{
    stop();
}

bool NginxServer::isInstalled()
{
    return QFileInfo(executable()).isExecutable();
}

bool NginxServer::start(int timeoutMs)
{
    if (!isInstalled()) {
        m_error = executable() + QStringLiteral(" is not installed");
        return false;
    }
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary folder: ") + m_dir.errorString();
        return false;
    }
    if (m_options.https && (m_options.certificatePath.isEmpty() || m_options.keyPath.isEmpty())) {
        m_error = QStringLiteral("https needs NginxOptions::certificatePath and keyPath");
        return false;
    }
    for (int attempt = 0; attempt < MaxPortAttempts; ++attempt) {
        if (!pickPorts())
            return false;
        switch (startOnce(timeoutMs)) {
        case Attempt::Started:
            return true;
        case Attempt::Failed:
            return false;
        case Attempt::PortTaken:
            break; // another process took a port between pickPorts() and nginx's bind()
        }
    }
    m_error = QStringLiteral("no free port after %1 attempts: ").arg(MaxPortAttempts) + errorLog();
    return false;
}

// Free ports: bind port 0, read the port the kernel chose, let it go. Every
// server stays open until all ports are read, so that the ports differ.
bool NginxServer::pickPorts()
{
    std::vector<std::unique_ptr<QTcpServer>> holders;
    const auto pick = [this, &holders](bool wanted, quint16 &port) {
        port = 0;
        if (!wanted)
            return true;
        auto holder = std::make_unique<QTcpServer>();
        if (!holder->listen(QHostAddress::LocalHost, 0)) {
            m_error = QStringLiteral("cannot find a free port: ") + holder->errorString();
            return false;
        }
        port = holder->serverPort();
        holders.push_back(std::move(holder));
        return true;
    };
    return pick(m_options.http, m_httpPort) && pick(m_options.h2c, m_h2cPort) &&
           pick(m_options.https, m_httpsPort);
}

NginxServer::Attempt NginxServer::startOnce(int timeoutMs)
{
    const QString configPath = m_dir.filePath(QStringLiteral("nginx.conf"));
    const QString pidPath = m_dir.filePath(QStringLiteral("nginx.pid"));
    m_configuration = makeConfiguration();
    QFile config(configPath);
    if (!config.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        config.write(m_configuration.toUtf8()) < 0) {
        m_error = QStringLiteral("cannot write ") + configPath;
        return Attempt::Failed;
    }
    config.close();
    QFile::remove(pidPath);
    QFile::remove(m_dir.filePath(QStringLiteral("error.log")));

    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(m_dir.filePath(QStringLiteral("output.log")));
#ifdef Q_OS_LINUX
    // Should the test process die, the kernel sends the master SIGTERM, and
    // the master stops its workers: no nginx outlives a crashed test.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    // -e: the error log from the first line on; the compiled-in
    // /var/log/nginx/error.log is not writable for a normal user.
    m_process->start(executable(), {QStringLiteral("-p"), m_dir.path() + QLatin1Char('/'),
                                    QStringLiteral("-c"), configPath, QStringLiteral("-e"),
                                    m_dir.filePath(QStringLiteral("error.log"))});
    if (!m_process->waitForStarted(timeoutMs)) {
        m_error = QStringLiteral("cannot start nginx: ") + m_process->errorString();
        m_process.reset();
        return Attempt::Failed;
    }

    const QList<quint16> ports{m_httpPort, m_h2cPort, m_httpsPort};
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning) {
            const QString log = errorLog();
            m_process.reset();
            if (log.contains(QLatin1String("Address already in use")))
                return Attempt::PortTaken;
            m_error = QStringLiteral("nginx exited at start:\n") + log;
            return Attempt::Failed;
        }
        // nginx writes its pid file once every listening socket is bound; a
        // connection then proves the port is nginx's.
        if (QFileInfo::exists(pidPath) &&
            std::all_of(ports.cbegin(), ports.cend(),
                        [this](quint16 port) { return port == 0 || acceptsConnections(port); }))
            return Attempt::Started;
        m_process->waitForFinished(20); // returns at once if nginx exits
    }
    m_error = QStringLiteral("nginx did not accept connections within %1 ms:\n").arg(timeoutMs) +
              errorLog();
    stop();
    return Attempt::Failed;
}

bool NginxServer::acceptsConnections(quint16 port) const
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    const bool connected = socket.waitForConnected(1000);
    socket.abort();
    return connected;
}

QString NginxServer::makeConfiguration() const
{
    const auto inDir = [this](const QString &name) { return quoted(m_dir.filePath(name)); };
    QString text;
    if (m_options.echoModule)
        text += QStringLiteral("load_module %1;\n").arg(quoted(echoModulePath()));
    text += QStringLiteral("daemon off;\n");
    if (m_options.workerProcesses <= 0) {
        text += QStringLiteral("master_process off;\n");
    } else {
        text += QStringLiteral("master_process on;\nworker_processes %1;\n")
                    .arg(m_options.workerProcesses);
    }
    // A master started by root switches its workers to `nobody`, which cannot
    // enter the private temporary folder. A normal user's workers keep its id.
    if (::geteuid() == 0)
        text += QStringLiteral("user root;\n");
    text += QStringLiteral("pid %1;\nerror_log %2 info;\n")
                .arg(inDir(QStringLiteral("nginx.pid")), inDir(QStringLiteral("error.log")));
    text += QStringLiteral("events { worker_connections %1; }\n").arg(m_options.workerConnections);
    text += QStringLiteral("http {\n");
    if (!m_options.accessLog) {
        text += QStringLiteral("    access_log off;\n");
    } else if (m_options.accessLogFormat.isEmpty()) {
        text += QStringLiteral("    access_log %1;\n").arg(inDir(QStringLiteral("access.log")));
    } else {
        // Double-quoted like the paths: variables still expand inside.
        text += QStringLiteral("    log_format outflow %1;\n    access_log %2 outflow;\n")
                    .arg(quoted(m_options.accessLogFormat), inDir(QStringLiteral("access.log")));
    }
    for (const char *kind : {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"}) {
        const QString name = QString::fromLatin1(kind);
        text += QStringLiteral("    %1_temp_path %2;\n")
                    .arg(name, inDir(name + QStringLiteral("_temp")));
    }
    text += QStringLiteral("    default_type text/plain;\n    keepalive_requests %1;\n")
                .arg(m_options.keepaliveRequests);
    text += QStringLiteral("    server {\n");
    const QString address = QStringLiteral("        listen 127.0.0.1:%1%2;\n");
    if (m_httpPort != 0)
        text += address.arg(m_httpPort).arg(QString());
    if (m_h2cPort != 0)
        text += address.arg(m_h2cPort).arg(QStringLiteral(" http2"));
    if (m_httpsPort != 0) {
        text +=
            address.arg(m_httpsPort)
                .arg(m_options.httpsHttp2 ? QStringLiteral(" ssl http2") : QStringLiteral(" ssl"));
        text += QStringLiteral("        ssl_certificate %1;\n        ssl_certificate_key %2;\n")
                    .arg(quoted(m_options.certificatePath), quoted(m_options.keyPath));
        if (!m_options.clientCaPath.isEmpty())
            text += QStringLiteral("        ssl_client_certificate %1;\n"
                                   "        ssl_verify_client on;\n")
                        .arg(quoted(m_options.clientCaPath));
    }
    for (const NginxLocation &location : m_options.locations)
        text +=
            QStringLiteral("        location %1 { %2 }\n").arg(location.match, location.directives);
    if (!m_options.extraServerDirectives.isEmpty())
        text += QStringLiteral("        ") + m_options.extraServerDirectives + QLatin1Char('\n');
    text += QStringLiteral("    }\n}\n");
    return text;
}

void NginxServer::stop(int timeoutMs)
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        // SIGQUIT: graceful shutdown (workers finish their requests); SIGTERM:
        // fast shutdown; SIGKILL only if both hang.
        ::kill(pid_t(m_process->processId()), SIGQUIT);
        if (!m_process->waitForFinished(timeoutMs)) {
            m_process->terminate();
            if (!m_process->waitForFinished(timeoutMs)) {
                m_process->kill();
                m_process->waitForFinished();
            }
        }
    }
    m_process.reset();
}

bool NginxServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

qint64 NginxServer::masterPid() const
{
    return m_process ? m_process->processId() : 0;
}

QUrl NginxServer::httpUrl(const QString &path) const
{
    return loopbackUrl(QStringLiteral("http"), m_httpPort, path);
}

QUrl NginxServer::h2cUrl(const QString &path) const
{
    return loopbackUrl(QStringLiteral("http"), m_h2cPort, path);
}

QUrl NginxServer::httpsUrl(const QString &path) const
{
    return loopbackUrl(QStringLiteral("https"), m_httpsPort, path);
}

QString NginxServer::errorLog() const
{
    return readText(m_dir.filePath(QStringLiteral("output.log"))) +
           readText(m_dir.filePath(QStringLiteral("error.log")));
}

QString NginxServer::accessLog() const
{
    return readText(m_dir.filePath(QStringLiteral("access.log")));
}

} // namespace outflow::test
