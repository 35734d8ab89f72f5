#pragma once

#include "delivery/tlsconfig.h"
#include "delivery/transport.h"

#include <deque>
#include <limits>
#include <QHash>
#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QSslError>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace outflow {

// What a QnamWorker needs to send a destination's requests.
struct QnamWorkerSettings
{
    QNetworkRequest requestTemplate; // URL, fixed headers, attributes, TLS
    TlsConfig tlsConfig;             // to explain TLS failures
    int timeoutMs = 2000;
    int connectionsPerManager = 6;     // Qt opens at most 6 HTTP/1.1 connections per host
    int streamsPerConnection = 128;    // Qt's HTTP/2 collapses above ≈ 256 streams
    bool keepPeerCertificates = false; // TransportResult::peerCertificateChain
};

// The part of one destination's transport that lives on one network thread:
// several QNetworkAccessManager instances (created there, on demand), each
// given no more requests than it sends at once: 6 over HTTP/1.1, one
// connection's stream cap over HTTP/2. A manager that holds requests queued
// inside Qt would start their timeouts before they are sent.
//
// The worker keeps a backlog (issue #19): it starts at most its share of the
// sender's window and keeps the other requests it was given, starting the
// next one as soon as an answer comes, in this thread: the sender is not
// woken per answer to send the next request, as a bare client posting from
// its own thread is not.
//
// Results are batched: answers go back to the sender in one queued signal
// when the backlog runs low (the sender must send more), after ResultHoldMs,
// or when nothing is left in flight. Without a limit (the probe) everything
// starts at once, and results go back when this thread's event loop comes
// back around.
class QnamWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QnamWorker)

public:
    explicit QnamWorker(QnamWorkerSettings settings);
    ~QnamWorker() override;

    // No limit: every request starts at once.
    static constexpr int Unlimited = std::numeric_limits<int>::max();
    // The longest an answer waits to go back with others while requests
    // are in flight and the backlog is not low.
    static constexpr int ResultHoldMs = 5;

    // In the worker's thread (queued from the transport): `requests` join
    // the backlog; at most `limit` are in flight at once.
    void post(const QList<outflow::TransportRequest> &requests, int limit = Unlimited);
    void setLimit(int limit);

signals:
    void finished(const QList<outflow::TransportResult> &results);

private:
    struct Manager
    {
        QNetworkAccessManager *network = nullptr; // a child
        int inFlight = 0;
        bool http2 = false; // learnt from its first answer
    };
    // Times a request the server never took is sent again before its
    // failure is reported (see onFinished).
    static constexpr int MaxResends = 8;
    struct Pending
    {
        quint64 id = 0;
        quint64 serial = 0;
        qint64 sentAtNs = 0; // the first send: a resent request's latency counts from there
        int manager = 0;
        bool timedOut = false;
        bool sent = false; // QNetworkReply::requestSent: written to a connection
        int resends = 0;
        // Kept to send it again when the server never took it (see onFinished).
        QNetworkRequest request;
        QByteArray body;
    };
    struct Deadline
    {
        qint64 atNs = 0;
        QNetworkReply *reply = nullptr;
        quint64 serial = 0;
    };

    int pickManager();
    QNetworkAccessManager *newNetwork();
    void retireAfterGoaway(QNetworkAccessManager *network);
    void releaseRetired(QNetworkAccessManager *network, int answered);
    bool isCurrent(const QNetworkAccessManager *network) const;
    void start(const QNetworkRequest &request, const QByteArray &body, quint64 id, qint64 sentAtNs,
               int resends);
    int capacity(const Manager &manager) const;
    void onFinished(QNetworkReply *reply);
    void classifyFailure(QNetworkReply &reply, TransportResult &result);
    static QByteArray headerLines(const QNetworkReply &reply);
    void expireDeadlines();
    void armDeadlineTimer();
    int effectiveLimit() const;
    void startBacklog();
    void resultReady();
    void flushResults();

    const QnamWorkerSettings m_settings;
    // Whether the requests may go over HTTP/2 (TLS with ALPN, or prior
    // knowledge): only then is requestSent watched (see start()).
    const bool m_mayUseHttp2;
    std::vector<Manager> m_managers;
    // Managers retired after a GOAWAY, with their requests not yet answered.
    QHash<QNetworkAccessManager *, int> m_retired;
    std::size_t m_nextManager = 0;
    QHash<QNetworkReply *, Pending> m_pending;
    QHash<QNetworkReply *, QList<QSslError>> m_sslErrors;
    // Every request of a destination has the same timeout: deadlines come in
    // the order requests were sent, and one timer at the front serves them all.
    std::deque<Deadline> m_deadlines;
    QTimer *m_deadlineTimer;
    std::deque<TransportRequest> m_backlog; // given, not started yet
    int m_limit = Unlimited;
    QTimer *m_holdTimer; // ResultHoldMs
    quint64 m_serial = 0;
    QList<TransportResult> m_results;
    bool m_flushQueued = false;
};

} // namespace outflow
