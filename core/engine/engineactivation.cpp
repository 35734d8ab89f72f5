// The Engine's activation operations for the app (issue #17): what the
// activation wizard and the Edit activation dialog start from, the live
// payload preview, the backfill's size, and saving a plan. Saving goes
// through ActivationService, as `outflowctl activate` does.
#include "activation/activationplan.h"
#include "activation/activationservice.h"
#include "engine.h"
#include "store/store.h"

#include <QTimer>

namespace outflow {

void Engine::readActivation(quint64 requestId, const QString &destinationId)
{
    if (!m_store) {
        emit activationRead(requestId, {}, tr("The store is not open."));
        return;
    }
    ActivationPlanner planner(*m_store);
    const std::optional<ActivationChoices> choices = planner.choices(destinationId);
    emit activationRead(requestId, choices.value_or(ActivationChoices{}),
                        choices ? QString() : planner.lastError());
}

void Engine::previewActivation(quint64 requestId, const QString &destinationId,
                               const ActivationPlan &plan, qint64 afterProfileId)
{
    if (!m_store) {
        PayloadPreview preview;
        preview.error = tr("The store is not open.");
        emit activationPreviewed(requestId, preview);
        return;
    }
    ActivationPlanner planner(*m_store);
    emit activationPreviewed(requestId, planner.preview(destinationId, plan, afterProfileId));
}

void Engine::estimateActivationBackfill(quint64 requestId, const QString &destinationId,
                                        const QStringList &audienceIds)
{
    if (!m_store) {
        emit activationBackfillEstimated(requestId, -1, tr("The store is not open."));
        return;
    }
    // Only the audiences the dataflow does not map yet are backfilled.
    QStringList added = audienceIds;
    if (const std::optional<Dataflow> current = m_store->dataflowOfDestination(destinationId)) {
        for (const MappedAudience &audience : current->audiences)
            added.removeAll(audience.audienceId);
    }
    ActivationPlanner planner(*m_store);
    const std::optional<qint64> profiles = planner.realizedProfiles(added);
    emit activationBackfillEstimated(requestId, profiles.value_or(-1),
                                     profiles ? QString() : planner.lastError());
}

void Engine::saveActivation(quint64 requestId, const QString &destinationId,
                            const ActivationPlan &plan)
{
    if (!m_store) {
        emit activationSaved(requestId, tr("The store is not open."));
        return;
    }
    if (const QString problem = ActivationPlanner::problem(plan); !problem.isEmpty()) {
        emit activationSaved(requestId, problem);
        return;
    }
    const std::optional<Dataflow> current = m_store->dataflowOfDestination(destinationId);
    if (!m_store->lastError().isEmpty()) {
        emit activationSaved(requestId, m_store->lastError());
        return;
    }
    ActivationService service(*m_store);
    if (!service.activate(ActivationPlanner::requestFor(destinationId, current, plan))) {
        emit activationSaved(requestId, service.lastError());
        return;
    }
    // The new dataflow reaches the activator and its backfills start now,
    // not at the next sync.
    reloadAudiences();
    emit activationSaved(requestId, {});
    emit destinationsChanged();
}

} // namespace outflow
