// The SQL of the SQLite store's prepared statements.
#include "sqlitestore_p.h"

#include <QSqlError>

namespace outflow {

namespace {

std::array<QString, kOwnersBatch> placeholders(const QString &prefix)
{
    std::array<QString, kOwnersBatch> names;
    for (int i = 0; i < kOwnersBatch; ++i)
        names[i] = prefix + QString::number(i);
    return names;
}

} // namespace

bool SqliteStore::Statements::prepare(QString *error)
{
    // Named placeholders: Qt binds them with a hash lookup, where a positional
    // bindValue() formats a key string on every call (about a fifth of the
    // instructions of a point lookup). Each name appears once per statement,
    // which keeps Qt's SQLite driver on its direct binding path.
    const std::pair<QSqlQuery *, QString> statements[] = {
        {&begin, QStringLiteral("BEGIN IMMEDIATE")},
        {&commit, QStringLiteral("COMMIT")},
        {&rollback, QStringLiteral("ROLLBACK")},
        {&owner,
         QStringLiteral("SELECT profile_id FROM identities WHERE namespace = :ns AND id = :id")},
        // One statement for the profile and its identities (one row each, the
        // profile's columns repeated): a second statement per load costs more in
        // Qt's per-execution overhead than the repeated columns do. CAST to BLOB
        // hands Qt the stored UTF-8 bytes as they are, ready for QJsonDocument;
        // reading TEXT would convert them to UTF-16 and back.
        {&profile, QStringLiteral("SELECT CAST(p.attributes AS BLOB), p.created_at, p.updated_at,"
                                  " i.namespace, i.id, i.is_primary"
                                  " FROM profiles p LEFT JOIN identities i ON i.profile_id = p.id"
                                  " WHERE p.id = :profile ORDER BY i.position")},
        // Qt binds a QByteArray as a BLOB; CAST stores it as TEXT (UTF-8) without
        // a conversion, so the column stays readable by SQLite's JSON functions.
        {&insertProfile, QStringLiteral("INSERT INTO profiles (attributes, created_at, updated_at)"
                                        " VALUES (CAST(:attributes AS TEXT), :createdAt,"
                                        " :updatedAt)")},
        {&updateProfile,
         QStringLiteral("UPDATE profiles SET attributes = CAST(:attributes AS TEXT),"
                        " updated_at = :updatedAt WHERE id = :profile")},
        // One statement per identity: a new one is appended after the profile's
        // last position; one the profile owns has its primary flag updated when
        // it differs (an unchanged row is not rewritten, nor its index entry).
        // No row changes for one owned by another profile, or already as asked.
        {&upsertIdentity,
         QStringLiteral(
             "INSERT INTO identities (namespace, id, profile_id, is_primary, position)"
             " VALUES (:ns, :id, :profile, :primary, (SELECT COALESCE(MAX(position), 0) + 1"
             " FROM identities WHERE profile_id = :owner))"
             " ON CONFLICT (namespace, id) DO UPDATE SET is_primary = excluded.is_primary"
             " WHERE profile_id = excluded.profile_id AND is_primary <> excluded.is_primary")},
        {&profileExists, QStringLiteral("SELECT 1 FROM profiles WHERE id = :profile")},
        {&lastPosition, QStringLiteral("SELECT COALESCE(MAX(position), 0) FROM identities"
                                       " WHERE profile_id = :profile")},
        {&moveIdentities,
         QStringLiteral("UPDATE identities SET profile_id = :survivor,"
                        " position = position + :offset WHERE profile_id = :absorbed")},
        // OR IGNORE keeps the survivor's row for an audience both profiles are in;
        // the absorbed profile's row then goes with it (ON DELETE CASCADE).
        {&moveMemberships, QStringLiteral("UPDATE OR IGNORE memberships SET profile_id = :survivor"
                                          " WHERE profile_id = :absorbed")},
        {&deleteProfile, QStringLiteral("DELETE FROM profiles WHERE id = :profile")},
        {&recordMerge, QStringLiteral("INSERT INTO profile_merges (survivor_id, absorbed_id,"
                                      " merged_at) VALUES (:survivor, :absorbed, :mergedAt)")},
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

// A UNION ALL of primary-key lookups: one execution instead of one per identity
// (Qt's per-execution overhead dominates a point lookup), and cheaper for SQLite
// than an OR or IN over (namespace, id), which builds a temporary index.
// Duplicates are removed by the caller.
QSqlQuery *SqliteStore::Statements::ownersOf(int count, QString *error)
{
    std::unique_ptr<QSqlQuery> &query = owners[count];
    if (!query) {
        QString sql;
        for (int i = 0; i < count; ++i) {
            if (i > 0)
                sql += QStringLiteral(" UNION ALL ");
            sql += QStringLiteral("SELECT profile_id FROM identities WHERE namespace = ") +
                   ownersNsName(i) + QStringLiteral(" AND id = ") + ownersIdName(i);
        }
        auto prepared = std::make_unique<QSqlQuery>(db);
        prepared->setForwardOnly(true);
        if (!prepared->prepare(sql)) {
            *error = prepared->lastError().text();
            return nullptr;
        }
        query = std::move(prepared);
    }
    return query.get();
}

const QString &SqliteStore::Statements::ownersNsName(int i)
{
    static const std::array<QString, kOwnersBatch> names = placeholders(QStringLiteral(":ns"));
    return names[i];
}

const QString &SqliteStore::Statements::ownersIdName(int i)
{
    static const std::array<QString, kOwnersBatch> names = placeholders(QStringLiteral(":id"));
    return names[i];
}

} // namespace outflow
