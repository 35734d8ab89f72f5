#pragma once

#include "alertrules.h"

#include <optional>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace outflow {

// One alert (DESIGN §2, Alerts): raised once when its condition starts to
// hold, updated while it lasts, resolved when it clears.
struct Alert
{
    enum class State : quint8 { Active, Resolved };

    QString id; // UUID, stable for the alert's life
    AlertKind kind = AlertKind::DeliveryFailureRate;
    QString destinationId;
    QString destinationName;
    State state = State::Active;
    qint64 raisedAt = 0;   // UNIX ms
    qint64 updatedAt = 0;  // UNIX ms: the figures' last change
    qint64 resolvedAt = 0; // UNIX ms; 0 while active
    // UNIX ms; 0: not acknowledged. An acknowledged alert stays active until
    // its condition clears, but is no longer announced (desktop, tray).
    qint64 acknowledgedAt = 0;
    QString message; // what happened and what to do
    QJsonObject figures;

    bool isActive() const { return state == State::Active; }
    bool isAcknowledged() const { return acknowledgedAt > 0; }
};

// The alert as `outflowctl alerts --json`, `status --json` and
// `run --alert-command` show it: kind and state by identifier, times in ISO
// 8601 UTC (acknowledgedAt null when not acknowledged), figures as they were
// judged.
QJsonObject alertToJson(const Alert &alert);

// Turns the rules' verdicts into alert lifecycles without floods: a kind
// whose condition keeps holding stays one alert; a new alert is raised only
// after the previous one resolved. Pure state: the monitoring stage stores
// the events and hands raised ones to the subscribed notifiers.
class AlertTracker
{
public:
    enum class Change : quint8 { Raised, Updated, Resolved };
    struct Event
    {
        Change change = Change::Raised;
        Alert alert;
    };

    // The alerts still active when the store was last written (a restart
    // must not raise them again).
    void restore(const QList<Alert> &active);

    // Applies one destination's verdicts at `nowMs`.
    QList<Event> apply(const QString &destinationId, const QString &destinationName,
                       const QList<AlertCondition> &verdicts, qint64 nowMs);
    // Resolves every alert of a destination that no longer exists.
    QList<Event> forget(const QString &destinationId, qint64 nowMs);
    // Marks the active alert with this id acknowledged at `nowMs` (the first
    // acknowledgement's time is kept): its updates keep it, and the next
    // alert of its kind, raised after it resolved, starts unacknowledged.
    // The alert as it now is; nullopt when no active alert has this id.
    std::optional<Alert> acknowledge(const QString &alertId, qint64 nowMs);

    QList<Alert> active() const;

private:
    static QString key(const QString &destinationId, AlertKind kind);
    QHash<QString, Alert> m_active; // by key()
};

} // namespace outflow

Q_DECLARE_METATYPE(outflow::Alert)
