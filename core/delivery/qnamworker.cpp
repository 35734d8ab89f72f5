#include "qnamworker.h"

#include "delivery/tlsfailure.h"

#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace outflow {

QnamWorker::QnamWorker(QnamWorkerSettings settings)
    : m_settings(std::move(settings))
    , m_mayUseHttp2(
          m_settings.requestTemplate.attribute(QNetworkRequest::Http2AllowedAttribute).toBool() ||
          m_settings.requestTemplate.attribute(QNetworkRequest::Http2DirectAttribute).toBool())
    , m_deadlineTimer(new QTimer(this))
    , m_holdTimer(new QTimer(this))
{
    m_deadlineTimer->setSingleShot(true);
    m_deadlineTimer->setTimerType(Qt::PreciseTimer);
    connect(m_deadlineTimer, &QTimer::timeout, this, &QnamWorker::expireDeadlines);
    m_holdTimer->setSingleShot(true);
    m_holdTimer->setInterval(ResultHoldMs);
    connect(m_holdTimer, &QTimer::timeout, this, &QnamWorker::flushResults);
}

QnamWorker::~QnamWorker()
{
    // Replies finishing while their managers go must not reach a half-destroyed
    // worker: the managers go first, without it listening.
    for (Manager &manager : m_managers) {
        manager.network->disconnect(this);
        delete manager.network;
    }
    for (auto it = m_retired.cbegin(); it != m_retired.cend(); ++it) {
        it.key()->disconnect(this);
        delete it.key();
    }
}

int QnamWorker::capacity(const Manager &manager) const
{
    return manager.http2 ? m_settings.streamsPerConnection : m_settings.connectionsPerManager;
}

// The manager after the last one used that has room: a manager fills up
// before the next one gets requests (over HTTP/2, one connection carries
// them all), and a new one is made when all are full.
int QnamWorker::pickManager()
{
    const std::size_t count = m_managers.size();
    for (std::size_t tried = 0; tried < count; ++tried) {
        const std::size_t index = (m_nextManager + tried) % count;
        if (m_managers[index].inFlight < capacity(m_managers[index])) {
            m_nextManager = index;
            return int(index);
        }
    }
    m_managers.push_back(Manager{newNetwork(), 0, false});
    m_nextManager = count;
    return int(count);
}

QNetworkAccessManager *QnamWorker::newNetwork()
{
    auto *network = new QNetworkAccessManager(this);
    connect(network, &QNetworkAccessManager::finished, this, &QnamWorker::onFinished);
    connect(network, &QNetworkAccessManager::sslErrors, this,
            [this](QNetworkReply *reply, const QList<QSslError> &errors) {
                m_sslErrors.insert(reply, errors); // never ignored: the reply fails
            });
    return network;
}

bool QnamWorker::isCurrent(const QNetworkAccessManager *network) const
{
    return std::any_of(m_managers.cbegin(), m_managers.cend(),
                       [network](const Manager &manager) { return manager.network == network; });
}

// A GOAWAY ended a connection of `network` (see onFinished). Qt 6.4 would
// drop the requests posted to it from now on, so it is retired: its slot
// gets a new manager for the next requests, and its own requests come back
// as they end.
void QnamWorker::retireAfterGoaway(QNetworkAccessManager *network)
{
    for (Manager &manager : m_managers) {
        if (manager.network == network) {
            manager.network = newNetwork();
            break;
        }
    }
    int unanswered = 0;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
        unanswered += it.key()->manager() == network ? 1 : 0;
    m_retired.insert(network, unanswered);
    releaseRetired(network, 0);
}

// A retired manager goes once its last request has come back.
void QnamWorker::releaseRetired(QNetworkAccessManager *network, int answered)
{
    const auto it = m_retired.find(network);
    if (it == m_retired.end())
        return;
    *it -= answered;
    if (*it > 0)
        return;
    m_retired.erase(it);
    network->disconnect(this);
    network->deleteLater();
}

void QnamWorker::post(const QList<TransportRequest> &requests, int limit)
{
    m_backlog.insert(m_backlog.end(), requests.cbegin(), requests.cend());
    setLimit(limit);
}

void QnamWorker::setLimit(int limit)
{
    m_limit = std::max(1, limit);
    startBacklog();
}

// Over HTTP/1.1 each manager is a Qt thread of its own serving at most
// connectionsPerManager connections: one started for the last request or two
// of a share (7 = 6 + 1) costs a thread's wake-ups per request for little.
// There the limit is rounded down to whole managers, never below one's worth.
int QnamWorker::effectiveLimit() const
{
    const int perManager = m_settings.connectionsPerManager;
    const bool http2 = !m_managers.empty() && m_managers.front().http2;
    if (http2 || m_limit == Unlimited || m_limit < perManager)
        return m_limit;
    return m_limit - m_limit % perManager;
}

