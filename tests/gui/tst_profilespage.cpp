// The Profiles page (issue #17) fed by a real Engine (EngineHost) over a real
// SQLite store made by the real pipeline: a profile looked up by namespace
// and id typed at the keyboard, its merged JSON, memberships and export
// history, with the reason of an exclusion.
#include "enginehost.h"
#include "models/jsontreemodel.h"
#include "models/profilelineagemodels.h"
#include "pages/profilespage.h"
#include "support/activationworld.h"

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace outflow;
using namespace outflow::test;
using outflow::ui::EngineHost;
using outflow::ui::JsonTreeModel;
using outflow::ui::ProfileHistoryModel;
using outflow::ui::ProfilesPage;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QString cell(const QAbstractItemModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}

} // namespace

class TestProfilesPage final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void jsonTreeModel();
    void looksUpTypedIdentity();
    void unknownIdentityIsSaidInline();
    void showProfileFromAnotherPage();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<ProfilesPage> m_page;
};

void TestProfilesPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(s("store.sqlite"));
    {
        // Gold mapped to Hook with a mandatory e-mail address; Bob has none.
        ActivationWorld world(m_path);
        world.now = QDateTime::currentMSecsSinceEpoch(); // not pruned by the Engine
        QVERIFY2(world.open(), qPrintable(world.lastError));
        QVERIFY(world.createAudience(s("Gold"), s("loyalty.points >= 100")));
        QVERIFY(!world.addDestination(s("Hook")).isEmpty());
        ActivationRequest request;
        request.destination = s("Hook");
        request.audiences = {s("Gold")};
        request.attributes = {s("personalEmail.address")};
        request.mandatory = {s("personalEmail.address")};
        QVERIFY2(!world.activate(request).isEmpty(), qPrintable(world.lastError));
        QVERIFY(world.ingest(fragmentLine({s("crmId:bob-7")},
                                          R"({"loyalty":{"points":200},"person":{"name":)"
                                          R"({"firstName":"Bob"}}})")));
        QVERIFY(world.ingest(fragmentLine({s("email:ana@example.com")},
                                          R"({"loyalty":{"points":150},"personalEmail":)"
                                          R"({"address":"ana@example.com"}})")));
        // The activation's backfill found nobody then: done, so that the
        // Engine does not walk it now that Ana and Bob are realized.
        for (Backfill backfill : world.store.pendingBackfills()) {
            backfill.finished = true;
            QVERIFY(world.store.saveBackfill(backfill));
        }
    }
    m_host = std::make_unique<EngineHost>(m_path);
    QSignalSpy opened(m_host.get(), &EngineHost::storeOpened);
    m_host->start();
    QVERIFY(opened.wait(10000));
    m_page = std::make_unique<ProfilesPage>();
    m_page->setEngine(m_host.get());
    m_page->resize(900, 600);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestProfilesPage::cleanupTestCase()
{
    m_page.reset();
    m_host.reset();
}

void TestProfilesPage::jsonTreeModel()
{
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setJson(QJsonDocument::fromJson(R"({"a":{"b":[1,"x",true]},"c":null,"d":2.5})").object());
    QCOMPARE(model.rowCount(), 3);
    const QModelIndex b = model.indexOfPath(s("a.b"));
    QVERIFY(b.isValid());
    QCOMPARE(model.rowCount(b), 3);
    QVERIFY(b.siblingAtColumn(JsonTreeModel::Value).data().toString().contains(u'3'));
    QCOMPARE(b.siblingAtColumn(JsonTreeModel::Type).data().toString(), s("array"));
    const QModelIndex x = model.indexOfPath(s("a.b[1]"));
    QCOMPARE(x.data().toString(), s("[1]"));
    QCOMPARE(x.siblingAtColumn(JsonTreeModel::Value).data().toString(), s("x"));
    QCOMPARE(x.parent(), b.siblingAtColumn(0));
    QCOMPARE(model.indexOfPath(s("d")).siblingAtColumn(JsonTreeModel::Value).data().toString(),
             s("2.5"));
    QCOMPARE(model.indexOfPath(s("c")).siblingAtColumn(JsonTreeModel::Type).data().toString(),
             s("null"));
    model.setJson(QJsonArray{1, 2});
    QCOMPARE(model.rowCount(), 2);
}

