#pragma once

#include "model/export.h"

#include <optional>
#include <QtGlobal>

namespace outflow {

// How fast a backfill goes and when it should end (issue #17): its average
// rate since it was created, and the time left at that rate. One
// computation for `outflowctl status` and the app's progress bar.
struct BackfillEstimate
{
    double perSecond = 0;        // profiles a second, since it started; 0: none done yet
    std::optional<qint64> etaMs; // time left at that rate; nullopt: finished or unknown

    // `nowMs`: UNIX ms; a finished backfill's rate stops at its last update.
    static BackfillEstimate of(const Backfill &backfill, qint64 nowMs);
};

} // namespace outflow
