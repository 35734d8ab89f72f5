// Monitoring figures and alerts. Written once per minute and per alert
// change, read by `status`, `alerts` and the GUI's snapshots: plain QtSql
// queries, prepared per call.
#include "sqlitestore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace outflow {

namespace {

QString resolutionName(MetricsBucket::Resolution resolution)
{
    return resolution == MetricsBucket::Resolution::Minute ? QStringLiteral("minute")
                                                           : QStringLiteral("hour");
}

constexpr const char *kMetricsColumns =
    "dataflow_id, resolution, period_start, received, created, excluded, attempts, delivered,"
    " failed, retried, timeouts, on_time, excluded_by, latency, suppressed, backlog_max,"
    " oldest_pending_max_ms";

MetricsBucket bucketFromRow(const QSqlQuery &q)
{
    MetricsBucket b;
    b.dataflowId = q.value(0).toString();
    b.resolution = q.value(1).toString() == QLatin1String("hour")
                       ? MetricsBucket::Resolution::Hour
                       : MetricsBucket::Resolution::Minute;
    b.periodStart = q.value(2).toLongLong();
    b.received = q.value(3).toLongLong();
    b.created = q.value(4).toLongLong();
    b.excluded = q.value(5).toLongLong();
    b.attempts = q.value(6).toLongLong();
    b.delivered = q.value(7).toLongLong();
    b.failed = q.value(8).toLongLong();
    b.retried = q.value(9).toLongLong();
    b.timeouts = q.value(10).toLongLong();
    b.onTime = q.value(11).toLongLong();
    // Most minutes exclude nothing ("{}"): no JSON parser for them (a week
    // of minutes is read at once for the Monitoring page, issue #18).
    if (const QByteArray reasonsJson = q.value(12).toByteArray(); reasonsJson.size() > 2) {
        const QJsonObject reasons = QJsonDocument::fromJson(reasonsJson).object();
        for (auto it = reasons.begin(); it != reasons.end(); ++it)
            b.excludedBy.insert(it.key(), it.value().toInteger());
    }
    if (const QByteArray latency = q.value(13).toByteArray(); !latency.isEmpty())
        b.latency = LatencyHistogram::fromText(latency);
    b.suppressed = q.value(14).toLongLong();
    b.backlogMax = q.value(15).toLongLong();
    b.oldestPendingMaxMs = q.value(16).toLongLong();
    return b;
}

void bindBucket(QSqlQuery &q, const MetricsBucket &b)
{
    QJsonObject reasons;
    for (auto it = b.excludedBy.cbegin(); it != b.excludedBy.cend(); ++it)
        reasons.insert(it.key(), it.value());
    const QVariantList values{
        b.dataflowId,
        resolutionName(b.resolution),
        b.periodStart,
        b.received,
        b.created,
        b.excluded,
        b.attempts,
        b.delivered,
        b.failed,
        b.retried,
        b.timeouts,
        b.onTime,
        QString::fromUtf8(QJsonDocument(reasons).toJson(QJsonDocument::Compact)),
        QString::fromLatin1(b.latency.toText()),
        b.suppressed,
        b.backlogMax,
        b.oldestPendingMaxMs};
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
}

Alert alertFromRow(const QSqlQuery &q)
{
    Alert a;
    a.id = q.value(0).toString();
    a.kind = alertKindFromId(q.value(1).toString()).value_or(AlertKind::DeliveryFailureRate);
    a.destinationId = q.value(2).toString();
    a.destinationName = q.value(3).toString();
    a.state = q.value(4).toString() == QLatin1String("resolved") ? Alert::State::Resolved
                                                                 : Alert::State::Active;
    a.raisedAt = q.value(5).toLongLong();
    a.updatedAt = q.value(6).toLongLong();
    a.resolvedAt = q.value(7).toLongLong();
    a.message = q.value(8).toString();
    a.figures = QJsonDocument::fromJson(q.value(9).toByteArray()).object();
    a.acknowledgedAt = q.value(10).toLongLong();
    return a;
}

constexpr const char *kAlertColumns =
    "id, kind, destination_id, destination_name, state, raised_at, updated_at,"
    " COALESCE(resolved_at, 0), message, figures, acknowledged_at";

} // namespace

