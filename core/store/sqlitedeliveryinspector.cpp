// The delivery inspector's reads (issue #18): a filtered, paged view of the
// delivery logs across destinations, every attempt of one export, and one
// export still in the outbox with its body. Asked by a person a few times a
// second at most, never on the delivery path: plain QtSql queries, built and
// prepared at each call with only the conditions asked for.
//
// Query plans (EXPLAIN QUERY PLAN, checked by tst_deliverylogquery): one
// destination walks deliveries_by_destination (destination_id, id) backwards
// from `beforeId`; every destination walks the table's own key backwards.
// Failed and retried entries, the ones looked for most and the fewest, come
// from deliveries_not_delivered (destination_id, outcome, id), partial (schema
// version 11): a 2xx, the hot path, writes nothing to it. Measured on 10
// destinations × 10,000 entries, 1 % failed: "Failed" of one destination
// read 95 entries in 0.4 ms through it, 47 ms walking the destination's log.
// The search and the export's attempts are filtered on the way: the log is
// bounded per destination (DeliveryJournal, 10,000 entries by default), and
// an index by export id or profile would cost the sender a b-tree write per
// delivery (see schema version 5). The identity search probes the
// identities' primary key once per namespace in use.
#include "sqlitestore.h"

#include <algorithm>
#include <QSqlQuery>
#include <QVariant>

namespace outflow {

namespace {

// The columns readEntry() reads, `d` the deliveries row. The profile's
// identity: its first primary one, else its first one, both in the order of
// identities_by_profile (no sort per row); for a profile merged into
// another since, the survivor's.
const QLatin1StringView entryColumns(
    "d.id, d.destination_id, t.name, d.export_id, d.profile_id, d.attempted_at, d.attempt,"
    " d.outcome, d.status, d.latency_ms, d.error_kind, d.error, d.response_excerpt, d.lane,"
    " d.response_headers, d.batch_id,"
    " COALESCE((SELECT i.namespace || ':' || i.id FROM identities i"
    "  WHERE i.profile_id = d.profile_id AND i.is_primary = 1 ORDER BY i.position LIMIT 1),"
    " (SELECT i.namespace || ':' || i.id FROM identities i"
    "  WHERE i.profile_id = d.profile_id ORDER BY i.position LIMIT 1),"
    " (SELECT i.namespace || ':' || i.id FROM profile_merges m"
    "  JOIN identities i ON i.profile_id = m.survivor_id WHERE m.absorbed_id = d.profile_id"
    "  ORDER BY m.merged_at DESC, i.is_primary DESC, i.position LIMIT 1), '')"
    " FROM deliveries d LEFT JOIN destinations t ON t.id = d.destination_id");

DeliveryOutcome outcomeFromName(const QString &outcome)
{
    return outcome == QLatin1String("failed")  ? DeliveryOutcome::Failed
           : outcome == QLatin1String("retry") ? DeliveryOutcome::Retry
                                               : DeliveryOutcome::Delivered;
}

DeliveryLogEntry readEntry(const QSqlQuery &q)
{
    DeliveryLogEntry entry;
    entry.id = q.value(0).toLongLong();
    entry.destinationId = q.value(1).toString();
    entry.destinationName = q.value(2).toString();
    entry.exportId = q.value(3).toString();
    entry.profileId = q.value(4).toLongLong();
    entry.attemptedAt = q.value(5).toLongLong();
    entry.attempt = q.value(6).toInt();
    entry.outcome = outcomeFromName(q.value(7).toString());
    entry.httpStatus = q.value(8).toInt();
    entry.latencyMs = q.value(9).toLongLong();
    entry.errorKind = q.value(10).toString();
    entry.error = q.value(11).toString();
    entry.responseExcerpt = q.value(12).toString();
    entry.lane = exportLaneFromName(q.value(13).toString());
    entry.responseHeaders = q.value(14).toString();
    entry.batchId = q.value(15).toString();
    entry.profileIdentity = q.value(16).toString();
    return entry;
}

// A LIKE pattern matching `text` as a prefix (ESCAPE '\').
QString prefixPattern(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size() + 2);
    for (const QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_')
            escaped.append(u'\\');
        escaped.append(c);
    }
    return escaped + u'%';
}

bool isDigits(const QString &text)
{
    return !text.isEmpty() && text.size() <= 18 &&
           std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isDigit(); });
}

} // namespace

