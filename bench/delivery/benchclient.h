#pragma once

// The seam of bench/delivery: every client measured against the same nginx
// in the same run (wrk, h2load, the Node.js peer (undici, node:http2), the bare QNAM floor,
// and the Outflow sender) is a BenchClient, so that the table,
// the ratios and the results file treat them all alike. See bench/README.md.
#include "exportbodies.h"

#include <memory>
#include <QList>
#include <QString>
#include <QUrl>
#include <vector>

namespace outflow::bench {

enum class Protocol { Http1, H2c, H2Tls };
QString protocolName(Protocol protocol);

// One configuration: an endpoint of the shared nginx and how much to send.
struct Target
{
    Protocol protocol = Protocol::Http1;
    int latencyMs = 0; // what the endpoint waits before answering
    QUrl url;          // on 127.0.0.1 only
    QUrl http1Url;     // the cleartext HTTP/1.1 listener of the same nginx (wrk on h2c)
    QString caFile;    // PEM CA that issued nginx's certificate (H2Tls)
    const ExportBodies *bodies = nullptr;
    qint64 exports = 200000;
    // Clients stop sending after this long (then wait for what is in flight),
    // so that one QNAM at 50 ms (≈ 117/s) does not take half an hour; its rate
    // is computed from what it completed.
    double maxSeconds = 60;
    QString workDir; // for log files of child processes
};

// A ceiling (wrk, h2load), a peer (undici, node:http2), the floor (bare QNAM) or
// the sender: decides which ratios the table prints for the others.
enum class ClientRole { Ceiling, Peer, Floor, Sender };

struct Result
{
    ClientRole role = ClientRole::Floor; // set by the driver
    QString client;                      // "wrk", "qnam 2 threads × 1", ...
    QString concurrency;                 // "64 conn", "8 conn × 128 streams", ...
    bool ran = false;
    QString note;        // why it did not run, or what to know about the figures
    qint64 requests = 0; // answered 2xx
    qint64 failures = 0; // anything else
    // Exports each request carried (batched bodies, issue #22): the rate and
    // the CPU are per export. The sender's rows count exports in `requests`.
    int exportsPerRequest = 1;
    double seconds = 0;
    double p50Ms = -1, p95Ms = -1, p99Ms = -1;
    double cpuSeconds = -1; // user + sys of the client (process or child)
    double peakRssMiB = -1;
    double nginxCpuShare = -1; // nginx workers' CPU during the run, 1.0 = one core

    qint64 exports() const { return requests * exportsPerRequest; }
    double rate() const { return seconds > 0 ? double(exports()) / seconds : 0; }
    // Per export (= per request unless batched).
    double cpuMicrosPerRequest() const
    {
        return requests > 0 && cpuSeconds >= 0 ? cpuSeconds * 1e6 / double(exports()) : -1;
    }
};

class BenchClient
{
public:
    virtual ~BenchClient() = default;
    virtual QString name() const = 0;
    virtual ClientRole role() const = 0;
    // False: the client cannot speak this configuration (wrk and h2c); the
    // table then leaves it out.
    virtual bool supports(const Target &target) const = 0;
    virtual Result run(const Target &target) = 0;
};

using ClientList = std::vector<std::unique_ptr<BenchClient>>;

// Percentiles, in milliseconds, of latencies in nanoseconds (reordered).
void fillPercentiles(std::vector<qint64> &latenciesNs, Result &result);

} // namespace outflow::bench
