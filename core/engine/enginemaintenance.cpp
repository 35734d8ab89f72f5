// The Engine's store maintenance (issue #23): `store check` and `store
// backup` for the app, on the Engine's maintenance pool. StoreMaintenance
// opens its own read-only connections: the engine's own keeps working, and
// the check and backup work even when open() refused a damaged store.
#include "engine.h"

namespace outflow {

void Engine::checkStore(quint64 requestId)
{
    m_maintenance.start([this, requestId, path = m_storePath] {
        // Emitted from the pool's thread: queued to every receiver elsewhere.
        emit storeChecked(requestId, StoreMaintenance::check(path));
    });
}

void Engine::backupStore(quint64 requestId, const QString &target)
{
    m_maintenance.start([this, requestId, target, path = m_storePath, state = m_maintenanceState] {
        const StoreBackupReport report = StoreMaintenance::backup(
            path, target, [this, requestId, &state](qint64 done, qint64 total) {
                if (state->stopping || state->cancelled == requestId)
                    return false;
                emit storeBackupProgress(requestId, done, total);
                return true;
            });
        emit storeBackedUp(requestId, report);
    });
}

void Engine::cancelStoreBackup(quint64 requestId)
{
    m_maintenanceState->cancelled = requestId;
}

} // namespace outflow
