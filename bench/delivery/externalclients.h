#pragma once

// The clients that run as child processes against the same nginx: wrk (the
// HTTP/1.1 ceiling), h2load (the HTTP/2 ceiling wrk cannot be: wrk speaks
// HTTP/1.1 only), and the Node.js peer: undici for HTTP/1.1 (a Pool) and
// Node's own http2 module for HTTP/2, since undici 6.29.1 has no h2c (its
// connector: "TODO(HTTP/2): Add support for h2c") and its allowH2 crashes
// with several streams in flight (undici issue 4846, fixed after 6.29.1).
// curl --parallel was the other candidate, but Debian's curl 7.88.1 fails
// every h2c request after the first on a connection ("Error in the HTTP2
// framing layer", curl issue 10634, fixed upstream after 7.88.1).
#include "benchclient.h"

namespace outflow::bench {

struct ExternalPaths
{
    QString scriptDir;   // bench/delivery in the source tree: wrk-post.lua, node-client.cjs
    QString nodeModules; // tests/peers/node_modules (undici 6.29.1, pinned)
    QString bodyFile;    // the first body alone (wrk, h2load)
    QString ndjsonFile;  // the pool, one body a line (undici)
};

// wrk -t threads -c connections for `seconds`: wrk runs for a duration, not
// a count; POST of one body through a Lua script, latency from its done().
class WrkClient final : public BenchClient
{
public:
    WrkClient(ExternalPaths paths, int threads, int connections, double seconds);
    QString name() const override
    {
        return m_exportsPerRequest > 1 ? QStringLiteral("wrk ×%1").arg(m_exportsPerRequest)
                                       : QStringLiteral("wrk");
    }
    ClientRole role() const override { return ClientRole::Ceiling; }
    // The body file (ExternalPaths::bodyFile) is a batch of this many exports
    // (issue #22): its rate and CPU are counted per export.
    void setExportsPerRequest(int exports) { m_exportsPerRequest = exports; }
    bool supports(const Target &) const override;
    Result run(const Target &target) override;

private:
    ExternalPaths m_paths;
    int m_threads, m_connections;
    double m_seconds;
    int m_exportsPerRequest = 1;
};

// h2load (Debian nghttp2-client) -c connections -m streams, HTTP/2 only;
// latency percentiles from its per-request log. Missing: the row says so.
class H2loadClient final : public BenchClient
{
public:
    H2loadClient(ExternalPaths paths, int connections, int streams);
    QString name() const override
    {
        return m_exportsPerRequest > 1 ? QStringLiteral("h2load ×%1").arg(m_exportsPerRequest)
                                       : QStringLiteral("h2load");
    }
    ClientRole role() const override { return ClientRole::Ceiling; }
    // The body file (ExternalPaths::bodyFile) is a batch of this many exports
    // (issue #22): its rate and CPU are counted per export.
    void setExportsPerRequest(int exports) { m_exportsPerRequest = exports; }
    bool supports(const Target &target) const override;
    Result run(const Target &target) override;

private:
    ExternalPaths m_paths;
    int m_connections, m_streams;
    int m_exportsPerRequest = 1;
};

// node bench/delivery/node-client.cjs: an undici Pool of `connections`,
// pipelining 1, on HTTP/1.1; node:http2 sessions of `streams` for h2c and h2.
class UndiciClient final : public BenchClient
{
public:
    UndiciClient(ExternalPaths paths, int connections, int streams);
    QString name() const override { return QStringLiteral("undici"); }
    ClientRole role() const override { return ClientRole::Peer; }
    bool supports(const Target &) const override;
    Result run(const Target &target) override;

private:
    ExternalPaths m_paths;
    int m_connections, m_streams;
};

} // namespace outflow::bench
