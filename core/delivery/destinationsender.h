#pragma once

#include "delivery/adaptivewindow.h"
#include "delivery/authprovider.h"
#include "delivery/deliveryjournal.h"
#include "delivery/deliverymetrics.h"
#include "delivery/destinationsecrets.h"
#include "delivery/destinationstate.h"
#include "delivery/retrypolicy.h"
#include "delivery/secretredactor.h"
#include "delivery/transport.h"
#include "model/destination.h"
#include "model/export.h"
#include "monitoring/metricsbucket.h"

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <QHash>
#include <QObject>

class QTimer;

namespace outflow {

class MetricsRecorder;
class NetworkThreadPool;
class Store;

struct SenderOptions
{
    int claimBatch = 1024; // exports claimed per transaction, at most
    std::chrono::milliseconds flushInterval{5};
    int flushBatch = 4096; // outcomes that make a flush happen at once
    std::chrono::milliseconds pollInterval{1000};
    // The dataflow's lease (Store::acquireSenderLease): how long it lasts
    // unless renewed, and how often it is. A sender that died without
    // giving it up holds it that long, unless its process is known to be
    // gone (same host, its pid no longer runs).
    std::chrono::milliseconds leaseTtl{15000};
    std::chrono::milliseconds leaseRenewInterval{5000};
    std::chrono::milliseconds metricsInterval{250};
    int initialWindow = AdaptiveWindow::InitialSize;
    DeliveryJournal::Limits journal;
    AuthProviderOptions auth;
    // The monitoring stage's recorder (thread-safe, outlives the sender):
    // attempts, deliveries, retries and failures go there with each snapshot,
    // added up in the sender meanwhile. None: not recorded.
    MetricsRecorder *recorder = nullptr;
    // The network behind the sender (Transport's narrow interface): none
    // means QNAM, what the product ships. Another stack, or bench/delivery's
    // instant answers that measure the engine's own CPU per export, can be
    // put behind the same sender. Called in the sender's thread; the sender
    // owns (parents) what it returns.
    std::function<Transport *(QObject *parent)> transportFactory;
};

// Delivers one destination's outbox (DESIGN §2 Delivery, §4; issue #6). One
// per destination, each on a thread of its own with its own store
// connection, window and queue: a slow or failing endpoint never slows
// another. The Engine creates it, moves it to its thread and calls start();
// everything below runs in that thread.
//
// The loop: claim a batch of due exports (DeliveryJournal::claim: retries
// first, live before backfill and replay, one export per profile at a time),
// keep up to the adaptive window of them in flight through the transport
// (which holds a backlog beyond it, started as answers come: the sender
// wakes per batch of answers, not per answer), and record each outcome: a 2xx removes the export, a
// retryable failure schedules its retry (RetryPolicy), a final one makes it a dead letter. Outcomes
// are written in batches every few milliseconds; until then their exports stay claimed, so a
// profile's next export waits for them.
//
// At least once: exports claimed when the process dies, or when the sender
// stops with requests in flight, are released (pending again) by the next
// start, with the same export id.
//
// One sender per dataflow, whatever the processes on the store: a sender
// delivers only while it holds the dataflow's lease (renewed every few
// seconds), and releases earlier claims only when it takes the lease, so
// that the app and `outflowctl run` on one store never send the same
// exports twice. Without the lease it waits, and reports idle only when the
// outbox is empty (whoever emptied it).
class DestinationSender final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DestinationSender)

public:
    // Exports claimed ahead of the window, at least (see refill()).
    static constexpr int MinimumClaim = 256;
    // Requests given to a transport that keeps a backlog beyond the window,
    // at least: enough for the network threads to go on while the sender
    // handles a batch of answers (see Transport::keepsBacklog).
    static constexpr int MinimumBacklog = 64;
    // ... and only below this window (see backlog()).
    static constexpr int MaximumBacklogWindow = 128;

    // `secrets` were read from the keychain by the caller (SecretStore runs
    // on the main thread only). `pool` must outlive the sender.
    DestinationSender(QString storePath, Destination destination, QString dataflowId,
                      DestinationSecrets secrets, NetworkThreadPool *pool,
                      SenderOptions options = {});
    ~DestinationSender() override;

    QString destinationId() const { return m_destination.id; }

