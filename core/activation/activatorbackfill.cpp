// The Activator's backfill decisions (DESIGN §2, Backfill): which backfill
// can run, and whether one profile of its current audience is exported.
#include "activator.h"
#include "activator_p.h"
#include "store/store.h"

#include <QJsonArray>

namespace outflow {

Activator::BackfillTarget Activator::backfillTarget(const Backfill &backfill) const
{
    if (m_pausedDataflows.contains(backfill.dataflowId))
        return BackfillTarget::Paused;
    for (const std::unique_ptr<Flow> &flow : m_flows) {
        if (flow->dataflow.id != backfill.dataflowId)
            continue;
        return flow->mappedAudiences.contains(backfill.audienceIds.value(backfill.audienceIndex))
                   ? BackfillTarget::Ready
                   : BackfillTarget::Unmapped;
    }
    return BackfillTarget::Unknown;
}

bool Activator::coveredSinceMapping(const Backfill &backfill, qint64 profileId, bool *covered)
{
    *covered = false;
    // Newest first: only the records made since the backfill began matter.
    const QList<ActivationRecord> records =
        m_store.activations(backfill.dataflowId, profileId, RecentDecisions);
    if (!m_store.lastError().isEmpty())
        return storeError(tr("Could not read the activations of profile %1").arg(profileId));
    for (const ActivationRecord &record : records) {
        if (record.createdAt < backfill.createdAt)
            break;
        const QJsonObject reason = QJsonDocument::fromJson(record.reason).object();
        // Decided by this backfill in an audience walked before: not twice.
        // Exported by the streaming trigger since the mapping: the receiver
        // has the profile's current state already, under that export's id
        // (issue #21: two ids for one change defeat deduplication). A resend
        // is asked for by the administrator and sends everyone again.
        if (reason.value(QLatin1String("backfillId")).toInteger() == backfill.id ||
            (backfill.kind == Backfill::Kind::Backfill &&
             record.outcome == ActivationOutcome::Exported &&
             !reason.contains(QLatin1String("backfillId")))) {
            *covered = true;
            break;
        }
    }
    return true;
}

bool Activator::backfillProfile(const Backfill &backfill, qint64 profileId, bool *exported)
{
    *exported = false;
    Flow *flow = flowOf(backfill.dataflowId);
    if (!flow)
        return true; // its destination was disabled or removed: nothing to send
    Change change;
    change.profileId = profileId;
    change.time = now();
    const std::optional<Profile> profile = m_store.profile(profileId);
    if (!profile) {
        if (!m_store.lastError().isEmpty())
            return storeError(tr("Could not read profile %1").arg(profileId));
        return true; // merged away since the page was read
    }
    change.attributesJson = profile->attributesJson;
    change.identities = profile->identities;
    if (!loadMemberships(change))
        return false;
    const QString &audienceId = backfill.audienceIds.value(backfill.audienceIndex);
    bool realizedHere = false;
    for (const Membership &membership : std::as_const(change.memberships)) {
        if (!membership.isRealized())
            continue;
        if (membership.audienceId == audienceId)
            realizedHere = true;
        // Realized in an audience walked before: exported then, not twice.
        const qsizetype walked = backfill.audienceIds.indexOf(membership.audienceId);
        if (walked >= 0 && walked < backfill.audienceIndex)
            return true;
    }
    if (!realizedHere)
        return true; // exited since the page was read
    bool covered = false;
    if (!coveredSinceMapping(backfill, profileId, &covered))
        return false;
    if (covered)
        return true;
    // Counted like a live decision: received = created + excluded + suppressed.
    count(*flow, QStringLiteral("received"));
    if (m_backfillReason.backfillId != backfill.id || m_backfillReason.kind != backfill.kind ||
        m_backfillReason.audienceId != audienceId) {
        m_backfillReason = {backfill.id, backfill.kind, audienceId,
                            compactJson(QJsonObject{{QStringLiteral("triggers"),
                                                     QJsonArray{backfillKindName(backfill.kind)}},
                                                    {QStringLiteral("audience"), audienceId},
                                                    {QStringLiteral("backfillId"), backfill.id}})};
    }
    const QStringList missing = flow->builder->missingMandatory(change.attributesJson);
    if (!missing.isEmpty())
        return exclude(*flow, change, missing, m_backfillReason.json);
    if (!queue(*flow, change, m_backfillReason.json, ExportLane::Backfill))
        return false;
    *exported = true;
    count(*flow, QStringLiteral("backfilled"));
    return true;
}

} // namespace outflow
