#include "deliveryjournal.h"

#include "store/store.h"

namespace outflow {

DeliveryJournal::DeliveryJournal(Store &store, QString destinationId, QString dataflowId,
                                 Limits limits)
    : m_store(store)
    , m_destinationId(std::move(destinationId))
    , m_dataflowId(std::move(dataflowId))
    , m_limits(limits)
{}

bool DeliveryJournal::storeError(const QString &what)
{
    m_error = what + QStringLiteral(": ") + m_store.lastError();
    return false;
}

QList<OutboxExport> DeliveryJournal::claim(int limit, qint64 nowMs)
{
    m_error.clear();
    if (limit <= 0)
        return {};
    if (!m_store.begin()) {
        storeError(tr("Could not claim exports"));
        return {};
    }
    bool ok = true;
    const auto take = [&](QList<OutboxExport> rows, QList<OutboxExport> &into) {
        ok = ok && m_store.lastError().isEmpty();
        into.append(std::move(rows));
    };
    QList<OutboxExport> retries, live, backfill, replay;
    take(m_store.claimDueRetries(m_dataflowId, nowMs, limit), retries);
    const int remaining = limit - int(retries.size());
    if (ok && remaining > 0) {
        const int share = std::max(1, remaining / 4);
        take(m_store.claimPending(m_dataflowId, ExportLane::Backfill, share), backfill);
        take(m_store.claimPending(m_dataflowId, ExportLane::Replay, share), replay);
        const int forLive = remaining - int(backfill.size() + replay.size());
        take(m_store.claimPending(m_dataflowId, ExportLane::Live, forLive), live);
        int rest = remaining - int(backfill.size() + replay.size() + live.size());
        // Live had less than its share: the others may use it.
        if (ok && rest > 0 && backfill.size() == share) {
            const qsizetype before = backfill.size();
            take(m_store.claimPending(m_dataflowId, ExportLane::Backfill, rest), backfill);
            rest -= int(backfill.size() - before);
        }
        if (ok && rest > 0 && replay.size() == share)
            take(m_store.claimPending(m_dataflowId, ExportLane::Replay, rest), replay);
    }
    if (!ok || !m_store.commit()) {
        storeError(tr("Could not claim exports"));
        m_store.rollback();
        return {};
    }
    retries.append(std::move(live));
    retries.append(std::move(backfill));
    retries.append(std::move(replay));
    return retries;
}

void DeliveryJournal::delivered(const DeliveryLogEntry &entry, qint64 sequence)
{
    AttemptRecord attempt;
    attempt.sequence = sequence;
    m_outcomes.append(Outcome{entry, attempt});
}

void DeliveryJournal::retry(const DeliveryLogEntry &entry, const AttemptRecord &attempt)
{
    m_outcomes.append(Outcome{entry, attempt});
}

void DeliveryJournal::failed(const DeliveryLogEntry &entry, const AttemptRecord &attempt)
{
    m_outcomes.append(Outcome{entry, attempt});
}

bool DeliveryJournal::flush(qint64 nowMs)
{
    m_error.clear();
    if (m_outcomes.isEmpty())
        return true;
    if (!m_store.begin())
        return storeError(tr("Could not record deliveries"));
    if (!writeOutcomes(nowMs) || !m_store.commit()) {
        storeError(tr("Could not record deliveries"));
        m_store.rollback();
        return false;
    }
    m_outcomes.clear();
    return true;
}

bool DeliveryJournal::writeOutcomes(qint64 nowMs)
{
    qint64 failed = 0, retried = 0;
    QList<qint64> delivered; // removed in one statement
    delivered.reserve(m_outcomes.size());
    for (const Outcome &outcome : std::as_const(m_outcomes)) {
        bool written = true;
        switch (outcome.entry.outcome) {
        case DeliveryOutcome::Delivered:
            delivered.append(outcome.attempt.sequence);
            break;
        case DeliveryOutcome::Retry:
            written = m_store.scheduleRetry(outcome.attempt);
            ++retried;
            break;
        case DeliveryOutcome::Failed:
            written = m_store.markFailed(outcome.attempt);
            ++failed;
            break;
        }
        if (!written || !m_store.appendDeliveryLog(outcome.entry))
            return false;
    }
    if (!m_store.markDelivered(delivered))
        return false;
    const std::pair<const char *, qint64> counters[] = {
        {"delivered", qint64(delivered.size())}, {"failed", failed}, {"retried", retried}};
    for (const auto &[name, value] : counters) {
        if (value > 0 &&
            !m_store.addDataflowCounter(m_dataflowId, QString::fromLatin1(name), value))
            return false;
    }
    const qint64 pruneEveryMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(m_limits.pruneEvery).count();
    if (nowMs - m_lastPruneMs >= pruneEveryMs) {
        const qint64 maxAgeMs =
            std::chrono::duration_cast<std::chrono::milliseconds>(m_limits.logAge).count();
        if (m_store.pruneDeliveryLog(m_destinationId, m_limits.logEntries, nowMs - maxAgeMs) < 0)
            return false;
        m_lastPruneMs = nowMs;
    }
    return true;
}

} // namespace outflow
