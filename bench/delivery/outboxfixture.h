#pragma once

// A store holding one destination (the bench's nginx endpoint), its dataflow
// and N pending exports in the outbox, made the way activation makes them
// (core/store, enqueueExport in 10,000-row transactions). The sender's slot
// and the kill -9 harness deliver from it; `delivery_bench --prepare-outbox`
// makes one for outflowctl.
#include "exportbodies.h"

#include <QString>
#include <QUrl>

namespace outflow {
class SqliteStore;
}

namespace outflow::bench {

struct OutboxFixture
{
    QString storePath;
    QString destinationId;
    QString dataflowId;
    qint64 exports = 0;
};

struct OutboxSpec
{
    QUrl endpoint;
    bool http2PriorKnowledge = false;
    QString caFile; // for https endpoints
    int maxConcurrency = 1024;
    qint64 exports = 0;
    // The destination's batching (issue #22); 1 export: one per request.
    int batchMaxExports = 1;
    int batchMaxAgeMs = 1000;
    int batchMaxBytes = 1024 * 1024;
};

// Creates (replacing) the store at `storePath`. False with *error on failure.
bool prepareOutbox(const QString &storePath, const OutboxSpec &spec, const ExportBodies &bodies,
                   OutboxFixture *fixture, QString *error);

// Appends exports [first, first + count) to the outbox of `dataflowId` in one
// transaction, created now (as activation commits them): the paced feed of
// the sender's rows. False with *error on failure.
bool appendExports(SqliteStore &store, const QString &dataflowId, const ExportBodies &bodies,
                   qint64 first, qint64 count, QString *error);

} // namespace outflow::bench
