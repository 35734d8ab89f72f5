// The Audiences page: its table model alone, then the page in the main
// window fed by a real Engine over a SQLite store.
#include "app/settings.h"
#include "app/translations.h"
#include "audiencespage.h"
#include "audiencetablemodel.h"
#include "enginehost.h"
#include "mainwindow.h"
#include "store/sqlitestore.h"

#include <QLabel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace outflow;
using outflow::ui::AudiencesPage;
using outflow::ui::AudienceTableModel;
using outflow::ui::EngineHost;
using outflow::ui::MainWindow;

namespace {

AudienceSummary summary(const char *id, const char *name, qint64 realized, qint64 exited,
                        AudienceOrigin origin = AudienceOrigin::Segmentation)
{
    AudienceSummary s;
    s.id = QString::fromLatin1(id);
    s.name = QString::fromLatin1(name);
    s.origin = origin;
    if (origin == AudienceOrigin::Segmentation)
        s.rule = QStringLiteral("loyalty.points > %1").arg(realized);
    s.mergePolicyId = QStringLiteral("default");
    s.realized = realized;
    s.exited = exited;
    s.createdAt = 1'700'000'000'000;
    s.updatedAt = 1'700'000'000'000 + realized;
    return s;
}

Audience audience(const char *id, const char *name, const char *rule,
                  AudienceOrigin origin = AudienceOrigin::Segmentation)
{
    Audience a;
    a.id = QString::fromLatin1(id);
    a.name = QString::fromLatin1(name);
    a.origin = origin;
    a.rule = QString::fromUtf8(rule);
    a.createdAt = a.updatedAt = 1'700'000'000'000;
    return a;
}

qint64 insertProfile(SqliteStore &store, int n)
{
    Profile profile;
    profile.identities = {
        {QStringLiteral("email"), QStringLiteral("p%1@example.com").arg(n), true}};
    profile.createdAt = profile.updatedAt = 1'700'000'000'000;
    return store.insertProfile(profile);
}

} // namespace