// Starts requests of the backlog while fewer than the limit are in flight.
void QnamWorker::startBacklog()
{
    static const QByteArray exportIdHeader = QByteArrayLiteral("X-Outflow-Export-Id");
    static const QByteArray authorizationHeader = QByteArrayLiteral("Authorization");
    static const QByteArray batchIdHeader = QByteArrayLiteral("X-Outflow-Batch-Id");
    bool started = false;
    const qsizetype limit = effectiveLimit();
    while (!m_backlog.empty() && m_pending.size() < limit) {
        const TransportRequest request = std::move(m_backlog.front());
        m_backlog.pop_front();
        QNetworkRequest networkRequest = m_settings.requestTemplate;
        if (request.batchId.isEmpty())
            networkRequest.setRawHeader(exportIdHeader, request.exportId);
        else
            networkRequest.setRawHeader(batchIdHeader, request.batchId); // issue #22
        if (!request.authorization.isEmpty())
            networkRequest.setRawHeader(authorizationHeader, request.authorization);
        // Its latency counts from here, not from when it joined the backlog.
        start(networkRequest, request.body, request.id, steadyNowNs(), 0);
        started = true;
    }
    if (started && !m_deadlineTimer->isActive())
        armDeadlineTimer();
}

void QnamWorker::start(const QNetworkRequest &request, const QByteArray &body, quint64 id,
                       qint64 sentAtNs, int resends)
{
    const int index = pickManager();
    Manager &manager = m_managers[std::size_t(index)];
    // The timeout counts from here: the manager has room, so Qt sends at
    // once rather than queueing it behind others.
    const qint64 now = steadyNowNs();
    QNetworkReply *reply = manager.network->post(request, body);
    // Only HTTP/2 loses requests after a GOAWAY (onFinished): a cleartext
    // HTTP/1.1 destination, the costliest per request, pays no connection.
    if (m_mayUseHttp2) {
        connect(reply, &QNetworkReply::requestSent, this, [this, reply] {
            const auto it = m_pending.find(reply);
            if (it != m_pending.end())
                it->sent = true;
        });
    }
    ++manager.inFlight;
    const quint64 serial = ++m_serial;
    // Both kept (implicitly shared, no copy of the body) to send it again.
    m_pending.insert(reply,
                     Pending{id, serial, sentAtNs, index, false, false, resends, request, body});
    m_deadlines.push_back(Deadline{now + qint64(m_settings.timeoutMs) * 1'000'000, reply, serial});
}

void QnamWorker::onFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    const auto it = m_pending.find(reply);
    if (it == m_pending.end())
        return;
    Pending pending = std::move(*it);
    m_pending.erase(it);
    // By index: sending again may add a manager to m_managers.
    --m_managers[std::size_t(pending.manager)].inFlight;
    // The server never took this request, so it is sent again at once (on a
    // new connection, without spending an attempt or waiting for a retry
    // delay) when:
    // - an HTTP/2 GOAWAY named a last stream below it (RFC 9113 §6.8: such
    //   streams were not processed and can be retried), as nginx sends every
    //   keepalive_requests: Qt reports ContentReSendError;
    // - it timed out on an HTTP/2 manager without having been written: Qt 6.4
    //   drops the requests it had queued for a connection that received a
    //   GOAWAY, and those posted to its manager afterwards, without finishing
    //   them.
    // Either way the manager is retired (see retireAfterGoaway).
    QNetworkAccessManager *network = reply->manager();
    const bool refused = !pending.timedOut && reply->error() == QNetworkReply::ContentReSendError;
    const bool neverWritten =
        pending.timedOut && !pending.sent && m_managers[std::size_t(pending.manager)].http2;
    releaseRetired(network, 1);
    if ((refused || neverWritten) && isCurrent(network))
        retireAfterGoaway(network);
    if ((refused || neverWritten) && pending.resends < MaxResends) {
        start(pending.request, pending.body, pending.id, pending.sentAtNs, pending.resends + 1);
        if (!m_deadlineTimer->isActive())
            armDeadlineTimer();
        return;
    }
    startBacklog(); // the next request takes this one's place at once

    TransportResult result;
    result.id = pending.id;
    result.sentAtNs = pending.sentAtNs;
    result.latencyUs = (steadyNowNs() - pending.sentAtNs) / 1000;
    result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool()) {
        result.http2 = true;
        m_managers[std::size_t(pending.manager)].http2 = true;
    }
    if (pending.timedOut) {
        result.httpStatus = 0;
        result.error = TransportError::Timeout;
        result.errorString = tr("No complete answer within %1 ms (the destination's timeout).")
                                 .arg(m_settings.timeoutMs);
    } else if (reply->error() != QNetworkReply::NoError) {
        classifyFailure(*reply, result);
    }
    if (result.httpStatus > 0) {
        result.body = reply->read(TransportResult::BodyBytesKept);
        // Headers are looked up (a scan each) only where they mean something.
        if (result.httpStatus / 100 != 2) {
            result.retryAfter = reply->rawHeader(QByteArrayLiteral("Retry-After"));
            result.responseHeaders = headerLines(*reply);
        }
        if (result.httpStatus / 100 == 3)
            result.location = reply->rawHeader(QByteArrayLiteral("Location"));
    }
    if (m_settings.keepPeerCertificates)
        result.peerCertificateChain = reply->sslConfiguration().peerCertificateChain();
    m_sslErrors.remove(reply);
    m_results.append(std::move(result));
    resultReady();
}

