// Engine::readMonitoring (issue #18) after real deliveries: an Engine sends
// a dataflow's exports to a loopback receiver, and the Monitoring page's
// answer holds them: the window's delivered figure (from the recorder's
// unfinished minute, nothing stored yet), its series, the outbox and state,
// and the blocked destination's state from the senders' supervisor.
#include "support/deliveryfixture.h"
#include "support/httptestreceiver.h"

#include <QSignalSpy>
#include <QTest>

using namespace outflow;
using namespace outflow::test;

class TestEngineMonitoring final : public QObject
{
    Q_OBJECT

private slots:
    void readMonitoringAnswersWithTheDeliveries()
    {
        DeliveryFixture fixture;
        HttpTestReceiver receiver;
        QVERIFY(receiver.listen());
        // Slow enough answers that the sender's snapshots (every 50 ms here)
        // see exports waiting.
        receiver.setHandler([](const ReceivedRequest &, int) {
            Reply reply = Reply::withStatus(200);
            reply.delayMs = 100;
            return reply;
        });
        Destination destination;
        const QString flow = fixture.addDestination(receiver.url(), &destination);
        // A bearer destination whose token the keychain does not have.
        Destination blocked;
        fixture.addDestination(receiver.url(), &blocked,
                               [](Destination &d) { d.auth = AuthType::Bearer; });
        fixture.enqueueMany(flow, 20);
        const auto engine = std::make_unique<Engine>(fixture.storePath());
        engine->setSenderOptions(fastSenderOptions());
        connect(engine.get(), &Engine::secretsNeeded, this, [&engine](const Destination &d) {
            engine->destinationSecretsUnavailable(d.id, QStringLiteral("no token"));
        });
        engine->open();
        QVERIFY(engine->store());
        QTRY_COMPARE_WITH_TIMEOUT(receiver.requests().size(), 20, 15000);

        QSignalSpy read(engine.get(), &Engine::monitoringRead);
        const auto ask = [&](MonitoringWindow window, const QString &destinationId, bool series) {
            read.clear();
            engine->readMonitoring(42, window, destinationId, series);
            return read.size() == 1 ? read.at(0) : QList<QVariant>();
        };
        // The senders hand their figures to the recorder a few times a second.
        QTRY_COMPARE_WITH_TIMEOUT(ask(MonitoringWindow::FifteenMinutes, destination.id, true)
                                      .value(1)
                                      .value<MonitoringReport>()
                                      .dataflows.value(0)
                                      .figures.delivered,
                                  20, 10000);
        QList<QVariant> answer = ask(MonitoringWindow::FifteenMinutes, destination.id, true);
        QCOMPARE(answer.at(0).toULongLong(), 42u);
        QVERIFY(answer.at(2).toString().isEmpty());
        MonitoringReport report = answer.at(1).value<MonitoringReport>();
        QCOMPARE(report.window, MonitoringWindow::FifteenMinutes);
        QCOMPARE(report.dataflows.size(), 1);
        const DataflowReport row = report.dataflows.constFirst();
        QCOMPARE(row.dataflowId, flow);
        QCOMPARE(row.figures.attempts, 20);
        QCOMPARE(row.figures.failed, 0);
        QCOMPARE(row.figures.latency.count(), 20u);
        QCOMPARE(row.sloAttainment, 1.0);
        // The senders' snapshots saw exports waiting: the minute keeps the most.
        QVERIFY2(row.figures.backlogMax > 0, qPrintable(QString::number(row.figures.backlogMax)));
        QCOMPARE(row.series.size(), 15);
        qint64 delivered = 0;
        for (const MetricsBucket &minute : row.series)
            delivered += minute.delivered;
        QCOMPARE(delivered, 20);
        QTRY_COMPARE_WITH_TIMEOUT(ask(MonitoringWindow::FifteenMinutes, destination.id, false)
                                      .value(1)
                                      .value<MonitoringReport>()
                                      .dataflows.value(0)
                                      .state,
                                  DestinationState::Healthy, 10000);

        // Every dataflow over a week: the blocked one says why.
        answer = ask(MonitoringWindow::Week, QString(), false);
        report = answer.at(1).value<MonitoringReport>();
        QCOMPARE(report.dataflows.size(), 2);
        for (const DataflowReport &each : std::as_const(report.dataflows)) {
            if (each.destinationId == destination.id) {
                QCOMPARE(each.figures.delivered, 20);
            } else {
                QCOMPARE(each.destinationId, blocked.id);
                QCOMPARE(each.state, DestinationState::MissingSecret);
                QCOMPARE(each.figures.delivered, 0);
            }
        }
    }

    void readMonitoringBeforeOpenSaysSo()
    {
        Engine engine(QStringLiteral("/nonexistent/store.sqlite"));
        QSignalSpy read(&engine, &Engine::monitoringRead);
        engine.readMonitoring(7, MonitoringWindow::Day, QString(), true);
        QCOMPARE(read.size(), 1);
        QCOMPARE(read.at(0).at(0).toULongLong(), 7u);
        QVERIFY(!read.at(0).at(2).toString().isEmpty());
        QCOMPARE(read.at(0).at(1).value<MonitoringReport>().window, MonitoringWindow::Day);
    }
};

QTEST_GUILESS_MAIN(TestEngineMonitoring)
#include "tst_enginemonitoring.moc"
