// The main window shell, real widgets under QT_QPA_PLATFORM=offscreen.
#include "aboutdialog.h"
#include "app/appinfo.h"
#include "app/settings.h"
#include "app/translations.h"
#include "emptystatepage.h"
#include "mainwindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QGroupBox>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>

namespace {

// The letter after a single '&' ("&&" is a literal ampersand), lower case.
QChar mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) != QLatin1Char('&'))
            return text.at(i + 1).toLower();
        ++i;
    }
    return {};
}

// Every Alt+letter a page answers to, with what carries it: labels with a
// buddy, buttons, group boxes and tabs, and the menu bar's menus (they take
// Alt+letter on every page).
QMultiMap<QChar, QString> mnemonicsOn(const outflow::ui::MainWindow &window, QWidget *page)
{
    QMultiMap<QChar, QString> found;
    const auto add = [&found](const QString &text) {
        if (const QChar key = mnemonicOf(text); !key.isNull())
            found.insert(key, text);
    };
    for (const QAction *menu : window.menuBar()->actions())
        add(menu->text());
    for (const QLabel *label : page->findChildren<QLabel *>()) {
        if (label->buddy())
            add(label->text());
    }
    for (const QAbstractButton *button : page->findChildren<QAbstractButton *>())
        add(button->text());
    for (const QGroupBox *box : page->findChildren<QGroupBox *>())
        add(box->title());
    for (const QTabBar *tabs : page->findChildren<QTabBar *>()) {
        for (int i = 0; i < tabs->count(); ++i)
            add(tabs->tabText(i));
    }
    return found;
}

} // namespace

