#pragma once

// bench/backfill's input: a store holding many profiles already realized in
// an audience, made straight through the Store API in large transactions (an
// ingest of a million fragments would take minutes and measure the merge,
// not the backfill).
#include <QString>

namespace outflow {
class Store;
}

namespace outflow::bench {

struct RealizedProfiles
{
    QString mappedAudienceId; // "Gold": every profile is realized in it
    qint64 profiles = 0;
    qint64 memberships = 0;
    double seconds = 0;
};

// Stores `count` profiles of realistic XDM (≈ 600 bytes of attributes: name,
// birth date, e-mail, phone, address, loyalty), 2–3 identities each, realized
// in Gold; half of them also in Silver (the same merge policy, unmapped: it
// goes into segmentMembership.ups) and a third in Crm (another merge policy:
// left out). Commits every `batch` profiles. On failure, `error` says why and
// the result's profiles is 0.
RealizedProfiles storeRealizedProfiles(Store &store, qint64 count, int batch, QString *error);

} // namespace outflow::bench
