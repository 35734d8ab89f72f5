// Rule evaluation. It runs for every rule audience on every merged fragment,
// so it reads the AttributeTree the merge already built: a path is a walk
// over keys, and only the leaf it ends at is decoded, from its JSON text.
// Building the profile's QJsonObject instead (a JSON parse, an identityMap of
// QJsonArrays) and reading strings out of it (a QString copy each) cost more
// than the merge itself (callgrind, bench/README.md "Session 6").
//
// Strings are compared in UTF-8, whose byte order is code point order; a
// string is unescaped (into a scratch buffer) only when it holds an escape.
#include "isoinstant.h"
#include "model/attributetree.h"
#include "model/jsontext.h"
#include "rule.h"

#include <charconv>
#include <cstring>
#include <string_view>

namespace outflow {

namespace {

// How a profile value stands against a literal.
enum class Order { Less, Equal, Greater, Different, Incomparable };

template<typename T>
Order orderOf(const T &a, const T &b)
{
    return a < b ? Order::Less : b < a ? Order::Greater : Order::Equal;
}

std::string_view view(QByteArrayView bytes)
{
    return {bytes.data(), size_t(bytes.size())};
}

// A profile value decoded from its JSON text.
struct Value
{
    enum class Type : quint8 { Missing, Null, Boolean, Number, String, Array, Other };
    Type type = Type::Missing;
    bool boolean = false;
    double number = 0;
    QByteArrayView text; // String: its content in UTF-8, unescaped; Array: its JSON text
};

Value valueOf(Value::Type type, QByteArrayView text = {})
{
    Value value;
    value.type = type;
    value.text = text;
    return value;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// One JSON value's text (a leaf, or an element of an array leaf). `scratch`
// receives a string's content when it holds an escape. Objects, and numbers
// out of a double's range, compare to nothing (Other).
Value decode(QByteArrayView text, QByteArray &scratch)
{
    Value value;
    if (text.isEmpty())
        return value;
    switch (text.front()) {
    case '"': {
        const QByteArrayView content = text.sliced(1, text.size() - 2);
        value.type = Value::Type::String;
        if (!std::memchr(content.data(), '\\', size_t(content.size()))) {
            value.text = content;
            return value;
        }
        scratch.clear();
        if (!jsontext::unescape(content, scratch))
            return valueOf(Value::Type::Other);
        value.text = scratch;
        return value;
    }
    case '[':
        value.type = Value::Type::Array;
        value.text = text;
        return value;
    case '{':
        value.type = Value::Type::Other;
        return value;
    case 't':
    case 'f':
        value.type = Value::Type::Boolean;
        value.boolean = text.front() == 't';
        return value;
    case 'n':
        value.type = Value::Type::Null;
        return value;
    default: {
        const auto [end, error] =
            std::from_chars(text.data(), text.data() + text.size(), value.number);
        value.type = error == std::errc() ? Value::Type::Number : Value::Type::Other;
        return value;
    }
    }
}

// Calls `f` with the text of each element of an array's JSON text until it
// returns true.
template<typename F>
bool anyElement(QByteArrayView array, F f)
{
    const char *p = array.data() + 1;                        // after '['
    const char *const end = array.data() + array.size() - 1; // at ']'
    for (;;) {
        while (p < end && (isSpace(*p) || *p == ','))
            ++p;
        if (p >= end)
            return false;
        const char *const start = p;
        if (*p == '"') {
            p = jsontext::skipString(p, end);
        } else if (*p == '[' || *p == '{') {
            p = jsontext::skipContainer(p, end, 1);
        } else {
            while (p < end && *p != ',' && !isSpace(*p))
                ++p;
        }
        if (!p)
            return false;
        if (f(QByteArrayView(start, p - start)))
            return true;
    }
}

Order compareUtf8(QByteArrayView a, QByteArrayView b)
{
    // An empty literal's bytes may be a null pointer, which memcmp must not see.
    const size_t common = size_t(std::min(a.size(), b.size()));
    const int c = common ? std::memcmp(a.data(), b.data(), common) : 0;
    return c < 0 ? Order::Less : c > 0 ? Order::Greater : orderOf(a.size(), b.size());
}

Order compare(const Value &value, const RuleLiteral &literal)
{
    switch (literal.kind) {
    case RuleLiteral::Kind::Null:
        return value.type == Value::Type::Null ? Order::Equal : Order::Different;
    case RuleLiteral::Kind::Boolean:
        if (value.type != Value::Type::Boolean)
            return Order::Incomparable;
        return value.boolean == literal.boolean ? Order::Equal : Order::Different;
    case RuleLiteral::Kind::Number:
        if (value.type != Value::Type::Number)
            return Order::Incomparable;
        return orderOf(value.number, literal.number);
    case RuleLiteral::Kind::String:
        if (value.type != Value::Type::String)
            return Order::Incomparable;
        if (literal.instantMs) {
            const std::optional<qint64> instant = parseIsoInstantUtf8(value.text);
            return instant ? orderOf(*instant, *literal.instantMs) : Order::Incomparable;
        }
        return compareUtf8(value.text, literal.utf8);
    }
    return Order::Incomparable;
}

bool equals(const Value &value, const RuleLiteral &literal)
{
    return compare(value, literal) == Order::Equal;
}

// The profile a rule reads: the attributes' tree, and identityMap from the
// identities when given (else the tree's own identityMap, if any).
struct Profile
{
    const AttributeTree &attributes;
    const QList<Identity> *identities;
    QByteArray &scratch;
};

// The value at the path; Missing when it is absent. identityMap is what
// Profile::toXdm() makes of the identities: an object of namespaces, each an
// array of {id, primary} objects. No rule can tell those objects apart (they
// compare to nothing, and a path cannot enter an array), so an array of one
// empty object stands for each namespace.
Value resolve(const RulePath &path, const Profile &profile)
{
    if (profile.identities && path.segments.constFirst() == QLatin1String("identityMap")) {
        if (path.segments.size() == 1)
            return valueOf(Value::Type::Other);
        if (path.segments.size() == 2) {
            for (const Identity &identity : *profile.identities) {
                if (identity.ns == path.segments.at(1))
                    return valueOf(Value::Type::Array, "[{}]");
            }
        }
        return {};
    }
    const AttributeTree::Found found = profile.attributes.find(path.utf8);
    switch (found.kind) {
    case AttributeTree::Found::Kind::Missing:
        return {};
    case AttributeTree::Found::Kind::Object:
        return valueOf(Value::Type::Other);
    case AttributeTree::Found::Kind::Leaf:
        break;
    }
    return decode(found.leaf, profile.scratch);
}

bool evaluate(const RuleComparison &comparison, const Profile &profile)
{
    const Value value = resolve(comparison.path, profile);
    if (value.type == Value::Type::Missing)
        return false;
    if (comparison.op == RuleOperator::Exists)
        return value.type != Value::Type::Null;
    if (comparison.op == RuleOperator::In) {
        for (const RuleLiteral &literal : comparison.operands) {
            if (equals(value, literal))
                return true;
        }
        return false;
    }
    const RuleLiteral &literal = comparison.operands.constFirst();
    const bool textual =
        value.type == Value::Type::String && literal.kind == RuleLiteral::Kind::String;
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
        if (value.type == Value::Type::Array) {
            // The elements' strings go to a scratch of their own: `value`
            // is no string, and each element is done with before the next.
            return anyElement(value.text, [&](QByteArrayView element) {
                return equals(decode(element, profile.scratch), literal);
            });
        }
        return textual && view(value.text).find(view(literal.utf8)) != std::string_view::npos;
    case RuleOperator::StartsWith:
        return textual && view(value.text).starts_with(view(literal.utf8));
    case RuleOperator::EndsWith:
        return textual && view(value.text).ends_with(view(literal.utf8));
    case RuleOperator::In:
    case RuleOperator::Exists:
        break;
    }
    return false;
}

bool evaluate(const RuleNode &node, const Profile &profile)
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

} // namespace

bool Rule::matches(const QJsonObject &profileXdm) const
{
    QByteArray scratch;
    const AttributeTree tree = AttributeTree::fromObject(profileXdm);
    return evaluate(*m_root, Profile{tree, nullptr, scratch});
}

bool Rule::matches(const AttributeTree &attributes, const QList<Identity> &identities) const
{
    QByteArray scratch;
    return evaluate(*m_root, Profile{attributes, &identities, scratch});
}

} // namespace outflow
