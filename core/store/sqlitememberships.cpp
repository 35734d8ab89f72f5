// Memberships (schema version 8): stored by audience key, spoken of by
// audience UUID. The two hot statements, which segmentation runs for merged
// fragments, map keys and UUIDs through the connection's key cache
// (sqliteaudiences_p.h) instead of joining the audiences table (a join and a
// sort per read, a subquery per write: a third of the membership statements'
// instructions).
#include "profilecache.h"
#include "sqliteaudiences_p.h"

#include <algorithm>
#include <QCoreApplication>
#include <sqlite3.h>
#include <tuple>

namespace outflow {

using Lookup = AudienceLookup;

namespace {

// The store's message, taken while the statement still holds it.
Lookup failed(const SqliteStatement &statement, QString *error)
{
    *error = QCoreApplication::translate("SqliteStore", "The store reported an error: %1")
                 .arg(statement.errorMessage());
    return Lookup::Failed;
}

} // namespace

Lookup SqliteStore::AudienceStatements::keyOf(const QString &id, qint64 *key, QString *error)
{
    const auto cached = keysById.constFind(id);
    if (cached != keysById.cend()) {
        *key = *cached;
        return Lookup::Found;
    }
    SqliteStatement &statement = keyOfAudience;
    const SqliteStatement::Use use(statement);
    statement.bind(1, id);
    if (!statement.step())
        return statement.failed() ? failed(statement, error) : Lookup::Missing;
    *key = statement.int64(0);
    keysById.insert(id, *key);
    idsByKey.insert(*key, id);
    return Lookup::Found;
}

Lookup SqliteStore::AudienceStatements::idOf(qint64 key, QString *id, QString *error)
{
    const auto cached = idsByKey.constFind(key);
    if (cached != idsByKey.cend()) {
        *id = *cached;
        return Lookup::Found;
    }
    SqliteStatement &statement = audienceOfKey;
    const SqliteStatement::Use use(statement);
    statement.bind(1, key);
    if (!statement.step())
        return statement.failed() ? failed(statement, error) : Lookup::Missing;
    *id = statement.text(0);
    idsByKey.insert(key, *id);
    keysById.insert(*id, key);
    return Lookup::Found;
}

void SqliteStore::forgetAudienceKeys()
{
    if (m_audienceStatements) {
        m_audienceStatements->idsByKey.clear();
        m_audienceStatements->keysById.clear();
    }
}

QList<Membership> SqliteStore::memberships(qint64 profileId)
{
    QList<Membership> result;
    m_error.clear(); // lastError() tells a failure from a profile without any
    AudienceStatements *s = audienceStatements();
    if (!s)
        return result;
    QList<std::pair<qint64, Membership>> rows; // keys resolved after the read
    {
        SqliteStatement &statement = s->memberships;
        const SqliteStatement::Use use(statement);
        statement.bind(1, profileId);
        while (statement.step()) {
            rows.append(
                {statement.int64(0), Membership{profileId, QString(),
                                                statement.int64(1) ? MembershipStatus::Realized
                                                                   : MembershipStatus::Exited,
                                                statement.text(2)}});
        }
        if (statement.failed()) {
            failStatement(statement);
            return result;
        }
    }
    result.reserve(rows.size());
    QString error;
    for (auto &[key, membership] : rows) {
        // Missing cannot happen: deleteAudience() deletes the memberships of
        // the audience with it.
        const Lookup found = s->idOf(key, &membership.audienceId, &error);
        if (found == Lookup::Failed) {
            fail(error);
            return {};
        }
        if (found == Lookup::Found)
            result.append(std::move(membership));
    }
    std::sort(result.begin(), result.end(),
              [](const Membership &a, const Membership &b) { return a.audienceId < b.audienceId; });
    return result;
}

QStringList SqliteStore::realizedAudiences(qint64 profileId)
{
    QStringList ids;
    m_error.clear(); // lastError() tells a failure from a profile in none
    AudienceStatements *s = audienceStatements();
    if (!s)
        return ids;
    std::vector<qint64> keys; // resolved after the read (idOf may run a statement)
    {
        SqliteStatement &statement = s->realizedAudienceKeys;
        const SqliteStatement::Use use(statement);
        statement.bind(1, profileId);
        while (statement.step())
            keys.push_back(statement.int64(0));
        if (statement.failed()) {
            failStatement(statement);
            return ids;
        }
    }
    ids.reserve(qsizetype(keys.size()));
    QString error;
    for (const qint64 key : keys) {
        QString id;
        const Lookup found = s->idOf(key, &id, &error);
        if (found == Lookup::Failed) {
            fail(error);
            return {};
        }
        if (found == Lookup::Found)
            ids.append(std::move(id));
    }
    return ids;
}

bool SqliteStore::setMembership(const Membership &membership)
{
    return setMemberships({membership});
}

bool SqliteStore::setMemberships(const QList<Membership> &memberships)
{
    if (memberships.isEmpty())
        return true;
    AudienceStatements *s = audienceStatements();
    if (!s)
        return false;
    // Memberships have no foreign keys (schema version 15): what they checked
    // is checked here, under the write lock (in a transaction of its own
    // unless the caller has one open). Every audience key this connection
    // has cached is valid then: the cache is forgotten at every begin() and
    // rollback(), and deleteAudience() forgets the key it deletes.
    return atomically([&] {
        std::vector<MembershipRow> rows;
        rows.reserve(std::size_t(memberships.size()));
        qint64 checkedProfile = 0; // a batch is usually one profile's
        QString error;
        for (const Membership &membership : memberships) {
            if (membership.profileId != checkedProfile) {
                if (!profileExists(membership.profileId))
                    return false;
                checkedProfile = membership.profileId;
            }
            qint64 key = 0;
            const Lookup found = s->keyOf(membership.audienceId, &key, &error);
            if (found == Lookup::Failed)
                return fail(error);
            if (found == Lookup::Missing) {
                return fail(QCoreApplication::translate("SqliteStore",
                                                        "There is no audience with the id %1.")
                                .arg(membership.audienceId));
            }
            rows.push_back(MembershipRow{membership.profileId, key, membership.isRealized(),
                                         &membership.lastQualificationTime});
        }
        return s->writeMemberships(rows, &error) || fail(error);
    });
}

bool SqliteStore::profileExists(qint64 profileId)
{
    // The profile just merged is in the cache (valid inside a transaction:
    // see begin()); any other is looked up.
    if (m_cache->profile(profileId))
        return true;
    SqliteStatement &statement = m_statements->profileExists;
    const SqliteStatement::Use use(statement);
    statement.bind(1, profileId);
    if (statement.step())
        return true;
    if (statement.failed())
        return failStatement(statement);
    return fail(
        QCoreApplication::translate("SqliteStore", "There is no profile %1.").arg(profileId));
}

bool SqliteStore::AudienceStatements::writeMemberships(std::vector<MembershipRow> &rows,
                                                       QString *error)
{
    // In key order (the primary key's), each pair once: the last write of a
    // pair wins, and a statement never meets the same pair twice.
    std::stable_sort(rows.begin(), rows.end(), [](const MembershipRow &a, const MembershipRow &b) {
        return std::tie(a.profileId, a.audienceKey) < std::tie(b.profileId, b.audienceKey);
    });
    std::vector<MembershipRow> unique;
    unique.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const bool overwritten = i + 1 < rows.size() &&
                                 rows[i].profileId == rows[i + 1].profileId &&
                                 rows[i].audienceKey == rows[i + 1].audienceKey;
        if (!overwritten)
            unique.push_back(rows[i]);
    }
    const auto failed = [error](const SqliteStatement &statement) {
        *error = QCoreApplication::translate("SqliteStore", "The store reported an error: %1")
                     .arg(statement.errorMessage());
        return false;
    };
    for (std::size_t done = 0; done < unique.size();) {
        const int count = int(std::min<std::size_t>(unique.size() - done, kMembershipRows));
        const MembershipRow *chunk = unique.data() + done;
        done += std::size_t(count);
        // New pairs (a new profile entering its audiences: most transitions)
        // go in as one multi-row INSERT, which pays a statement's own cost
        // (a cursor on the table and on each index, each a malloc and a free;
        // its halt) once. OR IGNORE, with no foreign key on memberships
        // (schema version 15), lets it run without a statement journal: with
        // a constraint that may abort half-way, SQLite copies every page the
        // statement touches first, which cost more than it saved. The other
        // constraints are met by construction (a 0/1 flag, a time bound as a
        // text, never NULL), so only a pair already there is ignored.
        if (count > 1) {
            SqliteStatement *insert = insertMembershipsOf(count, error);
            if (!insert)
                return false;
            const SqliteStatement::Use use(*insert);
            for (int i = 0; i < count; ++i)
                bindRow(*insert, 4 * i, chunk[i]);
            if (insert->step() || insert->failed())
                return failed(*insert);
            if (sqlite3_changes(handle) == count)
                continue;
        }
        // Pairs already there (an entry turning exited, or back): one upsert
        // each, which rewrites a pair just inserted above with the same values.
        SqliteStatement &upsert = upsertMembership;
        for (int i = 0; i < count; ++i) {
            const SqliteStatement::Use use(upsert);
            bindRow(upsert, 0, chunk[i]);
            if (upsert.step() || upsert.failed())
                return failed(upsert);
        }
    }
    return true;
}

