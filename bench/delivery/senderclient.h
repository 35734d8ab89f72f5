#pragma once

#include "benchclient.h"

#include <memory>
#include <optional>

namespace outflow::bench {

// The Outflow sender's row (core/delivery/DestinationSender, issue #6): the
// outbox of one dataflow filled before the clock starts, then delivered by a
// real DestinationSender as the Engine runs it (bench/common/senderrun), with
// the Engine's defaults (SenderOptions, NetworkThreadPool). Measured like the
// bare QNAM client it is compared with: same process, getrusage, VmHWM.
// A destination's batching for the sender's rows (issue #22).
struct BatchShape
{
    int maxExports = 1; // 1: one export per request, the default
    int maxAgeMs = 1000;
    int maxBytes = 1024 * 1024;
};

// A paced row: exports committed at `fraction` × the rate the full-rate row
// just before it measured (shared through `fullRate`), or at `rate` when set,
// during `seconds`; see pacedsender.h.
struct Pacing
{
    std::shared_ptr<double> fullRate;
    double fraction = 0.8;
    double rate = 0;
    double seconds = 10;
};

class SenderClient final : public BenchClient
{
public:
    // `maxConcurrency`: the destination's maximum window (its default: 1,024).
    // `networkThreads`: the NetworkThreadPool's size; -1: the Engine's default
    // (the cores, at most 4), 0: the QNAMs in the sender's own thread.
    SenderClient(QString workDir, int maxConcurrency, int networkThreads = -1)
        : m_workDir(std::move(workDir))
        , m_maxConcurrency(maxConcurrency)
        , m_networkThreads(networkThreads)
    {}
    QString name() const override;
    // Batched rows: the destination batches (and the row's name says so).
    void setBatch(const BatchShape &batch) { m_batch = batch; }
    // Full-rate rows publish their exports/s here (for the paced row after them).
    void publishRate(std::shared_ptr<double> rate) { m_publishedRate = std::move(rate); }
    void setPacing(const Pacing &pacing) { m_pacing = pacing; }
    ClientRole role() const override { return ClientRole::Sender; }
    bool supports(const Target &) const override { return true; }
    Result run(const Target &target) override;

private:
    QString m_workDir;
    int m_maxConcurrency;
    int m_networkThreads;
    BatchShape m_batch;
    std::shared_ptr<double> m_publishedRate;
    std::optional<Pacing> m_pacing;
};

} // namespace outflow::bench
