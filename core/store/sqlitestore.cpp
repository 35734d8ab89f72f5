#include "sqlitestore.h"

#include "profilecache.h"
#include "sqlitestore_p.h"
#include "storemaintenance.h"
#include "walcheckpointer.h"

#include <atomic>
#include <limits>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>
#include <sqlite3.h>

namespace outflow {

namespace {

// "OutF" in the SQLite header: a database of another application is refused
// instead of being migrated into a half-Outflow store.
constexpr int kApplicationId = 0x4F757446;
// How long a statement waits for another connection's lock before it fails
// with "database is locked". Several processes share a store (the app,
// engines, outflowctl commands): after a kill -9 the next opener recovers the
// write-ahead log under an exclusive lock, and an administrator's command on
// a loaded machine waits rather than fails (5 s was seen to be too short
// under the sanitizers, tst_store_multiprocess).
constexpr int kBusyTimeoutMs = 30000;
constexpr int kPageCacheKiB = 64 * 1024;
// The merge thread's own checkpoint, a backstop: WalCheckpointer copies the
// log in the background every 250 ms, but the log is only rewound when a
// checkpoint has caught up between two transactions. Past this many pages
// (256 MiB) the merge thread checkpoints itself, two fdatasync() inside a
// commit: at 16,384 pages that happened every few transactions of a
// 10,000-fragment ingest (24 syncs, 1 s of a 9 s run, strace).
constexpr int kCheckpointPages = 65536;

// user_version is a signed 32-bit integer: wrap before it overflows.
int nextGeneration(int generation)
{
    return generation == std::numeric_limits<int>::max() ? 1 : generation + 1;
}

// SQLite's primary result code of a QtSql error (QSQLITE may report extended ones).
int primaryCode(const QSqlError &error)
{
    return error.nativeErrorCode().toInt() & 0xff;
}

QString nativePath(const QString &path)
{
    return QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
}

} // namespace

SqliteStore::SqliteStore(const QString &path, QList<Migration> migrations)
    : m_path(path)
    , m_migrations(std::move(migrations))
    , m_cache(std::make_unique<ProfileCache>())
{
    static std::atomic<quint64> instances{0};
    m_connectionName = QStringLiteral("outflow-sqlite-%1").arg(++instances);
}

SqliteStore::~SqliteStore()
{
    close();
}

void SqliteStore::setProfileCacheLimits(qint64 maxBytes, size_t maxIndexSlots)
{
    m_cache = std::make_unique<ProfileCache>(maxBytes, maxIndexSlots);
}

bool SqliteStore::open()
{
    close();
    m_error.clear();
    // Nothing is written before the file is known to be an Outflow store of a
    // schema this build understands: a refused file is left byte for byte.
    //
    // Two processes opening the same new store at once (outflowctl beside the
    // app) can find it locked while the other one switches it to WAL or
    // migrates it, moments SQLite's busy timeout does not cover: try again,
    // for a bounded time, before reporting it.
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        const bool ok = checkFile() && openConnection() && checkIsOutflowStore() && verify() &&
                        configure() && migrate() && prepareStatements();
        if (ok) {
            if (m_path != QLatin1String(":memory:")) {
                m_checkpointer = std::make_unique<WalCheckpointer>(m_path);
                StoreMaintenance::registerOpenStore(m_path);
                m_registered = true;
            }
            return true;
        }
        close();
        const bool busy = m_error.contains(QLatin1String("locked"), Qt::CaseInsensitive) ||
                          m_error.contains(QLatin1String("busy"), Qt::CaseInsensitive);
        if (!busy || waited.elapsed() > kBusyTimeoutMs)
            return false;
        m_error.clear();
        QThread::msleep(20);
    }
}

void SqliteStore::close()
{
    m_checkpointer.reset(); // first: the store's connection must be the last to close
    if (m_registered)
        StoreMaintenance::unregisterOpenStore(m_path);
    m_registered = false;
    m_audienceStatements.reset();
    m_activationStatements.reset();
    m_deliveryStatements.reset();
    m_statements.reset();
    if (m_db.isValid())
        m_db.close(); // rolls back a transaction left open
    m_db = QSqlDatabase();
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::removeDatabase(m_connectionName);
    m_schemaVersion = 0;
    m_inTransaction = false;
    m_cache->clear();
    m_profilesWritten = false;
}

