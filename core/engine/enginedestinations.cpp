// The Engine's destination operations for the app (issue #16): the
// Destinations page's snapshot, enable/disable and removal. The store is the
// Engine's own; the keychain is the caller's (it lives on the main thread):
// removal answers with the keychain entries to delete.
#include "activation/activationservice.h"
#include "activation/backfillestimate.h"
#include "app/logging.h"
#include "delivery/authprovider.h"
#include "delivery/destinationconfig.h"
#include "delivery/destinationsecrets.h"
#include "engine.h"
#include "engine/sendersupervisor.h"
#include "monitoring/metricsrecorder.h"
#include "store/store.h"

#include <algorithm>
#include <QDateTime>
#include <QHash>
#include <QTimer>

namespace outflow {

namespace {

QString hostOf(const QUrl &endpoint)
{
    return endpoint.port() > 0 ? QStringLiteral("%1:%2").arg(endpoint.host()).arg(endpoint.port())
                               : endpoint.host();
}

} // namespace

QList<DestinationSummary> Engine::destinationSummaries(QString *error)
{
    QList<DestinationSummary> summaries;
    if (!m_store) {
        *error = tr("The store is not open.");
        return summaries;
    }
    const QList<Destination> destinations = m_store->destinations();
    if (!m_store->lastError().isEmpty()) {
        *error = m_store->lastError();
        return summaries;
    }
    QHash<QString, QString> audienceNames;
    for (const Audience &audience : m_store->audiences())
        audienceNames.insert(audience.id, audience.name);
    QHash<QString, int> activeAlerts;
    for (const Alert &alert : m_store->alerts(true))
        ++activeAlerts[alert.destinationId];
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const Destination &destination : destinations) {
        DestinationSummary summary;
        summary.id = destination.id;
        summary.name = destination.name;
        summary.endpointHost = hostOf(destination.endpoint);
        summary.auth = destination.auth;
        summary.enabled = destination.enabled;
        summary.activeAlerts = activeAlerts.value(destination.id);
        summary.keychainEntries = int(DestinationSecrets::refsOf(destination).size());
        DestinationStateInputs inputs;
        inputs.enabled = destination.enabled;
        if (m_senders)
            inputs.block = m_senders->blockOf(destination.id, &summary.problem);
        if (const std::optional<Dataflow> dataflow =
                m_store->dataflowOfDestination(destination.id)) {
            QList<QPair<QString, QString>> mapped; // name, id
            for (const MappedAudience &audience : dataflow->audiences)
                mapped.append({audienceNames.value(audience.audienceId, audience.audienceId),
                               audience.audienceId});
            std::sort(mapped.begin(), mapped.end(), [](const auto &a, const auto &b) {
                return a.first.compare(b.first, Qt::CaseInsensitive) < 0;
            });
            for (const auto &[name, id] : std::as_const(mapped)) {
                summary.audiences.append(name);
                summary.audienceIds.append(id);
            }
            const QList<MetricsBucket> lastHour = m_store->metrics(
                dataflow->id, MetricsBucket::Resolution::Minute, now - 3'600'000, now + 60'000);
            for (const MetricsBucket &bucket : lastHour) {
                summary.deliveredLastHour += bucket.delivered;
                summary.failedLastHour += bucket.failed;
            }
            // The minutes the Monitor has not stored yet (the one under way):
            // without them a destination that just delivered says 0.
            if (m_recorder) {
                for (const MetricsBucket &bucket : m_recorder->unstored(dataflow->id)) {
                    summary.deliveredLastHour += bucket.delivered;
                    summary.failedLastHour += bucket.failed;
                }
            }
            if (const QList<Backfill> backfills = m_store->backfills(dataflow->id);
                !backfills.isEmpty()) {
                const Backfill &newest = backfills.constFirst();
                const BackfillEstimate estimate = BackfillEstimate::of(newest, now);
                summary.backfillDone = newest.done;
                summary.backfillTotal = newest.total;
                summary.backfillFinished = newest.finished;
                summary.backfillPerSecond = estimate.perSecond;
                summary.backfillEtaMs = estimate.etaMs.value_or(-1);
            }
            if (const std::optional<OutboxSummary> outbox = m_store->outboxSummary(dataflow->id)) {
                summary.backlog = outbox->backlog();
                inputs.backlog = outbox->backlog();
                inputs.retrying = outbox->retrying;
            }
        }
        // The sender's latest figures, fresher than the store's.
        if (const auto live = m_liveMetrics.constFind(destination.id);
            live != m_liveMetrics.cend()) {
            inputs.inFlight = live->inFlight;
            inputs.oldestPendingAgeMs = live->oldestPendingAgeMs;
            inputs.consecutiveAuthFailures = live->consecutiveAuthFailures;
        }
        summary.state = DestinationStates::judge(inputs);
        summaries.append(summary);
    }
    return summaries;
}

void Engine::listDestinations(quint64 requestId)
{
    QString error;
    const QList<DestinationSummary> summaries = destinationSummaries(&error);
    if (!error.isEmpty())
        qCWarning(lcApp).noquote() << error;
    emit destinationsListed(requestId, summaries);
}

void Engine::setDestinationEnabled(quint64 requestId, const QString &destinationId, bool enabled)
{
    if (!m_store) {
        emit destinationOperationFinished(requestId, tr("The store is not open."));
        return;
    }
    std::optional<Destination> destination = m_store->destination(destinationId);
    if (!destination) {
        emit destinationOperationFinished(
            requestId, m_store->lastError().isEmpty() ? tr("The destination was removed meanwhile.")
                                                      : m_store->lastError());
        return;
    }
    destination->enabled = enabled;
    destination->updatedAt = QDateTime::currentMSecsSinceEpoch();
    if (!m_store->updateDestination(*destination)) {
        emit destinationOperationFinished(requestId, m_store->lastError());
        return;
    }
    syncSenders(); // starts or stops its sender now, not at the next sync
    emit destinationOperationFinished(requestId, {});
    emit destinationsChanged();
}

void Engine::removeDestination(quint64 requestId, const QString &destinationId)
{
    if (!m_store) {
        emit destinationRemoved(requestId, destinationId, {}, tr("The store is not open."));
        return;
    }
    const std::optional<Destination> destination = m_store->destination(destinationId);
    if (!destination) {
        emit destinationRemoved(requestId, destinationId, {},
                                m_store->lastError().isEmpty()
                                    ? tr("The destination was removed meanwhile.")
                                    : m_store->lastError());
        return;
    }
    // Its dataflow, outbox, activation log, counters and backfills go with it
    // (Store::deleteDestination); its sender stops at the sync below.
    if (!m_store->deleteDestination(destinationId)) {
        emit destinationRemoved(requestId, destinationId, {}, m_store->lastError());
        return;
    }
    syncSenders();
    emit destinationRemoved(requestId, destinationId,
                            DestinationSecrets::keychainKeys(*destination), {});
    emit destinationsChanged();
}

void Engine::prepareDestinationTest(quint64 requestId, const QString &destinationId)
{
    std::optional<Destination> destination =
        m_store ? m_store->destination(destinationId) : std::nullopt;
    if (!destination) {
        ProbeReport report;
        report.reason = QStringLiteral("store");
        report.error = m_store && m_store->lastError().isEmpty()
                           ? tr("The destination was removed meanwhile.")
                           : (m_store ? m_store->lastError() : tr("The store is not open."));
        emit destinationTested(requestId, report);
        return;
    }
    emit destinationTestNeedsSecrets(requestId, *destination);
}

void Engine::testDestination(quint64 requestId, const Destination &destination,
                             const DestinationSecrets &secrets)
{
    if (!m_store)
        return;
    auto *probe = new DestinationProbe(*m_store, destination, this);
    connect(probe, &DestinationProbe::finished, this,
            [this, probe, requestId](const ProbeReport &report) {
                probe->deleteLater();
                emit destinationTested(requestId, report);
            });
    probe->start(secrets);
}

void Engine::saveDestination(quint64 requestId, const Destination &destination)
{
    if (!m_store) {
        emit destinationOperationFinished(requestId, tr("The store is not open."));
        return;
    }
    QString error;
    if (!validateDestination(destination, &error)) {
        emit destinationOperationFinished(requestId, error);
        return;
    }
    // Names are how administrators and outflowctl tell destinations apart.
    if (const std::optional<Destination> named = m_store->destinationByName(destination.name);
        named && named->id != destination.id) {
        emit destinationOperationFinished(
            requestId, tr("name: a destination named “%1” already exists.").arg(destination.name));
        return;
    }
    Destination saved = destination;
    saved.updatedAt = QDateTime::currentMSecsSinceEpoch();
    const std::optional<Destination> existing = m_store->destination(destination.id);
    bool ok = false;
    if (existing) {
        saved.createdAt = existing->createdAt;
        // Enabling is its own operation: a change of settings keeps the
        // flag as stored now, also when another process flipped it meanwhile.
        saved.enabled = existing->enabled;
        ok = m_store->updateDestination(saved);
    } else {
        saved.createdAt = saved.updatedAt;
        ok = m_store->insertDestination(saved);
    }
    if (!ok) {
        emit destinationOperationFinished(requestId, m_store->lastError());
        return;
    }
    syncSenders(); // a changed destination's sender restarts with its secrets read again
    emit destinationOperationFinished(requestId, {});
    emit destinationsChanged();
}

void Engine::activateNow(quint64 requestId, const QString &destinationId, const QString &audienceId)
{
    if (!m_store) {
        emit destinationOperationFinished(requestId, tr("The store is not open."));
        return;
    }
    ActivationService service(*m_store);
    if (!service.resend(destinationId, audienceId)) {
        emit destinationOperationFinished(requestId, service.lastError());
        return;
    }
    m_backfillsIdle = false;
    m_backfillTimer->start(0); // walk it now, not at the next reload
    emit destinationOperationFinished(requestId, {});
    emit destinationsChanged();
}

void Engine::readDestination(quint64 requestId, const QString &destinationId)
{
    const std::optional<Destination> destination =
        m_store ? m_store->destination(destinationId) : std::nullopt;
    if (!destination) {
        emit destinationRead(requestId, {},
                             !m_store ? tr("The store is not open.")
                             : m_store->lastError().isEmpty()
                                 ? tr("The destination was removed meanwhile.")
                                 : m_store->lastError());
        return;
    }
    emit destinationRead(requestId, *destination, {});
}

void Engine::checkToken(quint64 requestId, const Destination &destination,
                        const DestinationSecrets &secrets)
{
    QString error;
    std::shared_ptr<AuthProvider> provider = createAuthProvider(destination, secrets, {}, &error);
    if (!provider) {
        emit tokenChecked(requestId, error);
        return;
    }
    m_tokenChecks.insert(requestId, provider);
    provider->authorize(this, [this, requestId](const AuthResult &result) {
        // Cancelled meanwhile: the wizard has moved on, the answer is dropped.
        std::shared_ptr<AuthProvider> done = m_tokenChecks.take(requestId);
        if (!done)
            return;
        // Released once this callback, which the provider runs, has returned.
        QMetaObject::invokeMethod(
            this, [done] {}, Qt::QueuedConnection);
        emit tokenChecked(requestId, result.ok() ? QString() : result.failure->message);
    });
}

void Engine::cancelTokenCheck(quint64 requestId)
{
    // Destroying the provider drops its pending callback and aborts its request.
    m_tokenChecks.remove(requestId);
}

} // namespace outflow
