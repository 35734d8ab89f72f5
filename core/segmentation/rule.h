#pragma once

#include "model/identity.h"
#include "ruleast.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace outflow {

class AttributeTree;

// A compiled audience rule (DESIGN §3), made by parseRule() (ruleparser.h).
// Immutable: copies share one tree, and every const member may be called from
// any number of threads at once.
//
// Evaluation semantics, over a profile's XDM object:
//  - A path walks nested objects by key (`person.name.firstName`); an array
//    or scalar in the middle, or a missing key, makes the path missing.
//  - A missing path makes every predicate false, `!=` and `exists` included;
//    `not` of such a predicate is true.
//  - `exists`: the path is present and not null. `= null`: present and null;
//    `!= null`: present and not null.
//  - Otherwise both sides must have the same type, or the predicate is false
//    (`!=` too: `points != "x"` is false when points is a number):
//      strings compare by code point, case-sensitively;
//      numbers compare as doubles;
//      booleans support only = and != (the parser rejects the others);
//      objects and arrays compare to nothing (but see `contains`).
//  - Dates: when a string literal is an ISO-8601 date or date-time
//    (isoinstant.h), the profile's value must be a string holding one too, and
//    both are compared as instants (a date is midnight UTC, a date-time
//    without zone is UTC). A value that is no date makes the predicate false.
//    startsWith, endsWith and contains always compare text.
//  - `contains`: substring of a string; on an array, some element equals the
//    literal (by the rules above). startsWith/endsWith: strings only.
//  - `in [a, b]`: the value equals one of the literals (an empty list never
//    matches).
class Rule
{
public:
    // On a profile's XDM object (tests, tools): evaluated on
    // AttributeTree::fromObject(profileXdm), its identityMap included.
    bool matches(const QJsonObject &profileXdm) const;
    // On a profile as the merge left it, without building its XDM object:
    // the attributes' tree, plus the identityMap Profile::toXdm() would make
    // of `identities` (which replaces any identityMap of the attributes).
    bool matches(const AttributeTree &attributes, const QList<Identity> &identities) const;

    // Canonical text: single spaces, literals in their shortest form,
    // parentheses only where precedence needs them. parseRule(toString())
    // gives a rule equal to this one.
    QString toString() const;

    // The paths the rule reads, dotted, each once, in order of appearance.
    QStringList referencedPaths() const;
    // Whether writing any of these dotted paths may change the rule's result:
    // a written path touches a referenced one when it equals it, is a prefix of
    // it, or extends it, at a dot boundary (writing `person` touches
    // `person.name.firstName`, and so does writing `person.name.firstName.x`).
    // An empty written path stands for the whole profile and touches all.
    bool dependsOnAnyOf(const QStringList &writtenPaths) const;

    const RuleNode &root() const { return *m_root; }

    // Structural equality of the trees.
    friend bool operator==(const Rule &a, const Rule &b);

private:
    friend class RuleCompiler;
    Rule(RuleNodePtr root, QStringList paths)
        : m_root(std::move(root))
        , m_paths(std::move(paths))
    {}

    RuleNodePtr m_root; // never null
    QStringList m_paths;
};

} // namespace outflow
