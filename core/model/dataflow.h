#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace outflow {

// An audience activated to a destination, with the reference's mapping
// timestamps (exported with "include segment timestamps").
struct MappedAudience
{
    QString audienceId;
    qint64 mappingCreatedAt = 0; // UNIX ms
    qint64 mappingUpdatedAt = 0; // UNIX ms
    friend bool operator==(const MappedAudience &, const MappedAudience &) = default;
};

// An XDM attribute path exported by a dataflow ("person.name.firstName").
struct MappedAttribute
{
    QString path;
    bool identifier = false; // the unique identifier the reference recommends
    bool mandatory = false;  // a profile without it is excluded, not sent
    friend bool operator==(const MappedAttribute &, const MappedAttribute &) = default;
};

// Which kinds of change may cause an export (the reference's "when to
// activate"): a switched-off trigger suppresses exports caused by it alone.
struct ActivationTriggers
{
    bool attribute = true;    // a mapped attribute was written
    bool segmentation = true; // a mapped audience was entered or exited
    bool identity = true;     // the identity map changed
    friend bool operator==(const ActivationTriggers &, const ActivationTriggers &) = default;
};

// The activation of one destination (DESIGN §1): one dataflow per destination.
struct Dataflow
{
    QString id; // UUID, without braces
    QString destinationId;
    QList<MappedAudience> audiences;
    QList<MappedAttribute> attributes;
    ActivationTriggers triggers;
    qint64 createdAt = 0; // UNIX ms
    qint64 updatedAt = 0; // UNIX ms
};

} // namespace outflow

Q_DECLARE_METATYPE(outflow::Dataflow)

class QJsonObject;

namespace outflow {

// The store's `config` column of a dataflow: mapped audiences, attributes and
// triggers (camelCase keys; missing keys keep their defaults).
QJsonObject dataflowConfigToJson(const Dataflow &dataflow);
void dataflowConfigFromJson(const QJsonObject &config, Dataflow *dataflow);

} // namespace outflow
