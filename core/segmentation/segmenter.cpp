#include "segmenter.h"

#include "model/attributetree.h"
#include "model/profile.h"
#include "ruleparser.h"
#include "store/store.h"

#include <QJsonDocument>

namespace outflow {

Segmenter::Segmenter(Store &store)
    : m_store(store)
{}

bool Segmenter::reload()
{
    m_error.clear();
    const QList<Audience> audiences = m_store.audiences();
    if (!m_store.lastError().isEmpty()) {
        m_error = tr("Could not load the audiences: %1").arg(m_store.lastError());
        return false;
    }
    setAudiences(audiences);
    return true;
}

void Segmenter::setAudiences(const QList<Audience> &audiences)
{
    m_error.clear();
    m_rules.clear();
    QStringList broken;
    for (const Audience &audience : audiences) {
        if (!audience.isRuleAudience())
            continue;
        const RuleParseResult parsed = parseRule(audience.rule);
        if (!parsed) {
            broken.append(tr("the rule of “%1” does not parse (%2)")
                              .arg(audience.name, parsed.error().message()));
            continue;
        }
        m_rules.push_back(RuleAudience{audience.id, parsed.rule()});
    }
    m_needed.assign(m_rules.size(), 0);
    m_realized.assign(m_rules.size(), 0);
    m_ruleIndexById.clear();
    for (size_t i = 0; i < m_rules.size(); ++i)
        m_ruleIndexById.insert(m_rules[i].id, int(i));
    std::vector<const Rule *> rules;
    for (const RuleAudience &audience : m_rules)
        rules.push_back(&audience.rule);
    m_dependencies.reset(rules);
    if (!broken.isEmpty())
        m_error = tr("Some audiences are not evaluated: %1").arg(broken.join(QStringLiteral("; ")));
}

QJsonObject Segmenter::profileXdm(const QByteArray &attributesJson,
                                  const QList<Identity> &identities)
{
    Profile profile;
    profile.attributesJson = attributesJson;
    profile.identities = identities;
    return profile.toXdm();
}

bool Segmenter::process(const MergeReport &report)
{
    ++m_counters.reports;
    // Everything may have changed for a new or merged profile, or when its
    // identity map did (rules may read identityMap).
    const bool all = report.created || report.identityMapChanged();
    std::fill(m_needed.begin(), m_needed.end(), all ? 1 : 0);
    const bool any = all ? !m_rules.empty() : m_dependencies.mark(report.writtenPaths, m_needed);
    if (!any) {
        ++m_counters.skipped;
        return true;
    }

    // Rules read the merge's own tree; a report made by hand has only the
    // text (which, not being an object, reads as {}, as profileXdm() reads it).
    AttributeTree parsed;
    if (!report.attributes)
        parsed.parse(report.attributesJson);
    const AttributeTree &attributes = report.attributes ? *report.attributes : parsed;
    // Which audiences the profile is in now, by rule (a new profile is in
    // none): one hash lookup per audience it is in.
    std::fill(m_realized.begin(), m_realized.end(), 0);
    if (!report.created) {
        const QStringList realized = m_store.realizedAudiences(report.profileId);
        ++m_counters.membershipReads;
        if (!m_store.lastError().isEmpty()) {
            m_error = tr("Could not read the memberships of profile %1: %2")
                          .arg(report.profileId)
                          .arg(m_store.lastError());
            return false;
        }
        for (const QString &audienceId : realized) {
            const auto rule = m_ruleIndexById.constFind(audienceId);
            if (rule != m_ruleIndexById.cend())
                m_realized[std::size_t(*rule)] = 1;
        }
    }
    QString time; // made on the first transition only
    m_transitions.clear();
    for (size_t i = 0; i < m_rules.size(); ++i) {
        if (!m_needed[i])
            continue;
        const RuleAudience &audience = m_rules[i];
        ++m_counters.evaluations;
        const bool matches = audience.rule.matches(attributes, report.identities);
        if (matches == bool(m_realized[i]))
            continue; // staying in, or staying out: nothing to write
        if (time.isNull())
            time = transitionTime(report.mergedAt);
        m_transitions.append(
            Membership{report.profileId, audience.id,
                       matches ? MembershipStatus::Realized : MembershipStatus::Exited, time});
    }
    if (m_transitions.isEmpty())
        return true;
    // The profile's transitions in one write: a statement per membership cost
    // more than the rows it wrote (bench/README.md, issue #19).
    if (!m_store.setMemberships(m_transitions)) {
        m_error = tr("Could not record a membership of profile %1: %2")
                      .arg(report.profileId)
                      .arg(m_store.lastError());
        return false;
    }
    for (const Membership &membership : std::as_const(m_transitions)) {
        const bool entered = membership.isRealized();
        ++(entered ? m_counters.entered : m_counters.exited);
        if (m_onTransition)
            m_onTransition(
                MembershipTransition{report.profileId, membership.audienceId, entered, time});
    }
    return true;
}

QString Segmenter::transitionTime(qint64 mergedAt)
{
    // Second precision: merges of the same second share one text.
    const qint64 second = mergedAt >= 0 ? mergedAt / 1000 : (mergedAt - 999) / 1000;
    if (m_lastTime.isNull() || second != m_lastTimeSecond) {
        m_lastTime = qualificationTime(mergedAt);
        m_lastTimeSecond = second;
    }
    return m_lastTime;
}

qint64 Segmenter::purgeExpired(qint64 nowMs)
{
    const qint64 cutoff = nowMs - qint64(m_retentionDays) * 24 * 60 * 60 * 1000;
    const qint64 removed = m_store.removeExitedBefore(qualificationTime(cutoff));
    if (removed < 0)
        m_error = tr("Could not remove expired memberships: %1").arg(m_store.lastError());
    return removed;
}

} // namespace outflow
