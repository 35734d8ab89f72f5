// EngineHost's part for the Monitoring page (issue #18): the figures read on
// the Engine's thread, and the backfills' progress, relayed queued.
#include "engine/engine.h"
#include "enginehost.h"

namespace outflow::ui {

void EngineHost::connectMonitoring()
{
    qRegisterMetaType<MonitoringReport>();
    qRegisterMetaType<MonitoringWindow>();
    connect(m_engine, &Engine::monitoringRead, this, &EngineHost::monitoringRead);
    connect(m_engine, &Engine::backfillProgress, this, &EngineHost::backfillProgress);
}

quint64 EngineHost::readMonitoring(MonitoringWindow window, const QString &destinationId,
                                   bool series)
{
    const quint64 request = ++m_lastRequest;
    QMetaObject::invokeMethod(
        m_engine,
        [engine = m_engine, request, window, destinationId, series] {
            engine->readMonitoring(request, window, destinationId, series);
        },
        Qt::QueuedConnection);
    return request;
}

} // namespace outflow::ui
