#include "profilelineage.h"

#include "store/store.h"

#include <algorithm>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace outflow {

namespace {

// Merges are followed this far back (a chain of merges is rare and short).
constexpr int MaxMergedProfiles = 64;
// Delivery log entries read per profile and destination: the log itself is
// bounded per destination (DeliveryJournal).
constexpr int DeliveryLogEntriesRead = 1000;

QString joined(const QJsonValue &list)
{
    QStringList texts;
    for (const QJsonValue &value : list.toArray())
        texts.append(value.toString());
    return texts.join(QStringLiteral(", "));
}

// What a decision's export became: its outbox row while it is queued, else
// the newest of its delivery log entries.
void joinFate(ProfileLineage::Decision &decision, const QHash<QString, QueuedExport> &queued,
              const QHash<QString, QList<DeliveryLogEntry>> &logged)
{
    if (decision.kind != ActivationOutcome::Exported || decision.exportId.isEmpty())
        return;
    const auto row = queued.constFind(decision.exportId);
    const QList<DeliveryLogEntry> entries = logged.value(decision.exportId); // newest first
    decision.replayed = std::any_of(entries.cbegin(), entries.cend(), [](const auto &entry) {
        return entry.lane == ExportLane::Replay;
    });
    if (row != queued.cend()) {
        decision.replayed = decision.replayed || row->lane == ExportLane::Replay;
        decision.attempts = row->attempts;
        decision.httpStatus = row->httpStatus;
        decision.error = row->error;
        switch (row->state) {
        case QueuedExport::State::Pending:
            decision.fate = ExportFate::Pending;
            break;
        case QueuedExport::State::Sending:
            decision.fate = ExportFate::Sending;
            break;
        case QueuedExport::State::Retrying:
            decision.fate = ExportFate::Retrying;
            decision.fateAt = row->nextAttemptAt;
            break;
        case QueuedExport::State::Failed:
            decision.fate = ExportFate::Failed;
            decision.fateAt = row->lastAttemptAt;
            break;
        }
        return;
    }
    if (entries.isEmpty()) {
        decision.fate = ExportFate::Unknown;
        return;
    }
    const DeliveryLogEntry &last = entries.constFirst();
    decision.fateAt = last.attemptedAt;
    decision.attempts = last.attempt;
    decision.httpStatus = last.httpStatus;
    decision.error = last.error;
    switch (last.outcome) {
    case DeliveryOutcome::Delivered:
        decision.fate = ExportFate::Delivered;
        break;
    case DeliveryOutcome::Failed:
        decision.fate = last.errorKind == QLatin1String("superseded") ? ExportFate::Superseded
                                                                      : ExportFate::Failed;
        break;
    case DeliveryOutcome::Retry: // no longer queued: its outcome was not kept
        decision.fate = ExportFate::Unknown;
        decision.fateAt = 0;
        break;
    }
}

} // namespace

QString exportFateName(ExportFate fate)
{
    switch (fate) {
    case ExportFate::None:
        return QStringLiteral("none");
    case ExportFate::Pending:
        return QStringLiteral("pending");
    case ExportFate::Sending:
        return QStringLiteral("sending");
    case ExportFate::Retrying:
        return QStringLiteral("retrying");
    case ExportFate::Failed:
        return QStringLiteral("failed");
    case ExportFate::Delivered:
        return QStringLiteral("delivered");
    case ExportFate::Superseded:
        return QStringLiteral("superseded");
    case ExportFate::Unknown:
        return QStringLiteral("unknown");
    }
    return {};
}

