#include "servemodes.h"

#include "exportbodies.h"
#include "outboxfixture.h"
#include "support/nginxserver.h"

#include <atomic>
#include <iostream>
#include <QFile>
#include <QSaveFile>
#include <QTextStream>
#include <QThread>
#include <string>

namespace outflow::bench {

using outflow::test::NginxLocation;
using outflow::test::NginxOptions;
using outflow::test::NginxServer;

int prepareOutboxOnly(const QString &storePath, const QUrl &endpoint, bool h2c, qint64 exports)
{
    OutboxSpec spec;
    spec.endpoint = endpoint;
    spec.http2PriorKnowledge = h2c;
    spec.exports = exports;
    OutboxFixture fixture;
    QString error = QStringLiteral("--url is not a URL");
    if (!endpoint.isValid() || !prepareOutbox(storePath, spec, ExportBodies(), &fixture, &error)) {
        QTextStream(stderr) << "cannot prepare the outbox: " << error << Qt::endl;
        return 1;
    }
    QTextStream(stdout) << "store " << fixture.storePath << "\ndestination "
                        << fixture.destinationId << "\ndataflow " << fixture.dataflowId
                        << "\nexports " << fixture.exports << Qt::endl;
    return 0;
}

int serveOnly(const QString &logCopy, int workers)
{
    NginxOptions options;
    options.http = true;
    options.h2c = true;
    options.workerProcesses = std::max(1, workers);
    options.accessLog = true;
    options.accessLogFormat = QStringLiteral("$status $http_x_outflow_export_id");
    options.locations = {NginxLocation::ok(QStringLiteral("/exports"))};
    options.extraServerDirectives = QStringLiteral("http2_max_concurrent_streams 1024;");
    NginxServer nginx(options);
    if (!nginx.start()) {
        QTextStream(stderr) << nginx.errorString() << Qt::endl;
        return 1;
    }
    // The log lives in the harness's private folder, removed at stop: the
    // copy is what the script counts, refreshed while the run goes on.
    const auto copyLog = [&nginx, &logCopy] {
        QSaveFile copy(logCopy);
        if (copy.open(QIODevice::WriteOnly)) {
            copy.write(nginx.accessLog().toUtf8());
            copy.commit();
        }
    };
    QTextStream(stdout) << "http " << nginx.httpUrl(QStringLiteral("/exports")).toString()
                        << "\nh2c " << nginx.h2cUrl(QStringLiteral("/exports")).toString()
                        << Qt::endl;
    std::atomic<bool> stdinClosed{false};
    QThread *reader = QThread::create([&stdinClosed] {
        std::string line;
        while (std::getline(std::cin, line)) {
        }
        stdinClosed = true;
    });
    reader->start();
    while (!stdinClosed) {
        copyLog();
        QThread::msleep(500);
    }
    reader->wait();
    delete reader;
    nginx.stop(); // graceful: every answered request is in the log
    copyLog();
    return 0;
}

} // namespace outflow::bench
