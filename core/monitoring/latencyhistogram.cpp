#include "latencyhistogram.h"

#include <algorithm>
#include <cmath>
#include <QList>

namespace outflow {

namespace {

// The bounds of every bucket, computed once: bucket b ≥ 1 holds
// [2^((b-1)/8), 2^(b/8)) µs rounded up to whole microseconds, bucket 0 holds 0.
struct Bounds
{
    std::array<qint64, LatencyHistogram::BucketCount + 1> lower{};

    Bounds()
    {
        lower[0] = 0;
        for (int b = 1; b <= LatencyHistogram::BucketCount; ++b) {
            const double edge = std::exp2(double(b - 1) / LatencyHistogram::BucketsPerDoubling);
            // Whole microseconds: several small buckets may share one value;
            // keep them strictly increasing so that each holds its own range.
            lower[b] = qMax(lower[b - 1] + 1, qint64(std::ceil(edge - 1e-9)));
        }
    }
};

const Bounds &bounds()
{
    static const Bounds table;
    return table;
}

} // namespace

int LatencyHistogram::bucketOf(qint64 micros)
{
    if (micros <= 0)
        return 0;
    const auto &lower = bounds().lower;
    // The last bucket whose lower bound is ≤ micros (binary search).
    const auto it = std::upper_bound(lower.cbegin() + 1, lower.cbegin() + BucketCount, micros);
    return int(it - lower.cbegin()) - 1;
}

qint64 LatencyHistogram::lowerBound(int bucket)
{
    return bounds().lower[qBound(0, bucket, BucketCount - 1)];
}

qint64 LatencyHistogram::upperBound(int bucket)
{
    return bounds().lower[qBound(0, bucket, BucketCount - 1) + 1];
}

void LatencyHistogram::record(qint64 micros)
{
    ++m_counts[bucketOf(micros)];
    ++m_total;
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    for (int b = 0; b < BucketCount; ++b)
        m_counts[b] += other.m_counts[b];
    m_total += other.m_total;
}

LatencyHistogram LatencyHistogram::since(const LatencyHistogram &earlier) const
{
    LatencyHistogram delta;
    for (int b = 0; b < BucketCount; ++b) {
        delta.m_counts[b] =
            m_counts[b] > earlier.m_counts[b] ? m_counts[b] - earlier.m_counts[b] : 0;
        delta.m_total += delta.m_counts[b];
    }
    return delta;
}

int LatencyHistogram::percentileBucket(double q) const
{
    if (m_total == 0)
        return -1;
    const quint64 rank =
        qMax<quint64>(1, quint64(std::ceil(qBound(0.0, q, 1.0) * double(m_total))));
    quint64 seen = 0;
    for (int b = 0; b < BucketCount; ++b) {
        seen += m_counts[b];
        if (seen >= rank)
            return b;
    }
    return BucketCount - 1;
}

qint64 LatencyHistogram::percentileMicros(double q) const
{
    const int bucket = percentileBucket(q);
    return bucket < 0 ? -1 : upperBound(bucket);
}

QByteArray LatencyHistogram::toText() const
{
    QByteArray text;
    for (int b = 0; b < BucketCount; ++b) {
        if (m_counts[b] == 0)
            continue;
        if (!text.isEmpty())
            text.append(',');
        text.append(QByteArray::number(b)).append(':').append(QByteArray::number(m_counts[b]));
    }
    return text;
}

LatencyHistogram LatencyHistogram::fromText(const QByteArray &text)
{
    LatencyHistogram histogram;
    for (const QByteArray &pair : text.split(',')) {
        const qsizetype colon = pair.indexOf(':');
        bool bucketOk = false, countOk = false;
        const int bucket = pair.left(colon).toInt(&bucketOk);
        const quint64 count = pair.mid(colon + 1).toULongLong(&countOk);
        if (colon <= 0 || !bucketOk || !countOk || bucket < 0 || bucket >= BucketCount)
            continue;
        histogram.m_counts[bucket] += count;
        histogram.m_total += count;
    }
    return histogram;
}

} // namespace outflow
