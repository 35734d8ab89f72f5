#pragma once

#include "identity/mergereport.h"
#include "model/audience.h"
#include "rule.h"
#include "ruledependencies.h"

#include <functional>
#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <vector>

namespace outflow {

class Store;

// Streaming segmentation (DESIGN §1, §3): after each merge, evaluates the rule
// audiences against the merged profile and records the membership
// transitions it implies. Entering writes `realized`, leaving writes
// `exited`, both with the merge time; staying writes nothing.
//
// Runs for every merged fragment, so it does as little as it can: a rule is
// evaluated only when the profile is new, its identity map changed, profiles
// were merged into it, or a written path touches one of the rule's paths
// (Rule::dependsOnAnyOf). When no rule needs evaluation, no SQL happens;
// otherwise rules read the merge's AttributeTree (MergeReport::attributes),
// no JSON is parsed, and the profile's memberships are read once.
//
// Works inside the caller's transaction (Ingestor's merged callback). Custom
// upload audiences are never evaluated here. One instance per Store (thread).
class Segmenter
{
    Q_DECLARE_TR_FUNCTIONS(Segmenter)

public:
    using TransitionCallback = std::function<void(const MembershipTransition &)>;

    static constexpr int DefaultRetentionDays = 30;

    struct Counters
    {
        qint64 reports = 0;     // process() calls
        qint64 skipped = 0;     // reports where no rule needed evaluation
        qint64 evaluations = 0; // Rule::matches() calls
        qint64 membershipReads = 0;
        qint64 entered = 0;
        qint64 exited = 0;
    };

    explicit Segmenter(Store &store);

    // Loads the rule audiences from the store (after an audience was added,
    // edited or removed). False when the store failed; a stored rule that no
    // longer parses is skipped and named in lastError(), the others load.
    bool reload();
    // The rule audiences to evaluate, without the store (tests, the service).
    void setAudiences(const QList<Audience> &audiences);
    int ruleAudienceCount() const { return int(m_rules.size()); }

    // Called for each transition, inside the caller's transaction.
    void setTransitionCallback(TransitionCallback callback)
    {
        m_onTransition = std::move(callback);
    }

    // Evaluates the rule audiences for one merge. False when the store failed
    // (lastError() says why; the caller rolls back).
    bool process(const MergeReport &report);

    // Retention (DESIGN §1): removes exited memberships older than the
    // retention period at `nowMs`; returns how many, or -1 on failure.
    qint64 purgeExpired(qint64 nowMs);
    void setRetentionDays(int days) { m_retentionDays = qMax(0, days); }
    int retentionDays() const { return m_retentionDays; }

    const Counters &counters() const { return m_counters; }
    void resetCounters() { m_counters = {}; }
    QString lastError() const { return m_error; }

    // The XDM a rule sees: the attributes plus identityMap (Profile::toXdm()).
    static QJsonObject profileXdm(const QByteArray &attributesJson,
                                  const QList<Identity> &identities);

private:
    struct RuleAudience
    {
        QString id;
        Rule rule;
    };

    Store &m_store;
    std::vector<RuleAudience> m_rules;
    std::vector<char> m_needed;          // per rule, reused for every report
    std::vector<char> m_realized;        // per rule: the profile is in it now
    QHash<QString, int> m_ruleIndexById; // audience UUID -> index in m_rules
    QList<Membership> m_transitions;     // of the report being processed
    RuleDependencies m_dependencies;     // of m_rules, in the same order
    TransitionCallback m_onTransition;
    Counters m_counters;
    int m_retentionDays = DefaultRetentionDays;
    QString m_error;

    // qualificationTime(mergedAt), made once per second of merge time: a
    // QDateTime formatted for every fragment with a transition was 2 % of
    // segmentation's instructions (callgrind).
    QString transitionTime(qint64 mergedAt);
    qint64 m_lastTimeSecond = 0;
    QString m_lastTime;
};

} // namespace outflow
