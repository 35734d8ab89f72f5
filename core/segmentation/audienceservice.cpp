#include "audienceservice.h"

#include "model/attributetree.h"
#include "ruleparser.h"
#include "segmenter.h"
#include "store/store.h"

#include <algorithm>
#include <QDateTime>
#include <QSet>
#include <QUuid>

namespace outflow {

AudienceService::AudienceService(Store &store, Clock clock)
    : m_store(store)
    , m_clock(std::move(clock))
{}

qint64 AudienceService::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

bool AudienceService::inputError(const QString &message)
{
    m_error = message;
    m_errorKind = ErrorKind::Input;
    return false;
}

bool AudienceService::storeError(const QString &context)
{
    m_error =
        context.isEmpty() ? m_store.lastError() : tr("%1: %2").arg(context, m_store.lastError());
    m_errorKind = ErrorKind::Store;
    return false;
}

void AudienceService::progress(qint64 done, qint64 total)
{
    if (m_onProgress)
        m_onProgress(done, total);
}

bool AudienceService::cancelled()
{
    if (!m_cancelCheck || !m_cancelCheck())
        return false;
    m_error = tr("Cancelled.");
    m_errorKind = ErrorKind::Cancelled;
    return true;
}

bool AudienceService::checkName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return inputError(tr("The audience name is required."));
    return true;
}

std::optional<Audience> AudienceService::find(const QString &idOrName)
{
    m_error.clear();
    m_errorKind = ErrorKind::None;
    std::optional<Audience> audience = m_store.audience(idOrName);
    if (!audience && m_store.lastError().isEmpty())
        audience = m_store.audienceByName(idOrName);
    if (!m_store.lastError().isEmpty()) {
        storeError({});
        return std::nullopt;
    }
    if (!audience)
        inputError(tr("There is no audience with the id or name “%1”.").arg(idOrName));
    return audience;
}

bool AudienceService::setStatus(qint64 profileId, const QString &audienceId, bool entered,
                                const QString &time)
{
    const Membership membership{profileId, audienceId,
                                entered ? MembershipStatus::Realized : MembershipStatus::Exited,
                                time};
    if (!m_store.setMembership(membership))
        return storeError(tr("Could not record a membership of profile %1").arg(profileId));
    QString error;
    if (m_onTransition &&
        !m_onTransition(MembershipTransition{profileId, audienceId, entered, time}, &error)) {
        m_error = error;
        m_errorKind = ErrorKind::Store;
        return false;
    }
    return true;
}

// Walks every profile in pages: the new members enter, the members the rule
// no longer matches exit, the others are left untouched.
bool AudienceService::reevaluate(const Audience &audience, const Rule &rule, const QString &time)
{
    QSet<qint64> realized;
    for (qint64 after = 0;;) {
        const QList<qint64> page = m_store.realizedMembers(audience.id, after, PageSize);
        if (!m_store.lastError().isEmpty() && page.isEmpty())
            return storeError(tr("Could not read the members of “%1”").arg(audience.name));
        for (const qint64 id : page)
            realized.insert(id);
        if (page.size() < PageSize)
            break;
        after = page.constLast();
    }
    const qint64 total = m_store.profileCount();
    qint64 done = 0;
    progress(0, total);
    for (qint64 after = 0;;) {
        if (cancelled())
            return false;
        const QList<qint64> page = m_store.profileIds(after, PageSize);
        for (const qint64 id : page) {
            const std::optional<Profile> profile = m_store.profile(id);
            if (!profile)
                return storeError(tr("Could not read profile %1").arg(id));
            // Attributes that are no JSON object read as {}, as in profileXdm().
            AttributeTree attributes;
            attributes.parse(profile->attributesJson);
            const bool matches = rule.matches(attributes, profile->identities);
            if (matches != realized.contains(id) && !setStatus(id, audience.id, matches, time))
                return false;
        }
        done += page.size();
        progress(done, total);
        if (page.size() < PageSize)
            break;
        after = page.constLast();
    }
    return true;
}

