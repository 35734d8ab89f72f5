// The SQLite floor of a merge (bench/README.md, ingest): what any merge into
// a SQLite store of profiles and identities must do per fragment, without
// JSON, without Outflow's code: look each identity up, then either insert a
// new profile and its identities, or read the owning profile's row and write
// it back (the fragment's text stands in for the merged attributes, about
// the same size). No secondary index, no foreign key, no merge history: a
// lower bound for the real path, measured on the same file and disk.
//
// With `lookups` = InMemory, the identities are looked up in a hash map
// instead (as if the whole identity graph lived in memory; it is still
// written): what is left is the least a SQLite store of profiles can be
// asked per fragment, one row read and one written, or a row inserted.
#include "benchsupport.h"
#include "ingest/ndjsonreader.h"

#include <QElapsedTimer>
#include <QFile>
#include <sqlite3.h>
#include <string>
#include <unordered_map>
#include <vector>

namespace outflow::bench {

namespace {

struct Work
{
    QByteArray json;
    std::vector<std::pair<QByteArray, QByteArray>> identities;
};

sqlite3_stmt *prepare(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *statement = nullptr;
    sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
    return statement;
}

void bindText(sqlite3_stmt *statement, int index, const QByteArray &text)
{
    sqlite3_bind_text(statement, index, text.constData(), int(text.size()), SQLITE_STATIC);
}

} // namespace

double sqliteMergeFloor(const QString &file, const QString &dbPath, int batch, qint64 *count,
                        FloorLookups lookups)
{
    // Read and parsed before the clock starts: only SQLite is measured.
    std::vector<Work> work;
    {
        QFile input(file);
        if (!input.open(QIODevice::ReadOnly))
            return 0;
        NdjsonReader reader(&input);
        ReadRecord record;
        while (reader.next(record)) {
            if (!record.fragment)
                continue;
            Work item{record.fragment->json, {}};
            for (const Identity &identity : record.fragment->identities)
                item.identities.emplace_back(identity.ns.toUtf8(), identity.id.toUtf8());
            work.push_back(std::move(item));
        }
    }

    QFile::remove(dbPath);
    QFile::remove(dbPath + QStringLiteral("-wal"));
    sqlite3 *db = nullptr;
    if (sqlite3_open(QFile::encodeName(dbPath).constData(), &db) != SQLITE_OK)
        return 0;
    // The store's own settings (SqliteStore::configure()).
    sqlite3_exec(db,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                 " PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=65536;"
                 " CREATE TABLE profiles (id INTEGER PRIMARY KEY, attributes TEXT NOT NULL,"
                 "  updated_at INTEGER NOT NULL);"
                 " CREATE TABLE identities (namespace TEXT NOT NULL, id TEXT NOT NULL,"
                 "  profile_id INTEGER NOT NULL, PRIMARY KEY (namespace, id)) WITHOUT ROWID;",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt *owner =
        prepare(db, "SELECT profile_id FROM identities WHERE namespace = ? AND id = ?");
    sqlite3_stmt *insertProfile =
        prepare(db, "INSERT INTO profiles (attributes, updated_at) VALUES (?, ?)");
    sqlite3_stmt *putIdentity = prepare(
        db, "INSERT OR REPLACE INTO identities (namespace, id, profile_id) VALUES (?, ?, ?)");
    sqlite3_stmt *readProfile = prepare(db, "SELECT attributes FROM profiles WHERE id = ?");
    sqlite3_stmt *updateProfile =
        prepare(db, "UPDATE profiles SET attributes = ?, updated_at = ? WHERE id = ?");

    std::unordered_map<std::string, qint64> graph; // InMemory: (namespace, id) → profile
    const auto graphKey = [](const std::pair<QByteArray, QByteArray> &identity) {
        std::string key(identity.first.constData(), size_t(identity.first.size()));
        key.push_back('\x1f');
        key.append(identity.second.constData(), size_t(identity.second.size()));
        return key;
    };
    const bool inMemory = lookups == FloorLookups::InMemory;

    QElapsedTimer timer;
    timer.start();
    qint64 done = 0;
    qint64 bytesRead = 0; // used, so that the read is not optimised away
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    for (const Work &item : work) {
        qint64 survivor = 0;
        std::vector<bool> owned(item.identities.size(), false);
        for (size_t i = 0; i < item.identities.size(); ++i) {
            qint64 id = 0;
            if (inMemory) {
                const auto it = graph.find(graphKey(item.identities[i]));
                id = it == graph.end() ? 0 : it->second;
            } else {
                bindText(owner, 1, item.identities[i].first);
                bindText(owner, 2, item.identities[i].second);
                if (sqlite3_step(owner) == SQLITE_ROW)
                    id = sqlite3_column_int64(owner, 0);
                sqlite3_reset(owner);
            }
            if (id != 0) {
                owned[i] = true;
                if (survivor == 0 || id < survivor)
                    survivor = id;
            }
        }
        const qint64 now = done;
        if (survivor == 0) {
            bindText(insertProfile, 1, item.json);
            sqlite3_bind_int64(insertProfile, 2, now);
            sqlite3_step(insertProfile);
            sqlite3_reset(insertProfile);
            survivor = sqlite3_last_insert_rowid(db);
        } else {
            sqlite3_bind_int64(readProfile, 1, survivor);
            if (sqlite3_step(readProfile) == SQLITE_ROW)
                bytesRead += sqlite3_column_bytes(readProfile, 0);
            sqlite3_reset(readProfile);
            bindText(updateProfile, 1, item.json);
            sqlite3_bind_int64(updateProfile, 2, now);
            sqlite3_bind_int64(updateProfile, 3, survivor);
            sqlite3_step(updateProfile);
            sqlite3_reset(updateProfile);
        }
        // New identities join; one owned by another profile moves (a link).
        for (size_t i = 0; i < item.identities.size(); ++i) {
            if (owned[i] && item.identities.size() == 1)
                continue;
            bindText(putIdentity, 1, item.identities[i].first);
            bindText(putIdentity, 2, item.identities[i].second);
            sqlite3_bind_int64(putIdentity, 3, survivor);
            sqlite3_step(putIdentity);
            sqlite3_reset(putIdentity);
            if (inMemory)
                graph[graphKey(item.identities[i])] = survivor;
        }
        if (++done % batch == 0) {
            sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
            sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
        }
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    for (sqlite3_stmt *statement : {owner, insertProfile, putIdentity, readProfile, updateProfile})
        sqlite3_finalize(statement);
    sqlite3_close(db);
    *count = bytesRead > 0 ? done : 0;
    return seconds;
}

} // namespace outflow::bench
