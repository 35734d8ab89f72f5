// Profiles and the identity graph: the statements every merged fragment runs.
#include "sqlitestore.h"
#include "sqlitestore_p.h"

#include <algorithm>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlError>
#include <QVariant>

namespace outflow {

template<typename Work>
bool SqliteStore::atomically(Work &&work)
{
    if (m_inTransaction)
        return work(); // the caller rolls back on failure
    if (!begin())
        return false;
    if (work() && commit())
        return true;
    const QString error = m_error;
    rollback();
    m_error = error;
    return false;
}

QList<qint64> SqliteStore::owners(const QList<Identity> &identities)
{
    QList<qint64> ids;
    if (identities.isEmpty() || !isOpen())
        return ids;
    constexpr int batch = kOwnersBatch;
    for (qsizetype start = 0; start < identities.size(); start += batch) {
        const int count = int(std::min<qsizetype>(batch, identities.size() - start));
        QString error;
        QSqlQuery *query = m_statements->ownersOf(count, &error);
        if (!query) {
            fail(QCoreApplication::translate("SqliteStore", "The store reported an error: %1")
                     .arg(error));
            return {};
        }
        for (int i = 0; i < count; ++i) {
            query->bindValue(Statements::ownersNsName(i), identities.at(start + i).ns);
            query->bindValue(Statements::ownersIdName(i), identities.at(start + i).id);
        }
        if (!exec(*query))
            return {};
        while (query->next())
            ids.append(query->value(0).toLongLong());
        query->finish();
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

std::optional<qint64> SqliteStore::owner(const Identity &identity)
{
    if (!isOpen())
        return std::nullopt;
    QSqlQuery &query = m_statements->owner;
    query.bindValue(QStringLiteral(":ns"), identity.ns);
    query.bindValue(QStringLiteral(":id"), identity.id);
    if (!exec(query))
        return std::nullopt;
    std::optional<qint64> id;
    if (query.next())
        id = query.value(0).toLongLong();
    query.finish(); // a statement left on a row would hold its read snapshot
    return id;
}

std::optional<Profile> SqliteStore::profile(qint64 id)
{
    if (!isOpen())
        return std::nullopt;
    QSqlQuery &query = m_statements->profile;
    query.bindValue(QStringLiteral(":profile"), id);
    if (!exec(query))
        return std::nullopt;
    if (!query.next()) {
        query.finish();
        return std::nullopt;
    }
    Profile profile;
    profile.id = id;
    const QByteArray json = query.value(0).toByteArray();
    profile.createdAt = query.value(1).toLongLong();
    profile.updatedAt = query.value(2).toLongLong();
    do {
        if (!query.isNull(3))
            profile.identities.append(
                {query.value(3).toString(), query.value(4).toString(), query.value(5).toBool()});
    } while (query.next());
    query.finish();
    profile.attributesJson = json;
    return profile;
}

qint64 SqliteStore::insertProfile(const Profile &profile)
{
    if (!isOpen())
        return 0;
    qint64 id = 0;
    const bool inserted = atomically([&] {
        // profile.id is not used: ids come from the store.
        QSqlQuery &query = m_statements->insertProfile;
        query.bindValue(QStringLiteral(":attributes"), profile.attributesJson);
        query.bindValue(QStringLiteral(":createdAt"), profile.createdAt);
        query.bindValue(QStringLiteral(":updatedAt"), profile.updatedAt);
        if (!exec(query))
            return false;
        id = query.lastInsertId().toLongLong();
        return upsertIdentities(id, profile.identities);
    });
    return inserted ? id : 0;
}

bool SqliteStore::updateProfile(const Profile &profile)
{
    if (!isOpen())
        return false;
    QSqlQuery &query = m_statements->updateProfile;
    query.bindValue(QStringLiteral(":attributes"), profile.attributesJson);
    query.bindValue(QStringLiteral(":updatedAt"), profile.updatedAt);
    query.bindValue(QStringLiteral(":profile"), profile.id);
    if (!exec(query))
        return false;
    if (query.numRowsAffected() == 0) {
        return fail(
            QCoreApplication::translate("SqliteStore", "There is no profile %1.").arg(profile.id));
    }
    return true;
}

bool SqliteStore::addIdentities(qint64 profileId, const QList<Identity> &identities)
{
    if (!isOpen())
        return false;
    if (identities.isEmpty())
        return true;
    return atomically([&] { return upsertIdentities(profileId, identities); });
}

bool SqliteStore::upsertIdentities(qint64 profileId, const QList<Identity> &identities)
{
    QSqlQuery &query = m_statements->upsertIdentity;
    for (const Identity &identity : identities) {
        query.bindValue(QStringLiteral(":ns"), identity.ns);
        query.bindValue(QStringLiteral(":id"), identity.id);
        query.bindValue(QStringLiteral(":profile"), profileId);
        query.bindValue(QStringLiteral(":primary"), identity.primary);
        query.bindValue(QStringLiteral(":owner"), profileId);
        if (!exec(query))
            return false;
        if (query.numRowsAffected() == 0) {
            const std::optional<qint64> other = owner(identity);
            if (other == profileId)
                continue; // already the profile's, with that primary flag
            return fail(QCoreApplication::translate(
                            "SqliteStore",
                            "The identity %1:%2 belongs to profile %3; merge the profiles first.")
                            .arg(identity.ns, identity.id, QString::number(other.value_or(0))));
        }
    }
    return true;
}

bool SqliteStore::mergeProfiles(qint64 survivor, qint64 absorbed, qint64 mergedAt)
{
    if (!isOpen())
        return false;
    if (survivor == absorbed) {
        return fail(
            QCoreApplication::translate("SqliteStore", "Profile %1 cannot be merged into itself.")
                .arg(survivor));
    }
    const auto noProfile = [this](qint64 id) {
        return fail(QCoreApplication::translate("SqliteStore", "There is no profile %1.").arg(id));
    };
    return atomically([&] {
        Statements &s = *m_statements;
        s.profileExists.bindValue(QStringLiteral(":profile"), survivor);
        if (!exec(s.profileExists))
            return false;
        const bool survivorExists = s.profileExists.next();
        s.profileExists.finish();
        if (!survivorExists)
            return noProfile(survivor);

        // The absorbed identities follow the survivor's, in their own order.
        s.lastPosition.bindValue(QStringLiteral(":profile"), survivor);
        if (!exec(s.lastPosition) || !s.lastPosition.next())
            return false;
        const qint64 offset = s.lastPosition.value(0).toLongLong();
        s.lastPosition.finish();

        s.moveIdentities.bindValue(QStringLiteral(":survivor"), survivor);
        s.moveIdentities.bindValue(QStringLiteral(":offset"), offset);
        s.moveIdentities.bindValue(QStringLiteral(":absorbed"), absorbed);
        s.moveMemberships.bindValue(QStringLiteral(":survivor"), survivor);
        s.moveMemberships.bindValue(QStringLiteral(":absorbed"), absorbed);
        s.deleteProfile.bindValue(QStringLiteral(":profile"), absorbed);
        if (!exec(s.moveIdentities) || !exec(s.moveMemberships) || !exec(s.deleteProfile))
            return false;
        if (s.deleteProfile.numRowsAffected() == 0)
            return noProfile(absorbed);

        s.recordMerge.bindValue(QStringLiteral(":survivor"), survivor);
        s.recordMerge.bindValue(QStringLiteral(":absorbed"), absorbed);
        s.recordMerge.bindValue(QStringLiteral(":mergedAt"), mergedAt);
        return exec(s.recordMerge);
    });
}

QList<MergeRecord> SqliteStore::mergesInto(qint64 survivor)
{
    QList<MergeRecord> merges;
    if (!isOpen())
        return merges;
    QSqlQuery &query = m_statements->mergesInto;
    query.bindValue(QStringLiteral(":survivor"), survivor);
    if (!exec(query))
        return merges;
    while (query.next()) {
        merges.append({query.value(0).toLongLong(), query.value(1).toLongLong(),
                       query.value(2).toLongLong()});
    }
    query.finish();
    return merges;
}

qint64 SqliteStore::profileCount()
{
    if (!isOpen())
        return 0;
    QSqlQuery &query = m_statements->profileCount;
    if (!exec(query) || !query.next())
        return 0;
    const qint64 count = query.value(0).toLongLong();
    query.finish();
    return count;
}

QList<qint64> SqliteStore::profileIds(qint64 afterId, int limit)
{
    QList<qint64> ids;
    if (limit <= 0 || !isOpen())
        return ids;
    QSqlQuery &query = m_statements->profileIds;
    query.bindValue(QStringLiteral(":after"), afterId);
    query.bindValue(QStringLiteral(":limit"), limit);
    if (!exec(query))
        return ids;
    ids.reserve(limit);
    while (query.next())
        ids.append(query.value(0).toLongLong());
    query.finish();
    return ids;
}

} // namespace outflow
