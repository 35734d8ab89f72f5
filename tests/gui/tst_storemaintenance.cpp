// File › Check Store and File › Back Up Store (issue #23): the real window,
// the Engine on its worker thread, a real store; the dialogs show progress and
// a verdict, and a damaged store is refused at start with the check one click
// away.
#include "app/settings.h"
#include "app/translations.h"
#include "enginehost.h"
#include "mainwindow.h"
#include "storemaintenancedialog.h"
#include "support/rawconnection.h"
#include "widgets/filedialog.h"

#include <QAction>
#include <QFile>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace outflow;
using outflow::ui::EngineHost;
using outflow::ui::FileDialog;
using outflow::ui::MainWindow;
using outflow::ui::StoreMaintenanceDialog;

class TestStoreMaintenance final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(i18n::install(*qApp, QStringLiteral("en"))); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_store = m_dir->filePath(QStringLiteral("store.sqlite"));
    }

    void checkAndBackUpFromTheFileMenu()
    {
        Settings settings(m_dir->filePath(QStringLiteral("settings.ini")));
        EngineHost engine(m_store);
        MainWindow window(settings);
        window.setEngine(&engine);
        window.show();
        QSignalSpy opened(&engine, &EngineHost::storeOpened);
        engine.start();
        QVERIFY(opened.wait(20000));

        auto *check = window.findChild<QAction *>(QStringLiteral("checkStoreAction"));
        QVERIFY(check && check->isEnabled());
        check->trigger();
        auto *dialog =
            window.findChild<StoreMaintenanceDialog *>(QStringLiteral("storeCheckDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 20000);
        QVERIFY2(dialog->succeeded(), qPrintable(dialog->verdict()));
        QVERIFY2(dialog->verdict().contains(QLatin1String("whole")), qPrintable(dialog->verdict()));
        const auto *details =
            dialog->findChild<QPlainTextEdit *>(QStringLiteral("storeDetailsEdit"));
        QVERIFY(details->toPlainText().contains(QLatin1String("Integrity: ok")));
        closeAndWait(dialog);

        // Cancelled file chooser: nothing happens.
        FileDialog::setNextFileName(QString());
        auto *backup = window.findChild<QAction *>(QStringLiteral("backupStoreAction"));
        backup->trigger();
        QVERIFY(!window.findChild<StoreMaintenanceDialog *>(QStringLiteral("storeBackupDialog")));

        const QString target = m_dir->filePath(QStringLiteral("copy.sqlite"));
        FileDialog::setNextFileName(target);
        backup->trigger();
        dialog = window.findChild<StoreMaintenanceDialog *>(QStringLiteral("storeBackupDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 20000);
        QVERIFY2(dialog->succeeded(), qPrintable(dialog->verdict()));
        QVERIFY(QFile::exists(target));
        {
            test::RawConnection raw(target);
            QCOMPARE(raw.text(QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
            QVERIFY(raw.integer(QStringLiteral("SELECT COUNT(*) FROM schema_version")) > 0);
        }
        closeAndWait(dialog);

        // The same file again: refused, the copy untouched.
        const qint64 size = QFileInfo(target).size();
        FileDialog::setNextFileName(target);
        backup->trigger();
        dialog = window.findChild<StoreMaintenanceDialog *>(QStringLiteral("storeBackupDialog"));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 20000);
        QVERIFY(!dialog->succeeded());
        QVERIFY2(dialog->verdict().contains(QLatin1String("exists already")),
                 qPrintable(dialog->verdict()));
        QCOMPARE(QFileInfo(target).size(), size);
    }

    void aDamagedStoreIsRefusedWithTheCheckAtHand()
    {
        {
            test::RawConnection raw(m_store);
            QVERIFY(raw.exec(QStringLiteral("PRAGMA application_id = 1333097542"))); // "OutF"
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE schema_version (version INTEGER "
                                            "PRIMARY KEY, description TEXT, applied_at INTEGER)")));
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE filler (text TEXT)")));
            for (int i = 0; i < 200; ++i)
                QVERIFY(
                    raw.exec(QStringLiteral("INSERT INTO filler VALUES (printf('%.1000c', 'x'))")));
        }
        // The filler table's root, an interior page by now, made unreadable.
        qint64 root = 0;
        {
            test::RawConnection raw(m_store);
            root = raw.integer(
                QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = 'filler'"));
        }
        QFile file(m_store);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek((root - 1) * 4096));
        file.write(QByteArray(16, '\x7f'));
        file.close();

        Settings settings(m_dir->filePath(QStringLiteral("settings.ini")));
        EngineHost engine(m_store);
        MainWindow window(settings);
        window.setEngine(&engine);
        window.show();
        QSignalSpy failed(&engine, &EngineHost::failed);
        engine.start();
        QVERIFY(failed.wait(20000));
        QVERIFY2(failed.at(0).at(0).toString().contains(QLatin1String("is damaged")),
                 qPrintable(failed.at(0).at(0).toString()));
        QMessageBox *box = nullptr;
        QTRY_VERIFY(
            (box = window.findChild<QMessageBox *>(QStringLiteral("storeRefusedMessageBox"))));
        QVERIFY2(box->text().contains(QStringLiteral("File › Check Store")),
                 qPrintable(box->text()));
        QPushButton *checkButton = nullptr;
        for (QAbstractButton *button : box->buttons())
            if (box->buttonRole(button) == QMessageBox::ActionRole)
                checkButton = qobject_cast<QPushButton *>(button);
        QVERIFY(checkButton);
        checkButton->click();
        auto *dialog =
            window.findChild<StoreMaintenanceDialog *>(QStringLiteral("storeCheckDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 20000);
        QVERIFY(!dialog->succeeded());
        QVERIFY2(dialog->verdict().contains(QLatin1String("damaged")),
                 qPrintable(dialog->verdict()));
    }

private:
    // Closed dialogs delete themselves later: gone before the next is looked up.
    static void closeAndWait(StoreMaintenanceDialog *dialog)
    {
        const QPointer<StoreMaintenanceDialog> watched(dialog);
        dialog->close();
        QTRY_VERIFY(watched.isNull());
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_store;
};

QTEST_MAIN(TestStoreMaintenance)
#include "tst_storemaintenance.moc"
