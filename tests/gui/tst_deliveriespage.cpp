// The Deliveries page (issue #18) on the real window, the Engine on its
// worker thread, a real store, the real keychain and a loopback receiver.
// A destination with a bearer token and a secret header is saved through
// the app (DestinationSaver: the keychain, then the store) and activated;
// the receiver refuses every export (400, echoing the secrets back), so the
// backfill leaves dead letters that the inspector lists. No text of any
// widget of the page, nor any cell of any of its views, holds either
// secret; the detail shows both as "••••". Then the receiver recovers, a
// newer export of one profile is delivered, and the replays are confirmed
// from the app: the superseded dead letter is never sent again, every other
// failed export arrives exactly once more.
#include "app/settings.h"
#include "app/translations.h"
#include "delivery/destinationsaver.h"
#include "delivery/secretredactor.h"
#include "enginehost.h"
#include "mainwindow.h"
#include "models/deliverylogmodel.h"
#include "pages/deliveriespage.h"
#include "pages/deliverydetailpane.h"
#include "pages/profilespage.h"
#include "screencapture.h"
#include "support/activationworld.h"
#include "support/deliveryfixture.h"
#include "support/httptestreceiver.h"
#include "support/processrunner.h"
#include "testconfig.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QUuid>

using namespace outflow;
using outflow::ui::DeliveriesPage;
using outflow::ui::DeliveryLogModel;
using outflow::ui::EngineHost;
using outflow::ui::MainWindow;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// Every text a person (or a screen reader) can get from `root` and its
// children: labels, fields, text views, buttons, combo items, tooltips,
// accessible names, and every cell and header of every view's model.
QStringList everyText(QWidget *root)
{
    QStringList texts;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *widget : std::as_const(widgets)) {
        texts << widget->toolTip() << widget->accessibleName() << widget->accessibleDescription()
              << widget->windowTitle() << widget->statusTip() << widget->whatsThis();
        if (auto *label = qobject_cast<QLabel *>(widget))
            texts << label->text();
        if (auto *edit = qobject_cast<QLineEdit *>(widget))
            texts << edit->text() << edit->placeholderText();
        if (auto *view = qobject_cast<QPlainTextEdit *>(widget))
            texts << view->toPlainText() << view->placeholderText();
        if (auto *view = qobject_cast<QTextEdit *>(widget))
            texts << view->toPlainText();
        if (auto *button = qobject_cast<QAbstractButton *>(widget))
            texts << button->text();
        if (auto *combo = qobject_cast<QComboBox *>(widget)) {
            for (int i = 0; i < combo->count(); ++i)
                texts << combo->itemText(i);
        }
        if (auto *view = qobject_cast<QAbstractItemView *>(widget)) {
            const QAbstractItemModel *model = view->model();
            if (!model)
                continue;
            for (int column = 0; column < model->columnCount(); ++column)
                texts << model->headerData(column, Qt::Horizontal).toString();
            for (int row = 0; row < model->rowCount(); ++row) {
                for (int column = 0; column < model->columnCount(); ++column) {
                    const QModelIndex index = model->index(row, column);
                    texts << index.data(Qt::DisplayRole).toString()
                          << index.data(Qt::ToolTipRole).toString()
                          << index.data(Qt::AccessibleTextRole).toString();
                }
            }
        }
    }
    texts.removeAll(QString());
    return texts;
}

} // namespace

