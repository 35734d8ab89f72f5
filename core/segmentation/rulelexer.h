#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace outflow {

struct RuleToken
{
    enum class Kind {
        End,
        Invalid, // a character or literal the lexer rejects; see `expected`
        Path,
        String,
        Number,
        True,
        False,
        Null,
        And,
        Or,
        Not,
        In,
        Exists,
        Contains,
        StartsWith,
        EndsWith,
        Equal,
        NotEqual,
        Less,
        LessOrEqual,
        Greater,
        GreaterOrEqual,
        LeftParen,
        RightParen,
        LeftBracket,
        RightBracket,
        Comma,
    };

    Kind kind = Kind::End;
    int line = 1;   // 1-based
    int column = 1; // 1-based, in code points
    QString text;   // as written; empty at the end of the rule
    QString string; // String: the decoded value
    double number = 0;
    QStringList segments; // Path: the decoded segments
    // Invalid: what the lexer expected instead, translated; empty when the
    // character simply cannot start a token (the parser then says what it
    // expected there). `text` is what was found, "" at the end of the rule.
    QString expected;
};

// Splits a rule into tokens, one at a time (DESIGN §3):
//  - paths: `name(.name)*`, a name being letters, digits and `_` (the first
//    name does not start with a digit); after a dot a name may be quoted like
//    a string: `person."odd key".x`. A lone word that is a keyword (and, or,
//    not, in, exists, contains, startsWith, endsWith, true, false, null) is
//    that keyword; `not.x` is a path. Keywords are case-sensitive.
//  - strings: "…" with the escapes \" \\ \/ \n \r \t \uXXXX, on one line;
//  - numbers: -?digits(.digits)?([eE][+-]?digits)?, finite as a double;
//  - = != < <= > >= ( ) [ ] ,
// Spaces, tabs, CR and LF separate tokens; LF starts a new line.
class RuleLexer
{
public:
    explicit RuleLexer(QStringView text)
        : m_text(text)
    {}

    RuleToken next();

private:
    QChar peek(qsizetype ahead = 0) const;
    void advance();
    void skipWhitespace();
    RuleToken start(RuleToken::Kind kind) const;
    RuleToken finish(RuleToken token);
    RuleToken invalid(RuleToken token, const QString &expected) const;
    RuleToken lexWord();
    RuleToken lexNumber();
    RuleToken lexString(RuleToken token, QString &value);
    bool lexName(QString &name);

    QStringView m_text;
    qsizetype m_pos = 0;
    qsizetype m_tokenStart = 0;
    int m_line = 1;
    int m_column = 1;
};

// A name that can be written without quotes in a path (not the first one,
// which must also not start with a digit).
bool isPlainRuleName(QStringView name, bool first);

} // namespace outflow
