// The Engine's audience operations for the app's Audiences page (issue
// #17): the rule editor's live preview, create, edit, rename, delete and CSV
// import. Each one calls the AudienceService function its `outflowctl
// audience` twin calls, with the same Pipeline attached, so that the app and
// the CLI never differ. Previews and writes run on pools of their own, each
// job with its own store connection (as the senders and store maintenance
// do): a preview over every profile or a long import never holds up ingest
// on the Engine's thread.
#include "app/logging.h"
#include "engine.h"
#include "pipeline.h"
#include "store/sqlitestore.h"

#include <QFile>
#include <QMetaObject>

namespace outflow {

namespace {

// A connection and a pipeline of the job's own, as outflowctl's commands
// open (core/cli/audiencecommand.cpp, AudienceStore): transitions queue
// their exports, profiles an import creates are segmented and activated.
class AudienceWriter
{
public:
    explicit AudienceWriter(const QString &storePath)
        : m_store(storePath)
    {}
    ~AudienceWriter() { m_pipeline.reset(); } // before the store it refers to

    // Nullptr, with why in *error, when the store or its rules do not load.
    AudienceService *open(QString *error)
    {
        if (!m_store.open()) {
            *error = m_store.lastError();
            return nullptr;
        }
        m_pipeline = std::make_unique<Pipeline>(m_store);
        if (!m_pipeline->reload()) {
            *error = m_pipeline->lastError();
            return nullptr;
        }
        // A stored rule that no longer parses: the Engine's reload names it.
        m_service = std::make_unique<AudienceService>(m_store);
        m_pipeline->attach(*m_service);
        return m_service.get();
    }

private:
    SqliteStore m_store;
    std::unique_ptr<Pipeline> m_pipeline;
    std::unique_ptr<AudienceService> m_service;
};

} // namespace

void Engine::stopAudienceJobs()
{
    m_audienceJobs->stopping = true;
    m_audiencePreviews.waitForDone();
    m_audienceWrites.waitForDone();
}

void Engine::previewAudienceRule(quint64 requestId, const QString &rule, int samples)
{
    m_audienceJobs->latestPreview = requestId;
    m_audiencePreviews.setMaxThreadCount(1);
    m_audiencePreviews.start(
        [this, requestId, rule, samples, path = m_storePath, jobs = m_audienceJobs] {
            const auto superseded = [&jobs, requestId] {
                return jobs->stopping || jobs->latestPreview != requestId;
            };
            if (superseded())
                return;
            SqliteStore store(path);
            if (!store.open()) {
                emit audiencePreviewed(requestId, {}, store.lastError());
                return;
            }
            AudienceService service(store);
            service.setCancelCheck(superseded);
            const std::optional<AudiencePreview> preview = service.preview(rule, samples);
            if (service.lastErrorKind() == AudienceService::ErrorKind::Cancelled)
                return; // a newer preview answers instead
            // Emitted from the pool's thread: queued to every receiver elsewhere.
            emit audiencePreviewed(requestId, preview.value_or(AudiencePreview()),
                                   preview ? QString() : service.lastError());
        });
}

void Engine::cancelAudiencePreview(quint64 requestId)
{
    quint64 expected = requestId;
    m_audienceJobs->latestPreview.compare_exchange_strong(expected, 0);
}

void Engine::startAudienceWrite(quint64 requestId, AudienceWrite write)
{
    if (!m_store) {
        emit audienceOperationFinished(requestId, {}, tr("The store is not open."));
        return;
    }
    m_audienceWrites.setMaxThreadCount(1);
    m_audienceWrites.start(
        [this, requestId, write = std::move(write), path = m_storePath, jobs = m_audienceJobs] {
            QString audienceId;
            QString error;
            {
                AudienceWriter writer(path);
                if (AudienceService *service = writer.open(&error)) {
                    // Quitting in the middle of a long re-evaluation rolls it back.
                    service->setCancelCheck([&jobs] { return jobs->stopping.load(); });
                    error = write(*service, &audienceId);
                }
            }
            // Back on the Engine's thread: the rules and dataflows as they are
            // now (segmentation, backfills, senders nudged), then the answer.
            QMetaObject::invokeMethod(
                this,
                [this, requestId, audienceId, error] {
                    if (!error.isEmpty())
                        qCWarning(lcApp).noquote() << error;
                    reloadAudiences();
                    refreshAudiences();
                    emit audienceOperationFinished(requestId, audienceId, error);
                },
                Qt::QueuedConnection);
        });
}

void Engine::createAudience(quint64 requestId, const QString &name, const QString &description,
                            const QString &mergePolicyId, const QString &rule)
{
    startAudienceWrite(requestId, [=](AudienceService &service, QString *audienceId) {
        const std::optional<Audience> audience =
            service.create(name, rule, description, mergePolicyId);
        if (!audience)
            return service.lastError();
        *audienceId = audience->id;
        return QString();
    });
}

void Engine::editAudience(quint64 requestId, const QString &audienceId,
                          const AudienceChanges &changes)
{
    startAudienceWrite(requestId, [=](AudienceService &service, QString *id) {
        *id = audienceId;
        return service.change(audienceId, changes) ? QString() : service.lastError();
    });
}

void Engine::removeAudience(quint64 requestId, const QString &audienceId)
{
    startAudienceWrite(requestId, [=](AudienceService &service, QString *id) {
        *id = audienceId;
        return service.remove(audienceId) ? QString() : service.lastError();
    });
}

void Engine::readAudienceUsage(quint64 requestId, const QString &audienceId)
{
    if (!m_store) {
        emit audienceUsageRead(requestId, audienceId, {}, tr("The store is not open."));
        return;
    }
    AudienceService service(*m_store);
    const std::optional<QStringList> destinations = service.mappingDestinations(audienceId);
    emit audienceUsageRead(requestId, audienceId, destinations.value_or(QStringList()),
                           destinations ? QString() : service.lastError());
}

void Engine::importAudienceCsv(quint64 requestId, const QString &name, const QString &filePath,
                               const QString &identityColumn, const QString &identityNamespace)
{
    if (!m_store) {
        emit audienceImported(requestId, {}, false, tr("The store is not open."));
        return;
    }
    m_audienceWrites.setMaxThreadCount(1);
    m_audienceWrites.start([=, this, path = m_storePath, jobs = m_audienceJobs] {
        AudienceImportSummary summary;
        QString error;
        bool cancelled = false;
        {
            QFile file(filePath);
            AudienceWriter writer(path);
            // As `outflowctl audience import`: never a descriptor of the
            // store's own file (issue #23).
            if (StoreMaintenance::isStoreFile(filePath, path)) {
                error = tr("“%1” is the store itself, not a CSV file.").arg(filePath);
            } else if (!file.open(QIODevice::ReadOnly)) {
                error = tr("Cannot read “%1”: %2").arg(filePath, file.errorString());
            } else if (AudienceService *service = writer.open(&error)) {
                service->setCancelCheck([&jobs, requestId] {
                    return jobs->stopping || jobs->cancelledImport == requestId;
                });
                service->setProgressCallback([this, requestId](qint64 done, qint64 total) {
                    emit audienceImportProgress(requestId, done, total);
                });
                const std::optional<AudienceImportSummary> imported =
                    service->import(name, identityColumn, identityNamespace, &file);
                cancelled = service->lastErrorKind() == AudienceService::ErrorKind::Cancelled;
                if (imported)
                    summary = *imported;
                else if (!cancelled)
                    error = service->lastError();
            }
        }
        QMetaObject::invokeMethod(
            this,
            [this, requestId, summary, cancelled, error] {
                if (!error.isEmpty())
                    qCWarning(lcApp).noquote() << error;
                if (!cancelled && error.isEmpty()) {
                    reloadAudiences();
                    refreshAudiences();
                }
                emit audienceImported(requestId, summary, cancelled, error);
            },
            Qt::QueuedConnection);
    });
}

void Engine::cancelAudienceImport(quint64 requestId)
{
    m_audienceJobs->cancelledImport = requestId;
}

} // namespace outflow
