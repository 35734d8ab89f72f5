// The activation wizard (issue #17) on the real window, the Engine on its
// worker thread, a real store and a loopback receiver: two audiences, three
// attributes (one the identifier, one mandatory), identity changes off;
// after Finish the backfill delivers exactly what `outflowctl activate` with
// the same options delivers from a copy of the store, and the Profiles page
// says why the profile lacking the mandatory attribute was not. Then the Edit
// Activation dialog: removing an audience stops it, adding one backfills
// that audience alone.
#include "activation/activationdialog.h"
#include "activation/activationreviewpage.h"
#include "activation/activationwizard.h"
#include "activation/audiencechecklist.h"
#include "activation/audienceselectioneditor.h"
#include "activation/mappedattributesmodel.h"
#include "activation/mappingeditor.h"
#include "activation/payloadpreviewpanel.h"
#include "activation/triggerseditor.h"
#include "app/settings.h"
#include "app/translations.h"
#include "audiences/ruleaudiencedialog.h"
#include "audiences/ruleeditor.h"
#include "enginehost.h"
#include "mainwindow.h"
#include "models/destinationsmodel.h"
#include "models/profilelineagemodels.h"
#include "pages/destinationspage.h"
#include "pages/profilespage.h"
#include "screencapture.h"
#include "support/activationworld.h"
#include "support/httptestreceiver.h"
#include "testconfig.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace outflow;
using outflow::ui::ActivationDialog;
using outflow::ui::ActivationWizard;
using outflow::ui::EngineHost;
using outflow::ui::MainWindow;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// An export's body without what differs between two runs of the same
// activation: the times it was made at, and its export id.
QJsonValue normalized(const QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject object;
        const QJsonObject source = value.toObject();
        for (auto it = source.begin(); it != source.end(); ++it) {
            const QString key = it.key();
            if (key.endsWith(QLatin1String("Time")) || key.endsWith(QLatin1String("At")))
                continue;
            object.insert(key, normalized(it.value()));
        }
        return object;
    }
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue &item : value.toArray())
            array.append(normalized(item));
        return array;
    }
    return value;
}

QStringList normalizedBodies(const QList<test::ReceivedRequest> &requests, qsizetype from = 0)
{
    QStringList bodies;
    for (qsizetype i = from; i < requests.size(); ++i)
        bodies.append(QString::fromUtf8(
            QJsonDocument(
                normalized(QJsonDocument::fromJson(requests.at(i).body).object()).toObject())
                .toJson(QJsonDocument::Compact)));
    bodies.sort();
    return bodies;
}

} // namespace

