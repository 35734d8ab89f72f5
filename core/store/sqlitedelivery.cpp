// The sender's side of the outbox: claims, outcomes and dead letters
// (the delivery log is in sqlitedeliverylog.cpp).
#include "sqlitedelivery_p.h"
#include "sqlitestore.h"
#include "sqlitestore_p.h"

#include <algorithm>
#include <QCoreApplication>
#include <sqlite3.h>

namespace outflow {

void SqliteStore::DeliveryStatementsDeleter::operator()(DeliveryStatements *statements) const
{
    delete statements;
}

SqliteStore::DeliveryStatements *SqliteStore::deliveryStatements()
{
    if (m_deliveryStatements)
        return m_deliveryStatements.get();
    if (!isOpen())
        return nullptr;
    std::unique_ptr<DeliveryStatements, DeliveryStatementsDeleter> statements(
        new DeliveryStatements);
    QString error;
    if (!statements->prepare(m_statements->handle, &error)) {
        fail(QCoreApplication::translate("SqliteStore", "The store reported an error: %1")
                 .arg(error));
        return nullptr;
    }
    m_deliveryStatements = std::move(statements);
    return m_deliveryStatements.get();
}

// Marks and returns the chosen rows in one statement (see
// sqlitedelivery_p.h), then puts them in the order they were chosen in:
// RETURNING gives them in no defined order.
QList<OutboxExport> SqliteStore::claim(SqliteStatement &update, const QString &dataflowId,
                                       qint64 second, int limit)
{
    m_error.clear();
    QList<OutboxExport> rows;
    DeliveryStatements *s = deliveryStatements();
    if (!s || limit <= 0)
        return rows;
    const bool retries = &update == &s->claimRetries;
    const SqliteStatement::Use use(update);
    update.bind(1, dataflowId);
    if (retries)
        update.bind(2, second);
    else
        update.bind(2, exportLaneName(ExportLane(second)));
    update.bind(3, qint64(limit));
    rows.reserve(limit);
    while (update.step()) {
        OutboxExport row;
        row.sequence = update.int64(0);
        row.exportId = update.text(1);
        row.dataflowId = dataflowId;
        row.profileId = update.int64(2);
        row.payload = update.bytes(3);
        row.lane = exportLaneFromName(update.text(4));
        row.attempts = int(update.int64(5));
        row.nextAttemptAt = update.int64(6);
        row.createdAt = update.int64(7);
        rows.append(std::move(row));
    }
    if (update.failed()) {
        failStatement(update);
        return {};
    }
    std::sort(rows.begin(), rows.end(), [retries](const OutboxExport &a, const OutboxExport &b) {
        if (retries && a.nextAttemptAt != b.nextAttemptAt)
            return a.nextAttemptAt < b.nextAttemptAt;
        return a.sequence < b.sequence;
    });
    return rows;
}

QList<OutboxExport> SqliteStore::claimPending(const QString &dataflowId, ExportLane lane, int limit)
{
    DeliveryStatements *s = deliveryStatements();
    return s ? claim(s->claimPending, dataflowId, qint64(lane), limit) : QList<OutboxExport>();
}

QList<OutboxExport> SqliteStore::claimDueRetries(const QString &dataflowId, qint64 nowMs, int limit)
{
    DeliveryStatements *s = deliveryStatements();
    return s ? claim(s->claimRetries, dataflowId, nowMs, limit) : QList<OutboxExport>();
}

qint64 SqliteStore::releaseClaims(const QString &dataflowId)
{
    DeliveryStatements *s = deliveryStatements();
    if (!s)
        return -1;
    const SqliteStatement::Use use(s->release);
    s->release.bind(1, dataflowId);
    if (s->release.step() || s->release.failed()) {
        failStatement(s->release);
        return -1;
    }
    return sqlite3_changes64(m_statements->handle);
}

bool SqliteStore::markDelivered(const QList<qint64> &sequences)
{
    DeliveryStatements *s = deliveryStatements();
    if (!s)
        return false;
    if (sequences.isEmpty())
        return true;
    QByteArray array;
    array.reserve(sequences.size() * 8 + 2);
    array.append('[');
    for (const qint64 sequence : sequences) {
        if (array.size() > 1)
            array.append(',');
        array.append(QByteArray::number(sequence));
    }
    array.append(']');
    const SqliteStatement::Use use(s->deleteDelivered);
    s->deleteDelivered.bind(1, QByteArrayView(array));
    if (s->deleteDelivered.step() || s->deleteDelivered.failed())
        return failStatement(s->deleteDelivered);
    return true;
}

bool SqliteStore::recordAttempt(SqliteStatement &statement, const AttemptRecord &attempt)
{
    const SqliteStatement::Use use(statement);
    statement.bind(1, attempt.sequence);
    statement.bind(2, qint64(attempt.attempts));
    statement.bind(3, attempt.nextAttemptAt);
    statement.bind(4, attempt.attemptedAt);
    statement.bind(5, qint64(attempt.httpStatus));
    statement.bind(6, attempt.errorKind);
    statement.bind(7, attempt.error);
    statement.bind(8, attempt.responseExcerpt);
    if (statement.step() || statement.failed())
        return failStatement(statement);
    return true;
}

bool SqliteStore::scheduleRetry(const AttemptRecord &attempt)
{
    DeliveryStatements *s = deliveryStatements();
    return s && recordAttempt(s->scheduleRetry, attempt);
}

bool SqliteStore::markFailed(const AttemptRecord &attempt)
{
    DeliveryStatements *s = deliveryStatements();
    return s && recordAttempt(s->markFailed, attempt);
}

qint64 SqliteStore::replayFailed(const QString &dataflowId, qint64 nowMs)
{
    DeliveryStatements *s = deliveryStatements();
    if (!s)
        return -1;
    const SqliteStatement::Use use(s->replay);
    s->replay.bind(1, dataflowId);
    s->replay.bind(2, nowMs);
    if (s->replay.step() || s->replay.failed()) {
        failStatement(s->replay);
        return -1;
    }
    return sqlite3_changes64(m_statements->handle);
}

QList<FailedExport> SqliteStore::failedExports(const QString &dataflowId, int limit)
{
    m_error.clear();
    QList<FailedExport> rows;
    DeliveryStatements *s = deliveryStatements();
    if (!s)
        return rows;
    SqliteStatement &q = s->failed;
    const SqliteStatement::Use use(q);
    q.bind(1, dataflowId);
    q.bind(2, qint64(limit));
    while (q.step()) {
        FailedExport failed;
        OutboxExport &e = failed.exportRow;
        e.sequence = q.int64(0);
        e.exportId = q.text(1);
        e.dataflowId = dataflowId;
        e.profileId = q.int64(2);
        e.payload = q.bytes(3);
        e.reason = q.bytes(4);
        e.lane = exportLaneFromName(q.text(5));
        e.attempts = int(q.int64(6));
        e.nextAttemptAt = q.int64(7);
        e.createdAt = q.int64(8);
        failed.httpStatus = int(q.int64(9));
        failed.errorKind = q.text(10);
        failed.error = q.text(11);
        failed.responseExcerpt = q.text(12);
        failed.lastAttemptAt = q.int64(13);
        rows.append(std::move(failed));
    }
    if (q.failed()) {
        failStatement(q);
        return {};
    }
    return rows;
}

std::optional<OutboxSummary> SqliteStore::outboxSummary(const QString &dataflowId)
{
    DeliveryStatements *s = deliveryStatements();
    if (!s)
        return std::nullopt;
    SqliteStatement &q = s->summary;
    const SqliteStatement::Use use(q);
    q.bind(1, dataflowId);
    if (!q.step()) {
        failStatement(q);
        return std::nullopt;
    }
    OutboxSummary summary;
    summary.pending = q.int64(0);
    summary.sending = q.int64(1);
    summary.retrying = q.int64(2);
    summary.failed = q.int64(3);
    summary.oldestCreatedAt = q.isNull(4) ? 0 : q.int64(4);
    summary.nextRetryAt = q.isNull(5) ? 0 : q.int64(5);
    return summary;
}

} // namespace outflow
