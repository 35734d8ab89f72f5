#include "storemaintenancedialog.h"

#include "enginehost.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace outflow::ui {

namespace {

QString dataSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes);
}

} // namespace

StoreMaintenanceDialog::StoreMaintenanceDialog(EngineHost *engine, QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
{
    setObjectName(QStringLiteral("storeCheckDialog"));
    build(tr("Check Store"), tr("Checking every page of the store %1…")
                                 .arg(QDir::toNativeSeparators(engine->storePath())));
    m_progress->setRange(0, 0); // SQLite's check says nothing until it is done
    connect(engine, &EngineHost::storeChecked, this, &StoreMaintenanceDialog::showCheck);
    m_request = engine->checkStore();
}

StoreMaintenanceDialog::StoreMaintenanceDialog(EngineHost *engine, const QString &target,
                                               QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_backup(true)
{
    setObjectName(QStringLiteral("storeBackupDialog"));
    build(tr("Back Up Store"),
          tr("Copying the store to %1…").arg(QDir::toNativeSeparators(target)));
    m_progress->setRange(0, 100);
    connect(engine, &EngineHost::storeBackupProgress, this,
            &StoreMaintenanceDialog::showBackupProgress);
    connect(engine, &EngineHost::storeBackedUp, this, &StoreMaintenanceDialog::showBackup);
    m_request = engine->backupStore(target);
}

void StoreMaintenanceDialog::build(const QString &title, const QString &heading)
{
    setWindowTitle(title);
    setMinimumWidth(520);
    m_heading = new QLabel(heading, this);
    m_heading->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("storeProgressBar"));
    m_progress->setAccessibleName(tr("Progress"));
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("storeVerdictLabel"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verdict->hide();
    m_details = new QPlainTextEdit(this);
    m_details->setObjectName(QStringLiteral("storeDetailsEdit"));
    m_details->setAccessibleName(tr("Details"));
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_details->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &StoreMaintenanceDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_progress);
    layout->addWidget(m_verdict);
    layout->addWidget(m_details, 1);
    layout->addWidget(m_buttons);
}

QString StoreMaintenanceDialog::verdict() const
{
    return m_verdict->text();
}

void StoreMaintenanceDialog::reject()
{
    // A check cannot be stopped halfway, and says nothing harmful when it
    // ends unseen; a backup is cancelled and its partial file removed.
    if (m_running && m_backup)
        m_engine->cancelStoreBackup(m_request);
    QDialog::reject();
}

void StoreMaintenanceDialog::showCheck(quint64 request, const StoreCheckReport &report)
{
    if (request != m_request)
        return;
    QStringList details;
    details << tr("Store: %1").arg(report.storePath);
    if (!report.readable) {
        finish(false, tr("The store could not be checked: %1").arg(report.error),
               details.join(u'\n'));
        return;
    }
    details << tr("Size: %1; schema version %2").arg(dataSize(report.bytes)).arg(report.schemaVersion);
    const auto list = [&details](const QString &title, const QStringList &problems) {
        if (problems.isEmpty()) {
            details << tr("%1: ok").arg(title);
            return;
        }
        details << tr("%1: %n problem(s)", nullptr, int(problems.size())).arg(title);
        for (const QString &problem : problems)
            details << QStringLiteral("  ") + problem;
    };
    list(tr("Integrity"), report.integrityProblems);
    list(tr("Foreign keys"), report.foreignKeyProblems);
    if (report.lastBackup)
        details << tr("Last backup: %1, taken %2 (%3)")
                       .arg(QDir::toNativeSeparators(report.lastBackup->path),
                            QLocale().toString(report.lastBackup->takenAt.toLocalTime(),
                                               QLocale::ShortFormat),
                            dataSize(report.lastBackup->bytes));
    else
        details << tr("Last backup: none taken with Outflow yet.");
    if (report.healthy())
        finish(true, tr("The store is whole: every page and every reference checked out."),
               details.join(u'\n'));
    else
        finish(false,
               tr("The store is damaged. Quit Outflow and stop every outflowctl that uses it, keep "
                  "the damaged file aside, and put the last backup in its place."),
               details.join(u'\n'));
}

void StoreMaintenanceDialog::showBackupProgress(quint64 request, qint64 done, qint64 total)
{
    if (request == m_request && total > 0)
        m_progress->setValue(int(done * 100 / total));
}

void StoreMaintenanceDialog::showBackup(quint64 request, const StoreBackupReport &report)
{
    if (request != m_request)
        return;
    if (!report.ok) {
        finish(false, tr("The backup failed: %1").arg(report.error), {});
        return;
    }
    m_progress->setValue(100);
    finish(true,
           tr("The store was copied to %1 (%2) and the copy checked.")
               .arg(QDir::toNativeSeparators(report.backup.path), dataSize(report.backup.bytes)),
           {});
}

void StoreMaintenanceDialog::finish(bool succeeded, const QString &verdict, const QString &details)
{
    m_running = false;
    m_succeeded = succeeded;
    m_progress->setRange(0, 100);
    m_progress->setValue(succeeded ? 100 : 0);
    m_progress->hide();
    m_verdict->setText(verdict);
    m_verdict->show();
    m_details->setPlainText(details);
    m_details->setVisible(!details.isEmpty());
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
    m_buttons->button(QDialogButtonBox::Close)->setFocus();
    adjustSize();
}

} // namespace outflow::ui
