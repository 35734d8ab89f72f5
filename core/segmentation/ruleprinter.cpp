// Rule::toString: the canonical text of a rule.
#include "rule.h"
#include "rulelexer.h"

#include <QLocale>

namespace outflow {

namespace {

// Binding strength; an operand binding less than its place needs parentheses.
enum Precedence { OrLevel = 1, AndLevel = 2, NotLevel = 3, PredicateLevel = 4 };

void appendQuoted(QString &out, const QString &text)
{
    out.append(u'"');
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        switch (c.unicode()) {
        case u'"':
            out.append(u"\\\"");
            continue;
        case u'\\':
            out.append(u"\\\\");
            continue;
        case u'\n':
            out.append(u"\\n");
            continue;
        case u'\r':
            out.append(u"\\r");
            continue;
        case u'\t':
            out.append(u"\\t");
            continue;
        default:
            break;
        }
        // Control characters and lone surrogates are escaped: the text stays
        // printable and survives a trip through UTF-8.
        const bool pairedHigh =
            c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate();
        const bool pairedLow = c.isLowSurrogate() && i > 0 && text[i - 1].isHighSurrogate();
        if (c.unicode() < 0x20 || c.unicode() == 0x7F ||
            (c.isSurrogate() && !pairedHigh && !pairedLow)) {
            out.append(u"\\u");
            out.append(QString::number(c.unicode(), 16).rightJustified(4, u'0').toUpper());
        } else {
            out.append(c);
        }
    }
    out.append(u'"');
}

void appendLiteral(QString &out, const RuleLiteral &literal)
{
    switch (literal.kind) {
    case RuleLiteral::Kind::Null:
        out.append(u"null");
        break;
    case RuleLiteral::Kind::Boolean:
        out.append(literal.boolean ? u"true" : u"false");
        break;
    case RuleLiteral::Kind::Number:
        // The shortest text that reads back as the same double.
        out.append(QString::number(literal.number, 'g', QLocale::FloatingPointShortest));
        break;
    case RuleLiteral::Kind::String:
        appendQuoted(out, literal.string);
        break;
    }
}

void appendPath(QString &out, const RulePath &path)
{
    for (qsizetype i = 0; i < path.segments.size(); ++i) {
        const QString &segment = path.segments.at(i);
        if (i > 0)
            out.append(u'.');
        // The parser makes the first segment a plain name, never a lone keyword.
        if (i == 0 || isPlainRuleName(segment, false))
            out.append(segment);
        else
            appendQuoted(out, segment);
    }
}

int precedence(const RuleNode &node)
{
    if (std::holds_alternative<RuleComparison>(node.value))
        return PredicateLevel;
    if (std::holds_alternative<RuleNot>(node.value))
        return NotLevel;
    return std::get<RuleLogical>(node.value).kind == RuleLogical::Kind::And ? AndLevel : OrLevel;
}

void appendNode(QString &out, const RuleNode &node, int minimum)
{
    const bool parenthesise = precedence(node) < minimum;
    if (parenthesise)
        out.append(u'(');
    if (const auto *comparison = std::get_if<RuleComparison>(&node.value)) {
        appendPath(out, comparison->path);
        out.append(u' ');
        out.append(ruleOperatorText(comparison->op));
        if (comparison->op == RuleOperator::In) {
            out.append(u" [");
            for (qsizetype i = 0; i < comparison->operands.size(); ++i) {
                if (i > 0)
                    out.append(u", ");
                appendLiteral(out, comparison->operands.at(i));
            }
            out.append(u']');
        } else if (!comparison->operands.isEmpty()) {
            out.append(u' ');
            appendLiteral(out, comparison->operands.constFirst());
        }
    } else if (const auto *negation = std::get_if<RuleNot>(&node.value)) {
        out.append(u"not ");
        appendNode(out, *negation->operand, NotLevel);
    } else {
        const auto &logical = std::get<RuleLogical>(node.value);
        const bool isAnd = logical.kind == RuleLogical::Kind::And;
        // An operand of the same kind is parenthesised: the parser never makes
        // one (it splices them), and re-parsing would.
        const int operandMinimum = (isAnd ? AndLevel : OrLevel) + 1;
        for (std::size_t i = 0; i < logical.operands.size(); ++i) {
            if (i > 0)
                out.append(isAnd ? u" and " : u" or ");
            appendNode(out, *logical.operands[i], operandMinimum);
        }
    }
    if (parenthesise)
        out.append(u')');
}

} // namespace

QString Rule::toString() const
{
    QString out;
    appendNode(out, *m_root, OrLevel);
    return out;
}

} // namespace outflow
