#pragma once

#include <cstring>
#include <QByteArray>
#include <QByteArrayView>

// Skipping over JSON text without decoding it: shared by the readers that
// descend into objects only and carry everything else as text
// (AttributeTree's parser for the merge, AttributeSelector for exports).
namespace outflow::jsontext {

// JSON's nesting limit as QJsonDocument applies it: texts that reach these
// readers were parsed by it once, so a deeper one is malformed.
inline constexpr int kMaxDepth = 1024;

// `p` at an opening quote: the position after the closing quote, or nullptr
// when the string does not end before `end`. Sets *escaped when the string
// holds a backslash escape. Strings are most of a profile's text: memchr
// finds each quote, and one after an odd run of backslashes is escaped.
inline const char *skipString(const char *p, const char *end, bool *escaped = nullptr)
{
    if (p == end || *p != '"')
        return nullptr;
    const char *begin = ++p;
    for (;;) {
        const auto *quote = static_cast<const char *>(std::memchr(p, '"', size_t(end - p)));
        if (!quote)
            return nullptr;
        const char *run = quote;
        while (run > begin && run[-1] == '\\')
            --run;
        p = quote + 1;
        if ((quote - run) % 2 == 0)
            break;
    }
    if (escaped && std::memchr(begin, '\\', size_t(p - 1 - begin)))
        *escaped = true;
    return p;
}

// `p` at '[' or '{', `depth` levels deep already: the position after its
// matching bracket (strings skipped whole), or nullptr when it does not close
// before `end` or nests deeper than kMaxDepth.
inline const char *skipContainer(const char *p, const char *end, int depth)
{
    int open = 0;
    while (p < end) {
        const char c = *p;
        if (c == '"') {
            p = skipString(p, end);
            if (!p)
                return nullptr;
            continue;
        }
        ++p;
        if (c == '[' || c == '{') {
            if (++open + depth > kMaxDepth)
                return nullptr;
        } else if ((c == ']' || c == '}') && --open == 0) {
            return p;
        }
    }
    return nullptr;
}

// The content of a JSON string (between its quotes) with its escapes
// resolved, appended to `out` in UTF-8; false on a malformed escape. A lone
// surrogate (\ud800 without its pair) becomes U+FFFD, as in QString::toUtf8().
bool unescape(QByteArrayView raw, QByteArray &out);

// Compact JSON text indented by four spaces, its keys in their order (a
// QJsonDocument round trip would sort them, and a preview must show the
// body as it is sent). Text that is not JSON comes back as it is.
QByteArray indented(QByteArrayView compact);

} // namespace outflow::jsontext
