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
    , m_limit(QnamWorker::Unlimited)
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
        m_workers.push_back(Worker{worker, 0, {}, QnamWorker::Unlimited});
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
    // Only workers with a share of the limit get requests: a limit below
    // the number of workers (a destination sending one at a time) holds.
    for (const TransportRequest &request : requests) {
        Worker *least = &m_workers.front();
        for (std::size_t index = 1; index < m_workers.size() && shareOf(index) > 0; ++index) {
            Worker &worker = m_workers[index];
            if (worker.inFlight + worker.batch.size() < least->inFlight + least->batch.size())
                least = &worker;
        }
        least->batch.append(request);
    }
    for (std::size_t index = 0; index < m_workers.size(); ++index) {
        Worker &worker = m_workers[index];
        if (worker.batch.isEmpty())
            continue;
        worker.inFlight += int(worker.batch.size());
        m_inFlight += int(worker.batch.size());
        worker.limit = std::max(1, shareOf(index));
        QMetaObject::invokeMethod(
            worker.worker,
            [target = worker.worker, batch = std::exchange(worker.batch, {}),
             limit = worker.limit] { target->post(batch, limit); },
            Qt::QueuedConnection);
    }
}

void QnamTransport::setConcurrency(int limit)
{
    m_limit = std::max(limit, 1);
    for (std::size_t index = 0; index < m_workers.size(); ++index) {
        Worker &worker = m_workers[index];
        // A worker left without a share gets no more requests, and finishes
        // those it holds one at a time.
        const int share = std::max(1, shareOf(index));
        // Told at once only when it changes what the worker may start now;
        // otherwise with its next requests (one event for both).
        if (share == worker.limit || worker.inFlight <= std::min(share, worker.limit))
            continue;
        worker.limit = share;
        QMetaObject::invokeMethod(
            worker.worker, [target = worker.worker, share] { target->setLimit(share); },
            Qt::QueuedConnection);
    }
}

// The limit split evenly, the remainder to the first workers (0 for the last
// ones when the limit is below the number of workers).
int QnamTransport::shareOf(std::size_t index) const
{
    if (m_limit == QnamWorker::Unlimited)
        return QnamWorker::Unlimited;
    const int count = int(m_workers.size());
    return m_limit / count + (int(index) < m_limit % count ? 1 : 0);
}

void QnamTransport::onWorkerFinished(std::size_t index, const QList<TransportResult> &results)
{
    m_workers[index].inFlight -= int(results.size());
    m_inFlight -= int(results.size());
    emit finished(results);
}

} // namespace outflow