void TestProfilesPage::looksUpTypedIdentity()
{
    auto *ns = m_page->findChild<QComboBox *>(s("namespaceComboBox"));
    auto *id = m_page->findChild<QLineEdit *>(s("identityIdLineEdit"));
    auto *lookUp = m_page->findChild<QPushButton *>(s("lookUpButton"));
    QVERIFY(ns && id && lookUp);
    QVERIFY(!ns->accessibleName().isEmpty() && !id->accessibleName().isEmpty());
    QVERIFY(!lookUp->isEnabled());
    // Completion: the namespaces in use.
    QTRY_COMPARE(ns->count(), 2);
    QCOMPARE(ns->itemText(0), s("crmId"));
    QCOMPARE(ns->itemText(1), s("email"));

    ns->setFocus();
    QTest::keyClicks(ns, s("crmId"));
    ns->completer()->popup()->hide();
    QTest::keyClick(ns, Qt::Key_Tab); // to the id
    QTRY_VERIFY(id->hasFocus());
    QTest::keyClicks(id, s("bob-7"));
    QVERIFY(lookUp->isEnabled());
    QSignalSpy shown(m_page.get(), &ProfilesPage::profileShown);
    QTest::keyClick(id, Qt::Key_Return);
    QVERIFY(shown.wait(10000));
    QVERIFY(m_page->isProfileShown());

    // The merged profile as a tree.
    auto *tree = m_page->findChild<QTreeView *>(s("profileJsonTreeView"));
    auto *json = qobject_cast<JsonTreeModel *>(tree->model());
    QVERIFY(json);
    const QModelIndex points = json->indexOfPath(s("loyalty.points"));
    QVERIFY(points.isValid());
    QCOMPARE(points.siblingAtColumn(JsonTreeModel::Value).data().toString(), s("200"));
    QVERIFY(tree->isExpanded(points.parent()));
    QVERIFY(json->indexOfPath(s("identityMap.crmId[0].id")).isValid());
    QVERIFY(json->indexOfPath(s("segmentMembership.ups")).isValid());

    auto *identities = m_page->findChild<QTableView *>(s("identitiesTableView"));
    QCOMPARE(identities->model()->rowCount(), 1);
    QCOMPARE(cell(identities->model(), 0, 1), s("bob-7"));

    auto *memberships = m_page->findChild<QTableView *>(s("membershipsTableView"));
    QCOMPARE(memberships->model()->rowCount(), 1);
    QCOMPARE(cell(memberships->model(), 0, 0), s("Gold"));
    QCOMPARE(cell(memberships->model(), 0, 1), s("realized"));
    QVERIFY(!cell(memberships->model(), 0, 2).isEmpty());

    auto *history = m_page->findChild<QTableView *>(s("historyTableView"));
    QAbstractItemModel *rows = history->model();
    QCOMPARE(rows->rowCount(), 1);
    QCOMPARE(cell(rows, 0, ProfileHistoryModel::Destination), s("Hook"));
    QCOMPARE(cell(rows, 0, ProfileHistoryModel::Decision), s("excluded"));
    QCOMPARE(cell(rows, 0, ProfileHistoryModel::Reason),
             s("missing mandatory attribute personalEmail.address"));
    QVERIFY(cell(rows, 0, ProfileHistoryModel::ExportId).isEmpty());
    QVERIFY(cell(rows, 0, ProfileHistoryModel::Outcome).isEmpty());
    QVERIFY(!cell(rows, 0, ProfileHistoryModel::Time).isEmpty());
}

void TestProfilesPage::unknownIdentityIsSaidInline()
{
    auto *id = m_page->findChild<QLineEdit *>(s("identityIdLineEdit"));
    id->clear();
    id->setFocus();
    QTest::keyClicks(id, s("nobody"));
    QSignalSpy failed(m_page.get(), &ProfilesPage::lookupFailed);
    QTest::keyClick(id, Qt::Key_Return);
    QVERIFY(failed.wait(10000));
    auto *status = m_page->findChild<QLabel *>(s("profileStatusLabel"));
    QVERIFY(status->isVisible());
    QCOMPARE(status->text(), s("No profile has the identity crmId:nobody."));
}

void TestProfilesPage::showProfileFromAnotherPage()
{
    QSignalSpy shown(m_page.get(), &ProfilesPage::profileShown);
    m_page->showProfile(s("email"), s("ana@example.com"));
    QVERIFY(shown.wait(10000));
    QCOMPARE(m_page->lineage().identities.constFirst().id, s("ana@example.com"));
    auto *status = m_page->findChild<QLabel *>(s("profileStatusLabel"));
    QVERIFY(!status->isVisible());
    auto *history = m_page->findChild<QTableView *>(s("historyTableView"));
    QCOMPARE(cell(history->model(), 0, ProfileHistoryModel::Decision), s("exported"));
    QCOMPARE(cell(history->model(), 0, ProfileHistoryModel::ExportId).size(), 36);
    QVERIFY(!cell(history->model(), 0, ProfileHistoryModel::Outcome).isEmpty());
}

QTEST_MAIN(TestProfilesPage)
#include "tst_profilespage.moc"
