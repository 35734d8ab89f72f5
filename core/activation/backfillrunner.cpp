#include "backfillrunner.h"

#include "activator.h"
#include "store/store.h"

#include <QDateTime>

namespace outflow {

BackfillRunner::BackfillRunner(Store &store, Activator &activator, Clock clock)
    : m_store(store)
    , m_activator(activator)
    , m_clock(std::move(clock))
{}

qint64 BackfillRunner::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

bool BackfillRunner::fail(const QString &context)
{
    m_error = tr("%1: %2").arg(context, m_store.lastError());
    return false;
}

std::optional<Backfill> BackfillRunner::create(Store &store, const QString &dataflowId,
                                               const QStringList &audienceIds, Backfill::Kind kind,
                                               qint64 nowMs)
{
    Backfill backfill;
    backfill.dataflowId = dataflowId;
    backfill.kind = kind;
    backfill.audienceIds = audienceIds;
    for (const QString &id : audienceIds)
        backfill.total += store.membershipCounts(id).realized;
    backfill.createdAt = backfill.updatedAt = nowMs;
    backfill.finished = audienceIds.isEmpty();
    backfill.id = store.saveBackfill(backfill);
    if (backfill.id == 0)
        return std::nullopt;
    return backfill;
}

bool BackfillRunner::runPage(Backfill *progress, bool *idle)
{
    m_error.clear();
    *idle = false;
    const QList<Backfill> pending = m_store.pendingBackfills();
    if (!m_store.lastError().isEmpty())
        return fail(tr("Could not read the backfills"));
    // The oldest backfill its dataflow can take now. The activator may not
    // know a dataflow or a mapping made since it loaded them (outflowctl
    // activate beside the app): it loads them again, once, before a backfill
    // is judged paused or unmapped.
    std::optional<Backfill> next;
    Activator::BackfillTarget target = Activator::BackfillTarget::Unknown;
    bool reloaded = false;
    for (const Backfill &candidate : pending) {
        target = m_activator.backfillTarget(candidate);
        if (target != Activator::BackfillTarget::Ready &&
            target != Activator::BackfillTarget::Paused && !reloaded) {
            if (!m_activator.reload()) {
                m_error = m_activator.lastError();
                return false;
            }
            reloaded = true;
            target = m_activator.backfillTarget(candidate);
        }
        // Paused (a disabled destination) or of a dataflow gone: it waits.
        if (target == Activator::BackfillTarget::Ready ||
            target == Activator::BackfillTarget::Unmapped) {
            next = candidate;
            break;
        }
    }
    if (!next) {
        *idle = true;
        return true;
    }
    Backfill backfill = *next;
    if (!m_store.begin())
        return fail(tr("Could not start a backfill page"));
    const auto abort = [this](const QString &context) {
        const QString error =
            m_error.isEmpty() ? context + QStringLiteral(": ") + m_store.lastError() : m_error;
        m_activator.discardCounters(); // the page's, rolled back with it
        m_store.rollback();
        m_error = error;
        return false;
    };
    const QString audienceId = backfill.audienceIds.value(backfill.audienceIndex);
    // An audience unmapped since the backfill was made is not exported: its
    // members are skipped, and the walk goes on with the next audience.
    QList<qint64> page;
    if (target == Activator::BackfillTarget::Ready) {
        page = m_store.realizedMembers(audienceId, backfill.afterProfileId, m_pageSize);
        if (!m_store.lastError().isEmpty())
            return abort(tr("Could not read the members of audience %1").arg(audienceId));
    }
    for (const qint64 profileId : page) {
        bool exported = false;
        if (!m_activator.backfillProfile(backfill, profileId, &exported)) {
            m_error = m_activator.lastError();
            return abort({});
        }
        ++backfill.done;
        backfill.afterProfileId = profileId;
    }
    if (page.size() < m_pageSize) { // this audience is done: on to the next one
        ++backfill.audienceIndex;
        backfill.afterProfileId = 0;
        if (backfill.audienceIndex >= backfill.audienceIds.size()) {
            backfill.finished = true;
            // Members come and go while it runs: the total was an estimate.
            backfill.total = backfill.done;
        }
    }
    backfill.total = qMax(backfill.total, backfill.done);
    backfill.updatedAt = now();
    // The page's counts with its exports and its cursor: one upsert each.
    if (!m_activator.saveCounters()) {
        m_error = m_activator.lastError();
        return abort({});
    }
    if (m_store.saveBackfill(backfill) == 0)
        return abort(tr("Could not record the backfill's progress"));
    if (!m_store.commit())
        return abort(tr("Could not commit a backfill page"));
    *progress = backfill;
    return true;
}

} // namespace outflow
