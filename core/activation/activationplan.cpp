#include "activationplan.h"

#include "activation/payloadbuilder.h"
#include "model/jsontext.h"
#include "store/store.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace outflow {

namespace {

// Every leaf path of a JSON object, dotted ("person.name.firstName"), with
// its JSON type; identityMap and segmentMembership are the builder's own.
void collectPaths(const QJsonObject &object, const QString &prefix,
                  QHash<QString, AttributeChoice> *paths)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (prefix.isEmpty() && (it.key() == QLatin1String("identityMap") ||
                                 it.key() == QLatin1String("segmentMembership")))
            continue;
        const QString path = prefix.isEmpty() ? it.key() : prefix + u'.' + it.key();
        const QJsonValue value = it.value();
        if (value.isObject()) {
            collectPaths(value.toObject(), path, paths);
            continue;
        }
        if (!ActivationService::checkAttributePath(path).isEmpty())
            continue; // a key no mapping can name
        AttributeChoice &choice = (*paths)[path];
        choice.path = path;
        ++choice.profiles;
        if (choice.type.isEmpty()) {
            switch (value.type()) {
            case QJsonValue::Bool:
                choice.type = QStringLiteral("boolean");
                break;
            case QJsonValue::Double:
                choice.type = QStringLiteral("number");
                break;
            case QJsonValue::Array:
                choice.type = QStringLiteral("array");
                break;
            default:
                choice.type = QStringLiteral("string");
            }
        }
    }
}

QString primaryLabel(const QList<Identity> &identities)
{
    for (const Identity &identity : identities) {
        if (identity.primary)
            return identity.ns + u':' + identity.id;
    }
    return identities.isEmpty() ? QString()
                                : identities.constFirst().ns + u':' + identities.constFirst().id;
}

} // namespace

ActivationPlan ActivationPlan::of(const Dataflow &dataflow)
{
    ActivationPlan plan;
    for (const MappedAudience &audience : dataflow.audiences)
        plan.audienceIds.append(audience.audienceId);
    plan.attributes = dataflow.attributes;
    plan.triggers = dataflow.triggers;
    return plan;
}