class TestDeliveriesPage final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(i18n::install(*qApp, s("en"))); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_store = m_dir->filePath(s("store.sqlite"));
        m_receiver = std::make_unique<test::HttpTestReceiver>();
        QVERIFY(m_receiver->listen());
        // Secrets made at run time: they appear in no source or binary.
        m_token = s("tok-") + QUuid::createUuid().toString(QUuid::Id128);
        m_signing = s("sig-") + QUuid::createUuid().toString(QUuid::Id128);
        m_healthy = false;
        // While unhealthy: 400 at once (a dead letter), echoing the secrets
        // back in the body and a header, as a careless endpoint might.
        m_receiver->setHandler([this](const test::ReceivedRequest &request, int) {
            if (m_healthy)
                return test::Reply();
            test::Reply reply = test::Reply::withStatus(
                400, R"({"error":"rejected","authorization":")" + request.header("Authorization") +
                         R"(","signing":")" + request.header("X-Signing") + R"("})");
            reply.headers = {{"X-Request-Id", "r-" + request.exportId().left(8)},
                             {"X-Echo-Signing", request.header("X-Signing")}};
            return reply;
        });
    }

    void cleanup() { m_receiver.reset(); }

    void inspectsMasksAndReplaysFromTheApp()
    {
        prepareStore();
        Settings settings(m_dir->filePath(s("settings.ini")));
        EngineHost engine(m_store);
        MainWindow window(settings);
        window.setEngine(&engine);
        window.resize(1200, 800);
        window.showPage(MainWindow::Page::Deliveries);
        window.show();
        QApplication::setActiveWindow(&window); // mnemonics reach the active window only
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QSignalSpy opened(&engine, &EngineHost::storeOpened);
        engine.start();
        QVERIFY(opened.wait(20000));
        auto *page = window.findChild<DeliveriesPage *>(s("deliveriesPage"));
        QVERIFY(page);
        QSignalSpy shown(page, &DeliveriesPage::deliveriesShown);
        QVERIFY(shown.wait(20000));
        QVERIFY(page->isEmptyStateShown()); // nothing logged yet
        QVERIFY(page->isRefreshing());

        // The destination through the app: secrets into the keychain, then the store.
        Destination destination;
        destination.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        destination.name = s("Hook");
        destination.endpoint = m_receiver->url();
        destination.auth = AuthType::Bearer;
        destination.headers = {{s("X-Tenant"), s("acme"), false},
                               {s("X-Signing"), m_signing, true}};
        destination.maxRetries = 0;
        DestinationSecrets secrets = DestinationSecrets::extractInlineSecrets(destination);
        secrets.bearerToken = m_token;
        QSignalSpy saved(&engine, &EngineHost::destinationSaved);
        engine.saveDestination(destination, DestinationSaver::keyed(destination.id, secrets));
        QVERIFY(saved.wait(20000));
        QVERIFY2(saved.at(0).at(1).toBool(), qPrintable(saved.at(0).at(3).toString()));

        // Activated: the backfill streams one export per member; each refused.
        ActivationPlan plan;
        plan.audienceIds = {m_gold};
        plan.attributes = {{s("personalEmail.address"), true, false},
                           {s("person.name.firstName"), false, false}};
        QSignalSpy activated(&engine, &EngineHost::activationSaved);
        engine.saveActivation(destination.id, plan);
        QVERIFY(activated.wait(20000));
        QCOMPARE(activated.at(0).at(1).toString(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver->requests().size(), Members, 30000);
        // The secrets were sent: they are live, only masked in the app.
        const test::ReceivedRequest &first = m_receiver->requests().constFirst();
        QCOMPARE(first.header("Authorization"), (s("Bearer ") + m_token).toUtf8());
        QCOMPARE(first.header("X-Signing"), m_signing.toUtf8());

        DeliveryLogModel *model = page->model();
        QSignalSpy resets(model, &QAbstractItemModel::modelReset);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), Members, 20000);
        QVERIFY(!page->isEmptyStateShown());
        for (const DeliveryLogEntry &entry : model->entries()) {
            QCOMPARE(entry.outcome, DeliveryOutcome::Failed);
            QCOMPARE(entry.destinationName, s("Hook"));
            QVERIFY(entry.profileIdentity.startsWith(s("email:")));
        }

        // The destination picker lists it; Failed from the outcome filter.
        auto *destinations = page->findChild<QComboBox *>(s("destinationComboBox"));
        auto *outcome = page->findChild<QComboBox *>(s("outcomeComboBox"));
        QTRY_VERIFY_WITH_TIMEOUT(destinations->findData(destination.id) > 0, 20000);
        QCOMPARE(destinations->itemText(0), s("All destinations"));
        outcome->setCurrentIndex(outcome->findText(s("Failed")));
        QVERIFY(shown.wait(10000));
        QCOMPARE(model->rowCount(), Members);

        // The detail of one failed export: the request with its secrets
        // masked, the body while queued, the answer redacted.
        QSignalSpy detailed(page, &DeliveriesPage::detailShown);
        page->view()->setFocus();
        page->view()->setCurrentIndex(model->index(0, 0));
        QVERIFY(detailed.wait(10000));
        const QString exportId = model->entry(0).exportId;
        QCOMPARE(detailed.last().at(0).toString(), exportId);
        const QString requestHeaders =
            page->findChild<QPlainTextEdit *>(s("requestHeadersView"))->toPlainText();
        QVERIFY2(requestHeaders.contains(s("Authorization: ••••")), qPrintable(requestHeaders));
        QVERIFY2(requestHeaders.contains(s("X-Signing: ••••")), qPrintable(requestHeaders));
        QVERIFY(requestHeaders.contains(s("X-Tenant: acme")));
        QVERIFY(requestHeaders.contains(s("X-Outflow-Export-Id: ") + exportId));
        QVERIFY(requestHeaders.contains(s("Content-Type: application/json")));
        QCOMPARE(page->findChild<QLabel *>(s("requestMethodLabel"))->text(), s("POST"));
        QCOMPARE(page->findChild<QLineEdit *>(s("requestUrlLineEdit"))->text(),
                 m_receiver->url().toString());
        auto *body = page->findChild<QPlainTextEdit *>(s("requestBodyView"));
        QVERIFY2(body->toPlainText().contains(s("\"firstName\"")), qPrintable(body->toPlainText()));
        QVERIFY(body->toPlainText().contains(s("@example.com")));
        QVERIFY(page->findChild<QLabel *>(s("answerStatusLabel"))->text().contains(s("HTTP 400")));
        const QString answerHeaders =
            page->findChild<QPlainTextEdit *>(s("answerHeadersView"))->toPlainText();
        QVERIFY2(answerHeaders.contains(s("X-Request-Id: r-")), qPrintable(answerHeaders));
        QVERIFY2(answerHeaders.contains(s("X-Echo-Signing: ") + SecretRedactor::Mask),
                 qPrintable(answerHeaders));
        QCOMPARE(page->detailPane()->attempts()->rowCount(), 1);

        // Neither secret anywhere on the page.
        const QStringList texts = everyText(page);
        QVERIFY(texts.size() > 50);
        for (const QString &text : texts) {
            QVERIFY2(!text.contains(m_token), qPrintable(text));
            QVERIFY2(!text.contains(m_signing), qPrintable(text));
        }

        // Screen sharing: profile values and identities masked, then back.
        auto *mask = page->findChild<QCheckBox *>(s("maskProfilesCheckBox"));
        QTest::keyClick(&window, Qt::Key_K, Qt::AltModifier);
        QTRY_VERIFY(mask->isChecked()); // a mnemonic clicks after a short animation
        QVERIFY(!body->toPlainText().contains(s("@example.com")));
        QVERIFY(body->toPlainText().contains(s("\"firstName\": \"•••\"")));
        for (const QString &text : everyText(page)) {
            for (const QString &name : m_names)
                QVERIFY2(!text.contains(name + s("@example.com")), qPrintable(text));
        }
        mask->click();
        QVERIFY(body->toPlainText().contains(s("@example.com")));

        // Show Profile opens it on the Profiles page.
        auto *profiles = window.findChild<ui::ProfilesPage *>();
        QSignalSpy profileShown(profiles, &ui::ProfilesPage::profileShown);
        page->findChild<QPushButton *>(s("showProfileButton"))->click();
        QVERIFY(profileShown.wait(20000));
        QCOMPARE(profileShown.at(0).at(0).toLongLong(), model->entry(0).profileId);
        QVERIFY(!page->isRefreshing()); // hidden: no timer work
        window.showPage(MainWindow::Page::Deliveries);
        QVERIFY(page->isRefreshing());

        // Copy Export ID.
        page->findChild<QPushButton *>(s("copyExportIdButton"))->click();
        QCOMPARE(QApplication::clipboard()->text(), exportId);

        // The receiver recovers; a newer export of Ana's is delivered.
        const QByteArray anaStale = staleExportOf(s("ana@example.com"));
        const QByteArray bobStale = staleExportOf(s("bob@example.com"));
        QVERIFY(!anaStale.isEmpty() && !bobStale.isEmpty());
        m_healthy = true;
        const qsizetype recovered = m_receiver->requests().size();
        QFile fragment(m_dir->filePath(s("newer.ndjson")));
        QVERIFY(fragment.open(QIODevice::WriteOnly));
        fragment.write(test::fragmentLine({s("email:ana@example.com")},
                                          R"({"person":{"name":{"firstName":"Ana B."}}})"));
        fragment.close();
        const test::ProcessResult ingested = test::runProcess(
            s(OUTFLOW_CLI_BINARY), {s("--store"), m_store, s("ingest"), fragment.fileName()});
        QVERIFY2(ingested.exitCode == 0, qPrintable(ingested.err));
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver->requests().size(), recovered + 1, 30000);
        QVERIFY(m_receiver->requests().constLast().body.contains("Ana B."));

        // Replay Selected, Ana's stale export and Bob's: one queued again,
        // one not sent again (a newer export of Ana's was delivered).
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(model, anaStale) >= 0 && rowOf(model, bobStale) >= 0, 10000);
        page->view()->selectionModel()->clearSelection();
        for (const QByteArray &id : {anaStale, bobStale})
            page->view()->selectionModel()->select(model->index(rowOf(model, id), 0),
                                                   QItemSelectionModel::Select |
                                                       QItemSelectionModel::Rows);
        auto *replaySelected = page->findChild<QPushButton *>(s("replaySelectedButton"));
        QVERIFY(replaySelected->isEnabled());
        QSignalSpy replayed(page, &DeliveriesPage::replayFinished);
        replaySelected->click();
        answerConfirmation(page, s("Replay 2 failed exports of “Hook”?"));
        // The answer may come while the confirmation closes.
        QTRY_COMPARE_WITH_TIMEOUT(replayed.size(), 1, 20000);
        QCOMPARE(replayed.at(0).at(0).toLongLong(), 1);
        QCOMPARE(replayed.at(0).at(1).toLongLong(), 1);
        auto *status = page->findChild<QLabel *>(s("deliveriesStatusLabel"));
        QCOMPARE(status->text(), s("1 queued again; 1 not sent again: a newer export replaced "
                                   "it."));
        QTRY_COMPARE_WITH_TIMEOUT(countOf(bobStale, recovered), 1, 20000);
        // Logged as not sent again; the table shows it at the next refresh.
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(model->entries().cbegin(), model->entries().cend(),
                                             [&](const DeliveryLogEntry &e) {
                                                 return e.exportId.toLatin1() == anaStale &&
                                                        e.isSuperseded();
                                             }),
                                 10000);

        // Replay All Failed… for the rest, from the keyboard (Alt+A), on
        // the destination chosen in the picker.
        destinations->setCurrentIndex(destinations->findData(destination.id));
        QVERIFY(shown.wait(10000));
        auto *replayAll = page->findChild<QPushButton *>(s("replayAllButton"));
        QTRY_VERIFY(replayAll->isEnabled());
        // The confirmation's window had the focus: back to the main window.
        window.activateWindow();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        page->view()->setFocus();
        QTest::keyClick(&window, Qt::Key_A, Qt::AltModifier);
        answerConfirmation(page, s("Replay all %1 failed exports of “Hook”?").arg(Members - 2));
        QTRY_COMPARE_WITH_TIMEOUT(replayed.size(), 2, 20000);
        QCOMPARE(replayed.at(1).at(0).toLongLong(), Members - 2);
        QCOMPARE(replayed.at(1).at(1).toLongLong(), 0);

        // Since the recovery: every failed export once, Ana's stale one never.
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver->requests().size(), recovered + Members, 30000);
        QCOMPARE(countOf(anaStale, recovered), 0);
        QSet<QByteArray> failedIds;
        for (qsizetype i = 0; i < Members; ++i)
            failedIds.insert(m_receiver->requests().at(i).exportId());
        QCOMPARE(failedIds.size(), Members);
        for (const QByteArray &id : std::as_const(failedIds)) {
            if (id != anaStale)
                QCOMPARE(countOf(id, recovered), 1);
        }
        QCOMPARE(resets.size(), 0); // rows inserted and removed, never reset
    }

    // The page with failures and their detail, in English and French:
    // no clipped label or button, every focusable control named for
    // screen readers; saved for the README under tools/screenshots.sh.
    void pageOnScreen_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << s("en");
        QTest::newRow("fr") << s("fr");
    }

    void pageOnScreen()
    {
        QFETCH(QString, language);
        QVERIFY(i18n::install(*qApp, language));
        const auto restore = qScopeGuard([] { i18n::install(*qApp, QStringLiteral("en")); });
        test::DeliveryFixture fixture;
        const QString failedId = seedLog(fixture);
        Settings settings(m_dir->filePath(s("settings.ini")));
        EngineHost engine(fixture.storePath());
        MainWindow window(settings);
        window.setEngine(&engine);
        window.resize(1100, 700);
        window.showPage(MainWindow::Page::Deliveries);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Its bearer token is not in the keychain: the sender says so once
        // the keychain answered (no keychain read left running at the end).
        QSignalSpy blocked(&engine, &EngineHost::deliveryProblem);
        engine.start();
        auto *page = window.findChild<DeliveriesPage *>(s("deliveriesPage"));
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 4, 20000);
        QSignalSpy detailed(page, &DeliveriesPage::detailShown);
        for (int row = 0; row < page->model()->rowCount(); ++row) {
            if (page->model()->entry(row).exportId == failedId)
                page->view()->setCurrentIndex(page->model()->index(row, 0));
        }
        QVERIFY(detailed.wait(10000));
        test::captureScreen(&window, language, s("deliveries"));
        QTRY_VERIFY_WITH_TIMEOUT(!blocked.isEmpty(), 20000);
    }

