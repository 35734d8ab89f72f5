#pragma once

#include "benchclient.h"

namespace outflow::bench {

// The Outflow sender's row (core/delivery/DestinationSender, issue #6): the
// outbox of one dataflow filled before the clock starts, then delivered by a
// real DestinationSender as the Engine runs it (bench/common/senderrun), with
// the Engine's defaults (SenderOptions, NetworkThreadPool). Measured like the
// bare QNAM client it is compared with: same process, getrusage, VmHWM.
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
    QString name() const override
    {
        return m_networkThreads < 0
                   ? QStringLiteral("outflow sender")
                   : QStringLiteral("outflow sender, %1 net").arg(m_networkThreads);
    }
    ClientRole role() const override { return ClientRole::Sender; }
    bool supports(const Target &) const override { return true; }
    Result run(const Target &target) override;

private:
    QString m_workDir;
    int m_maxConcurrency;
    int m_networkThreads;
};

} // namespace outflow::bench
