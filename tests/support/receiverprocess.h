#pragma once

#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

namespace outflow::test {

// `outflowctl receiver --port 0` as a child process: a real loopback endpoint
// that answers 200 while the test blocks on another outflowctl (runProcess
// runs no event loop, so an in-process receiver could not answer). Its
// output goes to a file, one line per request, so that a long run never
// fills a pipe nobody reads.
class ReceiverProcess
{
public:
    explicit ReceiverProcess(const QString &cli)
    {
        m_log = m_dir.filePath(QStringLiteral("receiver.log"));
        m_process.setStandardOutputFile(m_log);
        m_process.setStandardErrorFile(m_dir.filePath(QStringLiteral("receiver.err")));
        m_process.start(cli, {QStringLiteral("receiver"), QStringLiteral("--port"),
                              QStringLiteral("0")});
    }
    ~ReceiverProcess()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    ReceiverProcess(const ReceiverProcess &) = delete;
    ReceiverProcess &operator=(const ReceiverProcess &) = delete;

    // Where it listens, once it has said so (empty before: wait with
    // QTRY_VERIFY(!receiver.url().isEmpty())).
    QUrl url()
    {
        if (m_port == 0) {
            static const QRegularExpression listening(QStringLiteral("127\\.0\\.0\\.1:(\\d+)/"));
            const QRegularExpressionMatch match = listening.match(readLog());
            if (!match.hasMatch())
                return {};
            m_port = match.captured(1).toUShort();
        }
        return QUrl(QStringLiteral("http://127.0.0.1:%1/exports").arg(m_port));
    }

    // How many requests carried each export id so far.
    QHash<QString, int> exportIds() const
    {
        QHash<QString, int> counts;
        const QStringList lines = readLog().split(u'\n', Qt::SkipEmptyParts);
        for (const QString &line : lines) {
            // "<time> <status> <path> <export id> <bytes>"
            const QStringList fields = line.split(u' ');
            if (fields.size() == 5 && fields.at(1) == QLatin1String("200") &&
                fields.at(3) != QLatin1String("-"))
                ++counts[fields.at(3)];
        }
        return counts;
    }

private:
    QString readLog() const
    {
        QFile file(m_log);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

    QTemporaryDir m_dir;
    QString m_log;
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace outflow::test
