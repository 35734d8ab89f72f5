#pragma once

// Runs tests/peers/validate-xdm.js (ajv over Adobe's XDM field groups vendored
// in tests/data/xdm; node and the npm peers come with tools/test.sh) on
// exports, one JSON document a line.
#include "testconfig.h"

#include <QProcess>
#include <QStandardPaths>
#include <QString>

namespace outflow::test {

struct XdmValidation
{
    int exitCode = -1; // 0: every document valid; 1: one is not
    QString output;    // stdout and stderr: each invalid document, then a summary line
};

inline XdmValidation validateXdm(const QByteArray &ndjson)
{
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty())
        return {-1, QStringLiteral(
                        "node not found in PATH (tools/debian-packages.txt installs nodejs)")};
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(node, {QStringLiteral(OUTFLOW_SOURCE_DIR "/tests/peers/validate-xdm.js")});
    process.write(ndjson);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return {-1, QStringLiteral("validate-xdm.js did not finish")};
    }
    const QString output = QString::fromUtf8(process.readAll());
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, output};
}

} // namespace outflow::test
