#include "ruleparser.h"

#include "rulelexer.h"

namespace outflow {

namespace {

using Kind = RuleToken::Kind;

// Which literals may follow an operator.
enum class Values { Any, Ordered, String };

// What was found, as an error message shows it.
QString foundText(const QString &found)
{
    if (found.isEmpty())
        return RuleParser::tr("end of rule");
    if (found == u"\n")
        return RuleParser::tr("end of line");
    // A whole unterminated string literal would drown the message.
    constexpr qsizetype MaxShown = 40;
    return RuleParser::tr("\"%1\"", "a piece of rule text quoted in an error message")
        .arg(found.size() > MaxShown ? found.first(MaxShown - 1) + QChar(u'…') : found);
}

} // namespace

QString RuleParseError::message() const
{
    return RuleParser::tr("line %1, column %2: expected %3 but found %4")
        .arg(line)
        .arg(column)
        .arg(expected, foundText(found));
}

QString RuleParseError::description() const
{
    return RuleParser::tr("expected %1 but found %2").arg(expected, foundText(found));
}

// The recursive-descent parser (grammar in ruleparser.h). A friend of Rule,
// whose constructor it calls once the tree is whole. Each parse function
// returns null after recording the first error: parsing stops there.
class RuleCompiler
{
public:
    explicit RuleCompiler(const QString &text)
        : m_lexer(text)
    {
        advance();
    }

    RuleParseResult run()
    {
        RuleNodePtr root = parseOr(0);
        if (root && m_token.kind != Kind::End)
            root = fail(RuleParser::tr("\"and\", \"or\" or the end of the rule"));
        if (!root)
            return m_error;
        QStringList paths;
        collectPaths(*root, paths);
        return Rule(std::move(root), std::move(paths));
    }

private:
    void advance()
    {
        m_previous = std::move(m_token);
        m_token = m_lexer.next();
    }

    // Records an error at the current token. An invalid token's own
    // expectation (a bad escape, an unterminated string) wins over the
    // parser's, which is only about which token could come here.
    RuleNodePtr fail(const QString &expected)
    {
        m_error.line = m_token.line;
        m_error.column = m_token.column;
        m_error.found = m_token.text;
        m_error.expected = m_token.kind == Kind::Invalid && !m_token.expected.isEmpty()
                               ? m_token.expected
                               : expected;
        return {};
    }

    QString expectedCondition() const
    {
        return m_previous.text.isEmpty()
                   ? RuleParser::tr("a path, \"not\" or \"(\"")
                   : RuleParser::tr("a path, \"not\" or \"(\" after \"%1\"").arg(m_previous.text);
    }

    static RuleNodePtr make(auto value)
    {
        return std::make_shared<const RuleNode>(RuleNode{std::move(value)});
    }

    // Splices an operand of the same kind: `a and (b and c)` has three
    // operands, the canonical shape the printer's round trip relies on.
    static void appendOperand(std::vector<RuleNodePtr> &operands, RuleNodePtr operand,
                              RuleLogical::Kind kind)
    {
        const auto *logical = std::get_if<RuleLogical>(&operand->value);
        if (logical && logical->kind == kind)
            operands.insert(operands.end(), logical->operands.begin(), logical->operands.end());
        else
            operands.push_back(std::move(operand));
    }

    RuleNodePtr parseLogical(int depth, RuleLogical::Kind kind)
    {
        const bool isOr = kind == RuleLogical::Kind::Or;
        auto parseOperand = [&] {
            return isOr ? parseLogical(depth, RuleLogical::Kind::And) : parseNot(depth);
        };
        RuleNodePtr first = parseOperand();
        const Kind keyword = isOr ? Kind::Or : Kind::And;
        if (!first || m_token.kind != keyword)
            return first;
        RuleLogical logical{kind, {}};
        appendOperand(logical.operands, std::move(first), kind);
        while (m_token.kind == keyword) {
            advance();
            RuleNodePtr next = parseOperand();
            if (!next)
                return {};
            appendOperand(logical.operands, std::move(next), kind);
        }
        return make(std::move(logical));
    }

    RuleNodePtr parseOr(int depth) { return parseLogical(depth, RuleLogical::Kind::Or); }

    RuleNodePtr tooDeep()
    {
        return fail(
            RuleParser::tr("at most %1 nested parentheses and \"not\"").arg(RuleParser::MaxDepth));
    }

    RuleNodePtr parseNot(int depth)
    {
        if (m_token.kind != Kind::Not)
            return parsePrimary(depth);
        if (depth >= RuleParser::MaxDepth)
            return tooDeep();
        advance();
        RuleNodePtr operand = parseNot(depth + 1);
        return operand ? make(RuleNot{std::move(operand)}) : RuleNodePtr();
    }

