// The Destinations page (issue #16) on the real window, the Engine on its
// worker thread, a real store, the real keychain and the real outflowctl:
// destinations listed live (one added by outflowctl while the app runs
// appears), a missing keychain secret shown with its fix, Disable/Enable and
// Delete (store rows and keychain entries gone), and rows updated in place.
#include "app/settings.h"
#include "app/translations.h"
#include "delivery/destinationsecrets.h"
#include "enginehost.h"
#include "mainwindow.h"
#include "models/destinationsmodel.h"
#include "pages/destinationspage.h"
#include "secrets/secretstore.h"
#include "store/sqlitestore.h"
#include "support/httptestreceiver.h"
#include "support/processrunner.h"
#include "support/secrethelpers.h"
#include "testconfig.h"

#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace outflow;
using outflow::ui::DestinationsModel;
using outflow::ui::DestinationsPage;
using outflow::ui::EngineHost;
using outflow::ui::MainWindow;

class TestDestinationsPage final : public QObject
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

    void listsJudgesAndActsOnDestinations()
    {
        // Before the app: one without authentication, one whose bearer token
        // was never put in the keychain, one whose token is there.
        const QString plain = addDestination(QStringLiteral("Plain"), AuthType::None);
        const QString orphan = addDestination(QStringLiteral("Orphan"), AuthType::Bearer);
        const QString keyed = addDestination(QStringLiteral("Keyed"), AuthType::Bearer);
        SecretStore keychain;
        const QString tokenKey =
            DestinationSecrets::keychainKey(keyed, DestinationSecrets::Kind::BearerToken);
        QCOMPARE(test::waitFor(keychain.store(tokenKey, QStringLiteral("t0ken"))).status,
                 SecretResult::Status::Ok);

        Settings settings(m_dir->filePath(QStringLiteral("settings.ini")));
        EngineHost engine(m_store);
        MainWindow window(settings);
        window.setEngine(&engine);
        window.showPage(MainWindow::Page::Destinations);
        window.show();
        QApplication::setActiveWindow(&window); // mnemonics reach the active window only
        QVERIFY(QTest::qWaitForWindowActive(&window));
        engine.start();
        auto *page = window.findChild<DestinationsPage *>(QStringLiteral("destinationsPage"));
        QVERIFY(page);
        DestinationsModel *model = page->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, 20000);
        QVERIFY(!page->isEmptyStateShown());
        QSignalSpy resets(model, &QAbstractItemModel::modelReset);

        // The missing secret is named, with its fix.
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(model, orphan), DestinationState::MissingSecret, 20000);
        QCOMPARE(stateOf(model, plain), DestinationState::Healthy);
        QCOMPARE(stateOf(model, keyed), DestinationState::Healthy);
        page->selectDestination(orphan);
        auto *details = page->findChild<QLabel *>(QStringLiteral("destinationDetailsLabel"));
        QTRY_VERIFY(details->text().contains(QLatin1String("Missing secret")));
        QVERIFY2(details->text().contains(QLatin1String("Enter the secret again")),
                 qPrintable(details->text()));

        // Added by outflowctl while the app runs: listed within seconds.
        const test::ProcessResult added = test::runProcess(
            QStringLiteral(OUTFLOW_CLI_BINARY),
            {QStringLiteral("--store"), m_store, QStringLiteral("destination"),
             QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("From the CLI"),
             QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:9/in")});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, 10000);

        // Disable, then enable again.
        page->selectDestination(plain);
        auto *enable = page->findChild<QPushButton *>(QStringLiteral("destinationEnableButton"));
        QCOMPARE(enable->text(), QStringLiteral("&Disable"));
        // From the keyboard: the table has focus, Alt+D is the button's mnemonic
        // (none of the menus uses D).
        page->view()->setFocus();
        QTest::keyClick(&window, Qt::Key_D, Qt::AltModifier);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(model, plain), DestinationState::Disabled, 10000);
        QVERIFY(!storedDestination(plain)->enabled);
        QTRY_COMPARE(enable->text(), QStringLiteral("&Enable"));
        enable->click();
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(model, plain), DestinationState::Healthy, 10000);
        QVERIFY(storedDestination(plain)->enabled);

        // Delete asks, naming what goes; Cancel keeps everything.
        QString asked;
        page->setConfirm([&asked](const QString &question) {
            asked = question;
            return false;
        });
        page->selectDestination(keyed);
        auto *remove = page->findChild<QPushButton *>(QStringLiteral("destinationDeleteButton"));
        remove->click();
        QVERIFY2(asked.contains(QStringLiteral("“Keyed”")) &&
                     asked.contains(QLatin1String("1 keychain entry")),
                 qPrintable(asked));
        QVERIFY(storedDestination(keyed));
        page->setConfirm([](const QString &) { return true; });
        remove->click();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowOf(keyed), -1, 10000);
        QVERIFY(!storedDestination(keyed));
        QTRY_VERIFY_WITH_TIMEOUT(test::waitFor(keychain.read(tokenKey)).isNotFound(), 10000);
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(resets.size(), 0); // rows inserted, changed and removed, never reset
    }

    // Send test: one sample request through the Engine, the answer shown;
    // the outbox untouched. A destination whose secret is missing says so.
    void sendTestShowsTheAnswer()
    {
        test::HttpTestReceiver receiver;
        QVERIFY(receiver.listen());
        const QString plain =
            addDestination(QStringLiteral("Plain"), AuthType::None, receiver.url());
        const QString orphan = addDestination(QStringLiteral("Orphan"), AuthType::Bearer);
        Settings settings(m_dir->filePath(QStringLiteral("settings.ini")));
        EngineHost engine(m_store);
        MainWindow window(settings);
        window.setEngine(&engine);
        window.showPage(MainWindow::Page::Destinations);
        window.show();
        QApplication::setActiveWindow(&window); // mnemonics reach the active window only
        QVERIFY(QTest::qWaitForWindowActive(&window));
        engine.start();
        auto *page = window.findChild<DestinationsPage *>(QStringLiteral("destinationsPage"));
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 2, 20000);
        auto *test = page->findChild<QPushButton *>(QStringLiteral("destinationTestButton"));
        auto *result = page->findChild<QLabel *>(QStringLiteral("destinationTestResultLabel"));

        page->selectDestination(plain);
        QTRY_VERIFY(test->isEnabled());
        page->view()->setFocus();
        QTest::keyClick(&window, Qt::Key_S, Qt::AltModifier); // &Send Test, from the keyboard
        QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QLatin1String("HTTP 200")), 20000);
        QVERIFY2(result->text().startsWith(QStringLiteral("Test of “Plain”")),
                 qPrintable(result->text()));
        QCOMPARE(receiver.requests().size(), 1);
        QCOMPARE(receiver.exportIds().size(), 1);

        page->selectDestination(orphan);
        QTRY_VERIFY(test->isEnabled());
        test->click();
        QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QLatin1String("Failed")), 20000);
        QVERIFY2(result->text().contains(QLatin1String("Orphan")), qPrintable(result->text()));
        QCOMPARE(receiver.requests().size(), 1); // nothing was sent without its token
    }

    // A running backfill under the table: how far, how fast, how long still;
    // hidden once it is done. The page alone, fed the Engine's snapshots.
    void aRunningBackfillShowsItsProgress()
    {
        DestinationsPage page;
        DestinationSummary row;
        row.id = QStringLiteral("d1");
        row.name = QStringLiteral("Hook");
        row.backfillDone = 400;
        row.backfillTotal = 1000;
        row.backfillFinished = false;
        row.backfillPerSecond = 100;
        row.backfillEtaMs = 6000;
        page.setDestinations({row});
        page.selectDestination(row.id);
        QProgressBar *bar = page.backfillBar();
        QVERIFY(!bar->isHidden());
        QCOMPARE(bar->maximum(), 1000);
        QCOMPARE(bar->value(), 400);
        QVERIFY2(bar->format().contains(QLatin1String("400 of 1,000 profiles")) &&
                     bar->format().contains(QLatin1String("about 6 s left")),
                 qPrintable(bar->format()));
        row.backfillDone = 1000;
        row.backfillFinished = true;
        row.backfillEtaMs = -1;
        page.setDestinations({row});
        QVERIFY(bar->isHidden());
    }

    // Activate now (issue #17): the confirmation names the count, and the
    // audience's current members are exported again under new export ids.
    void activateNowExportsTheMembersAgain()
    {
        test::HttpTestReceiver receiver;
        QVERIFY(receiver.listen());
        const QString hook = addDestination(QStringLiteral("Hook"), AuthType::None, receiver.url());
        ctl({QStringLiteral("audience"), QStringLiteral("add"), QStringLiteral("--name"),
             QStringLiteral("Everyone"), QStringLiteral("--rule"),
             QStringLiteral("personalEmail.address exists")});
        QByteArray ndjson;
        for (int i = 0; i < 6; ++i)
            ndjson += QStringLiteral("{\"identityMap\":{\"email\":[{\"id\":\"p%1@example.com\"}]},"
                                     "\"personalEmail\":{\"address\":\"p%1@example.com\"}}\n")
                          .arg(i)
                          .toUtf8();
        const QString file = m_dir->filePath(QStringLiteral("profiles.ndjson"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(ndjson) == ndjson.size());
        out.close();
        ctl({QStringLiteral("ingest"), file});
        ctl({QStringLiteral("activate"), QStringLiteral("Hook"), QStringLiteral("--audience"),
             QStringLiteral("Everyone"), QStringLiteral("--attribute"),
             QStringLiteral("personalEmail.address")});

        Settings settings(m_dir->filePath(QStringLiteral("settings.ini")));
        EngineHost engine(m_store);
        MainWindow window(settings);
        window.setEngine(&engine);
        window.showPage(MainWindow::Page::Destinations);
        window.show();
        QSignalSpy audiences(&engine, &EngineHost::audiencesChanged);
        engine.start();
        auto *page = window.findChild<DestinationsPage *>(QStringLiteral("destinationsPage"));
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(receiver.exportIds().size(), 6, 20000); // the backfill
        QTRY_VERIFY_WITH_TIMEOUT(!audiences.isEmpty(), 10000);
        // The minute under way counts before the Monitor stores it: a
        // destination that just delivered does not say 0.
        const auto deliveredLastHour = [page, hook] {
            const int row = page->model()->rowOf(hook);
            return row < 0 ? -1 : page->model()->destinations().at(row).deliveredLastHour;
        };
        QTRY_COMPARE_WITH_TIMEOUT(deliveredLastHour(), qint64(6), 20000);

        page->selectDestination(hook);
        auto *button =
            page->findChild<QPushButton *>(QStringLiteral("destinationActivateNowButton"));
        QTRY_VERIFY(button->isEnabled());
        QCOMPARE(button->menu()->actions().size(), 1);
        QString asked;
        page->setConfirm([&asked](const QString &question) {
            asked = question;
            return true;
        });
        button->menu()->actions().constFirst()->trigger();
        QVERIFY2(asked.contains(QStringLiteral("6 current members of “Everyone” to “Hook”")),
                 qPrintable(asked));
        QTRY_COMPARE_WITH_TIMEOUT(receiver.exportIds().size(), 12, 20000);
        const QList<QByteArray> ids = receiver.exportIds();
        QCOMPARE(QSet<QByteArray>(ids.cbegin(), ids.cend()).size(), 12); // new export ids
    }

    void anEmptyStoreShowsHowToBegin()
    {
        Settings settings(m_dir->filePath(QStringLiteral("settings.ini")));
        EngineHost engine(m_store);
        MainWindow window(settings);
        window.setEngine(&engine);
        QSignalSpy opened(&engine, &EngineHost::storeOpened);
        engine.start();
        QVERIFY(opened.wait(20000));
        auto *page = window.findChild<DestinationsPage *>(QStringLiteral("destinationsPage"));
        QVERIFY(page->isEmptyStateShown());
    }

private:
    void ctl(const QStringList &arguments)
    {
        const QStringList args = QStringList{QStringLiteral("--store"), m_store} + arguments;
        const test::ProcessResult result =
            test::runProcess(QStringLiteral(OUTFLOW_CLI_BINARY), args);
        QVERIFY2(result.exitCode == 0, qPrintable(args.join(u' ') + u'\n' + result.err));
    }

    QString addDestination(const QString &name, AuthType auth, const QUrl &endpoint = {})
    {
        SqliteStore store(m_store);
        if (!store.open())
            return {};
        Destination destination;
        destination.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        destination.name = name;
        destination.endpoint =
            endpoint.isEmpty() ? QUrl(QStringLiteral("http://127.0.0.1:9/") + name) : endpoint;
        destination.auth = auth;
        destination.createdAt = destination.updatedAt = QDateTime::currentMSecsSinceEpoch();
        // Activated (a dataflow, no audience yet): its sender starts and
        // reads its secrets, which is how a missing one is found.
        Dataflow dataflow;
        dataflow.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        dataflow.destinationId = destination.id;
        dataflow.createdAt = dataflow.updatedAt = destination.createdAt;
        return store.insertDestination(destination) && store.saveDataflow(dataflow) ? destination.id
                                                                                    : QString();
    }
    std::optional<Destination> storedDestination(const QString &id)
    {
        SqliteStore store(m_store);
        return store.open() ? store.destination(id) : std::nullopt;
    }
    static DestinationState stateOf(const DestinationsModel *model, const QString &id)
    {
        const int row = model->rowOf(id);
        return row < 0 ? DestinationState::Healthy : model->destinations().at(row).state;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_store;
};

QTEST_MAIN(TestDestinationsPage)
#include "tst_destinationspage.moc"
