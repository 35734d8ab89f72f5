#include "qnamtransport.h"

#include "app/appinfo.h"
#include "delivery/destinationconfig.h"
#include "delivery/networkthreadpool.h"
#include "delivery/qnamworker.h"

#include <QMetaObject>
#include <QThread>

namespace outflow {

TransportSettings TransportSettings::forDestination(const Destination &destination,
                                                    const TlsConfig &tls)
{
    TransportSettings settings;
    settings.url = requestUrl(destination);
    settings.headers = destination.headers;
    settings.timeoutMs = destination.timeoutMs;
    settings.http2PriorKnowledge = destination.http2PriorKnowledge;
    settings.tls = tls;
    return settings;
}

QNetworkRequest TransportSettings::requestTemplate() const
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("User-Agent"),
                         QByteArrayLiteral("Outflow/") + QByteArray(appinfo::version.data()));
    for (const HttpHeader &header : headers)
        request.setRawHeader(header.name.toLatin1(), header.value.toUtf8());
    // A redirect is reported, not followed: Qt would turn the POST into a GET
    // on 301/302, and the administrator should fix the endpoint URL.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    const bool https = url.scheme() == QLatin1String("https");
    // HTTP/2 whenever the server offers it through ALPN; over cleartext only
    // with prior knowledge (no h2c upgrade dance on a POST).
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, https);
    request.setAttribute(QNetworkRequest::Http2DirectAttribute, !https && http2PriorKnowledge);
    if (https)
        request.setSslConfiguration(tls.sslConfiguration());
    return request;
}

QnamTransport::QnamTransport(const TransportSettings &settings, NetworkThreadPool *pool,
                             QObject *parent)
    : Transport(parent)
{
    QnamWorkerSettings workerSettings;
    workerSettings.requestTemplate = settings.requestTemplate();
    workerSettings.tlsConfig = settings.tls;
    workerSettings.timeoutMs = settings.timeoutMs;
    workerSettings.connectionsPerManager = settings.connectionsPerManager;
    workerSettings.streamsPerConnection = settings.streamsPerConnection;
    workerSettings.keepPeerCertificates = settings.keepPeerCertificates;
    const int threads = pool ? pool->size() : 0;
    for (int i = 0; i < std::max(threads, 1); ++i) {
        auto *worker = new QnamWorker(workerSettings); // deleted in ~QnamTransport
        if (threads > 0)
            worker->moveToThread(pool->thread(i));
        const std::size_t index = m_workers.size();
        connect(worker, &QnamWorker::finished, this,
                [this, index](const QList<TransportResult> &results) {
                    onWorkerFinished(index, results);
                });
        m_workers.push_back(Worker{worker, 0, {}});
    }
}

QnamTransport::~QnamTransport()
{
    // Requests still in flight are abandoned: their outbox rows stay claimed
    // until the sender releases them.
    for (Worker &worker : m_workers) {
        worker.worker->disconnect(this);
        if (worker.worker->thread() == thread())
            delete worker.worker;
        else
            worker.worker->deleteLater();
    }
}

void QnamTransport::send(const QList<TransportRequest> &requests)
{
    if (requests.isEmpty())
        return;
    for (const TransportRequest &request : requests) {
        Worker *least = &m_workers.front();
        for (Worker &worker : m_workers) {
            if (worker.inFlight + worker.batch.size() < least->inFlight + least->batch.size())
                least = &worker;
        }
        least->batch.append(request);
    }
    for (Worker &worker : m_workers) {
        if (worker.batch.isEmpty())
            continue;
        worker.inFlight += int(worker.batch.size());
        m_inFlight += int(worker.batch.size());
        QMetaObject::invokeMethod(
            worker.worker,
            [target = worker.worker, batch = std::exchange(worker.batch, {})] {
                target->post(batch);
            },
            Qt::QueuedConnection);
    }
}

void QnamTransport::onWorkerFinished(std::size_t index, const QList<TransportResult> &results)
{
    m_workers[index].inFlight -= int(results.size());
    m_inFlight -= int(results.size());
    emit finished(results);
}

} // namespace outflow
