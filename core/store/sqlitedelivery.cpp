// The sender's side of the outbox: claims, outcomes and dead letters
// (the delivery log is in sqlitedeliverylog.cpp).
#include "sqlitedelivery_p.h"
#include "sqlitestore.h"
#include "sqlitestore_p.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
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

namespace {

// A JSON array of sequences, for the statements that take `json_each(?1)`:
// one statement for a whole batch instead of one per row.
QByteArray sequenceArray(const QList<qint64> &sequences)
{
    QByteArray array;
    array.reserve(sequences.size() * 8 + 2);
    array.append('[');
    for (const qint64 sequence : sequences) {
        if (array.size() > 1)
            array.append(',');
        array.append(QByteArray::number(sequence));
    }
    array.append(']');
    return array;
}

} // namespace

// Reads the chosen rows (in the order chosen), then records them as claimed
// in one statement (see sqlitedelivery_p.h).
QList<OutboxExport> SqliteStore::claim(SqliteStatement &select, const QString &dataflowId,
                                       qint64 second, int limit)
{
    m_error.clear();
    QList<OutboxExport> rows;
    DeliveryStatements *s = deliveryStatements();
    if (!s || limit <= 0)
        return rows;
    {
        const SqliteStatement::Use use(select);
        select.bind(1, dataflowId);
        if (&select == &s->claimRetries)
            select.bind(2, second);
        else
            select.bind(2, exportLaneName(ExportLane(second)));
        select.bind(3, qint64(limit));
        rows.reserve(limit);
        while (select.step()) {
            OutboxExport row;
            row.sequence = select.int64(0);
            row.exportId = select.text(1);
            row.dataflowId = dataflowId;
            row.profileId = select.int64(2);
            row.payload = select.bytes(3);
            row.lane = exportLaneFromName(select.text(4));
            row.attempts = int(select.int64(5));
            row.nextAttemptAt = select.int64(6);
            row.createdAt = select.int64(7);
            rows.append(std::move(row));
        }
        if (select.failed()) {
            failStatement(select);
            return {};
        }
    }
    if (rows.isEmpty())
        return rows;
    QList<qint64> sequences;
    sequences.reserve(rows.size());
    for (const OutboxExport &row : std::as_const(rows))
        sequences.append(row.sequence);
    const QByteArray array = sequenceArray(sequences);
    const SqliteStatement::Use use(s->recordClaims);
    s->recordClaims.bind(1, QByteArrayView(array));
    if (s->recordClaims.step() || s->recordClaims.failed()) {
        failStatement(s->recordClaims);
        return {};
    }
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
    const qint64 released = sqlite3_changes64(m_statements->handle);
    return sweepClaims() ? released : -1;
}

bool SqliteStore::markDelivered(const QList<qint64> &sequences)
{
    DeliveryStatements *s = deliveryStatements();
    if (!s)
        return false;
    if (sequences.isEmpty())
        return true;
    const QByteArray array = sequenceArray(sequences);
    for (SqliteStatement *statement : {&s->deleteDelivered, &s->deleteDeliveredClaims}) {
        const SqliteStatement::Use use(*statement);
        statement->bind(1, QByteArrayView(array));
        if (statement->step() || statement->failed())
            return failStatement(*statement);
    }
    return true;
}

bool SqliteStore::sweepClaims()
{
    DeliveryStatements *s = deliveryStatements();
    if (!s)
        return false;
    const SqliteStatement::Use use(s->sweepClaims);
    if (s->sweepClaims.step() || s->sweepClaims.failed())
        return failStatement(s->sweepClaims);
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
    // No longer being sent: its profile's next export may go (or, for a
    // retry, this one again when due).
    SqliteStatement &forget = deliveryStatements()->forgetClaim;
    const SqliteStatement::Use forgetting(forget);
    forget.bind(1, attempt.sequence);
    if (forget.step() || forget.failed())
        return failStatement(forget);
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

qint64 SqliteStore::replayFailed(const QString &dataflowId, qint64 nowMs, qint64 *superseded)
{
    return replayDeadLetters(dataflowId, nullptr, nowMs, superseded, nullptr);
}

qint64 SqliteStore::replayFailedExports(const QString &dataflowId, const QStringList &exportIds,
                                        qint64 nowMs, qint64 *superseded, QStringList *notFailed)
{
    return replayDeadLetters(dataflowId, &exportIds, nowMs, superseded, notFailed);
}

// Every dead letter of the dataflow, or those among `chosen`: the superseded
// ones logged and removed, the others queued again, in one transaction.
qint64 SqliteStore::replayDeadLetters(const QString &dataflowId, const QStringList *chosen,
                                      qint64 nowMs, qint64 *superseded, QStringList *notFailed)
{
    m_error.clear();
    DeliveryStatements *s = deliveryStatements();
    if (!s)
        return -1;
    if (notFailed)
        notFailed->clear();
    QByteArray ids;
    if (chosen) {
        QJsonArray array;
        for (const QString &id : *chosen)
            array.append(id);
        ids = QJsonDocument(array).toJson(QJsonDocument::Compact);
    }
    // One transaction: what is logged as superseded is what is removed.
    const bool own = !m_inTransaction;
    if (own && !begin())
        return -1;
    const auto failed = [&](SqliteStatement &statement) {
        failStatement(statement);
        if (own) {
            const QString error = m_error;
            rollback();
            m_error = error;
        }
        return qint64(-1);
    };
    if (chosen) {
        // Which of them are dead letters here, before any changes.
        SqliteStatement &q = s->failedAmong;
        const SqliteStatement::Use use(q);
        q.bind(1, dataflowId);
        q.bind(2, QByteArrayView(ids));
        QSet<QString> found;
        while (q.step())
            found.insert(q.text(0));
        if (q.failed())
            return failed(q);
        if (notFailed) {
            for (const QString &id : *chosen) {
                if (!found.contains(id) && !notFailed->contains(id))
                    notFailed->append(id);
            }
        }
    }
    {
        SqliteStatement &q = chosen ? s->logSupersededChosen : s->logSuperseded;
        const SqliteStatement::Use use(q);
        q.bind(1, dataflowId);
        q.bind(2, nowMs);
        q.bind(3, QCoreApplication::translate("SqliteStore", "Not sent again: a newer export of "
                                                             "this profile replaced it."));
        if (chosen)
            q.bind(4, QByteArrayView(ids));
        if (q.step() || q.failed())
            return failed(q);
    }
    qint64 removed = 0;
    {
        SqliteStatement &q = chosen ? s->deleteSupersededChosen : s->deleteSuperseded;
        const SqliteStatement::Use use(q);
        q.bind(1, dataflowId);
        if (chosen)
            q.bind(2, QByteArrayView(ids));
        if (q.step() || q.failed())
            return failed(q);
        removed = sqlite3_changes64(m_statements->handle);
    }
    qint64 replayed = 0;
    {
        SqliteStatement &q = chosen ? s->replayChosen : s->replay;
        const SqliteStatement::Use use(q);
        q.bind(1, dataflowId);
        q.bind(2, nowMs);
        if (chosen)
            q.bind(3, QByteArrayView(ids));
        if (q.step() || q.failed())
            return failed(q);
        replayed = sqlite3_changes64(m_statements->handle);
    }
    if (own && !commit()) {
        const QString error = m_error;
        rollback();
        m_error = error;
        return -1;
    }
    if (superseded)
        *superseded = removed;
    return replayed;
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
