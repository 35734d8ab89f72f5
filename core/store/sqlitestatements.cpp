// The SQL of the SQLite store's prepared statements.
#include "sqlitestore_p.h"

#include <QSqlError>

namespace outflow {

bool SqliteStore::Statements::prepare(QString *error)
{
    const std::pair<SqliteStatement *, QByteArrayView> hot[] = {
        {&owner, "SELECT profile_id FROM identities WHERE namespace = ?1 AND id = ?2"},
        // One statement for the profile and its identities (one row each, the
        // profile's columns repeated): one step loop instead of two statements.
        {&profile, "SELECT p.attributes, p.created_at, p.updated_at, i.namespace, i.id,"
                   " i.is_primary FROM profiles p LEFT JOIN identities i ON i.profile_id = p.id"
                   " WHERE p.id = ?1 ORDER BY i.position"},
        {&insertProfile,
         "INSERT INTO profiles (attributes, created_at, updated_at) VALUES (?1, ?2, ?3)"},
        {&updateProfile, "UPDATE profiles SET attributes = ?1, updated_at = ?2 WHERE id = ?3"},
        // One statement per identity: a new one is appended after the profile's
        // last position; one the profile owns has its primary flag updated when
        // it differs (an unchanged row is not rewritten, nor its index entry).
        // No row changes for one owned by another profile, or already as asked.
        {&upsertIdentity,
         "INSERT INTO identities (namespace, id, profile_id, is_primary, position)"
         " VALUES (?1, ?2, ?3, ?4, (SELECT COALESCE(MAX(position), 0) + 1"
         " FROM identities WHERE profile_id = ?3))"
         " ON CONFLICT (namespace, id) DO UPDATE SET is_primary = excluded.is_primary"
         " WHERE profile_id = excluded.profile_id AND is_primary <> excluded.is_primary"},
        // A new profile's identities (see SqliteStore::insertNewIdentities()).
        {&insertIdentity, "INSERT INTO identities (namespace, id, profile_id, is_primary, position)"
                          " VALUES (?1, ?2, ?3, ?4, ?5)"},
        {&profileExists, "SELECT 1 FROM profiles WHERE id = ?1"},
        {&lastPosition, "SELECT COALESCE(MAX(position), 0) FROM identities WHERE profile_id = ?1"},
        // A merge moves the absorbed identities one by one, by primary key:
        // one UPDATE ... WHERE profile_id = ? changes the column it searches
        // on, which SQLite runs through a temporary table (about a tenth of
        // the merge thread's time went to merges, 3 % of the fragments).
        {&identitiesOf,
         "SELECT namespace, id FROM identities WHERE profile_id = ?1 ORDER BY position"},
        {&moveIdentity, "UPDATE identities SET profile_id = ?1, position = ?2"
                        " WHERE namespace = ?3 AND id = ?4"},
        {&hasMemberships, "SELECT 1 FROM memberships WHERE profile_id = ?1 LIMIT 1"},
        // OR IGNORE keeps the survivor's row for an audience both profiles are in;
        // the absorbed profile's row is then deleted with deleteMembershipsOf.
        {&moveMemberships,
         "UPDATE OR IGNORE memberships SET profile_id = ?1 WHERE profile_id = ?2"},
        {&deleteMembershipsOf, "DELETE FROM memberships WHERE profile_id = ?1"},
        {&deleteProfile, "DELETE FROM profiles WHERE id = ?1"},
        {&recordMerge,
         "INSERT INTO profile_merges (survivor_id, absorbed_id, merged_at) VALUES (?1, ?2, ?3)"},
        {&generation, "PRAGMA user_version"},
        {&allIdentities, "SELECT namespace, id, profile_id FROM identities"},
    };
    for (const auto &[statement, sql] : hot) {
        if (!statement->prepare(handle, sql)) {
            *error = statement->errorMessage();
            return false;
        }
    }

    const std::pair<QSqlQuery *, QString> statements[] = {
        {&begin, QStringLiteral("BEGIN IMMEDIATE")},
        {&commit, QStringLiteral("COMMIT")},
        {&rollback, QStringLiteral("ROLLBACK")},
        {&mergesInto, QStringLiteral("SELECT survivor_id, absorbed_id, merged_at"
                                     " FROM profile_merges WHERE survivor_id = :survivor"
                                     " ORDER BY merged_at, rowid")},
        {&profileCount, QStringLiteral("SELECT COUNT(*) FROM profiles")},
        {&profileIds,
         QStringLiteral("SELECT id FROM profiles WHERE id > :after ORDER BY id LIMIT :limit")},
    };
    for (const auto &[query, sql] : statements) {
        query->setForwardOnly(true);
        if (!query->prepare(sql)) {
            *error = query->lastError().text();
            return false;
        }
    }
    return true;
}

// A UNION ALL of primary-key lookups: one execution instead of one per identity,
// and cheaper for SQLite than an OR or IN over (namespace, id), which builds a
// temporary index. Duplicates are removed by the caller.
SqliteStatement *SqliteStore::Statements::ownersOf(int count, QString *error)
{
    SqliteStatement &statement = owners[count];
    if (!statement.isPrepared()) {
        QByteArray sql;
        for (int i = 0; i < count; ++i) {
            if (i > 0)
                sql.append(" UNION ALL ");
            sql.append("SELECT profile_id FROM identities WHERE namespace = ?")
                .append(QByteArray::number(2 * i + 1))
                .append(" AND id = ?")
                .append(QByteArray::number(2 * i + 2));
        }
        if (!statement.prepare(handle, sql)) {
            *error = statement.errorMessage();
            return nullptr;
        }
    }
    return &statement;
}

} // namespace outflow
