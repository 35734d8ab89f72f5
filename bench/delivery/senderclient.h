#pragma once

#include "benchclient.h"

namespace outflow::bench {

// The slot of the Outflow sender (core/delivery/, issue #6): one more row of
// the table, measured like the bare QNAM client it is compared with (same
// process, getrusage, VmHWM). Until the sender lands the row reads "not
// built yet". To wire it (bench/README.md, "Delivery"): configure with
// -DOUTFLOW_BENCH_SENDER=ON and fill SenderClient::run() in senderclient.cpp.
class SenderClient final : public BenchClient
{
public:
    explicit SenderClient(QString workDir)
        : m_workDir(std::move(workDir))
    {}
    QString name() const override { return QStringLiteral("outflow sender"); }
    ClientRole role() const override { return ClientRole::Sender; }
    bool supports(const Target &) const override { return true; }
    Result run(const Target &target) override;

private:
    QString m_workDir;
};

} // namespace outflow::bench
