// The sender's life and loop: start, claim, send, idle, stop. Results and
// their outcomes are in senderoutcomes.cpp, metrics in sendermetrics.cpp.
#include "destinationsender.h"

#include "app/logging.h"
#include "delivery/qnamtransport.h"
#include "delivery/tlsconfig.h"
#include "monitoring/alertrules.h"
#include "store/sqlitestore.h"

#include <limits>
#include <QDateTime>
#include <QMetaObject>
#include <QTimer>

namespace outflow {

QString newLeaseOwner(); // senderlease.cpp

DestinationSender::DestinationSender(QString storePath, Destination destination, QString dataflowId,
                                     DestinationSecrets secrets, NetworkThreadPool *pool,
                                     SenderOptions options)
    : m_storePath(std::move(storePath))
    , m_destination(std::move(destination))
    , m_dataflowId(std::move(dataflowId))
    , m_secrets(std::move(secrets))
    , m_pool(pool)
    , m_options(std::move(options))
    , m_policy(RetryPolicy::forDestination(m_destination))
    , m_window(m_destination.maxConcurrency, m_destination.timeoutMs, m_options.initialWindow)
    , m_leaseOwner(newLeaseOwner())
    , m_flushTimer(new QTimer(this))
    , m_retryTimer(new QTimer(this))
    , m_pollTimer(new QTimer(this))
    , m_metricsTimer(new QTimer(this))
    , m_leaseTimer(new QTimer(this))
{
    qRegisterMetaType<TransportResult>();
    qRegisterMetaType<QList<TransportResult>>();
    qRegisterMetaType<TransportRequest>();
    qRegisterMetaType<QList<TransportRequest>>();
    qRegisterMetaType<DeliveryMetrics>();
    m_metrics.destinationId = m_destination.id;
    m_metrics.dataflowId = m_dataflowId;
    m_unrecorded.dataflowId = m_dataflowId;
    // Invalid overrides were refused when the destination was saved.
    m_sloTargetMs = AlertRules::thresholds(m_destination.alertThresholds)
                        .value_or(AlertThresholds{})
                        .sloTargetMs;

    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(m_options.flushInterval);
    connect(m_flushTimer, &QTimer::timeout, this, &DestinationSender::flushOutcomes);
    m_retryTimer->setSingleShot(true);
    m_retryTimer->setTimerType(Qt::PreciseTimer);
    connect(m_retryTimer, &QTimer::timeout, this, [this] {
        m_retryTimerAt = 0;
        m_mayHaveWork = true;
        schedulePump();
    });
    // Exports queued by another process (outflowctl ingest, replay) and
    // retries scheduled by one are found by polling.
    m_pollTimer->setInterval(m_options.pollInterval);
    connect(m_pollTimer, &QTimer::timeout, this, [this] {
        if (!m_leased && !takeLease()) {
            schedulePump(); // idle once whoever holds the lease empties the outbox
            return;
        }
        if (m_queue.empty() && m_inFlight.isEmpty()) {
            m_mayHaveWork = true;
            schedulePump();
        }
    });
    m_metricsTimer->setInterval(m_options.metricsInterval);
    connect(m_metricsTimer, &QTimer::timeout, this, &DestinationSender::emitMetrics);
    // A batch that waits for company leaves when its first export is old
    // enough (issue #22).
    m_batchTimer = new QTimer(this);
    m_batchTimer->setSingleShot(true);
    m_batchTimer->setTimerType(Qt::PreciseTimer);
    connect(m_batchTimer, &QTimer::timeout, this, &DestinationSender::schedulePump);
    m_leaseTimer->setInterval(m_options.leaseRenewInterval);
    connect(m_leaseTimer, &QTimer::timeout, this, [this] {
        if (m_leased)
            takeLease();
    });
}

DestinationSender::~DestinationSender()
{
    stop();
}

bool DestinationSender::fail(SenderBlock block, const QString &message)
{
    // Logged by whoever listens (SenderSupervisor), once.
    emit failed(m_destination.id, block, message);
    return false;
}

// The destination as its requests carry it: secret headers and query
// values from the keychain, here only (never stored, never logged).
Destination DestinationSender::onTheWire() const
{
    Destination wire = m_destination;
    m_secrets.applyTo(wire);
    return wire;
}

void DestinationSender::start()
{
    if (m_running)
        return;
    auto store = std::make_unique<SqliteStore>(m_storePath);
    if (!store->open()) {
        fail(SenderBlock::Store, tr("The sender of “%1” could not open the store: %2")
                                     .arg(m_destination.name, store->lastError()));
        return;
    }
    TlsConfig tls;
    const bool https = m_destination.endpoint.scheme() == QLatin1String("https");
    if (https || !m_destination.clientCertPath.isEmpty()) {
        tls = TlsConfig::load(
            TlsSettings::fromDestination(m_destination, m_secrets.keyPassphrase.toUtf8()));
        if (!tls.isValid()) {
            fail(SenderBlock::Tls, tr("The sender of “%1” cannot use its TLS settings: %2")
                                       .arg(m_destination.name, tls.errorString()));
            return;
        }
        for (const QString &warning : tls.warnings())
            qCWarning(lcDelivery).noquote() << m_destination.name << ':' << warning;
    }
    QString error;
    m_auth = createAuthProvider(m_destination, m_secrets, m_options.auth, &error);
    if (!m_auth) {
        fail(SenderBlock::Auth,
             tr("The sender of “%1” cannot authenticate: %2").arg(m_destination.name, error));
        return;
    }
    m_redactor = SecretRedactor(m_destination, m_secrets);
    m_store = std::move(store);
    m_journal = std::make_unique<DeliveryJournal>(*m_store, m_destination.id, m_dataflowId,
                                                  m_options.journal);
    m_transport =
        m_options.transportFactory
            ? m_options.transportFactory(this)
            : new QnamTransport(TransportSettings::forDestination(onTheWire(), tls), m_pool, this);
    connect(m_transport, &Transport::finished, this, &DestinationSender::onResults);
    m_running = true;
    m_mayHaveWork = true;
    if (!takeLease() && !m_running)
        return; // failed(): the store refused
    m_pollTimer->start();
    m_metricsTimer->start();
    m_leaseTimer->start();
    schedulePump();
}

void DestinationSender::nudge(quint64 generation)
{
    m_generation = std::max(m_generation, generation);
    m_mayHaveWork = true;
    schedulePump();
}

void DestinationSender::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_flushTimer->stop();
    m_retryTimer->stop();
    m_pollTimer->stop();
    m_metricsTimer->stop();
    delete m_transport; // its requests in flight are abandoned
    m_transport = nullptr;
    m_leaseTimer->stop();
    m_inFlight.clear();
    m_queue.clear();
    clearBatches();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!m_journal->flush(now))
        qCWarning(lcDelivery).noquote() << m_destination.name << ':' << m_journal->lastError();
    // Only the lease holder's claims are this sender's to release.
    if (m_leased && (m_store->releaseClaims(m_dataflowId) < 0 ||
                     !m_store->releaseSenderLease(m_dataflowId, m_leaseOwner)))
        qCWarning(lcDelivery).noquote() << m_destination.name << ':' << m_store->lastError();
    m_leased = false;
    emitMetrics();
    m_journal.reset();
    m_store.reset();
    m_auth.reset();
}