bool SqliteStore::addMetrics(const MetricsBucket &bucket)
{
    if (!isOpen())
        return false;
    // Read, add, write: a bucket row is written about once a minute.
    QSqlQuery read(m_db);
    read.prepare(QStringLiteral("SELECT %1 FROM metrics WHERE dataflow_id = ? AND resolution = ?"
                                " AND period_start = ?")
                     .arg(QLatin1String(kMetricsColumns)));
    read.bindValue(0, bucket.dataflowId);
    read.bindValue(1, resolutionName(bucket.resolution));
    read.bindValue(2, bucket.periodStart);
    if (!exec(read))
        return false;
    MetricsBucket total = bucket;
    if (read.next()) {
        total = bucketFromRow(read);
        total.add(bucket);
    }
    read.finish();
    QSqlQuery write(m_db);
    write.prepare(QStringLiteral("INSERT OR REPLACE INTO metrics (%1) VALUES"
                                 " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                      .arg(QLatin1String(kMetricsColumns)));
    bindBucket(write, total);
    return exec(write);
}

QList<MetricsBucket> SqliteStore::metrics(const QString &dataflowId,
                                          MetricsBucket::Resolution resolution, qint64 fromMs,
                                          qint64 toMs)
{
    QList<MetricsBucket> buckets;
    m_error.clear();
    if (!isOpen())
        return buckets;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM metrics WHERE dataflow_id = ? AND resolution = ?"
                             " AND period_start >= ? AND period_start < ? ORDER BY period_start")
                  .arg(QLatin1String(kMetricsColumns)));
    q.bindValue(0, dataflowId);
    q.bindValue(1, resolutionName(resolution));
    q.bindValue(2, fromMs);
    q.bindValue(3, toMs);
    if (!exec(q))
        return buckets;
    while (q.next())
        buckets.append(bucketFromRow(q));
    return buckets;
}

QList<MetricsBucket> SqliteStore::minutesByHour(const QString &dataflowId, qint64 fromMs,
                                                qint64 toMs)
{
    QList<MetricsBucket> hours;
    m_error.clear();
    if (!isOpen())
        return hours;
    // Counts summed and gauges maxed by SQLite; the reasons' JSON objects
    // and the histograms' texts of the hour concatenated (most minutes have
    // neither), then added up here once per hour.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT period_start - period_start % 3600000 AS hour, SUM(received), SUM(created),"
        " SUM(excluded), SUM(attempts), SUM(delivered), SUM(failed), SUM(retried),"
        " SUM(timeouts), SUM(on_time),"
        " group_concat(CASE WHEN excluded_by <> '{}' THEN excluded_by END, ','),"
        " group_concat(NULLIF(latency, ''), ','), SUM(suppressed), MAX(backlog_max),"
        " MAX(oldest_pending_max_ms)"
        " FROM metrics WHERE dataflow_id = ? AND resolution = 'minute'"
        " AND period_start >= ? AND period_start < ? GROUP BY hour ORDER BY hour"));
    q.bindValue(0, dataflowId);
    q.bindValue(1, fromMs);
    q.bindValue(2, toMs);
    if (!exec(q))
        return hours;
    while (q.next()) {
        MetricsBucket b;
        b.dataflowId = dataflowId;
        b.resolution = MetricsBucket::Resolution::Hour;
        b.periodStart = q.value(0).toLongLong();
        b.received = q.value(1).toLongLong();
        b.created = q.value(2).toLongLong();
        b.excluded = q.value(3).toLongLong();
        b.attempts = q.value(4).toLongLong();
        b.delivered = q.value(5).toLongLong();
        b.failed = q.value(6).toLongLong();
        b.retried = q.value(7).toLongLong();
        b.timeouts = q.value(8).toLongLong();
        b.onTime = q.value(9).toLongLong();
        if (const QByteArray reasons = q.value(10).toByteArray(); !reasons.isEmpty()) {
            const QJsonArray minutes = QJsonDocument::fromJson('[' + reasons + ']').array();
            for (const QJsonValue &minute : minutes) {
                const QJsonObject counts = minute.toObject();
                for (auto it = counts.begin(); it != counts.end(); ++it)
                    b.excludedBy[it.key()] += it.value().toInteger();
            }
        }
        if (const QByteArray latency = q.value(11).toByteArray(); !latency.isEmpty())
            b.latency = LatencyHistogram::fromText(latency);
        b.suppressed = q.value(12).toLongLong();
        b.backlogMax = q.value(13).toLongLong();
        b.oldestPendingMaxMs = q.value(14).toLongLong();
        hours.append(b);
    }
    return hours;
}

