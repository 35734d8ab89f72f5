#pragma once

#include "delivery/tlsconfig.h"
#include "delivery/transport.h"
#include "model/destination.h"

#include <QNetworkRequest>
#include <vector>

namespace outflow {

class NetworkThreadPool;
class QnamWorker;

// How a destination's requests are sent, fixed for the life of its transport
// (a changed destination gets a new transport, hence new connections: Qt 6.4
// reuses a connection whatever TLS configuration a later request carries).
struct TransportSettings
{
    QUrl url; // the endpoint with the destination's query (requestUrl)
    QList<HttpHeader> headers;
    int timeoutMs = 2000;
    bool http2PriorKnowledge = false; // cleartext HTTP/2 without an upgrade
    TlsConfig tls;                    // https: trust, client certificate
    int connectionsPerManager = 6;
    int streamsPerConnection = 128;
    bool keepPeerCertificates = false; // for the probe (TransportResult::peerCertificateChain)

    static TransportSettings forDestination(const Destination &destination, const TlsConfig &tls);

    // Content-Type, User-Agent, the destination's headers, redirects not
    // followed, no cookies, HTTP/2 as the settings allow.
    QNetworkRequest requestTemplate() const;
};

// The transport we ship: QNetworkAccessManager instances, this destination's
// own, spread over the network threads (one QnamWorker per thread). A request
// goes to the least busy worker; a worker adds managers as the window grows
// (see QnamWorker). It keeps a backlog: each worker starts its share of the
// concurrency limit and the rest as answers come. Lives in the sender's thread.
class QnamTransport final : public Transport
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QnamTransport)

public:
    // `pool` must outlive the transport; with none (or an empty one) the
    // managers live in this thread.
    QnamTransport(const TransportSettings &settings, NetworkThreadPool *pool,
                  QObject *parent = nullptr);
    ~QnamTransport() override;

    void send(const QList<TransportRequest> &requests) override;
    bool keepsBacklog() const override { return true; }
    // Shared out between the workers; a worker hears of a change with its
    // next requests, or at once when it holds more than it may start.
    void setConcurrency(int limit) override;

    int inFlight() const { return m_inFlight; }

private:
    struct Worker
    {
        QnamWorker *worker = nullptr;  // deleted on its thread (deleteLater)
        int inFlight = 0;              // given to it and not answered yet
        QList<TransportRequest> batch; // being assembled by send()
        int limit = 0;                 // the share it was last told
    };

    int shareOf(std::size_t index) const;

    void onWorkerFinished(std::size_t index, const QList<TransportResult> &results);

    std::vector<Worker> m_workers;
    int m_inFlight = 0;
    int m_limit; // QnamWorker::Unlimited until setConcurrency()
};

} // namespace outflow
