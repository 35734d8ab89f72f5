#pragma once

#include "model/export.h"

#include <functional>
#include <optional>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace outflow {

class Activator;
class Store;

// Walks backfills (and resends) page by page (DESIGN §2, Backfill): each page
// exports its profiles and moves the backfill's cursor in one transaction, so
// live exports keep flowing between pages, progress survives a restart, and no
// profile is exported twice by the same backfill.
class BackfillRunner
{
    Q_DECLARE_TR_FUNCTIONS(BackfillRunner)

public:
    using Clock = std::function<qint64()>; // UNIX ms
    static constexpr int DefaultPageSize = 1000;

    BackfillRunner(Store &store, Activator &activator, Clock clock = {});

    void setPageSize(int profiles) { m_pageSize = qMax(1, profiles); }

    // Records a backfill of `audienceIds` for a dataflow, to be walked by
    // runPage(); its total is their realized member count now. Runs in the
    // caller's transaction when one is open. nullopt when the store failed
    // (Store::lastError() says why).
    static std::optional<Backfill> create(Store &store, const QString &dataflowId,
                                          const QStringList &audienceIds, Backfill::Kind kind,
                                          qint64 nowMs);

    // Walks one page of the oldest unfinished backfill in a transaction of its
    // own (the caller must not have one open). A backfill of a disabled
    // destination waits (the next one runs); one whose audience is no longer
    // mapped skips it. *progress is that backfill afterwards; *idle is true
    // when none was left to walk. False when the store failed (the page is
    // rolled back).
    bool runPage(Backfill *progress, bool *idle);

    QString lastError() const { return m_error; }

private:
    bool fail(const QString &context);
    qint64 now() const;

    Store &m_store;
    Activator &m_activator;
    Clock m_clock;
    int m_pageSize = DefaultPageSize;
    QString m_error;
};

} // namespace outflow
