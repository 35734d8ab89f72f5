// The nginx harness (tests/support/nginxserver.h) that TLS tests and the
// delivery benchmarks run their endpoint with.
#include "delivery/tlsconfig.h"
#include "support/nginxserver.h"
#include "support/testpki.h"

#include <memory>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <unistd.h>

using outflow::test::NginxLocation;
using outflow::test::NginxOptions;
using outflow::test::NginxServer;

namespace {

struct Answer
{
    int status = 0;
    QByteArray body;
    bool http2 = false;
};

// Sends and waits; status 0 when no answer came.
Answer send(QNetworkAccessManager &network, QNetworkRequest request,
            const QByteArray &body = QByteArray())
{
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    const std::unique_ptr<QNetworkReply> reply(network.post(request, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(15000))
        return {};
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
            reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool()};
}

bool portAcceptsConnections(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(2000);
}

} // namespace

class TestNginxServer final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!NginxServer::isInstalled())
            QFAIL(
                "nginx is not installed: tools/test.sh installs it from tools/debian-packages.txt");
        QVERIFY2(m_pki.generate(), qPrintable(m_pki.errorString()));
    }

    void cleanup()
    {
        if (QTest::currentTestFailed() && m_nginx)
            qInfo().noquote() << m_nginx->configuration() << "\nerror log:\n"
                              << m_nginx->errorLog();
        m_nginx.reset();
    }

    // A body that nginx did not read would be parsed as the next request on
    // the kept-alive connection; 64 KiB goes through client_body_temp_path.
    void answersPostsOnAKeptAliveConnection_data()
    {
        QTest::addColumn<int>("workerProcesses");
        QTest::newRow("master and a worker") << 1;
        QTest::newRow("one process (master_process off)") << 0;
    }

    void answersPostsOnAKeptAliveConnection()
    {
        QFETCH(int, workerProcesses);
        NginxOptions options;
        options.workerProcesses = workerProcesses;
        options.locations = {NginxLocation::ok(QStringLiteral("/exports")),
                             NginxLocation::delayed(QStringLiteral("/slow"), 50),
                             NginxLocation::status(QStringLiteral("/busy"), 503)};
        QVERIFY(start(options));
        QVERIFY(m_nginx->isRunning());
        QVERIFY(m_nginx->configuration().contains(QLatin1String("ngx_http_echo_module.so")));
        QNetworkAccessManager network;
        for (const qsizetype size : {2 * 1024, 64 * 1024, 10}) {
            const QByteArray body(size, 'x');
            for (const QString &path : {QStringLiteral("/exports"), QStringLiteral("/slow")}) {
                const Answer answer = send(network, QNetworkRequest(m_nginx->httpUrl(path)), body);
                QCOMPARE(answer.status, 200);
                QCOMPARE(answer.body, QByteArray("ok\n"));
            }
        }
        QCOMPARE(
            send(network, QNetworkRequest(m_nginx->httpUrl(QStringLiteral("/busy"))), "{}").status,
            503);
    }

    void aDelayedLocationAnswersAfterItsDelay()
    {
        NginxOptions options;
        options.locations = {NginxLocation::delayed(QStringLiteral("/"), 50)};
        QVERIFY(start(options));
        QNetworkAccessManager network;
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(send(network, QNetworkRequest(m_nginx->httpUrl()), "{}").status, 200);
        QVERIFY2(timer.elapsed() >= 50, qPrintable(QString::number(timer.elapsed())));
    }

    void speaksHttp2WithPriorKnowledgeInCleartext()
    {
        NginxOptions options;
        options.http = true;
        options.h2c = true;
        QVERIFY(start(options));
        QVERIFY(m_nginx->httpPort() != m_nginx->h2cPort());
        QNetworkAccessManager network;
        QNetworkRequest request(m_nginx->h2cUrl(QStringLiteral("/exports")));
        request.setAttribute(QNetworkRequest::Http2DirectAttribute, true);
        const Answer h2c = send(network, request, "{}");
        QCOMPARE(h2c.status, 200);
        QVERIFY(h2c.http2);
        const Answer http1 = send(network, QNetworkRequest(m_nginx->httpUrl()), "{}");
        QCOMPARE(http1.status, 200);
        QVERIFY(!http1.http2);
    }

    void servesHttpsBesideHttp_data()
    {
        QTest::addColumn<bool>("http2");
        QTest::newRow("HTTP/1.1 only") << false;
        QTest::newRow("h2 through ALPN") << true;
    }

    void servesHttpsBesideHttp()
    {
        QFETCH(bool, http2);
        NginxOptions options;
        options.https = true;
        options.httpsHttp2 = http2;
        options.certificatePath = m_pki.serverCertificate();
        options.keyPath = m_pki.serverKey();
        QVERIFY(start(options));
        const outflow::TlsConfig tls =
            outflow::TlsConfig::load(outflow::TlsSettings{m_pki.caCertificate(), {}, {}, {}});
        QVERIFY2(tls.isValid(), qPrintable(tls.errorString()));
        QNetworkAccessManager network;
        QNetworkRequest request(m_nginx->httpsUrl(QStringLiteral("/exports")));
        request.setSslConfiguration(tls.sslConfiguration());
        const Answer answer = send(network, request, "{}");
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.http2, http2);
        QCOMPARE(send(network, QNetworkRequest(m_nginx->httpUrl()), "{}").status, 200);
    }

    // The kill -9 delivery harness counts the export ids nginx received.
    void logsRequestsInACustomFormat()
    {
        NginxOptions options;
        options.accessLog = true;
        options.accessLogFormat =
            QStringLiteral("$status $request_method $http_x_outflow_export_id");
        QVERIFY(start(options));
        QNetworkAccessManager network;
        for (const QByteArray &id :
             {QByteArrayLiteral("export-1"), QByteArrayLiteral("export-2")}) {
            QNetworkRequest request(m_nginx->httpUrl(QStringLiteral("/exports")));
            request.setRawHeader(QByteArrayLiteral("X-Outflow-Export-Id"), id);
            QCOMPARE(send(network, request, "{}").status, 200);
        }
        // nginx writes a request's line once the request is done, which can be
        // just after the client read the answer.
        QTRY_COMPARE(m_nginx->accessLog(),
                     QStringLiteral("200 POST export-1\n200 POST export-2\n"));
    }

    void runsItsWorkersAsTheCurrentUser()
    {
        QVERIFY(start(NginxOptions()));
        QCOMPARE(m_nginx->configuration().contains(QLatin1String("user root;")), ::geteuid() == 0);
        QVERIFY(m_nginx->configuration().contains(QLatin1String("master_process on;")));
        QTRY_VERIFY2(m_nginx->errorLog().contains(QLatin1String("start worker process")),
                     qPrintable(m_nginx->errorLog()));
    }

    void stopReleasesThePort()
    {
        QVERIFY(start(NginxOptions()));
        const quint16 port = m_nginx->httpPort();
        QVERIFY(portAcceptsConnections(port));
        m_nginx->stop();
        QVERIFY(!m_nginx->isRunning());
        QVERIFY(!portAcceptsConnections(port));
        m_nginx->stop(); // idempotent
    }

    void reportsWhyItCouldNotStart()
    {
        NginxOptions options;
        options.extraServerDirectives = QStringLiteral("no_such_directive on;");
        m_nginx = std::make_unique<NginxServer>(options);
        QVERIFY(!m_nginx->start());
        QVERIFY(!m_nginx->isRunning());
        QVERIFY2(m_nginx->errorString().contains(QLatin1String("unknown directive")),
                 qPrintable(m_nginx->errorString()));
    }

    void httpsNeedsACertificate()
    {
        NginxOptions options;
        options.https = true;
        m_nginx = std::make_unique<NginxServer>(options);
        QVERIFY(!m_nginx->start());
        QVERIFY(m_nginx->errorString().contains(QLatin1String("certificatePath")));
    }

private:
    bool start(const NginxOptions &options)
    {
        m_nginx = std::make_unique<NginxServer>(options);
        if (m_nginx->start())
            return true;
        qWarning().noquote() << m_nginx->errorString();
        return false;
    }

    outflow::test::TestPki m_pki;
    std::unique_ptr<NginxServer> m_nginx;
};

QTEST_GUILESS_MAIN(TestNginxServer)
#include "tst_nginxserver.moc"
