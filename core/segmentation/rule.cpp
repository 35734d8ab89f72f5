// Rule evaluation and path dependencies. Evaluation runs for every audience on
// every profile merge (about a million times a second), so it works on what
// the parser prepared: pre-split paths, literals with their instants. Walking
// the profile allocates nothing (QJsonObject::value(QString) takes no copy and
// nested objects are shared); reading a string value copies it
// (QJsonValue::toString, Qt has no view of it).
#include "rule.h"

#include "isoinstant.h"

#include <QJsonArray>
#include <QJsonValue>

namespace outflow {

namespace {

// How a profile value stands against a literal.
enum class Order { Less, Equal, Greater, Different, Incomparable };

template<typename T>
Order orderOf(const T &a, const T &b)
{
    return a < b ? Order::Less : b < a ? Order::Greater : Order::Equal;
}

// Code point order: UTF-16 order differs from it only where a surrogate
// (U+D800…U+DFFF, part of a character above U+FFFF) meets a unit in
// U+E000…U+FFFF, so the first differing units are remapped before comparing.
Order compareCodePoints(QStringView a, QStringView b)
{
    const qsizetype common = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < common; ++i) {
        char16_t x = a[i].unicode();
        char16_t y = b[i].unicode();
        if (x == y)
            continue;
        auto fix = [](char16_t c) -> int {
            return c >= 0xE000 ? c - 0x800 : c >= 0xD800 ? c + 0x2000 : c;
        };
        return orderOf(fix(x), fix(y));
    }
    return orderOf(a.size(), b.size());
}

Order compare(const QJsonValue &value, const RuleLiteral &literal)
{
    switch (literal.kind) {
    case RuleLiteral::Kind::Null:
        return value.isNull() ? Order::Equal : Order::Different;
    case RuleLiteral::Kind::Boolean:
        if (!value.isBool())
            return Order::Incomparable;
        return value.toBool() == literal.boolean ? Order::Equal : Order::Different;
    case RuleLiteral::Kind::Number:
        if (!value.isDouble())
            return Order::Incomparable;
        return orderOf(value.toDouble(), literal.number);
    case RuleLiteral::Kind::String:
        if (!value.isString())
            return Order::Incomparable;
        if (literal.instantMs) {
            const std::optional<qint64> instant = parseIsoInstant(value.toString());
            return instant ? orderOf(*instant, *literal.instantMs) : Order::Incomparable;
        }
        return compareCodePoints(value.toString(), literal.string);
    }
    return Order::Incomparable;
}

bool equals(const QJsonValue &value, const RuleLiteral &literal)
{
    return compare(value, literal) == Order::Equal;
}

// The value at the path; Undefined when it is missing.
QJsonValue resolve(const QJsonObject &profile, const RulePath &path)
{
    QJsonValue value = profile.value(path.segments.constFirst());
    for (qsizetype i = 1; i < path.segments.size(); ++i) {
        if (!value.isObject())
            return QJsonValue(QJsonValue::Undefined);
        value = value.toObject().value(path.segments.at(i));
    }
    return value;
}

bool evaluate(const RuleComparison &comparison, const QJsonObject &profile)
{
    const QJsonValue value = resolve(profile, comparison.path);
    if (value.isUndefined())
        return false;
    if (comparison.op == RuleOperator::Exists)
        return !value.isNull();
    if (comparison.op == RuleOperator::In) {
        for (const RuleLiteral &literal : comparison.operands) {
            if (equals(value, literal))
                return true;
        }
        return false;
    }
    const RuleLiteral &literal = comparison.operands.constFirst();
    switch (comparison.op) {
    case RuleOperator::Equal:
        return equals(value, literal);
    case RuleOperator::NotEqual: {
        const Order order = compare(value, literal);
        return order != Order::Equal && order != Order::Incomparable;
    }
    case RuleOperator::Less:
        return compare(value, literal) == Order::Less;
    case RuleOperator::LessOrEqual: {
        const Order order = compare(value, literal);
        return order == Order::Less || order == Order::Equal;
    }
    case RuleOperator::Greater:
        return compare(value, literal) == Order::Greater;
    case RuleOperator::GreaterOrEqual: {
        const Order order = compare(value, literal);
        return order == Order::Greater || order == Order::Equal;
    }
    case RuleOperator::Contains:
        if (value.isArray()) {
            const QJsonArray array = value.toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                if (equals(array.at(i), literal))
                    return true;
            }
            return false;
        }
        return value.isString() && literal.kind == RuleLiteral::Kind::String &&
               value.toString().contains(literal.string);
    case RuleOperator::StartsWith:
        return value.isString() && literal.kind == RuleLiteral::Kind::String &&
               value.toString().startsWith(literal.string);
    case RuleOperator::EndsWith:
        return value.isString() && literal.kind == RuleLiteral::Kind::String &&
               value.toString().endsWith(literal.string);
    case RuleOperator::In:
    case RuleOperator::Exists:
        break;
    }
    return false;
}

bool evaluate(const RuleNode &node, const QJsonObject &profile)
{
    if (const auto *comparison = std::get_if<RuleComparison>(&node.value))
        return evaluate(*comparison, profile);
    if (const auto *negation = std::get_if<RuleNot>(&node.value))
        return !evaluate(*negation->operand, profile);
    const auto &logical = std::get<RuleLogical>(node.value);
    // Short-circuits: "and" stops at the first false operand, "or" at the first true.
    const bool isAnd = logical.kind == RuleLogical::Kind::And;
    for (const RuleNodePtr &operand : logical.operands) {
        if (evaluate(*operand, profile) != isAnd)
            return !isAnd;
    }
    return isAnd;
}

// `prefix` is `path` or one of its ancestors: "a.b" of "a.b" and "a.b.c", not of "a.bc".
bool isPathPrefix(QStringView prefix, QStringView path)
{
    return path.startsWith(prefix) && (path.size() == prefix.size() || path[prefix.size()] == u'.');
}

} // namespace

bool Rule::matches(const QJsonObject &profileXdm) const
{
    return evaluate(*m_root, profileXdm);
}

QStringList Rule::referencedPaths() const
{
    return m_paths;
}

bool Rule::dependsOnAnyOf(const QStringList &writtenPaths) const
{
    for (const QString &written : writtenPaths) {
        if (written.isEmpty())
            return true;
        for (const QString &path : m_paths) {
            if (isPathPrefix(written, path) || isPathPrefix(path, written))
                return true;
        }
    }
    return false;
}

bool operator==(const Rule &a, const Rule &b)
{
    return sameRuleNode(a.m_root, b.m_root);
}

} // namespace outflow
