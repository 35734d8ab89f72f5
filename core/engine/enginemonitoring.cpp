// The Engine's Monitoring page operation (issue #18): every dataflow's
// figures over a window, read on the Engine's thread by the MonitoringReader
// `outflowctl status --window` uses, with what only the running engine
// knows: its unfinished minute, its blocked senders and their
// authentication failures.
#include "engine.h"
#include "monitoring/monitor.h"
#include "sendersupervisor.h"

#include <QDateTime>

namespace outflow {

void Engine::readMonitoring(quint64 requestId, MonitoringWindow window,
                            const QString &destinationId, bool series)
{
    if (!m_store) {
        MonitoringReport empty;
        empty.window = window;
        emit monitoringRead(requestId, empty, tr("The store is not open."));
        return;
    }
    MonitoringReader reader(*m_store, m_monitor.get(), QDateTime::currentMSecsSinceEpoch());
    reader.setBlockOf([this](const Destination &destination) {
        return m_senders ? m_senders->blockOf(destination.id) : SenderBlock::None;
    });
    reader.setAuthFailuresOf([this](const QString &id) {
        const auto live = m_liveMetrics.constFind(id);
        return live != m_liveMetrics.cend() ? live->consecutiveAuthFailures : 0;
    });
    MonitoringReader::Options options;
    options.window = window;
    options.destinationId = destinationId;
    options.series = series;
    const std::optional<MonitoringReport> report = reader.read(options);
    if (!report) {
        MonitoringReport empty;
        empty.window = window;
        emit monitoringRead(requestId, empty, reader.lastError());
        return;
    }
    emit monitoringRead(requestId, *report, QString());
}

} // namespace outflow
