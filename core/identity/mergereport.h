#pragma once

#include "model/attributetree.h"
#include "model/identity.h"

#include <memory>
#include <QByteArray>
#include <QList>
#include <QStringList>

namespace outflow {

// What merging one fragment changed, for the stages that follow (segmentation
// and export decisions, DESIGN §2): every attribute path written, even with an
// unchanged value; identities the profile gained or whose primary flag
// changed; profiles folded into this one.
struct MergeReport
{
    qint64 profileId = 0;
    bool created = false;              // a new profile was made for this fragment
    WrittenPaths writtenPaths;         // dotted leaf paths, e.g. "person.name.firstName"
    QList<Identity> identitiesAdded;   // new to this profile (from the fragment or merged profiles)
    QList<Identity> identitiesUpdated; // already owned; `primary` changed
    QList<qint64> mergedProfileIds;    // absorbed into profileId, now gone
    qint64 mergedAt = 0;               // UNIX ms, the merge time of this fragment
    // The profile as it stands after the merge (attributes as compact JSON
    // text, identities in order): what segmentation evaluates, without
    // reading the profile back from the store.
    QByteArray attributesJson;
    QList<Identity> identities;
    // The same attributes as the merge's tree, which rules are evaluated on
    // (Rule::matches); null in a report made by hand, where segmentation
    // parses attributesJson instead. Immutable, shared by copies.
    std::shared_ptr<const AttributeTree> attributes;

    bool identityMapChanged() const
    {
        return !identitiesAdded.isEmpty() || !identitiesUpdated.isEmpty() ||
               !mergedProfileIds.isEmpty();
    }
};

} // namespace outflow
