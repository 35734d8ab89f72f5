// The Monitoring page (issue #18) on the real window: a real store, the
// Engine on its worker thread, two loopback receivers (one answering 200,
// one failing every request) and `outflowctl ingest` streaming profiles in
// while the app runs. The page's delivered figure reaches N, the failed one
// rises, the charts hold points, the table updates in place, a paused
// destination stands in the banner with its fix, and nothing is sampled
// while the page is hidden.
#include "app/settings.h"
#include "app/translations.h"
#include "enginehost.h"
#include "mainwindow.h"
#include "monitoring/blockedbanner.h"
#include "monitoring/figurespanel.h"
#include "monitoring/monitoringmodels.h"
#include "monitoring/timeserieschart.h"
#include "pages/monitoringpage.h"
#include "support/activationworld.h"
#include "support/httptestreceiver.h"
#include "support/processrunner.h"
#include "testconfig.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace outflow;
using namespace outflow::ui;
using outflow::test::ActivationWorld;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// `count` profiles realized in "Everyone", with an e-mail address.
QByteArray profiles(int first, int count)
{
    QByteArray ndjson;
    for (int i = first; i < first + count; ++i) {
        const QByteArray email = "person" + QByteArray::number(i) + "@example.com";
        ndjson += R"({"identityMap":{"email":[{"id":")" + email +
                  R"(","primary":true}]},"personalEmail":{"address":")" + email +
                  R"("},"loyalty":{"points":500}})" + '\n';
    }
    return ndjson;
}

qint64 figure(FiguresPanel *panel, FiguresPanel::Figure which)
{
    QString text = panel->value(which)->text();
    text.remove(QRegularExpression(QStringLiteral("[^0-9].*$")));
    return text.toLongLong();
}

} // namespace