void SqliteStore::AudienceStatements::bindRow(SqliteStatement &statement, int offset,
                                              const MembershipRow &row)
{
    statement.bind(offset + 1, row.profileId);
    statement.bind(offset + 2, row.audienceKey);
    statement.bind(offset + 3, qint64(row.realized ? 1 : 0));
    statement.bind(offset + 4, *row.lastQualificationTime);
}

SqliteStatement *SqliteStore::AudienceStatements::insertMembershipsOf(int count, QString *error)
{
    SqliteStatement &statement = insertMemberships[std::size_t(count)];
    if (!statement.isPrepared()) {
        QByteArray sql("INSERT OR IGNORE INTO memberships (profile_id, audience_key, realized,"
                       " last_qualification_time) VALUES ");
        for (int i = 0; i < count; ++i) {
            const int first = 4 * i + 1;
            sql.append(i > 0 ? ", (?" : "(?")
                .append(QByteArray::number(first))
                .append(", ?")
                .append(QByteArray::number(first + 1))
                .append(", ?")
                .append(QByteArray::number(first + 2))
                .append(", ?")
                .append(QByteArray::number(first + 3))
                .append(')');
        }
        if (!prepareStatement(statement, handle, sql.constData(), error))
            return nullptr;
    }
    return &statement;
}

