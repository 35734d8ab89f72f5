#include "storemaintenance.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMutex>
#include <QSaveFile>
#include <QScopeGuard>
#include <sqlite3.h>

namespace outflow {

namespace {

constexpr int kApplicationId = 0x4F757446; // "OutF", as SqliteStore sets it
constexpr int kBusyTimeoutMs = 30000;      // as SqliteStore's
constexpr int kPagesPerStep = 1024;        // 4 MiB of 4 KiB pages between two progress reports

// The stores this process has open, one entry per connection.
QMutex openStoresMutex;
QStringList openStores;

QString native(const QString &path)
{
    return QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
}

// One connection, closed on every path out.
struct Connection
{
    sqlite3 *db = nullptr;
    ~Connection() { sqlite3_close(db); }
    QString error() const { return QString::fromUtf8(sqlite3_errmsg(db)); }

    bool open(const QString &path, int flags)
    {
        if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, flags | SQLITE_OPEN_NOMUTEX,
                            nullptr) != SQLITE_OK)
            return false;
        sqlite3_busy_timeout(db, kBusyTimeoutMs);
        return true;
    }
    bool exec(const char *sql)
    {
        return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    }

    // The first column of every row of `sql`, as text; false on an error
    // (`rows` then holds what came before it).
    bool rows(const char *sql, QStringList *rows, int limit = -1)
    {
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK)
            return false;
        const auto finalize = qScopeGuard([statement] { sqlite3_finalize(statement); });
        int result = SQLITE_ROW;
        while ((limit < 0 || rows->size() < limit) &&
               (result = sqlite3_step(statement)) == SQLITE_ROW) {
            QStringList columns;
            for (int i = 0; i < sqlite3_column_count(statement); ++i)
                columns.append(QString::fromUtf8(
                    reinterpret_cast<const char *>(sqlite3_column_text(statement, i))));
            rows->append(columns.join(u'\t'));
        }
        return result == SQLITE_ROW || result == SQLITE_DONE;
    }
};

// Opens `path` read-only and checks that it is an Outflow store; the read
// transaction it leaves open is one snapshot for whatever follows.
bool openOutflowStore(Connection &connection, const QString &path, int *schemaVersion,
                      QString *error)
{
    if (!QFileInfo(path).isFile()) {
        *error = StoreMaintenance::tr("There is no store at %1.").arg(native(path));
        return false;
    }
    if (!connection.open(path, SQLITE_OPEN_READONLY)) {
        *error = StoreMaintenance::tr("Could not open the store %1: %2")
                     .arg(native(path), connection.error());
        return false;
    }
    QStringList id;
    if (!connection.exec("BEGIN") || !connection.rows("PRAGMA application_id", &id)) {
        *error =
            sqlite3_errcode(connection.db) == SQLITE_NOTADB
                ? StoreMaintenance::tr("%1 is not an Outflow store: it is not an SQLite database.")
                      .arg(native(path))
                : StoreMaintenance::tr("Could not read the store %1: %2")
                      .arg(native(path), connection.error());
        return false;
    }
    if (id.value(0).toInt() != kApplicationId) {
        *error = StoreMaintenance::tr("%1 is not an Outflow store.").arg(native(path));
        return false;
    }
    QStringList version;
    if (!connection.rows("SELECT COALESCE(MAX(version), 0) FROM schema_version", &version)) {
        *error = StoreMaintenance::tr("Could not read the store %1: %2")
                     .arg(native(path), connection.error());
        return false;
    }
    *schemaVersion = version.value(0).toInt();
    return true;
}

// "ok" alone means no problem; anything else is a list of them.
QStringList problemsOf(const QStringList &rows)
{
    return rows.size() == 1 && rows.first() == QLatin1String("ok") ? QStringList() : rows;
}

} // namespace

