#include "liverates.h"

#include <QtGlobal>

namespace outflow::ui {

MetricsRing::MetricsRing(int capacity)
    : m_samples(qMax(1, capacity))
{}

void MetricsRing::push(const LiveSample &sample)
{
    const int capacity = int(m_samples.size());
    if (m_size < capacity) {
        m_samples[(m_first + m_size) % capacity] = sample;
        ++m_size;
        return;
    }
    m_samples[m_first] = sample; // overwrite the oldest
    m_first = (m_first + 1) % capacity;
}

void MetricsRing::clear()
{
    m_first = 0;
    m_size = 0;
}

const LiveSample &MetricsRing::at(int i) const
{
    return m_samples.at((m_first + i) % int(m_samples.size()));
}

QList<QPointF> MetricsRing::points(Figure figure, qint64 nowMs, qint64 spanMs) const
{
    QList<QPointF> points;
    points.reserve(m_size);
    for (int i = 0; i < m_size; ++i) {
        const LiveSample &s = at(i);
        if (nowMs - s.atMs > spanMs)
            continue;
        double y = 0;
        switch (figure) {
        case Figure::Delivered:
            y = s.deliveredPerSecond;
            break;
        case Figure::Failed:
            y = s.failedPerSecond;
            break;
        case Figure::Retried:
            y = s.retriedPerSecond;
            break;
        case Figure::P50:
        case Figure::P95:
        case Figure::P99: {
            const qint64 ms = figure == Figure::P50   ? s.p50Ms
                              : figure == Figure::P95 ? s.p95Ms
                                                      : s.p99Ms;
            if (ms < 0)
                continue;
            y = double(ms);
            break;
        }
        case Figure::Backlog:
            y = double(s.backlog);
            break;
        case Figure::OldestPending:
            y = double(s.oldestPendingMs) / 1000.0;
            break;
        }
        points.append(QPointF(double(s.atMs - nowMs) / 60'000.0, y));
    }
    return points;
}

void LiveRates::update(const DeliveryMetrics &metrics)
{
    m_tracks[metrics.destinationId].latest = metrics;
}

void LiveRates::forget(const QString &destinationId)
{
    m_tracks.remove(destinationId);
}

void LiveRates::clear()
{
    m_tracks.clear();
    m_totalLatency.clear();
    m_total.clear();
}

namespace {

LatencyHistogram merged(const QList<LatencyHistogram> &histograms)
{
    LatencyHistogram all;
    for (const LatencyHistogram &h : histograms)
        all.merge(h);
    return all;
}

void setPercentiles(LiveSample *sample, const LatencyHistogram &latency)
{
    if (latency.isEmpty())
        return;
    sample->p50Ms = latency.percentileMicros(0.50) / 1000;
    sample->p95Ms = latency.percentileMicros(0.95) / 1000;
    sample->p99Ms = latency.percentileMicros(0.99) / 1000;
}

void keepRecent(QList<LatencyHistogram> *recent, const LatencyHistogram &interval, int count)
{
    recent->append(interval);
    while (recent->size() > count)
        recent->removeFirst();
}

} // namespace

void LiveRates::sample(qint64 nowMs)
{
    LiveSample total;
    total.atMs = nowMs;
    LatencyHistogram totalInterval;
    for (auto it = m_tracks.begin(); it != m_tracks.end(); ++it) {
        Track &track = it.value();
        LiveSample s;
        s.atMs = nowMs;
        s.backlog = track.latest.backlog;
        s.oldestPendingMs = track.latest.oldestPendingAgeMs;
        LatencyHistogram interval;
        if (track.sampled) {
            const double seconds = qMax<qint64>(1, nowMs - track.previousAtMs) / 1000.0;
            const DeliveryMetrics &now = track.latest;
            const DeliveryMetrics &before = track.previous;
            s.deliveredPerSecond = double(delta(now.delivered, before.delivered)) / seconds;
            s.failedPerSecond = double(delta(now.failed, before.failed)) / seconds;
            s.retriedPerSecond = double(delta(now.retried, before.retried)) / seconds;
            // A restarted sender's histogram starts over: all of it is new.
            interval =
                now.delivered >= before.delivered ? now.latency.since(before.latency) : now.latency;
        }
        keepRecent(&track.recentLatency, interval, LatencySamples);
        setPercentiles(&s, merged(track.recentLatency));
        track.previous = track.latest;
        track.previousAtMs = nowMs;
        track.sampled = true;
        track.ring.push(s);
        totalInterval.merge(interval);
        total.deliveredPerSecond += s.deliveredPerSecond;
        total.failedPerSecond += s.failedPerSecond;
        total.retriedPerSecond += s.retriedPerSecond;
        total.backlog += s.backlog;
        total.oldestPendingMs = qMax(total.oldestPendingMs, s.oldestPendingMs);
    }
    keepRecent(&m_totalLatency, totalInterval, LatencySamples);
    setPercentiles(&total, merged(m_totalLatency));
    m_total.push(total);
}

const MetricsRing &LiveRates::ring(const QString &destinationId) const
{
    if (destinationId.isEmpty())
        return m_total;
    static const MetricsRing none(1);
    const auto it = m_tracks.constFind(destinationId);
    return it == m_tracks.cend() ? none : it->ring;
}

LiveSample LiveRates::latest(const QString &destinationId) const
{
    const LiveSample *newest = ring(destinationId).newest();
    return newest ? *newest : LiveSample{};
}

} // namespace outflow::ui
