// Profiles and the identity graph: the statements every merged fragment runs.
#include "profilecache.h"
#include "sqlitestore.h"
#include "sqlitestore_p.h"

#include <algorithm>
#include <QCoreApplication>
#include <QSqlError>
#include <QVariant>
#include <sqlite3.h>

namespace outflow {

bool SqliteStore::failStatement(const SqliteStatement &statement)
{
    return fail(QCoreApplication::translate("SqliteStore", "The store reported an error: %1")
                    .arg(statement.errorMessage()));
}

QList<qint64> SqliteStore::ownersFromSql(const QList<Identity> &identities)
{
    QList<qint64> ids;
    constexpr int batch = kOwnersBatch;
    for (qsizetype start = 0; start < identities.size(); start += batch) {
        const int count = int(std::min<qsizetype>(batch, identities.size() - start));
        QString error;
        SqliteStatement *statement = m_statements->ownersOf(count, &error);
        if (!statement) {
            fail(QCoreApplication::translate("SqliteStore", "The store reported an error: %1")
                     .arg(error));
            return {};
        }
        const SqliteStatement::Use use(*statement);
        for (int i = 0; i < count; ++i) {
            statement->bind(2 * i + 1, identities.at(start + i).ns);
            statement->bind(2 * i + 2, identities.at(start + i).id);
        }
        while (statement->step())
            ids.append(statement->int64(0));
        if (statement->failed()) {
            failStatement(*statement);
            return {};
        }
    }
    return ids;
}

std::optional<qint64> SqliteStore::owner(const Identity &identity)
{
    if (!isOpen())
        return std::nullopt;
    SqliteStatement &statement = m_statements->owner;
    const SqliteStatement::Use use(statement);
    statement.bind(1, identity.ns);
    statement.bind(2, identity.id);
    std::optional<qint64> id;
    if (statement.step())
        id = statement.int64(0);
    else if (statement.failed())
        failStatement(statement);
    return id;
}

std::optional<Profile> SqliteStore::readProfile(qint64 id)
{
    SqliteStatement &statement = m_statements->profile;
    const SqliteStatement::Use use(statement);
    statement.bind(1, id);
    if (!statement.step()) {
        if (statement.failed())
            failStatement(statement);
        return std::nullopt;
    }
    Profile profile;
    profile.id = id;
    profile.attributesJson = statement.bytes(0);
    profile.createdAt = statement.int64(1);
    profile.updatedAt = statement.int64(2);
    do {
        if (!statement.isNull(3))
            profile.identities.append(
                {statement.text(3), statement.text(4), statement.int64(5) != 0});
    } while (statement.step());
    if (statement.failed()) {
        failStatement(statement);
        return std::nullopt;
    }
    return profile;
}

qint64 SqliteStore::insertProfile(const Profile &profile)
{
    if (!isOpen())
        return 0;
    qint64 id = 0;
    const bool inserted = atomically([&] {
        // profile.id is not used: ids come from the store.
        SqliteStatement &statement = m_statements->insertProfile;
        const SqliteStatement::Use use(statement);
        statement.bind(1, QByteArrayView(profile.attributesJson));
        statement.bind(2, profile.createdAt);
        statement.bind(3, profile.updatedAt);
        if (statement.step() || statement.failed())
            return failStatement(statement);
        id = sqlite3_last_insert_rowid(m_statements->handle);
        m_profilesWritten = true;
        if (!insertNewIdentities(id, profile.identities))
            return false;
        Profile stored = profile;
        stored.id = id;
        stored.identities.clear();
        m_cache->created(stored);
        m_cache->addIdentities(id, profile.identities); // as upserted: duplicates once
        return true;
    });
    return inserted ? id : 0;
}

bool SqliteStore::updateProfile(const Profile &profile)
{
    if (!isOpen())
        return false;
    // atomically(): outside a transaction too, the generation must move
    // with the change (see begin()).
    return atomically([&] {
        SqliteStatement &statement = m_statements->updateProfile;
        const SqliteStatement::Use use(statement);
        statement.bind(1, QByteArrayView(profile.attributesJson));
        statement.bind(2, profile.updatedAt);
        statement.bind(3, profile.id);
        if (statement.step() || statement.failed())
            return failStatement(statement);
        if (sqlite3_changes(m_statements->handle) == 0) {
            return fail(QCoreApplication::translate("SqliteStore", "There is no profile %1.")
                            .arg(profile.id));
        }
        m_profilesWritten = true;
        m_cache->updateAttributes(profile.id, profile.attributesJson, profile.updatedAt);
        return true;
    });
}

bool SqliteStore::addIdentities(qint64 profileId, const QList<Identity> &identities)
{
    if (!isOpen())
        return false;
    if (identities.isEmpty())
        return true;
    return atomically([&] {
        m_profilesWritten = true;
        if (!upsertIdentities(profileId, identities))
            return false;
        m_cache->addIdentities(profileId, identities);
        return true;
    });
}

// A new profile owns nothing yet: its identities go in with their positions,
// one plain INSERT each, without the upsert's look-up of the last position.
// One owned by another profile breaks the primary key, and the upsert then
// says which profile owns it.
bool SqliteStore::insertNewIdentities(qint64 profileId, const QList<Identity> &identities)
{
    QList<Identity> distinct; // as the upsert holds them: first place, last primary flag
    distinct.reserve(identities.size());
    for (const Identity &identity : identities) {
        const auto known = std::find(distinct.begin(), distinct.end(), identity);
        if (known == distinct.end())
            distinct.append(identity);
        else
            known->primary = identity.primary;
    }
    SqliteStatement &statement = m_statements->insertIdentity;
    for (qsizetype i = 0; i < distinct.size(); ++i) {
        const Identity &identity = distinct.at(i);
        const SqliteStatement::Use use(statement);
        statement.bind(1, identity.ns);
        statement.bind(2, identity.id);
        statement.bind(3, profileId);
        statement.bind(4, qint64(identity.primary ? 1 : 0));
        statement.bind(5, qint64(i + 1));
        if (!statement.step() && !statement.failed())
            continue;
        if (sqlite3_extended_errcode(m_statements->handle) == SQLITE_CONSTRAINT_PRIMARYKEY)
            return upsertIdentities(profileId, distinct.sliced(i));
        return failStatement(statement);
    }
    return true;
}

bool SqliteStore::upsertIdentities(qint64 profileId, const QList<Identity> &identities)
{
    SqliteStatement &statement = m_statements->upsertIdentity;
    for (const Identity &identity : identities) {
        int changed = 0;
        {
            const SqliteStatement::Use use(statement);
            statement.bind(1, identity.ns);
            statement.bind(2, identity.id);
            statement.bind(3, profileId);
            statement.bind(4, qint64(identity.primary ? 1 : 0));
            if (statement.step() || statement.failed())
                return failStatement(statement);
            changed = sqlite3_changes(m_statements->handle);
        }
        if (changed == 0) {
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
        // The absorbed identities, for the cache (usually cached already:
        // the merger has just read both profiles).
        bool failed = false;
        const std::optional<Profile> absorbedProfile = cachedProfile(absorbed, &failed);
        if (failed)
            return false;
        Statements &s = *m_statements;
        bool survivorExists = false;
        qint64 offset = 0;
        {
            const SqliteStatement::Use use(s.profileExists);
            s.profileExists.bind(1, survivor);
            survivorExists = s.profileExists.step();
            if (s.profileExists.failed())
                return failStatement(s.profileExists);
        }
        if (!survivorExists)
            return noProfile(survivor);
        {
            const SqliteStatement::Use use(s.lastPosition);
            s.lastPosition.bind(1, survivor);
            if (!s.lastPosition.step())
                return failStatement(s.lastPosition);
            offset = s.lastPosition.int64(0);
        }
        // The absorbed identities follow the survivor's, in their own order;
        // read from the table itself, not the cache: a row left behind would
        // go with the absorbed profile (ON DELETE CASCADE).
        QList<std::pair<QByteArray, QByteArray>> moving;
        {
            const SqliteStatement::Use use(s.identitiesOf);
            s.identitiesOf.bind(1, absorbed);
            while (s.identitiesOf.step())
                moving.append({s.identitiesOf.bytes(0), s.identitiesOf.bytes(1)});
            if (s.identitiesOf.failed())
                return failStatement(s.identitiesOf);
        }
        for (const auto &[ns, id] : std::as_const(moving)) {
            const SqliteStatement::Use use(s.moveIdentity);
            s.moveIdentity.bind(1, survivor);
            s.moveIdentity.bind(2, ++offset);
            s.moveIdentity.bind(3, QByteArrayView(ns));
            s.moveIdentity.bind(4, QByteArrayView(id));
            if (s.moveIdentity.step() || s.moveIdentity.failed())
                return failStatement(s.moveIdentity);
        }
        bool memberships = false;
        {
            const SqliteStatement::Use use(s.hasMemberships);
            s.hasMemberships.bind(1, absorbed);
            memberships = s.hasMemberships.step();
            if (s.hasMemberships.failed())
                return failStatement(s.hasMemberships);
        }
        // Memberships have no foreign key (schema version 15): those the
        // survivor did not take are deleted here, not by a cascade.
        if (memberships && (!run(s.moveMemberships, {survivor, absorbed}) ||
                            !run(s.deleteMembershipsOf, {absorbed}))) {
            return false;
        }
        if (!run(s.deleteProfile, {absorbed}))
            return false;
        if (sqlite3_changes(m_statements->handle) == 0)
            return noProfile(absorbed);
        m_profilesWritten = true;
        if (!run(s.recordMerge, {survivor, absorbed, mergedAt}))
            return false;
        if (absorbedProfile)
            m_cache->merge(survivor, *absorbedProfile);
        else
            m_cache->remove(survivor); // cannot happen: the absorbed row was just deleted
        return true;
    });
}

bool SqliteStore::run(SqliteStatement &statement, std::initializer_list<qint64> values)
{
    const SqliteStatement::Use use(statement);
    int index = 0;
    for (const qint64 value : values)
        statement.bind(++index, value);
    if (statement.step() || statement.failed())
        return failStatement(statement);
    return true;
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
