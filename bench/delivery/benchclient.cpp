#include "benchclient.h"

#include <algorithm>

namespace outflow::bench {

QString protocolName(Protocol protocol)
{
    switch (protocol) {
    case Protocol::Http1:
        return QStringLiteral("HTTP/1.1");
    case Protocol::H2c:
        return QStringLiteral("h2c");
    case Protocol::H2Tls:
        return QStringLiteral("h2 TLS");
    }
    return {};
}

void fillPercentiles(std::vector<qint64> &latenciesNs, Result &result)
{
    if (latenciesNs.empty())
        return;
    const auto at = [&latenciesNs](double share) {
        const auto index =
            std::min(latenciesNs.size() - 1, std::size_t(double(latenciesNs.size()) * share));
        std::nth_element(latenciesNs.begin(), latenciesNs.begin() + std::ptrdiff_t(index),
                         latenciesNs.end());
        return double(latenciesNs[index]) / 1e6;
    };
    result.p50Ms = at(0.50);
    result.p95Ms = at(0.95);
    result.p99Ms = at(0.99);
}

} // namespace outflow::bench