bool SqliteStore::checkFile()
{
    int previous = 0;
    for (const Migration &migration : std::as_const(m_migrations)) {
        if (migration.version <= previous) {
            return fail(QCoreApplication::translate(
                            "SqliteStore", "Invalid migration list: version %1 follows version %2.")
                            .arg(migration.version)
                            .arg(previous));
        }
        previous = migration.version;
    }

    const QFileInfo info(m_path);
    if (!info.exists()) {
        if (!QDir().mkpath(info.absolutePath())) {
            return fail(QCoreApplication::translate("SqliteStore",
                                                    "Could not create the folder %1 for the store.")
                            .arg(QDir::toNativeSeparators(info.absolutePath())));
        }
        return true;
    }
    if (info.isDir()) {
        return fail(QCoreApplication::translate(
                        "SqliteStore", "%1 is not an Outflow store: it is not an SQLite database.")
                        .arg(nativePath(m_path)));
    }
    // The header is left to SQLite to read (checkIsOutflowStore): a file that
    // is not a database answers SQLITE_NOTADB before anything is written.
    // Never open the store's files here, not even to read: on POSIX, closing
    // any descriptor of a file drops every fcntl() lock this process holds on
    // it, SQLite's included, and another process then checkpoints and deletes
    // the write-ahead log under this process's other connections (issue #23:
    // "database disk image is malformed").
    return true;
}

bool SqliteStore::openConnection()
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!m_db.isValid()) {
        return fail(QCoreApplication::translate(
            "SqliteStore", "Qt's SQLite driver is missing (package libqt6sql6-sqlite)."));
    }
    m_db.setDatabaseName(m_path);
    if (!m_db.open()) {
        return fail(QCoreApplication::translate("SqliteStore", "Could not open the store %1: %2")
                        .arg(nativePath(m_path), m_db.lastError().text()));
    }
    return true;
}

bool SqliteStore::checkIsOutflowStore()
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    const auto cannotOpen = [&] {
        // SQLite read the header and found no database (checkFile leaves that to it).
        if (primaryCode(query.lastError()) == SQLITE_NOTADB) {
            return fail(
                QCoreApplication::translate(
                    "SqliteStore", "%1 is not an Outflow store: it is not an SQLite database.")
                    .arg(nativePath(m_path)));
        }
        if (primaryCode(query.lastError()) == SQLITE_CORRUPT) {
            return fail(
                StoreMaintenance::damagedStoreMessage(m_path, query.lastError().databaseText()));
        }
        return fail(QCoreApplication::translate("SqliteStore", "Could not open the store %1: %2")
                        .arg(nativePath(m_path), query.lastError().text()));
    };
    // Only reads and connection settings here: nothing may change the file yet.
    if (!query.exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(kBusyTimeoutMs)))
        return cannotOpen();
    // One read transaction: the id and the tables come from the same
    // snapshot, even while another connection is creating the store.
    if (!query.exec(QStringLiteral("BEGIN")))
        return cannotOpen();
    const auto endRead = qScopeGuard([this, &query] {
        query.finish();
        QSqlQuery(m_db).exec(QStringLiteral("COMMIT"));
    });
    if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next())
        return cannotOpen();
    const int applicationId = query.value(0).toInt();
    if (!query.exec(QStringLiteral("SELECT COUNT(*), COALESCE(SUM(name = 'schema_version'), 0)"
                                   " FROM sqlite_master WHERE type = 'table'")) ||
        !query.next()) {
        return cannotOpen();
    }
    const int tables = query.value(0).toInt();
    const bool versioned = query.value(1).toInt() > 0;
    query.finish();
    if (applicationId != kApplicationId && (applicationId != 0 || tables > 0)) {
        return fail(QCoreApplication::translate("SqliteStore",
                                                "%1 is not an Outflow store: it holds another "
                                                "application's data.")
                        .arg(nativePath(m_path)));
    }
    if (versioned && !readVersion(query, &m_schemaVersion))
        return cannotOpen();

    const int newest = m_migrations.isEmpty() ? 0 : m_migrations.constLast().version;
    if (m_schemaVersion > newest) {
        return fail(QCoreApplication::translate(
                        "SqliteStore",
                        "This store was created by a newer Outflow (schema %1; this version "
                        "knows up to %2). Upgrade Outflow or use another store.")
                        .arg(m_schemaVersion)
                        .arg(newest));
    }
    return true;
}

