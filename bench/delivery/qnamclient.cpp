#include "qnamclient.h"

#include "measure.h"

#include <atomic>
#include <latch>
#include <memory>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QThread>

namespace outflow::bench {

namespace {

// What the workers share: the next export to send, the stop time, and the
// finish line.
struct Shared
{
    const Target *target = nullptr;
    std::atomic<qint64> next{0};
    QDeadlineTimer deadline;
    QElapsedTimer clock; // one clock for every latency
    std::unique_ptr<std::latch> finished;
};

// One thread's QNAMs. Lives in its thread; created and destroyed there,
// since a QNAM and its replies belong to the thread that made them.
class Worker final : public QObject
{
public:
    Worker(Shared &shared, int qnams, int window)
        : m_shared(shared)
        , m_qnamCount(qnams)
        , m_window(window)
    {}

    std::vector<qint64> latencies;
    qint64 failures = 0;
    qint64 http2Replies = 0;

    void start()
    {
        const Target &target = *m_shared.target;
        QNetworkRequest request(target.url);
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Outflow/bench"));
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute,
                             target.protocol != Protocol::Http1);
        request.setAttribute(QNetworkRequest::Http2DirectAttribute,
                             target.protocol == Protocol::H2c);
        if (target.protocol == Protocol::H2Tls) {
            QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
            tls.setCaCertificates(QSslCertificate::fromPath(target.caFile));
            request.setSslConfiguration(tls);
        }
        m_request = request;
        for (int q = 0; q < m_qnamCount; ++q) {
            m_qnams.push_back(std::make_unique<QNetworkAccessManager>());
            for (int w = 0; w < m_window; ++w)
                sendNext(m_qnams.back().get());
        }
        finishIfIdle();
    }

private:
    void sendNext(QNetworkAccessManager *network)
    {
        if (m_shared.deadline.hasExpired())
            return;
        const qint64 index = m_shared.next.fetch_add(1, std::memory_order_relaxed);
        if (index >= m_shared.target->exports)
            return;
        QNetworkRequest request = m_request;
        request.setRawHeader(QByteArrayLiteral("X-Outflow-Export-Id"),
                             ExportBodies::exportId(index));
        const qint64 sent = m_shared.clock.nsecsElapsed();
        QNetworkReply *reply = network->post(request, m_shared.target->bodies->body(index));
        ++m_inFlight;
        QObject::connect(reply, &QNetworkReply::finished, this, [this, network, reply, sent] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (reply->error() == QNetworkReply::NoError && status >= 200 && status < 300) {
                latencies.push_back(m_shared.clock.nsecsElapsed() - sent);
                if (reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool())
                    ++http2Replies;
            } else {
                ++failures;
            }
            reply->deleteLater();
            --m_inFlight;
            sendNext(network);
            finishIfIdle();
        });
    }

    void finishIfIdle()
    {
        if (m_inFlight > 0 || m_done)
            return;
        m_done = true;
        // Queued: this may run inside a reply's finished(), and the reply
        // belongs to the QNAM. Clearing closes the connections, in this thread.
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_qnams.clear();
                m_shared.finished->count_down();
            },
            Qt::QueuedConnection);
    }

    Shared &m_shared;
    int m_qnamCount;
    int m_window;
    QNetworkRequest m_request;
    std::vector<std::unique_ptr<QNetworkAccessManager>> m_qnams;
    int m_inFlight = 0;
    bool m_done = false;
};

} // namespace

QnamClient::QnamClient(int threads, int qnams, int window)
    : m_threads(std::max(1, threads))
    , m_qnams(std::max(m_threads, qnams))
    , m_window(std::max(1, window))
{}

QString QnamClient::name() const
{
    return QStringLiteral("qnam %1 thr × %2").arg(m_threads).arg(m_qnams / m_threads);
}

Result QnamClient::run(const Target &target)
{
    Result result;
    result.client = name();
    const bool http1 = target.protocol == Protocol::Http1;
    result.concurrency = http1 ? QStringLiteral("%1 QNAM × w%2 (≤ %3 conn)")
                                     .arg(m_qnams)
                                     .arg(m_window)
                                     .arg(m_qnams * std::min(m_window, 6))
                               : QStringLiteral("%1 conn × %2 streams").arg(m_qnams).arg(m_window);

    Shared shared;
    shared.target = &target;
    shared.finished = std::make_unique<std::latch>(m_threads);
    std::vector<std::unique_ptr<QThread>> threads;
    std::vector<std::unique_ptr<Worker>> workers;
    for (int t = 0; t < m_threads; ++t) {
        // QNAMs spread evenly; the first threads take the remainder.
        const int qnams = m_qnams / m_threads + (t < m_qnams % m_threads ? 1 : 0);
        workers.push_back(std::make_unique<Worker>(shared, qnams, m_window));
        threads.push_back(std::make_unique<QThread>());
        workers.back()->moveToThread(threads.back().get());
        threads.back()->start();
    }

    resetSelfPeakRss();
    const double cpuBefore = selfCpuSeconds();
    shared.deadline = QDeadlineTimer(qint64(target.maxSeconds * 1000));
    shared.clock.start();
    for (auto &worker : workers)
        QMetaObject::invokeMethod(worker.get(), [w = worker.get()] { w->start(); });
    shared.finished->wait();
    result.seconds = double(shared.clock.nsecsElapsed()) / 1e9;
    result.cpuSeconds = selfCpuSeconds() - cpuBefore;
    result.peakRssMiB = selfPeakRssMiB();

    std::vector<qint64> latencies;
    qint64 http2 = 0;
    for (std::size_t t = 0; t < threads.size(); ++t) {
        threads[t]->quit();
        threads[t]->wait();
        latencies.insert(latencies.end(), workers[t]->latencies.cbegin(),
                         workers[t]->latencies.cend());
        result.failures += workers[t]->failures;
        http2 += workers[t]->http2Replies;
    }
    result.ran = true;
    result.requests = qint64(latencies.size());
    fillPercentiles(latencies, result);
    // Proof of the protocol spoken, since a silent fall-back to HTTP/1.1
    // would make the HTTP/2 figures meaningless.
    if (http2 != (http1 ? 0 : result.requests))
        result.note = QStringLiteral("HTTP/2 on %1 of %2 replies").arg(http2).arg(result.requests);
    if (result.requests + result.failures < target.exports)
        result.note += QStringLiteral(" stopped at %1 s").arg(target.maxSeconds);
    return result;
}

} // namespace outflow::bench
