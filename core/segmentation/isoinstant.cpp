#include "isoinstant.h"

namespace outflow {

namespace {

// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's
// days_from_civil), exact for every year the parser accepts.
constexpr qint64 daysFromCivil(int year, int month, int day)
{
    year -= month <= 2 ? 1 : 0;
    const int era = (year >= 0 ? year : year - 399) / 400;
    const int yearOfEra = year - era * 400;
    const int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return qint64(era) * 146097 + dayOfEra - 719468;
}

static_assert(daysFromCivil(1970, 1, 1) == 0);
static_assert(daysFromCivil(2000, 3, 1) == 11017);

constexpr bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

constexpr int daysInMonth(int year, int month)
{
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : days[month - 1];
}

// One code unit of UTF-16 or UTF-8 text: the grammar is ASCII, so anything
// above it fails the same way in both.
char32_t unit(QStringView text, qsizetype pos)
{
    return text[pos].unicode();
}

char32_t unit(QByteArrayView text, qsizetype pos)
{
    return static_cast<unsigned char>(text[pos]);
}

template<typename Text>
bool isDigit(Text text, qsizetype pos)
{
    return pos < text.size() && unit(text, pos) >= U'0' && unit(text, pos) <= U'9';
}

// Reads `count` ASCII digits at `pos`; -1 when any is not a digit.
template<typename Text>
int digits(Text text, qsizetype pos, int count)
{
    if (pos + count > text.size())
        return -1;
    int value = 0;
    for (int i = 0; i < count; ++i) {
        if (!isDigit(text, pos + i))
            return -1;
        value = value * 10 + int(unit(text, pos + i) - U'0');
    }
    return value;
}

template<typename Text>
bool at(Text text, qsizetype pos, char16_t c)
{
    return pos < text.size() && unit(text, pos) == c;
}

template<typename Text>
std::optional<qint64> parse(Text text)
{
    // YYYY-MM-DD
    const int year = digits(text, 0, 4);
    const int month = digits(text, 5, 2);
    const int day = digits(text, 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || !at(text, 4, u'-') ||
        !at(text, 7, u'-') || day > daysInMonth(year, month)) {
        return std::nullopt;
    }
    qint64 ms = daysFromCivil(year, month, day) * 86'400'000;
    if (text.size() == 10)
        return ms;

    // THH:MM[:SS[.fff…]]
    if (!at(text, 10, u'T'))
        return std::nullopt;
    const int hour = digits(text, 11, 2);
    const int minute = digits(text, 14, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || !at(text, 13, u':'))
        return std::nullopt;
    qsizetype pos = 16;
    int second = 0;
    int milli = 0;
    if (at(text, pos, u':')) {
        second = digits(text, pos + 1, 2);
        if (second < 0 || second > 59)
            return std::nullopt;
        pos += 3;
        if (at(text, pos, u'.')) {
            ++pos;
            int fractionDigits = 0;
            for (; isDigit(text, pos); ++pos, ++fractionDigits) {
                if (fractionDigits < 3)
                    milli = milli * 10 + int(unit(text, pos) - U'0');
            }
            if (fractionDigits == 0)
                return std::nullopt;
            for (int i = fractionDigits; i < 3; ++i)
                milli *= 10;
        }
    }
    ms += ((hour * 60 + minute) * 60 + second) * qint64(1000) + milli;

    // Z, ±HH:MM, ±HHMM, ±HH or nothing (UTC).
    if (pos == text.size())
        return ms;
    if (at(text, pos, u'Z'))
        return pos + 1 == text.size() ? std::optional<qint64>(ms) : std::nullopt;
    const bool plus = at(text, pos, u'+');
    if (!plus && !at(text, pos, u'-'))
        return std::nullopt;
    const int offsetHours = digits(text, pos + 1, 2);
    if (offsetHours < 0 || offsetHours > 23)
        return std::nullopt;
    pos += 3;
    int offsetMinutes = 0;
    if (pos < text.size()) {
        if (at(text, pos, u':'))
            ++pos;
        offsetMinutes = digits(text, pos, 2);
        if (offsetMinutes < 0 || offsetMinutes > 59 || pos + 2 != text.size())
            return std::nullopt;
    }
    const qint64 offsetMs = (offsetHours * 60 + offsetMinutes) * qint64(60'000);
    // 10:00+02:00 is 08:00 UTC.
    return plus ? ms - offsetMs : ms + offsetMs;
}

} // namespace

std::optional<qint64> parseIsoInstant(QStringView text)
{
    return parse(text);
}

std::optional<qint64> parseIsoInstantUtf8(QByteArrayView text)
{
    return parse(text);
}

} // namespace outflow
