// The Alerts page: its table model alone, the page's asks and empty state,
// then the page in the main window fed by a real Engine over a SQLite store.
#include "alertsmodel.h"
#include "alertspage.h"
#include "app/settings.h"
#include "app/translations.h"
#include "emptystatepage.h"
#include "enginehost.h"
#include "mainwindow.h"
#include "store/sqlitestore.h"

#include <QCheckBox>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace outflow;
using outflow::ui::AlertsModel;
using outflow::ui::AlertsPage;
using outflow::ui::EngineHost;
using outflow::ui::MainWindow;

namespace {

constexpr qint64 T0 = 1'700'000'000'000;
constexpr qint64 Hour = 3'600'000;

Alert alert(const char *id, AlertKind kind, const char *destination, qint64 raisedAt,
            qint64 resolvedAt = 0)
{
    Alert a;
    a.id = QString::fromLatin1(id);
    a.kind = kind;
    a.destinationId = QStringLiteral("dest-%1").arg(QString::fromLatin1(destination));
    a.destinationName = QString::fromLatin1(destination);
    a.state = resolvedAt > 0 ? Alert::State::Resolved : Alert::State::Active;
    a.raisedAt = a.updatedAt = raisedAt;
    a.resolvedAt = resolvedAt;
    a.message = QStringLiteral("%1: check the endpoint (%2)")
                    .arg(a.destinationName, QString::fromLatin1(id));
    return a;
}

QString localTime(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}

// The ids in the order a model (or its proxy) shows them.
QStringList ids(const QAbstractItemModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result << model.index(row, 0).data(AlertsModel::IdRole).toString();
    return result;
}

} // namespace

