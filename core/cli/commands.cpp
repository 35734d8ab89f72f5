#include "cli.h"
#include "command.h"

namespace outflow::cli {

std::optional<int> parseCommandOptions(QCommandLineParser &parser, Context &context,
                                       const QString &command, bool allowPositional)
{
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  Text::tr("Show this command's options."));
    parser.addOption(help);
    QString problem;
    if (!parser.parse(context.arguments)) {
        problem = parser.errorText();
    } else if (parser.isSet(help)) {
        // Qt's first line names argv[0] (a path); name the command instead.
        const QString text = parser.helpText();
        const QString first = text.section(QLatin1Char('\n'), 0, 0);
        const QString positional = first.mid(first.indexOf(QLatin1String("[options]")) + 9);
        context.out << QStringLiteral("Usage: outflowctl %1 [options]%2").arg(command, positional)
                    << '\n'
                    << text.section(QLatin1Char('\n'), 1);
        return int(ExitSuccess);
    } else if (!allowPositional && !parser.positionalArguments().isEmpty()) {
        problem =
            Text::tr("unexpected argument '%1'").arg(parser.positionalArguments().constFirst());
    }
    if (problem.isEmpty())
        return std::nullopt;
    context.err << command << ": " << problem << '\n';
    return int(ExitUsage);
}

QList<Command> commands()
{
    // Summaries are marked here and translated where they are printed.
    return {
        {QStringLiteral("destination"), QStringLiteral("add|list|show|test|enable|disable|remove"),
         QT_TRANSLATE_NOOP("outflowctl", "Manage HTTP destinations."), destinationCommand},
        {QStringLiteral("audience"), QStringLiteral("add|import|list|show|rename|edit|remove"),
         QT_TRANSLATE_NOOP("outflowctl", "Manage rule and custom-upload audiences."),
         audienceCommand},
        {QStringLiteral("activate"), QStringLiteral("DESTINATION --audience A --attribute PATH"),
         QT_TRANSLATE_NOOP("outflowctl", "Map audiences and attributes to a destination."),
         activateCommand},
        {QStringLiteral("ingest"), QStringLiteral("FILE.ndjson|-"),
         QT_TRANSLATE_NOOP("outflowctl", "Merge profile fragments, one JSON object a line."),
         ingestCommand},
        {QStringLiteral("ingest-token"), QStringLiteral("[--rotate]"),
         QT_TRANSLATE_NOOP("outflowctl", "Print the bearer token of the local ingest endpoint."),
         ingestTokenCommand},
        {QStringLiteral("profiles"), QStringLiteral("[--count] [--identity NS:ID] [--why DEST]"),
         QT_TRANSLATE_NOOP("outflowctl", "Look up profiles and their export history."),
         profilesCommand},
        {QStringLiteral("run"), QStringLiteral("[--until-idle] [--ingest-port P]"),
         QT_TRANSLATE_NOOP("outflowctl", "Run the engine: ingest, segment, activate, deliver."),
         runCommand},
        {QStringLiteral("status"), QStringLiteral("[DESTINATION] [--window 15m|24h|7d] [--series]"),
         QT_TRANSLATE_NOOP("outflowctl", "Show the monitoring figures of each dataflow."),
         statusCommand},
        {QStringLiteral("deliveries"), QStringLiteral("DESTINATION [--failed] [--limit N]"),
         QT_TRANSLATE_NOOP("outflowctl", "List recent deliveries and their outcome."),
         deliveriesCommand},
        {QStringLiteral("replay"), QStringLiteral("DESTINATION [--failed] [--export ID]"),
         QT_TRANSLATE_NOOP("outflowctl", "Send failed exports again."), replayCommand},
        {QStringLiteral("resend"), QStringLiteral("DESTINATION --audience A"),
         QT_TRANSLATE_NOOP("outflowctl", "Export every profile realized in an audience again."),
         resendCommand},
        {QStringLiteral("alerts"), QStringLiteral("[--all] [--kind K] | acknowledge ID"),
         QT_TRANSLATE_NOOP("outflowctl", "List active (or all) alerts; acknowledge one."),
         alertsCommand},
        {QStringLiteral("store"), QStringLiteral("check|backup FILE"),
         QT_TRANSLATE_NOOP("outflowctl",
                           "Check the store's integrity, or back it up while engines run."),
         storeCommand},
        {QStringLiteral("keychain"), QStringLiteral("[check]"),
         QT_TRANSLATE_NOOP("outflowctl", "Check that the OS keychain answers."), keychainCommand},
        {QStringLiteral("receiver"), QStringLiteral("[--port P]"),
         QT_TRANSLATE_NOOP("outflowctl", "Run a demo receiver on 127.0.0.1 that accepts exports."),
         receiverCommand},
        {QStringLiteral("demo-feed"), QStringLiteral("FILE.ndjson [--rate N]"),
         QT_TRANSLATE_NOOP("outflowctl",
                           "Keep merging changes of sample profiles, for a demo that moves."),
         demoFeedCommand},
    };
}

} // namespace outflow::cli
