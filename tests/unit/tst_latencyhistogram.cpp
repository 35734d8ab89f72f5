// Percentiles read from the log-bucketed histogram must land in the bucket
// of the exact percentile of the same samples (issue #7 acceptance).
#include "monitoring/latencyhistogram.h"

#include <algorithm>
#include <cmath>
#include <QRandomGenerator>
#include <QTest>
#include <vector>

using namespace outflow;

class TestLatencyHistogram : public QObject
{
    Q_OBJECT

private:
    static qint64 exactPercentile(std::vector<qint64> samples, double q)
    {
        std::sort(samples.begin(), samples.end());
        const size_t rank = std::max<size_t>(1, size_t(std::ceil(q * double(samples.size()))));
        return samples[rank - 1];
    }

private slots:
    void bucketsTileTheRangeWithoutGaps()
    {
        QCOMPARE(LatencyHistogram::bucketOf(0), 0);
        QCOMPARE(LatencyHistogram::bucketOf(-5), 0);
        for (int b = 1; b < LatencyHistogram::BucketCount - 1; ++b) {
            QCOMPARE(LatencyHistogram::upperBound(b), LatencyHistogram::lowerBound(b + 1));
            QVERIFY(LatencyHistogram::lowerBound(b) < LatencyHistogram::upperBound(b));
            QCOMPARE(LatencyHistogram::bucketOf(LatencyHistogram::lowerBound(b)), b);
            QCOMPARE(LatencyHistogram::bucketOf(LatencyHistogram::upperBound(b) - 1), b);
        }
        // An hour fits; anything longer lands in the last bucket.
        QVERIFY(LatencyHistogram::bucketOf(3'600'000'000LL) < LatencyHistogram::BucketCount - 1);
        QCOMPARE(LatencyHistogram::bucketOf(1LL << 40), LatencyHistogram::BucketCount - 1);
    }

    void bucketsAreNarrowEnough()
    {
        // Above the whole-microsecond region, a bucket spans at most 2^(1/8)
        // (give or take the rounding of its bounds to whole microseconds).
        for (int b = 60; b < LatencyHistogram::BucketCount - 1; ++b) {
            const double ratio =
                double(LatencyHistogram::upperBound(b)) / double(LatencyHistogram::lowerBound(b));
            QVERIFY2(ratio <= std::exp2(1.0 / 8) + 2.0 / double(LatencyHistogram::lowerBound(b)),
                     qPrintable(QString::number(ratio)));
        }
    }

    void percentilesMatchExactOnesToTheBucket_data()
    {
        QTest::addColumn<QString>("shape");
        QTest::addColumn<int>("samples");
        QTest::newRow("uniform 1 ms-2 s") << QStringLiteral("uniform") << 10'000;
        QTest::newRow("log-normal around 20 ms") << QStringLiteral("lognormal") << 50'000;
        QTest::newRow("bimodal fast and timed-out") << QStringLiteral("bimodal") << 20'000;
        QTest::newRow("few samples") << QStringLiteral("uniform") << 7;
    }

    void percentilesMatchExactOnesToTheBucket()
    {
        QFETCH(QString, shape);
        QFETCH(int, samples);
        QRandomGenerator random(42);
        std::vector<qint64> values;
        LatencyHistogram histogram;
        for (int i = 0; i < samples; ++i) {
            qint64 v = 0;
            if (shape == QLatin1String("uniform")) {
                v = 1000 + qint64(random.bounded(2'000'000));
            } else if (shape == QLatin1String("lognormal")) {
                const double u1 = std::max(1e-12, random.generateDouble());
                const double u2 = random.generateDouble();
                const double normal = std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * u2);
                v = qint64(20'000 * std::exp(normal));
            } else {
                v = random.bounded(10) < 9 ? 500 + qint64(random.bounded(3000))
                                           : 2'000'000 + qint64(random.bounded(500));
            }
            values.push_back(v);
            histogram.record(v);
        }
        QCOMPARE(histogram.count(), quint64(samples));
        for (const double q : {0.5, 0.95, 0.99, 1.0}) {
            const qint64 exact = exactPercentile(values, q);
            const int bucket = histogram.percentileBucket(q);
            QVERIFY2(LatencyHistogram::lowerBound(bucket) <= exact &&
                         exact < LatencyHistogram::upperBound(bucket),
                     qPrintable(QStringLiteral("q=%1 exact=%2 bucket [%3, %4)")
                                    .arg(q)
                                    .arg(exact)
                                    .arg(LatencyHistogram::lowerBound(bucket))
                                    .arg(LatencyHistogram::upperBound(bucket))));
        }
    }

    void mergedMinutesEqualOneHistogramOfTheHour()
    {
        QRandomGenerator random(7);
        LatencyHistogram hour, merged;
        for (int minute = 0; minute < 60; ++minute) {
            LatencyHistogram one;
            for (int i = 0; i < 100; ++i) {
                const qint64 v = qint64(random.bounded(5'000'000));
                one.record(v);
                hour.record(v);
            }
            merged.merge(LatencyHistogram::fromText(one.toText()));
        }
        QCOMPARE(merged.count(), quint64(6000));
        QVERIFY(merged == hour);
        QCOMPARE(merged.percentileMicros(0.95), hour.percentileMicros(0.95));
    }

    void emptyAndMalformed()
    {
        LatencyHistogram empty;
        QCOMPARE(empty.percentileBucket(0.5), -1);
        QCOMPARE(empty.percentileMicros(0.99), qint64(-1));
        QCOMPARE(empty.toText(), QByteArray());
        const LatencyHistogram parsed = LatencyHistogram::fromText("3:2,x:1,9999:4,:5,7:");
        QCOMPARE(parsed.count(), quint64(2));
        QCOMPARE(parsed.percentileBucket(1.0), 3);
    }
};

QTEST_GUILESS_MAIN(TestLatencyHistogram)
#include "tst_latencyhistogram.moc"
