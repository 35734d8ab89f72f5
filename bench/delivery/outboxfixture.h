#pragma once

// A store holding one destination (the bench's nginx endpoint), its dataflow
// and N pending exports in the outbox, made the way activation makes them
// (core/store, enqueueExport in 10,000-row transactions). The sender's slot
// and the kill -9 harness deliver from it; `delivery_bench --prepare-outbox`
// makes one for outflowctl.
#include "exportbodies.h"

#include <QString>
#include <QUrl>

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
};

// Creates (replacing) the store at `storePath`. False with *error on failure.
bool prepareOutbox(const QString &storePath, const OutboxSpec &spec, const ExportBodies &bodies,
                   OutboxFixture *fixture, QString *error);

} // namespace outflow::bench
