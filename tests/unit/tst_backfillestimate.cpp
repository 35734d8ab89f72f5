// BackfillEstimate (issue #17): the rate since the backfill started and the
// time left at that rate, shared by `outflowctl status` and the app.
#include "activation/backfillestimate.h"

#include <QTest>

using namespace outflow;

class TestBackfillEstimate final : public QObject
{
    Q_OBJECT

private slots:
    void estimates_data()
    {
        QTest::addColumn<qint64>("done");
        QTest::addColumn<qint64>("total");
        QTest::addColumn<bool>("finished");
        QTest::addColumn<qint64>("elapsedMs");
        QTest::addColumn<double>("perSecond");
        QTest::addColumn<qint64>("etaMs"); // -1: none

        QTest::newRow("half way") << qint64(500) << qint64(1000) << false << qint64(10'000) << 50.0
                                  << qint64(10'000);
        QTest::newRow("nothing done yet")
            << qint64(0) << qint64(1000) << false << qint64(5'000) << 0.0 << qint64(-1);
        QTest::newRow("finished: no time left")
            << qint64(1000) << qint64(1000) << true << qint64(4'000) << 250.0 << qint64(-1);
        // Under a second counts as one: no absurd rate from a few milliseconds.
        QTest::newRow("just started")
            << qint64(10) << qint64(100) << false << qint64(3) << 10.0 << qint64(9'000);
        // The total is an upper bound: done may pass it (members joined).
        QTest::newRow("past the total")
            << qint64(120) << qint64(100) << false << qint64(2'000) << 60.0 << qint64(0);
    }

    void estimates()
    {
        QFETCH(qint64, done);
        QFETCH(qint64, total);
        QFETCH(bool, finished);
        QFETCH(qint64, elapsedMs);
        QFETCH(double, perSecond);
        QFETCH(qint64, etaMs);
        Backfill backfill;
        backfill.done = done;
        backfill.total = total;
        backfill.finished = finished;
        backfill.createdAt = 1'000'000;
        backfill.updatedAt = backfill.createdAt + elapsedMs;
        // A finished backfill's rate stops at its last update, not now.
        const qint64 now = backfill.createdAt + elapsedMs + (finished ? 60'000 : 0);
        const BackfillEstimate estimate = BackfillEstimate::of(backfill, now);
        QCOMPARE(estimate.perSecond, perSecond);
        QCOMPARE(estimate.etaMs.value_or(-1), etaMs);
    }
};

QTEST_GUILESS_MAIN(TestBackfillEstimate)
#include "tst_backfillestimate.moc"
