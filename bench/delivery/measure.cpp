#include "measure.h"

#include <csignal>
#include <fcntl.h>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace outflow::bench {

namespace {

double seconds(const timeval &time)
{
    return double(time.tv_sec) + double(time.tv_usec) / 1e6;
}

// Fields 14 and 15 of /proc/PID/stat (after the parenthesised command name,
// which may hold spaces).
double processCpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    // fields[0] is field 3 (state): utime is field 14, stime field 15.
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) /
           double(::sysconf(_SC_CLK_TCK));
}

} // namespace

ChildRun runChild(const QString &program, const QStringList &arguments,
                  const QProcessEnvironment &environment, const QString &outputFile,
                  double timeoutSeconds)
{
    ChildRun run;
    // Everything exec needs is prepared before fork: the child of a
    // multi-threaded process may only call async-signal-safe functions.
    std::vector<QByteArray> storage;
    storage.push_back(program.toLocal8Bit());
    for (const QString &argument : arguments)
        storage.push_back(argument.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &item : storage)
        argv.push_back(item.data());
    argv.push_back(nullptr);
    std::vector<QByteArray> envStorage;
    for (const QString &entry : environment.toStringList())
        envStorage.push_back(entry.toLocal8Bit());
    std::vector<char *> envp;
    for (QByteArray &item : envStorage)
        envp.push_back(item.data());
    envp.push_back(nullptr);
    const QByteArray outputPath = outputFile.toLocal8Bit();
    const pid_t parent = ::getpid();

    QElapsedTimer timer;
    timer.start();
    const pid_t pid = ::fork();
    if (pid < 0)
        return run;
    if (pid == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent)
            ::_exit(127);
        const int fd = ::open(outputPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int null = ::open("/dev/null", O_RDONLY);
        if (fd < 0 || null < 0)
            ::_exit(127);
        ::dup2(null, STDIN_FILENO);
        ::dup2(fd, STDOUT_FILENO);
        ::dup2(fd, STDERR_FILENO);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    run.started = true;
    int status = 0;
    rusage usage{};
    for (;;) {
        const pid_t done = ::wait4(pid, &status, WNOHANG, &usage);
        if (done == pid)
            break;
        if (done < 0)
            return run;
        if (double(timer.elapsed()) / 1000.0 > timeoutSeconds && !run.timedOut) {
            run.timedOut = true;
            ::kill(pid, SIGKILL);
        }
        QThread::msleep(10);
    }
    run.seconds = double(timer.nsecsElapsed()) / 1e9;
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.cpuSeconds = seconds(usage.ru_utime) + seconds(usage.ru_stime);
    run.peakRssMiB = double(usage.ru_maxrss) / 1024.0;
    QFile output(outputFile);
    if (output.open(QIODevice::ReadOnly))
        run.output = output.readAll();
    return run;
}

double selfCpuSeconds()
{
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

void resetSelfPeakRss()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

double selfPeakRssMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

double nginxWorkersCpuSeconds(qint64 masterPid)
{
    QFile children(QStringLiteral("/proc/%1/task/%1/children").arg(masterPid));
    if (masterPid <= 0 || !children.open(QIODevice::ReadOnly))
        return 0;
    double total = 0;
    for (const QByteArray &pid : children.readAll().simplified().split(' '))
        total += pid.isEmpty() ? 0 : processCpuSeconds(pid.toLongLong());
    return total;
}

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    const QList<QByteArray> fields = file.readAll().split(' ');
    return QString::fromLatin1(fields.mid(0, 3).join(' '));
}

} // namespace outflow::bench