class TestAudiencesPage final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(i18n::install(*qApp, QStringLiteral("en"))); }

    void modelShowsOneRowPerAudience()
    {
        AudienceTableModel model;
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 6);
        model.setAudiences({summary("a", "Gold", 1200, 3),
                            summary("b", "Imported", 7, 0, AudienceOrigin::CustomUpload)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.headerData(AudienceTableModel::Realized, Qt::Horizontal).toString(),
                 QStringLiteral("Realized"));
        QCOMPARE(model.headerData(AudienceTableModel::MergePolicy, Qt::Horizontal).toString(),
                 QStringLiteral("Merge policy"));

        const auto cell = [&model](int row, int column, int role = Qt::DisplayRole) {
            return model.data(model.index(row, column), role);
        };
        QCOMPARE(cell(0, AudienceTableModel::Name).toString(), QStringLiteral("Gold"));
        QCOMPARE(cell(0, AudienceTableModel::Origin).toString(), QStringLiteral("Rule"));
        QCOMPARE(cell(1, AudienceTableModel::Origin).toString(), QStringLiteral("Custom upload"));
        QCOMPARE(cell(0, AudienceTableModel::Realized).toString(), QLocale().toString(1200));
        QCOMPARE(cell(0, AudienceTableModel::Exited).toString(), QStringLiteral("3"));
        QCOMPARE(cell(0, AudienceTableModel::MergePolicy).toString(), QStringLiteral("default"));
        QCOMPARE(cell(0, AudienceTableModel::Updated).toString(),
                 QLocale().toString(QDateTime::fromMSecsSinceEpoch(1'700'000'001'200),
                                    QLocale::ShortFormat));
        // The rule is the Name cell's tooltip; an upload has none.
        QCOMPARE(cell(0, AudienceTableModel::Name, Qt::ToolTipRole).toString(),
                 QStringLiteral("loyalty.points > 1200"));
        QVERIFY(!cell(1, AudienceTableModel::Name, Qt::ToolTipRole).isValid());
        // Counts right-aligned, text left as the style has it.
        const int right = int(Qt::AlignRight | Qt::AlignVCenter);
        QCOMPARE(cell(0, AudienceTableModel::Realized, Qt::TextAlignmentRole).toInt(), right);
        QCOMPARE(cell(0, AudienceTableModel::Exited, Qt::TextAlignmentRole).toInt(), right);
        QVERIFY(!cell(0, AudienceTableModel::Name, Qt::TextAlignmentRole).isValid());
        // Raw values to sort on.
        const QVariant realized =
            cell(0, AudienceTableModel::Realized, AudienceTableModel::SortRole);
        QCOMPARE(realized.typeId(), QMetaType::LongLong);
        QCOMPARE(realized.toLongLong(), 1200);
        QCOMPARE(cell(1, AudienceTableModel::Updated, AudienceTableModel::SortRole).toLongLong(),
                 1'700'000'000'007);
    }

    void proxySortsCountsAsNumbers()
    {
        AudiencesPage page;
        page.setAudiences({summary("a", "Nine", 9, 0), summary("b", "Hundred", 100, 0),
                           summary("c", "Twenty", 20, 0)});
        QSortFilterProxyModel *proxy = page.proxyModel();
        proxy->sort(AudienceTableModel::Realized, Qt::AscendingOrder);
        QStringList names;
        for (int row = 0; row < proxy->rowCount(); ++row)
            names << proxy->index(row, AudienceTableModel::Name).data().toString();
        // As text, "100" < "20" < "9".
        QCOMPARE(names, (QStringList{QStringLiteral("Nine"), QStringLiteral("Twenty"),
                                     QStringLiteral("Hundred")}));
    }

    void aChangedCountUpdatesTheRowWithoutAReset()
    {
        AudienceTableModel model;
        model.setAudiences({summary("a", "Gold", 10, 0), summary("b", "Silver", 5, 0)});
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setAudiences({summary("a", "Gold", 10, 0), summary("b", "Silver", 6, 0)});
        QCOMPARE(reset.size(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        QCOMPARE(changed.at(0).at(1).toModelIndex().column(), AudienceTableModel::ColumnCount - 1);
        QCOMPARE(model.index(1, AudienceTableModel::Realized).data().toString(),
                 QStringLiteral("6"));
        // The same snapshot again: nothing to tell.
        model.setAudiences({summary("a", "Gold", 10, 0), summary("b", "Silver", 6, 0)});
        QCOMPARE(changed.size(), 1);
        // Another set of audiences: a reset.
        model.setAudiences({summary("a", "Gold", 10, 0)});
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 1);
    }

    void emptyStateUntilThereIsAnAudience()
    {
        AudiencesPage page;
        QVERIFY(page.isEmptyStateShown());
        page.setAudiences({summary("a", "Gold", 1, 0)});
        QVERIFY(!page.isEmptyStateShown());
        auto *hint = page.findChild<QLabel *>(QStringLiteral("audiencesHintLabel"));
        QVERIFY(hint);
        QVERIFY2(hint->text().contains(QStringLiteral("audience add --name N --rule EXPR")),
                 qPrintable(hint->text()));
        page.setAudiences({});
        QVERIFY(page.isEmptyStateShown());
        QCOMPARE(page.model()->rowCount(), 0);
    }

    void theWindowListsTheStoredAudiences()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString storePath = dir.filePath(QStringLiteral("store.sqlite"));
        {
            SqliteStore store(storePath);
            QVERIFY2(store.open(), qPrintable(store.lastError()));
            QVERIFY(store.begin());
            QVERIFY2(store.insertAudience(audience("gold", "Gold", "loyalty.points > 100")),
                     qPrintable(store.lastError()));
            QVERIFY2(store.insertAudience(
                         audience("vip", "Imported VIP", "", AudienceOrigin::CustomUpload)),
                     qPrintable(store.lastError()));
            const QString now = qualificationTime(QDateTime::currentMSecsSinceEpoch());
            for (int n = 0; n < 3; ++n) {
                const qint64 id = insertProfile(store, n);
                QVERIFY2(id > 0, qPrintable(store.lastError()));
                // Gold: 2 realized, 1 exited; VIP: 1 realized.
                const auto status = n < 2 ? MembershipStatus::Realized : MembershipStatus::Exited;
                QVERIFY2(store.setMembership({id, QStringLiteral("gold"), status, now}),
                         qPrintable(store.lastError()));
                if (n == 0)
                    QVERIFY(store.setMembership(
                        {id, QStringLiteral("vip"), MembershipStatus::Realized, now}));
            }
            QVERIFY2(store.commit(), qPrintable(store.lastError()));
        }

        Settings settings(dir.filePath(QStringLiteral("settings.ini")));
        EngineHost engine(storePath);
        MainWindow window(settings);
        window.setEngine(&engine);
        window.showPage(MainWindow::Page::Audiences);
        window.show();
        auto *page = window.findChild<AudiencesPage *>(QStringLiteral("audiencesPage"));
        QVERIFY(page);
        auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pagesStackedWidget"));
        QCOMPARE(pages->currentWidget(), page);
        QVERIFY(page->isEmptyStateShown());

        QSignalSpy audiences(&engine, &EngineHost::audiencesChanged);
        engine.start();
        QVERIFY(audiences.wait(20000));
        QAbstractItemModel *view = page->view()->model();
        QTRY_COMPARE(view->rowCount(), 2);
        QVERIFY(!page->isEmptyStateShown());
        QHash<QString, QString> realized;
        QHash<QString, QString> exited;
        for (int row = 0; row < view->rowCount(); ++row) {
            const QString name = view->index(row, AudienceTableModel::Name).data().toString();
            realized.insert(name, view->index(row, AudienceTableModel::Realized).data().toString());
            exited.insert(name, view->index(row, AudienceTableModel::Exited).data().toString());
        }
        QCOMPARE(realized.value(QStringLiteral("Gold")), QStringLiteral("2"));
        QCOMPARE(exited.value(QStringLiteral("Gold")), QStringLiteral("1"));
        QCOMPARE(realized.value(QStringLiteral("Imported VIP")), QStringLiteral("1"));
        QCOMPARE(exited.value(QStringLiteral("Imported VIP")), QStringLiteral("0"));
        QCOMPARE(view->index(1, AudienceTableModel::Origin).data().toString(),
                 QStringLiteral("Custom upload"));

        // Asked again, the engine answers with the same snapshot.
        audiences.clear();
        engine.refreshAudiences();
        QVERIFY(audiences.wait(20000));
        const auto snapshot = audiences.at(0).at(0).value<QList<AudienceSummary>>();
        QCOMPARE(snapshot.size(), 2);
        QCOMPARE(snapshot.at(0).name, QStringLiteral("Gold"));
        QCOMPARE(snapshot.at(0).realized, 2);
        QCOMPARE(snapshot.at(0).rule, QStringLiteral("loyalty.points > 100"));
    }
};

QTEST_MAIN(TestAudiencesPage)
#include "tst_audiencespage.moc"