namespace {

// "email:ana@example.com": the primary identity, else the first one.
QString primaryIdentityLabel(const Profile &profile)
{
    for (const Identity &identity : profile.identities) {
        if (identity.primary)
            return identity.ns + u':' + identity.id;
    }
    return profile.identities.isEmpty()
               ? QString()
               : profile.identities.constFirst().ns + u':' + profile.identities.constFirst().id;
}

} // namespace

std::optional<AudiencePreview> AudienceService::preview(const QString &rule, int samples)
{
    m_errorKind = ErrorKind::None;
    if (rule.trimmed().isEmpty()) {
        inputError(tr("The rule is required."));
        return std::nullopt;
    }
    const RuleParseResult parsed = parseRule(rule);
    if (!parsed) {
        inputError(tr("The rule does not parse: %1").arg(parsed.error().message()));
        return std::nullopt;
    }
    AudiencePreview preview;
    const qint64 total = m_store.profileCount();
    progress(0, total);
    for (qint64 after = 0;;) {
        const QList<qint64> page = m_store.profileIds(after, PageSize);
        if (!m_store.lastError().isEmpty() && page.isEmpty()) {
            storeError(tr("Could not read the profiles"));
            return std::nullopt;
        }
        for (const qint64 id : page) {
            if (cancelled())
                return std::nullopt;
            const std::optional<Profile> profile = m_store.profile(id);
            if (!profile) {
                storeError(tr("Could not read profile %1").arg(id));
                return std::nullopt;
            }
            AttributeTree attributes; // as reevaluate() reads them
            attributes.parse(profile->attributesJson);
            ++preview.evaluated;
            if (!parsed.rule().matches(attributes, profile->identities))
                continue;
            ++preview.matching;
            if (preview.sampleIds.size() < samples) {
                preview.sampleIds.append(id);
                preview.sampleLabels.append(primaryIdentityLabel(*profile));
            }
        }
        progress(preview.evaluated, total);
        if (page.size() < PageSize)
            break;
        after = page.constLast();
    }
    return preview;
}

std::optional<Audience> AudienceService::create(const QString &name, const QString &rule,
                                                const QString &description,
                                                const QString &mergePolicyId)
{
    m_errorKind = ErrorKind::None;
    if (!checkName(name))
        return std::nullopt;
    if (rule.trimmed().isEmpty()) {
        inputError(tr("The rule is required."));
        return std::nullopt;
    }
    const RuleParseResult parsed = parseRule(rule);
    if (!parsed) {
        inputError(tr("The rule does not parse: %1").arg(parsed.error().message()));
        return std::nullopt;
    }
    if (mergePolicyId.trimmed().isEmpty()) {
        inputError(tr("The merge policy must not be empty."));
        return std::nullopt;
    }
    Audience audience;
    audience.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    audience.name = name.trimmed();
    audience.description = description;
    audience.origin = AudienceOrigin::Segmentation;
    audience.rule = rule;
    audience.mergePolicyId = mergePolicyId.trimmed();
    audience.createdAt = audience.updatedAt = now();

    if (!m_store.begin()) {
        storeError({});
        return std::nullopt;
    }
    if (!m_store.insertAudience(audience)) {
        // A duplicate name is the administrator's to fix; the store says which.
        const QString error = m_store.lastError();
        const bool duplicate = m_store.audienceByName(audience.name).has_value();
        m_store.rollback();
        m_error = error;
        m_errorKind = duplicate ? ErrorKind::Input : ErrorKind::Store;
        return std::nullopt;
    }
    if (!reevaluate(audience, parsed.rule(), qualificationTime(audience.createdAt)) ||
        !m_store.commit()) {
        if (m_errorKind == ErrorKind::None)
            storeError({});
        m_store.rollback();
        return std::nullopt;
    }
    return audience;
}

