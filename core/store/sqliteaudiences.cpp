// Audiences and memberships: their own prepared statements, apart from the
// profile statements of the merge path (sqlitestatements.cpp).
#include "sqlitestore.h"
#include "sqlitestore_p.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace outflow {

struct SqliteStore::AudienceStatements
{
    AudienceStatements(const QSqlDatabase &database, sqlite3 *connection)
        : db(database)
        , handle(connection)
    {}

    bool prepare(QString *error)
    {
        const auto prep = [error](QSqlQuery &query, const char *sql) {
            return prepareQuery(query, sql, error);
        };
        const auto prepHot = [this, error](SqliteStatement &statement, const char *sql) {
            return prepareStatement(statement, handle, sql, error);
        };
#define OUTFLOW_AUDIENCE_COLUMNS                                                                   \
    "SELECT id, name, description, origin, COALESCE(rule, ''), merge_policy_id, created_at,"       \
    " updated_at FROM audiences"
#define KEY_OF "(SELECT key FROM audiences WHERE id = ?)"
        return prep(insertAudience,
                    "INSERT INTO audiences (id, name, description, origin, rule,"
                    " merge_policy_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)") &&
               prep(updateAudience, "UPDATE audiences SET name = ?, description = ?, rule = ?,"
                                    " merge_policy_id = ?, updated_at = ? WHERE id = ?") &&
               prep(deleteAudience, "DELETE FROM audiences WHERE id = ?") &&
               prep(deleteMemberships, "DELETE FROM memberships WHERE audience_key = " KEY_OF) &&
               prep(byId, OUTFLOW_AUDIENCE_COLUMNS " WHERE id = ?") &&
               prep(byName, OUTFLOW_AUDIENCE_COLUMNS " WHERE name = ?") &&
               prep(all, OUTFLOW_AUDIENCE_COLUMNS " ORDER BY name") &&
               // Segmentation reads and writes these for merged fragments: on
               // the C API, as the profile statements (sqlitestatement.h).
               // Memberships hold the audience's integer key (schema version
               // 7); the Store interface speaks of its UUID.
               prepHot(memberships,
                       "SELECT a.id, m.realized, m.last_qualification_time FROM memberships m"
                       " JOIN audiences a ON a.key = m.audience_key"
                       " WHERE m.profile_id = ?1 ORDER BY a.id") &&
               // An unknown audience makes the key NULL, refused by NOT NULL.
               prepHot(upsertMembership,
                       "INSERT INTO memberships (profile_id, audience_key, realized,"
                       " last_qualification_time)"
                       " VALUES (?1, (SELECT key FROM audiences WHERE id = ?2), ?3, ?4)"
                       " ON CONFLICT (profile_id, audience_key) DO UPDATE SET"
                       " realized = excluded.realized,"
                       " last_qualification_time = excluded.last_qualification_time") &&
               prep(counts, "SELECT COALESCE(SUM(realized), 0), COALESCE(SUM(1 - realized), 0)"
                            " FROM memberships WHERE audience_key = " KEY_OF) &&
               prep(allCounts, "SELECT a.id, SUM(m.realized), SUM(1 - m.realized)"
                               " FROM memberships m JOIN audiences a ON a.key = m.audience_key"
                               " GROUP BY m.audience_key") &&
               prep(realized, "SELECT profile_id FROM memberships WHERE audience_key = " KEY_OF
                              " AND realized = 1 AND profile_id > ? ORDER BY profile_id LIMIT ?") &&
               prep(removeExited, "DELETE FROM memberships WHERE realized = 0"
                                  " AND last_qualification_time < ?");
#undef KEY_OF
#undef OUTFLOW_AUDIENCE_COLUMNS
    }

    const QSqlDatabase &db;
    sqlite3 *const handle;
    QSqlQuery insertAudience{db}, updateAudience{db}, deleteAudience{db}, deleteMemberships{db};
    QSqlQuery byId{db}, byName{db}, all{db};
    SqliteStatement memberships, upsertMembership;
    QSqlQuery counts{db}, allCounts{db}, realized{db};
    QSqlQuery removeExited{db};
};

namespace {

// A null QString binds as SQL NULL; the text columns are NOT NULL.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

Audience audienceFromRow(const QSqlQuery &query)
{
    Audience audience;
    audience.id = query.value(0).toString();
    audience.name = query.value(1).toString();
    audience.description = query.value(2).toString();
    audience.origin =
        audienceOriginFromName(query.value(3).toString()).value_or(AudienceOrigin::Segmentation);
    audience.rule = query.value(4).toString();
    audience.mergePolicyId = query.value(5).toString();
    audience.createdAt = query.value(6).toLongLong();
    audience.updatedAt = query.value(7).toLongLong();
    return audience;
}

} // namespace

void SqliteStore::AudienceStatementsDeleter::operator()(AudienceStatements *statements) const
{
    delete statements;
}

SqliteStore::AudienceStatements *SqliteStore::audienceStatements()
{
    if (m_audienceStatements)
        return m_audienceStatements.get();
    if (!isOpen())
        return nullptr;
    std::unique_ptr<AudienceStatements, AudienceStatementsDeleter> statements(
        new AudienceStatements(m_db, m_statements->handle));
    QString error;
    if (!statements->prepare(&error)) {
        fail(QCoreApplication::translate("SqliteStore", "The store reported an error: %1")
                 .arg(error));
        return nullptr;
    }
    m_audienceStatements = std::move(statements);
    return m_audienceStatements.get();
}

