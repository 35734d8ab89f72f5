#include "ingestor.h"

#include "ndjsonreader.h"
#include "prefetchingreader.h"
#include "store/store.h"

#include <QIODevice>
#include <QScopeGuard>

namespace outflow {

Ingestor::Ingestor(Store &store, ProfileMerger::Clock clock)
    : m_store(store)
    , m_merger(store, std::move(clock))
{}

bool Ingestor::mergeOne(const Fragment &fragment, IngestSummary &summary)
{
    const std::optional<MergeReport> report = m_merger.merge(fragment);
    if (!report)
        return false;
    ++summary.fragmentsMerged;
    if (report->created)
        ++summary.profilesCreated;
    summary.profilesMerged += report->mergedProfileIds.size();
    return runMergedCallback(fragment, *report);
}

bool Ingestor::runMergedCallback(const Fragment &fragment, const MergeReport &report)
{
    m_callbackError.clear();
    if (!m_onMerged)
        return true;
    QString error;
    if (m_onMerged(fragment, report, &error))
        return true;
    m_callbackError = error.isEmpty() ? QStringLiteral("?") : error;
    return false;
}

QString Ingestor::failure() const
{
    return m_callbackError.isEmpty() ? m_merger.lastError() : m_callbackError;
}

IngestSummary Ingestor::ingest(NdjsonReader &reader)
{
    if (reader.device() && !reader.device()->isSequential()) {
        // A file: read ahead on the other core (see PrefetchingReader).
        IngestSummary summary;
        {
            PrefetchingReader prefetching(reader);
            summary = ingestRecords([&](ReadRecord &record) { return prefetching.next(record); },
                                    nullptr);
        } // the reading thread has stopped: `reader` is this thread's again
        if (summary.ok())
            summary.emptyInput = !reader.sawAnyLine();
        return summary;
    }
    IngestSummary summary =
        ingestRecords([&](ReadRecord &record) { return reader.next(record); }, &reader);
    if (summary.ok())
        summary.emptyInput = !reader.sawAnyLine();
    return summary;
}

IngestSummary Ingestor::ingestRecords(const std::function<bool(ReadRecord &)> &next,
                                      NdjsonReader *waiting)
{
    IngestSummary summary;
    IngestSummary pending; // counts of the open transaction, folded in on commit
    int inBatch = 0;
    QElapsedTimer batchAge;

    const auto commitBatch = [&]() -> bool {
        if (inBatch == 0)
            return true;
        if (!m_store.commit()) {
            summary.storeError = m_store.lastError();
            m_store.rollback();
            return false;
        }
        summary.fragmentsMerged += pending.fragmentsMerged;
        summary.profilesCreated += pending.profilesCreated;
        summary.profilesMerged += pending.profilesMerged;
        ++summary.transactions;
        pending = IngestSummary();
        inBatch = 0;
        return true;
    };

    // A slow source (a pipe, a terminal): commit what is pending before
    // waiting for more, never after the next line arrives.
    bool failedInWait = false;
    if (waiting) {
        waiting->setBeforeBlockingRead([&] {
            if (!failedInWait && !commitBatch())
                failedInWait = true;
        });
    }
    const auto stopWaiting = qScopeGuard([waiting] {
        if (waiting)
            waiting->setBeforeBlockingRead({});
    });

    ReadRecord record;
    while (!failedInWait && next(record)) {
        if (!record.fragment) {
            summary.errors.append({record.line, record.error});
        } else {
            if (inBatch == 0) {
                if (!m_store.begin()) {
                    summary.storeError = m_store.lastError();
                    return summary;
                }
                batchAge.start();
            }
            ++inBatch;
            if (!mergeOne(*record.fragment, pending)) {
                summary.storeError = failure();
                m_store.rollback();
                return summary;
            }
        }
        if (inBatch > 0 && (inBatch >= m_batchSize || batchAge.elapsed() >= m_maxBatchDelayMs)) {
            if (!commitBatch())
                return summary;
        }
    }
    if (!failedInWait)
        commitBatch();
    return summary;
}

std::optional<QList<MergeReport>> Ingestor::mergeAll(const QList<Fragment> &fragments,
                                                     QString *error)
{
    QList<MergeReport> reports;
    if (fragments.isEmpty())
        return reports;
    reports.reserve(fragments.size());
    if (!m_store.begin()) {
        if (error)
            *error = m_store.lastError();
        return std::nullopt;
    }
    for (const Fragment &fragment : fragments) {
        m_callbackError.clear();
        std::optional<MergeReport> report = m_merger.merge(fragment);
        if (!report || !runMergedCallback(fragment, *report)) {
            if (error)
                *error = failure();
            m_store.rollback();
            return std::nullopt;
        }
        reports.append(std::move(*report));
    }
    if (!m_store.commit()) {
        if (error)
            *error = m_store.lastError();
        m_store.rollback();
        return std::nullopt;
    }
    return reports;
}

} // namespace outflow
