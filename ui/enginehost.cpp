#include "enginehost.h"

#include "app/logging.h"
#include "delivery/destinationsecretsloader.h"
#include "engine/engine.h"
#include "ingest/ingestserver.h"
#include "ingest/ingesttoken.h"
#include "secrets/secretstore.h"

#include <memory>

namespace outflow::ui {

// An Engine operation with a new request id, queued to the Engine's thread.
template<typename Operation>
quint64 EngineHost::queue(Operation operation)
{
    const quint64 request = ++m_lastRequest;
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, request, operation] { operation(*engine, request); },
        Qt::QueuedConnection);
    return request;
}

EngineHost::EngineHost(const QString &storePath, QObject *parent)
    : QObject(parent)
    , m_storePath(storePath)
    , m_secrets(new SecretStore(this))
{
    // Queued across threads: the relayed types must be known to the meta-type system.
    qRegisterMetaType<QList<Alert>>();
    qRegisterMetaType<StoreCheckReport>();
    qRegisterMetaType<StoreBackupReport>();
    qRegisterMetaType<QList<DestinationSummary>>();
    qRegisterMetaType<ProbeReport>();
    qRegisterMetaType<Destination>();
    qRegisterMetaType<DestinationSecrets>();
    qRegisterMetaType<ProfileLineage>(); // Profiles page (issue #17)
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
    connect(m_engine, &Engine::destinationsListed, this,
            [this](quint64, const QList<DestinationSummary> &destinations) {
                emit destinationsListed(destinations);
            });
    connect(m_engine, &Engine::destinationsChanged, this, &EngineHost::destinationsChanged);
    connect(m_engine, &Engine::destinationOperationFinished, this,
            [this](quint64 requestId, const QString &error) {
                if (const auto write = m_pendingWrites.constFind(requestId);
                    write != m_pendingWrites.cend()) {
                    const auto done = *write;
                    m_pendingWrites.erase(write);
                    done(error);
                    return;
                }
                emit destinationOperationFinished(requestId, error);
            });
    connect(m_engine, &Engine::tokenChecked, this, &EngineHost::tokenChecked);
    connect(m_engine, &Engine::destinationRead, this, &EngineHost::destinationRead);
    // --- Activation (issue #17) ---
    connect(m_engine, &Engine::activationRead, this, &EngineHost::activationRead);
    connect(m_engine, &Engine::activationPreviewed, this, &EngineHost::activationPreviewed);
    connect(m_engine, &Engine::activationBackfillEstimated, this,
            &EngineHost::activationBackfillEstimated);
    connect(m_engine, &Engine::activationSaved, this, &EngineHost::activationSaved);
    // --- end Activation ---
    connect(m_engine, &Engine::destinationRemoved, this, &EngineHost::removeSecrets);
    connect(m_engine, &Engine::destinationTested, this, &EngineHost::destinationTested);
    // --- Profiles page (issue #17) ---
    connect(m_engine, &Engine::profileLookedUp, this, &EngineHost::profileLookedUp);
    connect(m_engine, &Engine::identityNamespacesListed, this,
            &EngineHost::identityNamespacesListed);
    // --- end Profiles page ---
    // Send test's secrets: read here, on the keychain's thread, then back.
    connect(m_engine, &Engine::destinationTestNeedsSecrets, this,
            [this](quint64 requestId, const Destination &destination) {
                readDestinationSecrets(
                    *m_secrets, destination, this,
                    [this, requestId, destination](std::optional<DestinationSecrets> secrets,
                                                   const QString &problem) {
                        if (!secrets) {
                            ProbeReport report;
                            report.reason = QStringLiteral("missing-secret");
                            report.error = problem;
                            emit destinationTested(requestId, report);
                            return;
                        }
                        QMetaObject::invokeMethod(
                            m_engine,
                            [engine = m_engine, requestId, destination, secrets = *secrets] {
                                engine->testDestination(requestId, destination, secrets);
                            },
                            Qt::QueuedConnection);
                    });
            });
    connectAudiences();
    connectDeliveries();
    connectMonitoring();
    connectAlerts();
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

void EngineHost::listDestinations()
{
    queue([](Engine &engine, quint64 request) { engine.listDestinations(request); });
}

quint64 EngineHost::setDestinationEnabled(const QString &destinationId, bool enabled)
{
    return queue([destinationId, enabled](Engine &engine, quint64 request) {
        engine.setDestinationEnabled(request, destinationId, enabled);
    });
}

quint64 EngineHost::removeDestination(const QString &destinationId)
{
    return queue([destinationId](Engine &engine, quint64 request) {
        engine.removeDestination(request, destinationId);
    });
}

quint64 EngineHost::testDestination(const QString &destinationId)
{
    return queue([destinationId](Engine &engine, quint64 request) {
        engine.prepareDestinationTest(request, destinationId);
    });
}

// After the store let the destination go: its secrets, one after the other.
// A secret the keychain keeps is said, not hidden: it is harmless but stale.
void EngineHost::removeSecrets(quint64 requestId, const QString &, const QStringList &keys,
                               const QString &error)
{
    if (!error.isEmpty() || keys.isEmpty()) {
        emit destinationOperationFinished(requestId, error);
        return;
    }
    auto remaining = std::make_shared<int>(int(keys.size()));
    auto failures = std::make_shared<QStringList>();
    for (const QString &key : keys) {
        SecretRequest *request = m_secrets->remove(key);
        connect(request, &SecretRequest::finished, this,
                [this, requestId, remaining, failures](const SecretResult &result) {
                    if (result.isError())
                        failures->append(result.message());
                    if (--*remaining > 0)
                        return;
                    emit destinationOperationFinished(
                        requestId, failures->isEmpty()
                                       ? QString()
                                       : tr("The destination was removed, but a secret stays in "
                                            "the keychain: %1")
                                             .arg(failures->first()));
                });
    }
}

quint64 EngineHost::testDraft(const Destination &destination, const DestinationSecrets &secrets)
{
    return queue([destination, secrets](Engine &engine, quint64 request) {
        engine.testDestination(request, destination, secrets);
    });
}

quint64 EngineHost::saveDestination(const Destination &destination,
                                    const DestinationSaver::Secrets &secrets)
{
    const quint64 request = ++m_lastRequest;
    const auto writer = [this](const Destination &saved,
                               const std::function<void(const QString &)> &done) {
        const quint64 write =
            queue([saved](Engine &engine, quint64 id) { engine.saveDestination(id, saved); });
        m_pendingWrites.insert(write, done);
    };
    auto *saver = new DestinationSaver(*m_secrets, destination, secrets, writer, this);
    connect(saver, &DestinationSaver::finished, this,
            [this, request](bool ok, DestinationSaver::Failure failure, const QString &error) {
                emit destinationSaved(request, ok, failure == DestinationSaver::Failure::Keychain,
                                      error);
            });
    saver->start();
    return request;
}

quint64 EngineHost::checkToken(const Destination &destination, const DestinationSecrets &secrets)
{
    return queue([destination, secrets](Engine &engine, quint64 request) {
        engine.checkToken(request, destination, secrets);
    });
}

quint64 EngineHost::activateNow(const QString &destinationId, const QString &audienceId)
{
    return queue([destinationId, audienceId](Engine &engine, quint64 request) {
        engine.activateNow(request, destinationId, audienceId);
    });
}

quint64 EngineHost::readDestination(const QString &destinationId)
{
    return queue([destinationId](Engine &engine, quint64 request) {
        engine.readDestination(request, destinationId);
    });
}

// --- Activation (issue #17) ---
quint64 EngineHost::readActivation(const QString &destinationId)
{
    return queue([destinationId](Engine &engine, quint64 request) {
        engine.readActivation(request, destinationId);
    });
}

quint64 EngineHost::previewActivation(const QString &destinationId, const ActivationPlan &plan,
                                      qint64 afterProfileId)
{
    return queue([destinationId, plan, afterProfileId](Engine &engine, quint64 request) {
        engine.previewActivation(request, destinationId, plan, afterProfileId);
    });
}

quint64 EngineHost::estimateActivationBackfill(const QString &destinationId,
                                               const QStringList &audienceIds)
{
    return queue([destinationId, audienceIds](Engine &engine, quint64 request) {
        engine.estimateActivationBackfill(request, destinationId, audienceIds);
    });
}

quint64 EngineHost::saveActivation(const QString &destinationId, const ActivationPlan &plan)
{
    return queue([destinationId, plan](Engine &engine, quint64 request) {
        engine.saveActivation(request, destinationId, plan);
    });
}
// --- end Activation ---
// --- Profiles page (issue #17) ---
quint64 EngineHost::lookupProfile(const QString &identityNamespace, const QString &identityId)
{
    return queue([identityNamespace, identityId](Engine &engine, quint64 request) {
        engine.lookupProfile(request, identityNamespace, identityId);
    });
}

quint64 EngineHost::listIdentityNamespaces()
{
    return queue([](Engine &engine, quint64 request) { engine.listIdentityNamespaces(request); });
}
// --- end Profiles page ---

void EngineHost::forgetSecrets(const QStringList &keychainKeys)
{
    for (const QString &key : keychainKeys) {
        SecretRequest *request = m_secrets->remove(key);
        connect(request, &SecretRequest::finished, this, [key](const SecretResult &result) {
            if (result.isError())
                qCWarning(lcApp).noquote()
                    << tr("The keychain kept %1: %2").arg(key, result.message());
        });
    }
}

void EngineHost::cancelTokenCheck(quint64 requestId)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, requestId] { engine->cancelTokenCheck(requestId); },
        Qt::QueuedConnection);
}

