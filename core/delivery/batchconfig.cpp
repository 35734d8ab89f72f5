// Batched delivery's options (issue #22): parsing and ranges.
#include "batchconfig.h"

#include "configerrors_p.h"

#include <QLocale>
#include <QRegularExpression>

namespace outflow {
namespace {

using config_p::fail;
using config_p::fieldError;
using config_p::quoted;
using config_p::reject;

const QString exportsField = QStringLiteral("batch-max-exports");
const QString ageField = QStringLiteral("batch-max-age");
const QString bytesField = QStringLiteral("batch-max-bytes");

// "<digits> <unit>", the unit optional; nullopt when the form is not that.
std::optional<std::pair<qint64, QString>> numberAndUnit(const QString &text)
{
    static const QRegularExpression form(QStringLiteral("^\\s*(\\d{1,12})\\s*([A-Za-z]*)\\s*$"));
    const QRegularExpressionMatch match = form.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    return std::pair{match.captured(1).toLongLong(), match.captured(2).toLower()};
}

bool exportsInRange(int value, QString *error)
{
    if (value >= 1 && value <= BatchLimits::MaxExports)
        return true;
    return reject(error,
                  fieldError(exportsField, DestinationConfig::tr("%1 is out of range: use 1 (one "
                                                                 "profile per request) to %2")
                                               .arg(value)
                                               .arg(BatchLimits::MaxExports)));
}

bool ageInRange(qint64 ms, QString *error)
{
    if (ms >= 0 && ms <= BatchLimits::MaxAgeMs)
        return true;
    return reject(error,
                  fieldError(ageField, DestinationConfig::tr("%1 is out of range: use 0 ms to %2")
                                           .arg(batchAgeText(int(std::min<qint64>(ms, 1 << 30))),
                                                batchAgeText(BatchLimits::MaxAgeMs))));
}

bool bytesInRange(qint64 bytes, QString *error)
{
    if (bytes >= BatchLimits::MinBytes && bytes <= BatchLimits::MaxBytes)
        return true;
    return reject(error, fieldError(bytesField, DestinationConfig::tr("%1 bytes is out of range: "
                                                                      "use %2 to %3")
                                                    .arg(bytes)
                                                    .arg(batchBytesText(BatchLimits::MinBytes),
                                                         batchBytesText(BatchLimits::MaxBytes))));
}

} // namespace

std::optional<int> parseBatchMaxExports(const QString &text, QString *error)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok)
        return fail(
            error, fieldError(exportsField,
                              DestinationConfig::tr("%1 is not a whole number").arg(quoted(text))));
    if (!exportsInRange(value, error))
        return std::nullopt;
    return value;
}

std::optional<int> parseBatchMaxAge(const QString &text, QString *error)
{
    const auto parsed = numberAndUnit(text);
    qint64 scale = 0;
    if (parsed) {
        const QString &unit = parsed->second;
        scale = unit.isEmpty() || unit == u"ms" ? 1
                : unit == u"s"                  ? 1000
                : unit == u"m"                  ? 60'000
                                                : 0;
    }
    if (scale == 0)
        return fail(error, fieldError(ageField, DestinationConfig::tr("%1 is not a duration: write "
                                                                      "e.g. 250ms, 2s or 1m")
                                                    .arg(quoted(text))));
    const qint64 ms = parsed->first * scale;
    if (!ageInRange(ms, error))
        return std::nullopt;
    return int(ms);
}

std::optional<int> parseBatchMaxBytes(const QString &text, QString *error)
{
    const auto parsed = numberAndUnit(text);
    qint64 scale = 0;
    if (parsed) {
        const QString &unit = parsed->second;
        scale = unit.isEmpty() || unit == u"b" ? 1
                : unit == u"kib"               ? 1024
                : unit == u"mib"               ? 1024 * 1024
                : unit == u"kb"                ? 1000
                : unit == u"mb"                ? 1000 * 1000
                                               : 0;
    }
    if (scale == 0)
        return fail(error, fieldError(bytesField, DestinationConfig::tr("%1 is not a size: write "
                                                                        "e.g. 1048576, 512KiB or "
                                                                        "1MiB")
                                                      .arg(quoted(text))));
    const qint64 bytes = parsed->first * scale;
    if (!bytesInRange(bytes, error))
        return std::nullopt;
    return int(bytes);
}

bool validateBatching(const Destination &d, QString *error)
{
    return exportsInRange(d.batchMaxExports, error) && ageInRange(d.batchMaxAgeMs, error) &&
           bytesInRange(d.batchMaxBytes, error);
}

QString batchAgeText(int ms)
{
    if (ms >= 1000 && ms % 100 == 0)
        return DestinationConfig::tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'g', 6));
    return DestinationConfig::tr("%1 ms").arg(ms);
}

QString batchBytesText(int bytes)
{
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
        return DestinationConfig::tr("%1 MiB").arg(bytes / (1024 * 1024));
    if (bytes >= 1024 && bytes % 1024 == 0)
        return DestinationConfig::tr("%1 KiB").arg(bytes / 1024);
    return DestinationConfig::tr("%1 B").arg(bytes);
}

} // namespace outflow