qint64 SqliteStore::rollUpMinutes(qint64 beforeMs)
{
    if (!isOpen())
        return -1;
    const bool own = !m_inTransaction;
    if (own && !begin())
        return -1;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM metrics WHERE resolution = 'minute'"
                             " AND period_start < ?")
                  .arg(QLatin1String(kMetricsColumns)));
    q.bindValue(0, beforeMs);
    QHash<QString, MetricsBucket> hours; // "dataflow/hour" → sum
    qint64 minutes = 0;
    bool ok = exec(q);
    while (ok && q.next()) {
        const MetricsBucket minute = bucketFromRow(q);
        const qint64 hour =
            MetricsBucket::periodOf(minute.periodStart, MetricsBucket::Resolution::Hour);
        MetricsBucket &sum = hours[minute.dataflowId + QLatin1Char('/') + QString::number(hour)];
        if (sum.dataflowId.isEmpty()) {
            sum.dataflowId = minute.dataflowId;
            sum.resolution = MetricsBucket::Resolution::Hour;
            sum.periodStart = hour;
        }
        sum.add(minute);
        ++minutes;
    }
    q.finish();
    for (auto it = hours.cbegin(); ok && it != hours.cend(); ++it)
        ok = addMetrics(it.value());
    if (ok) {
        QSqlQuery remove(m_db);
        remove.prepare(QStringLiteral("DELETE FROM metrics WHERE resolution = 'minute'"
                                      " AND period_start < ?"));
        remove.bindValue(0, beforeMs);
        ok = exec(remove);
    }
    if (own && (!ok || !commit())) {
        const QString error = m_error;
        rollback();
        m_error = error;
        return -1;
    }
    return ok ? minutes : -1;
}

qint64 SqliteStore::removeHoursBefore(qint64 beforeMs)
{
    if (!isOpen())
        return -1;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM metrics WHERE resolution = 'hour' AND period_start < ?"));
    q.bindValue(0, beforeMs);
    return exec(q) ? q.numRowsAffected() : -1;
}

bool SqliteStore::saveAlert(const Alert &alert)
{
    if (!isOpen())
        return false;
    QSqlQuery q(m_db);
    // An upsert, not a replace: the acknowledgement stored (by this process
    // or another) is never lost to an update made without it.
    q.prepare(QStringLiteral(
        "INSERT INTO alerts (id, kind, destination_id, destination_name, state, raised_at,"
        " updated_at, resolved_at, message, figures, acknowledged_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
        " kind = excluded.kind, destination_id = excluded.destination_id,"
        " destination_name = excluded.destination_name, state = excluded.state,"
        " raised_at = excluded.raised_at, updated_at = excluded.updated_at,"
        " resolved_at = excluded.resolved_at, message = excluded.message,"
        " figures = excluded.figures,"
        " acknowledged_at = CASE WHEN alerts.acknowledged_at > 0 THEN alerts.acknowledged_at"
        "  ELSE excluded.acknowledged_at END"));
    q.bindValue(0, alert.id);
    q.bindValue(1, alertKindId(alert.kind));
    q.bindValue(2, alert.destinationId);
    q.bindValue(3, alert.destinationName);
    q.bindValue(4, alert.isActive() ? QStringLiteral("active") : QStringLiteral("resolved"));
    q.bindValue(5, alert.raisedAt);
    q.bindValue(6, alert.updatedAt);
    q.bindValue(7, alert.isActive() ? QVariant(QMetaType(QMetaType::LongLong))
                                    : QVariant(alert.resolvedAt));
    q.bindValue(8, alert.message);
    q.bindValue(9, QString::fromUtf8(QJsonDocument(alert.figures).toJson(QJsonDocument::Compact)));
    q.bindValue(10, qMax<qint64>(0, alert.acknowledgedAt));
    return exec(q);
}

QList<Alert> SqliteStore::alerts(bool activeOnly, int limit)
{
    QList<Alert> result;
    m_error.clear();
    if (!isOpen())
        return result;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM alerts %2 ORDER BY raised_at DESC LIMIT ?")
                  .arg(QLatin1String(kAlertColumns),
                       activeOnly ? QStringLiteral("WHERE state = 'active'") : QString()));
    q.bindValue(0, limit);
    if (!exec(q))
        return result;
    while (q.next())
        result.append(alertFromRow(q));
    return result;
}

std::optional<Alert> SqliteStore::acknowledgeAlert(const QString &id, qint64 atMs)
{
    m_error.clear();
    if (!isOpen())
        return std::nullopt;
    QSqlQuery update(m_db);
    update.prepare(QStringLiteral("UPDATE alerts SET acknowledged_at = ?"
                                  " WHERE id = ? AND state = 'active' AND acknowledged_at = 0"));
    update.bindValue(0, atMs);
    update.bindValue(1, id);
    if (!exec(update))
        return std::nullopt;
    QSqlQuery read(m_db);
    read.setForwardOnly(true);
    read.prepare(
        QStringLiteral("SELECT %1 FROM alerts WHERE id = ?").arg(QLatin1String(kAlertColumns)));
    read.bindValue(0, id);
    if (!exec(read) || !read.next())
        return std::nullopt;
    return alertFromRow(read);
}

} // namespace outflow
