#include "engine.h"

#include "activation/backfillrunner.h"
#include "app/logging.h"
#include "app/settings.h"
#include "ingest/ingestor.h"
#include "ingest/ingestserver.h"
#include "monitoring/metricsrecorder.h"
#include "monitoring/monitor.h"
#include "pipeline.h"
#include "segmentation/segmenter.h"
#include "sendersupervisor.h"
#include "store/sqlitestore.h"

#include <algorithm>
#include <QDateTime>
#include <QElapsedTimer>
#include <QScopedValueRollback>
#include <QTimer>

namespace outflow {

// Hands subscribed alerts to whoever listens to the Engine (queued across threads).
class Engine::SignalNotifier final : public AlertNotifier
{
public:
    explicit SignalNotifier(Engine &engine)
        : m_engine(engine)
    {}
    void notify(const QList<Alert> &raised) override { emit m_engine.alertsRaised(raised); }

private:
    Engine &m_engine;
};

Engine::Engine(QString storePath, QObject *parent)
    : QObject(parent)
    , m_storePath(std::move(storePath))
    , m_audiencesTimer(new QTimer(this))
    , m_backfillTimer(new QTimer(this))
    , m_senderSyncTimer(new QTimer(this))
{
    qRegisterMetaType<AudienceSummary>();
    qRegisterMetaType<QList<AudienceSummary>>();
    qRegisterMetaType<QList<Alert>>();
    qRegisterMetaType<ActivationPlan>();
    qRegisterMetaType<ActivationChoices>();
    qRegisterMetaType<PayloadPreview>();
    qRegisterMetaType<ProfileLineage>();
    qRegisterMetaType<MonitoringReport>();
    qRegisterMetaType<MonitoringWindow>();
    m_audiencesTimer->setSingleShot(true);
    m_audiencesTimer->setInterval(AudiencesRefreshMs);
    connect(m_audiencesTimer, &QTimer::timeout, this, &Engine::refreshAudiences);
    // Zero interval (start(0)): the next page right after the events queued
    // meanwhile; BackfillRetryMs after a failed one.
    m_backfillTimer->setSingleShot(true);
    connect(m_backfillTimer, &QTimer::timeout, this, &Engine::runBackfillPage);
    m_maintenance.setMaxThreadCount(1);
    m_maintenance.setObjectName(QStringLiteral("outflow-store-maintenance"));
    m_senderSyncTimer->setInterval(SenderSyncMs);
    connect(m_senderSyncTimer, &QTimer::timeout, this, &Engine::syncSenders);
}

Segmenter *Engine::segmenter() const
{
    return m_pipeline ? &m_pipeline->segmenter() : nullptr;
}

Activator *Engine::activator() const
{
    return m_pipeline ? &m_pipeline->activator() : nullptr;
}

QStringList Engine::deliveryProblems() const
{
    return m_senders ? m_senders->problems() : QStringList();
}

Engine::~Engine()
{
    // A backup in progress stops at its next step; a check ends first.
    m_maintenanceState->stopping = true;
    stopAudienceJobs(); // the Audiences page's (issue #17): they stop at their next row
    m_maintenance.waitForDone();
    // Senders first: they write their last outcomes to the store file.
    delete m_senders;
    m_senders = nullptr;
    // The server refers to the ingestor, which refers to the store.
    delete m_ingestServer;
    if (m_monitor && !m_monitor->flush()) // the unfinished minute's figures too
        qCWarning(lcApp).noquote() << m_monitor->lastError();
    m_ingestor.reset();
    m_monitor.reset();
    m_backfills.reset();
    m_pipeline.reset();
    m_store.reset();
}

void Engine::open()
{
    auto store = std::make_unique<SqliteStore>(m_storePath);
    // Never write into a damaged store: a quick_check first (issue #23).
    store->setVerifyOnOpen(true);
    if (!store->open()) {
        emit failed(store->lastError());
        return;
    }
    m_store = std::move(store);
    m_ingestor = std::make_unique<Ingestor>(*m_store);
    // Segmentation and activation after each merge, inside the ingest
    // transaction: a request is answered 2xx only with its exports queued.
    m_pipeline = std::make_unique<Pipeline>(*m_store);
    m_pipeline->segmenter().setRetentionDays(Settings().membershipRetentionDays());
    m_backfills = std::make_unique<BackfillRunner>(*m_store, m_pipeline->activator());
    // Hidden, for tests: small pages make a small backfill last many commits,
    // so that a test can interrupt it between two (tst_backfill_restart).
    if (const int pageSize = qEnvironmentVariableIntValue("OUTFLOW_BACKFILL_PAGE_SIZE");
        pageSize > 0)
        m_backfills->setPageSize(pageSize);
    m_recorder = std::make_unique<MetricsRecorder>();
    m_pipeline->setRecorder(m_recorder.get());
    m_monitor = std::make_unique<Monitor>(*m_store, *m_recorder);
    m_notifier = std::make_unique<SignalNotifier>(*this);
    m_monitor->addNotifier(m_notifier.get());
    if (!m_monitor->restore())
        qCWarning(lcApp).noquote() << m_monitor->lastError();
    auto *monitorTimer = new QTimer(this);
    // Hidden, for tests: alerts judged every few hundred milliseconds
    // instead of every 5 s (tst_alerts).
    const int tickMs = qEnvironmentVariableIntValue("OUTFLOW_MONITOR_TICK_MS");
    monitorTimer->setInterval(tickMs > 0 ? tickMs : MonitorTickMs);
    connect(monitorTimer, &QTimer::timeout, this, &Engine::tickMonitor);
    monitorTimer->start();
    SenderOptions senderOptions = m_senderOptions;
    senderOptions.recorder = m_recorder.get(); // deleted after the senders (close())
    m_senders = new SenderSupervisor(m_storePath, senderOptions, this);
    connect(m_senders, &SenderSupervisor::secretsNeeded, this, &Engine::secretsNeeded);
    connect(m_senders, &SenderSupervisor::metricsChanged, this, &Engine::onDeliveryMetrics);
    connect(m_senders, &SenderSupervisor::senderFailed, this, &Engine::senderFailed);
    connect(m_senders, &SenderSupervisor::authenticationFailed, this,
            &Engine::authenticationFailed);
    connect(m_senders, &SenderSupervisor::stateChanged, this, &Engine::checkIdle);
    m_senderSyncTimer->start();
    reloadAudiences();
    m_ingestor->setMergedCallback(
        [this](const Fragment &, const MergeReport &report, QString *error) {
            return m_pipeline->processMerge(report) || (*error = m_pipeline->lastError(), false);
        });
    purgeExpiredMemberships();
    auto *purgeTimer = new QTimer(this);
    purgeTimer->setInterval(60 * 60 * 1000);
    connect(purgeTimer, &QTimer::timeout, this, &Engine::purgeExpiredMemberships);
    purgeTimer->start();
    qCInfo(lcApp).noquote() << "Store open:" << m_storePath;
    emit opened();
    m_profileCount = m_store->profileCount();
    emit profileCountChanged(m_profileCount);
    refreshAudiences();
}

void Engine::startIngestEndpoint(quint16 port, const QHostAddress &address, qint64 maxBodyBytes,
                                 const QByteArray &token)
{
    if (!m_ingestor) {
        emit failed(tr("The store is not open."));
        return;
    }
    stopIngestEndpoint();
    m_ingestServer = new IngestServer(*m_ingestor, token, this);
    m_ingestServer->setMaxBodyBytes(maxBodyBytes);
    // No COUNT(*) per request (linear in the store): the commit says by how much.
    connect(m_ingestServer, &IngestServer::fragmentsCommitted, this,
            [this](int count, qint64 profileDelta) {
                // Audiences added or edited by outflowctl meanwhile apply
                // from the next request on.
                reloadAudiences();
                emit fragmentsCommitted(count);
                m_profileCount += profileDelta;
                emit profileCountChanged(m_profileCount);
                scheduleAudiencesRefresh();
            });
    const quint16 bound = m_ingestServer->start(port, address);
    if (bound == 0) {
        emit failed(m_ingestServer->errorString());
        stopIngestEndpoint();
        return;
    }
    emit ingestEndpointStarted(bound);
}

void Engine::reloadAudiences()
{
    if (!m_pipeline)
        return;
    const QScopedValueRollback reloading(m_reloading, true);
    m_pipeline->reload();
    // Also when it loaded: a stored rule that no longer parses is named here.
    if (!m_pipeline->lastError().isEmpty())
        qCWarning(lcApp).noquote() << m_pipeline->lastError();
    scheduleAudiencesRefresh();
    syncSenders();
    // Exports committed since (an ingest, an audience change) go out now.
    m_senders->nudge();
    m_backfillsIdle = false;
    checkIdle();               // busy until the backfills and the nudged senders say otherwise
    m_backfillTimer->start(0); // also sooner than a pending retry
}

void Engine::syncSenders()
{
    if (!m_store || !m_senders)
        return;
    const QList<Destination> destinations = m_store->destinations();
    const QString destinationsError = m_store->lastError();
    const QList<Dataflow> dataflows = m_store->dataflows();
    if (!destinationsError.isEmpty() || !m_store->lastError().isEmpty()) {
        // The senders keep going as they are; the next sync tries again.
        qCWarning(lcApp).noquote() << destinationsError << m_store->lastError();
        return;
    }
    m_senders->sync(destinations, dataflows);
    // outflowctl may activate, edit or import audiences while the app runs
    // (issue #17): what the rules and dataflows look like now, and a reload
    // (segmentation, backfills, the audience lists) when another process
    // changed them.
    QString activation;
    for (const Audience &audience : m_store->audiences())
        activation += audience.id + QString::number(audience.updatedAt) + u';';
    for (const Dataflow &dataflow : dataflows) {
        activation += dataflow.id + QString::number(dataflow.updatedAt) + u':';
        for (const MappedAudience &mapped : dataflow.audiences)
            activation += mapped.audienceId + QString::number(mapped.mappingUpdatedAt) + u',';
    }
    const bool activationChanged =
        !m_activationFingerprint.isEmpty() && activation != m_activationFingerprint;
    m_activationFingerprint = activation;
    if (activationChanged && !m_reloading) {
        qCInfo(lcApp) << "Audiences or dataflows changed in the store: reloading";
        reloadAudiences(); // syncs the senders again, with the new dataflows
        return;
    }
    // outflowctl may add, edit or remove destinations while the app runs.
    QString fingerprint;
    for (const Destination &destination : destinations)
        fingerprint += destination.id + QString::number(destination.updatedAt) +
                       (destination.enabled ? u'+' : u'-');
    for (const Dataflow &dataflow : dataflows)
        fingerprint += dataflow.id + QString::number(dataflow.audiences.size());
    if (fingerprint != m_destinationsFingerprint) {
        m_destinationsFingerprint = fingerprint;
        emit destinationsChanged();
    }
}

void Engine::setDestinationSecrets(const QString &destinationId, const DestinationSecrets &secrets)
{
    if (m_senders)
        m_senders->setSecrets(destinationId, secrets);
}

void Engine::destinationSecretsUnavailable(const QString &destinationId, const QString &message)
{
    if (m_senders)
        m_senders->secretsUnavailable(destinationId, message);
}

void Engine::checkIdle()
{
    const bool idleNow = m_backfillsIdle && m_senders && m_senders->isIdle();
    if (idleNow && !m_idle)
        emit idle();
    m_idle = idleNow;
}

void Engine::refreshAudiences()
{
    if (!m_store)
        return;
    m_audiencesTimer->stop(); // this read answers any pending one
    QElapsedTimer took;
    took.start();
    const QList<Audience> audiences = m_store->audiences();
    if (!m_store->lastError().isEmpty())
        qCWarning(lcApp).noquote() << m_store->lastError();
    const QHash<QString, MembershipCounts> counts = m_store->allMembershipCounts();
    QList<AudienceSummary> summaries;
    summaries.reserve(audiences.size());
    for (const Audience &audience : audiences) {
        const MembershipCounts count = counts.value(audience.id);
        summaries.append({audience.id, audience.name, audience.origin, audience.rule,
                          audience.mergePolicyId, count.realized, count.exited, audience.createdAt,
                          audience.updatedAt, audience.description});
    }
    // The counts scan every membership: cheap on a small store, a large part
    // of the ingest thread's time on millions of rows if repeated twice a
    // second. The next automatic refresh waits at least 20 times what this
    // one took, so it never takes more than 5 % of the thread.
    m_audiencesTimer->setInterval(int(std::max<qint64>(AudiencesRefreshMs, 20 * took.elapsed())));
    emit audiencesChanged(summaries);
}

void Engine::refreshAlerts(bool includeResolved)
{
    QList<Alert> alerts;
    if (m_store) {
        alerts = m_store->alerts(!includeResolved);
        if (!m_store->lastError().isEmpty())
            qCWarning(lcApp).noquote() << m_store->lastError();
    }
    emit alertsListed(alerts);
}

void Engine::scheduleAudiencesRefresh()
{
    // Not restarted while pending: a steady stream of commits still gets
    // a snapshot every AudiencesRefreshMs.
    if (m_store && !m_audiencesTimer->isActive())
        m_audiencesTimer->start();
}

void Engine::purgeExpiredMemberships()
{
    if (!m_pipeline)
        return;
    Segmenter &segmenter = m_pipeline->segmenter();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 removed = segmenter.purgeExpired(now);
    if (removed < 0)
        qCWarning(lcApp).noquote() << segmenter.lastError();
    if (m_monitor && !m_monitor->maintain())
        qCWarning(lcApp).noquote() << m_monitor->lastError();
    // The activation log ("why was it sent?") is kept as long as memberships.
    if (m_store->removeActivationsBefore(now - qint64(segmenter.retentionDays()) * 86'400'000) < 0)
        qCWarning(lcApp).noquote() << m_store->lastError();
    else if (removed > 0)
        qCInfo(lcApp) << "Removed" << removed << "exited memberships past their retention";
}

void Engine::runBackfillPage()
{
    if (!m_backfills)
        return;
    Backfill progress;
    bool idle = false;
    if (!m_backfills->runPage(&progress, &idle)) {
        qCWarning(lcApp).noquote() << m_backfills->lastError();
        m_backfillTimer->start(BackfillRetryMs); // or sooner, on the next reload
        emit backfillFailed(m_backfills->lastError());
        return;
    }
    if (idle) {
        m_backfillsIdle = true;
        emit backfillsIdle();
        checkIdle();
        return;
    }
    emit backfillProgress(progress.dataflowId, progress.done, progress.total, progress.finished);
    m_senders->nudge(); // the page's exports are committed
    m_backfillTimer->start(0);
}

void Engine::onDeliveryMetrics(const DeliveryMetrics &metrics)
{
    m_liveMetrics.insert(metrics.destinationId, metrics);
    if (m_monitor) {
        m_monitor->setLiveValues(metrics.dataflowId, metrics.inFlight, metrics.backlog,
                                 metrics.oldestPendingAgeMs);
        m_monitor->setConsecutiveAuthFailures(metrics.destinationId,
                                              metrics.consecutiveAuthFailures);
    }
    emit deliveryMetrics(metrics);
}

void Engine::tickMonitor()
{
    if (!m_monitor)
        return;
    if (!m_monitor->tick())
        qCWarning(lcApp).noquote() << m_monitor->lastError();
    else if (!m_monitor->lastEvents().isEmpty())
        emit alertsChanged();
}

void Engine::stopIngestEndpoint()
{
    delete m_ingestServer;
    m_ingestServer = nullptr;
}

} // namespace outflow
