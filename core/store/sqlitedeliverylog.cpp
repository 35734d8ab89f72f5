// The delivery log of each destination: appended by the sender in the
// transaction of the outcomes it records, read by `outflowctl deliveries`
// and the delivery inspector, pruned by count and age.
#include "sqlitedelivery_p.h"
#include "sqlitestore.h"
#include "sqlitestore_p.h"

#include <sqlite3.h>

namespace outflow {

bool SqliteStore::appendDeliveryLog(const DeliveryLogEntry &entry)
{
    DeliveryStatements *s = deliveryStatements();
    if (!s)
        return false;
    SqliteStatement &q = s->appendLog;
    const SqliteStatement::Use use(q);
    q.bind(1, entry.destinationId);
    q.bind(2, entry.exportId);
    q.bind(3, entry.profileId);
    q.bind(4, entry.attemptedAt);
    q.bind(5, qint64(entry.attempt));
    q.bind(6, deliveryOutcomeName(entry.outcome));
    q.bind(7, qint64(entry.httpStatus));
    q.bind(8, entry.latencyMs);
    q.bind(9, entry.errorKind);
    q.bind(10, entry.error);
    q.bind(11, entry.responseExcerpt);
    q.bind(12, exportLaneName(entry.lane));
    q.bind(13, entry.responseHeaders);
    q.bind(14, entry.batchId);
    if (q.step() || q.failed())
        return failStatement(q);
    return true;
}

QList<DeliveryLogEntry> SqliteStore::deliveryLog(const QString &destinationId, int limit)
{
    m_error.clear();
    QList<DeliveryLogEntry> entries;
    DeliveryStatements *s = deliveryStatements();
    if (!s)
        return entries;
    SqliteStatement &q = s->readLog;
    const SqliteStatement::Use use(q);
    q.bind(1, destinationId);
    q.bind(2, qint64(limit));
    while (q.step()) {
        DeliveryLogEntry entry;
        entry.id = q.int64(0);
        entry.destinationId = destinationId;
        entry.exportId = q.text(1);
        entry.profileId = q.int64(2);
        entry.attemptedAt = q.int64(3);
        entry.attempt = int(q.int64(4));
        const QString outcome = q.text(5);
        entry.outcome = outcome == QLatin1String("failed")  ? DeliveryOutcome::Failed
                        : outcome == QLatin1String("retry") ? DeliveryOutcome::Retry
                                                            : DeliveryOutcome::Delivered;
        entry.httpStatus = int(q.int64(6));
        entry.latencyMs = q.int64(7);
        entry.errorKind = q.text(8);
        entry.error = q.text(9);
        entry.responseExcerpt = q.text(10);
        entry.lane = exportLaneFromName(q.text(11));
        entry.responseHeaders = q.text(12);
        entry.batchId = q.text(13);
        entries.append(std::move(entry));
    }
    if (q.failed()) {
        failStatement(q);
        return {};
    }
    return entries;
}

qint64 SqliteStore::pruneDeliveryLog(const QString &destinationId, int keepCount,
                                     qint64 keepAfterMs)
{
    DeliveryStatements *s = deliveryStatements();
    if (!s)
        return -1;
    qint64 removed = 0;
    {
        SqliteStatement &q = s->pruneLogByCount;
        const SqliteStatement::Use use(q);
        q.bind(1, destinationId);
        q.bind(2, qint64(keepCount));
        if (q.step() || q.failed()) {
            failStatement(q);
            return -1;
        }
        removed += sqlite3_changes64(m_statements->handle);
    }
    SqliteStatement &q = s->pruneLogByAge;
    const SqliteStatement::Use use(q);
    q.bind(1, destinationId);
    q.bind(2, keepAfterMs);
    if (q.step() || q.failed()) {
        failStatement(q);
        return -1;
    }
    return removed + sqlite3_changes64(m_statements->handle);
}

} // namespace outflow