QString lineageTime(qint64 unixMs)
{
    if (unixMs <= 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(unixMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString ProfileLineage::Decision::reasonText() const
{
    switch (kind) {
    case ActivationOutcome::Excluded: {
        const QJsonArray missing = reason.value(QLatin1String("missing")).toArray();
        if (missing.size() == 1)
            return tr("missing mandatory attribute %1").arg(missing.at(0).toString());
        if (!missing.isEmpty())
            return tr("missing mandatory attributes %1").arg(joined(missing));
        return tr("excluded: %1").arg(reason.value(QLatin1String("excluded")).toString());
    }
    case ActivationOutcome::Suppressed:
        return tr("trigger switched off: %1")
            .arg(joined(reason.value(QLatin1String("suppressedTriggers"))));
    case ActivationOutcome::Exported:
        return tr("trigger: %1").arg(joined(reason.value(QLatin1String("triggers"))));
    }
    return {};
}

QString ProfileLineage::Decision::fateText() const
{
    const QString at = lineageTime(fateAt);
    const QString error = this->error.isEmpty() ? QString() : tr(": %1").arg(this->error);
    switch (fate) {
    case ExportFate::None:
        return {};
    case ExportFate::Pending:
        return replayed ? tr("replayed, waiting to be sent") : tr("waiting to be sent");
    case ExportFate::Sending:
        return tr("being sent");
    case ExportFate::Retrying:
        return tr("retrying (attempt %1 at %2)%3").arg(attempts + 1).arg(at, error);
    case ExportFate::Failed:
        return tr("failed after %1 attempts at %2, a dead letter%3").arg(attempts).arg(at, error);
    case ExportFate::Delivered:
        return replayed ? tr("replayed, delivered at %1").arg(at) : tr("delivered at %1").arg(at);
    case ExportFate::Superseded:
        return tr("failed, then superseded by a newer export: not sent again");
    case ExportFate::Unknown:
        return tr("no longer queued; its delivery is no longer in the log");
    }
    return {};
}

std::optional<ProfileLineage> ProfileLineage::read(Store &store, const Identity &identity,
                                                   const Scope &scope, QString *error,
                                                   bool *notFound)
{
    if (notFound)
        *notFound = false;
    const auto fail = [error](const QString &message) {
        *error = message;
        return std::optional<ProfileLineage>();
    };
    const std::optional<qint64> owner = store.owner(identity);
    const std::optional<Profile> profile = owner ? store.profile(*owner) : std::nullopt;
    if (!profile) {
        if (notFound)
            *notFound = true;
        return fail(tr("No profile has the identity %1:%2.").arg(identity.ns, identity.id));
    }
    ProfileLineage lineage;
    lineage.profileId = profile->id;
    lineage.identities = profile->identities;
    // The decisions made for profiles merged into this one are its history too.
    QList<qint64> ids{profile->id};
    for (qsizetype i = 0; i < ids.size() && ids.size() < MaxMergedProfiles; ++i) {
        for (const MergeRecord &merge : store.mergesInto(ids.at(i))) {
            if (!ids.contains(merge.absorbedId))
                ids.append(merge.absorbedId);
        }
    }
    lineage.absorbedIds = ids.mid(1);

    const QList<outflow::Membership> memberships = store.memberships(profile->id);
    if (!store.lastError().isEmpty())
        return fail(store.lastError());
    QHash<QString, QString> audienceNames;
    for (const Audience &audience : store.audiences())
        audienceNames.insert(audience.id, audience.name);
    QJsonObject ups;
    for (const outflow::Membership &membership : memberships) {
        lineage.memberships.append({membership.audienceId,
                                    audienceNames.value(membership.audienceId), membership.status,
                                    membership.lastQualificationTime});
        ups.insert(membership.audienceId,
                   QJsonObject{{QStringLiteral("status"), membershipStatusName(membership.status)},
                               {QStringLiteral("lastQualificationTime"),
                                membership.lastQualificationTime}});
    }
    std::sort(lineage.memberships.begin(), lineage.memberships.end(),
              [](const Membership &a, const Membership &b) {
                  return a.audienceName.localeAwareCompare(b.audienceName) < 0;
              });
    lineage.profile = profile->toXdm();
    if (!ups.isEmpty())
        lineage.profile.insert(QStringLiteral("segmentMembership"),
                               QJsonObject{{QStringLiteral("ups"), ups}});

    QList<Destination> destinations;
    if (scope.destinationId.isEmpty()) {
        destinations = store.destinations();
    } else if (const std::optional<Destination> one = store.destination(scope.destinationId)) {
        destinations.append(*one);
    }
    if (!store.lastError().isEmpty())
        return fail(store.lastError());
    for (const Destination &destination : std::as_const(destinations)) {
        const std::optional<Dataflow> dataflow = store.dataflowOfDestination(destination.id);
        if (!store.lastError().isEmpty())
            return fail(store.lastError());
        if (!dataflow && scope.destinationId.isEmpty())
            continue; // never activated: nothing to say
        DestinationHistory history{destination.id, destination.name, {}, {}};
        if (!dataflow) {
            lineage.destinations.append(history);
            continue;
        }
        history.dataflowId = dataflow->id;
        QList<ActivationRecord> records;
        QHash<QString, QueuedExport> queued;
        QHash<QString, QList<DeliveryLogEntry>> logged;
        for (const qint64 id : std::as_const(ids)) {
            records += store.activations(dataflow->id, id, scope.decisionsPerDestination);
            if (!store.lastError().isEmpty())
                return fail(store.lastError());
            for (const QueuedExport &row : store.queuedExportsOf(dataflow->id, id))
                queued.insert(row.exportId, row);
            if (!store.lastError().isEmpty())
                return fail(store.lastError());
            for (const DeliveryLogEntry &entry :
                 store.deliveryLogOf(destination.id, id, DeliveryLogEntriesRead))
                logged[entry.exportId].append(entry);
            if (!store.lastError().isEmpty())
                return fail(store.lastError());
        }
        std::sort(records.begin(), records.end(),
                  [](const ActivationRecord &a, const ActivationRecord &b) { return a.id > b.id; });
        if (records.size() > scope.decisionsPerDestination)
            records.resize(scope.decisionsPerDestination);
        for (const ActivationRecord &record : std::as_const(records)) {
            Decision decision;
            decision.id = record.id;
            decision.profileId = record.profileId;
            decision.time = record.createdAt;
            decision.kind = record.outcome;
            decision.reason = QJsonDocument::fromJson(record.reason).object();
            decision.exportId = record.exportId;
            joinFate(decision, queued, logged);
            history.decisions.append(std::move(decision));
        }
        lineage.destinations.append(std::move(history));
    }
    return lineage;
}

} // namespace outflow
