// Memberships (schema version 8): stored by audience key, spoken of by
// audience UUID. The two hot statements, which segmentation runs for merged
// fragments, map keys and UUIDs through the connection's key cache
// (sqliteaudiences_p.h) instead of joining the audiences table (a join and a
// sort per read, a subquery per write: a third of the membership statements'
// instructions).
#include "sqliteaudiences_p.h"

#include <algorithm>
#include <QCoreApplication>

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
        // Missing cannot happen: the foreign key deletes the memberships of
        // a deleted audience with it.
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

bool SqliteStore::setMembership(const Membership &membership)
{
    AudienceStatements *s = audienceStatements();
    if (!s)
        return false;
    // A key from the cache may be stale: its audience deleted, perhaps made
    // again under the same UUID. Its write then fails (foreign key), and the
    // store is asked once more.
    bool mayRetry = s->keysById.contains(membership.audienceId);
    qint64 key = 0;
    QString error;
    for (;;) {
        const Lookup found = s->keyOf(membership.audienceId, &key, &error);
        if (found == Lookup::Failed)
            return fail(error);
        if (found == Lookup::Missing) {
            return fail(
                QCoreApplication::translate("SqliteStore", "There is no audience with the id %1.")
                    .arg(membership.audienceId));
        }
        SqliteStatement &statement = s->upsertMembership;
        const SqliteStatement::Use use(statement);
        statement.bind(1, membership.profileId);
        statement.bind(2, key);
        statement.bind(3, qint64(membership.isRealized() ? 1 : 0));
        statement.bind(4, membership.lastQualificationTime);
        if (!statement.step() && !statement.failed())
            return true;
        if (!mayRetry)
            return failStatement(statement);
        mayRetry = false;
        s->keysById.remove(membership.audienceId);
    }
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
