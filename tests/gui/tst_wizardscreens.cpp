// Every page of the destination wizard and every tab of the Edit dialog, in
// English and in French: filled as an administrator would, each label and
// button checked for clipping (a French text wider than its room), and, with
// OUTFLOW_SCREENSHOT_DIR set (tools/screenshots.sh, under Xvfb), saved as
// PNGs for the README.
#include "app/settings.h"
#include "app/translations.h"
#include "dialogs/destinationsettingsdialog.h"
#include "enginehost.h"
#include "mainwindow.h"
#include "screencapture.h"
#include "settings/destinationeditor.h"
#include "store/sqlitestore.h"
#include "support/testpki.h"
#include "wizard/reviewpage.h"
#include "wizarddriver.h"

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QPointer>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolButton>

using namespace outflow;
using namespace outflow::test;
using outflow::ui::EngineHost;
using outflow::ui::MainWindow;
using Page = DestinationWizard::PageId;

class TestWizardScreens final : public QObject
{
    Q_OBJECT

private slots:
    void everyPage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("fr") << QStringLiteral("fr");
    }

    void everyPage()
    {
        QFETCH(QString, language);
        QVERIFY(i18n::install(*qApp, language));
        QTemporaryDir dir;
        test::TestPki pki;
        QVERIFY2(pki.generate(), qPrintable(pki.errorString()));
        Settings settings(dir.filePath(QStringLiteral("settings.ini")));
        EngineHost engine(dir.filePath(QStringLiteral("store.sqlite")));
        MainWindow window(settings);
        window.setEngine(&engine);
        QSignalSpy opened(&engine, &EngineHost::storeOpened);
        engine.start();
        QVERIFY(opened.wait(20000));
        window.show();

        DestinationWizard *wizard = window.openDestinationWizard();
        QVERIFY(wizard);
        QVERIFY(QTest::qWaitForWindowExposed(wizard));
        fillConnect(*wizard, QStringLiteral("CRM webhook"));
        capture(wizard, language, QStringLiteral("wizard-1-connect"));
        wizard->next();

        // The richest form first (OAuth2), then the bearer token this demo uses.
        chooseAuth(*wizard, AuthType::OAuth2ClientCredentials);
        type(field<QLineEdit>(*wizard, Page::AuthenticatePage, "tokenUrlEdit"),
             QStringLiteral("https://auth.example.com/oauth2/token"));
        type(field<QLineEdit>(*wizard, Page::AuthenticatePage, "clientIdEdit"),
             QStringLiteral("outflow-crm"));
        type(field<QLineEdit>(*wizard, Page::AuthenticatePage, "clientSecretEdit"),
             QStringLiteral("client-secret"));
        capture(wizard, language, QStringLiteral("wizard-2-authenticate"));
        chooseAuth(*wizard, AuthType::Bearer);
        type(field<QLineEdit>(*wizard, Page::AuthenticatePage, "bearerTokenEdit"),
             QStringLiteral("demo-token"));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(Page::DetailsPage));

        type(field<QLineEdit>(*wizard, Page::DetailsPage, "endpointEdit"),
             QStringLiteral("https://crm.example.com/outflow/profiles"));
        auto *headers = wizard->page(Page::DetailsPage)
                            ->findChild<ui::KeyValueTableEditor *>(QStringLiteral("headersEditor"));
        addRow(headers, QStringLiteral("X-Team"), QStringLiteral("crm"), false);
        addRow(headers, QStringLiteral("X-Api-Key"), QStringLiteral("k3y"), true);
        auto *query = wizard->page(Page::DetailsPage)
                          ->findChild<ui::KeyValueTableEditor *>(QStringLiteral("queryEditor"));
        addRow(query, QStringLiteral("source"), QStringLiteral("outflow"), false);
        field<QCheckBox>(*wizard, Page::DetailsPage, "segmentNamesCheck")->setChecked(true);
        field<QCheckBox>(*wizard, Page::DetailsPage, "tlsCheck")->setChecked(true);
        QVERIFY2(nextEnabled(*wizard), qPrintable(pageMessage(*wizard, Page::DetailsPage)));
        capture(wizard, language, QStringLiteral("wizard-3-details"));
        wizard->next();

        QCOMPARE(wizard->currentId(), int(Page::TlsPage));
        type(field<QLineEdit>(*wizard, Page::TlsPage, "clientCertEdit"), pki.clientCertificate());
        type(field<QLineEdit>(*wizard, Page::TlsPage, "clientKeyEdit"), pki.clientKey());
        QTRY_VERIFY2(nextEnabled(*wizard), qPrintable(pageMessage(*wizard, Page::TlsPage)));
        capture(wizard, language, QStringLiteral("wizard-4-tls"));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(Page::AlertsPage));
        capture(wizard, language, QStringLiteral("wizard-5-alerts"));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(Page::ReviewPageId));
        capture(wizard, language, QStringLiteral("wizard-6-review"));

        // The Edit dialog, on the destination just saved.
        QSignalSpy saved(wizard, &DestinationWizard::destinationSaved);
        wizard->button(QWizard::FinishButton)->click();
        const QPointer<DestinationWizard> open(wizard); // it deletes itself once saved
        QTRY_VERIFY_WITH_TIMEOUT(!open || !open->isSaving(), 20000);
        QVERIFY2(saved.size() == 1, qPrintable(open ? open->reviewPage()->saveError()->text()
                                                    : QStringLiteral("closed unsaved")));
        const QString id = saved.constFirst().constFirst().toString();
        ui::DestinationSettingsDialog *dialog = window.openDestinationSettings(id);
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), 20000);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        for (int tab = 0; tab < dialog->tabs()->count(); ++tab) {
            dialog->tabs()->setCurrentIndex(tab);
            capture(dialog, language, QStringLiteral("edit-%1").arg(tab + 1));
        }
        dialog->reject();
    }

private:
    static void capture(QWidget *window, const QString &language, const QString &name)
    {
        test::captureScreen(window, language, name);
    }
};

QTEST_MAIN(TestWizardScreens)
#include "tst_wizardscreens.moc"
