#pragma once

#include <QHashFunctions>
#include <QMetaType>
#include <QString>

namespace outflow {

// One identity of a profile: an id within a namespace ("email",
// "crmId", "ECID"…), as in XDM's identityMap. Two identities are the same
// when namespace and id are equal; `primary` is a property, not part of the key.
struct Identity
{
    QString ns;
    QString id;
    bool primary = false;
    // Whether `primary` was stated. A fragment that names a known identity
    // without "primary" leaves its flag as it is: absence is not false
    // (issue #21). For a new identity an unstated flag means not primary.
    // Everything read from the store states it.
    bool primaryStated = true;

    friend bool operator==(const Identity &a, const Identity &b)
    {
        return a.ns == b.ns && a.id == b.id;
    }
    friend bool operator!=(const Identity &a, const Identity &b) { return !(a == b); }
    friend size_t qHash(const Identity &identity, size_t seed = 0)
    {
        return qHashMulti(seed, identity.ns, identity.id);
    }
};

} // namespace outflow

Q_DECLARE_METATYPE(outflow::Identity)
