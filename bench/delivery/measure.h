#pragma once

// CPU and memory of what the benchmark runs: its own process (the in-process
// clients: bare QNAM, the sender), a child it waits for (wrk, h2load, node:
// wait4() gives that child's own rusage), and nginx's workers (/proc),
// to tell when the server rather than the client is the limit.
#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace outflow::bench {

struct ChildRun
{
    bool started = false;
    bool timedOut = false;
    int exitCode = -1; // -1: killed by a signal
    QByteArray output; // stdout and stderr together
    double seconds = 0;
    double cpuSeconds = 0; // user + sys of the child (and children it waited for)
    double peakRssMiB = 0;
};

// fork + exec + wait4: QProcess reaps its children itself and loses their
// rusage. The child dies with us (PR_SET_PDEATHSIG) and is killed on timeout.
ChildRun runChild(const QString &program, const QStringList &arguments,
                  const QProcessEnvironment &environment, const QString &outputFile,
                  double timeoutSeconds);

// user + sys of this process so far, in seconds.
double selfCpuSeconds();
// Resets this process's peak RSS (VmHWM) to its current RSS, so that the next
// in-process client's peak is its own (Linux >= 4.0: clear_refs "5").
void resetSelfPeakRss();
double selfPeakRssMiB();

// utime + stime of the workers of an nginx master, in seconds.
double nginxWorkersCpuSeconds(qint64 masterPid);

// "1.05 0.98 0.70" from /proc/loadavg.
QString loadAverage();

} // namespace outflow::bench
