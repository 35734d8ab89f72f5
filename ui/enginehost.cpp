#include "enginehost.h"

#include "delivery/destinationsecretsloader.h"
#include "engine/engine.h"
#include "ingest/ingestserver.h"
#include "ingest/ingesttoken.h"
#include "secrets/secretstore.h"

namespace outflow::ui {

EngineHost::EngineHost(const QString &storePath, QObject *parent)
    : QObject(parent)
    , m_storePath(storePath)
    , m_secrets(new SecretStore(this))
{
    // Queued across threads: the relayed types must be known to the meta-type system.
    qRegisterMetaType<QList<Alert>>();
    qRegisterMetaType<StoreCheckReport>();
    qRegisterMetaType<StoreBackupReport>();
    m_thread.setObjectName(QStringLiteral("EngineThread"));
    m_engine = new Engine(storePath); // no parent: it moves to the worker thread
    m_engine->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    connect(m_engine, &Engine::opened, this, &EngineHost::storeOpened);
    connect(m_engine, &Engine::failed, this, &EngineHost::failed);
    connect(m_engine, &Engine::ingestEndpointStarted, this, &EngineHost::ingestEndpointStarted);
    connect(m_engine, &Engine::fragmentsCommitted, this, &EngineHost::fragmentsCommitted);
    connect(m_engine, &Engine::profileCountChanged, this, &EngineHost::profileCountChanged);
    connect(m_engine, &Engine::audiencesChanged, this, &EngineHost::audiencesChanged);
    // The senders' secrets: the Engine asks, the keychain answers here on the
    // GUI thread (never blocking it), the answer goes back queued.
    auto *secretsLoader = new DestinationSecretsLoader(*m_secrets, this);
    connect(m_engine, &Engine::secretsNeeded, secretsLoader, &DestinationSecretsLoader::load);
    connect(secretsLoader, &DestinationSecretsLoader::loaded, m_engine,
            &Engine::setDestinationSecrets);
    connect(secretsLoader, &DestinationSecretsLoader::unavailable, m_engine,
            &Engine::destinationSecretsUnavailable);
    connect(m_engine, &Engine::deliveryMetrics, this, &EngineHost::deliveryMetrics);
    connect(m_engine, &Engine::senderFailed, this, &EngineHost::deliveryProblem);
    connect(m_engine, &Engine::alertsRaised, this, &EngineHost::alertsRaised);
    connect(m_engine, &Engine::alertsChanged, this, &EngineHost::alertsChanged);
    connect(m_engine, &Engine::alertsListed, this, &EngineHost::alertsListed);
    connect(m_engine, &Engine::storeChecked, this, &EngineHost::storeChecked);
    connect(m_engine, &Engine::storeBackupProgress, this, &EngineHost::storeBackupProgress);
    connect(m_engine, &Engine::storeBackedUp, this, &EngineHost::storeBackedUp);
    m_thread.start();
}

EngineHost::~EngineHost()
{
    // finished() deletes the Engine on its own thread before wait() returns.
    m_thread.quit();
    m_thread.wait();
}

void EngineHost::start()
{
    QMetaObject::invokeMethod(m_engine, &Engine::open, Qt::QueuedConnection);
}

void EngineHost::startIngestEndpoint(quint16 port)
{
    obtainIngestToken(
        *m_secrets, false, this, [this, port](const QByteArray &token, const SecretResult &result) {
            if (token.isEmpty()) {
                emit failed(tr("The ingest endpoint needs its token from the "
                               "keychain: %1")
                                .arg(result.message()));
                return;
            }
            QMetaObject::invokeMethod(
                m_engine,
                [engine = m_engine, port, token] {
                    engine->startIngestEndpoint(port, QHostAddress(QHostAddress::LocalHost),
                                                IngestServer::DefaultMaxBodyBytes, token);
                },
                Qt::QueuedConnection);
        });
}

void EngineHost::stopIngestEndpoint()
{
    QMetaObject::invokeMethod(m_engine, &Engine::stopIngestEndpoint, Qt::QueuedConnection);
}

void EngineHost::refreshAudiences()
{
    QMetaObject::invokeMethod(m_engine, &Engine::refreshAudiences, Qt::QueuedConnection);
}

void EngineHost::refreshAlerts(bool includeResolved)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, includeResolved] { engine->refreshAlerts(includeResolved); },
        Qt::QueuedConnection);
}

// Thread-safe on the Engine's side (Engine::checkStore): called directly, so
// that a check is not queued behind a long backfill page.
quint64 EngineHost::checkStore()
{
    const quint64 request = ++m_lastRequest;
    m_engine->checkStore(request);
    return request;
}

quint64 EngineHost::backupStore(const QString &target)
{
    const quint64 request = ++m_lastRequest;
    m_engine->backupStore(request, target);
    return request;
}

void EngineHost::cancelStoreBackup(quint64 requestId)
{
    m_engine->cancelStoreBackup(requestId);
}

} // namespace outflow::ui
