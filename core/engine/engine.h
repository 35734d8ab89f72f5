#pragma once

#include "activation/activationplan.h"
#include "activation/profilelineage.h"
#include "delivery/deliveryinspection.h"
#include "delivery/deliverymetrics.h"
#include "delivery/destinationprobe.h"
#include "delivery/destinationsecrets.h"
#include "delivery/destinationsender.h"
#include "model/audiencesummary.h"
#include "model/destination.h"
#include "model/destinationsummary.h"
#include "monitoring/alerttracker.h"
#include "monitoring/monitoringreport.h"
#include "segmentation/audienceservice.h"
#include "store/storemaintenance.h"

#include <atomic>
#include <functional>
#include <memory>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QThreadPool>

class QTimer;

namespace outflow {

class AuthProvider;
class Activator;
class BackfillRunner;
class Ingestor;
class MetricsRecorder;
class Monitor;
class IngestServer;
class Pipeline;
class Segmenter;
class SenderSupervisor;
class Store;

// Wires the pipeline's parts and owns them: the store, the ingestor, the
// local ingest endpoint, segmentation, activation and the senders. One
// Engine lives in one thread — the GUI moves it to a worker thread and talks
// to it through queued signals; outflowctl runs it in its main thread. Its
// database connection is opened in open(), in the thread it will be used from.
class Engine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Engine)

public:
    explicit Engine(QString storePath, QObject *parent = nullptr);
    // Options of the senders started from then on (tests shorten intervals).
    void setSenderOptions(const SenderOptions &options) { m_senderOptions = options; }
    ~Engine() override;

    QString storePath() const { return m_storePath; }
    Store *store() const { return m_store.get(); }
    Ingestor *ingestor() const { return m_ingestor.get(); }
    Segmenter *segmenter() const;
    Activator *activator() const;
    // Why blocked destinations cannot send (one sentence each).
    QStringList deliveryProblems() const;

