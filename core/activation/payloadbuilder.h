#pragma once

#include "activation/attributeselector.h"
#include "model/audience.h"
#include "model/dataflow.h"
#include "model/destination.h"
#include "model/identity.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QStringList>

namespace outflow {

// Builds the JSON body of one export (DESIGN §2, "What an export contains";
// the reference's "Données exportées"). Made once per dataflow, with every
// audience of the store; build() then only walks the profile's attribute text
// and looks memberships up, so backfill can call it a million times in a row.
// Immutable after construction: build() may run on several threads at once.
//
// The export, compact JSON, members in this order:
//   1. the mapped attributes the profile has (non-null), at their XDM paths,
//      in the profile's own member order (AttributeSelector);
//   2. "segmentMembership": {"ups": {"<audienceId>": {...}}}: every membership
//      of the profile, realized or exited, whose audience shares a merge
//      policy with an audience mapped to the dataflow; in the order given.
//      Each entry: "lastQualificationTime", "status", then on MAPPED audiences
//      only: with segment timestamps "createdAt", "updatedAt" (the audience's),
//      "mappingCreatedAt", "mappingUpdatedAt" (the mapping's), UNIX ms; with
//      segment names "name". That is the reference's order;
//   3. "identityMap": {"<namespace>": [{"id": "..."}]}: every identity,
//      namespaces in order of first appearance, identities in the order
//      given; "primary": true only on a primary identity (XDM's default is
//      false, and the reference's first example carries none).
// Audiences missing from `audiencesById` (deleted since) are left out, mapped
// or not. Mapped attribute paths under identityMap or segmentMembership are
// ignored: identities cannot be mapped, memberships are the builder's own.
class PayloadBuilder
{
public:
    PayloadBuilder(const Dataflow &dataflow, bool includeSegmentNames,
                   bool includeSegmentTimestamps, const QHash<QString, Audience> &audiencesById);
    PayloadBuilder(const Dataflow &dataflow, const Destination &destination,
                   const QHash<QString, Audience> &audiencesById)
        : PayloadBuilder(dataflow, destination.includeSegmentNames,
                         destination.includeSegmentTimestamps, audiencesById)
    {}

    // One export. `attributesJson`: the profile's attributes as stored
    // (Profile::attributesJson); `memberships`: ALL the profile's memberships
    // after the merge. Empty when `attributesJson` is not a JSON object (the
    // store never holds one; the caller excludes the profile).
    QByteArray build(const QByteArray &attributesJson, const QList<Identity> &identities,
                     const QList<Membership> &memberships) const;

    // The mandatory mapped paths without a value on the profile, in mapping
    // order. Not empty: the profile is excluded, not sent (DESIGN §2).
    QStringList missingMandatory(const QByteArray &attributesJson) const;

private:
    // An audience that goes into segmentMembership.ups, its JSON precomputed.
    struct ExportedAudience
    {
        QByteArray opening;      // "\"<id>\":{\"lastQualificationTime\":"
        QByteArray mappedFields; // ",\"createdAt\":…,\"name\":\"…\"" on mapped audiences
    };

    AttributeSelector m_attributes;
    AttributeSelector m_mandatory;
    QHash<QString, ExportedAudience> m_exportedAudiences;
};

} // namespace outflow
