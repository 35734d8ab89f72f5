// Batched delivery (issue #22): the sender's queue leaves in batches of up to
// batchMaxExports exports, one request each (batchenvelope.h). Each export
// keeps its own fate: a 2xx delivers all of a batch; a retryable failure
// retries each of them (same export ids, one jitter draw: they stay
// together); 413 splits the batch in two halves sent at once (one export
// answered 413 is a dead letter); any other final answer dead-letters each,
// the answer kept. Claims, leases, the outbox's order and the journal are
// those of single exports: the claim never holds two exports of a profile,
// so a batch carries a profile at most once and never ahead of its earlier
// exports.
#include "app/logging.h"
#include "delivery/batchenvelope.h"
#include "destinationsender.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTimer>
#include <QUuid>

namespace outflow {

namespace {

// Exports claimed ahead at most when batching (2 windows of batches unless
// that is more), whatever the window: claimed payloads stay in memory.
constexpr qint64 MaxClaimAhead = 32'768;

} // namespace

int DestinationSender::claimAhead() const
{
    const qint64 batch = m_destination.batchMaxExports;
    const qint64 wanted = 2 * qint64(m_window.size()) * batch;
    return int(std::clamp<qint64>(wanted, MinimumClaim, std::max(MaxClaimAhead, 4 * batch)));
}

void DestinationSender::sendBatches()
{
    const int window = m_window.size();
    const qint64 nowNs = steadyNowNs();
    QList<TransportRequest> requests;
    while (int(m_batchesInFlight.size()) < window && !m_waitingForAuth &&
           !(m_heldBatches.empty() && m_queue.empty())) {
        const std::optional<QByteArray> authorization = m_auth->cachedAuthorization();
        if (!authorization) {
            requestAuthorization();
            break;
        }
        if (*authorization != m_lastAuthorization) {
            m_lastAuthorization = *authorization;
            if (!authorization->isEmpty())
                m_redactor.addAuthorization(*authorization);
        }
        BatchFlight flight;
        if (!m_heldBatches.empty()) {
            HeldBatch held = std::move(m_heldBatches.front());
            m_heldBatches.pop_front();
            flight.rows = std::move(held.rows);
            flight.authRetried = held.authRetried;
        } else if (!nextBatch(nowNs, flight.rows, flight.authRetried)) {
            break; // not full, and its first export may still wait
        }
        const quint64 id = BatchRequestBit | ++m_batchSerial;
        flight.batchId = QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1();
        flight.authorization = *authorization;
        QByteArray body = batchenvelope::build(flight.rows);
        flight.bodyBytes = body.size();
        m_exportsInBatches += int(flight.rows.size());
        requests.append(TransportRequest{id, {}, std::move(body), *authorization, flight.batchId});
        m_batchesInFlight.insert(id, std::move(flight));
    }
    if (!requests.isEmpty())
        m_transport->send(requests);
    if (m_queue.empty() || int(m_batchesInFlight.size()) >= window || m_waitingForAuth)
        return;
    // A batch waits for company: claim more now if there may be some, and
    // let it go when its first export has waited long enough.
    if (m_mayHaveWork && claimAhead() - exportsInFlight() - int(m_queue.size()) > 0)
        schedulePump();
    const qint64 dueNs =
        m_queue.front().claimedAtNs + qint64(m_destination.batchMaxAgeMs) * 1'000'000;
    m_batchTimer->start(int(
        std::clamp<qint64>((dueNs - nowNs + 999'999) / 1'000'000, 0, m_destination.batchMaxAgeMs)));
}

// The next batch from the front of the queue: false (the queue untouched)
// when it is neither full (by count, by size, or because a profile comes
// again) nor old enough to leave as it is.
bool DestinationSender::nextBatch(qint64 nowNs, QList<OutboxExport> &rows, bool &authRetried)
{
    const qsizetype maxBytes =
        m_learntMaxBytes > 0 ? std::min<qsizetype>(m_learntMaxBytes, m_destination.batchMaxBytes)
                             : m_destination.batchMaxBytes;
    const auto maxCount = std::size_t(m_destination.batchMaxExports);
    QSet<qint64> profiles;
    qsizetype elements = 0;
    std::size_t count = 0;
    bool full = false;
    for (; count < m_queue.size() && count < maxCount; ++count) {
        const OutboxExport &row = m_queue[count].row;
        const qsizetype bytes = batchenvelope::elementBytes(row);
        if (count > 0 &&
            (batchenvelope::bodyBytes(elements + bytes, qsizetype(count) + 1) > maxBytes ||
             profiles.contains(row.profileId))) {
            full = true;
            break;
        }
        profiles.insert(row.profileId);
        elements += bytes;
    }
    full = full || count == maxCount ||
           batchenvelope::bodyBytes(elements, qsizetype(count)) >= maxBytes;
    const bool aged =
        nowNs - m_queue.front().claimedAtNs >= qint64(m_destination.batchMaxAgeMs) * 1'000'000;
    if (!full && !aged)
        return false;
    rows.reserve(qsizetype(count));
    authRetried = false;
    for (std::size_t i = 0; i < count; ++i) {
        rows.append(std::move(m_queue.front().row));
        m_queue.pop_front();
    }
    return true;
}

void DestinationSender::onBatchResult(const TransportResult &result, qint64 nowNs, qint64 nowMs,
                                      bool windowLimited)
{
    const auto it = m_batchesInFlight.find(result.id);
    if (it == m_batchesInFlight.end())
        return;
    BatchFlight flight = std::move(*it);
    m_batchesInFlight.erase(it);
    const auto exports = qint64(flight.rows.size());
    m_exportsInBatches -= int(exports);
    m_window.setMultiplexed(result.http2);
    m_window.onResult(result.sentAtNs, nowNs, result.latencyUs, isCongestionSignal(result),
                      windowLimited);
    m_metrics.http2 = m_metrics.http2 || result.http2;
    // Per export, as the figures of single exports are counted.
    m_unrecorded.attempts += exports;
    if (result.error == TransportError::Timeout)
        m_unrecorded.timeouts += exports;
    if (result.error == TransportError::None &&
        (result.httpStatus == 401 || result.httpStatus == 403))
        countAuthFailure();
    switch (classifyResult(result)) {
    case ResultClass::Delivered: {
        const BatchContext batch{QString::fromLatin1(flight.batchId), 0,
                                 m_redactor.excerpt(result.body)};
        for (const OutboxExport &row : std::as_const(flight.rows))
            recordDelivered(row, result, nowMs, &batch);
        break;
    }
    case ResultClass::Unauthorized:
        // OAuth2: a new token, and the same batch again (not counted).
        if (!flight.authRetried && m_auth->invalidate(flight.authorization)) {
            m_heldBatches.push_front(HeldBatch{std::move(flight.rows), true});
            break;
        }
        recordBatchFailure(flight, result, false, nowMs);
        break;
    case ResultClass::Retryable:
        recordBatchFailure(flight, result, true, nowMs);
        break;
    case ResultClass::Final:
        if (result.error == TransportError::None && result.httpStatus == 413 && exports > 1)
            splitBatch(flight);
        else
            recordBatchFailure(flight, result, false, nowMs);
        break;
    }
}

void DestinationSender::recordBatchFailure(const BatchFlight &flight, const TransportResult &result,
                                           bool retryable, qint64 nowMs)
{
    const Failure failure = failureOf(result);
    const BatchContext batch{
        QString::fromLatin1(flight.batchId), QRandomGenerator::global()->generateDouble(), {}};
    const qint64 latencyMs = result.latencyUs / 1000;
    const qint64 failedBefore = m_metrics.failed;
    for (const OutboxExport &row : flight.rows) {
        if (retryable)
            recordRetryable(row, failure, latencyMs, nowMs, &batch);
        else
            recordFinal(row, failure, latencyMs, nowMs, &batch);
    }
    const qint64 failed = m_metrics.failed - failedBefore;
    if (failed > 0)
        qCWarning(lcDelivery).noquote() << QStringLiteral("%1: %2 of the %3 exports of batch %4 "
                                                          "failed: %5")
                                               .arg(m_destination.name)
                                               .arg(failed)
                                               .arg(flight.rows.size())
                                               .arg(batch.batchId, failure.error);
}

// 413: the endpoint takes smaller bodies. Both halves go at once (the held
// batches leave before the queue), and later batches stay below this size.
void DestinationSender::splitBatch(const BatchFlight &flight)
{
    const qsizetype below = std::max<qsizetype>(1, flight.bodyBytes - 1);
    m_learntMaxBytes = m_learntMaxBytes > 0 ? std::min(m_learntMaxBytes, below) : below;
    const qsizetype half = flight.rows.size() / 2;
    qCInfo(lcDelivery).noquote() << QStringLiteral("%1: batch %2 of %3 exports (%4 bytes) refused "
                                                   "as too large (413); sending it in two halves")
                                        .arg(m_destination.name,
                                             QString::fromLatin1(flight.batchId))
                                        .arg(flight.rows.size())
                                        .arg(flight.bodyBytes);
    m_heldBatches.push_front(HeldBatch{flight.rows.mid(half), flight.authRetried});
    m_heldBatches.push_front(HeldBatch{flight.rows.first(half), flight.authRetried});
}

// The token endpoint failed: batches held for sending get a retryable
// failure each, as the queue's exports do (onAuthorized).
void DestinationSender::failHeldBatchesForAuth(const Failure &failure, qint64 nowMs)
{
    while (!m_heldBatches.empty()) {
        const HeldBatch held = std::move(m_heldBatches.front());
        m_heldBatches.pop_front();
        for (const OutboxExport &row : held.rows)
            recordRetryable(row, failure, 0, nowMs);
    }
}

void DestinationSender::clearBatches()
{
    m_batchTimer->stop();
    m_batchesInFlight.clear();
    m_heldBatches.clear();
    m_exportsInBatches = 0;
}

} // namespace outflow
