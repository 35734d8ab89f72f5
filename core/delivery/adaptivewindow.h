#pragma once

#include <QtGlobal>

namespace outflow {

// How many requests a destination keeps in flight: adaptive, as Vector's
// adaptive request concurrency, and TCP's congestion window before it.
//
// It grows while answers come back well inside the timeout (under half of
// it), the smoothed latency stays near the fastest answers lately (at most
// twice the baseline plus 2 ms, 25 ms over HTTP/2: beyond that, more requests only wait in
// queues, ours, Qt's or the endpoint's), and the window is actually used.
// The latency compared is smoothed (as TCP's SRTT) because single answers
// mislead: with hundreds queued, a few still come back fast and would keep
// growing a window that only adds queueing (over loopback, 200-470 requests
// in flight where 15 keep the CPU busy). It grows by one per answer while
// below the threshold (doubling per round trip, from a small start to the
// endpoint's capacity in a few round trips), then by about AdditiveStep per
// round trip. The baseline is the fastest answer of the last two epochs of
// BaselineEpochNs, so that it follows an endpoint that became slower.
// A congestion signal (429, 503, a timeout, or an answer slower than
// 3/4 of the timeout) halves it and sets the threshold there; the answers to
// requests sent before that halving do not halve it again, so one burst of
// 503s costs one halving. A smoothed latency over twice the growth limit
// (queueing that the window itself causes) shrinks it by a tenth, at most
// once per round trip. It stays between 1 and the destination's maximum.
class AdaptiveWindow
{
public:
    static constexpr int InitialSize = 8;
    static constexpr double AdditiveStep = 4.0;
    static constexpr qint64 BaselineEpochNs = 5'000'000'000;
    static constexpr qint64 QueueingSlackUs = 2000;
    // Over HTTP/2 (requests multiplexed on few connections), deeper queues
    // pay: Qt reads and writes many streams' frames per system call, so more
    // streams in flight cost less CPU each. Measured over loopback (h2c,
    // 0 ms): a bare QNAM with 100 streams in flight made 4,553 answers/s at a
    // 20 ms median; the sender held to 15-24 streams by the 2 ms slack made
    // 2,724-3,130/s. Over HTTP/1.1 more in flight means more connections and
    // QNAM threads, which costs more than it gains.
    static constexpr qint64 MultiplexedSlackUs = 25'000;

    AdaptiveWindow(int maximum, int timeoutMs, int initial = InitialSize);

    int size() const { return int(m_size); }
    int maximum() const { return m_maximum; }

    // One answer (or failure). `sentAtNs`: when its request was sent (steady
    // clock); `nowNs`: now. `congestion`: a 429, 503 or timeout.
    // `windowLimited`: requests were waiting for room in the window, which
    // is the only case where a larger window would have helped.
    void onResult(qint64 sentAtNs, qint64 nowNs, qint64 latencyUs, bool congestion,
                  bool windowLimited);
    qint64 baselineUs() const;
    // The answers come over HTTP/2: MultiplexedSlackUs instead of QueueingSlackUs.
    void setMultiplexed(bool multiplexed) { m_multiplexed = multiplexed; }
    qint64 smoothedLatencyUs() const { return m_smoothedUs; }

private:
    void decrease(qint64 nowNs, double factor);

    const int m_maximum;
    const qint64 m_timeoutMs;
    double m_size;
    double m_threshold;          // slow start below, additive increase above
    qint64 m_lastDecreaseNs = 0; // answers to requests sent before it are ignored
    qint64 m_epochStartNs = 0;
    qint64 m_epochMinUs = -1;    // the fastest answer of the current epoch; -1: none yet
    qint64 m_previousMinUs = -1; // of the previous one
    bool m_multiplexed = false;
    qint64 m_smoothedUs = -1; // latency, exponentially smoothed (1/8 per answer); -1: none yet
};

} // namespace outflow
