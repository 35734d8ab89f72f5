#include "profile.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace outflow {

QJsonObject Profile::attributes() const
{
    return QJsonDocument::fromJson(attributesJson).object();
}

void Profile::setAttributes(const QJsonObject &attributes)
{
    attributesJson = QJsonDocument(attributes).toJson(QJsonDocument::Compact);
}

QJsonObject Profile::toXdm() const
{
    QJsonObject xdm = attributes();
    QJsonObject identityMap;
    for (const Identity &identity : identities) {
        QJsonArray entries = identityMap.value(identity.ns).toArray();
        entries.append(QJsonObject{{QStringLiteral("id"), identity.id},
                                   {QStringLiteral("primary"), identity.primary}});
        identityMap.insert(identity.ns, entries);
    }
    xdm.insert(QStringLiteral("identityMap"), identityMap);
    return xdm;
}

} // namespace outflow
