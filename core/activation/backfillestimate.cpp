#include "backfillestimate.h"

#include <algorithm>
#include <cmath>

namespace outflow {

BackfillEstimate BackfillEstimate::of(const Backfill &backfill, qint64 nowMs)
{
    BackfillEstimate estimate;
    const qint64 end = backfill.finished ? backfill.updatedAt : nowMs;
    // At least a second: a rate over a few milliseconds means nothing.
    const qint64 elapsedMs = std::max<qint64>(1000, end - backfill.createdAt);
    if (backfill.done <= 0)
        return estimate;
    estimate.perSecond = double(backfill.done) * 1000.0 / double(elapsedMs);
    const qint64 left = std::max<qint64>(0, backfill.total - backfill.done);
    if (!backfill.finished)
        estimate.etaMs = qint64(std::ceil(double(left) * 1000.0 / estimate.perSecond));
    return estimate;
}

} // namespace outflow
