#pragma once

#include "activation/activationplan.h"
#include "activation/profilelineage.h"
#include "delivery/deliveryinspection.h"
#include "delivery/deliverymetrics.h"
#include "delivery/destinationprobe.h"
#include "delivery/destinationsaver.h"
#include "model/audiencesummary.h"
#include "model/destinationsummary.h"
#include "model/storereports.h"
#include "monitoring/alerttracker.h"
#include "monitoring/monitoringreport.h"
#include "segmentation/audienceservice.h"

#include <functional>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QThread>

namespace outflow {
class Engine;
class SecretStore;
} // namespace outflow

namespace outflow::ui {

// Runs the Engine on its own worker thread (DESIGN §4: no database, keychain
// or network work on the GUI thread) and relays its signals, queued, to the
// GUI. The host lives on the GUI thread; the Engine is created and destroyed
// on the worker thread.
class EngineHost final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineHost)

public:
    explicit EngineHost(const QString &storePath, QObject *parent = nullptr);
    ~EngineHost() override;

    QString storePath() const { return m_storePath; }

    // Asynchronous; answered by storeOpened() or failed().
    void start();
    // Asynchronous; answered by ingestEndpointStarted() or failed(). The
    // token is read from the keychain here, on the GUI thread (QtKeychain's
    // libsecret backend answers through the main GLib context only; the call
    // does not block).
    void startIngestEndpoint(quint16 port);
    void stopIngestEndpoint();
    // Asynchronous; answered by audiencesChanged() (once the store is open).
    void refreshAudiences();
    // Asynchronous; answered by alertsListed(): the active alerts, or every
    // alert with `includeResolved`, newest first.
    void refreshAlerts(bool includeResolved);
    // The Alerts page's Acknowledge (enginehostalerts.cpp): answered by
    // alertAcknowledged() with the request id returned (an empty error:
    // done); alertsChanged() follows.
    quint64 acknowledgeAlert(const QString &alertId);
    // File › Check Store and Back Up Store: return the request id that
    // storeChecked() / storeBackupProgress() and storeBackedUp() carry.
    quint64 checkStore();
    quint64 backupStore(const QString &target);
    void cancelStoreBackup(quint64 requestId);
    // The Destinations page: answered by destinationsListed().
    void listDestinations();
    // Answered by destinationOperationFinished() with the request id returned.
    quint64 setDestinationEnabled(const QString &destinationId, bool enabled);
    // Removes the destination in the store, then its keychain entries here.
    quint64 removeDestination(const QString &destinationId);
    // Send test: the secrets read here, the request sent by the Engine;
    // answered by destinationTested().
    quint64 testDestination(const QString &destinationId);
    // The wizard's Send test: a destination not saved yet, with the secrets
    // typed for it. Answered by destinationTested().
    quint64 testDraft(const outflow::Destination &destination,
                      const outflow::DestinationSecrets &secrets);
    // Creates or changes a destination: the secrets into the keychain here,
    // then the destination by the Engine, rolled back if either fails
    // (DestinationSaver, as `outflowctl destination add`). Answered by
    // destinationSaved().
    quint64 saveDestination(const outflow::Destination &destination,
                            const outflow::DestinationSaver::Secrets &secrets);
    // The wizard's Authenticate check (Engine::checkToken); answered by
    // tokenChecked() unless cancelled first.
    quint64 checkToken(const outflow::Destination &destination,
                       const outflow::DestinationSecrets &secrets);
    void cancelTokenCheck(quint64 requestId);
    // Activate now: answered by destinationOperationFinished().
    quint64 activateNow(const QString &destinationId, const QString &audienceId);
    // Answered by destinationRead().
    quint64 readDestination(const QString &destinationId);
    // --- Activation (issue #17) ---
    // Answered by activationRead(), activationPreviewed(),
    // activationBackfillEstimated() and activationSaved() (Engine's
    // operations of the same names).
    quint64 readActivation(const QString &destinationId);
    quint64 previewActivation(const QString &destinationId, const outflow::ActivationPlan &plan,
                              qint64 afterProfileId);
    quint64 estimateActivationBackfill(const QString &destinationId,
                                       const QStringList &audienceIds);
    quint64 saveActivation(const QString &destinationId, const outflow::ActivationPlan &plan);
    // --- end Activation ---
    // --- Profiles page (issue #17) ---
    // Answered by profileLookedUp() with the request id returned.
    quint64 lookupProfile(const QString &identityNamespace, const QString &identityId);
    // Answered by identityNamespacesListed().
    quint64 listIdentityNamespaces();
    // --- end Profiles page ---
    // --- Deliveries page (issue #18, enginehostdeliveries.cpp) ---
    // The Engine's operations of the same names, each returning the request
    // id its answer carries: deliveriesRead(), deliveryDetailRead(),
    // failedExportsCounted(), exportsReplayed().
    quint64 readDeliveries(const outflow::DeliveryLogQuery &query);
    quint64 readDeliveryDetail(const QString &destinationId, const QString &exportId);
    quint64 countFailedExports(const QString &destinationId);
    // Every dead letter of the destination when `exportIds` is empty.
    quint64 replayExports(const QString &destinationId, const QStringList &exportIds);
    // --- end Deliveries page ---
    // --- Monitoring page (issue #18, enginehostmonitoring.cpp) ---
    // Engine::readMonitoring: every dataflow's figures over `window` (one
    // destination's with `destinationId`), the series and hourly runs with
    // `series`. Answered by monitoringRead() with the request id returned.
    quint64 readMonitoring(outflow::MonitoringWindow window, const QString &destinationId = {},
                           bool series = false);
    // --- end Monitoring page ---
    // Keychain entries a saved destination no longer uses; a failure is
    // logged (a stale entry is harmless).
    void forgetSecrets(const QStringList &keychainKeys);

    // --- Audiences page (issue #17) ---
    // The Engine's audience operations (engineaudiences.cpp), each returning
    // the request id its answer carries. The rule editor's live preview:
    // answered by audiencePreviewed() unless a newer preview or
    // cancelAudiencePreview() supersedes it first.
    quint64 previewAudienceRule(const QString &rule, int samples);
    void cancelAudiencePreview(quint64 requestId);
    // Answered by audienceOperationFinished(); audiencesChanged() follows.
    quint64 createAudience(const QString &name, const QString &description,
                           const QString &mergePolicyId, const QString &rule);
    quint64 editAudience(const QString &audienceId, const outflow::AudienceChanges &changes);
    quint64 renameAudience(const QString &audienceId, const QString &name);
    quint64 removeAudience(const QString &audienceId);
    // Answered by audienceUsageRead(): the destinations mapping the audience.
    quint64 readAudienceUsage(const QString &audienceId);
    // audienceImportProgress(), then audienceImported().
    quint64 importAudienceCsv(const QString &name, const QString &filePath,
                              const QString &identityColumn, const QString &identityNamespace);
    void cancelAudienceImport(quint64 requestId);
    // --- end Audiences page ---