QList<AttributeChoice> shippedXdmFields()
{
    QFile file(QStringLiteral(":/outflow/xdm/profile-fields.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<AttributeChoice> fields;
    const QJsonArray array = QJsonDocument::fromJson(file.readAll()).array();
    fields.reserve(array.size());
    for (const QJsonValue &value : array) {
        const QJsonObject field = value.toObject();
        AttributeChoice choice;
        choice.path = field.value(QLatin1String("path")).toString();
        choice.title = field.value(QLatin1String("title")).toString();
        choice.type = field.value(QLatin1String("type")).toString();
        choice.xdm = true;
        fields.append(choice);
    }
    return fields;
}

ActivationPlanner::ActivationPlanner(Store &store)
    : m_store(store)
{}

QList<AttributeChoice> ActivationPlanner::attributeChoices(qint64 *sampled)
{
    QHash<QString, AttributeChoice> paths;
    const QList<qint64> ids = m_store.profileIds(0, SampledProfiles);
    *sampled = 0;
    for (const qint64 id : ids) {
        const std::optional<Profile> profile = m_store.profile(id);
        if (!profile)
            continue;
        ++*sampled;
        collectPaths(QJsonDocument::fromJson(profile->attributesJson).object(), {}, &paths);
    }
    for (const AttributeChoice &field : shippedXdmFields()) {
        AttributeChoice &choice = paths[field.path];
        const qint64 profiles = choice.profiles;
        choice = field;
        choice.profiles = profiles;
    }
    QList<AttributeChoice> choices = paths.values();
    std::sort(choices.begin(), choices.end(),
              [](const AttributeChoice &a, const AttributeChoice &b) { return a.path < b.path; });
    return choices;
}

std::optional<ActivationChoices> ActivationPlanner::choices(const QString &destinationId)
{
    ActivationChoices choices;
    const std::optional<Destination> destination = m_store.destination(destinationId);
    if (!destination) {
        m_error = m_store.lastError().isEmpty()
                      ? tr("The destination no longer exists: another window or outflowctl "
                           "removed it.")
                      : m_store.lastError();
        return std::nullopt;
    }
    choices.destination = *destination;
    choices.dataflow = m_store.dataflowOfDestination(destinationId);
    const QList<Audience> audiences = m_store.audiences();
    const QHash<QString, MembershipCounts> counts = m_store.allMembershipCounts();
    for (const Audience &audience : audiences) {
        const MembershipCounts count = counts.value(audience.id);
        choices.audiences.append({audience.id, audience.name, audience.origin, audience.rule,
                                  audience.mergePolicyId, count.realized, count.exited,
                                  audience.createdAt, audience.updatedAt, audience.description});
    }
    choices.attributes = attributeChoices(&choices.sampledProfiles);
    if (!m_store.lastError().isEmpty()) {
        m_error = m_store.lastError();
        return std::nullopt;
    }
    return choices;
}

PayloadPreview ActivationPlanner::preview(const QString &destinationId, const ActivationPlan &plan,
                                          qint64 afterProfileId)
{
    PayloadPreview preview;
    const std::optional<Destination> destination = m_store.destination(destinationId);
    if (!destination) {
        preview.error = tr("The destination no longer exists.");
        return preview;
    }
    // The first member after `afterProfileId` among the planned audiences,
    // else the first of all (the preview cycles).
    qint64 next = 0;
    qint64 first = 0;
    for (const QString &audienceId : plan.audienceIds) {
        const QList<qint64> after = m_store.realizedMembers(audienceId, afterProfileId, 1);
        if (!after.isEmpty() && (next == 0 || after.constFirst() < next))
            next = after.constFirst();
        const QList<qint64> head = m_store.realizedMembers(audienceId, 0, 1);
        if (!head.isEmpty() && (first == 0 || head.constFirst() < first))
            first = head.constFirst();
    }
    const qint64 profileId = next != 0 ? next : first;
    if (profileId == 0)
        return preview;
    const std::optional<Profile> profile = m_store.profile(profileId);
    if (!profile) {
        preview.error = m_store.lastError();
        return preview;
    }
    Dataflow dataflow;
    dataflow.destinationId = destinationId;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const QString &audienceId : plan.audienceIds)
        dataflow.audiences.append({audienceId, now, now});
    dataflow.attributes = plan.attributes;
    dataflow.triggers = plan.triggers;
    QHash<QString, Audience> audiencesById;
    for (const Audience &audience : m_store.audiences())
        audiencesById.insert(audience.id, audience);
    const PayloadBuilder builder(dataflow, *destination, audiencesById);
    preview.profileId = profileId;
    preview.profileLabel = primaryLabel(profile->identities);
    preview.body = jsontext::indented(builder.build(profile->attributesJson, profile->identities,
                                                    m_store.memberships(profileId)));
    preview.missingMandatory = builder.missingMandatory(profile->attributesJson);
    return preview;
}

std::optional<qint64> ActivationPlanner::realizedProfiles(const QStringList &audienceIds)
{
    QSet<qint64> profiles;
    for (const QString &audienceId : audienceIds) {
        qint64 after = 0;
        for (;;) {
            const QList<qint64> page = m_store.realizedMembers(audienceId, after, 5000);
            if (!m_store.lastError().isEmpty()) {
                m_error = m_store.lastError();
                return std::nullopt;
            }
            if (page.isEmpty())
                break;
            for (const qint64 id : page)
                profiles.insert(id);
            after = page.constLast();
        }
    }
    return profiles.size();
}

ActivationRequest ActivationPlanner::requestFor(const QString &destinationId,
                                                const std::optional<Dataflow> &current,
                                                const ActivationPlan &plan)
{
    ActivationRequest request;
    request.destination = destinationId;
    QStringList mapped;
    if (current) {
        for (const MappedAudience &audience : current->audiences)
            mapped.append(audience.audienceId);
        for (const MappedAttribute &attribute : current->attributes)
            request.removeAttributes.append(attribute.path);
    }
    for (const QString &id : plan.audienceIds) {
        if (!mapped.contains(id))
            request.audiences.append(id); // mapped now: backfilled alone
    }
    for (const QString &id : std::as_const(mapped)) {
        if (!plan.audienceIds.contains(id))
            request.removeAudiences.append(id);
    }
    // Unmapped and mapped again in one request: its flags are exactly the plan's.
    for (const MappedAttribute &attribute : plan.attributes) {
        request.attributes.append(attribute.path);
        if (attribute.mandatory)
            request.mandatory.append(attribute.path);
        if (attribute.identifier)
            request.identifier = attribute.path;
    }
    request.triggers = plan.triggers;
    return request;
}

QStringList ActivationPlanner::commandArguments(const QString &destinationName,
                                                const ActivationPlan &plan,
                                                const QStringList &audienceNames)
{
    QStringList arguments{QStringLiteral("activate"), destinationName};
    for (const QString &name : audienceNames)
        arguments << QStringLiteral("--audience") << name;
    for (const MappedAttribute &attribute : plan.attributes)
        arguments << QStringLiteral("--attribute") << attribute.path;
    for (const MappedAttribute &attribute : plan.attributes) {
        if (attribute.identifier)
            arguments << QStringLiteral("--identifier") << attribute.path;
    }
    for (const MappedAttribute &attribute : plan.attributes) {
        if (attribute.mandatory)
            arguments << QStringLiteral("--mandatory") << attribute.path;
    }
    if (plan.triggers != ActivationTriggers{}) {
        QStringList triggers;
        if (plan.triggers.attribute)
            triggers << QStringLiteral("attribute");
        if (plan.triggers.segmentation)
            triggers << QStringLiteral("segmentation");
        if (plan.triggers.identity)
            triggers << QStringLiteral("identity");
        arguments << QStringLiteral("--triggers") << triggers.join(u',');
    }
    return arguments;
}

QString ActivationPlanner::problem(const ActivationPlan &plan)
{
    if (plan.audienceIds.isEmpty())
        return tr("Select at least one audience to activate.");
    return attributesProblem(plan.attributes);
}

QString ActivationPlanner::attributesProblem(const QList<MappedAttribute> &attributes)
{
    int identifiers = 0;
    QSet<QString> seen;
    for (const MappedAttribute &attribute : attributes) {
        const QString problem = ActivationService::checkAttributePath(attribute.path);
        if (!problem.isEmpty())
            return tr("Attribute “%1”: %2.").arg(attribute.path, problem);
        if (seen.contains(attribute.path))
            return tr("Attribute “%1” is mapped twice.").arg(attribute.path);
        seen.insert(attribute.path);
        identifiers += attribute.identifier ? 1 : 0;
    }
    if (identifiers > 1)
        return tr("Only one attribute can be the unique identifier.");
    return {};
}

} // namespace outflow
