#include "retrypolicy.h"

#include <algorithm>
#include <QLocale>

namespace outflow {

ResultClass classifyResult(const TransportResult &result)
{
    switch (result.error) {
    case TransportError::None:
        break;
    case TransportError::Tls:
        return ResultClass::Final; // the same handshake fails the same way
    case TransportError::ConnectionRefused:
    case TransportError::ConnectionReset:
    case TransportError::Timeout:
    case TransportError::HostNotFound:
    case TransportError::Other:
        return ResultClass::Retryable;
    }
    const int status = result.httpStatus;
    if (status / 100 == 2)
        return ResultClass::Delivered;
    if (status == 401)
        return ResultClass::Unauthorized;
    if (status == 408 || status == 429 || status / 100 == 5)
        return ResultClass::Retryable;
    return ResultClass::Final;
}

bool isCongestionSignal(const TransportResult &result)
{
    return result.error == TransportError::Timeout || result.httpStatus == 429 ||
           result.httpStatus == 503;
}

RetryPolicy::RetryPolicy(QList<int> scheduleMs, int maxRetries, double jitter)
    : m_scheduleMs(std::move(scheduleMs))
    , m_maxRetries(std::max(0, maxRetries))
    , m_jitter(std::clamp(jitter, 0.0, 1.0))
{
    if (m_scheduleMs.isEmpty())
        m_scheduleMs = {15000};
}

RetryPolicy RetryPolicy::forDestination(const Destination &destination)
{
    return RetryPolicy(destination.retryScheduleMs, destination.maxRetries);
}

std::optional<qint64>
RetryPolicy::retryDelayMs(int attemptsMade, std::optional<qint64> retryAfterMs, double random) const
{
    const int retriesDone = attemptsMade - 1;
    if (retriesDone >= m_maxRetries)
        return std::nullopt;
    if (retryAfterMs) {
        const auto [shortest, longest] =
            std::minmax_element(m_scheduleMs.cbegin(), m_scheduleMs.cend());
        return std::clamp<qint64>(*retryAfterMs, *shortest, *longest);
    }
    const qint64 base = m_scheduleMs.at(std::min<qsizetype>(retriesDone, m_scheduleMs.size() - 1));
    const double factor = 1.0 + m_jitter * (2.0 * random - 1.0);
    return std::max<qint64>(0, qint64(double(base) * factor));
}

std::optional<qint64> RetryPolicy::parseRetryAfter(QByteArrayView value, const QDateTime &now)
{
    const QByteArray text = value.trimmed().toByteArray();
    if (text.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qint64 seconds = text.toLongLong(&isNumber);
    if (isNumber)
        return seconds < 0 ? std::nullopt : std::optional<qint64>(seconds * 1000);
    // IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT" (the obsolete forms are
    // rare enough in Retry-After to be treated as unreadable).
    if (!text.endsWith(" GMT"))
        return std::nullopt;
    const QDateTime date = QLocale::c().toDateTime(QString::fromLatin1(text).chopped(4),
                                                   QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    if (!date.isValid())
        return std::nullopt;
    QDateTime utc = date;
    utc.setTimeSpec(Qt::UTC);
    return std::max<qint64>(0, now.msecsTo(utc));
}

} // namespace outflow
