#include "ruleast.h"

#include "isoinstant.h"

namespace outflow {

RuleLiteral RuleLiteral::fromBool(bool value)
{
    RuleLiteral literal;
    literal.kind = Kind::Boolean;
    literal.boolean = value;
    return literal;
}

RuleLiteral RuleLiteral::fromNumber(double value)
{
    RuleLiteral literal;
    literal.kind = Kind::Number;
    literal.number = value;
    return literal;
}

RuleLiteral RuleLiteral::fromString(const QString &value)
{
    RuleLiteral literal;
    literal.kind = Kind::String;
    literal.string = value;
    literal.instantMs = parseIsoInstant(value);
    literal.utf8 = value.toUtf8();
    return literal;
}

RulePath RulePath::fromSegments(const QStringList &segments)
{
    RulePath path;
    path.segments = segments;
    path.utf8.reserve(size_t(segments.size()));
    for (const QString &segment : segments)
        path.utf8.push_back(segment.toUtf8());
    return path;
}

bool operator==(const RuleLiteral &a, const RuleLiteral &b)
{
    if (a.kind != b.kind)
        return false;
    switch (a.kind) {
    case RuleLiteral::Kind::Null:
        return true;
    case RuleLiteral::Kind::Boolean:
        return a.boolean == b.boolean;
    case RuleLiteral::Kind::Number:
        return a.number == b.number;
    case RuleLiteral::Kind::String:
        return a.string == b.string;
    }
    return false;
}

QString ruleOperatorText(RuleOperator op)
{
    switch (op) {
    case RuleOperator::Equal:
        return QStringLiteral("=");
    case RuleOperator::NotEqual:
        return QStringLiteral("!=");
    case RuleOperator::Less:
        return QStringLiteral("<");
    case RuleOperator::LessOrEqual:
        return QStringLiteral("<=");
    case RuleOperator::Greater:
        return QStringLiteral(">");
    case RuleOperator::GreaterOrEqual:
        return QStringLiteral(">=");
    case RuleOperator::In:
        return QStringLiteral("in");
    case RuleOperator::Exists:
        return QStringLiteral("exists");
    case RuleOperator::Contains:
        return QStringLiteral("contains");
    case RuleOperator::StartsWith:
        return QStringLiteral("startsWith");
    case RuleOperator::EndsWith:
        return QStringLiteral("endsWith");
    }
    return {};
}

bool sameRuleNode(const RuleNodePtr &a, const RuleNodePtr &b)
{
    if (!a || !b)
        return !a && !b;
    return a == b || *a == *b;
}

bool operator==(const RuleNot &a, const RuleNot &b)
{
    return sameRuleNode(a.operand, b.operand);
}

bool operator==(const RuleLogical &a, const RuleLogical &b)
{
    return a.kind == b.kind && std::equal(a.operands.begin(), a.operands.end(), b.operands.begin(),
                                          b.operands.end(), sameRuleNode);
}

} // namespace outflow
