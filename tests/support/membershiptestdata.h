#pragma once

// What the membership store tests share: a profile by its email, the
// audience ids they store memberships under, and a membership list as text.
#include "model/audience.h"
#include "model/profile.h"

#include <QStringList>

namespace outflow::test {

inline Profile profileWithEmail(const QString &email)
{
    Profile p;
    p.identities = {{QStringLiteral("email"), email, true}};
    p.attributesJson = QByteArrayLiteral("{}");
    p.createdAt = p.updatedAt = 1;
    return p;
}

// "audience=status@time" for each membership, in the store's order.
inline QStringList describe(const QList<Membership> &memberships)
{
    QStringList result;
    for (const Membership &m : memberships) {
        result.append(m.audienceId + u'=' + membershipStatusName(m.status) + u'@' +
                      m.lastQualificationTime);
    }
    return result;
}

inline const QString gold = QStringLiteral("b0000000-0000-4000-8000-000000000001");
inline const QString france = QStringLiteral("a0000000-0000-4000-8000-000000000002");
inline const QString upload = QStringLiteral("c0000000-0000-4000-8000-000000000003");

} // namespace outflow::test
