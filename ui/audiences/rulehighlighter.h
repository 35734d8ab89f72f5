#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace outflow::ui {

// Colours an audience rule (DESIGN §3) as the rule lexer reads it
// (core/segmentation/rulelexer.h): keywords, strings, numbers, paths and
// operators. Each line is lexed alone: no token spans two lines (strings
// are one-line). Where the lexer stops (a character no token starts with),
// the rest of the line stays plain; the editor underlines the error.
class RuleHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuleHighlighter)

public:
    enum class Role { Keyword, String, Number, Path, Operator };

    explicit RuleHighlighter(QTextDocument *document);

    // The format of each role (tests compare a token's format with it).
    QTextCharFormat format(Role role) const;

    // The UTF-16 offset in `line` of the 1-based `column`, counted in code
    // points as the lexer and parser count them; the line's length past its end.
    static int offsetOfColumn(QStringView line, int column);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_keyword;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_path;
    QTextCharFormat m_operator;
};

} // namespace outflow::ui
