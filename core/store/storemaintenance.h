#pragma once

#include "model/storereports.h"

#include <functional>
#include <optional>
#include <QCoreApplication>
#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

struct sqlite3;

namespace outflow {

// Checks and backs up a store while other processes use it, each operation
// on a connection of its own (SQLite's, never a plain file descriptor: see
// SqliteStore::checkFile). Blocking: the CLI calls it on its main thread, the
// Engine on a worker thread. One implementation for `outflowctl store` and
// the app's File menu.
class StoreMaintenance
{
    Q_DECLARE_TR_FUNCTIONS(StoreMaintenance)

public:
    static constexpr int MaxProblems = 100;

    // integrity_check and foreign_key_check on a read-only connection: safe
    // while engines write; nothing is written.
    static StoreCheckReport check(const QString &storePath);

    // SQLite's quick_check (O(N), without the index cross-checks) on the
    // given connection's database; empty when it answers "ok", else its
    // problems (or the error that stopped it).
    static QStringList quickCheckProblems(sqlite3 *db);

    // Progress of a backup: pages copied and in all. Return false to cancel.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    // SQLite's online backup of one consistent snapshot (a read transaction:
    // writers go on meanwhile) into `target`, which must not exist yet; written
    // under a temporary name, verified with quick_check, then renamed. The
    // backup is remembered beside the store (lastBackup()).
    static StoreBackupReport backup(const QString &storePath, const QString &target,
                                    const Progress &progress = {});

    // The last backup taken of this store, if any was remembered.
    static std::optional<StoreBackupRecord> lastBackup(const QString &storePath);

    // The message for a store that failed its check: names the fix
    // (`outflowctl store check`, File › Check Store) and the last backup.
    static QString damagedStoreMessage(const QString &storePath, const QString &detail);

    // Whether `path` is one of the store's own files (the database, its
    // write-ahead log, shared memory or journal): a file the store's
    // process must never open outside SQLite.
    static bool isStoreFile(const QString &path, const QString &storePath);

    // The same question for every store this process has open (SqliteStore
    // registers each connection): for files named by an administrator and
    // read while the store is open, such as certificates.
    static bool isOpenStoreFile(const QString &path);
    static void registerOpenStore(const QString &storePath);
    static void unregisterOpenStore(const QString &storePath);

private:
    static QString recordPath(const QString &storePath);
    static bool remember(const QString &storePath, const StoreBackupRecord &record);
};

} // namespace outflow