bool AudienceService::change(const QString &idOrName, const AudienceChanges &changes)
{
    m_error.clear();
    m_errorKind = ErrorKind::None;
    if (changes.name && !checkName(*changes.name))
        return false;
    std::optional<Audience> audience = find(idOrName);
    if (!audience)
        return false;
    std::optional<RuleParseResult> parsed;
    if (changes.rule) {
        if (!audience->isRuleAudience())
            return inputError(tr("“%1” is a custom-upload audience: it has no rule; upload its "
                                 "file again instead.")
                                  .arg(audience->name));
        parsed = parseRule(*changes.rule);
        if (!*parsed)
            return inputError(tr("The rule does not parse: %1").arg(parsed->error().message()));
        audience->rule = *changes.rule;
    }
    if (changes.name)
        audience->name = changes.name->trimmed();
    if (changes.description)
        audience->description = *changes.description;
    audience->updatedAt = now();
    if (!m_store.begin())
        return storeError({});
    if (!m_store.updateAudience(*audience)) {
        // A duplicate name is the administrator's to fix; the store says which.
        const QString error = m_store.lastError();
        m_store.rollback();
        const std::optional<Audience> other = m_store.audienceByName(audience->name);
        m_error = error;
        m_errorKind = other && other->id != audience->id ? ErrorKind::Input : ErrorKind::Store;
        return false;
    }
    if ((parsed &&
         !reevaluate(*audience, parsed->rule(), qualificationTime(audience->updatedAt))) ||
        !m_store.commit()) {
        if (m_errorKind == ErrorKind::None)
            storeError({});
        const QString error = m_error;
        m_store.rollback();
        m_error = error;
        return false;
    }
    return true;
}

bool AudienceService::rename(const QString &idOrName, const QString &newName)
{
    AudienceChanges changes;
    changes.name = newName;
    return change(idOrName, changes);
}

bool AudienceService::editRule(const QString &idOrName, const QString &rule)
{
    AudienceChanges changes;
    changes.rule = rule;
    return change(idOrName, changes);
}

std::optional<QStringList> AudienceService::mappingDestinations(const QString &audienceId)
{
    m_error.clear();
    m_errorKind = ErrorKind::None;
    const QList<Dataflow> dataflows = m_store.dataflows();
    if (!m_store.lastError().isEmpty()) {
        storeError({});
        return std::nullopt;
    }
    QStringList names;
    for (const Dataflow &dataflow : dataflows) {
        const bool maps = std::any_of(dataflow.audiences.cbegin(), dataflow.audiences.cend(),
                                      [&audienceId](const MappedAudience &mapped) {
                                          return mapped.audienceId == audienceId;
                                      });
        if (!maps)
            continue;
        const std::optional<Destination> destination = m_store.destination(dataflow.destinationId);
        if (!m_store.lastError().isEmpty()) {
            storeError({});
            return std::nullopt;
        }
        names.append(destination ? destination->name : dataflow.destinationId);
    }
    names.sort(Qt::CaseInsensitive);
    return names;
}

bool AudienceService::remove(const QString &idOrName)
{
    const std::optional<Audience> audience = find(idOrName);
    if (!audience)
        return false;
    const QString time = qualificationTime(now());
    if (!m_store.begin())
        return storeError({});
    const auto abort = [this] {
        const QString error = m_error;
        m_store.rollback();
        m_error = error;
        m_errorKind = ErrorKind::Store;
        return false;
    };
    for (qint64 after = 0;;) {
        const QList<qint64> page = m_store.realizedMembers(audience->id, after, PageSize);
        if (!m_store.lastError().isEmpty() && page.isEmpty()) {
            storeError({});
            return abort();
        }
        for (const qint64 id : page) {
            if (!setStatus(id, audience->id, false, time))
                return abort();
        }
        if (page.size() < PageSize)
            break;
        after = page.constLast();
    }
    if (m_store.deleteAudience(audience->id) && m_store.commit())
        return true;
    storeError({});
    return abort();
}

} // namespace outflow
