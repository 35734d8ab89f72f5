#include "engine.h"

#include "app/logging.h"
#include "app/settings.h"
#include "ingest/ingestor.h"
#include "ingest/ingestserver.h"
#include "segmentation/segmenter.h"
#include "store/sqlitestore.h"

#include <algorithm>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTimer>

namespace outflow {

Engine::Engine(QString storePath, QObject *parent)
    : QObject(parent)
    , m_storePath(std::move(storePath))
    , m_audiencesTimer(new QTimer(this))
{
    qRegisterMetaType<AudienceSummary>();
    qRegisterMetaType<QList<AudienceSummary>>();
    m_audiencesTimer->setSingleShot(true);
    m_audiencesTimer->setInterval(AudiencesRefreshMs);
    connect(m_audiencesTimer, &QTimer::timeout, this, &Engine::refreshAudiences);
}

Engine::~Engine()
{
    // The server refers to the ingestor, which refers to the store.
    delete m_ingestServer;
    m_ingestor.reset();
    m_segmenter.reset();
    m_store.reset();
}

void Engine::open()
{
    auto store = std::make_unique<SqliteStore>(m_storePath);
    if (!store->open()) {
        emit failed(store->lastError());
        return;
    }
    m_store = std::move(store);
    m_ingestor = std::make_unique<Ingestor>(*m_store);
    // Segmentation after each merge, inside the ingest transaction.
    m_segmenter = std::make_unique<Segmenter>(*m_store);
    m_segmenter->setRetentionDays(Settings().membershipRetentionDays());
    reloadAudiences();
    m_ingestor->setMergedCallback([this](const Fragment &, const MergeReport &report) {
        if (!m_segmenter->process(report))
            qCWarning(lcApp).noquote() << m_segmenter->lastError();
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
    if (!m_segmenter)
        return;
    m_segmenter->reload();
    // Also when it loaded: a stored rule that no longer parses is named here.
    if (!m_segmenter->lastError().isEmpty())
        qCWarning(lcApp).noquote() << m_segmenter->lastError();
    scheduleAudiencesRefresh();
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
                          audience.updatedAt});
    }
    // The counts scan every membership: cheap on a small store, a large part
    // of the ingest thread's time on millions of rows if repeated twice a
    // second. The next automatic refresh waits at least 20 times what this
    // one took, so it never takes more than 5 % of the thread.
    m_audiencesTimer->setInterval(int(std::max<qint64>(AudiencesRefreshMs, 20 * took.elapsed())));
    emit audiencesChanged(summaries);
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
    if (!m_segmenter)
        return;
    const qint64 removed = m_segmenter->purgeExpired(QDateTime::currentMSecsSinceEpoch());
    if (removed < 0)
        qCWarning(lcApp).noquote() << m_segmenter->lastError();
    else if (removed > 0)
        qCInfo(lcApp) << "Removed" << removed << "exited memberships past their retention";
}

void Engine::stopIngestEndpoint()
{
    delete m_ingestServer;
    m_ingestServer = nullptr;
}

} // namespace outflow
