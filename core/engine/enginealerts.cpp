// The Engine's alert operations (issue #18): what the Alerts page does to an
// alert beside listing it.
#include "engine.h"
#include "monitoring/monitor.h"

namespace outflow {

void Engine::acknowledgeAlert(quint64 requestId, const QString &alertId)
{
    if (!m_monitor) {
        emit alertAcknowledged(requestId, tr("The store is not open."));
        return;
    }
    const AlertAcknowledgement result = m_monitor->acknowledge(alertId);
    emit alertAcknowledged(requestId, result.error);
    // Also when it already was (by outflowctl, say): the views catch up.
    if (result.ok())
        emit alertsChanged();
}

} // namespace outflow
