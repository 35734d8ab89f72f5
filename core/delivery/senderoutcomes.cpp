// What the sender does with each result: the adaptive window learns from it,
// the retry policy decides, the outcome waits for the next batched write.
#include "app/logging.h"
#include "destinationsender.h"
#include "store/store.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTimer>

namespace outflow {

namespace {

// An answer's header lines, redacted, then cut to whole lines within
// DeliveryLogEntry::ResponseHeadersBytes of UTF-8.
QString headerExcerpt(const SecretRedactor &redactor, const QByteArray &lines)
{
    const QString redacted = redactor.redact(QString::fromLatin1(lines));
    QByteArray utf8 = redacted.toUtf8();
    if (utf8.size() <= DeliveryLogEntry::ResponseHeadersBytes)
        return redacted;
    const qsizetype cut = utf8.lastIndexOf('\n', DeliveryLogEntry::ResponseHeadersBytes - 1);
    utf8.truncate(cut < 0 ? 0 : cut + 1);
    return QString::fromUtf8(utf8);
}

} // namespace

void DestinationSender::onResults(const QList<TransportResult> &results)
{
    if (!m_running)
        return;
    const qint64 nowNs = steadyNowNs();
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    // Requests waiting for room (in the queue, or in the transport's backlog):
    // only then would a larger window have helped.
    const bool windowLimited = !m_queue.empty() || int(m_inFlight.size()) > m_window.size();
    for (const TransportResult &result : results) {
        const auto it = m_inFlight.find(result.id);
        if (it == m_inFlight.end()) {
            if (result.id & BatchRequestBit) // Batched delivery (issue #22)
                onBatchResult(result, nowNs, nowMs, windowLimited);
            continue;
        }
        const InFlight flight = std::move(*it);
        m_inFlight.erase(it);
        const qint64 latencyMs = result.latencyUs / 1000;
        m_window.setMultiplexed(result.http2);
        m_window.onResult(result.sentAtNs, nowNs, result.latencyUs, isCongestionSignal(result),
                          windowLimited);
        m_metrics.http2 = m_metrics.http2 || result.http2;
        ++m_unrecorded.attempts;
        if (result.error == TransportError::Timeout)
            ++m_unrecorded.timeouts;
        if (result.error == TransportError::None &&
            (result.httpStatus == 401 || result.httpStatus == 403))
            countAuthFailure();
        switch (classifyResult(result)) {
        case ResultClass::Delivered:
            recordDelivered(flight.row, result, nowMs);
            break;
        case ResultClass::Unauthorized:
            // OAuth2: a new token, and the same attempt again (not counted).
            if (!flight.authRetried && m_auth->invalidate(flight.authorization)) {
                m_queue.push_front(Queued{flight.row, true, 0});
                break;
            }
            recordFinal(flight.row, failureOf(result), latencyMs, nowMs);
            break;
        case ResultClass::Retryable:
            recordRetryable(flight.row, failureOf(result), latencyMs, nowMs);
            break;
        case ResultClass::Final:
            recordFinal(flight.row, failureOf(result), latencyMs, nowMs);
            break;
        }
    }
    schedulePump();
}

// The token endpoint refused or failed: the exports waiting to be sent get
// a retryable failure each (as a connection error would), not the whole
// backlog: the provider holds the failure a few seconds before asking again.
void DestinationSender::onAuthorized(const AuthResult &result)
{
    m_waitingForAuth = false;
    if (!m_running)
        return;
    if (result.ok()) {
        schedulePump();
        return;
    }
    const QString message = m_redactor.redact(result.failure->message);
    countAuthFailure();
    emit authenticationFailed(m_destination.id, message);
    Failure failure;
    failure.httpStatus = result.failure->httpStatus;
    failure.errorKind = QStringLiteral("auth");
    failure.error = tr("Authentication failed: %1").arg(message);
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const int requests =
        std::max(1, m_window.size() - int(m_inFlight.size() + m_batchesInFlight.size()));
    const qint64 count = qint64(requests) * m_destination.batchMaxExports;
    for (qint64 i = 0; i < count && !m_queue.empty(); ++i) {
        const OutboxExport row = std::move(m_queue.front().row);
        m_queue.pop_front();
        recordRetryable(row, failure, 0, nowMs);
    }
    if (isBatched())
        failHeldBatchesForAuth(failure, nowMs);
    schedulePump();
}

DestinationSender::Failure DestinationSender::failureOf(const TransportResult &result) const
{
    Failure failure;
    failure.httpStatus = result.httpStatus;
    failure.retryAfter = result.retryAfter;
    failure.excerpt = m_redactor.excerpt(result.body);
    if (!result.responseHeaders.isEmpty())
        failure.headers = headerExcerpt(m_redactor, result.responseHeaders);
    if (result.error != TransportError::None) {
        failure.errorKind = transportErrorId(result.error);
        failure.error = m_redactor.redact(result.errorString);
    } else if (result.httpStatus / 100 == 3) {
        failure.errorKind = QStringLiteral("redirect");
        failure.error = tr("HTTP %1: the endpoint redirects to %2; redirects are not followed, "
                           "update the destination's endpoint URL.")
                            .arg(result.httpStatus)
                            .arg(m_redactor.redact(QString::fromLatin1(result.location)));
    } else {
        failure.errorKind = QStringLiteral("http-status");
        failure.error = result.httpStatus == 401
                            ? tr("HTTP 401: the endpoint refused the credentials.")
                            : tr("HTTP %1 from the endpoint.").arg(result.httpStatus);
    }
    return failure;
}

DeliveryLogEntry DestinationSender::logEntry(const OutboxExport &row, DeliveryOutcome outcome,
                                             const Failure &failure, qint64 latencyMs, qint64 nowMs,
                                             const BatchContext *batch) const
{
    DeliveryLogEntry entry;
    entry.destinationId = m_destination.id;
    entry.exportId = row.exportId;
    entry.profileId = row.profileId;
    entry.attemptedAt = nowMs;
    entry.attempt = row.attempts + 1;
    entry.outcome = outcome;
    entry.httpStatus = failure.httpStatus;
    entry.latencyMs = latencyMs;
    entry.errorKind = failure.errorKind;
    entry.error = failure.error;
    entry.responseExcerpt = failure.excerpt;
    entry.responseHeaders = failure.headers;
    entry.lane = row.lane;
    if (batch)
        entry.batchId = batch->batchId;
    return entry;
}

void DestinationSender::recordDelivered(const OutboxExport &row, const TransportResult &result,
                                        qint64 nowMs, const BatchContext *batch)
{
    Failure answer;
    answer.httpStatus = result.httpStatus;
    answer.excerpt = batch ? batch->answerExcerpt : m_redactor.excerpt(result.body);
    m_journal->delivered(
        logEntry(row, DeliveryOutcome::Delivered, answer, result.latencyUs / 1000, nowMs, batch),
        row.sequence);
    ++m_metrics.delivered;
    m_metrics.consecutiveAuthFailures = 0;
    // Fragment committed → 2xx (DESIGN §2, monitoring figures).
    const qint64 latencyMs = std::max<qint64>(0, nowMs - row.createdAt);
    m_metrics.latency.record(latencyMs * 1000); // µs
    ++m_unrecorded.delivered;
    if (latencyMs <= m_sloTargetMs)
        ++m_unrecorded.onTime;
    m_unrecorded.latency.record(latencyMs * 1000);
    m_metrics.lastError.clear();
    outcomeAdded();
}

void DestinationSender::recordRetryable(const OutboxExport &row, const Failure &failure,
                                        qint64 latencyMs, qint64 nowMs, const BatchContext *batch)
{
    const int attempts = row.attempts + 1;
    const std::optional<qint64> retryAfter =
        failure.retryAfter.isEmpty()
            ? std::nullopt
            : RetryPolicy::parseRetryAfter(failure.retryAfter, QDateTime::currentDateTimeUtc());
    const std::optional<qint64> delay = m_policy.retryDelayMs(
        attempts, retryAfter, batch ? batch->jitter : QRandomGenerator::global()->generateDouble());
    if (!delay) {
        Failure last = failure;
        last.error =
            tr("%1 (no retry left after %n attempt(s))", nullptr, attempts).arg(failure.error);
        recordFinal(row, last, latencyMs, nowMs, batch);
        return;
    }
    AttemptRecord attempt{row.sequence,       attempts,          nowMs,         nowMs + *delay,
                          failure.httpStatus, failure.errorKind, failure.error, failure.excerpt};
    m_journal->retry(logEntry(row, DeliveryOutcome::Retry, failure, latencyMs, nowMs, batch),
                     attempt);
    ++m_metrics.retried;
    ++m_unrecorded.retried;
    m_metrics.lastError = failure.error;
    armRetryTimer(attempt.nextAttemptAt);
    outcomeAdded();
}

void DestinationSender::recordFinal(const OutboxExport &row, const Failure &failure,
                                    qint64 latencyMs, qint64 nowMs, const BatchContext *batch)
{
    AttemptRecord attempt{row.sequence,       row.attempts + 1,  nowMs,         0,
                          failure.httpStatus, failure.errorKind, failure.error, failure.excerpt};
    m_journal->failed(logEntry(row, DeliveryOutcome::Failed, failure, latencyMs, nowMs, batch),
                      attempt);
    ++m_metrics.failed;
    ++m_unrecorded.failed;
    m_metrics.lastError = failure.error;
    if (!batch) // a batch says it once for all its exports (senderbatches.cpp)
        qCWarning(lcDelivery).noquote()
            << m_destination.name << ": export" << row.exportId << "failed:" << failure.error;
    outcomeAdded();
}

void DestinationSender::outcomeAdded()
{
    if (m_journal->unflushed() >= m_options.flushBatch)
        flushOutcomes();
    else if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void DestinationSender::flushOutcomes()
{
    m_flushTimer->stop();
    if (!m_running || m_journal->unflushed() == 0)
        return;
    if (!m_journal->flush(QDateTime::currentMSecsSinceEpoch())) {
        // The store is busy or failing: the outcomes wait, their exports stay claimed.
        qCWarning(lcDelivery).noquote() << m_destination.name << ':' << m_journal->lastError();
        m_flushTimer->start(std::chrono::milliseconds(200));
        return;
    }
    m_flushTimer->setInterval(m_options.flushInterval);
    // Delivered and failed exports let their profiles' next exports go.
    m_mayHaveWork = true;
    schedulePump();
}

} // namespace outflow