void DestinationSender::schedulePump()
{
    if (m_pumpQueued || !m_running)
        return;
    m_pumpQueued = true;
    QMetaObject::invokeMethod(this, &DestinationSender::pump, Qt::QueuedConnection);
}

void DestinationSender::pump()
{
    m_pumpQueued = false;
    if (!m_running)
        return;
    if (m_leased) {
        refill();
        sendQueued();
    } else {
        m_mayHaveWork = false; // another sender's to claim
    }
    checkIdle();
}

// Claims when the queue runs low, up to two windows' worth in all: the next
// requests are ready when answers come, and few transactions are spent.
void DestinationSender::refill()
{
    // At least MinimumClaim ahead, whatever the window: over loopback the
    // window stays small (8-20) and claiming two windows at a time meant a
    // transaction per handful of exports.
    const int ahead =
        isBatched() ? claimAhead() : std::max(2 * m_window.size() + backlog(), MinimumClaim);
    if (!m_mayHaveWork || qsizetype(m_queue.size()) > ahead / 2)
        return;
    const int room = ahead - exportsInFlight() - int(m_queue.size());
    const int want = std::min(m_options.claimBatch, room);
    if (want <= 0)
        return;
    const QList<OutboxExport> rows = m_journal->claim(want, QDateTime::currentMSecsSinceEpoch());
    if (!m_journal->lastError().isEmpty()) {
        // Tried again on the next poll: the store may be busy for a while.
        qCWarning(lcDelivery).noquote() << m_destination.name << ':' << m_journal->lastError();
        m_mayHaveWork = false;
        return;
    }
    if (rows.size() < want)
        m_mayHaveWork = false;
    const qint64 claimedAtNs = steadyNowNs();
    for (const OutboxExport &row : rows)
        m_queue.push_back(Queued{row, false, claimedAtNs});
}

