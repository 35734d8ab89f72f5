#include "outboxfixture.h"

#include "store/sqlitestore.h"

#include <QDateTime>
#include <QFile>
#include <QUuid>

namespace outflow::bench {

bool prepareOutbox(const QString &storePath, const OutboxSpec &spec, const ExportBodies &bodies,
                   OutboxFixture *fixture, QString *error)
{
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(storePath + QLatin1String(suffix));
    SqliteStore store(storePath);
    const auto fail = [&store, error] {
        *error = store.lastError();
        return false;
    };
    if (!store.open())
        return fail();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Destination destination;
    destination.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    destination.name = QStringLiteral("bench-nginx");
    destination.endpoint = spec.endpoint;
    destination.caCertPath = spec.caFile;
    destination.http2PriorKnowledge = spec.http2PriorKnowledge;
    destination.maxConcurrency = spec.maxConcurrency;
    destination.batchMaxExports = spec.batchMaxExports;
    destination.batchMaxAgeMs = spec.batchMaxAgeMs;
    destination.batchMaxBytes = spec.batchMaxBytes;
    destination.createdAt = destination.updatedAt = now;
    Dataflow dataflow;
    dataflow.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    dataflow.destinationId = destination.id;
    dataflow.createdAt = dataflow.updatedAt = now;
    if (!store.insertDestination(destination) || !store.saveDataflow(dataflow))
        return fail();

    constexpr qint64 Batch = 10000;
    OutboxExport row;
    row.dataflowId = dataflow.id;
    row.reason = QByteArrayLiteral("{\"triggers\":[\"membership\"],\"bench\":true}");
    row.createdAt = row.nextAttemptAt = now;
    for (qint64 i = 0; i < spec.exports; ++i) {
        if (i % Batch == 0 && !store.begin())
            return fail();
        row.exportId = QString::fromLatin1(ExportBodies::exportId(i));
        row.profileId = i + 1; // one export per profile: no ordering constraint
        row.payload = bodies.body(i);
        if (!store.enqueueExport(row))
            return fail();
        if ((i + 1) % Batch == 0 || i + 1 == spec.exports) {
            if (!store.commit())
                return fail();
        }
    }
    *fixture = {storePath, destination.id, dataflow.id, spec.exports};
    return true;
}

bool appendExports(SqliteStore &store, const QString &dataflowId, const ExportBodies &bodies,
                   qint64 first, qint64 count, QString *error)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    OutboxExport row;
    row.dataflowId = dataflowId;
    row.reason = QByteArrayLiteral("{\"triggers\":[\"membership\"],\"bench\":true}");
    row.createdAt = row.nextAttemptAt = now;
    if (!store.begin()) {
        *error = store.lastError();
        return false;
    }
    for (qint64 i = first; i < first + count; ++i) {
        row.exportId = QString::fromLatin1(ExportBodies::exportId(i));
        row.profileId = i + 1;
        row.payload = bodies.body(i);
        if (!store.enqueueExport(row)) {
            *error = store.lastError();
            store.rollback();
            return false;
        }
    }
    if (!store.commit()) {
        *error = store.lastError();
        return false;
    }
    return true;
}

} // namespace outflow::bench