class TestActivationWizard final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(i18n::install(*qApp, QStringLiteral("en"))); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_store = m_dir->filePath(s("store.sqlite"));
        QVERIFY(m_receiver.port() != 0 || m_receiver.listen());
    }

    void wizardActivatesAsTheCliDoes()
    {
        prepareStore();
        const QString copy = m_dir->filePath(s("copy.sqlite"));
        QVERIFY(QFile::copy(m_store, copy));

        // The CLI on the copy: the reference the wizard must match.
        const QStringList activate{s("--store"),      copy,
                                   s("activate"),     s("Receiver"),
                                   s("--audience"),   s("Gold members"),
                                   s("--audience"),   s("France and Germany"),
                                   s("--attribute"),  s("personalEmail.address"),
                                   s("--attribute"),  s("person.name.firstName"),
                                   s("--attribute"),  s("loyalty.tier"),
                                   s("--identifier"), s("personalEmail.address"),
                                   s("--mandatory"),  s("loyalty.tier"),
                                   s("--triggers"),   s("attribute,segmentation")};
        QVERIFY(runCli(activate));
        QVERIFY(runCli({s("--store"), copy, s("run"), s("--until-idle")}));
        const QStringList expected = normalizedBodies(m_receiver.requests());
        QVERIFY(expected.size() >= 10);
        const qsizetype cliRequests = m_receiver.requests().size();

        Settings settings(m_dir->filePath(s("settings.ini")));
        EngineHost engine(m_store);
        MainWindow window(settings);
        window.setEngine(&engine);
        window.showPage(MainWindow::Page::Destinations);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        engine.start();
        auto *page = window.findChild<ui::DestinationsPage *>(s("destinationsPage"));
        QTRY_COMPARE_WITH_TIMEOUT(page->view()->model()->rowCount(), 1, 20000);
        page->selectDestination(m_destinationId);
        auto *open = page->findChild<QPushButton *>(s("destinationActivationButton"));
        QTRY_VERIFY(open->isEnabled());
        QCOMPARE(open->text(), s("Activate &Audiences…"));

        QSignalSpy opened(&window, &MainWindow::activationOpened);
        open->click();
        QVERIFY(opened.wait(20000));
        auto *wizard = qobject_cast<ActivationWizard *>(opened.at(0).at(0).value<QDialog *>());
        QVERIFY(wizard);
        QVERIFY(QTest::qWaitForWindowExposed(wizard));

        // Audiences: nothing checked, Next disabled; search, then Space checks.
        auto *audiences = wizard->audiencesEditor();
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        QCOMPARE(audiences->problem(), s("Select at least one audience to activate."));
        audiences->searchField()->setFocus();
        QTest::keyClicks(audiences->searchField(), s("gold"));
        QCOMPARE(audiences->view()->model()->rowCount(), 1);
        audiences->view()->setFocus();
        audiences->view()->setCurrentIndex(audiences->view()->model()->index(0, 0));
        QTest::keyClick(audiences->view(), Qt::Key_Space);
        QTRY_VERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        // The second one from the keyboard too: search, Tab into the table, Space.
        audiences->searchField()->setFocus();
        audiences->searchField()->selectAll();
        QTest::keyClicks(audiences->searchField(), s("france"));
        QTest::keyClick(audiences->searchField(), Qt::Key_Tab);
        QTRY_VERIFY(audiences->view()->hasFocus());
        audiences->view()->setCurrentIndex(audiences->view()->model()->index(0, 0));
        QTest::keyClick(audiences->view(), Qt::Key_Space);
        QCOMPARE(audiences->checklist()->checkedIds().size(), 2);
        pressNext(wizard);
        QCOMPARE(wizard->currentId(), int(ActivationWizard::MappingPage));
        QCOMPARE(wizard->draft().plan.audienceIds, (QStringList{m_gold, m_franceGermany}));

        // Mapping: the tree holds the stored paths and the shipped XDM fields.
        auto *mapping = wizard->mappingEditor();
        QVERIFY(hasPath(mapping, s("loyalty.tier")));            // stored only
        QVERIFY(hasPath(mapping, s("person.birthDayAndMonth"))); // shipped only
        QSignalSpy previews(mapping->previewPanel(), &ui::PayloadPreviewPanel::previewShown);
        for (const QString &path :
             {s("personalEmail.address"), s("person.name.firstName"), s("loyalty.tier")}) {
            QTest::keyClicks(mapping->pathField(), path);
            QTest::keyClick(mapping->pathField(), Qt::Key_Return);
            QVERIFY(mapping->pathField()->text().isEmpty());
        }
        QTest::keyClicks(mapping->pathField(), s("identityMap.email"));
        QVERIFY(!mapping->addButton()->isEnabled()); // the builder's own: refused, said why
        mapping->pathField()->clear();
        QCOMPARE(mapping->mapped()->rowCount(), 3);
        QVERIFY(mapping->warning().contains(s("unique identifier")));
        checkWithSpace(mapping->mappedView(), 0, ui::MappedAttributesModel::Identifier);
        checkWithSpace(mapping->mappedView(), 2, ui::MappedAttributesModel::Mandatory);
        QVERIFY(mapping->warning().isEmpty());
        QCOMPARE(mapping->problem(), QString());

        // The live preview: a real member's export, by the sending builder.
        QTRY_VERIFY2_WITH_TIMEOUT(!previews.isEmpty() &&
                                      mapping->previewPanel()->preview().profileId != 0,
                                  qPrintable(mapping->previewPanel()->caption()->text()), 10000);
        const QString body = mapping->previewPanel()->body()->toPlainText();
        QVERIFY2(body.contains(s("\"firstName\"")), qPrintable(body));
        QVERIFY2(body.contains(s("\"segmentMembership\"")), qPrintable(body));
        QVERIFY(!body.contains(s("\"lastName\""))); // not mapped, not sent
        pressNext(wizard);

        // When to activate: all on by default; identity changes off.
        auto *triggers = wizard->triggersEditor();
        QVERIFY(triggers->attributeBox()->isChecked());
        QVERIFY(triggers->segmentationBox()->isChecked());
        QVERIFY(triggers->identityBox()->isChecked());
        triggers->identityBox()->setFocus();
        QTest::keyClick(triggers->identityBox(), Qt::Key_Space);
        QVERIFY(!triggers->identityBox()->isChecked());
        auto *review = wizard->reviewPage();
        QSignalSpy estimated(review, &ui::ActivationReviewPage::backfillEstimated);
        pressNext(wizard);

        // Review: the backfill's size, and the same command as the CLI's.
        QVERIFY(!estimated.isEmpty() || estimated.wait(10000));
        const qsizetype realized = expected.size() + 1; // one excluded: no loyalty.tier
        const QString backfill = review->backfill()->text();
        QVERIFY2(backfill.contains(s("%1 realized profile").arg(realized)) &&
                     backfill.contains(s("→ %1 export").arg(realized)),
                 qPrintable(backfill));
        QVERIFY(review->summary()->text().contains(s("Gold members")));
        QVERIFY(review->command().endsWith(
            s("activate Receiver --audience 'Gold members' --audience 'France and Germany' "
              "--attribute personalEmail.address --attribute person.name.firstName "
              "--attribute loyalty.tier --identifier personalEmail.address "
              "--mandatory loyalty.tier --triggers attribute,segmentation")));

        QSignalSpy saved(wizard, &ActivationWizard::activationSaved);
        wizard->button(QWizard::FinishButton)->click();
        QVERIFY(saved.wait(20000));

        // The backfill delivers exactly what the CLI delivered.
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver.requests().size() - cliRequests, expected.size(),
                                  60000);
        QCOMPARE(normalizedBodies(m_receiver.requests(), cliRequests), expected);
        QTRY_COMPARE(open->text(), s("Edit &Activation…"));

        // The excluded profile: its decision names the mandatory attribute.
        SqliteStore store(m_store);
        QVERIFY(store.open());
        const std::optional<Dataflow> dataflow = store.dataflowOfDestination(m_destinationId);
        QVERIFY(dataflow);
        QCOMPARE(dataflow->triggers, (ActivationTriggers{true, true, false}));
        QCOMPARE(dataflow->attributes.at(0),
                 (MappedAttribute{s("personalEmail.address"), true, false}));
        QCOMPARE(dataflow->attributes.at(2), (MappedAttribute{s("loyalty.tier"), false, true}));

        // The profile lacking the mandatory attribute: the Profiles page says why.
        auto *profiles = window.findChild<ui::ProfilesPage *>();
        QVERIFY(profiles);
        QSignalSpy shown(profiles, &ui::ProfilesPage::profileShown);
        window.showProfile(s("email"), s("nolo@example.com"));
        QVERIFY(shown.wait(20000));
        auto *history = profiles->findChild<QTableView *>(s("historyTableView"));
        QAbstractItemModel *rows = history->model();
        QCOMPARE(rows->rowCount(), 1);
        QCOMPARE(rows->index(0, ui::ProfileHistoryModel::Decision).data().toString(),
                 s("excluded"));
        QCOMPARE(rows->index(0, ui::ProfileHistoryModel::Reason).data().toString(),
                 s("missing mandatory attribute loyalty.tier"));
        window.showPage(MainWindow::Page::Destinations);

        // Edit Activation: drop France and Germany, add Reachable by email.
        const qsizetype beforeEdit = m_receiver.requests().size();
        QSignalSpy reopened(&window, &MainWindow::activationOpened);
        open->click();
        QVERIFY(reopened.wait(20000));
        auto *dialog = qobject_cast<ActivationDialog *>(reopened.at(0).at(0).value<QDialog *>());
        QVERIFY(dialog);
        QStringList confirmed;
        dialog->confirmRemoval = [&confirmed](const QStringList &names) {
            confirmed = names;
            return true;
        };
        QVERIFY(dialog->audiencesEditor()->setChecked(s("France and Germany"), false));
        QVERIFY(dialog->audiencesEditor()->setChecked(s("Reachable by email"), true));
        QSignalSpy editSaved(dialog, &ActivationDialog::activationSaved);
        dialog->accept();
        QVERIFY(editSaved.wait(20000));
        QCOMPARE(confirmed, QStringList{s("France and Germany")});
        const std::optional<Dataflow> edited = store.dataflowOfDestination(m_destinationId);
        QVERIFY(edited);
        QCOMPARE(edited->audiences.size(), 2);
        QCOMPARE(edited->attributes, dataflow->attributes); // the mapping kept as it was
        // Only the added audience is backfilled: its members, not Gold's again.
        const qint64 reachable = store.membershipCounts(m_reachable).realized;
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver.requests().size() - beforeEdit, reachable - 1, 60000);
    }

    // `outflowctl activate` on the store while the app runs: the app
    // backfills it and shows the mapping, without a restart.
    void anActivationByTheCliIsPickedUp()
    {
        prepareStore();
        Settings settings(m_dir->filePath(s("settings.ini")));
        EngineHost engine(m_store);
        MainWindow window(settings);
        window.setEngine(&engine);
        window.showPage(MainWindow::Page::Destinations);
        window.show();
        engine.start();
        auto *page = window.findChild<ui::DestinationsPage *>(s("destinationsPage"));
        QTRY_COMPARE_WITH_TIMEOUT(page->view()->model()->rowCount(), 1, 20000);
        page->selectDestination(m_destinationId);
        auto *open = page->findChild<QPushButton *>(s("destinationActivationButton"));
        QTRY_COMPARE(open->text(), s("Activate &Audiences…"));
        const qsizetype before = m_receiver.requests().size();

        QVERIFY(runCli({s("--store"), m_store, s("activate"), s("Receiver"), s("--audience"),
                        s("Gold members"), s("--attribute"), s("person.name.firstName")}));
        SqliteStore store(m_store);
        QVERIFY(store.open());
        const qint64 gold = store.membershipCounts(m_gold).realized;
        QVERIFY(gold > 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver.requests().size() - before, gold, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(open->text(), s("Edit &Activation…"), 10000);
        const QModelIndex row = page->view()->model()->index(0, ui::DestinationsModel::Audiences);
        QVERIFY2(row.data().toString().contains(s("Gold members")),
                 qPrintable(row.data().toString()));
    }

    // Every page of the activation wizard, the rule editor with an error and
    // the Profiles page saying why, in English and French: checked for
    // clipped texts and unnamed controls, saved for the README under
    // tools/screenshots.sh.
    void everyPageOnScreen_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << s("en");
        QTest::newRow("fr") << s("fr");
    }

    void everyPageOnScreen()
    {
        QFETCH(QString, language);
        QVERIFY(i18n::install(*qApp, language));
        const auto restore = qScopeGuard([] { i18n::install(*qApp, QStringLiteral("en")); });
        prepareStore();
        Settings settings(m_dir->filePath(s("settings.ini")));
        EngineHost engine(m_store);
        MainWindow window(settings);
        window.setEngine(&engine);
        window.resize(1100, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy storeOpened(&engine, &EngineHost::storeOpened);
        engine.start();
        QVERIFY(storeOpened.wait(20000));
        QSignalSpy opened(&window, &MainWindow::activationOpened);
        window.openActivation(m_destinationId);
        QVERIFY(opened.wait(20000));
        auto *wizard = qobject_cast<ActivationWizard *>(opened.at(0).at(0).value<QDialog *>());
        QVERIFY(wizard);
        QVERIFY(QTest::qWaitForWindowExposed(wizard));
        QVERIFY(wizard->audiencesEditor()->setChecked(s("Gold members"), true));
        QVERIFY(wizard->audiencesEditor()->setChecked(s("France and Germany"), true));
        test::captureScreen(wizard, language, s("activation-1-audiences"));
        wizard->next();
        auto *mapping = wizard->mappingEditor();
        QSignalSpy previews(mapping->previewPanel(), &ui::PayloadPreviewPanel::previewShown);
        for (const QString &path :
             {s("personalEmail.address"), s("person.name.firstName"), s("loyalty.tier")})
            QVERIFY(mapping->mapped()->add(path));
        mapping->mapped()->setData(
            mapping->mapped()->index(0, ui::MappedAttributesModel::Identifier), Qt::Checked,
            Qt::CheckStateRole);
        mapping->mapped()->setData(
            mapping->mapped()->index(2, ui::MappedAttributesModel::Mandatory), Qt::Checked,
            Qt::CheckStateRole);
        mapping->filterField()->setText(s("person"));
        QTRY_VERIFY_WITH_TIMEOUT(mapping->previewPanel()->preview().profileId != 0, 10000);
        test::captureScreen(wizard, language, s("activation-2-mapping"));
        wizard->next();
        wizard->triggersEditor()->identityBox()->setChecked(false);
        test::captureScreen(wizard, language, s("activation-3-triggers"));
        QSignalSpy estimated(wizard->reviewPage(), &ui::ActivationReviewPage::backfillEstimated);
        wizard->next();
        QVERIFY(estimated.wait(10000));
        test::captureScreen(wizard, language, s("activation-4-review"));
        QSignalSpy saved(wizard, &ActivationWizard::activationSaved);
        wizard->button(QWizard::FinishButton)->click();
        QVERIFY(saved.wait(20000));

        // The Profiles page: why the profile without a loyalty tier was not
        // sent, once the backfill has walked it (read through a connection of
        // our own: WAL readers see each committed page).
        SqliteStore watcher(m_store);
        QVERIFY(watcher.open());
        const std::optional<Dataflow> dataflow = watcher.dataflowOfDestination(m_destinationId);
        QVERIFY(dataflow);
        QTRY_VERIFY_WITH_TIMEOUT(!watcher.backfills(dataflow->id).isEmpty() &&
                                     watcher.backfills(dataflow->id).constFirst().finished,
                                 30000);
        auto *profiles = window.findChild<ui::ProfilesPage *>();
        QSignalSpy shown(profiles, &ui::ProfilesPage::profileShown);
        window.showProfile(s("email"), s("nolo@example.com"));
        QVERIFY(shown.wait(20000));
        auto *history = profiles->findChild<QTableView *>(s("historyTableView"));
        QTRY_COMPARE(history->model()->rowCount(), 1);
        auto *tabs = profiles->findChild<QTabWidget *>();
        QVERIFY(tabs);
        tabs->setCurrentWidget(history);
        test::captureScreen(&window, language, s("profiles-why"));

        // The rule editor with an error, where the parser stopped.
        ui::RuleAudienceDialog dialog(engine, std::nullopt, &window);
        dialog.nameEdit()->setText(language == QLatin1String("fr") ? s("Or en France")
                                                                   : s("Gold in France"));
        dialog.ruleEditor()->setRule(
            s("loyalty.tier = \"gold\"\n  and homeAddress.countryCode = "));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTRY_VERIFY(dialog.ruleEditor()->errorLabel()->text().contains(s("2")));
        test::captureScreen(&dialog, language, s("audience-rule-error"));
    }

private:
    void prepareStore()
    {
        test::ActivationWorld world(m_store);
        QVERIFY2(world.open(), qPrintable(world.lastError));
        QFile sample(s(OUTFLOW_SOURCE_DIR "/resources/sample/profiles.ndjson"));
        QVERIFY(sample.open(QIODevice::ReadOnly));
        QByteArray ndjson;
        for (int line = 0; line < 80 && !sample.atEnd(); ++line)
            ndjson += sample.readLine();
        // In France, reachable, but without the mandatory loyalty tier.
        ndjson += R"({"identityMap":{"email":[{"id":"nolo@example.com","primary":true}]},)"
                  R"("person":{"name":{"firstName":"Nolo"}},)"
                  R"("personalEmail":{"address":"nolo@example.com"},)"
                  R"("homeAddress":{"countryCode":"FR"}})"
                  "\n";
        QVERIFY2(world.ingest(ndjson), qPrintable(world.lastError));
        m_gold = world.createAudience(s("Gold members"), s("loyalty.tier = \"gold\""))->id;
        m_franceGermany = world
                              .createAudience(s("France and Germany"),
                                              s("homeAddress.countryCode in [\"FR\", \"DE\"]"))
                              ->id;
        m_reachable =
            world.createAudience(s("Reachable by email"), s("personalEmail.address exists"))->id;
        world.endpoint = m_receiver.url();
        m_destinationId = world.addDestination(s("Receiver"));
        QVERIFY2(!m_destinationId.isEmpty(), qPrintable(world.lastError));
    }

    bool runCli(const QStringList &arguments)
    {
        QProcess process;
        process.start(s(OUTFLOW_CLI_BINARY), arguments);
        QSignalSpy finished(&process, &QProcess::finished);
        if (!process.waitForStarted())
            return false;
        // The receiver answers meanwhile: this thread's event loop runs.
        if (!finished.wait(60000))
            return false;
        if (process.exitCode() != 0)
            qWarning().noquote() << process.readAllStandardError();
        return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    }

    // Alt+N, the Next button's mnemonic, as an administrator presses it.
    static void pressNext(QWizard *wizard)
    {
        const int from = wizard->currentId();
        QApplication::setActiveWindow(wizard); // mnemonics reach the active window only
        QTest::keyClick(wizard, Qt::Key_N, Qt::AltModifier);
        QTRY_VERIFY(wizard->currentId() != from);
    }

    static bool hasPath(ui::MappingEditor *mapping, const QString &path)
    {
        const QAbstractItemModel *model = mapping->fieldTree()->model();
        const QModelIndexList found = model->match(model->index(0, 0), Qt::UserRole, path, 1,
                                                   Qt::MatchExactly | Qt::MatchRecursive);
        return !found.isEmpty();
    }

    static void checkWithSpace(QTableView *view, int row, int column)
    {
        view->setFocus();
        view->setCurrentIndex(view->model()->index(row, column));
        QTest::keyClick(view, Qt::Key_Space);
        QCOMPARE(view->model()->index(row, column).data(Qt::CheckStateRole).toInt(),
                 int(Qt::Checked));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_store;
    test::HttpTestReceiver m_receiver;
    QString m_destinationId;
    QString m_gold;
    QString m_franceGermany;
    QString m_reachable;
};

QTEST_MAIN(TestActivationWizard)
#include "tst_activationwizard.moc"