void DestinationSender::sendQueued()
{
    if (isBatched())
        return sendBatches(); // senderbatches.cpp (issue #22)
    QList<TransportRequest> batch;
    const int window = m_window.size();
    // The window bounds what is on the wire; a transport that keeps a
    // backlog is given more, and starts it as answers come (issue #19).
    // Without a backlog (a large window) the transport starts whatever it is
    // given, as before there was one: the sender alone keeps the window.
    const int backlogSize = backlog();
    if (m_transport->keepsBacklog())
        m_transport->setConcurrency(backlogSize > 0 ? window : std::numeric_limits<int>::max());
    const int handed = window + backlogSize;
    while (!m_queue.empty() && m_inFlight.size() < handed && !m_waitingForAuth) {
        const std::optional<QByteArray> authorization = m_auth->cachedAuthorization();
        if (!authorization) {
            requestAuthorization();
            break;
        }
        if (*authorization != m_lastAuthorization) {
            m_lastAuthorization = *authorization;
            if (!authorization->isEmpty())
                m_redactor.addAuthorization(*authorization);
        }
        Queued queued = std::move(m_queue.front());
        m_queue.pop_front();
        const auto id = quint64(queued.row.sequence);
        batch.append(TransportRequest{
            id, queued.row.exportId.toLatin1(), queued.row.payload, *authorization, {}});
        m_inFlight.insert(id, InFlight{std::move(queued.row), *authorization, queued.authRetried});
    }
    if (!batch.isEmpty())
        m_transport->send(batch);
}

// A backlog pays while the window is small (a fast endpoint: each answer
// woke the sender, and the next request waited for it), not once it is large
// (a slow endpoint: answers already come back many per wake-up, and a
// network thread that keeps every place of the window busy only adds CPU
// where CPU is the limit). Measured alternately (bench/README.md, issue
// #19): HTTP/1.1 at 0 ms, window 12-25, 0.78-0.85 of a bare QNAM before and
// 0.84-0.97 with the backlog; at 50 ms, window 380-550, 0.87-0.97 before and
// 0.79-0.86 with it.
int DestinationSender::backlog() const
{
    if (!m_transport->keepsBacklog() || m_window.size() >= MaximumBacklogWindow)
        return 0;
    return std::max(m_window.size(), MinimumBacklog);
}

void DestinationSender::requestAuthorization()
{
    m_waitingForAuth = true;
    m_auth->authorize(this, [this](const AuthResult &result) { onAuthorized(result); });
}

void DestinationSender::checkIdle()
{
    if (!m_queue.empty() || !m_inFlight.isEmpty() || m_journal->unflushed() > 0 || m_mayHaveWork ||
        m_waitingForAuth || !m_batchesInFlight.isEmpty() || !m_heldBatches.empty()) {
        setIdle(false);
        return;
    }
    // Nothing claimable now: is anything left at all, and when is the next retry?
    refreshSummary(true);
    armRetryTimer(m_summary.nextRetryAt);
    setIdle(m_summary.backlog() == 0);
}

void DestinationSender::setIdle(bool idle)
{
    if (m_reported && idle == m_idle && (!idle || m_generation == m_reportedGeneration))
        return;
    m_reported = true;
    m_idle = idle;
    m_reportedGeneration = m_generation;
    if (idle)
        emitMetrics(); // final figures before the news that there are no more
    emit stateChanged(m_destination.id, idle, m_generation);
}

void DestinationSender::armRetryTimer(qint64 atMs)
{
    if (atMs <= 0 || (m_retryTimerAt > 0 && m_retryTimerAt <= atMs))
        return;
    m_retryTimerAt = atMs;
    const qint64 wait = atMs - QDateTime::currentMSecsSinceEpoch();
    m_retryTimer->start(int(std::clamp<qint64>(wait, 0, qint64(24) * 3600 * 1000)));
}

} // namespace outflow