// An answer waits to go back with others, unless the sender must hear now:
// the backlog would run out before as many answers again come back (it must
// send more), nothing else is in flight, or there is no backlog at all.
void QnamWorker::resultReady()
{
    const bool senderNeeded = m_limit == Unlimited || m_pending.isEmpty() ||
                              qsizetype(m_backlog.size()) <= m_results.size();
    if (!senderNeeded) {
        if (!m_flushQueued && !m_holdTimer->isActive())
            m_holdTimer->start();
        return;
    }
    if (!m_flushQueued) {
        m_flushQueued = true;
        QMetaObject::invokeMethod(this, &QnamWorker::flushResults, Qt::QueuedConnection);
    }
}

// The answer's headers as they came, whole lines up to HeaderBytesKept.
QByteArray QnamWorker::headerLines(const QNetworkReply &reply)
{
    QByteArray lines;
    for (const auto &[name, value] : reply.rawHeaderPairs()) {
        const qsizetype size = name.size() + 2 + value.size() + 1;
        if (lines.size() + size > TransportResult::HeaderBytesKept)
            break;
        lines.append(name).append(": ").append(value).append('\n');
    }
    return lines;
}

void QnamWorker::classifyFailure(QNetworkReply &reply, TransportResult &result)
{
    const bool https = m_settings.requestTemplate.url().scheme() == QLatin1String("https");
    if (https && (result.httpStatus == 0 || result.httpStatus == 400 || result.httpStatus == 495 ||
                  result.httpStatus == 496)) {
        const TlsFailure failure = TlsFailure::diagnose(TlsFailure::Evidence::fromReply(
            reply, m_sslErrors.value(&reply), m_settings.tlsConfig));
        if (failure.isTlsFailure()) {
            result.httpStatus = 0;
            result.error = TransportError::Tls;
            result.errorString = failure.message();
            return;
        }
    }
    if (result.httpStatus > 0)
        return; // an HTTP answer: its status speaks for itself
    switch (reply.error()) {
    case QNetworkReply::ConnectionRefusedError:
        result.error = TransportError::ConnectionRefused;
        result.errorString = tr("Connection refused: nothing accepts connections at %1:%2.")
                                 .arg(reply.url().host())
                                 .arg(reply.url().port(https ? 443 : 80));
        return;
    case QNetworkReply::RemoteHostClosedError:
        result.error = TransportError::ConnectionReset;
        result.errorString = tr("The server closed the connection before a complete answer.");
        return;
    case QNetworkReply::TimeoutError:
        result.error = TransportError::Timeout;
        result.errorString = tr("The connection timed out.");
        return;
    case QNetworkReply::HostNotFoundError:
        result.error = TransportError::HostNotFound;
        result.errorString = tr("Host %1 not found.").arg(reply.url().host());
        return;
    case QNetworkReply::SslHandshakeFailedError:
        result.error = TransportError::Tls;
        result.errorString =
            tr("The TLS handshake with the server failed: %1").arg(reply.errorString());
        return;
    default:
        result.error = TransportError::Other;
        result.errorString = tr("Network error: %1").arg(reply.errorString());
        return;
    }
}

void QnamWorker::armDeadlineTimer()
{
    // Requests that finished leave their deadline behind: dropped here, each once.
    while (!m_deadlines.empty()) {
        const Deadline &front = m_deadlines.front();
        const auto it = m_pending.constFind(front.reply);
        if (it != m_pending.cend() && it->serial == front.serial)
            break;
        m_deadlines.pop_front();
    }
    if (m_deadlines.empty()) {
        m_deadlineTimer->stop();
        return;
    }
    const qint64 waitNs = m_deadlines.front().atNs - steadyNowNs();
    m_deadlineTimer->start(int(std::max<qint64>(0, (waitNs + 999'999) / 1'000'000)));
}

void QnamWorker::expireDeadlines()
{
    const qint64 now = steadyNowNs();
    while (!m_deadlines.empty() && m_deadlines.front().atNs <= now) {
        const Deadline deadline = m_deadlines.front();
        m_deadlines.pop_front();
        const auto it = m_pending.find(deadline.reply);
        if (it == m_pending.end() || it->serial != deadline.serial)
            continue;
        it->timedOut = true;
        deadline.reply->abort(); // finished() follows: onFinished reports the timeout
    }
    armDeadlineTimer();
}

void QnamWorker::flushResults()
{
    m_flushQueued = false;
    m_holdTimer->stop();
    if (!m_results.isEmpty())
        emit finished(std::exchange(m_results, {}));
}

QString transportErrorId(TransportError error)
{
    switch (error) {
    case TransportError::None:
        return {};
    case TransportError::ConnectionRefused:
        return QStringLiteral("connection-refused");
    case TransportError::ConnectionReset:
        return QStringLiteral("connection-reset");
    case TransportError::Timeout:
        return QStringLiteral("timeout");
    case TransportError::Tls:
        return QStringLiteral("tls");
    case TransportError::HostNotFound:
        return QStringLiteral("host-not-found");
    case TransportError::Other:
        return QStringLiteral("network");
    }
    return {};
}

} // namespace outflow
