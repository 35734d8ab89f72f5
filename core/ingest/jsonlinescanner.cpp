#include "jsonlinescanner.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

namespace outflow {

namespace {

// Objects up to this many keys are checked by a linear search over their keys
// (no allocation: typical fragment objects are small); larger ones switch to a
// hash set so that a line of a million keys stays linear.
constexpr qsizetype SmallObjectKeys = 32;

constexpr std::string_view IdentityMapKey = "identityMap";

// Offset of the first '"', '\\' or non-ASCII byte in [from, n), or n: string
// bodies are most of a line, so they are skipped eight bytes at a time (SWAR:
// the classic "has zero byte" test, which has no false negatives and whose
// lowest flagged byte is always a real match).
qsizetype skipPlainString(const unsigned char *p, qsizetype from, qsizetype n)
{
    if constexpr (std::endian::native == std::endian::little) {
        constexpr std::uint64_t ones = 0x0101010101010101ULL;
        constexpr std::uint64_t highs = 0x8080808080808080ULL;
        const auto hasByte = [](std::uint64_t word, unsigned char byte) {
            const std::uint64_t x = word ^ (ones * byte);
            return (x - ones) & ~x & highs;
        };
        for (; from + 8 <= n; from += 8) {
            std::uint64_t word;
            std::memcpy(&word, p + from, sizeof word);
            const std::uint64_t special = hasByte(word, '"') | hasByte(word, '\\') | (word & highs);
            if (special)
                return from + std::countr_zero(special) / 8;
        }
    }
    while (from < n && p[from] != '"' && p[from] != '\\' && p[from] < 0x80)
        ++from;
    return from;
}

// What the scanner does with each byte outside strings.
enum ByteClass : unsigned char { Plain, Quote, Open, Close, Comma, Colon, NonAscii };
constexpr std::array<unsigned char, 256> ByteClasses = [] {
    std::array<unsigned char, 256> classes{};
    classes['"'] = Quote;
    classes['{'] = classes['['] = Open;
    classes['}'] = classes[']'] = Close;
    classes[','] = Comma;
    classes[':'] = Colon;
    for (size_t byte = 0x80; byte < classes.size(); ++byte)
        classes[byte] = NonAscii;
    return classes;
}();

bool isContinuation(unsigned char byte)
{
    return (byte & 0xC0) == 0x80;
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Four hex digits at raw[from…], or -1.
int hex4(std::string_view raw, size_t from)
{
    if (from + 4 > raw.size())
        return -1;
    int value = 0;
    for (size_t i = from; i < from + 4; ++i) {
        const int digit = hexDigit(raw[i]);
        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

// Lone surrogates are encoded as three bytes too (as QJsonDocument accepts
// them): two keys spelled with the same escapes still compare equal.
void appendUtf8(std::string &out, char32_t cp)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

} // namespace

int JsonLineScanner::utf8SequenceLength(const unsigned char *p, qsizetype available)
{
    // Unicode 15, table 3-7: the well-formed byte sequences.
    const unsigned char lead = p[0];
    if (lead < 0x80)
        return 1;
    if (lead < 0xC2 || lead > 0xF4)
        return 0;
    if (lead < 0xE0)
        return available >= 2 && isContinuation(p[1]) ? 2 : 0;
    if (lead < 0xF0) {
        if (available < 3)
            return 0;
        const unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;  // no overlong forms
        const unsigned char high = lead == 0xED ? 0x9F : 0xBF; // no surrogates
        return p[1] >= low && p[1] <= high && isContinuation(p[2]) ? 3 : 0;
    }
    if (available < 4)
        return 0;
    const unsigned char low = lead == 0xF0 ? 0x90 : 0x80;  // no overlong forms
    const unsigned char high = lead == 0xF4 ? 0x8F : 0xBF; // nothing past U+10FFFF
    return p[1] >= low && p[1] <= high && isContinuation(p[2]) && isContinuation(p[3]) ? 4 : 0;
}

JsonLineScanner::Position JsonLineScanner::positionAt(QByteArrayView text, qsizetype offset)
{
    return PositionCursor(text).advanceTo(offset);
}

JsonLineScanner::Position JsonLineScanner::PositionCursor::advanceTo(qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, m_offset, m_text.size());
    for (; m_offset < offset; ++m_offset) {
        const auto byte = static_cast<unsigned char>(m_text[m_offset]);
        if (byte == '\n') {
            ++m_position.line;
            m_position.column = 1;
        } else if (!isContinuation(byte)) {
            ++m_position.column;
        }
    }
    return m_position;
}

void JsonLineScanner::reset()
{
    m_frames.clear();
    m_keys.clear();
    m_decoded.clear();
    m_duplicates.clear();
    m_namespaces.clear();
    m_invalidUtf8 = -1;
    m_unterminatedString = -1;
    m_broken = false;
    m_opened = false;
}

bool JsonLineScanner::scan(QByteArrayView bytes, Records records)
{
    reset();
    m_records = records;
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        // Whitespace, numbers and literals: nothing to track.
        while (i < n && ByteClasses[p[i]] == Plain)
            ++i;
        if (i >= n)
            break;
        switch (ByteClasses[p[i]]) {
        case NonAscii: {
            const int length = utf8SequenceLength(p + i, n - i);
            if (length == 0) {
                m_invalidUtf8 = i;
                return false;
            }
            i += length;
            break;
        }
        case Quote: {
            qsizetype j = i + 1;
            bool escaped = false;
            while ((j = skipPlainString(p, j, n)) < n && p[j] != '"') {
                if (p[j] == '\\') {
                    escaped = true;
                    // Skip the escaped character unless it is the start of a
                    // multi-byte sequence, which must be validated as well.
                    j += j + 1 < n && p[j + 1] < 0x80 ? 2 : 1;
                } else {
                    const int length = utf8SequenceLength(p + j, n - j);
                    if (length == 0) {
                        m_invalidUtf8 = j;
                        return false;
                    }
                    j += length;
                }
            }
            if (j >= n) { // unterminated: a grammar error QJsonDocument reports
                m_unterminatedString = i;
                m_broken = true;
                return true;
            }
            string(i, std::string_view(bytes.data() + i + 1, size_t(j - i - 1)), escaped);
            i = j + 1;
            break;
        }
        case Open:
            push(p[i] == '{');
            ++i;
            break;
        case Close:
            pop(p[i] == '}');
            ++i;
            break;
        case Comma:
            comma();
            ++i;
            break;
        case Colon:
            if (!m_frames.empty() && m_frames.back().object)
                m_frames.back().expectKey = false;
            ++i;
            break;
        }
        if (m_broken) // a structure the scanner cannot follow: only UTF-8 is left to check
            return validateUtf8(p, i, n);
    }
    return true;
}

bool JsonLineScanner::validateUtf8(const unsigned char *p, qsizetype i, qsizetype n)
{
    while (i < n) {
        if (p[i] < 0x80) {
            ++i;
            continue;
        }
        const int length = utf8SequenceLength(p + i, n - i);
        if (length == 0) {
            m_invalidUtf8 = i;
            return false;
        }
        i += length;
    }
    return true;
}

void JsonLineScanner::push(bool object)
{
    if (qsizetype(m_frames.size()) >= MaxDepth) {
        m_broken = true;
        return;
    }
    m_opened = true;
    Frame frame;
    frame.object = object;
    frame.expectKey = object;
    frame.firstKey = qsizetype(m_keys.size());
    m_frames.push_back(std::move(frame));
}

void JsonLineScanner::pop(bool object)
{
    if (m_frames.empty() || m_frames.back().object != object) {
        m_broken = true;
        return;
    }
    m_keys.resize(size_t(m_frames.back().firstKey));
    m_frames.pop_back();
}

void JsonLineScanner::comma()
{
    if (m_frames.empty())
        return;
    Frame &top = m_frames.back();
    if (top.object)
        top.expectKey = true;
    else
        ++top.index;
}

void JsonLineScanner::string(qsizetype quote, std::string_view raw, bool escaped)
{
    if (m_frames.empty() || !m_frames.back().object || !m_frames.back().expectKey)
        return; // a value, not a key
    const std::string_view key = escaped ? decode(raw) : raw;
    Frame &top = m_frames.back();
    top.expectKey = false;
    top.key = key;

    if (!insertKey(top, key)) {
        const qsizetype record = currentRecord();
        const bool firstOfRecord = m_duplicates.empty() || (m_records == Records::ArrayElements &&
                                                            m_duplicates.back().record != record);
        if (firstOfRecord)
            m_duplicates.push_back({record, quote, key, pathToTop()});
    }

    // A key of the record's identityMap object: the object right below the record's.
    if (m_frames.size() > 3)
        return;
    const qsizetype r = recordFrame();
    if (r >= 0 && qsizetype(m_frames.size()) == r + 2 && m_frames[size_t(r)].object &&
        m_frames[size_t(r)].key == IdentityMapKey) {
        m_namespaces.push_back({currentRecord(), key});
    }
}

std::string_view JsonLineScanner::decode(std::string_view raw)
{
    constexpr std::string_view simple = "bfnrt", simpleValues = "\b\f\n\r\t";
    std::string out;
    out.reserve(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\\' || i + 1 >= raw.size()) {
            out += raw[i];
            continue;
        }
        const char escape = raw[++i];
        int cp = escape == 'u' ? hex4(raw, i + 1) : -1;
        if (cp < 0) { // '"', '\\', '/', \b…, and what QJsonDocument tolerates ("\q" is "q")
            const size_t k = simple.find(escape);
            out += k == std::string_view::npos ? escape : simpleValues[k];
            continue;
        }
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 2 < raw.size() && raw[i + 1] == '\\' &&
            raw[i + 2] == 'u') {
            const int low = hex4(raw, i + 3);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                i += 6;
            }
        }
        appendUtf8(out, char32_t(cp));
    }
    m_decoded.push_back(std::move(out));
    return m_decoded.back();
}

