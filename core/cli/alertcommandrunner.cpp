#include "alertcommandrunner.h"

#include "command.h"

#include <QJsonDocument>
#include <QProcess>
#include <QTimer>

namespace outflow::cli {

AlertCommandRunner::AlertCommandRunner(QString command, QTextStream &err, QObject *parent)
    : QObject(parent)
    , m_command(std::move(command))
    , m_err(err)
{}

void AlertCommandRunner::run(const QList<Alert> &alerts)
{
    m_queue << alerts;
    if (!m_process)
        startNext();
}

void AlertCommandRunner::startNext()
{
    if (m_queue.isEmpty())
        return;
    m_current = m_queue.takeFirst();
    m_process = new QProcess(this);
    // Its output is the operator's: it goes where outflowctl's goes.
    m_process->setProcessChannelMode(QProcess::ForwardedChannels);
    auto *timeout = new QTimer(m_process);
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, m_process, [this] {
        m_err << Text::tr("run: --alert-command still running after %1 s for alert %2: stopped.")
                     .arg(TimeoutMs / 1000)
                     .arg(m_current.id)
              << Qt::endl;
        m_process->kill();
    });
    connect(m_process, &QProcess::finished, this,
            [this](int exitCode, QProcess::ExitStatus status) {
                onFinished(exitCode, status == QProcess::NormalExit);
            });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            onFinished(-1, false);
    });
    // The command line is the administrator's own; the alert travels on
    // stdin, never in argv (DESIGN §6).
    connect(m_process, &QProcess::started, m_process, [this, timeout] {
        m_process->write(QJsonDocument(alertToJson(m_current)).toJson(QJsonDocument::Compact) +
                         '\n');
        m_process->closeWriteChannel();
        timeout->start(TimeoutMs);
    });
    m_process->start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), m_command});
}

void AlertCommandRunner::onFinished(int exitCode, bool normalExit)
{
    if (!m_process)
        return;
    const int code = normalExit ? exitCode : -1;
    if (code != 0)
        m_err << (code < 0 ? Text::tr("run: --alert-command did not complete for alert %1 (%2).")
                                 .arg(m_current.id, m_process->errorString())
                           : Text::tr("run: --alert-command exited with %1 for alert %2.")
                                 .arg(code)
                                 .arg(m_current.id))
              << Qt::endl;
    m_process->deleteLater();
    m_process = nullptr;
    emit finished(m_current.id, code);
    startNext();
}

} // namespace outflow::cli
