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
    SenderClient(QString workDir, int maxConcurrency)
        : m_workDir(std::move(workDir))
        , m_maxConcurrency(maxConcurrency)
    {}
    QString name() const override { return QStringLiteral("outflow sender"); }
    ClientRole role() const override { return ClientRole::Sender; }
    bool supports(const Target &) const override { return true; }
    Result run(const Target &target) override;

private:
    QString m_workDir;
    int m_maxConcurrency;
};

} // namespace outflow::bench
