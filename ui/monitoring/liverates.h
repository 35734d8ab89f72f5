#pragma once

#include "delivery/deliverymetrics.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QString>

namespace outflow::ui {

// One second of a dataflow's delivery (or of all of them): rates from the
// senders' cumulative counters, latency over the last few seconds, the
// outbox now.
struct LiveSample
{
    qint64 atMs = 0; // UNIX ms
    double deliveredPerSecond = 0;
    double failedPerSecond = 0;
    double retriedPerSecond = 0;
    qint64 p50Ms = -1; // < 0: nothing delivered lately
    qint64 p95Ms = -1;
    qint64 p99Ms = -1;
    qint64 backlog = 0;
    qint64 oldestPendingMs = 0;
};

// A fixed-capacity ring of samples, oldest first (GUI.md §1.5: bounded
// buffers, never a series that grows). Not a QObject: a value the page owns.
class MetricsRing
{
public:
    explicit MetricsRing(int capacity = DefaultCapacity);

    static constexpr int DefaultCapacity = 15 * 60; // 15 minutes of 1 s samples

    void push(const LiveSample &sample);
    void clear();
    int size() const { return m_size; }
    int capacity() const { return int(m_samples.size()); }
    // The i-th oldest sample, 0 ≤ i < size().
    const LiveSample &at(int i) const;
    const LiveSample *newest() const { return m_size ? &at(m_size - 1) : nullptr; }

    enum class Figure { Delivered, Failed, Retried, P50, P95, P99, Backlog, OldestPending };
    // The figure's points, x in minutes relative to `nowMs` (negative), the
    // samples older than `spanMs` left out; latency points only where some
    // delivery was measured.
    QList<QPointF> points(Figure figure, qint64 nowMs, qint64 spanMs) const;

private:
    QList<LiveSample> m_samples; // preallocated
    int m_first = 0;
    int m_size = 0;
};

// Turns the senders' snapshots (DeliveryMetrics, cumulative since each
// sender started) into one sample a second per destination and in total. A
// counter that went down means its sender restarted: the new value is the
// delta. Pure: the page's timer calls sample() with the time.
class LiveRates
{
public:
    // Keeps the newest snapshot of its destination; nothing else happens
    // until sample().
    void update(const DeliveryMetrics &metrics);
    void forget(const QString &destinationId);
    void sample(qint64 nowMs);
    void clear();

    // Empty id: every destination together.
    const MetricsRing &ring(const QString &destinationId = {}) const;
    // The newest sample (a zero sample when none).
    LiveSample latest(const QString &destinationId = {}) const;
    QStringList destinationIds() const { return m_tracks.keys(); }

    // Latency is judged over this many samples (one second is too few
    // deliveries for a stable p95 at low rates).
    static constexpr int LatencySamples = 5;

private:
    struct Track
    {
        DeliveryMetrics latest;
        DeliveryMetrics previous;
        bool sampled = false; // previous is meaningful
        qint64 previousAtMs = 0;
        QList<LatencyHistogram> recentLatency; // the last LatencySamples intervals
        MetricsRing ring;
    };
    static qint64 delta(qint64 now, qint64 before) { return now >= before ? now - before : now; }

    QHash<QString, Track> m_tracks;
    QList<LatencyHistogram> m_totalLatency;
    MetricsRing m_total;
};

} // namespace outflow::ui
