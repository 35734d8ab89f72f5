#include "alertrules.h"

namespace outflow {

namespace {

struct KindName
{
    AlertKind kind;
    const char *id;
};

constexpr KindName kKinds[] = {
    {AlertKind::DeliveryFailureRate, "delivery-failure-rate"},
    {AlertKind::DeliveryDelay, "delivery-delay"},
    {AlertKind::SloAtRisk, "slo-at-risk"},
    {AlertKind::ActivationSkippedRate, "activation-skipped-rate"},
    {AlertKind::AuthFailure, "auth-failure"},
    {AlertKind::EndpointTimeouts, "endpoint-timeouts"},
    {AlertKind::CertificateExpiry, "certificate-expiry"},
    {AlertKind::DestinationDisabled, "destination-disabled"},
};

QString percent(double share)
{
    return QString::number(share * 100, 'f', 1) + QLatin1Char('%');
}

// Minutes from a minute on, else seconds: "12 min", "45 s".
QString duration(qint64 ms)
{
    return ms >= 60'000 ? AlertRules::tr("%1 min").arg(ms / 60'000)
                        : AlertRules::tr("%1 s").arg(QString::number(double(ms) / 1000.0, 'g', 3));
}

} // namespace

QString alertKindId(AlertKind kind)
{
    for (const KindName &entry : kKinds) {
        if (entry.kind == kind)
            return QString::fromLatin1(entry.id);
    }
    return {};
}

std::optional<AlertKind> alertKindFromId(QStringView id)
{
    for (const KindName &entry : kKinds) {
        if (id == QLatin1String(entry.id))
            return entry.kind;
    }
    return std::nullopt;
}

QList<AlertKind> allAlertKinds()
{
    QList<AlertKind> kinds;
    for (const KindName &entry : kKinds)
        kinds.append(entry.kind);
    return kinds;
}

QList<AlertCondition> AlertRules::evaluate(const QString &name, const DataflowFigures &f,
                                           const AlertThresholds &t)
{
    QList<AlertCondition> verdicts;
    const auto add = [&](AlertKind kind, bool active, QJsonObject figures, const QString &message) {
        verdicts.append({kind, active, std::move(figures), active ? message : QString()});
    };
    // Rates compare strictly above the threshold ("> 1 %", exactly 1 % is
    // fine), and only over enough attempts for a share to mean something.
    const bool enoughAttempts = f.attempts >= t.minimumAttempts;
    const double failureRate = f.attempts > 0 ? double(f.failed) / double(f.attempts) : 0;
    add(AlertKind::DeliveryFailureRate, enoughAttempts && failureRate > t.failureRate,
        {{QStringLiteral("attempts"), f.attempts},
         {QStringLiteral("failed"), f.failed},
         {QStringLiteral("rate"), failureRate}},
        tr("%1: %2 of deliveries failed in the last 5 minutes (threshold %3). Check the "
           "destination's delivery log for the endpoint's answers.")
            .arg(name, percent(failureRate), percent(t.failureRate)));

    add(AlertKind::DeliveryDelay, f.oldestPendingMs > t.delayMs,
        {{QStringLiteral("oldestPendingMs"), f.oldestPendingMs}},
        tr("%1: the oldest export has waited %2 (threshold %3). The endpoint is too "
           "slow or unreachable; check its status and the failure rate.")
            .arg(name, duration(f.oldestPendingMs), duration(t.delayMs)));

    add(AlertKind::SloAtRisk, f.sloAttainment >= 0 && f.sloAttainment < t.sloTarget,
        {{QStringLiteral("attainment"), f.sloAttainment}, {QStringLiteral("target"), t.sloTarget}},
        tr("%1: only %2 of exports were delivered in time over the last hour (target %3). "
           "Look at the backlog and the endpoint's latency.")
            .arg(name, percent(qMax(0.0, f.sloAttainment)), percent(t.sloTarget)));

    const double skipped = f.received > 0 ? double(f.excluded) / double(f.received) : 0;
    add(AlertKind::ActivationSkippedRate, f.received > 0 && skipped > t.skippedRate,
        {{QStringLiteral("received"), f.received},
         {QStringLiteral("excluded"), f.excluded},
         {QStringLiteral("rate"), skipped}},
        tr("%1: %2 of profiles were excluded over the last hour (threshold %3), most often "
           "for a missing mandatory attribute. Check the mapping's mandatory attributes.")
            .arg(name, percent(skipped), percent(t.skippedRate)));

    add(AlertKind::AuthFailure, f.consecutiveAuthFailures >= t.authFailures,
        {{QStringLiteral("consecutiveFailures"), f.consecutiveAuthFailures}},
        tr("%1: authentication failed %2 times in a row. Check the credentials in the "
           "keychain and the token endpoint.")
            .arg(name)
            .arg(f.consecutiveAuthFailures));

    const double timeoutRate = f.attempts > 0 ? double(f.timeouts) / double(f.attempts) : 0;
    add(AlertKind::EndpointTimeouts, enoughAttempts && timeoutRate > t.timeoutRate,
        {{QStringLiteral("attempts"), f.attempts},
         {QStringLiteral("timeouts"), f.timeouts},
         {QStringLiteral("rate"), timeoutRate}},
        tr("%1: %2 of requests timed out in the last 5 minutes (threshold %3). The endpoint "
           "answers too slowly for the destination's timeout.")
            .arg(name, percent(timeoutRate), percent(t.timeoutRate)));

    const bool certificateDue =
        f.certificateDaysLeft && *f.certificateDaysLeft <= t.certificateDays;
    QJsonObject certificate;
    if (f.certificateDaysLeft)
        certificate.insert(QStringLiteral("daysLeft"), *f.certificateDaysLeft);
    add(AlertKind::CertificateExpiry, certificateDue, certificate,
        f.certificateDaysLeft && *f.certificateDaysLeft < 0
            ? tr("%1: the client certificate has expired. Install a renewed certificate "
                 "before the endpoint refuses every request.")
                  .arg(name)
            : tr("%1: the client certificate expires in %2 days. Renew it and update the "
                 "destination.")
                  .arg(name)
                  .arg(f.certificateDaysLeft.value_or(0)));

    add(AlertKind::DestinationDisabled, !f.enabled, {},
        tr("%1 is disabled: nothing is exported to it. Enable it when it should send again.")
            .arg(name));
    return verdicts;
}

} // namespace outflow
