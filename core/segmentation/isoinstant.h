#pragma once

#include <optional>
#include <QByteArrayView>
#include <QStringView>

namespace outflow {

// Parses an ISO-8601 date or date-time into milliseconds since the epoch (UTC):
//   2024-01-31                       midnight UTC
//   2024-01-31T10:00, T10:00:00, T10:00:00.123456
//   … followed by Z, ±HH:MM, ±HHMM or ±HH; without a zone the time is UTC.
// The whole text must match; days are checked against their month (leap
// years included); fractions beyond milliseconds are truncated.
//
// Hand-written rather than QDateTime::fromString because the rule evaluator
// parses profile values with it about a million times a second: this one
// neither allocates nor consults time-zone data.
std::optional<qint64> parseIsoInstant(QStringView text);
// The same over UTF-8 (a string read from an AttributeTree's JSON text).
std::optional<qint64> parseIsoInstantUtf8(QByteArrayView text);

} // namespace outflow
