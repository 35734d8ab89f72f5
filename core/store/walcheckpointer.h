#pragma once

#include <memory>
#include <QMutex>
#include <QString>
#include <QWaitCondition>

class QThread;

namespace outflow {

// Copies the write-ahead log back into the store file on a thread of its own.
//
// With SQLite's automatic checkpoints, the commit that crosses the threshold
// runs the checkpoint itself: it writes the pages back and waits for two
// fsyncs (tens of milliseconds each here) while the ingest stands still;
// about a fifth of the ingest's wall time in the benchmark. A PASSIVE
// checkpoint from another connection never blocks the writer, and the writer
// restarts the log from its beginning once a checkpoint has caught up.
// The writer keeps a (large) automatic threshold as a safety net.
class WalCheckpointer
{
public:
    explicit WalCheckpointer(const QString &path, int intervalMs = 250);
    ~WalCheckpointer(); // stops, after the checkpoint in progress if any
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // Checkpoints done so far (for the tests).
    int checkpoints() const;

private:
    void run();

    const QString m_path;
    const int m_intervalMs;
    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    bool m_stopping = false; // guarded by m_mutex
    int m_checkpoints = 0;   // guarded by m_mutex
    std::unique_ptr<QThread> m_thread;
};

} // namespace outflow
