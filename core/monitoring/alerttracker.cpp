#include "alerttracker.h"

#include <QDateTime>
#include <QUuid>

namespace outflow {

QJsonObject alertToJson(const Alert &alert)
{
    const auto iso = [](qint64 ms) {
        return ms > 0
                   ? QJsonValue(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate))
                   : QJsonValue();
    };
    return QJsonObject{
        {QStringLiteral("id"), alert.id},
        {QStringLiteral("kind"), alertKindId(alert.kind)},
        {QStringLiteral("destination"), alert.destinationName},
        {QStringLiteral("destinationId"), alert.destinationId},
        {QStringLiteral("state"),
         alert.isActive() ? QStringLiteral("active") : QStringLiteral("resolved")},
        {QStringLiteral("raisedAt"), iso(alert.raisedAt)},
        {QStringLiteral("updatedAt"), iso(alert.updatedAt)},
        {QStringLiteral("resolvedAt"), alert.isActive() ? QJsonValue() : iso(alert.resolvedAt)},
        {QStringLiteral("acknowledgedAt"), iso(alert.acknowledgedAt)},
        {QStringLiteral("message"), alert.message},
        {QStringLiteral("figures"), alert.figures}};
}

QString AlertTracker::key(const QString &destinationId, AlertKind kind)
{
    return destinationId + QLatin1Char('/') + alertKindId(kind);
}

void AlertTracker::restore(const QList<Alert> &active)
{
    for (const Alert &alert : active) {
        if (alert.isActive())
            m_active.insert(key(alert.destinationId, alert.kind), alert);
    }
}

QList<AlertTracker::Event> AlertTracker::apply(const QString &destinationId,
                                               const QString &destinationName,
                                               const QList<AlertCondition> &verdicts, qint64 nowMs)
{
    QList<Event> events;
    for (const AlertCondition &verdict : verdicts) {
        const QString k = key(destinationId, verdict.kind);
        const auto it = m_active.find(k);
        if (verdict.active && it == m_active.end()) {
            Alert alert;
            alert.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            alert.kind = verdict.kind;
            alert.destinationId = destinationId;
            alert.destinationName = destinationName;
            alert.raisedAt = alert.updatedAt = nowMs;
            alert.message = verdict.message;
            alert.figures = verdict.figures;
            m_active.insert(k, alert);
            events.append({Change::Raised, alert});
        } else if (verdict.active) {
            // Still holding: one alert, its figures kept current.
            if (it->figures != verdict.figures || it->message != verdict.message) {
                it->figures = verdict.figures;
                it->message = verdict.message;
                it->updatedAt = nowMs;
                events.append({Change::Updated, *it});
            }
        } else if (it != m_active.end()) {
            Alert alert = *it;
            m_active.erase(it);
            alert.state = Alert::State::Resolved;
            alert.resolvedAt = alert.updatedAt = nowMs;
            events.append({Change::Resolved, alert});
        }
    }
    return events;
}

QList<AlertTracker::Event> AlertTracker::forget(const QString &destinationId, qint64 nowMs)
{
    QList<Event> events;
    for (auto it = m_active.begin(); it != m_active.end();) {
        if (it->destinationId != destinationId) {
            ++it;
            continue;
        }
        Alert alert = *it;
        it = m_active.erase(it);
        alert.state = Alert::State::Resolved;
        alert.resolvedAt = alert.updatedAt = nowMs;
        events.append({Change::Resolved, alert});
    }
    return events;
}

std::optional<Alert> AlertTracker::acknowledge(const QString &alertId, qint64 nowMs)
{
    for (Alert &alert : m_active) {
        if (alert.id != alertId)
            continue;
        if (!alert.isAcknowledged())
            alert.acknowledgedAt = nowMs;
        return alert;
    }
    return std::nullopt;
}

QList<Alert> AlertTracker::active() const
{
    return m_active.values();
}

} // namespace outflow
