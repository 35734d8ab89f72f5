// The Engine's Deliveries page operations (issue #18): pages of the delivery
// logs, one export's detail, and replays of dead letters. They read and
// write the Engine's store on its thread; the page only sees the answers.
#include "delivery/deliveryinspection.h"
#include "engine.h"
#include "engine/sendersupervisor.h"
#include "store/store.h"

#include <algorithm>
#include <QDateTime>

namespace outflow {

namespace {

// A page larger than this is not read at once (the table keeps 5,000 rows).
constexpr int MaxPage = 5000;

} // namespace

void Engine::readDeliveries(quint64 requestId, const DeliveryLogQuery &query)
{
    if (!m_store) {
        emit deliveriesRead(requestId, {}, false, tr("The store is not open."));
        return;
    }
    DeliveryLogQuery page = query;
    const int limit = std::clamp(query.limit, 1, MaxPage);
    page.limit = limit + 1; // one more says whether more match
    QList<DeliveryLogEntry> entries = m_store->deliveryLog(page);
    if (!m_store->lastError().isEmpty()) {
        emit deliveriesRead(requestId, {}, false, m_store->lastError());
        return;
    }
    const bool more = entries.size() > limit;
    if (more)
        entries.resize(limit);
    emit deliveriesRead(requestId, entries, more, {});
}

void Engine::readDeliveryDetail(quint64 requestId, const QString &destinationId,
                                const QString &exportId)
{
    if (!m_store) {
        emit deliveryDetailRead(requestId, {}, tr("The store is not open."));
        return;
    }
    QString error;
    const std::optional<DeliveryDetail> detail =
        DeliveryInspection::read(*m_store, destinationId, exportId, &error);
    emit deliveryDetailRead(requestId, detail.value_or(DeliveryDetail()),
                            detail ? QString() : error);
}

void Engine::countFailedExports(quint64 requestId, const QString &destinationId)
{
    if (!m_store) {
        emit failedExportsCounted(requestId, destinationId, -1, tr("The store is not open."));
        return;
    }
    const std::optional<Dataflow> dataflow = m_store->dataflowOfDestination(destinationId);
    if (!dataflow) {
        // No dataflow: nothing was ever queued, so nothing failed.
        const QString error = m_store->lastError();
        emit failedExportsCounted(requestId, destinationId, error.isEmpty() ? 0 : -1, error);
        return;
    }
    const std::optional<OutboxSummary> summary = m_store->outboxSummary(dataflow->id);
    emit failedExportsCounted(requestId, destinationId, summary ? summary->failed : -1,
                              summary ? QString() : m_store->lastError());
}

void Engine::replayExports(quint64 requestId, const QString &destinationId,
                           const QStringList &exportIds)
{
    if (!m_store) {
        emit exportsReplayed(requestId, 0, 0, tr("The store is not open."));
        return;
    }
    const std::optional<Dataflow> dataflow = m_store->dataflowOfDestination(destinationId);
    if (!dataflow) {
        emit exportsReplayed(requestId, 0, 0,
                             m_store->lastError().isEmpty()
                                 ? tr("This destination has no dataflow: nothing was ever "
                                      "queued for it.")
                                 : m_store->lastError());
        return;
    }
    qint64 superseded = 0;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 replayed =
        exportIds.isEmpty()
            ? m_store->replayFailed(dataflow->id, now, &superseded)
            : m_store->replayFailedExports(dataflow->id, exportIds, now, &superseded);
    if (replayed < 0) {
        emit exportsReplayed(requestId, 0, 0, m_store->lastError());
        return;
    }
    if (replayed > 0 && m_senders) {
        // Its sender claims them now, not at its next poll.
        m_senders->nudge();
        checkIdle();
    }
    emit exportsReplayed(requestId, replayed, superseded, {});
}

} // namespace outflow
