// EngineHost's alert operations (issue #18): the Engine's twins, queued to
// its thread, answered on the GUI thread.
#include "engine/engine.h"
#include "enginehost.h"

namespace outflow::ui {

void EngineHost::connectAlerts()
{
    connect(m_engine, &Engine::alertAcknowledged, this, &EngineHost::alertAcknowledged);
}

quint64 EngineHost::acknowledgeAlert(const QString &alertId)
{
    const quint64 request = ++m_lastRequest;
    QMetaObject::invokeMethod(
        m_engine,
        [engine = m_engine, request, alertId] { engine->acknowledgeAlert(request, alertId); },
        Qt::QueuedConnection);
    return request;
}

} // namespace outflow::ui
