#pragma once

#include "rule.h"

#include <QCoreApplication>
#include <QString>
#include <variant>

namespace outflow {

// The "RuleParser" translation context of the rule language's messages.
class RuleParser
{
    Q_DECLARE_TR_FUNCTIONS(RuleParser)

public:
    // Deeper nesting of parentheses and "not" is an error: it keeps the
    // recursive parser, printer and evaluator far from the stack's end.
    static constexpr int MaxDepth = 64;
};

// Why a rule text does not parse: where (1-based line and column, columns in
// code points), what was found there and what was expected instead.
struct RuleParseError
{
    int line = 0;
    int column = 0;
    // The text found, as written: a token ("=", "and", "\"FR\""), a
    // character, "\n" for the end of a line, "" for the end of the rule.
    QString found;
    // What could have come instead, translated: `a value after "="`.
    QString expected;

    // Translated: `line 1, column 23: expected a value after "=" but found end of rule`.
    QString message() const;
    // The same without the position: `expected a value after "=" but found
    // end of rule` (the rule editor shows the position its own way).
    QString description() const;

    friend bool operator==(const RuleParseError &a, const RuleParseError &b) = default;
};

// A compiled rule, or why the text is not one.
class RuleParseResult
{
public:
    RuleParseResult(Rule rule)
        : m_value(std::move(rule))
    {}
    RuleParseResult(RuleParseError error)
        : m_value(std::move(error))
    {}

    bool isValid() const { return std::holds_alternative<Rule>(m_value); }
    explicit operator bool() const { return isValid(); }
    // Only when isValid().
    const Rule &rule() const { return std::get<Rule>(m_value); }
    // Only when !isValid().
    const RuleParseError &error() const { return std::get<RuleParseError>(m_value); }

private:
    std::variant<Rule, RuleParseError> m_value;
};

// Parses and compiles an audience rule (DESIGN §3):
//
//   rule       := or END
//   or         := and ("or" and)*
//   and        := not ("and" not)*
//   not        := "not" not | primary
//   primary    := "(" or ")" | path predicate
//   predicate  := ("=" | "!=") value | ("<" | "<=" | ">" | ">=") ordered
//               | "in" "[" (value ("," value)*)? "]" | "exists"
//               | "contains" value | ("startsWith" | "endsWith") string
//   value      := string | number | "true" | "false" | "null"
//   ordered    := string | number
//
// Tokens are described in rulelexer.h. Type errors a literal makes obvious
// (`points < true`, `name startsWith 3`) are parse errors too.
RuleParseResult parseRule(const QString &text);

} // namespace outflow