public slots:
    // Opens the store, releases claims left over, loads TLS, builds the
    // authentication and starts sending; failed() when any of that fails.
    void start();
    // New exports may be there (an ingest commit, a backfill page); the
    // generation comes back with the next stateChanged().
    void nudge(quint64 generation);
    // Stops sending: abandons requests in flight, writes the outcomes
    // received, releases the exports still claimed and closes the store.
    void stop();

signals:
    void failed(const QString &destinationId, outflow::SenderBlock block, const QString &message);
    // idle: nothing in flight or queued and nothing left in the outbox but
    // dead letters. Emitted on each change, and once per nudge when idle.
    void stateChanged(const QString &destinationId, bool idle, quint64 generation);
    void metricsChanged(const outflow::DeliveryMetrics &metrics);
    // The token endpoint refused or failed (the auth-failure alert).
    void authenticationFailed(const QString &destinationId, const QString &message);

private:
    struct Queued
    {
        OutboxExport row;
        bool authRetried = false; // a 401 already refreshed the token once
        qint64 claimedAtNs = 0;   // steady clock: a batch's age counts from its first (issue #22)
    };
    struct InFlight
    {
        OutboxExport row;
        QByteArray authorization;
        bool authRetried = false;
    };
    // What an attempt that did not deliver leaves for the log and the outbox.
    struct Failure
    {
        int httpStatus = 0;
        QString errorKind;
        QString error;
        QString excerpt;
        QString headers; // of an answer that was not a 2xx
        QByteArray retryAfter;
    };
    // --- Batched delivery (issue #22) ---
    // An export's outcome when it went in a batch (see senderbatches.cpp).
    struct BatchContext
    {
        QString batchId;
        double jitter = 0;     // one draw for the whole batch: its retries stay together
        QString answerExcerpt; // a 2xx's, redacted once for the whole batch
    };
    // --- end Batched delivery ---

    bool fail(SenderBlock block, const QString &message);
    // senderlease.cpp: takes or renews the dataflow's lease; false when
    // another sender holds it (this one then waits, and sends nothing).
    bool takeLease();
    static bool leaseHolderIsGone(const QString &holder);
    void schedulePump();
    void pump();
    void refill();
    void sendQueued();
    int backlog() const;
    void checkIdle();
    void setIdle(bool idle);
    void requestAuthorization();

    // senderoutcomes.cpp
    void onResults(const QList<outflow::TransportResult> &results);
    void onAuthorized(const AuthResult &result);
    // `batch`: the export went in a batch (issue #22), else alone.
    void recordDelivered(const OutboxExport &row, const TransportResult &result, qint64 nowMs,
                         const BatchContext *batch = nullptr);
    void recordRetryable(const OutboxExport &row, const Failure &failure, qint64 latencyMs,
                         qint64 nowMs, const BatchContext *batch = nullptr);
    void recordFinal(const OutboxExport &row, const Failure &failure, qint64 latencyMs,
                     qint64 nowMs, const BatchContext *batch = nullptr);
    Failure failureOf(const TransportResult &result) const;
    DeliveryLogEntry logEntry(const OutboxExport &row, DeliveryOutcome outcome,
                              const Failure &failure, qint64 latencyMs, qint64 nowMs,
                              const BatchContext *batch) const;
    void outcomeAdded();
    void flushOutcomes();
    void armRetryTimer(qint64 atMs);

    // --- Batched delivery (issue #22) ---
    // senderbatches.cpp. With destination.batchMaxExports > 1, the queue
    // leaves in batches (batchenvelope.h): one request carries up to that many
    // exports (one per profile: the claim never holds two of a profile), up
    // to batchMaxBytes of body, and leaves when full or when its first export
    // has waited batchMaxAgeMs since it was claimed. Each export keeps its
    // outcome, its log entry (with the batch id) and its metrics.
    struct BatchFlight
    {
        QList<OutboxExport> rows;
        QByteArray batchId;
        QByteArray authorization;
        qsizetype bodyBytes = 0;
        bool authRetried = false;
    };
    // A composition that leaves as it is, before the queue: a half of a
    // batch answered 413, or a batch sent again after a 401 refreshed the token.
    struct HeldBatch
    {
        QList<OutboxExport> rows;
        bool authRetried = false;
    };
    static constexpr quint64 BatchRequestBit = quint64(1) << 63; // request ids of batches
    bool isBatched() const { return m_destination.batchMaxExports > 1; }
    int exportsInFlight() const { return int(m_inFlight.size()) + m_exportsInBatches; }
    int claimAhead() const;
    void sendBatches();
    bool nextBatch(qint64 nowNs, QList<OutboxExport> &rows, bool &authRetried);
    void sendBatch(QList<OutboxExport> rows, bool authRetried, const QByteArray &authorization);
    void onBatchResult(const TransportResult &result, qint64 nowNs, qint64 nowMs,
                       bool windowLimited);
    void recordBatchFailure(const BatchFlight &flight, const TransportResult &result,
                            bool retryable, qint64 nowMs);
    void splitBatch(const BatchFlight &flight);
    void failHeldBatchesForAuth(const Failure &failure, qint64 nowMs);
    void clearBatches();

    QHash<quint64, BatchFlight> m_batchesInFlight;
    std::deque<HeldBatch> m_heldBatches;
    int m_exportsInBatches = 0; // rows of m_batchesInFlight
    quint64 m_batchSerial = 0;
    qsizetype m_learntMaxBytes = 0; // below the smallest body answered 413; 0: none
    QTimer *m_batchTimer = nullptr;
    // --- end Batched delivery ---

    // sendermetrics.cpp
    void refreshSummary(bool force);
    void emitMetrics();
    void countAuthFailure();
    Destination onTheWire() const;

    const QString m_storePath;
    const Destination m_destination;
    const QString m_dataflowId;
    const DestinationSecrets m_secrets;
    NetworkThreadPool *const m_pool;
    const SenderOptions m_options;

    std::unique_ptr<Store> m_store;
    std::unique_ptr<DeliveryJournal> m_journal;
    std::shared_ptr<AuthProvider> m_auth;
    Transport *m_transport = nullptr; // a child
    SecretRedactor m_redactor;
    RetryPolicy m_policy;
    AdaptiveWindow m_window;

    std::deque<Queued> m_queue; // claimed, waiting for room in the window
    QHash<quint64, InFlight> m_inFlight;
    QByteArray m_lastAuthorization; // the redactor knows it

    bool m_running = false;
    const QString m_leaseOwner; // "host/pid/nonce"
    bool m_leased = false;      // this sender delivers the dataflow (see takeLease)
    QString m_waitingFor;       // the holder last logged as delivering instead
    bool m_mayHaveWork = false; // something may be claimable: claim before idling
    bool m_waitingForAuth = false;
    bool m_pumpQueued = false;
    bool m_idle = false;
    quint64 m_generation = 0;
    quint64 m_reportedGeneration = 0;
    bool m_reported = false;

    QTimer *m_flushTimer;
    QTimer *m_retryTimer;
    QTimer *m_pollTimer;
    QTimer *m_metricsTimer;
    QTimer *m_leaseTimer;
    qint64 m_retryTimerAt = 0; // UNIX ms the retry timer is armed for; 0: not armed

    DeliveryMetrics m_metrics;
    MetricsBucket m_unrecorded; // for options.recorder, since the last snapshot
    qint64 m_sloTargetMs = 0;
    OutboxSummary m_summary;
    qint64 m_summaryAtNs = 0;
    qint64 m_summaryCostNs = 0;
};

} // namespace outflow