StoreCheckReport StoreMaintenance::check(const QString &storePath)
{
    QElapsedTimer timer;
    timer.start();
    StoreCheckReport report;
    report.storePath = native(storePath);
    report.bytes = QFileInfo(storePath).size();
    report.lastBackup = lastBackup(storePath);
    Connection connection;
    if (openOutflowStore(connection, storePath, &report.schemaVersion, &report.error)) {
        report.readable = true;
        QStringList rows;
        const QByteArray integrity =
            "PRAGMA integrity_check(" + QByteArray::number(MaxProblems) + ')';
        if (!connection.rows(integrity.constData(), &rows))
            rows.append(connection.error());
        report.integrityProblems = problemsOf(rows);
        rows.clear();
        // table, rowid, parent table, constraint index: one row per orphan.
        if (!connection.rows("SELECT \"table\" || ' row ' || rowid || ': no row in ' || parent"
                             " FROM pragma_foreign_key_check",
                             &rows, MaxProblems))
            rows.append(connection.error());
        // Memberships have no foreign keys since schema version 15 (the store
        // checks them where it writes them): their orphans are looked for here.
        if (report.schemaVersion >= 15 && rows.size() < MaxProblems) {
            const char *orphans =
                "SELECT 'memberships row (' || m.profile_id || ', ' || m.audience_key"
                " || '): no row in ' || IIF(p.id IS NULL, 'profiles', 'audiences')"
                " FROM memberships m LEFT JOIN profiles p ON p.id = m.profile_id"
                " LEFT JOIN audiences a ON a.key = m.audience_key"
                " WHERE p.id IS NULL OR a.key IS NULL";
            if (!connection.rows(orphans, &rows, MaxProblems))
                rows.append(connection.error());
        }
        report.foreignKeyProblems = rows;
        connection.exec("COMMIT");
    }
    report.elapsedMs = timer.elapsed();
    return report;
}

QStringList StoreMaintenance::quickCheckProblems(sqlite3 *db)
{
    Connection borrowed{db};
    const auto release = qScopeGuard([&borrowed] { borrowed.db = nullptr; });
    QStringList rows;
    const QByteArray sql = "PRAGMA quick_check(" + QByteArray::number(MaxProblems) + ')';
    if (!borrowed.rows(sql.constData(), &rows))
        rows.append(borrowed.error());
    return problemsOf(rows);
}

