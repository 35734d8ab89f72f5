// The destination wizard without a keychain (run outside any D-Bus session):
// Finish refuses inline, says why, and writes nothing (DESIGN §6: secrets go
// to the keychain or nowhere).
#include "app/settings.h"
#include "app/translations.h"
#include "enginehost.h"
#include "mainwindow.h"
#include "store/sqlitestore.h"
#include "wizard/reviewpage.h"
#include "wizarddriver.h"

#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace outflow;
using namespace outflow::test;
using outflow::ui::EngineHost;
using outflow::ui::MainWindow;
using Page = DestinationWizard::PageId;

class TestWizardWithoutKeychain final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(i18n::install(*qApp, QStringLiteral("en"))); }

    void finishRefusesAndWritesNothing()
    {
        QTemporaryDir dir;
        const QString storePath = dir.filePath(QStringLiteral("store.sqlite"));
        Settings settings(dir.filePath(QStringLiteral("settings.ini")));
        EngineHost engine(storePath);
        MainWindow window(settings);
        window.setEngine(&engine);
        QSignalSpy opened(&engine, &EngineHost::storeOpened);
        engine.start();
        QVERIFY(opened.wait(20000));
        window.show();

        DestinationWizard *wizard = window.openDestinationWizard();
        fillConnect(*wizard, QStringLiteral("No keychain"));
        wizard->next();
        chooseAuth(*wizard, AuthType::Bearer);
        type(field<QLineEdit>(*wizard, Page::AuthenticatePage, "bearerTokenEdit"),
             QStringLiteral("t0ken"));
        wizard->next();
        type(field<QLineEdit>(*wizard, Page::DetailsPage, "endpointEdit"),
             QStringLiteral("http://127.0.0.1:9/in"));
        wizard->next();
        wizard->next();
        QCOMPARE(wizard->currentId(), int(Page::ReviewPageId));
        QSignalSpy saved(wizard, &DestinationWizard::destinationSaved);
        wizard->button(QWizard::FinishButton)->click();
        QVERIFY(wizard->isSaving());
        QTRY_VERIFY_WITH_TIMEOUT(!wizard->isSaving(), 30000);
        QCOMPARE(saved.size(), 0);
        QVERIFY(wizard->isVisible()); // still open, the draft intact
        QLabel *error = wizard->reviewPage()->saveError();
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QLatin1String("keychain")), qPrintable(error->text()));
        QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());

        SqliteStore store(storePath);
        QVERIFY(store.open());
        QVERIFY(store.destinations().isEmpty());
    }
};

QTEST_MAIN(TestWizardWithoutKeychain)
#include "tst_destinationwizard_nokeychain.moc"
