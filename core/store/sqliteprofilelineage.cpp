// A profile's lineage (the Profiles page and `outflowctl profiles --why`,
// issue #17): the identity namespaces in use, a profile's exports still in a
// dataflow's outbox, and its entries in a destination's delivery log. Asked
// once per lookup by a person, never on the delivery path: plain QtSql
// queries, prepared at each call.
#include "sqlitestore.h"

#include <QSqlQuery>
#include <QVariant>

namespace outflow {

QStringList SqliteStore::identityNamespaces()
{
    QStringList namespaces;
    m_error.clear();
    if (!isOpen())
        return namespaces;
    // A skip scan of the identities' primary key (namespace, id): one probe
    // per namespace, where DISTINCT would read every identity.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "WITH RECURSIVE ns(name) AS (SELECT MIN(namespace) FROM identities"
        " UNION ALL SELECT (SELECT MIN(namespace) FROM identities WHERE namespace > ns.name)"
        " FROM ns WHERE ns.name IS NOT NULL)"
        " SELECT name FROM ns WHERE name IS NOT NULL"));
    if (!exec(q))
        return namespaces;
    while (q.next())
        namespaces.append(q.value(0).toString());
    return namespaces;
}

QList<QueuedExport> SqliteStore::queuedExportsOf(const QString &dataflowId, qint64 profileId)
{
    QList<QueuedExport> exports;
    m_error.clear();
    if (!isOpen())
        return exports;
    // On outbox_by_profile (dataflow_id, profile_id, id); a claimed export
    // is being sent whatever its state says.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT o.id, o.export_id, o.lane, o.state, o.attempts, o.next_attempt_at,"
        " o.last_attempt_at, o.last_status, o.last_error_kind, o.last_error,"
        " EXISTS (SELECT 1 FROM outbox_claims c WHERE c.id = o.id)"
        " FROM outbox o WHERE o.dataflow_id = ? AND o.profile_id = ? ORDER BY o.id"));
    q.bindValue(0, dataflowId);
    q.bindValue(1, profileId);
    if (!exec(q))
        return exports;
    while (q.next()) {
        QueuedExport e;
        e.sequence = q.value(0).toLongLong();
        e.exportId = q.value(1).toString();
        e.lane = exportLaneFromName(q.value(2).toString());
        const QString state = q.value(3).toString();
        e.state = q.value(10).toBool()               ? QueuedExport::State::Sending
                  : state == QLatin1String("failed") ? QueuedExport::State::Failed
                  : state == QLatin1String("retry")  ? QueuedExport::State::Retrying
                                                     : QueuedExport::State::Pending;
        e.attempts = q.value(4).toInt();
        e.nextAttemptAt = q.value(5).toLongLong();
        e.lastAttemptAt = q.value(6).toLongLong();
        e.httpStatus = q.value(7).toInt();
        e.errorKind = q.value(8).toString();
        e.error = q.value(9).toString();
        exports.append(std::move(e));
    }
    return exports;
}

QList<DeliveryLogEntry> SqliteStore::deliveryLogOf(const QString &destinationId, qint64 profileId,
                                                   int limit)
{
    QList<DeliveryLogEntry> entries;
    m_error.clear();
    if (!isOpen())
        return entries;
    // deliveries_by_destination (destination_id, id), newest first, the
    // profile filtered on the way: the log is bounded per destination
    // (DeliveryJournal, 10,000 entries by default), and an index by profile
    // would cost the sender a b-tree write per delivery.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT id, export_id, attempted_at, attempt, outcome, status, latency_ms, error_kind,"
        " error, lane FROM deliveries WHERE destination_id = ? AND profile_id = ?"
        " ORDER BY id DESC LIMIT ?"));
    q.bindValue(0, destinationId);
    q.bindValue(1, profileId);
    q.bindValue(2, limit);
    if (!exec(q))
        return entries;
    while (q.next()) {
        DeliveryLogEntry entry;
        entry.id = q.value(0).toLongLong();
        entry.destinationId = destinationId;
        entry.exportId = q.value(1).toString();
        entry.profileId = profileId;
        entry.attemptedAt = q.value(2).toLongLong();
        entry.attempt = q.value(3).toInt();
        const QString outcome = q.value(4).toString();
        entry.outcome = outcome == QLatin1String("failed")  ? DeliveryOutcome::Failed
                        : outcome == QLatin1String("retry") ? DeliveryOutcome::Retry
                                                            : DeliveryOutcome::Delivered;
        entry.httpStatus = q.value(5).toInt();
        entry.latencyMs = q.value(6).toLongLong();
        entry.errorKind = q.value(7).toString();
        entry.error = q.value(8).toString();
        entry.lane = exportLaneFromName(q.value(9).toString());
        entries.append(std::move(entry));
    }
    return entries;
}

} // namespace outflow
