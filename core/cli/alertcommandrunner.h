#pragma once

#include "monitoring/alerttracker.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QTextStream>

class QProcess;

namespace outflow::cli {

// `outflowctl run --alert-command CMD` (issue #7 item 5): each subscribed
// alert raised runs CMD through /bin/sh with the alert as one JSON object on
// its standard input, so that a server can forward it to mail or chat. One
// command at a time, in the order raised; a command that fails or outlives
// its timeout is reported on stderr and does not hold back the next alert.
class AlertCommandRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertCommandRunner)

public:
    static constexpr int TimeoutMs = 30'000;

    AlertCommandRunner(QString command, QTextStream &err, QObject *parent = nullptr);

    void run(const QList<outflow::Alert> &alerts);

signals:
    // A command ended (exit code; -1 when it crashed, timed out or did not start).
    void finished(const QString &alertId, int exitCode);

private:
    void startNext();
    void onFinished(int exitCode, bool normalExit);

    const QString m_command;
    QTextStream &m_err;
    QList<Alert> m_queue;
    QProcess *m_process = nullptr; // the command running now, a child
    Alert m_current;
};

} // namespace outflow::cli