    RuleNodePtr parsePrimary(int depth)
    {
        if (m_token.kind == Kind::Path)
            return parsePredicate();
        if (m_token.kind != Kind::LeftParen)
            return fail(expectedCondition());
        if (depth >= RuleParser::MaxDepth)
            return tooDeep();
        const int line = m_token.line;
        const int column = m_token.column;
        advance();
        RuleNodePtr inner = parseOr(depth + 1);
        if (!inner)
            return {};
        if (m_token.kind != Kind::RightParen) {
            return fail(RuleParser::tr("\"and\", \"or\" or \")\" to close the \"(\" at line %1, "
                                       "column %2")
                            .arg(line)
                            .arg(column));
        }
        advance();
        return inner;
    }

    // Takes the literal at the current token when it is one of `allowed`;
    // false (and nothing recorded) when it is not: the caller says what it expected.
    bool takeValue(Values allowed, QList<RuleLiteral> &out)
    {
        switch (m_token.kind) {
        case Kind::String:
            out.append(RuleLiteral::fromString(m_token.string));
            break;
        case Kind::Number:
            if (allowed == Values::String)
                return false;
            out.append(RuleLiteral::fromNumber(m_token.number));
            break;
        case Kind::True:
        case Kind::False:
            if (allowed != Values::Any)
                return false;
            out.append(RuleLiteral::fromBool(m_token.kind == Kind::True));
            break;
        case Kind::Null:
            if (allowed != Values::Any)
                return false;
            out.append(RuleLiteral::null());
            break;
        default:
            return false;
        }
        advance();
        return true;
    }

    bool parseList(QList<RuleLiteral> &out)
    {
        if (m_token.kind != Kind::LeftBracket) {
            fail(RuleParser::tr("\"[\" after \"in\""));
            return false;
        }
        advance();
        if (m_token.kind == Kind::RightBracket) {
            advance();
            return true;
        }
        for (;;) {
            if (!takeValue(Values::Any, out)) {
                fail(out.isEmpty() ? RuleParser::tr("a value or \"]\" after \"[\"")
                                   : RuleParser::tr("a value after \",\""));
                return false;
            }
            if (m_token.kind == Kind::RightBracket) {
                advance();
                return true;
            }
            if (m_token.kind != Kind::Comma) {
                fail(RuleParser::tr("\",\" or \"]\" after a value of the list"));
                return false;
            }
            advance();
        }
    }

    RuleNodePtr parsePredicate()
    {
        RuleComparison comparison;
        comparison.path = RulePath::fromSegments(m_token.segments);
        advance();
        const QString op = m_token.text;
        switch (m_token.kind) {
        case Kind::Equal:
        case Kind::NotEqual:
            comparison.op =
                m_token.kind == Kind::Equal ? RuleOperator::Equal : RuleOperator::NotEqual;
            advance();
            if (!takeValue(Values::Any, comparison.operands))
                return fail(RuleParser::tr("a value after \"%1\"").arg(op));
            break;
        case Kind::Less:
        case Kind::LessOrEqual:
        case Kind::Greater:
        case Kind::GreaterOrEqual:
            comparison.op = m_token.kind == Kind::Less          ? RuleOperator::Less
                            : m_token.kind == Kind::LessOrEqual ? RuleOperator::LessOrEqual
                            : m_token.kind == Kind::Greater     ? RuleOperator::Greater
                                                                : RuleOperator::GreaterOrEqual;
            advance();
            if (!takeValue(Values::Ordered, comparison.operands))
                return fail(RuleParser::tr("a number, a string or a date after \"%1\"").arg(op));
            break;
        case Kind::In:
            comparison.op = RuleOperator::In;
            advance();
            if (!parseList(comparison.operands))
                return {};
            break;
        case Kind::Exists:
            comparison.op = RuleOperator::Exists;
            advance();
            break;
        case Kind::Contains:
            comparison.op = RuleOperator::Contains;
            advance();
            if (!takeValue(Values::Any, comparison.operands))
                return fail(RuleParser::tr("a value after \"%1\"").arg(op));
            break;
        case Kind::StartsWith:
        case Kind::EndsWith:
            comparison.op = m_token.kind == Kind::StartsWith ? RuleOperator::StartsWith
                                                             : RuleOperator::EndsWith;
            advance();
            if (!takeValue(Values::String, comparison.operands))
                return fail(RuleParser::tr("a string after \"%1\"").arg(op));
            break;
        default:
            return fail(RuleParser::tr("an operator (=, !=, <, <=, >, >=, in, exists, contains, "
                                       "startsWith or endsWith) after \"%1\"")
                            .arg(m_previous.text));
        }
        return make(std::move(comparison));
    }

    static void collectPaths(const RuleNode &node, QStringList &paths)
    {
        if (const auto *comparison = std::get_if<RuleComparison>(&node.value)) {
            const QString path = comparison->path.dotted();
            if (!paths.contains(path))
                paths.append(path);
        } else if (const auto *negation = std::get_if<RuleNot>(&node.value)) {
            collectPaths(*negation->operand, paths);
        } else {
            for (const RuleNodePtr &operand : std::get<RuleLogical>(node.value).operands)
                collectPaths(*operand, paths);
        }
    }

    RuleLexer m_lexer;
    RuleToken m_token;
    RuleToken m_previous;
    RuleParseError m_error;
};

RuleParseResult parseRule(const QString &text)
{
    return RuleCompiler(text).run();
}

} // namespace outflow
