#pragma once

#include "benchclient.h"

namespace outflow::bench {

// The floor of issue #6: bare QNetworkAccessManager instances posting the
// same bodies with a fixed window, nothing else (no store, no retries, no
// headers beyond the sender's own). `qnams` QNAMs spread over `threads`
// QThreads, each QNAM keeping `window` requests in flight: over HTTP/1.1 a
// QNAM opens at most 6 connections per host (fixed in Qt 6.4), so a window
// above 6 only queues inside it; over HTTP/2 it is the streams on its one
// connection.
class QnamClient final : public BenchClient
{
public:
    QnamClient(int threads, int qnams, int window);
    QString name() const override;
    ClientRole role() const override { return ClientRole::Floor; }
    bool supports(const Target &) const override { return true; }
    Result run(const Target &target) override;

private:
    int m_threads;
    int m_qnams;
    int m_window;
};

} // namespace outflow::bench