MembershipCounts SqliteStore::membershipCounts(const QString &audienceId)
{
    MembershipCounts counts;
    AudienceStatements *s = audienceStatements();
    if (!s)
        return counts;
    QSqlQuery &q = s->counts;
    q.bindValue(0, audienceId);
    if (exec(q) && q.next()) {
        counts.realized = q.value(0).toLongLong();
        counts.exited = q.value(1).toLongLong();
    }
    q.finish();
    return counts;
}

QHash<QString, MembershipCounts> SqliteStore::allMembershipCounts()
{
    QHash<QString, MembershipCounts> result;
    AudienceStatements *s = audienceStatements();
    if (!s)
        return result;
    QSqlQuery &q = s->allCounts;
    if (!exec(q))
        return result;
    while (q.next())
        result.insert(q.value(0).toString(),
                      MembershipCounts{q.value(1).toLongLong(), q.value(2).toLongLong()});
    q.finish();
    return result;
}

QList<qint64> SqliteStore::realizedMembers(const QString &audienceId, qint64 afterId, int limit)
{
    QList<qint64> ids;
    m_error.clear(); // lastError() tells a failure from the end of the list
    AudienceStatements *s = audienceStatements();
    if (!s)
        return ids;
    QSqlQuery &q = s->realized;
    q.bindValue(0, audienceId);
    q.bindValue(1, afterId);
    q.bindValue(2, limit);
    if (!exec(q))
        return ids;
    ids.reserve(limit);
    while (q.next())
        ids.append(q.value(0).toLongLong());
    q.finish();
    return ids;
}

qint64 SqliteStore::removeExitedBefore(const QString &isoTime)
{
    AudienceStatements *s = audienceStatements();
    if (!s)
        return -1;
    QSqlQuery &q = s->removeExited;
    q.bindValue(0, isoTime);
    if (!exec(q))
        return -1;
    return q.numRowsAffected();
}

} // namespace outflow
