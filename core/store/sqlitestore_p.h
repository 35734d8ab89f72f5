#pragma once

// Private to the SQLite store: its prepared statements, shared by
// sqlitestore.cpp (connection, migrations, transactions) and
// sqliteprofiles.cpp (profiles and the identity graph).
#include "sqlitestatement.h"
#include "sqlitestore.h"

#include <array>
#include <QSqlError>
#include <QSqlQuery>

namespace outflow {

// Prepare a QtSql query (forward-only) or a C-API statement; on failure the
// SQL error goes to *error. Shared by every group of prepared statements.
inline bool prepareQuery(QSqlQuery &query, const char *sql, QString *error)
{
    query.setForwardOnly(true);
    if (query.prepare(QString::fromLatin1(sql)))
        return true;
    *error = query.lastError().text();
    return false;
}

inline bool prepareStatement(SqliteStatement &statement, sqlite3 *handle, const char *sql,
                             QString *error)
{
    if (statement.prepare(handle, sql))
        return true;
    *error = statement.errorMessage();
    return false;
}

// Runs `work` in the caller's transaction, or in one of its own (committed
// when `work` succeeds, rolled back otherwise, its error kept).
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

// owners() looks up at most this many identities per statement.
inline constexpr int kOwnersBatch = 8;

// Prepared once per connection and reused for every call; destroyed before the
// connection is removed (QSqlDatabase::removeDatabase requires that no query
// outlives it, and a finalized sqlite3_stmt must not outlive its handle).
struct SqliteStore::Statements
{
    Statements(const QSqlDatabase &database, sqlite3 *connection)
        : db(database)
        , handle(connection)
    {}

    // Prepares every statement; on failure returns false with the SQL error.
    bool prepare(QString *error);
    // The statement looking up `count` identities at once (1..kOwnersBatch),
    // prepared on first use; ?(2i+1) and ?(2i+2) are the i-th namespace and id.
    SqliteStatement *ownersOf(int count, QString *error);

    const QSqlDatabase &db;
    sqlite3 *const handle; // the connection under `db`, for the hot statements

    QSqlQuery begin{db}, commit{db}, rollback{db};
    // Run for every merged fragment: on the C API (see sqlitestatement.h).
    SqliteStatement owner, profile, insertProfile, updateProfile, upsertIdentity, insertIdentity;
    // The profile cache's: the generation of the profiles (see
    // SqliteStore::begin()) and the scan that fills the identity index.
    SqliteStatement generation, allIdentities;
    std::array<SqliteStatement, kOwnersBatch + 1> owners; // by identity count
    // Identity-graph merges (a few in a hundred fragments): on the C API too.
    SqliteStatement profileExists, lastPosition, identitiesOf, moveIdentity, hasMemberships;
    SqliteStatement moveMemberships, deleteMembershipsOf, deleteProfile, recordMerge;
    // Rarer: listings.
    QSqlQuery mergesInto{db};
    QSqlQuery profileCount{db}, profileIds{db};
};

} // namespace outflow