// --- Audiences page (issue #17) ---
void EngineHost::connectAudiences()
{
    qRegisterMetaType<AudiencePreview>();
    qRegisterMetaType<AudienceImportSummary>();
    connect(m_engine, &Engine::audiencePreviewed, this, &EngineHost::audiencePreviewed);
    connect(m_engine, &Engine::audienceOperationFinished, this,
            &EngineHost::audienceOperationFinished);
    connect(m_engine, &Engine::audienceUsageRead, this, &EngineHost::audienceUsageRead);
    connect(m_engine, &Engine::audienceImportProgress, this, &EngineHost::audienceImportProgress);
    connect(m_engine, &Engine::audienceImported, this, &EngineHost::audienceImported);
}

// Thread-safe on the Engine's side: called directly, so that a preview is
// not queued behind a backfill page.
quint64 EngineHost::previewAudienceRule(const QString &rule, int samples)
{
    const quint64 request = ++m_lastRequest;
    m_engine->previewAudienceRule(request, rule, samples);
    return request;
}

void EngineHost::cancelAudiencePreview(quint64 requestId)
{
    m_engine->cancelAudiencePreview(requestId);
}

quint64 EngineHost::createAudience(const QString &name, const QString &description,
                                   const QString &mergePolicyId, const QString &rule)
{
    return queue([=](Engine &engine, quint64 request) {
        engine.createAudience(request, name, description, mergePolicyId, rule);
    });
}

quint64 EngineHost::editAudience(const QString &audienceId, const AudienceChanges &changes)
{
    return queue([=](Engine &engine, quint64 request) {
        engine.editAudience(request, audienceId, changes);
    });
}

quint64 EngineHost::renameAudience(const QString &audienceId, const QString &name)
{
    AudienceChanges changes;
    changes.name = name;
    return editAudience(audienceId, changes);
}

quint64 EngineHost::removeAudience(const QString &audienceId)
{
    return queue(
        [=](Engine &engine, quint64 request) { engine.removeAudience(request, audienceId); });
}

quint64 EngineHost::readAudienceUsage(const QString &audienceId)
{
    return queue(
        [=](Engine &engine, quint64 request) { engine.readAudienceUsage(request, audienceId); });
}

quint64 EngineHost::importAudienceCsv(const QString &name, const QString &filePath,
                                      const QString &identityColumn,
                                      const QString &identityNamespace)
{
    return queue([=](Engine &engine, quint64 request) {
        engine.importAudienceCsv(request, name, filePath, identityColumn, identityNamespace);
    });
}

void EngineHost::cancelAudienceImport(quint64 requestId)
{
    m_engine->cancelAudienceImport(requestId);
}
// --- end Audiences page ---

} // namespace outflow::ui