bool JsonLineScanner::insertKey(Frame &frame, std::string_view key)
{
    if (frame.large)
        return frame.large->insert(key).second;
    for (size_t k = size_t(frame.firstKey); k < m_keys.size(); ++k) {
        const std::string_view other = m_keys[k];
        // Length and first byte first: most keys differ there, and memcmp is a call.
        if (other.size() == key.size() &&
            (key.empty() || (other.front() == key.front() &&
                             std::memcmp(other.data(), key.data(), key.size()) == 0)))
            return false;
    }
    m_keys.push_back(key);
    if (qsizetype(m_keys.size()) - frame.firstKey > SmallObjectKeys) {
        frame.large = std::make_unique<std::unordered_set<std::string_view>>(
            m_keys.begin() + frame.firstKey, m_keys.end());
        m_keys.resize(size_t(frame.firstKey));
    }
    return true;
}

qsizetype JsonLineScanner::recordFrame() const
{
    if (m_records == Records::Root)
        return 0;
    return !m_frames.empty() && !m_frames.front().object ? 1 : -1;
}

qsizetype JsonLineScanner::currentRecord() const
{
    if (m_records == Records::Root)
        return 1;
    return m_frames.empty() ? 0 : m_frames.front().index + 1;
}

QString JsonLineScanner::pathToTop() const
{
    QString path;
    const qsizetype top = qsizetype(m_frames.size()) - 1;
    for (qsizetype k = std::max<qsizetype>(recordFrame(), 0); k < top; ++k) {
        const Frame &frame = m_frames[size_t(k)];
        if (frame.object) {
            if (!path.isEmpty())
                path += QLatin1Char('.');
            path += QString::fromUtf8(frame.key.data(), qsizetype(frame.key.size()));
        } else {
            path += QLatin1Char('[') + QString::number(frame.index) + QLatin1Char(']');
        }
    }
    return path;
}

} // namespace outflow
