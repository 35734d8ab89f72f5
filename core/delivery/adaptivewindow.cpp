#include "adaptivewindow.h"

#include <algorithm>

namespace outflow {

AdaptiveWindow::AdaptiveWindow(int maximum, int timeoutMs, int initial)
    : m_maximum(std::max(1, maximum))
    , m_timeoutMs(std::max(1, timeoutMs))
    , m_size(std::clamp(initial, 1, m_maximum))
    , m_threshold(m_maximum)
{}

qint64 AdaptiveWindow::baselineUs() const
{
    if (m_previousMinUs < 0)
        return m_epochMinUs;
    if (m_epochMinUs < 0)
        return m_previousMinUs;
    return std::min(m_epochMinUs, m_previousMinUs);
}

void AdaptiveWindow::onResult(qint64 sentAtNs, qint64 nowNs, qint64 latencyUs, bool congestion,
                              bool windowLimited)
{
    const qint64 timeoutUs = m_timeoutMs * 1000;
    if (congestion || latencyUs * 4 >= timeoutUs * 3) {
        if (sentAtNs >= m_lastDecreaseNs)
            decrease(nowNs, 0.5);
        return;
    }
    m_smoothedUs = m_smoothedUs < 0 ? latencyUs : m_smoothedUs + (latencyUs - m_smoothedUs) / 8;
    if (nowNs - m_epochStartNs >= BaselineEpochNs) {
        m_previousMinUs = m_epochMinUs;
        m_epochMinUs = -1;
        m_epochStartNs = nowNs;
    }
    if (m_epochMinUs < 0 || latencyUs < m_epochMinUs)
        m_epochMinUs = latencyUs;
    const qint64 growthLimitUs =
        2 * baselineUs() + (m_multiplexed ? MultiplexedSlackUs : QueueingSlackUs);
    if (m_smoothedUs > 2 * growthLimitUs && windowLimited) {
        if (sentAtNs >= m_lastDecreaseNs)
            decrease(nowNs, 0.9);
        return;
    }
    if (latencyUs * 2 >= timeoutUs || m_smoothedUs > growthLimitUs || !windowLimited)
        return; // hold: slow answers, answers slowed by queueing, or a window not in use
    if (m_size < m_threshold)
        m_size += 1.0;
    else
        m_size += AdditiveStep / m_size;
    m_size = std::min(m_size, double(m_maximum));
}

void AdaptiveWindow::decrease(qint64 nowNs, double factor)
{
    m_size = std::max(1.0, m_size * factor);
    m_threshold = m_size;
    m_lastDecreaseNs = nowNs;
}

} // namespace outflow