class TestMonitoringPage final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(i18n::install(*qApp, QStringLiteral("en"))); }

    void showsTheLiveDataflow()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString store = dir.filePath(s("store.sqlite"));
        test::HttpTestReceiver steady;
        test::HttpTestReceiver broken;
        QVERIFY(steady.listen());
        QVERIFY(broken.listen());
        broken.setHandler([](const auto &, int) { return test::Reply::withStatus(500); });
        {
            ActivationWorld world(store);
            world.now = QDateTime::currentMSecsSinceEpoch();
            QVERIFY2(world.open(), qPrintable(world.lastError));
            QVERIFY(world.createAudience(s("Everyone"), s("loyalty.points >= 1")));
            for (const auto &[name, receiver] :
                 {std::pair{s("Steady"), &steady}, std::pair{s("Broken"), &broken}}) {
                world.endpoint = receiver->url();
                const QString id = world.addDestination(name);
                QVERIFY(!id.isEmpty());
                std::optional<Destination> destination = world.store.destination(id);
                destination->maxRetries = 0; // the first failure is final: a dead letter
                QVERIFY(world.store.updateDestination(*destination));
                ActivationRequest request;
                request.destination = name;
                request.audiences = {s("Everyone")};
                request.attributes = {s("personalEmail.address")};
                QVERIFY2(!world.activate(request).isEmpty(), qPrintable(world.lastError));
            }
        }

        Settings settings(dir.filePath(s("settings.ini")));
        EngineHost engine(store);
        MainWindow window(settings);
        window.setEngine(&engine);
        window.showPage(MainWindow::Page::Monitoring);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *page = window.findChild<MonitoringPage *>(s("monitoringPage"));
        QVERIFY(page);
        QAbstractItemModelTester tableTester(
            page->dataflowModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester runsTester(page->hourlyRunsModel(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(page->dataflowModel(), &QAbstractItemModel::modelReset);
        QSignalSpy runResets(page->hourlyRunsModel(), &QAbstractItemModel::modelReset);
        engine.start();
        // Both dataflows listed, nothing delivered yet.
        QTRY_COMPARE_WITH_TIMEOUT(page->dataflowModel()->rowCount(), 2, 20000);
        QVERIFY(!page->isEmptyStateShown());

        // N profiles streamed in by outflowctl while the app runs: each
        // becomes one export per dataflow.
        constexpr int N = 30;
        const QString file = dir.filePath(s("profiles.ndjson"));
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(profiles(0, N));
        }
        const test::ProcessResult ingested =
            test::runProcess(s(OUTFLOW_CLI_BINARY), {s("--store"), store, s("ingest"), file});
        QVERIFY2(ingested.exitCode == 0, qPrintable(ingested.err));

        FiguresPanel *figures = page->figuresPanel();
        // Steady alone: its delivered figure reaches N.
        page->scopeComboBox()->setCurrentIndex(page->scopeComboBox()->findText(s("Steady")));
        const auto state = [&]() -> QString {
            return QStringLiteral("received by Steady: %1; delivered shown: %2; dataflows: %3")
                .arg(steady.exportIds().size())
                .arg(figures->value(FiguresPanel::Figure::Delivered)->text())
                .arg(page->report().dataflows.size());
        };
        QTRY_VERIFY2_WITH_TIMEOUT(figure(figures, FiguresPanel::Figure::Delivered) == N,
                                  qPrintable(state()), 30000);
        QCOMPARE(steady.exportIds().size(), N);
        // Decided by outflowctl, not the app's engine: counted all the same.
        QTRY_COMPARE_WITH_TIMEOUT(figure(figures, FiguresPanel::Figure::Received), N, 10000);
        QCOMPARE(figure(figures, FiguresPanel::Figure::Created), N);
        // Broken alone: every export failed, none delivered.
        page->scopeComboBox()->setCurrentIndex(page->scopeComboBox()->findText(s("Broken")));
        QTRY_COMPARE_WITH_TIMEOUT(figure(figures, FiguresPanel::Figure::Failed), N, 30000);
        QCOMPARE(figure(figures, FiguresPanel::Figure::Delivered), 0);
        // Together.
        page->scopeComboBox()->setCurrentIndex(0);
        QTRY_COMPARE_WITH_TIMEOUT(figure(figures, FiguresPanel::Figure::Delivered), N, 10000);
        QCOMPARE(figure(figures, FiguresPanel::Figure::Failed), N);
        // The charts hold points (live samples, and the stored minutes).
        TimeSeriesChart *exports = page->chart(MonitoringPage::ExportsChart);
        QTRY_VERIFY_WITH_TIMEOUT(exports->series(0)->count() > 0, 10000);
        QVERIFY(exports->series(1)->count() > 0);
        // A screen reader hears the chart's latest values, not a picture.
        QCOMPARE(exports->accessibleName(), QStringLiteral("Exports per second"));
        QVERIFY2(exports->accessibleDescription().startsWith(QStringLiteral("Latest: Delivered ")),
                 qPrintable(exports->accessibleDescription()));
        QTRY_VERIFY(page->chart(MonitoringPage::BacklogChart)->series(0)->count() > 0);
        // The dead letters are counted in Broken's row.
        DataflowMetricsModel *model = page->dataflowModel();
        const QString brokenId = page->scopeComboBox()
                                     ->itemData(page->scopeComboBox()->findText(s("Broken")))
                                     .toString();
        const int brokenRow = model->rowOf(brokenId);
        QVERIFY(brokenRow >= 0);
        QTRY_COMPARE(model
                         ->data(model->index(brokenRow, DataflowMetricsModel::DeadLetters),
                                KeyedTableModel::SortRole)
                         .toLongLong(),
                     qint64(N));
        // The hourly runs: this hour's row counts both dataflows' exports.
        QTRY_COMPARE_WITH_TIMEOUT(page->hourlyRunsModel()->rowCount(), 1, 10000);
        // Its hour reads whole (the column follows rows that came late).
        const QString hour = page->hourlyRunsModel()->index(0, 0).data().toString();
        QVERIFY(page->hourlyRunsView()->columnWidth(0) >
                page->hourlyRunsView()->fontMetrics().horizontalAdvance(hour));
        // From the keyboard: Tab goes scope, window, then the two tables
        // (the charts are pictures: their figures are in the panel); Alt+N
        // and Alt+R reach the tables.
        QApplication::setActiveWindow(&window); // mnemonics reach the active window only
        QVERIFY(QTest::qWaitForWindowActive(&window));
        page->scopeComboBox()->setFocus();
        for (QWidget *next : std::initializer_list<QWidget *>{
                 page->windowComboBox(), page->dataflowView(), page->hourlyRunsView()}) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QTRY_COMPARE(QApplication::focusWidget(), next);
        }
        QTest::keyClick(&window, Qt::Key_N, Qt::AltModifier);
        QTRY_COMPARE(QApplication::focusWidget(), page->dataflowView());
        QTest::keyClick(&window, Qt::Key_R, Qt::AltModifier);
        QTRY_COMPARE(QApplication::focusWidget(), page->hourlyRunsView());

        // Paused from the command line: the banner names it with Enable.
        const test::ProcessResult disabled =
            test::runProcess(s(OUTFLOW_CLI_BINARY),
                             {s("--store"), store, s("destination"), s("disable"), s("Steady")});
        QVERIFY2(disabled.exitCode == 0, qPrintable(disabled.err));
        BlockedBanner *banner = page->banner();
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 20000);
        QCOMPARE(banner->shownIds().size(), 1);
        auto *label = banner->findChild<QLabel *>();
        QVERIFY2(label->text().contains(s("Steady")), qPrintable(label->text()));
        auto *enable = banner->findChild<QPushButton *>();
        QCOMPARE(enable->text(), s("Enable"));
        enable->click();
        QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 20000);

        // The longer windows come from the stored minutes.
        page->windowComboBox()->setCurrentIndex(1); // 24 hours
        QTRY_COMPARE_WITH_TIMEOUT(figure(figures, FiguresPanel::Figure::Delivered), N, 20000);
        QTRY_VERIFY(exports->series(0)->count() > 0);

        // Hidden: nothing sampled or asked.
        QVERIFY(page->isSampling());
        window.showPage(MainWindow::Page::Destinations);
        QVERIFY(!page->isSampling());
        QCOMPARE(resets.size(), 0);
        QCOMPARE(runResets.size(), 0);
    }

    // From the keyboard, in French: Tab and each label's Alt+letter reach
    // their control (the live test walks the tables too).
    void keyboardOnlyInFrench()
    {
        QVERIFY(i18n::install(*qApp, s("fr")));
        MonitoringPage page;
        page.resize(1000, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QApplication::setActiveWindow(&page); // mnemonics reach the active window only
        QVERIFY(QTest::qWaitForWindowActive(&page));
        // Nothing to monitor yet: Tab goes from the scope to the window.
        page.scopeComboBox()->setFocus();
        QTest::keyClick(page.scopeComboBox(), Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget(), page.windowComboBox());
        QCOMPARE(page.windowComboBox()->currentText(), s("15 dernières minutes"));
        QCOMPARE(page.scopeComboBox()->itemText(0), s("Tous les flux de données"));
        QCOMPARE(page.chart(MonitoringPage::ExportsChart)->accessibleName(),
                 s("Exportations par seconde"));
        const struct
        {
            Qt::Key key;
            QWidget *target;
        } mnemonics[] = {{Qt::Key_P, page.windowComboBox()}, {Qt::Key_S, page.scopeComboBox()}};
        for (const auto &[key, target] : mnemonics) {
            QTest::keyClick(&page, key, Qt::AltModifier);
            QTRY_COMPARE(QApplication::focusWidget(), target);
        }
        // The tables' labels (shown once there is a dataflow: the live test
        // presses them) name them with their own letters.
        QStringList tableLabels;
        for (const QLabel *label : page.findChildren<QLabel *>()) {
            if (label->buddy() == page.dataflowView() || label->buddy() == page.hourlyRunsView())
                tableLabels << label->text();
        }
        tableLabels.sort();
        QCOMPARE(tableLabels,
                 (QStringList{s("Exécutions du flux par &heure (dernières 24 heures) :"),
                              s("Flux de données &maintenant :")}));
        // The window changes from the keyboard: Down on the focused combo.
        page.windowComboBox()->setFocus();
        QTest::keyClick(page.windowComboBox(), Qt::Key_Down);
        QCOMPARE(page.windowComboBox()->currentText(), s("24 dernières heures"));
        QVERIFY(i18n::install(*qApp, s("en")));
    }
};

QTEST_MAIN(TestMonitoringPage)
#include "tst_monitoringpage.moc"
