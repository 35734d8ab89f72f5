#include "rulehighlighter.h"

#include "segmentation/rulelexer.h"

#include <QGuiApplication>
#include <QPalette>

namespace outflow::ui {

namespace {

using Kind = RuleToken::Kind;

bool isKeyword(Kind kind)
{
    switch (kind) {
    case Kind::And:
    case Kind::Or:
    case Kind::Not:
    case Kind::In:
    case Kind::Exists:
    case Kind::Contains:
    case Kind::StartsWith:
    case Kind::EndsWith:
    case Kind::True:
    case Kind::False:
    case Kind::Null:
        return true;
    default:
        return false;
    }
}

// Readable on light and dark palettes alike: the palette's own accents.
QColor accent(QPalette::ColorRole role, const QColor &fallback)
{
    const QColor color = QGuiApplication::palette().color(role);
    return color.isValid() ? color : fallback;
}

} // namespace

RuleHighlighter::RuleHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    setObjectName(QStringLiteral("ruleHighlighter"));
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    m_keyword.setForeground(accent(QPalette::Link, Qt::blue));
    m_keyword.setFontWeight(QFont::Bold);
    m_string.setForeground(dark ? QColor(0x98, 0xc3, 0x79) : QColor(0x1a, 0x7f, 0x37));
    m_number.setForeground(dark ? QColor(0xd1, 0x9a, 0x66) : QColor(0x98, 0x50, 0x00));
    m_path.setForeground(accent(QPalette::LinkVisited, Qt::darkMagenta));
    m_operator.setFontWeight(QFont::Bold);
}

QTextCharFormat RuleHighlighter::format(Role role) const
{
    switch (role) {
    case Role::Keyword:
        return m_keyword;
    case Role::String:
        return m_string;
    case Role::Number:
        return m_number;
    case Role::Path:
        return m_path;
    case Role::Operator:
        break;
    }
    return m_operator;
}

int RuleHighlighter::offsetOfColumn(QStringView line, int column)
{
    qsizetype offset = 0;
    for (int current = 1; current < column && offset < line.size(); ++current) {
        if (line[offset].isHighSurrogate() && offset + 1 < line.size() &&
            line[offset + 1].isLowSurrogate())
            ++offset;
        ++offset;
    }
    return int(offset);
}

void RuleHighlighter::highlightBlock(const QString &text)
{
    RuleLexer lexer(text);
    for (;;) {
        const RuleToken token = lexer.next();
        if (token.kind == Kind::End || token.kind == Kind::Invalid)
            return;
        const int start = offsetOfColumn(text, token.column);
        const int length = int(token.text.size());
        switch (token.kind) {
        case Kind::String:
            setFormat(start, length, m_string);
            break;
        case Kind::Number:
            setFormat(start, length, m_number);
            break;
        case Kind::Path:
            setFormat(start, length, m_path);
            break;
        default:
            setFormat(start, length, isKeyword(token.kind) ? m_keyword : m_operator);
            break;
        }
    }
}

} // namespace outflow::ui
