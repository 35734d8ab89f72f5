// EngineHost's share of the Deliveries page (issue #18): the Engine's
// delivery log, detail and replay operations, queued to its thread, and
// their answers relayed.
#include "engine/engine.h"
#include "enginehost.h"

namespace outflow::ui {

namespace {

// An Engine operation, queued to the Engine's thread (EngineHost::queue's
// pattern: the template lives in enginehost.cpp).
template<typename Operation>
void queued(Engine *engine, quint64 request, Operation operation)
{
    QMetaObject::invokeMethod(
        engine, [engine, request, operation] { operation(*engine, request); },
        Qt::QueuedConnection);
}

} // namespace

void EngineHost::connectDeliveries()
{
    qRegisterMetaType<DeliveryLogQuery>();
    qRegisterMetaType<QList<DeliveryLogEntry>>();
    qRegisterMetaType<DeliveryDetail>();
    connect(m_engine, &Engine::deliveriesRead, this, &EngineHost::deliveriesRead);
    connect(m_engine, &Engine::deliveryDetailRead, this, &EngineHost::deliveryDetailRead);
    connect(m_engine, &Engine::failedExportsCounted, this, &EngineHost::failedExportsCounted);
    connect(m_engine, &Engine::exportsReplayed, this, &EngineHost::exportsReplayed);
}

quint64 EngineHost::readDeliveries(const DeliveryLogQuery &query)
{
    const quint64 request = ++m_lastRequest;
    queued(m_engine, request,
           [query](Engine &engine, quint64 id) { engine.readDeliveries(id, query); });
    return request;
}

quint64 EngineHost::readDeliveryDetail(const QString &destinationId, const QString &exportId)
{
    const quint64 request = ++m_lastRequest;
    queued(m_engine, request, [destinationId, exportId](Engine &engine, quint64 id) {
        engine.readDeliveryDetail(id, destinationId, exportId);
    });
    return request;
}

quint64 EngineHost::countFailedExports(const QString &destinationId)
{
    const quint64 request = ++m_lastRequest;
    queued(m_engine, request, [destinationId](Engine &engine, quint64 id) {
        engine.countFailedExports(id, destinationId);
    });
    return request;
}

quint64 EngineHost::replayExports(const QString &destinationId, const QStringList &exportIds)
{
    const quint64 request = ++m_lastRequest;
    queued(m_engine, request, [destinationId, exportIds](Engine &engine, quint64 id) {
        engine.replayExports(id, destinationId, exportIds);
    });
    return request;
}

} // namespace outflow::ui
