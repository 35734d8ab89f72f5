#pragma once

#include <memory>
#include <optional>
#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <variant>
#include <vector>

namespace outflow {

// The syntax tree of an audience rule (DESIGN §3). Nodes are immutable and
// shared (std::shared_ptr<const RuleNode>), so a compiled Rule is copied by
// bumping one reference count and read from many threads at once.
//
// Canonical shape, which the parser guarantees and the printer relies on for
// its round trip: an "and" never has an "and" operand, nor an "or" an "or"
// operand (`a and (b and c)` is one "and" of three operands), and every
// logical node has at least two operands.

// A literal of the rule text: "FR", 42, -1.5e3, true, false, null.
struct RuleLiteral
{
    enum class Kind { Null, Boolean, Number, String };

    Kind kind = Kind::Null;
    bool boolean = false;
    double number = 0;
    QString string;
    // For a string that is an ISO-8601 date or date-time: the instant, in ms
    // since the epoch (UTC). Computed once at parse time so that evaluation
    // compares integers; derived from `string`, hence not part of equality.
    std::optional<qint64> instantMs;
    // `string` in UTF-8, the form of an AttributeTree's text: evaluation
    // compares bytes (UTF-8 order is code point order). Derived, as instantMs.
    QByteArray utf8;

    static RuleLiteral null() { return {}; }
    static RuleLiteral fromBool(bool value);
    static RuleLiteral fromNumber(double value);
    static RuleLiteral fromString(const QString &value); // also sets instantMs

    friend bool operator==(const RuleLiteral &a, const RuleLiteral &b);
};

// A path into the profile's XDM object, split once at parse time.
struct RulePath
{
    QStringList segments; // never empty
    // The segments in UTF-8, as AttributeTree::find() takes them; derived
    // from `segments` (fromSegments()), hence not part of equality.
    std::vector<QByteArray> utf8;

    static RulePath fromSegments(const QStringList &segments);
    // The segments joined with dots: the form referencedPaths() reports and
    // dependsOnAnyOf() compares (a segment holding a dot is ambiguous there).
    QString dotted() const { return segments.join(QLatin1Char('.')); }

    friend bool operator==(const RulePath &a, const RulePath &b)
    {
        return a.segments == b.segments;
    }
};

enum class RuleOperator {
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    In,
    Exists,
    Contains,
    StartsWith,
    EndsWith,
};

// How an operator is written in a rule: "=", "startsWith", …
QString ruleOperatorText(RuleOperator op);

struct RuleNode;
using RuleNodePtr = std::shared_ptr<const RuleNode>;

// `path op operand(s)`: one operand for the comparisons, contains,
// startsWith and endsWith; the list for `in` (possibly empty); none for
// `exists`.
struct RuleComparison
{
    RulePath path;
    RuleOperator op = RuleOperator::Exists;
    QList<RuleLiteral> operands;

    friend bool operator==(const RuleComparison &a, const RuleComparison &b) = default;
};

struct RuleNot
{
    RuleNodePtr operand;

    friend bool operator==(const RuleNot &a, const RuleNot &b);
};

struct RuleLogical
{
    enum class Kind { And, Or };

    Kind kind = Kind::And;
    std::vector<RuleNodePtr> operands;

    friend bool operator==(const RuleLogical &a, const RuleLogical &b);
};

struct RuleNode
{
    std::variant<RuleComparison, RuleNot, RuleLogical> value;

    // Structural equality, deep through the shared operands.
    friend bool operator==(const RuleNode &a, const RuleNode &b) { return a.value == b.value; }
};

// Deep equality of two possibly null node pointers.
bool sameRuleNode(const RuleNodePtr &a, const RuleNodePtr &b);

} // namespace outflow
