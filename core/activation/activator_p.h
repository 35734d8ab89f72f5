#pragma once

// Private to the Activator: what activator.cpp (live decisions) and
// activatorbackfill.cpp (backfill decisions) share.
#include "activator.h"
#include "payloadbuilder.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace outflow {

struct Activator::Flow
{
    Dataflow dataflow;
    QSet<QString> mappedAudiences;
    QStringList mappedPaths;
    QList<QByteArray> mappedPathsUtf8; // the same, as the merge writes them
    std::unique_ptr<PayloadBuilder> builder;
};

struct Activator::Change
{
    qint64 profileId = 0;
    QByteArray attributesJson;
    QList<Identity> identities;
    WrittenPaths writtenPaths;
    QList<Identity> identitiesAdded;
    QList<Identity> identitiesUpdated; // `primary` changed
    int profilesMerged = 0;
    bool identityMapChanged = false;
    QList<MembershipTransition> transitions;
    QList<Membership> memberships;
    bool membershipsLoaded = false;
    qint64 time = 0; // UNIX ms: the merge time, else now
};

inline QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace outflow
