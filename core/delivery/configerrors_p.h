#pragma once

// Shared by the destination configuration's parsers: how their errors are
// worded, so that every one names its field (and its entry) the same way.

#include "destinationconfig.h"

#include <optional>
#include <QString>

namespace outflow::config_p {

// Entries longer than this are cut in messages: the person recognizes the
// entry from its start, and a pasted blob does not flood the terminal.
constexpr qsizetype MaxShownEntry = 60;

inline QString quoted(const QString &text)
{
    return DestinationConfig::tr("\"%1\"").arg(text);
}

inline QString shortened(const QString &text)
{
    return text.size() <= MaxShownEntry ? text : text.left(MaxShownEntry - 1) + QChar(0x2026);
}

// "headers: the value …"
inline QString fieldError(const QString &field, const QString &message)
{
    return DestinationConfig::tr("%1: %2").arg(field, message);
}

// `headers: entry 2 ("X Bad:1"): …`
inline QString entryError(const QString &field, int position, const QString &entry,
                          const QString &message)
{
    return DestinationConfig::tr("%1: entry %2 (%3): %4")
        .arg(field, QString::number(position), quoted(shortened(entry)), message);
}

// Sets the error (when asked for) and returns the failure of an optional…
inline std::nullopt_t fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

// … or of a check.
inline bool reject(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace outflow::config_p