signals:
    void storeOpened();
    void failed(const QString &message);
    void ingestEndpointStarted(quint16 port);
    void fragmentsCommitted(int count);
    void profileCountChanged(qint64 count);
    void audiencesChanged(const QList<outflow::AudienceSummary> &audiences);
    // Each destination's delivery figures, a few times a second at most.
    void deliveryMetrics(const outflow::DeliveryMetrics &metrics);
    // A destination cannot send (missing secret, TLS files, …): why.
    void deliveryProblem(const QString &destinationId, const QString &message);
    // Alerts just raised, of the kinds their destination subscribed to.
    void alertsRaised(const QList<outflow::Alert> &alerts);
    // An alert was raised, updated or resolved (any kind): lists are stale.
    void alertsChanged();
    void alertsListed(const QList<outflow::Alert> &alerts);
    void alertAcknowledged(quint64 requestId, const QString &error);
    void storeChecked(quint64 requestId, const outflow::StoreCheckReport &report);
    void storeBackupProgress(quint64 requestId, qint64 done, qint64 total);
    void storeBackedUp(quint64 requestId, const outflow::StoreBackupReport &report);
    void destinationsListed(const QList<outflow::DestinationSummary> &destinations);
    void destinationsChanged();
    void destinationOperationFinished(quint64 requestId, const QString &error);
    void destinationTested(quint64 requestId, const outflow::ProbeReport &report);
    // `keychainRefused`: the error is the keychain's (no keychain, locked…).
    void destinationSaved(quint64 requestId, bool ok, bool keychainRefused, const QString &error);
    void tokenChecked(quint64 requestId, const QString &error);
    void destinationRead(quint64 requestId, const outflow::Destination &destination,
                         const QString &error);
    // --- Profiles page (issue #17) ---
    // An empty error: `lineage` is the profile's; else why not.
    void profileLookedUp(quint64 requestId, const outflow::ProfileLineage &lineage,
                         const QString &error);
    void identityNamespacesListed(quint64 requestId, const QStringList &namespaces);
    // --- end Profiles page ---

    // --- Deliveries page (issue #18) ---
    void deliveriesRead(quint64 requestId, const QList<outflow::DeliveryLogEntry> &entries,
                        bool more, const QString &error);
    void deliveryDetailRead(quint64 requestId, const outflow::DeliveryDetail &detail,
                            const QString &error);
    void failedExportsCounted(quint64 requestId, const QString &destinationId, qint64 count,
                              const QString &error);
    void exportsReplayed(quint64 requestId, qint64 replayed, qint64 superseded,
                         const QString &error);
    // --- end Deliveries page ---
    // --- Monitoring page (issue #18) ---
    // An empty error: `report` holds the figures; else why not.
    void monitoringRead(quint64 requestId, const outflow::MonitoringReport &report,
                        const QString &error);
    // After each backfill page (or Activate Now's): done of total profiles.
    void backfillProgress(const QString &dataflowId, qint64 done, qint64 total, bool finished);
    // --- end Monitoring page ---

    // --- Activation (issue #17) ---
    void activationRead(quint64 requestId, const outflow::ActivationChoices &choices,
                        const QString &error);
    void activationPreviewed(quint64 requestId, const outflow::PayloadPreview &preview);
    void activationBackfillEstimated(quint64 requestId, qint64 profiles, const QString &error);
    void activationSaved(quint64 requestId, const QString &error);
    // --- end Activation ---

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
    template<typename Operation>
    quint64 queue(Operation operation);
    void connectAudiences();  // the Audiences page's (issue #17)
    void connectDeliveries(); // the Deliveries page's (issue #18)
    void connectMonitoring(); // the Monitoring page's (issue #18)
    void connectAlerts();     // the Alerts page's (issue #18, enginehostalerts.cpp)
    void removeSecrets(quint64 requestId, const QString &destinationId, const QStringList &keys,
                       const QString &error);

    QString m_storePath;
    QThread m_thread;
    Engine *m_engine = nullptr; // lives on m_thread
    SecretStore *m_secrets;     // lives on the GUI thread
    quint64 m_lastRequest = 0;
    // Engine saves a DestinationSaver waits for, by request id.
    QHash<quint64, std::function<void(const QString &error)>> m_pendingWrites;
};

} // namespace outflow::ui
