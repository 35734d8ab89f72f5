#pragma once

#include <optional>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace outflow {

// The alert kinds of DESIGN §2, with their CLI/JSON identifiers.
enum class AlertKind : quint8 {
    DeliveryFailureRate,   // "delivery-failure-rate"
    DeliveryDelay,         // "delivery-delay"
    SloAtRisk,             // "slo-at-risk"
    ActivationSkippedRate, // "activation-skipped-rate"
    AuthFailure,           // "auth-failure"
    EndpointTimeouts,      // "endpoint-timeouts"
    CertificateExpiry,     // "certificate-expiry"
    DestinationDisabled,   // "destination-disabled"
};

QString alertKindId(AlertKind kind);
std::optional<AlertKind> alertKindFromId(QStringView id);
QList<AlertKind> allAlertKinds();

// When each kind fires. The defaults are the issue's; a destination may
// override any of them.
struct AlertThresholds
{
    double failureRate = 0.05;             // failed / attempts over the short window, above
    qint64 delayMs = 10LL * 60 * 1000;     // oldest pending export older than this
    double sloTarget = 0.95;               // SLO attainment below this over the rolling hour
    double skippedRate = 0.01;             // excluded / received over the rolling hour, above
    int authFailures = 3;                  // token errors or 401/403 in a row, at least
    double timeoutRate = 0.10;             // timeouts / attempts over the short window, above
    int certificateDays = 30;              // client certificate expiring within, or expired
    qint64 minimumAttempts = 20;           // rates need this many attempts to mean anything
    qint64 sloTargetMs = 10LL * 60 * 1000; // delivered within this long after commit: on time
};

// What the rules look at for one dataflow at one moment (monitoring fills it
// from its windows and live values).
struct DataflowFigures
{
    // The short window (5 minutes): delivery attempts and their outcomes.
    qint64 attempts = 0;
    qint64 failed = 0;   // attempts that ended in an error (retried or not)
    qint64 timeouts = 0; // attempts that timed out
    // The rolling hour: activation.
    qint64 received = 0;
    qint64 excluded = 0;
    double sloAttainment = -1; // share delivered within the SLO target; < 0: no data
    // Live values.
    qint64 oldestPendingMs = 0;
    int consecutiveAuthFailures = 0;
    std::optional<int> certificateDaysLeft; // negative: expired; unset: no client certificate
    bool enabled = true;
};

// One kind's verdict: whether its condition holds now, the figures behind
// it, and a sentence for the administrator saying what happened and what to do.
struct AlertCondition
{
    AlertKind kind = AlertKind::DeliveryFailureRate;
    bool active = false;
    QJsonObject figures;
    QString message;
};

// Evaluates every kind for one destination's figures (pure: no state; the
// AlertTracker turns verdicts into raised/resolved alerts).
class AlertRules
{
    Q_DECLARE_TR_FUNCTIONS(AlertRules)

public:
    static QList<AlertCondition> evaluate(const QString &destinationName,
                                          const DataflowFigures &figures,
                                          const AlertThresholds &thresholds = {});

    // The defaults with a destination's overrides (Destination::alertThresholds:
    // "delivery-failure-rate" → "2%" or "0.02", "delivery-delay" → "90s",
    // "auth-failure" → "5", "slo-target" → "10m"…). Nullopt, with `error`
    // naming the key and the value, when one does not parse.
    static std::optional<AlertThresholds> thresholds(const QMap<QString, QString> &overrides,
                                                     QString *error = nullptr);
    // The keys thresholds() accepts, each with the form of its value.
    static QStringList thresholdKeys();
    // Whether thresholds() accepts `key` ("delivery-delay"…).
    static bool isThresholdKey(const QString &key);
};

} // namespace outflow
