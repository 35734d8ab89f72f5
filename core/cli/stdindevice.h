#pragma once

#include <QIODevice>

namespace outflow::cli {

// Standard input as a sequential device that returns whatever a pipe or a
// terminal has (at least one byte, or 0 at the end), where QFile on stdin
// waits until its whole read size has arrived. `outflowctl ingest -` needs
// that to merge and commit each line as it comes.
class StdinDevice final : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StdinDevice)

public:
    explicit StdinDevice(QObject *parent = nullptr);

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;
};

} // namespace outflow::cli
