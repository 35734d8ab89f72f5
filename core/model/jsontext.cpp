// JSON string unescaping, shared by AttributeTree's reader (keys) and rule
// evaluation (string values read from an AttributeTree's leaves).
#include "jsontext.h"

namespace outflow::jsontext {

namespace {

void appendUtf8(QByteArray &out, char32_t c)
{
    if (c < 0x80) {
        out.append(char(c));
    } else if (c < 0x800) {
        out.append(char(0xC0 | (c >> 6))).append(char(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.append(char(0xE0 | (c >> 12)))
            .append(char(0x80 | ((c >> 6) & 0x3F)))
            .append(char(0x80 | (c & 0x3F)));
    } else {
        out.append(char(0xF0 | (c >> 18)))
            .append(char(0x80 | ((c >> 12) & 0x3F)))
            .append(char(0x80 | ((c >> 6) & 0x3F)))
            .append(char(0x80 | (c & 0x3F)));
    }
}

bool hex4(const char *p, const char *end, char32_t &value)
{
    if (end - p < 4)
        return false;
    value = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = p[i];
        const int digit = c >= '0' && c <= '9'   ? c - '0'
                          : c >= 'a' && c <= 'f' ? c - 'a' + 10
                          : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                 : -1;
        if (digit < 0)
            return false;
        value = value * 16 + char32_t(digit);
    }
    return true;
}

} // namespace

bool unescape(QByteArrayView raw, QByteArray &out)
{
    out.reserve(out.size() + raw.size());
    const char *p = raw.data();
    const char *end = p + raw.size();
    while (p < end) {
        if (*p != '\\') {
            out.append(*p++);
            continue;
        }
        if (++p == end)
            return false;
        const char e = *p++;
        switch (e) {
        case '"':
        case '\\':
        case '/':
            out.append(e);
            break;
        case 'b':
            out.append('\b');
            break;
        case 'f':
            out.append('\f');
            break;
        case 'n':
            out.append('\n');
            break;
        case 'r':
            out.append('\r');
            break;
        case 't':
            out.append('\t');
            break;
        case 'u': {
            char32_t c = 0;
            if (!hex4(p, end, c))
                return false;
            p += 4;
            char32_t low = 0;
            if (c >= 0xD800 && c < 0xDC00 && end - p >= 6 && p[0] == '\\' && p[1] == 'u' &&
                hex4(p + 2, end, low) && low >= 0xDC00 && low < 0xE000) {
                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                p += 6;
            } else if (c >= 0xD800 && c < 0xE000) {
                c = 0xFFFD;
            }
            appendUtf8(out, c);
            break;
        }
        default:
            return false;
        }
    }
    return true;
}

QByteArray indented(QByteArrayView compact)
{
    QByteArray out;
    out.reserve(compact.size() * 2);
    const char *p = compact.data();
    const char *end = p + compact.size();
    int depth = 0;
    const auto newline = [&out, &depth] {
        out.append('\n');
        out.append(QByteArray(depth * 4, ' '));
    };
    while (p < end) {
        const char c = *p;
        if (c == '"') {
            const char *after = skipString(p, end);
            if (!after)
                return compact.toByteArray();
            out.append(p, after - p);
            p = after;
            continue;
        }
        ++p;
        switch (c) {
        case '{':
        case '[':
            out.append(c);
            if (p < end && (*p == '}' || *p == ']')) { // {} and [] stay whole
                out.append(*p++);
                break;
            }
            ++depth;
            newline();
            break;
        case '}':
        case ']':
            if (--depth < 0)
                return compact.toByteArray();
            newline();
            out.append(c);
            break;
        case ',':
            out.append(c);
            newline();
            break;
        case ':':
            out.append(": ");
            break;
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            break;
        default:
            out.append(c);
        }
    }
    return depth == 0 ? out : compact.toByteArray();
}

} // namespace outflow::jsontext
