#pragma once

// Fixtures of the delivery tests: a store in a temporary folder holding
// destinations, dataflows and outbox rows written through the Store API, and
// an Engine on it whose senders deliver them.

#include "engine/engine.h"
#include "store/sqlitestore.h"

#include <memory>
#include <QDateTime>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace outflow::test {

// Senders that react fast enough for tests: polls and metrics often.
inline SenderOptions fastSenderOptions()
{
    SenderOptions options;
    options.pollInterval = std::chrono::milliseconds(100);
    options.metricsInterval = std::chrono::milliseconds(50);
    options.auth.failureHold = std::chrono::milliseconds(0);
    options.auth.tokenRequestTimeout = std::chrono::seconds(5);
    return options;
}

class DeliveryFixture
{
public:
    DeliveryFixture()
        : m_path(m_dir.filePath(QStringLiteral("store.db")))
        , m_store(m_path)
    {
        if (!m_store.open())
            qFatal("store: %s", qPrintable(m_store.lastError()));
    }

    QString storePath() const { return m_path; }
    QString directory() const { return m_dir.path(); }
    SqliteStore &store() { return m_store; }

    // A destination (retries after 100 and 200 ms unless changed) and its
    // dataflow; returns the dataflow id.
    QString addDestination(const QUrl &endpoint, Destination *created = nullptr,
                           const std::function<void(Destination &)> &customize = {})
    {
        Destination destination;
        destination.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        destination.name = QStringLiteral("dest-%1").arg(++m_destinations);
        destination.endpoint = endpoint;
        destination.retryScheduleMs = {100, 200};
        destination.timeoutMs = 2000;
        destination.createdAt = destination.updatedAt = QDateTime::currentMSecsSinceEpoch();
        if (customize)
            customize(destination);
        if (!m_store.insertDestination(destination))
            qFatal("insertDestination: %s", qPrintable(m_store.lastError()));
        Dataflow dataflow;
        dataflow.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        dataflow.destinationId = destination.id;
        dataflow.createdAt = dataflow.updatedAt = destination.createdAt;
        if (!m_store.saveDataflow(dataflow))
            qFatal("saveDataflow: %s", qPrintable(m_store.lastError()));
        if (created)
            *created = destination;
        return dataflow.id;
    }

    // One export of `profileId`; returns its export id. The payload names
    // the profile and a serial number: {"profile":P,"n":N}.
    QByteArray enqueue(const QString &dataflowId, qint64 profileId,
                       ExportLane lane = ExportLane::Live)
    {
        OutboxExport row;
        row.exportId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        row.dataflowId = dataflowId;
        row.profileId = profileId;
        row.payload = QByteArrayLiteral("{\"profile\":")
                          .append(QByteArray::number(profileId))
                          .append(",\"n\":")
                          .append(QByteArray::number(++m_serial))
                          .append('}');
        row.reason = QByteArrayLiteral("{\"triggers\":[\"test\"]}");
        row.lane = lane;
        row.createdAt = row.nextAttemptAt = QDateTime::currentMSecsSinceEpoch();
        if (!m_store.enqueueExport(row))
            qFatal("enqueueExport: %s", qPrintable(m_store.lastError()));
        return row.exportId.toLatin1();
    }

    QList<QByteArray> enqueueMany(const QString &dataflowId, int count, qint64 firstProfile = 1)
    {
        QList<QByteArray> ids;
        m_store.begin();
        for (int i = 0; i < count; ++i)
            ids.append(enqueue(dataflowId, firstProfile + i));
        m_store.commit();
        return ids;
    }

    // An engine on the store; idle() is watched from before it opens.
    std::unique_ptr<Engine> startEngine(const SenderOptions &options = fastSenderOptions())
    {
        auto engine = std::make_unique<Engine>(m_path);
        engine->setSenderOptions(options);
        watch(*engine);
        engine->open();
        if (!engine->store())
            qFatal("engine did not open");
        return engine;
    }

    // For an engine made by the test: call before open().
    void watch(Engine &engine) { m_idle = std::make_unique<QSignalSpy>(&engine, &Engine::idle); }

    // Waits until the engine reports idle (again, when it already was).
    bool waitIdle(int timeoutMs = 15000)
    {
        const qsizetype before = m_idle->size();
        return QTest::qWaitFor([&] { return m_idle->size() > before; }, timeoutMs);
    }
    bool wasIdle() const { return m_idle && !m_idle->isEmpty(); }
    // Waits for the first idle since the engine started.
    bool waitFirstIdle(int timeoutMs = 15000)
    {
        return QTest::qWaitFor([&] { return !m_idle->isEmpty(); }, timeoutMs);
    }

    OutboxSummary summary(const QString &dataflowId)
    {
        return m_store.outboxSummary(dataflowId).value_or(OutboxSummary());
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    SqliteStore m_store;
    std::unique_ptr<QSignalSpy> m_idle;
    int m_destinations = 0;
    qint64 m_serial = 0;
};

} // namespace outflow::test
