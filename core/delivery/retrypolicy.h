#pragma once

#include "delivery/transport.h"
#include "model/destination.h"

#include <optional>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>

namespace outflow {

// What a result means for its export (DESIGN §2, Delivery).
enum class ResultClass : quint8 {
    Delivered,    // 2xx
    Unauthorized, // 401: with OAuth2, refresh the token once and retry without counting
    Retryable,    // connection errors, timeouts, 408, 429, 5xx
    Final,        // TLS failures, other 4xx, redirects: failed at once, the answer kept
};

ResultClass classifyResult(const TransportResult &result);

// The congestion signals the adaptive window halves on: 429, 503, timeouts.
bool isCongestionSignal(const TransportResult &result);

// When a failed export is tried again (DESIGN §2): `maxRetries` retries after
// the delays of `scheduleMs` (the last delay repeats when the schedule is
// shorter), each ±jitter; a Retry-After from the server replaces the delay,
// kept within the schedule's shortest and longest delays (a server cannot
// make us hammer it, nor hold an export longer than the policy allows).
class RetryPolicy
{
public:
    RetryPolicy(QList<int> scheduleMs, int maxRetries, double jitter = 0.2);
    static RetryPolicy forDestination(const Destination &destination);

    // After `attemptsMade` attempts (this failure included), the delay before
    // the next one; nullopt when no retry is left. `random` is uniform in [0, 1).
    std::optional<qint64> retryDelayMs(int attemptsMade, std::optional<qint64> retryAfterMs,
                                       double random) const;

    // Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP date, as a
    // delay from `now` (0 for a date past); nullopt when unreadable.
    static std::optional<qint64> parseRetryAfter(QByteArrayView value, const QDateTime &now);

    int maxRetries() const { return m_maxRetries; }

private:
    QList<int> m_scheduleMs;
    int m_maxRetries;
    double m_jitter;
};

} // namespace outflow