class TestAlertsPage final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(i18n::install(*qApp, QStringLiteral("en"))); }

    void modelShowsActiveFirstThenNewestFirst()
    {
        AlertsModel model;
        QCOMPARE(model.columnCount(), 6);
        // The resolved alert is the newest raised: still after the active ones.
        model.setAlerts(
            {alert("old", AlertKind::DeliveryDelay, "CRM", T0),
             alert("done", AlertKind::AuthFailure, "Hook", T0 + 3 * Hour, T0 + 4 * Hour),
             alert("new", AlertKind::DeliveryFailureRate, "Hook", T0 + Hour),
             alert("done-old", AlertKind::SloAtRisk, "CRM", T0 - Hour, T0)});
        QCOMPARE(ids(model), (QStringList{QStringLiteral("new"), QStringLiteral("old"),
                                          QStringLiteral("done"), QStringLiteral("done-old")}));

        const QStringList headers{QStringLiteral("State"),       QStringLiteral("Kind"),
                                  QStringLiteral("Destination"), QStringLiteral("Raised"),
                                  QStringLiteral("Resolved"),    QStringLiteral("What to do")};
        for (int column = 0; column < model.columnCount(); ++column)
            QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), headers.at(column));

        const auto cell = [&model](int row, int column, int role = Qt::DisplayRole) {
            return model.data(model.index(row, column), role);
        };
        QCOMPARE(cell(0, AlertsModel::State).toString(), QStringLiteral("Active"));
        QCOMPARE(cell(0, AlertsModel::Kind).toString(), QStringLiteral("Delivery failure rate"));
        QCOMPARE(cell(0, AlertsModel::Destination).toString(), QStringLiteral("Hook"));
        QCOMPARE(cell(0, AlertsModel::Raised).toString(), localTime(T0 + Hour));
        QCOMPARE(cell(0, AlertsModel::Resolved).toString(), QString());
        QCOMPARE(cell(0, AlertsModel::WhatToDo).toString(),
                 QStringLiteral("Hook: check the endpoint (new)"));
        QCOMPARE(cell(2, AlertsModel::State).toString(), QStringLiteral("Resolved"));
        QCOMPARE(cell(2, AlertsModel::Kind).toString(), QStringLiteral("Authentication failure"));
        QCOMPARE(cell(2, AlertsModel::Raised).toString(), localTime(T0 + 3 * Hour));
        QCOMPARE(cell(2, AlertsModel::Resolved).toString(), localTime(T0 + 4 * Hour));
        // The CLI's identifier and the whole sentence as tooltips.
        QCOMPARE(cell(1, AlertsModel::Kind, Qt::ToolTipRole).toString(),
                 QStringLiteral("delivery-delay"));
        QCOMPARE(cell(1, AlertsModel::WhatToDo, Qt::ToolTipRole).toString(),
                 QStringLiteral("CRM: check the endpoint (old)"));
        // Raw values to sort on.
        QCOMPARE(cell(0, AlertsModel::Raised, AlertsModel::SortRole).toLongLong(), T0 + Hour);
        QCOMPARE(cell(3, AlertsModel::Resolved, AlertsModel::SortRole).toLongLong(), T0);
    }

    void anUpdatedAlertChangesItsRowWithoutAReset()
    {
        AlertsModel model;
        model.setAlerts({alert("a", AlertKind::DeliveryDelay, "CRM", T0 + Hour),
                         alert("b", AlertKind::DeliveryDelay, "Hook", T0)});
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        Alert updated = alert("b", AlertKind::DeliveryDelay, "Hook", T0);
        updated.message = QStringLiteral("Hook: 14 min behind");
        model.setAlerts({updated, alert("a", AlertKind::DeliveryDelay, "CRM", T0 + Hour)});
        QCOMPARE(reset.size(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        QCOMPARE(model.index(1, AlertsModel::WhatToDo).data().toString(),
                 QStringLiteral("Hook: 14 min behind"));
        // Resolved, it moves after the active ones: a reset.
        model.setAlerts(
            {alert("a", AlertKind::DeliveryDelay, "CRM", T0 + Hour, T0 + 2 * Hour), updated});
        QCOMPARE(reset.size(), 1);
        QCOMPARE(ids(model), (QStringList{QStringLiteral("b"), QStringLiteral("a")}));
    }

    void theProxyKeepsNewestFirstWithinEachState()
    {
        AlertsPage page;
        QCheckBox *showResolved = page.showResolvedCheckBox();
        showResolved->setChecked(true);
        page.setAlerts({alert("r1", AlertKind::DeliveryDelay, "A", T0, T0 + Hour),
                        alert("a1", AlertKind::DeliveryDelay, "B", T0 + Hour),
                        alert("r2", AlertKind::DeliveryDelay, "C", T0 + Hour / 2, T0 + 3 * Hour),
                        alert("a2", AlertKind::DeliveryDelay, "D", T0 + 2 * Hour)});
        QSortFilterProxyModel *proxy = page.proxyModel();
        QCOMPARE(proxy->sortColumn(), int(AlertsModel::State));
        QCOMPARE(ids(*proxy), (QStringList{QStringLiteral("a2"), QStringLiteral("a1"),
                                           QStringLiteral("r2"), QStringLiteral("r1")}));
        // Raised, oldest first (on the UNIX ms, not on the displayed text).
        proxy->sort(AlertsModel::Raised, Qt::AscendingOrder);
        QCOMPARE(ids(*proxy).first(), QStringLiteral("r1"));
        QCOMPARE(ids(*proxy).last(), QStringLiteral("a2"));
    }

    void asksAreCoalesced()
    {
        AlertsPage page;
        QSignalSpy asked(&page, &AlertsPage::alertsRequested);
        page.refresh();
        page.refresh();
        page.refresh();
        QCOMPARE(asked.size(), 1); // one in flight
        QCOMPARE(asked.at(0).at(0).toBool(), false);
        page.setAlerts({});
        QCOMPARE(asked.size(), 2); // the changes reported meanwhile: one more ask
        page.setAlerts({});
        QCOMPARE(asked.size(), 2);
        page.showResolvedCheckBox()->setChecked(true);
        QCOMPARE(asked.size(), 3);
        QCOMPARE(asked.at(2).at(0).toBool(), true);
    }

    void emptyStateAndResolvedAlerts()
    {
        AlertsPage page;
        QVERIFY(page.isEmptyStateShown());
        QVERIFY(!page.showResolvedCheckBox()->isChecked());
        QCOMPARE(page.emptyState()->heading(), QStringLiteral("No active alert"));
        // An answer to an ask for every alert, arriving once unticked again:
        // the resolved one is not shown.
        page.setAlerts({alert("r", AlertKind::DeliveryDelay, "CRM", T0, T0 + Hour)});
        QVERIFY(page.isEmptyStateShown());
        QCOMPARE(page.model()->rowCount(), 0);

        page.showResolvedCheckBox()->setChecked(true);
        QCOMPARE(page.emptyState()->heading(), QStringLiteral("No alert"));
        page.setAlerts({alert("r", AlertKind::DeliveryDelay, "CRM", T0, T0 + Hour),
                        alert("a", AlertKind::DeliveryDelay, "CRM", T0)});
        QVERIFY(!page.isEmptyStateShown());
        QCOMPARE(page.model()->rowCount(), 2);
        // Unticked, the resolved rows go at once, before any answer.
        page.showResolvedCheckBox()->setChecked(false);
        QCOMPARE(ids(*page.model()), QStringList{QStringLiteral("a")});
    }

    void theWindowListsTheStoredAlerts()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString storePath = dir.filePath(QStringLiteral("store.sqlite"));
        {
            SqliteStore store(storePath);
            QVERIFY2(store.open(), qPrintable(store.lastError()));
            for (const Alert &a :
                 {alert("older", AlertKind::DeliveryDelay, "CRM", T0),
                  alert("newer", AlertKind::DeliveryFailureRate, "Hook", T0 + Hour),
                  alert("cleared", AlertKind::AuthFailure, "Hook", T0 + 2 * Hour, T0 + 3 * Hour)})
                QVERIFY2(store.saveAlert(a), qPrintable(store.lastError()));
        }

        Settings settings(dir.filePath(QStringLiteral("settings.ini")));
        EngineHost engine(storePath);
        MainWindow window(settings);
        window.setEngine(&engine);
        window.showPage(MainWindow::Page::Alerts);
        window.show();
        auto *page = window.findChild<AlertsPage *>(QStringLiteral("alertsPage"));
        QVERIFY(page);
        auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pagesStackedWidget"));
        QCOMPARE(pages->currentWidget(), page);
        QVERIFY(page->isEmptyStateShown());

        QSignalSpy listed(&engine, &EngineHost::alertsListed);
        engine.start();
        QVERIFY(listed.wait(20000));
        QAbstractItemModel *view = page->view()->model();
        // Active only, newest first.
        QTRY_COMPARE(ids(*view), (QStringList{QStringLiteral("newer"), QStringLiteral("older")}));
        QVERIFY(!page->isEmptyStateShown());
        const auto cell = [view](int row, int column) {
            return view->index(row, column).data().toString();
        };
        QCOMPARE(cell(0, AlertsModel::State), QStringLiteral("Active"));
        QCOMPARE(cell(0, AlertsModel::Kind), QStringLiteral("Delivery failure rate"));
        QCOMPARE(cell(0, AlertsModel::Destination), QStringLiteral("Hook"));
        QCOMPARE(cell(0, AlertsModel::Raised), localTime(T0 + Hour));
        QCOMPARE(cell(0, AlertsModel::Resolved), QString());
        QCOMPARE(cell(0, AlertsModel::WhatToDo),
                 QStringLiteral("Hook: check the endpoint (newer)"));
        QCOMPARE(cell(1, AlertsModel::Kind), QStringLiteral("Delivery delay"));

        // Ticked: the resolved one too, after the active ones.
        // click(): as the user does, without aiming at the box in a stretched widget.
        page->showResolvedCheckBox()->click();
        QVERIFY(page->showResolvedCheckBox()->isChecked());
        QTRY_COMPARE(ids(*view), (QStringList{QStringLiteral("newer"), QStringLiteral("older"),
                                              QStringLiteral("cleared")}));
        QCOMPARE(cell(2, AlertsModel::State), QStringLiteral("Resolved"));
        QCOMPARE(cell(2, AlertsModel::Resolved), localTime(T0 + 3 * Hour));

        // Raised while the page is open (here by another connection to the
        // store): the engine's change signal brings it in, first.
        {
            SqliteStore store(storePath);
            QVERIFY2(store.open(), qPrintable(store.lastError()));
            QVERIFY2(store.saveAlert(alert("latest", AlertKind::EndpointTimeouts, "CRM",
                                           QDateTime::currentMSecsSinceEpoch())),
                     qPrintable(store.lastError()));
        }
        emit engine.alertsChanged();
        QTRY_COMPARE(ids(*view), (QStringList{QStringLiteral("latest"), QStringLiteral("newer"),
                                              QStringLiteral("older"), QStringLiteral("cleared")}));
        QCOMPARE(cell(0, AlertsModel::Kind), QStringLiteral("Endpoint timeouts"));

        // Unticked: active only again.
        page->showResolvedCheckBox()->click();
        QCOMPARE(view->rowCount(), 3);
        listed.clear();
        QVERIFY(listed.wait(20000)); // the answer to the unticked ask
        QCOMPARE(ids(*view), (QStringList{QStringLiteral("latest"), QStringLiteral("newer"),
                                          QStringLiteral("older")}));
    }
};

QTEST_MAIN(TestAlertsPage)
#include "tst_alertspage.moc"
