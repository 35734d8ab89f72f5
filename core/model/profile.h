#pragma once

#include "identity.h"

#include <QJsonObject>
#include <QList>

namespace outflow {

// One customer (DESIGN §1): XDM attributes (person.name.firstName,
// personalEmail.address…) and identities. Memberships live beside it in the
// store (audiences issue); toXdm() adds identityMap in XDM shape.
struct Profile
{
    qint64 id = 0;          // store id; 0 until inserted
    QJsonObject attributes; // without identityMap and segmentMembership
    QList<Identity> identities;
    qint64 createdAt = 0; // UNIX ms
    qint64 updatedAt = 0; // UNIX ms

    // attributes + "identityMap": {"<ns>": [{"id": "...", "primary": bool}]}
    QJsonObject toXdm() const;
};

} // namespace outflow