public slots:
    // Opens (creating and migrating) the store after SQLite's quick_check;
    // emits opened() or failed(). A damaged store is refused, never written.
    void open();
    // Store maintenance (enginemaintenance.cpp), on a thread of its own with
    // connections of its own, so that neither the engine nor the GUI waits:
    // answered by storeChecked(), and storeBackupProgress() then
    // storeBackedUp(). They work whether or not open() succeeded, and are
    // thread-safe: the GUI calls them directly, without waiting for the
    // engine's thread to be free.
    void checkStore(quint64 requestId);
    void backupStore(quint64 requestId, const QString &target);
    // The backup stops at its next step; its partial file is removed.
    void cancelStoreBackup(quint64 requestId);
    // The Destinations page (issue #16, enginedestinations.cpp). Answered by
    // destinationsListed(): every destination with its state and figures.
    void listDestinations(quint64 requestId);
    // Answered by destinationOperationFinished() (an empty error: done);
    // destinationsChanged() follows.
    void setDestinationEnabled(quint64 requestId, const QString &destinationId, bool enabled);
    // Removes the destination with its dataflow, queued exports and logs.
    // Answered by destinationRemoved() with the keychain entries it used:
    // the caller removes them, on the main thread where the keychain lives.
    void removeDestination(quint64 requestId, const QString &destinationId);
    // Send test, in two steps because the keychain lives on the main thread:
    // prepareDestinationTest() answers with destinationTestNeedsSecrets();
    // the caller reads them and calls testDestination(), answered by
    // destinationTested() (DestinationProbe: one sample request, the outbox
    // untouched).
    void prepareDestinationTest(quint64 requestId, const QString &destinationId);
    void testDestination(quint64 requestId, const outflow::Destination &destination,
                         const outflow::DestinationSecrets &secrets);
    // Creates the destination, or changes the one with its id (its dataflow
    // and queued exports stay), after validateDestination() and a check that
    // no other destination has its name. Its secrets are the caller's
    // (DestinationSaver writes them first); a new updatedAt restarts its
    // sender, which reads them again. Answered by
    // destinationOperationFinished(); destinationsChanged() follows.
    void saveDestination(quint64 requestId, const outflow::Destination &destination);
    // "Activate now" (issue #17): every current member of a mapped audience
    // exported again, as a resend backfill the Engine walks at once.
    // Answered by destinationOperationFinished().
    void activateNow(quint64 requestId, const QString &destinationId, const QString &audienceId);
    // The Edit dialog's starting point: answered by destinationRead() (an
    // error, and a default Destination, when it is gone).
    void readDestination(quint64 requestId, const QString &destinationId);
    // --- Activation (issue #17, engineactivation.cpp) ---
    // The activation wizard's starting point: the destination, its dataflow,
    // every audience and the attribute choices; answered by activationRead().
    void readActivation(quint64 requestId, const QString &destinationId);
    // The export PayloadBuilder would make for the next realized member
    // (after `afterProfileId`) of the planned audiences; answered by
    // activationPreviewed().
    void previewActivation(quint64 requestId, const QString &destinationId,
                           const outflow::ActivationPlan &plan, qint64 afterProfileId);
    // How many exports saving would backfill: the distinct profiles realized
    // in the audiences the dataflow does not map yet; answered by
    // activationBackfillEstimated().
    void estimateActivationBackfill(quint64 requestId, const QString &destinationId,
                                    const QStringList &audienceIds);
    // Makes the destination's dataflow the plan (ActivationService, as
    // `outflowctl activate`): added audiences are backfilled, removed ones
    // stop. Answered by activationSaved(); destinationsChanged() follows.
    void saveActivation(quint64 requestId, const QString &destinationId,
                        const outflow::ActivationPlan &plan);
    // --- end Activation ---
    // --- Profiles page (issue #17) ---
    // The lineage of the profile owning the identity (ProfileLineage::read,
    // as `outflowctl profiles --why`), answered by profileLookedUp(): an
    // empty error, or why not (no such profile, the store failed).
    void lookupProfile(quint64 requestId, const QString &identityNamespace,
                       const QString &identityId);
    // Every identity namespace in use, for completion; answered by
    // identityNamespacesListed() (empty when the store is not open).
    void listIdentityNamespaces(quint64 requestId);
    // --- end Profiles page ---
    // --- Monitoring page (issue #18, enginemonitoring.cpp) ---
    // Every dataflow's figures over `window` (or one destination's, when
    // `destinationId` is given), with the per-period series and the hourly
    // runs when `series`: MonitoringReader, as `outflowctl status --window`,
    // with this engine's unfinished minute and what its senders know
    // (blocked destinations, authentication failures in a row). Answered by
    // monitoringRead().
    void readMonitoring(quint64 requestId, outflow::MonitoringWindow window,
                        const QString &destinationId, bool series);
    // --- end Monitoring page ---
    // --- Audiences page (issue #17) ---
    // engineaudiences.cpp. Writes go through an AudienceService attached to
    // a Pipeline, as outflowctl's do (transitions of a mapped audience queue
    // their exports, profiles an import creates are segmented), on a thread
    // of their own with a connection of their own, one write at a time: the
    // Engine's thread keeps ingesting meanwhile (SQLite makes its commits
    // wait for a write's end). Then the Engine reloads the rules and
    // dataflows (reloadAudiences(): backfills start) and the audiences
    // snapshot follows.
    //
    // What `rule` would select now, nothing stored (AudienceService::preview,
    // as `outflowctl audience preview`): answered by audiencePreviewed().
    // Thread-safe, called directly: it runs on a thread of its own with its
    // own connection. A newer preview supersedes the older one, which stops
    // at its next profile and never answers; so does cancelAudiencePreview().
    void previewAudienceRule(quint64 requestId, const QString &rule, int samples);
    void cancelAudiencePreview(quint64 requestId);
    // AudienceService::create (`outflowctl audience add`); answered by
    // audienceOperationFinished() with the new audience's id.
    void createAudience(quint64 requestId, const QString &name, const QString &description,
                        const QString &mergePolicyId, const QString &rule);
    // AudienceService::change (`audience rename`, `audience edit`): the
    // fields set, in one transaction. Answered by audienceOperationFinished().
    void editAudience(quint64 requestId, const QString &audienceId,
                      const outflow::AudienceChanges &changes);
    // AudienceService::remove (`audience remove`): its members exit
    // (exported where it is mapped), then it is deleted.
    void removeAudience(quint64 requestId, const QString &audienceId);
    // The destinations whose dataflow maps the audience (the Delete
    // confirmation names them): answered by audienceUsageRead().
    void readAudienceUsage(quint64 requestId, const QString &audienceId);
    // AudienceService::import (`audience import`): creates or replaces the
    // custom-upload audience `name` from a CSV file, in one transaction.
    // audienceImportProgress() (bytes read of the file's size), then
    // audienceImported(). cancelAudienceImport() is thread-safe, called
    // directly: the import stops at its next row and rolls back, the
    // previous member set intact (audienceImported() says `cancelled`).
    void importAudienceCsv(quint64 requestId, const QString &name, const QString &filePath,
                           const QString &identityColumn, const QString &identityNamespace);
    void cancelAudienceImport(quint64 requestId);
    // --- end Audiences page ---
    // --- Deliveries page (issue #18, enginedeliveries.cpp) ---
    // A page of the delivery logs (Store::deliveryLog): answered by
    // deliveriesRead() with at most query.limit entries, newest first, and
    // whether more match beyond them.
    void readDeliveries(quint64 requestId, const outflow::DeliveryLogQuery &query);
    // One export's request, answer and attempts (DeliveryInspection, secrets
    // masked); answered by deliveryDetailRead().
    void readDeliveryDetail(quint64 requestId, const QString &destinationId,
                            const QString &exportId);
    // How many dead letters the destination has now (the Replay All
    // confirmation names it); answered by failedExportsCounted().
    void countFailedExports(quint64 requestId, const QString &destinationId);
    // Queues the destination's dead letters again (every one when
    // `exportIds` is empty), except those a newer export of their profile
    // superseded: logged and dropped, never sent (Store::replayFailed). Its
    // sender claims them at once. Answered by exportsReplayed().
    void replayExports(quint64 requestId, const QString &destinationId,
                       const QStringList &exportIds);
    // --- end Deliveries page ---
    // The wizard's Authenticate check: one token request with these settings
    // and secrets (OAuth2; other types pass at once), answered by
    // tokenChecked(). A cancelled check never answers: its request is dropped.
    void checkToken(quint64 requestId, const outflow::Destination &destination,
                    const outflow::DestinationSecrets &secrets);
    void cancelTokenCheck(quint64 requestId);
    // Starts POST /v1/fragments with this bearer token; emits
    // ingestEndpointStarted() or failed(). The caller reads the token from the
    // keychain (obtainIngestToken) on the main thread: QtKeychain's libsecret
    // backend answers through the main GLib context only.
    void startIngestEndpoint(quint16 port, const QHostAddress &address, qint64 maxBodyBytes,
                             const QByteArray &token);
    void stopIngestEndpoint();
    // Reloads the rule audiences and the dataflows (after one was added,
    // edited or removed, here or by outflowctl), and resumes backfills.
    void reloadAudiences();
    // Removes exited memberships past their retention period; also done at
    // open() and then every hour.
    void purgeExpiredMemberships();
    // Reads every audience with its member counts now and emits
    // audiencesChanged(); also done after open() and, at most twice a second,
    // after ingest commits and audience reloads.
    void refreshAudiences();
    // Reads the active alerts (or every alert, newest first) now and emits
    // alertsListed(). Answers even before open(), with no alert: a view that
    // waits for its answer before asking again must never wait forever.
    void refreshAlerts(bool includeResolved);
    // The Alerts page's Acknowledge (issue #18, enginealerts.cpp): the
    // active alert stays active but is no longer announced
    // (Monitor::acknowledge). Answered by alertAcknowledged() (an empty
    // error: done, also when it already was); alertsChanged() follows.
    void acknowledgeAlert(quint64 requestId, const QString &alertId);
    // Starts, stops or restarts senders after destinations or dataflows
    // changed (also done on each reload and every few seconds, so that
    // `outflowctl destination disable` reaches a running engine).
    void syncSenders();
    // The secrets of a destination, read by the caller on the main thread
    // in answer to secretsNeeded(): its sender starts.
    void setDestinationSecrets(const QString &destinationId,
                               const outflow::DestinationSecrets &secrets);
    // They could not be read: the destination is blocked, senderFailed().
    void destinationSecretsUnavailable(const QString &destinationId, const QString &message);

