#pragma once

// Batched delivery's options (issue #22): how many exports one request may
// carry, how long the first of them may wait for others, and how large the
// body may grow. Parsed from what an administrator types (the CLI, the
// wizard) and checked as part of validateDestination(). Errors name the
// option as the CLI spells it ("batch-max-exports: …"), like every error of
// destinationconfig.h. Pure functions, any thread.
#include "model/destination.h"

#include <optional>
#include <QString>

namespace outflow {

struct BatchLimits
{
    static constexpr int MaxExports = 10'000;
    static constexpr int MaxAgeMs = 60'000;
    static constexpr int MinBytes = 1024;
    static constexpr int MaxBytes = 64 * 1024 * 1024;
};

// A whole number from 1 (one profile per request, the default) to
// BatchLimits::MaxExports.
std::optional<int> parseBatchMaxExports(const QString &text, QString *error);
// A duration: "250ms", "2s", "1m", or a bare number of milliseconds; 0 (a
// batch leaves with whatever is there) to BatchLimits::MaxAgeMs.
std::optional<int> parseBatchMaxAge(const QString &text, QString *error);
// A size: bytes, or with a unit: "B", "KiB", "MiB" (1024-based), "kB", "MB"
// (1000-based), case aside, blanks allowed before the unit; from
// BatchLimits::MinBytes to BatchLimits::MaxBytes.
std::optional<int> parseBatchMaxBytes(const QString &text, QString *error);

// The three values of a destination within their ranges.
bool validateBatching(const Destination &destination, QString *error);

// For display: "1.5 s", "250 ms"; "1 MiB", "512 KiB", "1000 B".
QString batchAgeText(int ms);
QString batchBytesText(int bytes);

} // namespace outflow
