#pragma once

#include <array>
#include <QByteArray>
#include <QtGlobal>

namespace outflow {

// Delivery latencies (fragment committed → 2xx) in log-spaced buckets: eight
// per doubling of microseconds, from 1 µs to about 1.2 hours, so a
// percentile read from it is exact to the bucket (≤ 9 % relative error) at
// any scale. Histograms of minutes add up to hours and days (merge()), which
// is why the monitoring store keeps these rather than samples.
class LatencyHistogram
{
public:
    static constexpr int BucketsPerDoubling = 8;
    static constexpr int BucketCount = 1 + 32 * BucketsPerDoubling; // 0 µs, then 2^0 … 2^32 µs

    void record(qint64 micros);
    void merge(const LatencyHistogram &other);
    // What was recorded since `earlier`, a copy of this histogram taken
    // before (cumulative snapshots → the values of one interval).
    LatencyHistogram since(const LatencyHistogram &earlier) const;
    void clear()
    {
        m_counts.fill(0);
        m_total = 0;
    }

    quint64 count() const { return m_total; }
    bool isEmpty() const { return m_total == 0; }

    // The bucket holding the q-quantile (0 < q ≤ 1) of the recorded values:
    // the smallest bucket whose cumulative count reaches ceil(q × count).
    // -1 when empty.
    int percentileBucket(double q) const;
    // That bucket's upper bound in µs (the value a dashboard shows: "p95 ≤ x").
    qint64 percentileMicros(double q) const;

    // Bucket arithmetic, public for tests and for readers of the stored form.
    static int bucketOf(qint64 micros);
    static qint64 lowerBound(int bucket); // inclusive, µs
    static qint64 upperBound(int bucket); // exclusive, µs

    // Compact text for the store: "bucket:count" pairs of non-empty buckets,
    // separated by commas. fromText() ignores malformed pairs.
    QByteArray toText() const;
    static LatencyHistogram fromText(const QByteArray &text);

    friend bool operator==(const LatencyHistogram &, const LatencyHistogram &) = default;

private:
    std::array<quint64, BucketCount> m_counts{};
    quint64 m_total = 0;
};

} // namespace outflow