bool SqliteStore::verify()
{
    if (!m_verifyOnOpen || m_path == QLatin1String(":memory:"))
        return true;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    QStringList rows;
    if (query.exec(QStringLiteral("PRAGMA quick_check(%1)").arg(StoreMaintenance::MaxProblems))) {
        while (query.next())
            rows.append(query.value(0).toString());
    } else {
        const QString error = query.lastError().databaseText();
        // Another process creating or migrating the store: open() tries again.
        if (primaryCode(query.lastError()) == SQLITE_BUSY ||
            primaryCode(query.lastError()) == SQLITE_LOCKED)
            return fail(
                QCoreApplication::translate("SqliteStore", "Could not open the store %1: %2")
                    .arg(nativePath(m_path), query.lastError().text()));
        rows.append(error);
    }
    if (rows == QStringList{QStringLiteral("ok")})
        return true;
    // lupdate (6.4) never returns from a translate() whose count is an expression.
    const int more = int(rows.size()) - 1;
    QString detail = rows.first();
    if (more > 0) {
        detail =
            QCoreApplication::translate("SqliteStore", "%1, and %n more problem(s)", nullptr, more)
                .arg(rows.first());
    }
    return fail(StoreMaintenance::damagedStoreMessage(m_path, detail));
}

bool SqliteStore::readVersion(QSqlQuery &query, int *version)
{
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version")) ||
        !query.next()) {
        return false;
    }
    *version = query.value(0).toInt();
    query.finish();
    return true;
}

bool SqliteStore::configure()
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    // WAL: readers on other threads never block the writer. synchronous=NORMAL
    // is durable across a crash of the process (the outbox promise, DESIGN §4);
    // only a power loss may drop the last commits. foreign_keys is off by
    // default in SQLite and cannot change inside a transaction.
    if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next())
        return failQuery(query);
    const QString mode = query.value(0).toString();
    query.finish();
    if (mode != QLatin1String("wal") && m_path != QLatin1String(":memory:")) {
        return fail(QCoreApplication::translate(
                        "SqliteStore", "Could not open the store %1: its folder does not support "
                                       "SQLite's write-ahead log.")
                        .arg(nativePath(m_path)));
    }
    // A 64 MiB page cache (SQLite's default is 2 MiB): merging a fragment
    // reads its profile and identities from anywhere in the file, and with the
    // default every other read was a pread() of a page evicted moments ago.
    // The cache is per connection and bounded, within the RSS target (§7).
    if (!query.exec(QStringLiteral("PRAGMA synchronous = NORMAL")) ||
        !query.exec(QStringLiteral("PRAGMA foreign_keys = ON")) ||
        !query.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(kPageCacheKiB)) ||
        !query.exec(QStringLiteral("PRAGMA temp_store = MEMORY")) ||
        !query.exec(QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(kCheckpointPages))) {
        return failQuery(query);
    }
    return true;
}

bool SqliteStore::migrate()
{
    for (const Migration &migration : std::as_const(m_migrations)) {
        if (migration.version > m_schemaVersion && !applyMigration(migration))
            return false;
    }
    return true;
}

bool SqliteStore::applyMigration(const Migration &migration)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    const auto abort = [&] {
        const QString error = query.lastError().text();
        query.finish();
        query.exec(QStringLiteral("ROLLBACK"));
        return fail(QCoreApplication::translate(
                        "SqliteStore", "Could not upgrade the store %1 to schema version %2 "
                                       "(%3): %4")
                        .arg(nativePath(m_path), QString::number(migration.version),
                             migration.description, error));
    };
    // IMMEDIATE takes the write lock now: two connections opening the same new
    // file run each migration once, the second one waiting for the first.
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return abort();
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                   " version INTEGER PRIMARY KEY,"
                                   " description TEXT NOT NULL,"
                                   " applied_at INTEGER NOT NULL)")) ||
        !query.exec(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId))) {
        return abort();
    }
    int current = 0;
    if (!readVersion(query, &current))
        return abort();
    if (current < migration.version) {
        for (const QString &statement : migration.statements) {
            if (!query.exec(statement))
                return abort();
        }
        if (!query.prepare(QStringLiteral("INSERT INTO schema_version"
                                          " (version, description, applied_at) VALUES (?, ?, ?)")))
            return abort();
        query.bindValue(0, migration.version);
        query.bindValue(1, migration.description);
        query.bindValue(2, QDateTime::currentMSecsSinceEpoch());
        if (!query.exec())
            return abort();
        current = migration.version;
    }
    if (!query.exec(QStringLiteral("COMMIT")))
        return abort();
    m_schemaVersion = current;
    return true;
}

