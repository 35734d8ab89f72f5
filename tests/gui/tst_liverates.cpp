// The Monitoring page's live inputs (issue #18): the ring stays bounded,
// rates come from deltas of cumulative counters (a restarted sender's
// counters start over), latency from the recent intervals; and the
// keyed tables update in place, never with a reset.
#include "models/keyedtablemodel.h"
#include "monitoring/liverates.h"
#include "monitoring/monitoringmodels.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace outflow;
using namespace outflow::ui;

namespace {

DeliveryMetrics snapshot(const QString &destination, qint64 delivered, qint64 failed = 0,
                         qint64 retried = 0, qint64 backlog = 0)
{
    DeliveryMetrics m;
    m.destinationId = destination;
    m.dataflowId = destination + QStringLiteral("-flow");
    m.delivered = delivered;
    m.failed = failed;
    m.retried = retried;
    m.backlog = backlog;
    return m;
}

KeyedTableModel::Row row(const QString &key, const QString &a, qint64 b)
{
    return {key, {{a, {}, {}}, {QString::number(b), b, {}}}};
}

} // namespace

class TestLiveRates : public QObject
{
    Q_OBJECT

private slots:
    void ringKeepsItsCapacityAndOrder()
    {
        MetricsRing ring(4);
        for (int i = 1; i <= 10; ++i) {
            LiveSample s;
            s.atMs = i * 1000;
            s.deliveredPerSecond = i;
            ring.push(s);
            QVERIFY(ring.size() <= 4);
        }
        QCOMPARE(ring.size(), 4);
        QCOMPARE(ring.at(0).deliveredPerSecond, 7.0);
        QCOMPARE(ring.newest()->deliveredPerSecond, 10.0);
        const QList<QPointF> points = ring.points(MetricsRing::Figure::Delivered, 10'000, 120'000);
        QCOMPARE(points.size(), 4);
        QCOMPARE(points.first(), QPointF(-3.0 / 60.0, 7.0));
        QCOMPARE(points.last(), QPointF(0.0, 10.0));
        // Samples older than the span are left out.
        QCOMPARE(ring.points(MetricsRing::Figure::Delivered, 10'000, 1'500).size(), 2);
    }

    void ratesComeFromDeltasAndSurviveARestart()
    {
        LiveRates rates;
        rates.update(snapshot(QStringLiteral("a"), 100, 1, 2, 7));
        rates.sample(1'000); // the first sample has no interval: rates 0
        QCOMPARE(rates.latest(QStringLiteral("a")).deliveredPerSecond, 0.0);
        QCOMPARE(rates.latest(QStringLiteral("a")).backlog, 7);
        rates.update(snapshot(QStringLiteral("a"), 150, 3, 2, 5));
        rates.sample(3'000); // 50 in 2 s
        QCOMPARE(rates.latest(QStringLiteral("a")).deliveredPerSecond, 25.0);
        QCOMPARE(rates.latest(QStringLiteral("a")).failedPerSecond, 1.0);
        QCOMPARE(rates.latest(QStringLiteral("a")).retriedPerSecond, 0.0);
        // The sender restarted: its counters start from zero again.
        rates.update(snapshot(QStringLiteral("a"), 10));
        rates.sample(4'000);
        QCOMPARE(rates.latest(QStringLiteral("a")).deliveredPerSecond, 10.0);
    }

    void totalAddsDestinationsUp()
    {
        LiveRates rates;
        rates.update(snapshot(QStringLiteral("a"), 0, 0, 0, 3));
        rates.update(snapshot(QStringLiteral("b"), 0, 0, 0, 4));
        rates.sample(1'000);
        rates.update(snapshot(QStringLiteral("a"), 30, 0, 0, 3));
        rates.update(snapshot(QStringLiteral("b"), 12, 0, 0, 4));
        rates.sample(2'000);
        QCOMPARE(rates.latest().deliveredPerSecond, 42.0);
        QCOMPARE(rates.latest().backlog, 7);
        QCOMPARE(rates.ring().size(), 2);
        rates.forget(QStringLiteral("b"));
        QCOMPARE(rates.destinationIds(), QStringList{QStringLiteral("a")});
        QCOMPARE(rates.ring(QStringLiteral("b")).size(), 0);
    }

    void latencyIsOverRecentIntervals()
    {
        LiveRates rates;
        DeliveryMetrics m = snapshot(QStringLiteral("a"), 0);
        rates.update(m);
        rates.sample(1'000);
        QCOMPARE(rates.latest(QStringLiteral("a")).p95Ms, -1); // nothing measured
        for (int i = 0; i < 100; ++i)
            m.latency.record(200'000); // 200 ms
        m.delivered = 100;
        rates.update(m);
        rates.sample(2'000);
        const qint64 p95 = rates.latest(QStringLiteral("a")).p95Ms;
        QVERIFY2(p95 >= 200 && p95 < 230, qPrintable(QString::number(p95)));
        // Nothing new for LatencySamples seconds: the old interval ages out.
        for (int i = 0; i < LiveRates::LatencySamples; ++i)
            rates.sample(3'000 + i * 1'000);
        QCOMPARE(rates.latest(QStringLiteral("a")).p95Ms, -1);
    }

    void keyedRowsUpdateWithoutReset()
    {
        KeyedTableModel model({QStringLiteral("Name"), QStringLiteral("Count")});
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removes(&model, &QAbstractItemModel::rowsRemoved);
        model.setRows({row(QStringLiteral("a"), QStringLiteral("A"), 1),
                       row(QStringLiteral("b"), QStringLiteral("B"), 2)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserts.count(), 2);
        // Only the changed cell is announced.
        model.setRows({row(QStringLiteral("a"), QStringLiteral("A"), 1),
                       row(QStringLiteral("b"), QStringLiteral("B"), 5)});
        QCOMPARE(changes.count(), 1);
        QCOMPARE(changes.at(0).at(0).toModelIndex(), model.index(1, 1));
        QCOMPARE(changes.at(0).at(1).toModelIndex(), model.index(1, 1));
        QCOMPARE(model.data(model.index(1, 1), KeyedTableModel::SortRole).toLongLong(), 5);
        // The same rows again: nothing announced.
        model.setRows({row(QStringLiteral("a"), QStringLiteral("A"), 1),
                       row(QStringLiteral("b"), QStringLiteral("B"), 5)});
        QCOMPARE(changes.count(), 1);
        // One gone, one new in front.
        model.setRows({row(QStringLiteral("c"), QStringLiteral("C"), 3),
                       row(QStringLiteral("b"), QStringLiteral("B"), 5)});
        QCOMPARE(removes.count(), 1);
        QCOMPARE(model.keyAt(0), QStringLiteral("c"));
        QCOMPARE(model.keyAt(1), QStringLiteral("b"));
        QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("C"));
        QCOMPARE(model.rowOf(QStringLiteral("a")), -1);
        model.setRows({});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(resets.count(), 0);
    }

    // Durations as the figures and tables say them: whole units alone.
    void durationsReadNaturally()
    {
        using monitoringtext::duration;
        QCOMPARE(duration(850), QStringLiteral("850 ms"));
        QCOMPARE(duration(12'400), QStringLiteral("12 s"));
        QCOMPARE(duration(184'000), QStringLiteral("3 min 4 s"));
        QCOMPARE(duration(600'000), QStringLiteral("10 min"));
        QCOMPARE(duration(7'200'000), QStringLiteral("2 h"));
        QCOMPARE(duration(7'500'000), QStringLiteral("2 h 5 min"));
    }
};

QTEST_GUILESS_MAIN(TestLiveRates)
#include "tst_liverates.moc"
