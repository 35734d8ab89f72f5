#include "cli.h"
#include "command.h"
#include "demo/demoreceiver.h"

#include <QCommandLineParser>

namespace outflow::cli {

// `outflowctl receiver [--port P]`: a loopback endpoint that accepts exports
// and prints one line per request, for demos and for trying a dataflow.
int receiverCommand(Context &context)
{
    QCommandLineParser parser;
    const QCommandLineOption portOption(
        QStringLiteral("port"),
        QCoreApplication::translate("outflowctl", "Port on 127.0.0.1 (0 picks a free one)."),
        QStringLiteral("P"), QStringLiteral("8080"));
    parser.addOption(portOption);
    if (const std::optional<int> exitCode =
            parseCommandOptions(parser, context, QStringLiteral("receiver"), false))
        return *exitCode;
    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535) {
        context.err << QCoreApplication::translate(
                           "outflowctl",
                           "receiver: --port must be a number from 0 to 65535, not '%1'.")
                           .arg(parser.value(portOption))
                    << '\n';
        return ExitUsage;
    }

    auto *receiver = new DemoReceiver(QCoreApplication::instance());
    const quint16 bound = receiver->start(static_cast<quint16>(port));
    if (bound == 0) {
        context.err << QCoreApplication::translate("outflowctl", "receiver: %1")
                           .arg(receiver->errorString())
                    << '\n';
        return ExitFailure;
    }
    context.out << QCoreApplication::translate("outflowctl",
                                               "Demo receiver listening on http://127.0.0.1:%1/")
                       .arg(bound)
                << Qt::endl;
    QObject::connect(
        receiver, &DemoReceiver::requestReceived, receiver,
        [&context](const ReceivedRequest &request) {
            context.out
                << request.receivedAt.toString(Qt::ISODateWithMs) << ' ' << request.answeredStatus
                << ' ' << request.path << ' '
                << (!request.batchId.isEmpty()
                        ? QStringLiteral("batch:%1:%2").arg(request.batchId).arg(request.exports)
                    : request.exportId.isEmpty() ? QStringLiteral("-")
                                                 : request.exportId)
                << ' ' << request.bodyBytes << Qt::endl;
        });
    return RunEventLoop;
}

} // namespace outflow::cli