signals:
    void opened();
    void storeChecked(quint64 requestId, const outflow::StoreCheckReport &report);
    void storeBackupProgress(quint64 requestId, qint64 done, qint64 total);
    void storeBackedUp(quint64 requestId, const outflow::StoreBackupReport &report);
    void destinationsListed(quint64 requestId,
                            const QList<outflow::DestinationSummary> &destinations);
    void destinationOperationFinished(quint64 requestId, const QString &error);
    void destinationRemoved(quint64 requestId, const QString &destinationId,
                            const QStringList &keychainKeys, const QString &error);
    // A destination was added, changed or removed, here or by another
    // process (seen at the next sender sync): lists are stale.
    void destinationsChanged();
    void destinationTestNeedsSecrets(quint64 requestId, const outflow::Destination &destination);
    void destinationTested(quint64 requestId, const outflow::ProbeReport &report);
    void destinationRead(quint64 requestId, const outflow::Destination &destination,
                         const QString &error);
    // --- Activation (issue #17) ---
    void activationRead(quint64 requestId, const outflow::ActivationChoices &choices,
                        const QString &error);
    void activationPreviewed(quint64 requestId, const outflow::PayloadPreview &preview);
    // `profiles` is -1 with an error.
    void activationBackfillEstimated(quint64 requestId, qint64 profiles, const QString &error);
    void activationSaved(quint64 requestId, const QString &error);
    // --- end Activation ---
    // --- Profiles page (issue #17) ---
    void profileLookedUp(quint64 requestId, const outflow::ProfileLineage &lineage,
                         const QString &error);
    void identityNamespacesListed(quint64 requestId, const QStringList &namespaces);
    // --- end Profiles page ---
    // --- Deliveries page (issue #18) ---
    void deliveriesRead(quint64 requestId, const QList<outflow::DeliveryLogEntry> &entries,
                        bool more, const QString &error);
    void deliveryDetailRead(quint64 requestId, const outflow::DeliveryDetail &detail,
                            const QString &error);
    // `count` is -1 with an error.
    void failedExportsCounted(quint64 requestId, const QString &destinationId, qint64 count,
                              const QString &error);
    // `replayed`: queued again; `superseded`: not sent again (a newer
    // export of the same profile replaced each). Both 0 with an error.
    void exportsReplayed(quint64 requestId, qint64 replayed, qint64 superseded,
                         const QString &error);
    // --- end Deliveries page ---
    // --- Monitoring page (issue #18) ---
    // An empty error: `report` holds the figures; else why not.
    void monitoringRead(quint64 requestId, const outflow::MonitoringReport &report,
                        const QString &error);
    // --- end Monitoring page ---
    // An empty error: a token was issued (never carried here).
    void tokenChecked(quint64 requestId, const QString &error);
    void failed(const QString &message);
    void ingestEndpointStarted(quint16 port);
    void fragmentsCommitted(int count);
    // After open() and after each commit of ingested fragments.
    void profileCountChanged(qint64 count);
    // Every audience by name, with its realized and exited member counts.
    void audiencesChanged(const QList<outflow::AudienceSummary> &audiences);
    // After each backfill page: its progress, done of total profiles.
    void backfillProgress(const QString &dataflowId, qint64 done, qint64 total, bool finished);
    // No backfill left to walk (also right after open() when there is none).
    void backfillsIdle();
    // Alerts just raised for the kinds their destination subscribed to
    // (the GUI shows a desktop notification, outflowctl prints them).
    void alertsRaised(const QList<outflow::Alert> &alerts);
    // Every change of an alert (raised, updated, resolved), for the views.
    void alertsChanged();
    // The answer to refreshAlerts().
    void alertsListed(const QList<outflow::Alert> &alerts);
    void alertAcknowledged(quint64 requestId, const QString &error);
    // A destination's sender needs its secrets from the keychain: read them
    // on the main thread (DestinationSecretsLoader) and answer with
    // setDestinationSecrets() or destinationSecretsUnavailable().
    void secretsNeeded(const outflow::Destination &destination);
    // Each sender's figures, a few times a second at most.
    void deliveryMetrics(const outflow::DeliveryMetrics &metrics);
    // A destination cannot send (TLS files, missing secrets, …), with why.
    void senderFailed(const QString &destinationId, const QString &message);
    void authenticationFailed(const QString &destinationId, const QString &message);
    // Nothing left to do: no backfill to walk, and every sender has nothing
    // in flight nor waiting (retries included) but dead letters, or cannot
    // start. Emitted each time that becomes true.
    void idle();
    // A backfill page could not be written (the store locked past its busy
    // timeout, a full disk…): rolled back, and tried again after BackfillRetryMs.
    void backfillFailed(const QString &message);
    // --- Audiences page (issue #17) ---
    // `error` empty: done.
    void audiencePreviewed(quint64 requestId, const outflow::AudiencePreview &preview,
                           const QString &error);
    void audienceOperationFinished(quint64 requestId, const QString &audienceId,
                                   const QString &error);
    void audienceUsageRead(quint64 requestId, const QString &audienceId,
                           const QStringList &destinations, const QString &error);
    void audienceImportProgress(quint64 requestId, qint64 done, qint64 total);
    // `cancelled`: stopped by cancelAudienceImport(), nothing changed.
    void audienceImported(quint64 requestId, const outflow::AudienceImportSummary &summary,
                          bool cancelled, const QString &error);
    // --- end Audiences page ---

