#pragma once

#include "activation/activationplan.h"

#include <QStringList>

namespace outflow::ui {

// What the activation wizard and the Edit activation dialog edit: the
// choices the Engine read (destination, dataflow, audiences, attribute
// fields) and the plan the editors build. Nothing is written before Finish
// or OK (Engine::saveActivation).
struct ActivationDraft
{
    ActivationChoices choices;
    ActivationPlan plan;

    QString destinationId() const { return choices.destination.id; }
    bool isNew() const { return !choices.dataflow.has_value(); }
    QString audienceName(const QString &id) const
    {
        for (const AudienceSummary &audience : choices.audiences) {
            if (audience.id == id)
                return audience.name;
        }
        return id;
    }
    QStringList audienceNames(const QStringList &ids) const
    {
        QStringList names;
        for (const QString &id : ids)
            names.append(audienceName(id));
        return names;
    }
    // The planned audiences the dataflow does not map yet: backfilled.
    QStringList addedAudiences() const
    {
        QStringList added = plan.audienceIds;
        if (choices.dataflow) {
            for (const MappedAudience &audience : choices.dataflow->audiences)
                added.removeAll(audience.audienceId);
        }
        return added;
    }
    QStringList removedAudiences() const
    {
        QStringList removed;
        if (choices.dataflow) {
            for (const MappedAudience &audience : choices.dataflow->audiences) {
                if (!plan.audienceIds.contains(audience.audienceId))
                    removed.append(audience.audienceId);
            }
        }
        return removed;
    }
};

} // namespace outflow::ui