// The sqlite3 handle under QtSql's connection, for the statements on the C API.
// Only sound when Qt's driver and Outflow use one and the same SQLite library:
// Debian's QSQLITE links the system libsqlite3, as this build does; a driver
// with its own copy is refused here rather than handed a foreign handle.
sqlite3 *SqliteStore::nativeHandle()
{
    const QVariant handle = m_db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT sqlite_source_id()")) || !query.next() ||
        query.value(0).toString() != QLatin1String(sqlite3_sourceid())) {
        return nullptr;
    }
    return *static_cast<sqlite3 *const *>(handle.constData());
}

bool SqliteStore::prepareStatements()
{
    sqlite3 *handle = nativeHandle();
    if (!handle) {
        return fail(QCoreApplication::translate(
                        "SqliteStore",
                        "Could not open the store %1: Qt's SQLite driver does not use the "
                        "SQLite library Outflow was built with (%2).")
                        .arg(nativePath(m_path), QLatin1String(sqlite3_libversion())));
    }
    auto statements = std::make_unique<Statements>(m_db, handle);
    QString error;
    if (!statements->prepare(&error)) {
        return fail(QCoreApplication::translate("SqliteStore", "Could not open the store %1: %2")
                        .arg(nativePath(m_path), error));
    }
    m_statements = std::move(statements);
    return true;
}

bool SqliteStore::begin()
{
    if (!isOpen())
        return false;
    if (m_inTransaction) {
        return fail(QCoreApplication::translate("SqliteStore", "A transaction is already open."));
    }
    if (!exec(m_statements->begin))
        return false;
    m_inTransaction = true;
    m_profilesWritten = false;
    forgetAudienceKeys();
    // BEGIN IMMEDIATE holds the write lock: no other connection can change
    // profiles until commit, so the cache checked now stays valid until then.
    int generation = 0;
    if (!readGeneration(&generation)) {
        const QString error = m_error;
        rollback();
        return fail(error);
    }
    if (generation != m_generation) {
        m_cache->clear();
        m_generation = generation;
    }
    return true;
}

bool SqliteStore::commit()
{
    if (!isOpen())
        return false;
    if (!m_inTransaction)
        return fail(QCoreApplication::translate("SqliteStore", "No transaction is open."));
    // On failure the transaction stays open: the caller rolls it back.
    if (m_profilesWritten && !writeGeneration())
        return false;
    if (!exec(m_statements->commit))
        return false;
    m_inTransaction = false;
    if (m_profilesWritten)
        m_generation = nextGeneration(m_generation);
    m_profilesWritten = false;
    return true;
}

void SqliteStore::rollback()
{
    if (!m_statements || !m_inTransaction)
        return;
    // Fails only when SQLite already rolled back on its own (after an I/O
    // error, for instance): either way no transaction is left.
    m_statements->rollback.exec();
    m_inTransaction = false;
    // The caches mirrored the writes being undone.
    m_cache->clear();
    forgetAudienceKeys();
    m_profilesWritten = false;
}

bool SqliteStore::readGeneration(int *generation)
{
    SqliteStatement &statement = m_statements->generation;
    const SqliteStatement::Use use(statement);
    if (!statement.step())
        return failStatement(statement);
    *generation = int(statement.int64(0));
    return true;
}

bool SqliteStore::writeGeneration()
{
    // A pragma takes no parameter: the value is part of the text.
    const QByteArray sql =
        "PRAGMA user_version = " + QByteArray::number(nextGeneration(m_generation));
    char *message = nullptr;
    if (sqlite3_exec(m_statements->handle, sql.constData(), nullptr, nullptr, &message) ==
        SQLITE_OK) {
        return true;
    }
    const QString error = QString::fromUtf8(message);
    sqlite3_free(message);
    return fail(
        QCoreApplication::translate("SqliteStore", "The store reported an error: %1").arg(error));
}

bool SqliteStore::isOpen()
{
    if (m_statements)
        return true;
    return fail(QCoreApplication::translate("SqliteStore", "The store is not open."));
}

bool SqliteStore::exec(QSqlQuery &query)
{
    return query.exec() || failQuery(query);
}

bool SqliteStore::fail(const QString &message)
{
    m_error = message;
    return false;
}

bool SqliteStore::failQuery(const QSqlQuery &query)
{
    return fail(QCoreApplication::translate("SqliteStore", "The store reported an error: %1")
                    .arg(query.lastError().text()));
}

} // namespace outflow
