#pragma once

#include "model/storereports.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;

namespace outflow::ui {

class EngineHost;

// File › Check Store and File › Back Up Store: asks the Engine (which runs
// the work on a thread of its own, never the GUI's), shows progress, then the
// verdict and the details. Cancel stops a backup; nothing is left behind.
class StoreMaintenanceDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreMaintenanceDialog)

public:
    // Check the store.
    StoreMaintenanceDialog(EngineHost *engine, QWidget *parent = nullptr);
    // Back it up into `target` (a new file).
    StoreMaintenanceDialog(EngineHost *engine, const QString &target, QWidget *parent = nullptr);

    bool isRunning() const { return m_running; }
    bool succeeded() const { return m_succeeded; }
    QString verdict() const;

protected:
    void reject() override;

private:
    void build(const QString &title, const QString &heading);
    void showCheck(quint64 request, const outflow::StoreCheckReport &report);
    void showBackupProgress(quint64 request, qint64 done, qint64 total);
    void showBackup(quint64 request, const outflow::StoreBackupReport &report);
    void finish(bool succeeded, const QString &verdict, const QString &details);

    EngineHost *m_engine;
    quint64 m_request = 0;
    bool m_running = true;
    bool m_succeeded = false;
    bool m_backup = false;
    QLabel *m_heading = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_verdict = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace outflow::ui
