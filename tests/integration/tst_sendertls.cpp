// The sender against a real nginx on 127.0.0.1: HTTPS with a client
// certificate (ssl_verify_client on) and HTTP/2 through ALPN, TLS failures
// that fail at once, cleartext HTTP/2 with prior knowledge, and the GOAWAY
// nginx sends every keepalive_requests.
#include "support/deliveryfixture.h"
#include "support/nginxserver.h"
#include "support/testpki.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace outflow;
using namespace outflow::test;
using namespace Qt::StringLiterals;

class TestSenderTls final : public QObject
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
        options.h2c = true;
        options.https = true;
        options.httpsHttp2 = true;
        options.certificatePath = m_pki.serverCertificate();
        options.keyPath = m_pki.serverKey();
        options.clientCaPath = m_pki.caCertificate();
        options.accessLog = true;
        m_nginx = std::make_unique<NginxServer>(options);
        QVERIFY2(m_nginx->start(), qPrintable(m_nginx->errorString()));
    }

    void cleanupTestCase() { m_nginx.reset(); }

    void init() { m_fixture = std::make_unique<DeliveryFixture>(); }

    void cleanup()
    {
        if (QTest::currentTestFailed() && m_nginx)
            qInfo().noquote() << "nginx error log:\n" << m_nginx->errorLog();
        m_engine.reset();
        m_fixture.reset();
    }

    void aClientCertificateIsPresentedOverHttp2()
    {
        const QString dataflow = m_fixture->addDestination(
            m_nginx->httpsUrl(u"/mtls"_s), nullptr, [this](Destination &d) {
                d.caCertPath = m_pki.caCertificate();
                d.clientCertPath = m_pki.clientCertificate();
                d.clientKeyPath = m_pki.encryptedClientKey();
            });
        m_fixture->enqueueMany(dataflow, 20);
        QList<DeliveryMetrics> metrics;
        startEngine(&metrics);
        QVERIFY(m_fixture->waitFirstIdle());
        const OutboxSummary left = m_fixture->summary(dataflow);
        QCOMPARE(left.backlog() + left.failed, 0);
        QVERIFY(!metrics.isEmpty());
        QCOMPARE(metrics.constLast().delivered, 20);
        QVERIFY(metrics.constLast().http2); // ALPN chose h2
        QCOMPARE(m_nginx->accessLog().count(u"\"POST /mtls HTTP/2.0\" 200"_s), 20);
    }

    void withoutAClientCertificateTheExportFailsAtOnce()
    {
        const QString dataflow = m_fixture->addDestination(
            m_nginx->httpsUrl(u"/none"_s), nullptr,
            [this](Destination &d) { d.caCertPath = m_pki.caCertificate(); });
        m_fixture->enqueue(dataflow, 1);
        startEngine();
        QVERIFY(m_fixture->waitFirstIdle());
        const FailedExport failed = m_fixture->store().failedExports(dataflow, 1).value(0);
        QCOMPARE(failed.errorKind, u"tls"_s);
        QCOMPARE(failed.exportRow.attempts, 1); // TLS failures are not retried
        QVERIFY2(failed.error.contains(u"client certificate"_s), qPrintable(failed.error));
    }

    void anUntrustedServerCertificateFailsAtOnce()
    {
        // No CA bundle: the system store does not know the test CA.
        const QString dataflow = m_fixture->addDestination(m_nginx->httpsUrl(u"/untrusted"_s));
        m_fixture->enqueue(dataflow, 1);
        startEngine();
        QVERIFY(m_fixture->waitFirstIdle());
        const FailedExport failed = m_fixture->store().failedExports(dataflow, 1).value(0);
        QCOMPARE(failed.errorKind, u"tls"_s);
        QCOMPARE(failed.exportRow.attempts, 1);
        QVERIFY2(failed.error.contains(u"not trusted"_s), qPrintable(failed.error));
        QVERIFY(!m_nginx->accessLog().contains(u"/untrusted"_s)); // nothing was sent
    }

    void cleartextHttp2WithPriorKnowledge()
    {
        const QString dataflow =
            m_fixture->addDestination(m_nginx->h2cUrl(u"/h2c"_s), nullptr,
                                      [](Destination &d) { d.http2PriorKnowledge = true; });
        m_fixture->enqueueMany(dataflow, 10);
        startEngine();
        QVERIFY(m_fixture->waitFirstIdle());
        QCOMPARE(m_fixture->summary(dataflow).backlog(), 0);
        QCOMPARE(m_nginx->accessLog().count(u"\"POST /h2c HTTP/2.0\" 200"_s), 10);
    }

    // nginx ends an HTTP/2 connection with a GOAWAY every keepalive_requests
    // (1,000 by default); the streams Qt had opened past it were never
    // processed (RFC 9113 §6.8) and come back as ContentReSendError, and Qt
    // drops those it had queued for that connection until their timeout. Both
    // are sent again at once on a new connection: no attempt is spent on them
    // and none waits for a retry delay.
    void aGoawayCostsNoRetry()
    {
        NginxOptions options;
        options.http = false;
        options.h2c = true;
        options.keepaliveRequests = 25;
        options.accessLog = true;
        options.accessLogFormat = u"$connection $status $http_x_outflow_export_id"_s;
        NginxServer goingAway(options);
        QVERIFY2(goingAway.start(), qPrintable(goingAway.errorString()));
        const QString dataflow =
            m_fixture->addDestination(goingAway.h2cUrl(u"/"_s), nullptr, [](Destination &d) {
                d.http2PriorKnowledge = true;
                d.maxConcurrency = 64;
            });
        constexpr int Exports = 400;
        m_fixture->enqueueMany(dataflow, Exports);
        QList<DeliveryMetrics> metrics;
        SenderOptions senderOptions = fastSenderOptions();
        senderOptions.initialWindow = 64; // many streams in flight when the GOAWAY comes
        startEngine(&metrics, senderOptions);
        QVERIFY(m_fixture->waitFirstIdle());
        QCOMPARE(m_fixture->summary(dataflow).backlog(), 0);
        QVERIFY(!metrics.isEmpty());
        QCOMPARE(metrics.constLast().delivered, Exports);
        QCOMPARE(metrics.constLast().retried, 0);
        QCOMPARE(metrics.constLast().failed, 0);
        const QStringList lines = goingAway.accessLog().split(u'\n', Qt::SkipEmptyParts);
        QSet<QString> connections, exportIds;
        QStringList duplicates;
        for (const QString &line : lines) {
            const QStringList fields = line.split(u' ');
            QCOMPARE(fields.size(), 3);
            QCOMPARE(fields.at(1), u"200"_s);
            connections.insert(fields.at(0));
            if (exportIds.contains(fields.at(2)))
                duplicates.append(line);
            exportIds.insert(fields.at(2));
        }
        QCOMPARE(exportIds.size(), Exports);
        // Every export once: the requests sent again had not been taken.
        QVERIFY2(duplicates.isEmpty(), qPrintable(duplicates.join(u'\n')));
        QVERIFY2(connections.size() >= Exports / 25,
                 qPrintable(QString::number(connections.size())));
    }

private:
    // The key passphrase comes from the test, as the keychain would give it.
    void startEngine(QList<DeliveryMetrics> *metrics = nullptr,
                     const SenderOptions &options = fastSenderOptions())
    {
        m_engine = std::make_unique<Engine>(m_fixture->storePath());
        m_engine->setSenderOptions(options);
        connect(m_engine.get(), &Engine::secretsNeeded, this, [this](const Destination &d) {
            DestinationSecrets secrets;
            secrets.keyPassphrase = QString::fromLatin1(TestPki::passphrase());
            m_engine->setDestinationSecrets(d.id, secrets);
        });
        if (metrics)
            connect(m_engine.get(), &Engine::deliveryMetrics, this,
                    [metrics](const DeliveryMetrics &figures) { metrics->append(figures); });
        m_fixture->watch(*m_engine);
        m_engine->open();
    }

    TestPki m_pki;
    std::unique_ptr<NginxServer> m_nginx;
    std::unique_ptr<DeliveryFixture> m_fixture;
    std::unique_ptr<Engine> m_engine;
};

QTEST_GUILESS_MAIN(TestSenderTls)
#include "tst_sendertls.moc"