QList<DeliveryLogEntry> SqliteStore::deliveryLog(const DeliveryLogQuery &query)
{
    QList<DeliveryLogEntry> entries;
    m_error.clear();
    if (!isOpen() || query.limit <= 0)
        return entries;
    QString with;
    QVariantList withValues;
    QStringList conditions;
    QVariantList values;
    if (!query.destinationId.isEmpty()) {
        conditions << QStringLiteral("d.destination_id = ?");
        values << query.destinationId;
    } else if (query.outcome == DeliveryLogQuery::Outcome::Retry ||
               query.outcome == DeliveryLogQuery::Outcome::Failed) {
        // Every destination, one probe each of deliveries_not_delivered,
        // rather than a walk of the whole log looking for the few failures.
        conditions << QStringLiteral("d.destination_id IN (SELECT id FROM destinations)");
    }
    switch (query.outcome) {
    case DeliveryLogQuery::Outcome::Any:
        break;
    case DeliveryLogQuery::Outcome::Delivered:
        conditions << QStringLiteral("d.outcome = 'delivered'");
        break;
    // Spelt so that deliveries_not_delivered applies (its WHERE is implied).
    case DeliveryLogQuery::Outcome::Retry:
        conditions << QStringLiteral("d.outcome <> 'delivered' AND d.outcome = 'retry'");
        break;
    case DeliveryLogQuery::Outcome::Failed:
        conditions << QStringLiteral("d.outcome <> 'delivered' AND d.outcome = 'failed'");
        break;
    }
    if (query.beforeId > 0) {
        conditions << QStringLiteral("d.id < ?");
        values << query.beforeId;
    }
    if (query.afterId > 0) {
        conditions << QStringLiteral("d.id > ?");
        values << query.afterId;
    }
    const QString search = query.search.trimmed();
    if (!search.isEmpty()) {
        // The profiles an identity names: the value as an id in any
        // namespace in use (a skip scan of the primary key, one probe each),
        // and "ns:id" as such.
        with = QStringLiteral(
            "WITH RECURSIVE ns(name) AS (SELECT MIN(namespace) FROM identities"
            " UNION ALL SELECT (SELECT MIN(namespace) FROM identities WHERE namespace > ns.name)"
            " FROM ns WHERE ns.name IS NOT NULL),"
            " matched(profile_id) AS (SELECT i.profile_id FROM ns"
            " JOIN identities i ON i.namespace = ns.name AND i.id = ?");
        withValues << search;
        if (const qsizetype colon = search.indexOf(u':'); colon > 0) {
            with += QStringLiteral(" UNION SELECT profile_id FROM identities"
                                   " WHERE namespace = ? AND id = ?");
            withValues << search.left(colon) << search.mid(colon + 1);
        }
        with += QStringLiteral(") ");
        QString condition = QStringLiteral(
            "(d.export_id LIKE ? ESCAPE '\\' OR d.profile_id IN (SELECT profile_id FROM matched)"
            " OR d.profile_id IN (SELECT m.absorbed_id FROM profile_merges m"
            " WHERE m.survivor_id IN (SELECT profile_id FROM matched))");
        values << prefixPattern(search);
        if (isDigits(search)) {
            condition += QStringLiteral(" OR d.profile_id = ?");
            values << search.toLongLong();
        }
        conditions << condition + u')';
    }
    QString sql = with + QStringLiteral("SELECT ") + entryColumns;
    if (!conditions.isEmpty())
        sql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY d.id DESC LIMIT ?");
    values << query.limit;

    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        failQuery(q);
        return entries;
    }
    for (const QVariant &value : std::as_const(withValues))
        q.addBindValue(value);
    for (const QVariant &value : std::as_const(values))
        q.addBindValue(value);
    if (!exec(q))
        return entries;
    while (q.next())
        entries.append(readEntry(q));
    return entries;
}

QList<DeliveryLogEntry> SqliteStore::deliveryLogOfExport(const QString &destinationId,
                                                         const QString &exportId)
{
    QList<DeliveryLogEntry> entries;
    m_error.clear();
    if (!isOpen())
        return entries;
    // deliveries_by_destination, the export filtered on the way (no index
    // by export id: see the top of this file).
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + entryColumns +
              QStringLiteral(" WHERE d.destination_id = ? AND d.export_id = ? ORDER BY d.id DESC"));
    q.bindValue(0, destinationId);
    q.bindValue(1, exportId);
    if (!exec(q))
        return entries;
    while (q.next())
        entries.append(readEntry(q));
    return entries;
}

std::optional<QueuedExport> SqliteStore::queuedExport(const QString &dataflowId, qint64 profileId,
                                                      const QString &exportId)
{
    m_error.clear();
    if (!isOpen())
        return std::nullopt;
    // On outbox_by_profile (dataflow_id, profile_id, id): a profile has a
    // few exports queued at most.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT o.id, o.lane, o.state, o.attempts, o.next_attempt_at, o.last_attempt_at,"
        " o.last_status, o.last_error_kind, o.last_error, o.response_excerpt, o.payload,"
        " EXISTS (SELECT 1 FROM outbox_claims c WHERE c.id = o.id)"
        " FROM outbox o WHERE o.dataflow_id = ? AND o.profile_id = ? AND o.export_id = ?"));
    q.bindValue(0, dataflowId);
    q.bindValue(1, profileId);
    q.bindValue(2, exportId);
    if (!exec(q) || !q.next())
        return std::nullopt;
    QueuedExport e;
    e.sequence = q.value(0).toLongLong();
    e.exportId = exportId;
    e.lane = exportLaneFromName(q.value(1).toString());
    const QString state = q.value(2).toString();
    e.state = q.value(11).toBool()               ? QueuedExport::State::Sending
              : state == QLatin1String("failed") ? QueuedExport::State::Failed
              : state == QLatin1String("retry")  ? QueuedExport::State::Retrying
                                                 : QueuedExport::State::Pending;
    e.attempts = q.value(3).toInt();
    e.nextAttemptAt = q.value(4).toLongLong();
    e.lastAttemptAt = q.value(5).toLongLong();
    e.httpStatus = q.value(6).toInt();
    e.errorKind = q.value(7).toString();
    e.error = q.value(8).toString();
    e.responseExcerpt = q.value(9).toString();
    e.payload = q.value(10).toByteArray();
    return e;
}

} // namespace outflow
