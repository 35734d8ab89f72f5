#include "stdindevice.h"

#include <cerrno>
#include <sys/ioctl.h>
#include <unistd.h>

namespace outflow::cli {

StdinDevice::StdinDevice(QObject *parent)
    : QIODevice(parent)
{}

qint64 StdinDevice::bytesAvailable() const
{
    int pending = 0;
    if (::ioctl(STDIN_FILENO, FIONREAD, &pending) != 0)
        pending = 0; // not a pipe or terminal: unknown, so "may block"
    return QIODevice::bytesAvailable() + pending;
}

qint64 StdinDevice::readData(char *data, qint64 maxSize)
{
    for (;;) {
        const ssize_t got = ::read(STDIN_FILENO, data, size_t(maxSize));
        if (got >= 0)
            return got; // 0: end of input
        if (errno != EINTR) {
            setErrorString(QString::fromLocal8Bit(strerror(errno)));
            return -1;
        }
    }
}

qint64 StdinDevice::writeData(const char *, qint64)
{
    return -1;
}

} // namespace outflow::cli