using outflow::Settings;
using outflow::ui::MainWindow;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_settingsFile = m_dir.filePath(
            QStringLiteral("%1.ini").arg(QString::fromLatin1(QTest::currentTestFunction())));
    }

    void navigationHasTheSixAreasInOrder()
    {
        Settings settings(m_settingsFile);
        MainWindow window(settings);
        const QStringList expected{QStringLiteral("Destinations"), QStringLiteral("Audiences"),
                                   QStringLiteral("Profiles"),     QStringLiteral("Monitoring"),
                                   QStringLiteral("Deliveries"),   QStringLiteral("Alerts")};
        QStandardItemModel *model = window.navigationModel();
        QCOMPARE(model->rowCount(), expected.size());
        for (int row = 0; row < expected.size(); ++row)
            QCOMPARE(model->item(row)->text(), expected.at(row));
    }

    void clickingANavigationEntryShowsItsPage()
    {
        Settings settings(m_settingsFile);
        MainWindow window(settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *navigation = window.findChild<QListView *>(QStringLiteral("navigationListView"));
        auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pagesStackedWidget"));
        QVERIFY(navigation && pages);
        for (int row = MainWindow::PageCount - 1; row >= 0; --row) {
            const QRect rect = navigation->visualRect(navigation->model()->index(row, 0));
            QVERIFY(rect.isValid());
            QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {}, rect.center());
            QCOMPARE(pages->currentIndex(), row);
            QCOMPARE(static_cast<int>(window.currentPage()), row);
        }
    }

    void everyPageSaysWhatWillAppearAndHowToBegin()
    {
        Settings settings(m_settingsFile);
        MainWindow window(settings);
        const auto pages = window.findChildren<outflow::ui::EmptyStatePage *>();
        QCOMPARE(pages.size(), MainWindow::PageCount);
        for (const auto *page : pages) {
            QVERIFY(!page->heading().isEmpty());
            QVERIFY(page->whatAppears().size() > 30);
            QVERIFY(page->howToBegin().size() > 20);
        }
    }

    // Word-wrapped text must get a readable measure, not its narrow size hint.
    void emptyStateTextIsLaidOutWide()
    {
        Settings settings(m_settingsFile);
        MainWindow window(settings);
        window.resize(960, 640);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pagesStackedWidget"));
        auto *label =
            pages->currentWidget()->findChild<QLabel *>(QStringLiteral("whatAppearsLabel"));
        QVERIFY(label);
        QTRY_VERIFY2(label->width() >= 500, qPrintable(QString::number(label->width())));
        QVERIFY(label->width() <= 600);
    }

    void lastPageAndGeometrySurviveARestart()
    {
        {
            Settings settings(m_settingsFile);
            MainWindow window(settings);
            window.resize(1010, 700);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.showPage(MainWindow::Page::Monitoring);
            window.close(); // closeEvent saves
        }
        Settings settings(m_settingsFile);
        QCOMPARE(settings.value(Settings::Key::LastPage).toInt(),
                 int(MainWindow::Page::Monitoring));
        QVERIFY(!settings.value(Settings::Key::MainWindowGeometry).toByteArray().isEmpty());
        MainWindow restored(settings);
        QCOMPARE(restored.currentPage(), MainWindow::Page::Monitoring);
        QCOMPARE(restored.size(), QSize(1010, 700));
    }

    void outOfRangeLastPageFallsBackToTheFirst()
    {
        Settings settings(m_settingsFile);
        settings.setValue(Settings::Key::LastPage, 42);
        MainWindow window(settings);
        QCOMPARE(window.currentPage(), MainWindow::Page::Destinations);
    }

    void keychainStateIsShownInTheStatusBar()
    {
        Settings settings(m_settingsFile);
        MainWindow window(settings);
        QSignalSpy checked(&window, &MainWindow::keychainChecked);
        QVERIFY(checked.wait(20000));
        QCOMPARE(checked.at(0).at(0).toBool(), true); // gnome-keyring runs in the test session
        auto *label = window.findChild<QLabel *>(QStringLiteral("keychainStatusLabel"));
        QVERIFY(label);
        QCOMPARE(label->text(), QStringLiteral("Keychain: available"));
    }

    void aboutDialogShowsTheVersion()
    {
        Settings settings(m_settingsFile);
        MainWindow window(settings);
        window.show();
        window.showAbout();
        QTRY_VERIFY(window.findChild<outflow::ui::AboutDialog *>() != nullptr);
        auto *dialog = window.findChild<outflow::ui::AboutDialog *>();
        QTRY_VERIFY(dialog->isVisible());
        auto *version = dialog->findChild<QLabel *>(QStringLiteral("versionLabel"));
        QVERIFY(version);
        QCOMPARE(version->text(), QStringLiteral("Version %1").arg(outflow::appinfo::version));
        dialog->reject();
        QTRY_VERIFY(window.findChild<outflow::ui::AboutDialog *>() == nullptr);
    }

    void demoReceiverIsShownWhenSet()
    {
        Settings settings(m_settingsFile);
        MainWindow window(settings);
        window.show();
        auto *label = window.findChild<QLabel *>(QStringLiteral("demoStatusLabel"));
        QVERIFY(label && !label->isVisible());
        window.setDemoReceiver(QUrl(QStringLiteral("http://127.0.0.1:8080/")));
        QVERIFY(label->isVisible());
        QVERIFY(label->text().contains(QLatin1String("http://127.0.0.1:8080/")));
    }

    // The off switch of desktop notifications: a checkable action on the
    // setting, written at once (a crash later must not lose it).
    void notificationsActionIsBoundToTheSetting()
    {
        {
            Settings settings(m_settingsFile);
            MainWindow window(settings);
            auto *action = window.findChild<QAction *>(QStringLiteral("notificationsAction"));
            QVERIFY(action);
            QVERIFY(action->isCheckable());
            QCOMPARE(action->isChecked(), true); // the default
            QCOMPARE(action->text(), QStringLiteral("Desktop &Notifications for Alerts"));
            action->trigger();
            QCOMPARE(settings.notificationsEnabled(), false);
        }
        Settings settings(m_settingsFile);
        QCOMPARE(settings.notificationsEnabled(), false);
        MainWindow window(settings);
        auto *action = window.findChild<QAction *>(QStringLiteral("notificationsAction"));
        QVERIFY(action);
        QCOMPARE(action->isChecked(), false);
    }

    // From the keyboard, Alt+letter must reach one control: on no page do
    // two carry the same mnemonic, nor one a menu's, in English or French.
    void noTwoControlsShareAMnemonic_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("fr") << QStringLiteral("fr");
    }

    void noTwoControlsShareAMnemonic()
    {
        QFETCH(QString, language);
        QVERIFY(outflow::i18n::install(*qApp, language));
        Settings settings(m_settingsFile);
        MainWindow window(settings);
        auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pagesStackedWidget"));
        QVERIFY(pages);
        QStringList clashes;
        int mnemonicCount = 0;
        for (int row = 0; row < pages->count(); ++row) {
            const QMultiMap<QChar, QString> found = mnemonicsOn(window, pages->widget(row));
            mnemonicCount += int(found.size());
            for (const QChar key : found.uniqueKeys()) {
                if (found.count(key) > 1)
                    clashes << QStringLiteral("%1: Alt+%2 on %3")
                                   .arg(window.navigationModel()->item(row)->text(), key,
                                        QStringList(found.values(key)).join(QStringLiteral(", ")));
            }
        }
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
        QVERIFY(mnemonicCount > 6 * 4); // the menus on every page, and the pages' own
        QVERIFY(outflow::i18n::install(*qApp, QStringLiteral("en")));
    }

    // Last: installs the French catalogue for the rest of the process.
    void frenchNavigation()
    {
        QVERIFY(outflow::i18n::install(*qApp, QStringLiteral("fr")));
        Settings settings(m_settingsFile);
        MainWindow window(settings);
        QCOMPARE(window.navigationModel()->item(2)->text(), QStringLiteral("Profils"));
        QCOMPARE(window.navigationModel()->item(3)->text(), QStringLiteral("Surveillance"));
        QCOMPARE(window.navigationModel()->item(4)->text(), QStringLiteral("Envois"));
        QCOMPARE(window.navigationModel()->item(5)->text(), QStringLiteral("Alertes"));
    }

private:
    QTemporaryDir m_dir;
    QString m_settingsFile;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
