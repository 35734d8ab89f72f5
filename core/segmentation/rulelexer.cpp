#include "rulelexer.h"

#include "ruleparser.h"

#include <cmath>

namespace outflow {

namespace {

using Kind = RuleToken::Kind;

struct Keyword
{
    QStringView word;
    Kind kind;
};

constexpr Keyword Keywords[] = {
    {u"and", Kind::And},
    {u"or", Kind::Or},
    {u"not", Kind::Not},
    {u"in", Kind::In},
    {u"exists", Kind::Exists},
    {u"contains", Kind::Contains},
    {u"startsWith", Kind::StartsWith},
    {u"endsWith", Kind::EndsWith},
    {u"true", Kind::True},
    {u"false", Kind::False},
    {u"null", Kind::Null},
};

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isNameChar(QChar c)
{
    return c == u'_' || c.isLetterOrNumber();
}

int hexValue(QChar c)
{
    if (isAsciiDigit(c))
        return c.unicode() - u'0';
    if (c >= u'a' && c <= u'f')
        return c.unicode() - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c.unicode() - u'A' + 10;
    return -1;
}

} // namespace

bool isPlainRuleName(QStringView name, bool first)
{
    if (name.isEmpty() || (first && name.front().isNumber()))
        return false;
    for (const QChar c : name) {
        if (!isNameChar(c))
            return false;
    }
    return true;
}

QChar RuleLexer::peek(qsizetype ahead) const
{
    return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : QChar();
}

void RuleLexer::advance()
{
    if (m_pos >= m_text.size())
        return;
    if (m_text[m_pos] == u'\n') {
        ++m_line;
        m_column = 1;
        ++m_pos;
        return;
    }
    // A surrogate pair is one character: columns count code points.
    if (m_text[m_pos].isHighSurrogate() && m_pos + 1 < m_text.size() &&
        m_text[m_pos + 1].isLowSurrogate())
        ++m_pos;
    ++m_pos;
    ++m_column;
}

void RuleLexer::skipWhitespace()
{
    while (m_pos < m_text.size()) {
        const QChar c = m_text[m_pos];
        if (c != u' ' && c != u'\t' && c != u'\r' && c != u'\n')
            return;
        advance();
    }
}

RuleToken RuleLexer::start(RuleToken::Kind kind) const
{
    RuleToken token;
    token.kind = kind;
    token.line = m_line;
    token.column = m_column;
    return token;
}

RuleToken RuleLexer::finish(RuleToken token)
{
    token.text = m_text.sliced(m_tokenStart, m_pos - m_tokenStart).toString();
    return token;
}

// An error at the current position: `found` is the character there (a whole
// surrogate pair), "\n" for a line break, "" at the end of the rule.
RuleToken RuleLexer::invalid(RuleToken token, const QString &expected) const
{
    token.kind = Kind::Invalid;
    token.expected = expected;
    if (m_pos >= m_text.size()) {
        token.text.clear();
    } else if (m_text[m_pos] == u'\r' || m_text[m_pos] == u'\n') {
        token.text = QStringLiteral("\n");
    } else {
        const bool pair = m_text[m_pos].isHighSurrogate() && m_pos + 1 < m_text.size() &&
                          m_text[m_pos + 1].isLowSurrogate();
        token.text = m_text.sliced(m_pos, pair ? 2 : 1).toString();
    }
    return token;
}

RuleToken RuleLexer::next()
{
    skipWhitespace();
    m_tokenStart = m_pos;
    RuleToken token = start(Kind::End);
    if (m_pos >= m_text.size())
        return token;

    const QChar c = peek();
    auto single = [&](Kind kind) {
        token.kind = kind;
        advance();
        return finish(token);
    };
    auto oneOrTwo = [&](Kind one, Kind two) {
        advance();
        token.kind = one;
        if (peek() == u'=') {
            advance();
            token.kind = two;
        }
        return finish(token);
    };
    switch (c.unicode()) {
    case u'(':
        return single(Kind::LeftParen);
    case u')':
        return single(Kind::RightParen);
    case u'[':
        return single(Kind::LeftBracket);
    case u']':
        return single(Kind::RightBracket);
    case u',':
        return single(Kind::Comma);
    case u'=':
        return single(Kind::Equal);
    case u'<':
        return oneOrTwo(Kind::Less, Kind::LessOrEqual);
    case u'>':
        return oneOrTwo(Kind::Greater, Kind::GreaterOrEqual);
    case u'!':
        if (peek(1) == u'=') {
            advance();
            return single(Kind::NotEqual);
        }
        return invalid(token, RuleParser::tr("\"!=\""));
    case u'"': {
        token.kind = Kind::String;
        QString value;
        RuleToken result = lexString(token, value);
        if (result.kind == Kind::Invalid)
            return result;
        result.string = value;
        return finish(result);
    }
    default:
        break;
    }
    if (c == u'-' || isAsciiDigit(c))
        return lexNumber();
    if (isNameChar(c) && !c.isNumber())
        return lexWord();
    // The parser knows what could come here.
    return invalid(token, QString());
}

// At the opening quote; on success, after the closing one.
RuleToken RuleLexer::lexString(RuleToken token, QString &value)
{
    const int startColumn = m_column;
    advance();
    for (;;) {
        const QChar c = peek();
        if (m_pos >= m_text.size() || c == u'\n' || c == u'\r') {
            return invalid(start(Kind::Invalid),
                           RuleParser::tr("a closing quote (\") for the string that starts at "
                                          "column %1")
                               .arg(startColumn));
        }
        if (c == u'"') {
            advance();
            return token;
        }
        if (c != u'\\') {
            // advance() takes a surrogate pair whole: copy what it consumed.
            const qsizetype from = m_pos;
            advance();
            value.append(m_text.sliced(from, m_pos - from));
            continue;
        }
        RuleToken escape = start(Kind::Invalid);
        const qsizetype escapeStart = m_pos;
        advance();
        const QChar e = peek();
        switch (e.unicode()) {
        case u'"':
        case u'\\':
        case u'/':
            value.append(e);
            break;
        case u'n':
            value.append(u'\n');
            break;
        case u'r':
            value.append(u'\r');
            break;
        case u't':
            value.append(u'\t');
            break;
        case u'u': {
            int code = 0;
            for (int i = 1; i <= 4; ++i) {
                const int digit = hexValue(peek(i));
                if (digit < 0) {
                    escape.text =
                        m_text.sliced(escapeStart)
                            .first(std::min<qsizetype>(m_text.size() - escapeStart, i + 2))
                            .toString();
                    if (escape.text.endsWith(u'\n') || escape.text.endsWith(u'\r'))
                        escape.text.chop(1);
                    escape.expected = RuleParser::tr("four hexadecimal digits after \\u");
                    return escape;
                }
                code = code * 16 + digit;
            }
            for (int i = 0; i < 4; ++i)
                advance();
            value.append(QChar(char16_t(code)));
            break;
        }
        default:
            escape.text = QStringLiteral("\\");
            if (m_pos < m_text.size() && e != u'\n' && e != u'\r')
                escape.text.append(e);
            escape.expected = RuleParser::tr(
                "an escape sequence (\\\" \\\\ \\/ \\n \\r \\t or \\uXXXX) after the backslash");
            return escape;
        }
        advance();
    }
}

RuleToken RuleLexer::lexNumber()
{
    RuleToken token = start(Kind::Number);
    auto digits = [this] {
        while (isAsciiDigit(peek()))
            advance();
    };
    if (peek() == u'-')
        advance();
    if (!isAsciiDigit(peek()))
        return invalid(start(Kind::Invalid), RuleParser::tr("a digit after \"-\""));
    digits();
    if (peek() == u'.') {
        advance();
        if (!isAsciiDigit(peek()))
            return invalid(start(Kind::Invalid), RuleParser::tr("a digit after the decimal point"));
        digits();
    }
    if (peek() == u'e' || peek() == u'E') {
        advance();
        if (peek() == u'+' || peek() == u'-')
            advance();
        if (!isAsciiDigit(peek()))
            return invalid(start(Kind::Invalid), RuleParser::tr("a digit in the exponent"));
        digits();
    }
    token = finish(token);
    bool ok = false;
    token.number = QStringView(token.text).toDouble(&ok);
    if (!ok || !std::isfinite(token.number)) {
        token.kind = Kind::Invalid;
        token.expected = RuleParser::tr("a number between -1.7e308 and 1.7e308");
    }
    return token;
}

// One unquoted name; false when there is none here.
bool RuleLexer::lexName(QString &name)
{
    const qsizetype begin = m_pos;
    while (m_pos < m_text.size() && isNameChar(peek()))
        advance();
    name = m_text.sliced(begin, m_pos - begin).toString();
    return m_pos > begin;
}

RuleToken RuleLexer::lexWord()
{
    RuleToken token = start(Kind::Path);
    QString name;
    lexName(name);
    token.segments.append(name);
    while (peek() == u'.') {
        advance();
        if (peek() == u'"') {
            QString segment;
            const RuleToken quoted = lexString(start(Kind::String), segment);
            if (quoted.kind == Kind::Invalid)
                return quoted;
            token.segments.append(segment);
        } else if (lexName(name)) {
            token.segments.append(name);
        } else {
            return invalid(start(Kind::Invalid),
                           RuleParser::tr("a name or a quoted name after \".\""));
        }
    }
    if (token.segments.size() == 1) {
        for (const Keyword &keyword : Keywords) {
            if (keyword.word == token.segments.constFirst()) {
                token.kind = keyword.kind;
                token.segments.clear();
                break;
            }
        }
    }
    return finish(token);
}

} // namespace outflow
