// The outbox, the activation log, dataflow counters and backfills. The
// statements run for every export (enqueue, record, count) are on the sqlite3
// C API; the others on QtSql.
#include "sqliteactivation_p.h"
#include "sqlitestore.h"
#include "sqlitestore_p.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QVariant>

namespace outflow {

namespace {

Backfill backfillFromRow(const QSqlQuery &q)
{
    Backfill backfill;
    backfill.id = q.value(0).toLongLong();
    backfill.dataflowId = q.value(1).toString();
    backfill.kind = q.value(2).toString() == QLatin1String("resend") ? Backfill::Kind::Resend
                                                                     : Backfill::Kind::Backfill;
    for (const QJsonValue &id : QJsonDocument::fromJson(q.value(3).toByteArray()).array())
        backfill.audienceIds.append(id.toString());
    backfill.audienceIndex = q.value(4).toInt();
    backfill.afterProfileId = q.value(5).toLongLong();
    backfill.done = q.value(6).toLongLong();
    backfill.total = q.value(7).toLongLong();
    backfill.finished = q.value(8).toBool();
    backfill.createdAt = q.value(9).toLongLong();
    backfill.updatedAt = q.value(10).toLongLong();
    return backfill;
}

} // namespace

bool SqliteStore::enqueueExport(const OutboxExport &row)
{
    ActivationStatements *s = activationStatements();
    if (!s)
        return false;
    SqliteStatement &statement = s->enqueue;
    const SqliteStatement::Use use(statement);
    statement.bind(1, row.exportId);
    statement.bind(2, row.dataflowId);
    statement.bind(3, row.profileId);
    statement.bind(4, QByteArrayView(row.payload));
    statement.bind(5, QByteArrayView(row.reason));
    statement.bind(6, qint64(row.attempts));
    statement.bind(7, row.nextAttemptAt);
    statement.bind(8, row.createdAt);
    statement.bind(9, exportLaneName(row.lane));
    if (statement.step() || statement.failed())
        return failStatement(statement);
    return true;
}

qint64 SqliteStore::outboxCount(const QString &dataflowId)
{
    ActivationStatements *s = activationStatements();
    if (!s)
        return -1;
    QSqlQuery &q = s->outboxCount;
    q.bindValue(0, dataflowId);
    qint64 count = -1;
    if (exec(q) && q.next())
        count = q.value(0).toLongLong();
    q.finish();
    return count;
}

QList<OutboxExport> SqliteStore::outbox(const QString &dataflowId, qint64 afterSequence, int limit)
{
    ActivationStatements *s = activationStatements();
    if (!s)
        return {};
    QSqlQuery &q = s->outbox;
    q.bindValue(0, dataflowId);
    q.bindValue(1, afterSequence);
    q.bindValue(2, limit);
    return readRows<OutboxExport>(q, [&dataflowId](const QSqlQuery &row) {
        OutboxExport e;
        e.sequence = row.value(0).toLongLong();
        e.exportId = row.value(1).toString();
        e.dataflowId = dataflowId;
        e.profileId = row.value(2).toLongLong();
        e.payload = row.value(3).toByteArray();
        e.reason = row.value(4).toByteArray();
        e.lane = exportLaneFromName(row.value(5).toString());
        e.attempts = row.value(6).toInt();
        e.nextAttemptAt = row.value(7).toLongLong();
        e.createdAt = row.value(8).toLongLong();
        return e;
    });
}

bool SqliteStore::recordActivation(const ActivationRecord &record)
{
    ActivationStatements *s = activationStatements();
    if (!s)
        return false;
    SqliteStatement &statement = s->recordActivation;
    const SqliteStatement::Use use(statement);
    statement.bind(1, record.dataflowId);
    statement.bind(2, record.profileId);
    statement.bind(3, record.outcome == ActivationOutcome::Exported ? QByteArrayView("exported")
                      : record.outcome == ActivationOutcome::Excluded
                          ? QByteArrayView("excluded")
                          : QByteArrayView("suppressed"));
    if (record.exportId.isEmpty())
        statement.bindNull(4);
    else
        statement.bind(4, record.exportId);
    statement.bind(5, QByteArrayView(record.reason));
    statement.bind(6, record.createdAt);
    if (statement.step() || statement.failed())
        return failStatement(statement);
    if (record.outcome != ActivationOutcome::Suppressed)
        return true;
    // Suppressed decisions can come at every write of a profile (an
    // attribute trigger switched off): bounded to the newest
    // KeptSuppressedDecisions per profile and dataflow, on top of the age
    // limit every decision has (removeActivationsBefore, with the
    // memberships' retention).
    SqliteStatement &prune = s->pruneSuppressed;
    const SqliteStatement::Use pruneUse(prune);
    prune.bind(1, record.dataflowId);
    prune.bind(2, record.profileId);
    prune.bind(3, qint64(KeptSuppressedDecisions));
    if (prune.step() || prune.failed())
        return failStatement(prune);
    return true;
}

QList<ActivationRecord> SqliteStore::activations(const QString &dataflowId, qint64 profileId,
                                                 int limit)
{
    ActivationStatements *s = activationStatements();
    if (!s)
        return {};
    QSqlQuery &q = s->activations;
    q.bindValue(0, dataflowId);
    q.bindValue(1, profileId);
    q.bindValue(2, limit);
    return readRows<ActivationRecord>(q, [&](const QSqlQuery &row) {
        ActivationRecord r;
        r.id = row.value(0).toLongLong();
        r.dataflowId = dataflowId;
        r.profileId = profileId;
        r.outcome = activationOutcomeFromName(row.value(1).toString());
        r.exportId = row.value(2).toString();
        r.reason = row.value(3).toByteArray();
        r.createdAt = row.value(4).toLongLong();
        return r;
    });
}

qint64 SqliteStore::removeActivationsBefore(qint64 beforeMs)
{
    ActivationStatements *s = activationStatements();
    if (!s)
        return -1;
    QSqlQuery &q = s->removeActivations;
    q.bindValue(0, beforeMs);
    if (!exec(q))
        return -1;
    return q.numRowsAffected();
}

bool SqliteStore::addDataflowCounter(const QString &dataflowId, const QString &name, qint64 delta)
{
    ActivationStatements *s = activationStatements();
    if (!s)
        return false;
    SqliteStatement &statement = s->addCounter;
    const SqliteStatement::Use use(statement);
    statement.bind(1, dataflowId);
    statement.bind(2, name);
    statement.bind(3, delta);
    if (statement.step() || statement.failed())
        return failStatement(statement);
    return true;
}

QHash<QString, qint64> SqliteStore::dataflowCounters(const QString &dataflowId)
{
    QHash<QString, qint64> counters;
    ActivationStatements *s = activationStatements();
    if (!s)
        return counters;
    m_error.clear();
    QSqlQuery &q = s->counters;
    q.bindValue(0, dataflowId);
    if (!exec(q))
        return counters;
    while (q.next())
        counters.insert(q.value(0).toString(), q.value(1).toLongLong());
    q.finish();
    return counters;
}

qint64 SqliteStore::saveBackfill(const Backfill &backfill)
{
    ActivationStatements *s = activationStatements();
    if (!s)
        return 0;
    if (backfill.id == 0) {
        QSqlQuery &q = s->insertBackfill;
        q.bindValue(0, backfill.dataflowId);
        q.bindValue(1, backfillKindName(backfill.kind));
        q.bindValue(
            2, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(backfill.audienceIds))
                                     .toJson(QJsonDocument::Compact)));
        q.bindValue(3, backfill.audienceIndex);
        q.bindValue(4, backfill.afterProfileId);
        q.bindValue(5, backfill.done);
        q.bindValue(6, backfill.total);
        q.bindValue(7, backfill.finished ? 1 : 0);
        q.bindValue(8, backfill.createdAt);
        q.bindValue(9, backfill.updatedAt);
        if (!exec(q))
            return 0;
        return q.lastInsertId().toLongLong();
    }
    QSqlQuery &q = s->updateBackfill;
    q.bindValue(0, backfill.audienceIndex);
    q.bindValue(1, backfill.afterProfileId);
    q.bindValue(2, backfill.done);
    q.bindValue(3, backfill.total);
    q.bindValue(4, backfill.finished ? 1 : 0);
    q.bindValue(5, backfill.updatedAt);
    q.bindValue(6, backfill.id);
    if (!exec(q))
        return 0;
    return backfill.id;
}

QList<Backfill> SqliteStore::pendingBackfills(const QString &dataflowId)
{
    ActivationStatements *s = activationStatements();
    if (!s)
        return {};
    QList<Backfill> pending = readRows<Backfill>(s->pendingBackfills, backfillFromRow);
    if (!dataflowId.isEmpty())
        pending.removeIf([&](const Backfill &b) { return b.dataflowId != dataflowId; });
    return pending;
}

QList<Backfill> SqliteStore::backfills(const QString &dataflowId)
{
    ActivationStatements *s = activationStatements();
    if (!s)
        return {};
    s->backfillsOf.bindValue(0, dataflowId);
    return readRows<Backfill>(s->backfillsOf, backfillFromRow);
}

} // namespace outflow