private:
    // Coalesces refreshes: one read per AudiencesRefreshMs at most, longer
    // when a read is slow (see refreshAudiences()).
    void scheduleAudiencesRefresh();
    // Walks one backfill page, then yields to the event loop (ingest
    // requests, the GUI's queued calls) before the next one.
    void runBackfillPage();
    // Stores finished minutes of figures and evaluates the alerts.
    void tickMonitor();
    // A sender's snapshot: live values and auth failures for the Monitor, then on.
    void onDeliveryMetrics(const outflow::DeliveryMetrics &metrics);
    void checkIdle();

    static constexpr int AudiencesRefreshMs = 500;
    static constexpr int MonitorTickMs = 5000;
    static constexpr int SenderSyncMs = 2000;
    // What makes a page fail (another process's write lock, a full disk)
    // takes time to clear: not retried at once.
    static constexpr int BackfillRetryMs = 5000;

    QString m_storePath;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Ingestor> m_ingestor;
    std::unique_ptr<Pipeline> m_pipeline;
    std::unique_ptr<BackfillRunner> m_backfills;
    std::unique_ptr<MetricsRecorder> m_recorder;
    std::unique_ptr<Monitor> m_monitor;
    class SignalNotifier;
    std::unique_ptr<SignalNotifier> m_notifier;
    IngestServer *m_ingestServer = nullptr;
    QTimer *m_audiencesTimer;
    QTimer *m_backfillTimer;   // a child: it moves to the engine's thread with it
    qint64 m_profileCount = 0; // counted once at open, then kept up to date per commit
    SenderOptions m_senderOptions;
    SenderSupervisor *m_senders = nullptr; // a child, made by open()
    QTimer *m_senderSyncTimer;
    bool m_backfillsIdle = false;
    bool m_idle = false;
    // Checks and backups: one at a time, off the engine's thread. Shared with
    // the running job, which may outlive a cancel but not the Engine
    // (~Engine waits for it).
    struct MaintenanceState
    {
        std::atomic<bool> stopping{false};
        std::atomic<quint64> cancelled{0};
    };
    // Each destination's latest figures from its sender, and what the last
    // sync saw of the destinations (to say destinationsChanged()).
    QHash<QString, DeliveryMetrics> m_liveMetrics;
    QString m_destinationsFingerprint;
    // The audiences' and dataflows' versions at the last sync: a change made
    // by another process reloads them (syncSenders()).
    QString m_activationFingerprint;
    bool m_reloading = false;
    // Running token checks by request id; dropping one drops its callback.
    QHash<quint64, std::shared_ptr<AuthProvider>> m_tokenChecks;
    QList<DestinationSummary> destinationSummaries(QString *error);

    std::shared_ptr<MaintenanceState> m_maintenanceState = std::make_shared<MaintenanceState>();
    QThreadPool m_maintenance;
    // --- Audiences page (issue #17) ---
    // Shared with the running jobs, which may outlive a cancel but not the
    // Engine (~Engine calls stopAudienceJobs()).
    struct AudienceJobs
    {
        std::atomic<bool> stopping{false};
        std::atomic<quint64> latestPreview{0}; // a running preview stops when it is not
        std::atomic<quint64> cancelledImport{0};
    };
    using AudienceWrite = std::function<QString(AudienceService &service, QString *audienceId)>;
    // Runs `write` on m_audienceWrites with a store and pipeline of its own,
    // then reloads and answers audienceOperationFinished() here.
    void startAudienceWrite(quint64 requestId, AudienceWrite write);
    void stopAudienceJobs();
    std::shared_ptr<AudienceJobs> m_audienceJobs = std::make_shared<AudienceJobs>();
    QThreadPool m_audiencePreviews; // one thread: a new preview waits for the old one to stop
    QThreadPool m_audienceWrites;   // one thread: one write at a time
    // --- end Audiences page ---
};

} // namespace outflow
