// The sender's figures (issue #6 item 7): counts kept as results come, the
// outbox's backlog read at a bounded cost, one snapshot a few times a second.
#include "app/logging.h"
#include "destinationsender.h"
#include "monitoring/metricsrecorder.h"
#include "store/store.h"

#include <QDateTime>

namespace outflow {

// The outbox figures scan partial indexes: cheap on a small outbox, a few
// milliseconds on 100,000 rows. Read at most once a second, and never more
// than 5 % of the sender's time (20 times what the last read took).
void DestinationSender::refreshSummary(bool force)
{
    if (!m_store)
        return;
    const qint64 now = steadyNowNs();
    const qint64 interval = std::max<qint64>(1'000'000'000, 20 * m_summaryCostNs);
    if (!force && m_summaryAtNs != 0 && now - m_summaryAtNs < interval)
        return;
    const std::optional<OutboxSummary> summary = m_store->outboxSummary(m_dataflowId);
    m_summaryAtNs = steadyNowNs();
    m_summaryCostNs = m_summaryAtNs - now;
    if (!summary) {
        qCWarning(lcDelivery).noquote() << m_destination.name << ':' << m_store->lastError();
        return;
    }
    m_summary = *summary;
}

void DestinationSender::emitMetrics()
{
    refreshSummary(false);
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    m_metrics.at = nowMs;
    // On the wire: the transport's backlog waits (near enough: after the
    // window shrank, requests started before still finish).
    m_metrics.inFlight = std::min(int(m_inFlight.size()), m_window.size()) + m_exportsInBatches;
    m_metrics.window = m_window.size();
    m_metrics.backlog = m_summary.backlog();
    m_metrics.retrying = m_summary.retrying;
    m_metrics.deadLetters = m_summary.failed;
    m_metrics.nextRetryAt = m_summary.nextRetryAt;
    m_metrics.oldestPendingAgeMs =
        m_summary.oldestCreatedAt > 0 ? std::max<qint64>(0, nowMs - m_summary.oldestCreatedAt) : 0;
    m_metrics.latencyP50Ms = qMax<qint64>(0, m_metrics.latency.percentileMicros(0.50) / 1000);
    m_metrics.latencyP95Ms = qMax<qint64>(0, m_metrics.latency.percentileMicros(0.95) / 1000);
    m_metrics.latencyP99Ms = qMax<qint64>(0, m_metrics.latency.percentileMicros(0.99) / 1000);
    emit metricsChanged(m_metrics);
    if (m_options.recorder && !m_unrecorded.isEmpty()) {
        m_options.recorder->add(m_unrecorded);
        m_unrecorded = MetricsBucket{};
        m_unrecorded.dataflowId = m_dataflowId;
    }
}

void DestinationSender::countAuthFailure()
{
    ++m_metrics.consecutiveAuthFailures;
}

} // namespace outflow
