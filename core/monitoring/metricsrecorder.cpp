#include "metricsrecorder.h"

#include <algorithm>
#include <QDateTime>
#include <QMutexLocker>

namespace outflow {

MetricsRecorder::MetricsRecorder(Clock clock)
    : m_clock(std::move(clock))
{}

qint64 MetricsRecorder::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

void MetricsRecorder::setSloTargetMs(qint64 ms)
{
    const QMutexLocker lock(&m_mutex);
    m_sloTargetMs = ms;
}

MetricsBucket &MetricsRecorder::bucket(const QString &dataflowId)
{
    const qint64 minute = MetricsBucket::periodOf(now(), MetricsBucket::Resolution::Minute);
    MetricsBucket &b = m_buckets[dataflowId + QLatin1Char('/') + QString::number(minute)];
    if (b.dataflowId.isEmpty()) {
        b.dataflowId = dataflowId;
        b.periodStart = minute;
    }
    return b;
}

void MetricsRecorder::recordReceived(const QString &dataflowId, qint64 count)
{
    const QMutexLocker lock(&m_mutex);
    bucket(dataflowId).received += count;
}

void MetricsRecorder::recordCreated(const QString &dataflowId, qint64 count)
{
    const QMutexLocker lock(&m_mutex);
    bucket(dataflowId).created += count;
}

void MetricsRecorder::recordExcluded(const QString &dataflowId, const QString &reason)
{
    const QMutexLocker lock(&m_mutex);
    MetricsBucket &b = bucket(dataflowId);
    ++b.excluded;
    ++b.excludedBy[reason];
}

void MetricsRecorder::recordSuppressed(const QString &dataflowId, qint64 count)
{
    const QMutexLocker lock(&m_mutex);
    bucket(dataflowId).suppressed += count;
}

void MetricsRecorder::recordBacklog(const QString &dataflowId, qint64 backlog,
                                    qint64 oldestPendingMs)
{
    if (backlog <= 0 && oldestPendingMs <= 0)
        return; // an idle dataflow writes no row a minute
    const QMutexLocker lock(&m_mutex);
    MetricsBucket &b = bucket(dataflowId);
    b.backlogMax = qMax(b.backlogMax, backlog);
    b.oldestPendingMaxMs = qMax(b.oldestPendingMaxMs, oldestPendingMs);
}

void MetricsRecorder::recordAttempt(const QString &dataflowId, bool timedOut)
{
    const QMutexLocker lock(&m_mutex);
    MetricsBucket &b = bucket(dataflowId);
    ++b.attempts;
    if (timedOut)
        ++b.timeouts;
}

void MetricsRecorder::recordDelivered(const QString &dataflowId, qint64 latencyMs)
{
    const QMutexLocker lock(&m_mutex);
    MetricsBucket &b = bucket(dataflowId);
    ++b.delivered;
    if (latencyMs <= m_sloTargetMs)
        ++b.onTime;
    b.latency.record(qMax<qint64>(0, latencyMs) * 1000);
}

void MetricsRecorder::recordRetried(const QString &dataflowId)
{
    const QMutexLocker lock(&m_mutex);
    ++bucket(dataflowId).retried;
}

void MetricsRecorder::recordFailed(const QString &dataflowId)
{
    const QMutexLocker lock(&m_mutex);
    ++bucket(dataflowId).failed;
}

void MetricsRecorder::add(const MetricsBucket &figures)
{
    if (figures.isEmpty())
        return;
    const QMutexLocker lock(&m_mutex);
    bucket(figures.dataflowId).add(figures);
}

QList<MetricsBucket> MetricsRecorder::takeFinished(bool everything)
{
    const qint64 minute = MetricsBucket::periodOf(now(), MetricsBucket::Resolution::Minute);
    const QMutexLocker lock(&m_mutex);
    QList<MetricsBucket> finished;
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        if (everything || it->periodStart < minute) {
            finished.append(*it);
            it = m_buckets.erase(it);
        } else {
            ++it;
        }
    }
    return finished;
}

MetricsBucket MetricsRecorder::current(const QString &dataflowId) const
{
    const qint64 minute = MetricsBucket::periodOf(now(), MetricsBucket::Resolution::Minute);
    const QMutexLocker lock(&m_mutex);
    MetricsBucket copy =
        m_buckets.value(dataflowId + QLatin1Char('/') + QString::number(minute), MetricsBucket{});
    copy.dataflowId = dataflowId;
    copy.periodStart = minute;
    return copy;
}

QList<MetricsBucket> MetricsRecorder::unstored(const QString &dataflowId) const
{
    QList<MetricsBucket> minutes;
    {
        const QMutexLocker lock(&m_mutex);
        for (const MetricsBucket &b : m_buckets) {
            if (b.dataflowId == dataflowId)
                minutes.append(b);
        }
    }
    std::sort(minutes.begin(), minutes.end(), [](const MetricsBucket &a, const MetricsBucket &b) {
        return a.periodStart < b.periodStart;
    });
    return minutes;
}

} // namespace outflow
