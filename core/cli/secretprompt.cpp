#include "secretprompt.h"

#include <cstdio>
#include <QByteArray>
#include <termios.h>
#include <unistd.h>

namespace outflow::cli {

QString readSecret(const QString &environmentVariable, const QString &prompt)
{
    const QByteArray fromEnvironment = qgetenv(environmentVariable.toLocal8Bit().constData());
    if (!fromEnvironment.isEmpty())
        return QString::fromLocal8Bit(fromEnvironment);
    if (isatty(STDIN_FILENO) != 1)
        return {};
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
    termios saved{};
    const bool terminal = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    QByteArray line;
    for (int c = std::getchar(); c != EOF && c != '\n'; c = std::getchar())
        line.append(char(c));
    if (terminal)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    std::fputc('\n', stderr);
    return QString::fromLocal8Bit(line);
}

} // namespace outflow::cli