private:
    static constexpr int Members = 6;

    // A delivery log as a morning of a flaky endpoint leaves it: one export
    // delivered, one retried then delivered, one failed for good (a dead
    // letter, with the answer's headers). Returns the failed one's id.
    static QString seedLog(test::DeliveryFixture &fixture)
    {
        SqliteStore &store = fixture.store();
        Destination destination;
        const QString dataflow = fixture.addDestination(
            QUrl(s("https://crm.example.com/v1/profiles?source=outflow&api_key=")), &destination,
            [](Destination &d) {
                d.name = s("CRM webhook");
                d.auth = AuthType::Bearer;
                d.headers = {{s("X-Tenant"), s("acme"), false}};
                d.secretQueryNames = {s("api_key")};
            });
        QList<qint64> profiles;
        for (const char *email : {"ana@example.com", "bob@example.com", "cy@example.com"}) {
            Profile profile;
            profile.identities = {{s("email"), s(email), true}};
            profile.createdAt = profile.updatedAt = 1;
            profiles.append(store.insertProfile(profile));
        }
        QList<QByteArray> ids;
        for (const qint64 profile : profiles)
            ids.append(fixture.enqueue(dataflow, profile));
        const QList<OutboxExport> claimed = store.claimPending(dataflow, ExportLane::Live, 10);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const auto log = [&](int i, DeliveryOutcome outcome, int status, int attempt) {
            DeliveryLogEntry entry;
            entry.destinationId = destination.id;
            entry.exportId = QString::fromLatin1(ids.at(i));
            entry.profileId = profiles.at(i);
            entry.attemptedAt = now - 60000 + attempt * 1000 + i * 10;
            entry.attempt = attempt;
            entry.outcome = outcome;
            entry.httpStatus = status;
            entry.latencyMs = 40 + i * 7;
            if (status / 100 != 2) {
                entry.errorKind = s("http-status");
                entry.error = s("HTTP %1 from the endpoint.").arg(status);
                entry.responseHeaders =
                    s("Content-Type: application/json\nX-Request-Id: r-%1\n").arg(i);
                entry.responseExcerpt =
                    status == 400 ? s(R"({"error":"loyalty.tier is not allowed"})") : s("busy");
            }
            store.appendDeliveryLog(entry);
        };
        log(0, DeliveryOutcome::Delivered, 200, 1);
        log(1, DeliveryOutcome::Retry, 503, 1);
        log(1, DeliveryOutcome::Delivered, 200, 2);
        log(2, DeliveryOutcome::Failed, 400, 1);
        store.markDelivered({claimed.at(0).sequence, claimed.at(1).sequence});
        AttemptRecord failed;
        failed.sequence = claimed.at(2).sequence;
        failed.attempts = 1;
        failed.attemptedAt = now;
        failed.httpStatus = 400;
        failed.errorKind = s("http-status");
        failed.error = s("HTTP 400 from the endpoint.");
        store.markFailed(failed);
        return QString::fromLatin1(ids.at(2));
    }

    void prepareStore()
    {
        test::ActivationWorld world(m_store);
        QVERIFY2(world.open(), qPrintable(world.lastError));
        QByteArray ndjson;
        for (const QString &name : m_names)
            ndjson += test::fragmentLine(
                {s("email:%1@example.com").arg(name)},
                QString::fromUtf8(R"({"person":{"name":{"firstName":"%1"}},)"
                                  R"("personalEmail":{"address":"%1@example.com"},)"
                                  R"("loyalty":{"tier":"gold"}})")
                    .arg(name)
                    .toUtf8());
        QVERIFY2(world.ingest(ndjson), qPrintable(world.lastError));
        const std::optional<Audience> gold =
            world.createAudience(s("Gold members"), s("loyalty.tier = \"gold\""));
        QVERIFY2(gold, qPrintable(world.lastError));
        m_gold = gold->id;
    }

    // The export id of the first (refused) request carrying `email`.
    QByteArray staleExportOf(const QString &email) const
    {
        for (const test::ReceivedRequest &request : m_receiver->requests()) {
            if (request.body.contains(email.toUtf8()))
                return request.exportId();
        }
        return {};
    }

    // Requests carrying `exportId` received from index `from` on.
    int countOf(const QByteArray &exportId, qsizetype from) const
    {
        int count = 0;
        const QList<test::ReceivedRequest> &requests = m_receiver->requests();
        for (qsizetype i = from; i < requests.size(); ++i)
            count += requests.at(i).exportId() == exportId ? 1 : 0;
        return count;
    }

    static int rowOf(const DeliveryLogModel *model, const QByteArray &exportId)
    {
        for (int row = 0; row < model->rowCount(); ++row) {
            const DeliveryLogEntry &entry = model->entry(row);
            if (entry.exportId.toLatin1() == exportId && !entry.isSuperseded() &&
                entry.outcome == DeliveryOutcome::Failed)
                return row;
        }
        return -1;
    }

    // The page's confirmation (window-modal, asynchronous): its question
    // checked, then Replay pressed.
    static void answerConfirmation(QWidget *page, const QString &question)
    {
        QPointer<QMessageBox> box;
        QTRY_VERIFY_WITH_TIMEOUT(
            (box = page->findChild<QMessageBox *>(s("replayConfirmationBox"))) && box->isVisible(),
            20000);
        QCOMPARE(box->text(), question);
        QVERIFY(box->informativeText().contains(s("newer export")));
        QAbstractButton *yes = box->button(QMessageBox::Yes);
        QCOMPARE(yes->text(), s("&Replay"));
        yes->click();
        QTRY_VERIFY(box.isNull()); // closed and deleted
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_store;
    std::unique_ptr<test::HttpTestReceiver> m_receiver;
    QString m_token;
    QString m_signing;
    bool m_healthy = false;
    QString m_gold;
    const QStringList m_names{s("ana"), s("bob"), s("cy"), s("dee"), s("eve"), s("fay")};
};

QTEST_MAIN(TestDeliveriesPage)
#include "tst_deliveriespage.moc"
