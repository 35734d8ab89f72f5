#pragma once

// Private to the SQLite store: its prepared statements, shared by
// sqlitestore.cpp (connection, migrations, transactions) and
// sqliteprofiles.cpp (profiles and the identity graph).
#include "sqlitestore.h"

#include <array>
#include <memory>
#include <QSqlQuery>

namespace outflow {

// owners() looks up at most this many identities per statement.
inline constexpr int kOwnersBatch = 8;

// Prepared once per connection and reused for every call; destroyed before the
// connection is removed (QSqlDatabase::removeDatabase requires that no query
// outlives it).
struct SqliteStore::Statements
{
    explicit Statements(const QSqlDatabase &database)
        : db(database)
    {}

    // Prepares every statement; on failure returns false with the SQL error.
    bool prepare(QString *error);
    // The statement looking up `count` identities at once (1..kOwnersBatch),
    // prepared on first use.
    QSqlQuery *ownersOf(int count, QString *error);
    // Its placeholders, ":ns0", ":id0", ":ns1"…, made once.
    static const QString &ownersNsName(int i);
    static const QString &ownersIdName(int i);

    const QSqlDatabase &db;
    QSqlQuery begin{db}, commit{db}, rollback{db};
    QSqlQuery owner{db}, profile{db};
    QSqlQuery insertProfile{db}, updateProfile{db}, upsertIdentity{db};
    QSqlQuery profileExists{db}, lastPosition{db}, moveIdentities{db}, moveMemberships{db};
    QSqlQuery deleteProfile{db}, recordMerge{db}, mergesInto{db};
    QSqlQuery profileCount{db}, profileIds{db};
    std::array<std::unique_ptr<QSqlQuery>, kOwnersBatch + 1> owners; // by identity count
};

} // namespace outflow
