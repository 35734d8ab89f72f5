// Per-destination alert thresholds as administrators write them (issue #7
// item 3): rates as "2%" or "0.02", durations as "500ms", "90s", "10m", "1h",
// counts and days as whole numbers.
#include "alertrules.h"

#include <algorithm>
#include <QRegularExpression>

namespace outflow {

namespace {

enum class Form : quint8 { Rate, Duration, Count };

struct ThresholdKey
{
    const char *key;
    Form form;
};

constexpr ThresholdKey kKeys[] = {
    {"delivery-failure-rate", Form::Rate},
    {"delivery-delay", Form::Duration},
    {"slo-at-risk", Form::Rate},
    {"slo-target", Form::Duration},
    {"activation-skipped-rate", Form::Rate},
    {"auth-failure", Form::Count},
    {"endpoint-timeouts", Form::Rate},
    {"certificate-expiry", Form::Count},
};

std::optional<double> parseRate(QString text)
{
    text = text.trimmed();
    const bool percent = text.endsWith(QLatin1Char('%'));
    if (percent)
        text.chop(1);
    bool ok = false;
    double value = text.trimmed().toDouble(&ok);
    if (percent)
        value /= 100.0;
    if (!ok || value < 0 || value > 1)
        return std::nullopt;
    return value;
}

std::optional<qint64> parseDuration(const QString &text)
{
    static const QRegularExpression form(QStringLiteral("^\\s*(\\d{1,9})\\s*(ms|s|m|h)\\s*$"));
    const QRegularExpressionMatch match = form.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const qint64 n = match.captured(1).toLongLong();
    const QString unit = match.captured(2);
    const qint64 scale = unit == QLatin1String("ms")  ? 1
                         : unit == QLatin1String("s") ? 1000
                         : unit == QLatin1String("m") ? 60'000
                                                      : 3'600'000;
    if (n <= 0)
        return std::nullopt;
    return n * scale;
}

std::optional<qint64> parseCount(const QString &text)
{
    bool ok = false;
    const qint64 n = text.trimmed().toLongLong(&ok);
    if (!ok || n < 0 || n > 100'000)
        return std::nullopt;
    return n;
}

} // namespace

QStringList AlertRules::thresholdKeys()
{
    QStringList keys;
    for (const ThresholdKey &k : kKeys) {
        const QString form = k.form == Form::Rate       ? tr("a share: 2% or 0.02")
                             : k.form == Form::Duration ? tr("a duration: 500ms, 90s, 10m, 1h")
                                                        : tr("a whole number");
        keys << QStringLiteral("%1 (%2)").arg(QLatin1String(k.key), form);
    }
    return keys;
}

bool AlertRules::isThresholdKey(const QString &key)
{
    return std::any_of(std::cbegin(kKeys), std::cend(kKeys),
                       [&key](const ThresholdKey &k) { return key == QLatin1String(k.key); });
}

std::optional<AlertThresholds> AlertRules::thresholds(const QMap<QString, QString> &overrides,
                                                      QString *error)
{
    AlertThresholds t;
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it) {
        const ThresholdKey *key = nullptr;
        for (const ThresholdKey &k : kKeys) {
            if (it.key() == QLatin1String(k.key))
                key = &k;
        }
        if (!key) {
            if (error)
                *error = tr("alert threshold “%1”: unknown; use one of %2.")
                             .arg(it.key(), thresholdKeys().join(QLatin1String(", ")));
            return std::nullopt;
        }
        const QString &text = it.value();
        bool ok = true;
        switch (key->form) {
        case Form::Rate:
            if (const std::optional<double> rate = parseRate(text)) {
                const QString id = it.key();
                if (id == QLatin1String("delivery-failure-rate"))
                    t.failureRate = *rate;
                else if (id == QLatin1String("slo-at-risk"))
                    t.sloTarget = *rate;
                else if (id == QLatin1String("activation-skipped-rate"))
                    t.skippedRate = *rate;
                else
                    t.timeoutRate = *rate;
            } else {
                ok = false;
            }
            break;
        case Form::Duration:
            if (const std::optional<qint64> ms = parseDuration(text))
                (it.key() == QLatin1String("delivery-delay") ? t.delayMs : t.sloTargetMs) = *ms;
            else
                ok = false;
            break;
        case Form::Count:
            if (const std::optional<qint64> n = parseCount(text);
                n && (*n > 0 || it.key() != QLatin1String("auth-failure")))
                (it.key() == QLatin1String("auth-failure") ? t.authFailures : t.certificateDays) =
                    int(*n);
            else
                ok = false;
            break;
        }
        if (!ok) {
            if (error) {
                const QString form = key->form == Form::Rate ? tr("a share from 0% to 100%, as "
                                                                  "2% or 0.02")
                                     : key->form == Form::Duration
                                         ? tr("a duration such as 500ms, 90s, 10m or 1h")
                                         : tr("a whole number");
                *error = tr("alert threshold “%1”: “%2” is not %3.").arg(it.key(), text, form);
            }
            return std::nullopt;
        }
    }
    return t;
}

} // namespace outflow
