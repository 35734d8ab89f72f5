#include "activator.h"

#include "activator_p.h"
#include "monitoring/metricsrecorder.h"
#include "payloadbuilder.h"
#include "store/store.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QUuid>

namespace outflow {

namespace {

QString identityText(const Identity &identity)
{
    return identity.ns + QLatin1Char(':') + identity.id;
}

// A written leaf path touches a mapped path when it is the path itself, lies
// under it (a mapped object), or lies above it (an object or a scalar that
// replaced the mapped leaf's parent).
bool touches(QByteArrayView written, QByteArrayView mapped)
{
    if (written.size() == mapped.size())
        return written == mapped;
    if (written.size() > mapped.size())
        return written.startsWith(mapped) && written.at(mapped.size()) == '.';
    return mapped.startsWith(written) && mapped.at(written.size()) == '.';
}

} // namespace

Activator::Activator(Store &store, Clock clock)
    : m_store(store)
    , m_clock(std::move(clock))
{}

Activator::~Activator() = default;

qint64 Activator::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

bool Activator::storeError(const QString &context)
{
    m_error = tr("%1: %2").arg(context, m_store.lastError());
    return false;
}

bool Activator::reload()
{
    m_error.clear();
    m_flows.clear();
    m_pausedDataflows.clear();
    m_audiences.clear();
    const QList<Audience> audiences = m_store.audiences();
    if (!m_store.lastError().isEmpty())
        return storeError(tr("Could not read the audiences"));
    for (const Audience &audience : audiences)
        m_audiences.insert(audience.id, audience);
    const QList<Dataflow> dataflows = m_store.dataflows();
    if (!m_store.lastError().isEmpty())
        return storeError(tr("Could not read the dataflows"));
    for (const Dataflow &dataflow : dataflows) {
        const std::optional<Destination> destination = m_store.destination(dataflow.destinationId);
        if (!destination) {
            if (!m_store.lastError().isEmpty())
                return storeError(tr("Could not read the destinations"));
            continue;
        }
        // A disabled destination pauses its dataflow: nothing is queued for it.
        if (!destination->enabled) {
            m_pausedDataflows.insert(dataflow.id);
            continue;
        }
        auto flow = std::make_unique<Flow>();
        flow->dataflow = dataflow;
        for (const MappedAudience &audience : dataflow.audiences)
            flow->mappedAudiences.insert(audience.audienceId);
        for (const MappedAttribute &attribute : dataflow.attributes) {
            flow->mappedPaths.append(attribute.path);
            flow->mappedPathsUtf8.append(attribute.path.toUtf8());
        }
        flow->builder =
            std::make_unique<PayloadBuilder>(dataflow, destination->includeSegmentNames,
                                             destination->includeSegmentTimestamps, m_audiences);
        m_flows.push_back(std::move(flow));
    }
    return true;
}

Activator::Flow *Activator::flowOf(const QString &dataflowId)
{
    for (const std::unique_ptr<Flow> &flow : m_flows) {
        if (flow->dataflow.id == dataflowId)
            return flow.get();
    }
    return nullptr;
}

void Activator::addTransition(const MembershipTransition &transition)
{
    if (!m_flows.empty())
        m_pending.append(transition);
}

bool Activator::processMerge(const MergeReport &report)
{
    if (m_flows.empty())
        return true;
    Change change;
    change.profileId = report.profileId;
    change.attributesJson = report.attributesJson;
    change.identities = report.identities;
    change.writtenPaths = report.writtenPaths;
    change.identitiesAdded = report.identitiesAdded;
    change.identitiesUpdated = report.identitiesUpdated;
    change.profilesMerged = int(report.mergedProfileIds.size());
    change.identityMapChanged = report.identityMapChanged();
    change.time = report.mergedAt;
    // A new profile has no membership but those it just entered.
    change.membershipsLoaded = report.created && m_pending.isEmpty();
    for (qsizetype i = 0; i < m_pending.size();) {
        if (m_pending.at(i).profileId == report.profileId)
            change.transitions.append(m_pending.takeAt(i));
        else
            ++i;
    }
    for (const std::unique_ptr<Flow> &flow : m_flows) {
        if (!decide(*flow, change))
            return discardCountersAndFail();
    }
    // Transitions of other profiles (none in a merge) are decided on their own.
    if (!m_pending.isEmpty())
        return flushTransitions();
    return saveCounters();
}

bool Activator::flushTransitions()
{
    while (!m_pending.isEmpty()) {
        Change change;
        change.profileId = m_pending.constFirst().profileId;
        for (qsizetype i = 0; i < m_pending.size();) {
            if (m_pending.at(i).profileId == change.profileId)
                change.transitions.append(m_pending.takeAt(i));
            else
                ++i;
        }
        const std::optional<Profile> profile = m_store.profile(change.profileId);
        if (!profile) {
            if (!m_store.lastError().isEmpty()) {
                storeError(tr("Could not read profile %1").arg(change.profileId));
                return discardCountersAndFail();
            }
            continue; // merged away meanwhile: its survivor had its own decision
        }
        change.attributesJson = profile->attributesJson;
        change.identities = profile->identities;
        change.time = now();
        for (const std::unique_ptr<Flow> &flow : m_flows) {
            if (!decide(*flow, change))
                return discardCountersAndFail();
        }
    }
    return saveCounters();
}

bool Activator::loadMemberships(Change &change)
{
    if (change.membershipsLoaded)
        return true;
    change.memberships = m_store.memberships(change.profileId);
    if (!m_store.lastError().isEmpty())
        return storeError(tr("Could not read the memberships of profile %1").arg(change.profileId));
    change.membershipsLoaded = true;
    return true;
}

bool Activator::decide(Flow &flow, Change &change)
{
    QStringList entered, exited;
    for (const MembershipTransition &transition : std::as_const(change.transitions)) {
        if (flow.mappedAudiences.contains(transition.audienceId))
            (transition.entered ? entered : exited).append(transition.audienceId);
    }
    QStringList written;
    for (qsizetype m = 0; m < flow.mappedPaths.size(); ++m) {
        const QByteArrayView mapped = flow.mappedPathsUtf8.at(m);
        for (const QByteArrayView path : change.writtenPaths) {
            if (touches(path, mapped)) {
                written.append(flow.mappedPaths.at(m));
                break;
            }
        }
    }
    const bool segmentation = !entered.isEmpty() || !exited.isEmpty();
    if (!segmentation && !change.identityMapChanged && written.isEmpty())
        return true; // nothing this dataflow looks at changed

    if (!loadMemberships(change))
        return false;
    bool realized = false;
    for (const Membership &membership : std::as_const(change.memberships)) {
        if (membership.isRealized() && flow.mappedAudiences.contains(membership.audienceId)) {
            realized = true;
            break;
        }
    }
    const bool identity = change.identityMapChanged && realized;
    const bool attribute = !written.isEmpty() && realized;
    if (!segmentation && !identity && !attribute)
        return true; // not a member of any mapped audience: not for this dataflow
    count(flow, QStringLiteral("received"));

    // The triggers that applied, each with what it saw: in the reason of an
    // export when switched on; in the reason of a suppressed decision when
    // every one that applied is switched off.
    const ActivationTriggers &on = flow.dataflow.triggers;
    QJsonArray triggers, switchedOff;
    QJsonObject reason, offReason;
    if (segmentation) {
        (on.segmentation ? triggers : switchedOff).append(QStringLiteral("segmentation"));
        QJsonObject &into = on.segmentation ? reason : offReason;
        if (!entered.isEmpty())
            into.insert(QStringLiteral("audiencesEntered"), QJsonArray::fromStringList(entered));
        if (!exited.isEmpty())
            into.insert(QStringLiteral("audiencesExited"), QJsonArray::fromStringList(exited));
    }
    if (identity) {
        (on.identity ? triggers : switchedOff).append(QStringLiteral("identity"));
        QJsonObject &into = on.identity ? reason : offReason;
        const auto list = [](const QList<Identity> &identities) {
            QJsonArray texts;
            for (const Identity &id : identities)
                texts.append(identityText(id));
            return texts;
        };
        if (!change.identitiesAdded.isEmpty())
            into.insert(QStringLiteral("identitiesAdded"), list(change.identitiesAdded));
        if (!change.identitiesUpdated.isEmpty())
            into.insert(QStringLiteral("identitiesUpdated"), list(change.identitiesUpdated));
        if (change.profilesMerged > 0)
            into.insert(QStringLiteral("profilesMerged"), change.profilesMerged);
    }
    if (attribute) {
        (on.attribute ? triggers : switchedOff).append(QStringLiteral("attribute"));
        (on.attribute ? reason : offReason)
            .insert(QStringLiteral("attributesWritten"), QJsonArray::fromStringList(written));
    }
    if (triggers.isEmpty()) {
        // Every trigger that applied is switched off on this dataflow.
        offReason.insert(QStringLiteral("suppressedTriggers"), switchedOff);
        return suppress(flow, change, compactJson(offReason));
    }
    reason.insert(QStringLiteral("triggers"), triggers);

    const QStringList missing = flow.builder->missingMandatory(change.attributesJson);
    if (!missing.isEmpty())
        return exclude(flow, change, missing, compactJson(reason));
    return queue(flow, change, compactJson(reason), ExportLane::Live);
}

QString Activator::newExportId(qint64 unixMs)
{
    // global(): seeded once from the system's entropy, no system call per id.
    quint32 random[3];
    QRandomGenerator::global()->fillRange(random);
    const quint64 ms = quint64(unixMs) & 0xFFFF'FFFF'FFFFull;
    const QUuid uuid(uint(ms >> 16), ushort(ms & 0xFFFF),
                     ushort(0x7000 | (random[0] & 0x0FFF)),    // version 7
                     uchar(0x80 | ((random[0] >> 12) & 0x3F)), // variant 10 (RFC 9562)
                     uchar(random[0] >> 24), uchar(random[1]), uchar(random[1] >> 8),
                     uchar(random[1] >> 16), uchar(random[1] >> 24), uchar(random[2]),
                     uchar(random[2] >> 8));
    return uuid.toString(QUuid::WithoutBraces);
}

bool Activator::queue(Flow &flow, Change &change, const QByteArray &reason, ExportLane lane)
{
    OutboxExport row;
    row.exportId = newExportId(change.time);
    row.dataflowId = flow.dataflow.id;
    row.profileId = change.profileId;
    row.payload = flow.builder->build(change.attributesJson, change.identities, change.memberships);
    row.reason = reason;
    row.lane = lane;
    row.nextAttemptAt = change.time;
    row.createdAt = change.time;
    if (!m_store.enqueueExport(row))
        return storeError(tr("Could not queue an export of profile %1").arg(change.profileId));
    const ActivationRecord record{
        0,      flow.dataflow.id, change.profileId, ActivationOutcome::Exported, row.exportId,
        reason, change.time};
    if (!m_store.recordActivation(record))
        return storeError(tr("Could not log an export of profile %1").arg(change.profileId));
    ++m_counters.created;
    count(flow, QStringLiteral("created"));
    return true;
}

bool Activator::exclude(Flow &flow, Change &change, const QStringList &missing,
                        const QByteArray &reason)
{
    QJsonObject withCause = QJsonDocument::fromJson(reason).object();
    withCause.insert(QStringLiteral("excluded"), QStringLiteral("missing-mandatory"));
    withCause.insert(QStringLiteral("missing"), QJsonArray::fromStringList(missing));
    const ActivationRecord record{
        0,         flow.dataflow.id,       change.profileId, ActivationOutcome::Excluded,
        QString(), compactJson(withCause), change.time};
    if (!m_store.recordActivation(record))
        return storeError(tr("Could not log an exclusion of profile %1").arg(change.profileId));
    ++m_counters.excluded;
    count(flow, QStringLiteral("excluded"));
    count(flow, QStringLiteral("excluded:missing-mandatory"));
    return true;
}

bool Activator::suppress(Flow &flow, Change &change, const QByteArray &reason)
{
    const ActivationRecord record{
        0,         flow.dataflow.id, change.profileId, ActivationOutcome::Suppressed,
        QString(), reason,           change.time};
    if (!m_store.recordActivation(record))
        return storeError(
            tr("Could not log a suppressed export of profile %1").arg(change.profileId));
    ++m_counters.suppressed;
    count(flow, QStringLiteral("suppressed"));
    return true;
}

void Activator::count(const Flow &flow, const QString &name)
{
    ++m_unsavedCounts[flow.dataflow.id][name];
}

bool Activator::saveCounters()
{
    for (auto flow = m_unsavedCounts.cbegin(); flow != m_unsavedCounts.cend(); ++flow) {
        for (auto counter = flow->cbegin(); counter != flow->cend(); ++counter) {
            if (!m_store.addDataflowCounter(flow.key(), counter.key(), counter.value())) {
                storeError(tr("Could not count an activation of dataflow %1").arg(flow.key()));
                return discardCountersAndFail();
            }
        }
    }
    if (m_recorder)
        recordSavedCounts();
    m_unsavedCounts.clear();
    return true;
}

void Activator::recordSavedCounts()
{
    for (auto flow = m_unsavedCounts.cbegin(); flow != m_unsavedCounts.cend(); ++flow) {
        for (auto counter = flow->cbegin(); counter != flow->cend(); ++counter) {
            const QString &name = counter.key();
            if (name == QLatin1String("received")) {
                m_recorder->recordReceived(flow.key(), counter.value());
            } else if (name == QLatin1String("created")) {
                m_recorder->recordCreated(flow.key(), counter.value());
            } else if (name == QLatin1String("suppressed")) {
                m_recorder->recordSuppressed(flow.key(), counter.value());
            } else if (name.startsWith(QLatin1String("excluded:"))) {
                for (qint64 i = 0; i < counter.value(); ++i)
                    m_recorder->recordExcluded(flow.key(), name.mid(9));
            }
        }
    }
}

bool Activator::discardCountersAndFail()
{
    discardCounters();
    return false;
}

} // namespace outflow
