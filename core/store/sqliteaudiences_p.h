#pragma once

// Private to the SQLite store: the statements of audiences and memberships,
// shared by sqliteaudiences.cpp and sqlitememberships.cpp.
#include "sqlitestatement.h"
#include "sqlitestore.h"
#include "sqlitestore_p.h"

#include <array>
#include <QHash>
#include <QSqlQuery>
#include <vector>

namespace outflow {

enum class AudienceLookup { Found, Missing, Failed };

// One membership as written: the audience by its key.
struct MembershipRow
{
    qint64 profileId = 0;
    qint64 audienceKey = 0;
    bool realized = false;
    const QString *lastQualificationTime = nullptr;
};

// A multi-row membership upsert writes at most this many rows per statement.
inline constexpr int kMembershipRows = 32;

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
               // The dataflows that activate it no longer list it (their
               // other audiences kept in order).
               prep(unmapAudience,
                    "UPDATE dataflows SET updated_at = :now, config = json_set(config,"
                    " '$.audiences', (SELECT json_group_array(json(value)) FROM"
                    " (SELECT a.value FROM json_each(dataflows.config, '$.audiences') a"
                    " WHERE json_extract(a.value, '$.id') IS NOT :audience ORDER BY a.key)))"
                    " WHERE EXISTS (SELECT 1 FROM json_each(dataflows.config, '$.audiences') a"
                    " WHERE json_extract(a.value, '$.id') = :audience)") &&
               prep(byId, OUTFLOW_AUDIENCE_COLUMNS " WHERE id = ?") &&
               prep(byName, OUTFLOW_AUDIENCE_COLUMNS " WHERE name = ?") &&
               prep(all, OUTFLOW_AUDIENCE_COLUMNS " ORDER BY name") &&
               // Segmentation reads and writes these for merged fragments: on
               // the C API, as the profile statements (sqlitestatement.h).
               // Memberships hold the audience's integer key (schema version
               // 8); the Store interface speaks of its UUID (the key cache below).
               prepHot(memberships, "SELECT audience_key, realized, last_qualification_time"
                                    " FROM memberships WHERE profile_id = ?1") &&
               prepHot(realizedAudienceKeys, "SELECT audience_key FROM memberships"
                                             " WHERE profile_id = ?1 AND realized = 1") &&
               prepHot(upsertMembership,
                       "INSERT INTO memberships (profile_id, audience_key, realized,"
                       " last_qualification_time) VALUES (?1, ?2, ?3, ?4)"
                       " ON CONFLICT (profile_id, audience_key) DO UPDATE SET"
                       " realized = excluded.realized,"
                       " last_qualification_time = excluded.last_qualification_time") &&
               prepHot(keyOfAudience, "SELECT key FROM audiences WHERE id = ?1") &&
               prepHot(audienceOfKey, "SELECT id FROM audiences WHERE key = ?1") &&
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
    QSqlQuery insertAudience{db}, updateAudience{db}, deleteAudience{db}, deleteMemberships{db},
        unmapAudience{db};
    QSqlQuery byId{db}, byName{db}, all{db};
    SqliteStatement memberships, realizedAudienceKeys, upsertMembership, keyOfAudience,
        audienceOfKey;
    // INSERT OR IGNORE of 1..kMembershipRows rows (by count), prepared on
    // first use (sqlitememberships.cpp).
    std::array<SqliteStatement, kMembershipRows + 1> insertMemberships;
    SqliteStatement *insertMembershipsOf(int count, QString *error);
    static void bindRow(SqliteStatement &statement, int offset, const MembershipRow &row);
    // Writes the rows (sorted and made unique in place); on failure false,
    // with the message in *error.
    bool writeMemberships(std::vector<MembershipRow> &rows, QString *error);
    QSqlQuery counts{db}, allCounts{db}, realized{db};
    QSqlQuery removeExited{db};

    // Audience UUID ↔ key, as this connection has looked them up
    // (sqlitememberships.cpp). A committed key is never reused
    // (AUTOINCREMENT) and an audience's UUID never changes, so an entry is
    // never wrong, at most stale: its audience deleted (by any connection).
    // A key of a deleted audience is never read back (its memberships went
    // with it). Memberships are written inside a transaction only, and the
    // cache is forgotten at every begin() and rollback()
    // (forgetAudienceKeys()), so a write never uses a stale key: no other
    // connection deletes an audience while this one holds the write lock,
    // and deleteAudience() forgets its own. (A key made in a transaction
    // that rolls back can be made again for another audience, too.)
    AudienceLookup keyOf(const QString &id, qint64 *key, QString *error);
    AudienceLookup idOf(qint64 key, QString *id, QString *error);
    QHash<qint64, QString> idsByKey;
    QHash<QString, qint64> keysById;
};

} // namespace outflow