StoreBackupReport StoreMaintenance::backup(const QString &storePath, const QString &target,
                                           const Progress &progress)
{
    QElapsedTimer timer;
    timer.start();
    StoreBackupReport report;
    const auto failed = [&](const QString &error) {
        report.error = error;
        report.elapsedMs = timer.elapsed();
        return report;
    };
    const QFileInfo targetInfo(target);
    if (target.trimmed().isEmpty())
        return failed(tr("Give the file to write the backup to."));
    if (isStoreFile(target, storePath))
        return failed(tr("%1 is the store itself: choose another file.").arg(native(target)));
    if (targetInfo.exists()) {
        return failed(
            tr("%1 exists already: choose a new file (nothing was written).").arg(native(target)));
    }
    if (!targetInfo.absoluteDir().exists()) {
        return failed(tr("The folder %1 does not exist.").arg(native(targetInfo.absolutePath())));
    }

    Connection source;
    int schemaVersion = 0;
    QString error;
    if (!openOutflowStore(source, storePath, &schemaVersion, &error))
        return failed(error);

    // Written under a name of its own, renamed only once whole and verified.
    const QString partial = targetInfo.absoluteFilePath() + QStringLiteral(".partial");
    QFile::remove(partial);
    const auto removePartial = qScopeGuard([&partial] { QFile::remove(partial); });
    {
        Connection destination;
        if (!destination.open(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) {
            return failed(tr("Could not write %1: %2").arg(native(target), destination.error()));
        }
        sqlite3_backup *copy = sqlite3_backup_init(destination.db, "main", source.db, "main");
        if (!copy)
            return failed(tr("Could not write %1: %2").arg(native(target), destination.error()));
        int result = SQLITE_OK;
        bool cancelled = false;
        while (result == SQLITE_OK || result == SQLITE_BUSY || result == SQLITE_LOCKED) {
            result = sqlite3_backup_step(copy, kPagesPerStep);
            const int total = sqlite3_backup_pagecount(copy);
            if (progress && !progress(total - sqlite3_backup_remaining(copy), total)) {
                cancelled = true;
                break;
            }
            if (result == SQLITE_BUSY || result == SQLITE_LOCKED)
                sqlite3_sleep(20);
        }
        sqlite3_backup_finish(copy);
        if (cancelled)
            return failed(tr("The backup was cancelled (nothing was written)."));
        if (result != SQLITE_DONE) {
            return failed(tr("Could not back the store up to %1: %2")
                              .arg(native(target), QString::fromUtf8(sqlite3_errstr(result))));
        }
        // One self-contained file: the copy keeps no write-ahead log beside it.
        if (!destination.exec("PRAGMA journal_mode = DELETE"))
            return failed(tr("Could not write %1: %2").arg(native(target), destination.error()));
        const QStringList problems = quickCheckProblems(destination.db);
        if (!problems.isEmpty()) {
            return failed(tr("The backup %1 did not pass its check (%2); nothing was kept.")
                              .arg(native(target), problems.first()));
        }
    }
    source.exec("COMMIT");
    if (!QFile::rename(partial, targetInfo.absoluteFilePath()))
        return failed(tr("Could not write %1: the file could not be renamed.").arg(native(target)));

    report.ok = true;
    report.backup.path = targetInfo.absoluteFilePath();
    report.backup.takenAt = QDateTime::currentDateTimeUtc();
    report.backup.bytes = QFileInfo(report.backup.path).size();
    report.elapsedMs = timer.elapsed();
    remember(storePath, report.backup); // a backup that is not remembered is still a backup
    return report;
}

QString StoreMaintenance::recordPath(const QString &storePath)
{
    return QFileInfo(storePath).absoluteFilePath() + QStringLiteral(".last-backup.json");
}

bool StoreMaintenance::remember(const QString &storePath, const StoreBackupRecord &record)
{
    QSaveFile file(recordPath(storePath));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    const QJsonObject json{
        {QStringLiteral("path"), record.path},
        {QStringLiteral("takenAt"), record.takenAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("bytes"), record.bytes},
    };
    file.write(QJsonDocument(json).toJson());
    return file.commit();
}

std::optional<StoreBackupRecord> StoreMaintenance::lastBackup(const QString &storePath)
{
    QFile file(recordPath(storePath));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject json = QJsonDocument::fromJson(file.read(qint64(64) * 1024)).object();
    StoreBackupRecord record;
    record.path = json.value(QStringLiteral("path")).toString();
    record.takenAt =
        QDateTime::fromString(json.value(QStringLiteral("takenAt")).toString(), Qt::ISODateWithMs);
    record.bytes = json.value(QStringLiteral("bytes")).toInteger();
    if (record.path.isEmpty() || !record.takenAt.isValid())
        return std::nullopt;
    return record;
}

QString StoreMaintenance::damagedStoreMessage(const QString &storePath, const QString &detail)
{
    const QString damaged =
        tr("The store %1 is damaged (%2). Outflow will not write into it. Run `outflowctl store "
           "check` (in the app: File › Check Store) for the details, stop every Outflow process "
           "that uses the store, and restore a backup.")
            .arg(native(storePath), detail);
    const std::optional<StoreBackupRecord> last = lastBackup(storePath);
    if (!last)
        return damaged + u' ' +
               tr("No backup of this store was taken with `outflowctl store backup`.");
    return damaged + u' ' +
           tr("The last backup is %1, taken %2.")
               .arg(QDir::toNativeSeparators(last->path),
                    QLocale().toString(last->takenAt.toLocalTime(), QLocale::ShortFormat));
}

bool StoreMaintenance::isStoreFile(const QString &path, const QString &storePath)
{
    const auto canonical = [](const QString &file) {
        const QFileInfo info(file);
        const QString resolved = info.canonicalFilePath(); // empty when it does not exist
        return resolved.isEmpty() ? info.absoluteFilePath() : resolved;
    };
    const QString candidate = canonical(path);
    const QString store = canonical(storePath);
    for (const QLatin1String suffix : {QLatin1String(""), QLatin1String("-wal"),
                                       QLatin1String("-shm"), QLatin1String("-journal")}) {
        if (candidate == store + suffix || candidate == canonical(storePath + suffix))
            return true;
    }
    return false;
}

bool StoreMaintenance::isOpenStoreFile(const QString &path)
{
    const QMutexLocker lock(&openStoresMutex);
    for (const QString &store : std::as_const(openStores)) {
        if (isStoreFile(path, store))
            return true;
    }
    return false;
}

void StoreMaintenance::registerOpenStore(const QString &storePath)
{
    const QMutexLocker lock(&openStoresMutex);
    openStores.append(storePath);
}

void StoreMaintenance::unregisterOpenStore(const QString &storePath)
{
    const QMutexLocker lock(&openStoresMutex);
    openStores.removeOne(storePath);
}

} // namespace outflow