std::optional<Audience> SqliteStore::readAudience(QSqlQuery &query)
{
    m_error.clear();
    if (!exec(query))
        return std::nullopt;
    std::optional<Audience> result;
    if (query.next())
        result = audienceFromRow(query);
    query.finish();
    return result;
}

// A clear message instead of SQLite's "UNIQUE constraint failed".
bool SqliteStore::checkAudienceName(const Audience &audience)
{
    const std::optional<Audience> existing = audienceByName(audience.name);
    if (!existing)
        return m_error.isEmpty();
    if (existing->id == audience.id)
        return true;
    return fail(QCoreApplication::translate("SqliteStore", "An audience named “%1” already exists.")
                    .arg(audience.name));
}

bool SqliteStore::insertAudience(const Audience &audience)
{
    AudienceStatements *s = audienceStatements();
    if (!s || !checkAudienceName(audience))
        return false;
    QSqlQuery &q = s->insertAudience;
    q.bindValue(0, audience.id);
    q.bindValue(1, text(audience.name));
    q.bindValue(2, text(audience.description));
    q.bindValue(3, audienceOriginName(audience.origin));
    q.bindValue(4, audience.isRuleAudience() ? QVariant(audience.rule)
                                             : QVariant(QMetaType(QMetaType::QString)));
    q.bindValue(5, text(audience.mergePolicyId));
    q.bindValue(6, audience.createdAt);
    q.bindValue(7, audience.updatedAt);
    return exec(q);
}

bool SqliteStore::updateAudience(const Audience &audience)
{
    AudienceStatements *s = audienceStatements();
    if (!s || !checkAudienceName(audience))
        return false;
    QSqlQuery &q = s->updateAudience;
    q.bindValue(0, text(audience.name));
    q.bindValue(1, text(audience.description));
    q.bindValue(2, audience.isRuleAudience() ? QVariant(audience.rule)
                                             : QVariant(QMetaType(QMetaType::QString)));
    q.bindValue(3, text(audience.mergePolicyId));
    q.bindValue(4, audience.updatedAt);
    q.bindValue(5, audience.id);
    if (!exec(q))
        return false;
    if (q.numRowsAffected() == 1)
        return true;
    return fail(QCoreApplication::translate("SqliteStore", "There is no audience with the id %1.")
                    .arg(audience.id));
}

bool SqliteStore::deleteAudience(const QString &id)
{
    AudienceStatements *s = audienceStatements();
    if (!s)
        return false;
    // Two statements, one atomic unit: a transaction of its own unless the
    // caller has one open.
    const bool own = !m_inTransaction;
    if (own && !begin())
        return false;
    s->deleteMemberships.bindValue(0, id);
    s->deleteAudience.bindValue(0, id);
    if (exec(s->deleteMemberships) && exec(s->deleteAudience) && (!own || commit()))
        return true;
    if (own) {
        const QString error = m_error;
        rollback();
        m_error = error;
    }
    return false;
}

std::optional<Audience> SqliteStore::audience(const QString &id)
{
    AudienceStatements *s = audienceStatements();
    if (!s)
        return std::nullopt;
    s->byId.bindValue(0, id);
    return readAudience(s->byId);
}

std::optional<Audience> SqliteStore::audienceByName(const QString &name)
{
    AudienceStatements *s = audienceStatements();
    if (!s)
        return std::nullopt;
    s->byName.bindValue(0, name);
    return readAudience(s->byName);
}

QList<Audience> SqliteStore::audiences()
{
    QList<Audience> result;
    AudienceStatements *s = audienceStatements();
    if (!s)
        return result;
    m_error.clear();
    QSqlQuery &q = s->all;
    if (!exec(q))
        return result;
    while (q.next())
        result.append(audienceFromRow(q));
    q.finish();
    return result;
}

QList<Membership> SqliteStore::memberships(qint64 profileId)
{
    QList<Membership> result;
    m_error.clear(); // lastError() tells a failure from a profile without any
    AudienceStatements *s = audienceStatements();
    if (!s)
        return result;
    SqliteStatement &statement = s->memberships;
    const SqliteStatement::Use use(statement);
    statement.bind(1, profileId);
    while (statement.step()) {
        result.append(
            Membership{profileId, statement.text(0),
                       statement.int64(1) ? MembershipStatus::Realized : MembershipStatus::Exited,
                       statement.text(2)});
    }
    if (statement.failed())
        failStatement(statement);
    return result;
}

bool SqliteStore::setMembership(const Membership &membership)
{
    AudienceStatements *s = audienceStatements();
    if (!s)
        return false;
    SqliteStatement &statement = s->upsertMembership;
    const SqliteStatement::Use use(statement);
    statement.bind(1, membership.profileId);
    statement.bind(2, membership.audienceId);
    statement.bind(3, qint64(membership.isRealized() ? 1 : 0));
    statement.bind(4, membership.lastQualificationTime);
    if (statement.step() || statement.failed())
        return failStatement(statement);
    return true;
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
