// Sender leases (schema v6): one sender delivers a dataflow at a time, so
// that a second process on the store (the app beside `outflowctl run`)
// neither sends the same exports nor releases the first one's claims as if
// it had died. A few statements every few seconds: QtSql is enough.
#include "sqlitestore.h"
#include "sqlitestore_p.h"

#include <QSqlQuery>

namespace outflow {

std::optional<SenderLease> SqliteStore::acquireSenderLease(const QString &dataflowId,
                                                           const QString &owner, qint64 nowMs,
                                                           qint64 ttlMs, const QString &staleOwner)
{
    if (!isOpen())
        return std::nullopt;
    const bool ownTransaction = !m_inTransaction;
    if (ownTransaction && !begin())
        return std::nullopt;
    const auto failed = [&] {
        if (ownTransaction)
            rollback();
        return std::nullopt;
    };
    QSqlQuery take(m_db);
    take.prepare(QStringLiteral(
        "INSERT INTO sender_leases (dataflow_id, owner, expires_at) VALUES (?, ?, ?)"
        " ON CONFLICT (dataflow_id) DO UPDATE SET owner = excluded.owner,"
        " expires_at = excluded.expires_at WHERE sender_leases.owner = excluded.owner"
        " OR sender_leases.expires_at < ? OR sender_leases.owner = ?"));
    take.addBindValue(dataflowId);
    take.addBindValue(owner);
    take.addBindValue(nowMs + ttlMs);
    take.addBindValue(nowMs);
    // An empty stale owner matches no lease: owners are never empty.
    take.addBindValue(staleOwner);
    if (!exec(take))
        return failed();
    QSqlQuery holder(m_db);
    holder.prepare(
        QStringLiteral("SELECT owner, expires_at FROM sender_leases WHERE dataflow_id = ?"));
    holder.addBindValue(dataflowId);
    if (!exec(holder) || !holder.next())
        return failed();
    SenderLease lease{holder.value(0).toString(), holder.value(1).toLongLong()};
    holder.finish();
    if (ownTransaction && !commit())
        return failed();
    return lease;
}

bool SqliteStore::releaseSenderLease(const QString &dataflowId, const QString &owner)
{
    if (!isOpen())
        return false;
    QSqlQuery release(m_db);
    release.prepare(
        QStringLiteral("DELETE FROM sender_leases WHERE dataflow_id = ? AND owner = ?"));
    release.addBindValue(dataflowId);
    release.addBindValue(owner);
    return exec(release);
}

} // namespace outflow
