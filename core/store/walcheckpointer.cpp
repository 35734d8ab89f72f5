#include "walcheckpointer.h"

#include "app/logging.h"

#include <QThread>
#include <sqlite3.h>

namespace outflow {

WalCheckpointer::WalCheckpointer(const QString &path, int intervalMs)
    : m_path(path)
    , m_intervalMs(intervalMs)
{
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("outflow-wal-checkpoint"));
    m_thread->start(QThread::LowPriority);
}

WalCheckpointer::~WalCheckpointer()
{
    {
        const QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_wake.wakeAll();
    }
    m_thread->wait();
}

int WalCheckpointer::checkpoints() const
{
    const QMutexLocker lock(&m_mutex);
    return m_checkpoints;
}

void WalCheckpointer::run()
{
    sqlite3 *db = nullptr;
    // NOMUTEX: this connection lives and dies on this thread.
    if (sqlite3_open_v2(m_path.toUtf8().constData(), &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        qCWarning(lcApp, "WAL checkpoints: cannot open the store: %s", sqlite3_errmsg(db));
        sqlite3_close(db);
        return;
    }
    // A new connection knows the file is in WAL mode only once it has read
    // from it; until then a checkpoint answers "not in WAL mode" and does nothing.
    sqlite3_busy_timeout(db, 1000);
    if (sqlite3_exec(db, "SELECT COUNT(*) FROM sqlite_master", nullptr, nullptr, nullptr) !=
        SQLITE_OK) {
        qCWarning(lcApp, "WAL checkpoints: cannot read the store: %s", sqlite3_errmsg(db));
        sqlite3_close(db);
        return;
    }
    // Never the last connection to close: the store's own closes after this
    // one, checkpoints what is left and removes the log.
    QMutexLocker lock(&m_mutex);
    while (!m_stopping) {
        m_wake.wait(&m_mutex, m_intervalMs);
        if (m_stopping)
            break;
        lock.unlock();
        int logFrames = 0;
        int copied = 0;
        const int result =
            sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, &logFrames, &copied);
        lock.relock();
        if (result == SQLITE_OK && copied > 0)
            ++m_checkpoints;
    }
    lock.unlock();
    sqlite3_close(db);
}

} // namespace outflow
