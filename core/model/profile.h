#pragma once

#include "identity.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace outflow {

// One customer (DESIGN §1): XDM attributes (person.name.firstName,
// personalEmail.address…) and identities. Memberships live beside it in the
// store (audiences issue); toXdm() adds identityMap in XDM shape.
struct Profile
{
    qint64 id = 0; // store id; 0 until inserted
    // Without identityMap and segmentMembership, as compact JSON text: the
    // store keeps it so, and the merge path works on the text (AttributeTree)
    // without ever building a QJsonObject.
    QByteArray attributesJson = QByteArrayLiteral("{}");
    QList<Identity> identities;
    qint64 createdAt = 0; // UNIX ms
    qint64 updatedAt = 0; // UNIX ms

    QJsonObject attributes() const;
    void setAttributes(const QJsonObject &attributes);

    // attributes + "identityMap": {"<ns>": [{"id": "...", "primary": bool}]}
    QJsonObject toXdm() const;
};

} // namespace outflow
