#include "dataflow.h"

#include <QJsonArray>
#include <QJsonObject>

namespace outflow {

QJsonObject dataflowConfigToJson(const Dataflow &dataflow)
{
    QJsonArray audiences;
    for (const MappedAudience &audience : dataflow.audiences)
        audiences.append(
            QJsonObject{{QStringLiteral("id"), audience.audienceId},
                        {QStringLiteral("mappingCreatedAt"), audience.mappingCreatedAt},
                        {QStringLiteral("mappingUpdatedAt"), audience.mappingUpdatedAt}});
    QJsonArray attributes;
    for (const MappedAttribute &attribute : dataflow.attributes)
        attributes.append(QJsonObject{{QStringLiteral("path"), attribute.path},
                                      {QStringLiteral("identifier"), attribute.identifier},
                                      {QStringLiteral("mandatory"), attribute.mandatory}});
    const ActivationTriggers &t = dataflow.triggers;
    return QJsonObject{
        {QStringLiteral("audiences"), audiences},
        {QStringLiteral("attributes"), attributes},
        {QStringLiteral("triggers"), QJsonObject{{QStringLiteral("attribute"), t.attribute},
                                                 {QStringLiteral("segmentation"), t.segmentation},
                                                 {QStringLiteral("identity"), t.identity}}}};
}

void dataflowConfigFromJson(const QJsonObject &config, Dataflow *dataflow)
{
    dataflow->audiences.clear();
    for (const QJsonValue &entry : config.value(QLatin1String("audiences")).toArray()) {
        const QJsonObject audience = entry.toObject();
        dataflow->audiences.append(
            {audience.value(QLatin1String("id")).toString(),
             qint64(audience.value(QLatin1String("mappingCreatedAt")).toDouble()),
             qint64(audience.value(QLatin1String("mappingUpdatedAt")).toDouble())});
    }
    dataflow->attributes.clear();
    for (const QJsonValue &entry : config.value(QLatin1String("attributes")).toArray()) {
        const QJsonObject attribute = entry.toObject();
        dataflow->attributes.append({attribute.value(QLatin1String("path")).toString(),
                                     attribute.value(QLatin1String("identifier")).toBool(),
                                     attribute.value(QLatin1String("mandatory")).toBool()});
    }
    const QJsonObject triggers = config.value(QLatin1String("triggers")).toObject();
    dataflow->triggers.attribute = triggers.value(QLatin1String("attribute")).toBool(true);
    dataflow->triggers.segmentation = triggers.value(QLatin1String("segmentation")).toBool(true);
    dataflow->triggers.identity = triggers.value(QLatin1String("identity")).toBool(true);
}

} // namespace outflow
