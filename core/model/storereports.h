#pragma once

#include <optional>
#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace outflow {

// The results of StoreMaintenance (store/storemaintenance.h): values the
// Engine sends to the app and `outflowctl store` prints. No SQL here: the
// app includes this, never the store itself (DESIGN §4).

// A backup of the store, as remembered beside it (StoreMaintenance::lastBackup).
struct StoreBackupRecord
{
    QString path;      // the backup file, absolute
    QDateTime takenAt; // UTC
    qint64 bytes = 0;
};

// What `outflowctl store check` and the app's File › Check Store report.
struct StoreCheckReport
{
    QString storePath;
    bool readable = false; // the file could be opened and read as an Outflow store
    QString error;         // why not, when !readable
    qint64 bytes = 0;      // the database file (the write-ahead log not counted)
    int schemaVersion = 0;
    QStringList integrityProblems;  // PRAGMA integrity_check, at most MaxProblems
    QStringList foreignKeyProblems; // foreign_key_check and orphan memberships, at most MaxProblems
    qint64 elapsedMs = 0;
    std::optional<StoreBackupRecord> lastBackup;

    bool healthy() const
    {
        return readable && integrityProblems.isEmpty() && foreignKeyProblems.isEmpty();
    }
};

// The outcome of a backup.
struct StoreBackupReport
{
    bool ok = false;
    QString error;            // why not, when !ok
    StoreBackupRecord backup; // when ok
    qint64 elapsedMs = 0;
};

} // namespace outflow

Q_DECLARE_METATYPE(outflow::StoreCheckReport)
Q_DECLARE_METATYPE(outflow::StoreBackupReport)
