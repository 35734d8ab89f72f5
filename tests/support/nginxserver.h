#pragma once

#include <memory>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

namespace outflow::test {

// One `location` block: what follows the word `location`, and its directives.
struct NginxLocation
{
    QString match;      // "/", "= /exports", "/slow"
    QString directives; // inside the braces, each ending with ';'

    // 200 "ok\n" at once. nginx's `return` reads and discards a request
    // body before answering, so POSTs on a kept-alive connection stay in step.
    static NginxLocation ok(const QString &match = QStringLiteral("/"));
    // Any status (with an empty body), the body discarded the same way.
    static NginxLocation status(const QString &match, int httpStatus);
    // Reads the whole body, waits `milliseconds` without holding a worker,
    // then answers 200 "ok\n" (echo module: echo_read_request_body, echo_sleep).
    // A WAN-like endpoint for benchmarks.
    static NginxLocation delayed(const QString &match, int milliseconds);
};

struct NginxOptions
{
    // Listeners, each on its own free port of 127.0.0.1.
    bool http = true;   // cleartext HTTP/1.1
    bool h2c = false;   // cleartext HTTP/2 with prior knowledge only (`listen … http2`)
    bool https = false; // TLS; HTTP/1.1, and HTTP/2 through ALPN when httpsHttp2
    bool httpsHttp2 = true;

    // PEM files for `https`: the server's certificate (chain) and key.
    QString certificatePath;
    QString keyPath;
    // Set: `ssl_verify_client on` with this CA file. nginx then answers 400
    // ("No required SSL certificate was sent" / "The SSL certificate error")
    // to requests without a good client certificate.
    QString clientCaPath;

    // 0: `master_process off`, one process doing everything. Benchmarks
    // want as many workers as cores left free beside the client.
    int workerProcesses = 1;
    int workerConnections = 4096;
    int keepaliveRequests = 1000000; // nginx's 1000 would reconnect during benchmarks
    bool accessLog = false;          // accessLog() then shows every request
    // With accessLog: the line format (nginx `log_format` syntax, e.g.
    // "$status $http_x_outflow_export_id"); empty: nginx's "combined". The
    // kill -9 delivery harness counts export ids received with it.
    QString accessLogFormat;
    // Load ngx_http_echo_module; delayed() locations need it (start() turns it
    // on by itself when a location uses an echo_ directive).
    bool echoModule = false;

    QList<NginxLocation> locations; // empty: NginxLocation::ok("/")
    // Appended inside `server { … }`. Benchmarks with many HTTP/2 streams
    // want "http2_max_concurrent_streams 1024;" (nginx allows 128 per connection).
    QString extraServerDirectives;
};

// A real nginx (/usr/sbin/nginx, Debian's 1.22) for tests and benchmarks,
// run as the current user from a temporary folder that holds its
// configuration, pid file, logs and temp paths. Under root its workers stay
// root (`user root;`): the folder is private to its owner.
//
//   NginxOptions options;
//   options.locations = {NginxLocation::ok(QStringLiteral("/exports"))};
//   NginxServer nginx(options);
//   QVERIFY2(nginx.start(), qPrintable(nginx.errorString()));
//   nginx.httpUrl(QStringLiteral("/exports"));
//
// start() returns once every listener accepts connections; the destructor
// stops nginx (SIGQUIT, then SIGTERM, then SIGKILL) and removes the folder.
// If the test process dies, the master gets SIGTERM from the kernel (Linux).
class NginxServer
{
public:
    explicit NginxServer(NginxOptions options);
    ~NginxServer();
    NginxServer(const NginxServer &) = delete;
    NginxServer &operator=(const NginxServer &) = delete;

    static QString executable() { return QStringLiteral("/usr/sbin/nginx"); }
    static QString echoModulePath()
    {
        return QStringLiteral("/usr/lib/nginx/modules/ngx_http_echo_module.so");
    }
    static bool isInstalled();

    // Picks free ports, starts nginx and waits until it accepts connections.
    // Retries with new ports when one got taken meanwhile. False, with
    // errorString() (which quotes the error log), on failure.
    bool start(int timeoutMs = 15000);
    // Graceful: in-flight requests finish. Idempotent.
    void stop(int timeoutMs = 5000);
    bool isRunning() const;
    QString errorString() const { return m_error; }

    quint16 httpPort() const { return m_httpPort; }
    quint16 h2cPort() const { return m_h2cPort; }
    quint16 httpsPort() const { return m_httpsPort; }
    QUrl httpUrl(const QString &path = QStringLiteral("/")) const;
    QUrl h2cUrl(const QString &path = QStringLiteral("/")) const;
    QUrl httpsUrl(const QString &path = QStringLiteral("/")) const;

    QString errorLog() const;  // nginx's error log (level info), for diagnostics
    QString accessLog() const; // empty unless NginxOptions::accessLog
    QString configuration() const { return m_configuration; }
    QString directory() const { return m_dir.path(); }
    qint64 masterPid() const;

private:
    enum class Attempt { Started, PortTaken, Failed };
    Attempt startOnce(int timeoutMs);
    bool pickPorts();
    QString makeConfiguration() const;
    bool acceptsConnections(quint16 port) const;

    NginxOptions m_options;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    QString m_configuration;
    QString m_error;
    quint16 m_httpPort = 0;
    quint16 m_h2cPort = 0;
    quint16 m_httpsPort = 0;
};

} // namespace outflow::test
