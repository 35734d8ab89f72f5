// The Alerts page: its table model alone (updated without resets), the
// page's asks, filters, Acknowledge and Alert Settings…, and empty state,
// then the page in the main window fed by a real Engine over a SQLite store.
#include "alertsmodel.h"
#include "alertspage.h"
#include "app/settings.h"
#include "app/translations.h"
#include "dialogs/destinationsettingsdialog.h"
#include "emptystatepage.h"
#include "enginehost.h"
#include "mainwindow.h"
#include "store/sqlitestore.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace outflow;
using outflow::ui::AlertsModel;
using outflow::ui::AlertsPage;
using outflow::ui::DestinationSettingsDialog;
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

Alert acknowledged(Alert a, qint64 at)
{
    a.acknowledgedAt = at;
    return a;
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
        // Resolved, it moves after the active ones: a move, not a reset.
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        model.setAlerts(
            {alert("a", AlertKind::DeliveryDelay, "CRM", T0 + Hour, T0 + 2 * Hour), updated});
        QCOMPARE(reset.size(), 0);
        QCOMPARE(moved.size(), 1);
        QCOMPARE(ids(model), (QStringList{QStringLiteral("b"), QStringLiteral("a")}));
    }

    // New alerts are inserted where they belong, gone ones removed, an
    // acknowledged one moves after the others still calling for attention:
    // never a reset (GUI.md §1.6), and the model stays consistent.
    void rowsAreInsertedMovedAndRemovedNeverReset()
    {
        AlertsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        const Alert a = alert("a", AlertKind::DeliveryDelay, "CRM", T0);
        const Alert b = alert("b", AlertKind::DeliveryFailureRate, "Hook", T0 + Hour);
        const Alert c = alert("c", AlertKind::AuthFailure, "Hook", T0 + 2 * Hour);
        const Alert d = alert("d", AlertKind::SloAtRisk, "CRM", T0 - Hour, T0);
        model.setAlerts({a, b});
        QCOMPARE(ids(model), (QStringList{QStringLiteral("b"), QStringLiteral("a")}));
        model.setAlerts({a, b, c, d});
        QCOMPARE(ids(model), (QStringList{QStringLiteral("c"), QStringLiteral("b"),
                                          QStringLiteral("a"), QStringLiteral("d")}));
        // Acknowledged: after the active ones not acknowledged, before the resolved.
        model.setAlerts({a, acknowledged(b, T0 + 3 * Hour), c, d});
        QCOMPARE(ids(model), (QStringList{QStringLiteral("c"), QStringLiteral("a"),
                                          QStringLiteral("b"), QStringLiteral("d")}));
        QCOMPARE(model.index(2, AlertsModel::State).data().toString(),
                 QStringLiteral("Acknowledged"));
        QVERIFY(model.index(2, AlertsModel::State)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("no longer announced")));
        QVERIFY(model.index(2, 0).data(AlertsModel::AcknowledgedRole).toBool());
        QCOMPARE(model.index(2, AlertsModel::State, {}).data(AlertsModel::SortRole).toInt(), 1);
        model.setAlerts({d, c});
        QCOMPARE(ids(model), (QStringList{QStringLiteral("c"), QStringLiteral("d")}));
        model.setAlerts({});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(reset.size(), 0);
        QVERIFY(inserted.size() >= 3);
        QVERIFY(removed.size() >= 2);
    }

    void theProxyKeepsNewestFirstWithinEachState()
    {
        AlertsPage page;
        page.setStateFilter(AlertsPage::StateFilter::All);
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
        // State: All, as chosen in the box: every alert asked for, once.
        page.stateComboBox()->setCurrentIndex(
            page.stateComboBox()->findData(int(AlertsPage::StateFilter::All)));
        QCOMPARE(asked.size(), 3);
        QCOMPARE(asked.at(2).at(0).toBool(), true);
        page.setAlerts({});
        // Resolved only: the same ask's answer serves; no new ask.
        page.setStateFilter(AlertsPage::StateFilter::Resolved);
        QCOMPARE(asked.size(), 3);
    }

    void emptyStateAndResolvedAlerts()
    {
        AlertsPage page;
        QVERIFY(page.isEmptyStateShown());
        QCOMPARE(page.stateFilter(), AlertsPage::StateFilter::Active);
        QCOMPARE(page.stateComboBox()->currentText(), QStringLiteral("Active"));
        QCOMPARE(page.emptyState()->heading(), QStringLiteral("No active alert"));
        // An answer to an ask for every alert, arriving once back on Active:
        // the resolved one is not shown.
        page.setAlerts({alert("r", AlertKind::DeliveryDelay, "CRM", T0, T0 + Hour)});
        QVERIFY(page.isEmptyStateShown());
        QCOMPARE(page.model()->rowCount(), 0);

        page.setStateFilter(AlertsPage::StateFilter::All);
        QCOMPARE(page.stateComboBox()->currentText(), QStringLiteral("All"));
        QCOMPARE(page.emptyState()->heading(), QStringLiteral("No alert"));
        page.setAlerts({alert("r", AlertKind::DeliveryDelay, "CRM", T0, T0 + Hour),
                        alert("a", AlertKind::DeliveryDelay, "CRM", T0)});
        QVERIFY(!page.isEmptyStateShown());
        QCOMPARE(page.model()->rowCount(), 2);
        // Resolved only: the active one hidden, not dropped.
        page.setStateFilter(AlertsPage::StateFilter::Resolved);
        QCOMPARE(ids(*page.proxyModel()), QStringList{QStringLiteral("r")});
        QCOMPARE(page.model()->rowCount(), 2);
        // Back to Active, the resolved rows go at once, before any answer.
        page.setStateFilter(AlertsPage::StateFilter::Active);
        QCOMPARE(ids(*page.model()), QStringList{QStringLiteral("a")});
        // Filtered out: said so.
        page.kindComboBox()->setCurrentIndex(
            page.kindComboBox()->findData(int(AlertKind::AuthFailure)));
        QVERIFY(page.isEmptyStateShown());
        QCOMPARE(page.emptyState()->heading(), QStringLiteral("No alert matches these filters"));
    }

    // Tab goes through the filters, the actions, then the table.
    void tabOrderFollowsTheScreen()
    {
        AlertsPage page;
        QWidget *expected[] = {page.stateComboBox(),       page.kindComboBox(),
                               page.destinationComboBox(), page.acknowledgeButton(),
                               page.settingsButton(),      page.view()};
        for (int i = 0; i + 1 < int(std::size(expected)); ++i)
            QCOMPARE(expected[i]->nextInFocusChain(), expected[i + 1]);
    }

    // Kind: every kind by its title; Destination: every destination that
    // exists or that an alert names; both narrow the proxy only.
    void filtersByKindAndDestination()
    {
        AlertsPage page;
        QCOMPARE(page.kindComboBox()->count(), 1 + int(allAlertKinds().size()));
        QCOMPARE(page.kindComboBox()->itemText(0), QStringLiteral("All kinds"));
        QVERIFY(page.kindComboBox()->findText(QStringLiteral("Delivery failure rate")) > 0);
        DestinationSummary crm;
        crm.id = QStringLiteral("dest-CRM");
        crm.name = QStringLiteral("CRM");
        DestinationSummary quiet;
        quiet.id = QStringLiteral("dest-Quiet");
        quiet.name = QStringLiteral("Quiet");
        page.setDestinations({quiet, crm});
        page.setStateFilter(AlertsPage::StateFilter::All);
        page.setAlerts(
            {alert("a", AlertKind::DeliveryDelay, "CRM", T0),
             alert("b", AlertKind::DeliveryFailureRate, "Hook", T0 + Hour),
             alert("c", AlertKind::DeliveryDelay, "Hook", T0 + 2 * Hour, T0 + 3 * Hour)});
        QComboBox *destination = page.destinationComboBox();
        QStringList names;
        for (int i = 0; i < destination->count(); ++i)
            names << destination->itemText(i);
        // Hook is gone but its alerts stay; Quiet has none yet.
        QCOMPARE(names, (QStringList{QStringLiteral("All destinations"), QStringLiteral("CRM"),
                                     QStringLiteral("Hook"), QStringLiteral("Quiet")}));

        QSignalSpy reset(page.model(), &QAbstractItemModel::modelReset);
        page.kindComboBox()->setCurrentIndex(
            page.kindComboBox()->findData(int(AlertKind::DeliveryDelay)));
        QCOMPARE(ids(*page.proxyModel()), (QStringList{QStringLiteral("a"), QStringLiteral("c")}));
        destination->setCurrentIndex(destination->findText(QStringLiteral("Hook")));
        QCOMPARE(ids(*page.proxyModel()), QStringList{QStringLiteral("c")});
        page.setStateFilter(AlertsPage::StateFilter::Active);
        QVERIFY(page.isEmptyStateShown());
        page.kindComboBox()->setCurrentIndex(0);
        QCOMPARE(ids(*page.proxyModel()), QStringList{QStringLiteral("b")});
        // A refresh keeps the choice and the rows (no reset).
        page.setAlerts({alert("a", AlertKind::DeliveryDelay, "CRM", T0),
                        alert("b", AlertKind::DeliveryFailureRate, "Hook", T0 + Hour)});
        QCOMPARE(destination->currentText(), QStringLiteral("Hook"));
        QCOMPARE(ids(*page.proxyModel()), QStringList{QStringLiteral("b")});
        QCOMPARE(reset.size(), 0);
    }

    // Acknowledge: enabled for a selection holding an active alert not yet
    // acknowledged; asks for those only.
    void acknowledgeTheSelectedAlerts()
    {
        AlertsPage page;
        page.setStateFilter(AlertsPage::StateFilter::All);
        page.setAlerts(
            {alert("a", AlertKind::DeliveryDelay, "CRM", T0),
             alert("b", AlertKind::DeliveryFailureRate, "Hook", T0 + Hour),
             acknowledged(alert("c", AlertKind::SloAtRisk, "Hook", T0 + 2 * Hour), T0 + 3 * Hour),
             alert("r", AlertKind::AuthFailure, "CRM", T0 - Hour, T0)});
        QCOMPARE(ids(*page.proxyModel()), (QStringList{QStringLiteral("b"), QStringLiteral("a"),
                                                       QStringLiteral("c"), QStringLiteral("r")}));
        QPushButton *button = page.acknowledgeButton();
        QVERIFY(!button->isEnabled());
        QSignalSpy requested(&page, &AlertsPage::acknowledgeRequested);
        page.view()->selectRow(2); // acknowledged already
        QVERIFY(!button->isEnabled());
        page.view()->selectAll();
        QVERIFY(button->isEnabled());
        button->click();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.at(0).at(0).toStringList(),
                 (QStringList{QStringLiteral("b"), QStringLiteral("a")}));
        // The answer: acknowledged now; the selection stays, the button goes off.
        page.setAlerts(
            {acknowledged(alert("a", AlertKind::DeliveryDelay, "CRM", T0), T0 + 4 * Hour),
             acknowledged(alert("b", AlertKind::DeliveryFailureRate, "Hook", T0 + Hour),
                          T0 + 4 * Hour),
             acknowledged(alert("c", AlertKind::SloAtRisk, "Hook", T0 + 2 * Hour), T0 + 3 * Hour),
             alert("r", AlertKind::AuthFailure, "CRM", T0 - Hour, T0)});
        QCOMPARE(page.selectedAlerts().size(), 4);
        QVERIFY(!button->isEnabled());
        // A refusal is said under the table.
        page.showError(QStringLiteral("No alert has the id x."));
        QVERIFY(page.errorLabel()->isVisibleTo(&page));
        QCOMPARE(page.errorLabel()->text(), QStringLiteral("No alert has the id x."));
    }

    // Alert Settings…: the selected alert's destination when it exists, else
    // a menu of every destination.
    void alertSettingsOpensADestination()
    {
        AlertsPage page;
        QVERIFY(!page.settingsButton()->isEnabled()); // no destination yet
        DestinationSummary crm;
        crm.id = QStringLiteral("dest-CRM");
        crm.name = QStringLiteral("CRM");
        DestinationSummary ads;
        ads.id = QStringLiteral("dest-Ads");
        ads.name = QStringLiteral("Ads & more");
        page.setDestinations({crm, ads});
        QVERIFY(page.settingsButton()->isEnabled());
        page.setAlerts({alert("a", AlertKind::DeliveryDelay, "CRM", T0),
                        alert("b", AlertKind::DeliveryFailureRate, "Gone", T0 + Hour)});
        QSignalSpy requested(&page, &AlertsPage::alertSettingsRequested);
        page.view()->selectRow(1); // a, of CRM
        page.settingsButton()->click();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.at(0).at(0).toString(), QStringLiteral("dest-CRM"));

        // b's destination is gone: the menu of destinations, by name.
        page.view()->selectRow(0);
        page.settingsButton()->click();
        QCOMPARE(requested.size(), 1);
        QTRY_VERIFY(page.destinationsMenu()->isVisible());
        page.destinationsMenu()->close();
        const QList<QAction *> choices = page.destinationsMenu()->actions();
        QCOMPARE(choices.size(), 2);
        QCOMPARE(choices.at(0)->text(), QStringLiteral("Ads && more"));
        QCOMPARE(choices.at(1)->text(), QStringLiteral("CRM"));
        choices.at(0)->trigger();
        QCOMPARE(requested.size(), 2);
        QCOMPARE(requested.at(1).at(0).toString(), QStringLiteral("dest-Ads"));
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

        // State: All: the resolved one too, after the active ones.
        page->stateComboBox()->setCurrentIndex(
            page->stateComboBox()->findData(int(AlertsPage::StateFilter::All)));
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

        // Active only again.
        page->stateComboBox()->setCurrentIndex(
            page->stateComboBox()->findData(int(AlertsPage::StateFilter::Active)));
        QCOMPARE(view->rowCount(), 3);
        listed.clear();
        QVERIFY(listed.wait(20000)); // the answer to the unticked ask
        QCOMPARE(ids(*view), (QStringList{QStringLiteral("latest"), QStringLiteral("newer"),
                                          QStringLiteral("older")}));
    }

    // Through a real Engine: Acknowledge stores the acknowledgement and the
    // row says so; Alert Settings… opens the Edit dialog on its Alerts tab.
    void acknowledgeAndAlertSettingsInTheWindow()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString storePath = dir.filePath(QStringLiteral("store.sqlite"));
        {
            SqliteStore store(storePath);
            QVERIFY2(store.open(), qPrintable(store.lastError()));
            Destination crm;
            crm.id = QStringLiteral("dest-CRM");
            crm.name = QStringLiteral("CRM");
            crm.endpoint = QUrl(QStringLiteral("http://127.0.0.1:9/in"));
            crm.alerts = {QStringLiteral("delivery-delay")};
            QVERIFY2(store.insertDestination(crm), qPrintable(store.lastError()));
            for (const Alert &a :
                 {alert("older", AlertKind::DeliveryDelay, "CRM", T0),
                  alert("newer", AlertKind::DeliveryFailureRate, "CRM", T0 + Hour)})
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
        engine.start();
        QAbstractItemModel *view = page->view()->model();
        QTRY_COMPARE(ids(*view), (QStringList{QStringLiteral("newer"), QStringLiteral("older")}));
        QTRY_VERIFY(page->settingsButton()->isEnabled()); // the destinations were listed

        page->view()->selectRow(0);
        page->acknowledgeButton()->click();
        // Acknowledged: after the alert still calling for attention.
        QTRY_COMPARE(ids(*view), (QStringList{QStringLiteral("older"), QStringLiteral("newer")}));
        QCOMPARE(view->index(1, AlertsModel::State).data().toString(),
                 QStringLiteral("Acknowledged"));
        {
            SqliteStore store(storePath);
            QVERIFY(store.open());
            for (const Alert &a : store.alerts(true))
                QCOMPARE(a.isAcknowledged(), a.id == QLatin1String("newer"));
        }
        QVERIFY(!page->errorLabel()->isVisible());

        page->view()->selectRow(0);
        page->settingsButton()->click();
        auto *dialog = window.findChild<DestinationSettingsDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->currentTab(), DestinationSettingsDialog::AlertsTab);
        QTRY_VERIFY(dialog->isLoaded());
        QCOMPARE(dialog->currentTab(), DestinationSettingsDialog::AlertsTab);
        dialog->reject();
    }
};

QTEST_MAIN(TestAlertsPage)
#include "tst_alertspage.moc"
