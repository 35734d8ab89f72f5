#pragma once

#include "mergereport.h"
#include "model/attributetree.h"
#include "model/fragment.h"
#include "model/profile.h"

#include <functional>
#include <optional>
#include <QJsonObject>

namespace outflow {

class Store;

// The identity graph and profile merge (DESIGN §1). A fragment is merged into
// the profile that owns any of its identities; a new profile is created when
// none does; when its identities belong to several profiles, those profiles
// are merged into the oldest one first (attributes deep-merged, most recently
// updated last; identities and memberships unioned) and the merge recorded.
// Then the fragment's attributes are deep-merged on top: objects merge key by
// key, anything else (strings, numbers, arrays, null) replaces what was there.
//
// The caller owns the transaction: merge() only reads and writes through the
// store, so that a batch of fragments commits (or rolls back) as one.
class ProfileMerger
{
public:
    using Clock = std::function<qint64()>; // UNIX ms

    explicit ProfileMerger(Store &store, Clock clock = {});

    // nullopt when the store failed (its lastError() says why) or a stored
    // profile could not be read (lastError() here says why).
    std::optional<MergeReport> merge(const Fragment &fragment);
    QString lastError() const;

    // Deep-merges `source` into `target`, appending each written leaf path
    // (prefixed with `prefix`) to `written`. The merge itself works on
    // AttributeTree; this QJsonObject form is for the tests and callers that
    // hold objects.
    static void deepMerge(QJsonObject &target, const QJsonObject &source,
                          const QString &prefix = {}, QStringList *written = nullptr);

private:
    std::optional<MergeReport> createProfile(const Fragment &fragment, qint64 now);
    bool parseAttributes(const Profile &profile, AttributeTree &tree);

    Store &m_store;
    Clock m_clock;
    QString m_error;
};

} // namespace outflow
