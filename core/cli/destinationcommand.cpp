// `outflowctl destination add|list|show|enable|disable|remove`.
#include "app/paths.h"
#include "cli.h"
#include "command.h"
#include "delivery/destinationconfig.h"
#include "model/destination.h"
#include "store/sqlitestore.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace outflow::cli {

namespace {

// {"id", "name", "endpoint", "enabled", "auth"}: DESIGN §5, no secret.
QJsonObject destinationJson(const Destination &destination)
{
    return QJsonObject{{QStringLiteral("id"), destination.id},
                       {QStringLiteral("name"), destination.name},
                       {QStringLiteral("endpoint"), destination.endpoint.toString()},
                       {QStringLiteral("enabled"), destination.enabled},
                       {QStringLiteral("auth"), authTypeName(destination.auth)}};
}

struct DestinationStore
{
    DestinationStore(Context &context, QString command)
        : store(paths::resolveStorePath(context.storePath))
        , context(context)
        , command(std::move(command))
    {}

    bool open()
    {
        if (store.open())
            return true;
        failed();
        return false;
    }
    // Prints the store's error; returns the exit code of a store failure.
    int failed()
    {
        context.err << command << ": " << store.lastError() << '\n';
        return ExitFailure;
    }
    // By id, else by name; prints why when there is none.
    std::optional<Destination> find(const QString &idOrName)
    {
        std::optional<Destination> found = store.destination(idOrName);
        if (!found && store.lastError().isEmpty())
            found = store.destinationByName(idOrName);
        if (!found && store.lastError().isEmpty())
            context.err
                << command << ": "
                << Text::tr("there is no destination with the id or name “%1”.").arg(idOrName)
                << '\n';
        else if (!found)
            failed();
        return found;
    }

    SqliteStore store;
    Context &context;
    QString command;
};

bool positiveInt(Context &context, const QString &command, const QCommandLineParser &parser,
                 const QCommandLineOption &option, int minimum, int *value)
{
    bool ok = false;
    const int parsed = parser.value(option).toInt(&ok);
    if (ok && parsed >= minimum) {
        *value = parsed;
        return true;
    }
    context.err << command << ": "
                << Text::tr("--%1 must be a whole number of at least %2, not '%3'.")
                       .arg(option.names().constFirst())
                       .arg(minimum)
                       .arg(parser.value(option))
                << '\n';
    return false;
}

int addDestination(Context &context, const QStringList &arguments)
{
    const QString command = QStringLiteral("destination add");
    QCommandLineParser parser;
    const QCommandLineOption name(QStringLiteral("name"), Text::tr("Destination name."),
                                  QStringLiteral("N"));
    const QCommandLineOption endpoint(QStringLiteral("endpoint"),
                                      Text::tr("The URL exports are POSTed to (http or https)."),
                                      QStringLiteral("URL"));
    const QCommandLineOption description(QStringLiteral("description"), Text::tr("Description."),
                                         QStringLiteral("D"));
    const QCommandLineOption names(QStringLiteral("include-segment-names"),
                                   Text::tr("Add each mapped audience's name to the exports."));
    const QCommandLineOption timestamps(
        QStringLiteral("include-segment-timestamps"),
        Text::tr("Add each mapped audience's and mapping's times to the exports."));
    const QCommandLineOption timeout(QStringLiteral("timeout-ms"),
                                     Text::tr("Request timeout (default 2000)."),
                                     QStringLiteral("MS"), QStringLiteral("2000"));
    const QCommandLineOption retries(QStringLiteral("max-retries"),
                                     Text::tr("Retries of a failed request (default 2)."),
                                     QStringLiteral("N"), QStringLiteral("2"));
    parser.addOptions({name, endpoint, description, names, timestamps, timeout, retries});
    Context sub{arguments, context.json, context.storePath, context.out, context.err};
    if (!parseCommandOptions(parser, sub, command, false))
        return ExitUsage;
    if (!parser.isSet(name) || !parser.isSet(endpoint) || parser.value(name).trimmed().isEmpty()) {
        context.err << Text::tr("destination add: give --name N and --endpoint URL.") << '\n';
        return ExitUsage;
    }
    Destination destination;
    destination.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    destination.name = parser.value(name).trimmed();
    destination.description = parser.value(description);
    destination.endpoint = QUrl(parser.value(endpoint), QUrl::StrictMode);
    const QString scheme = destination.endpoint.scheme();
    if (!destination.endpoint.isValid() || destination.endpoint.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        context.err << Text::tr("destination add: --endpoint must be an http or https URL with a "
                                "host, not '%1'.")
                           .arg(parser.value(endpoint))
                    << '\n';
        return ExitUsage;
    }
    destination.includeSegmentNames = parser.isSet(names);
    destination.includeSegmentTimestamps = parser.isSet(timestamps);
    if (!positiveInt(context, command, parser, timeout, 1, &destination.timeoutMs) ||
        !positiveInt(context, command, parser, retries, 0, &destination.maxRetries))
        return ExitUsage;
    destination.createdAt = destination.updatedAt = QDateTime::currentMSecsSinceEpoch();

    DestinationStore store(context, command);
    if (!store.open())
        return ExitFailure;
    if (!store.store.insertDestination(destination)) {
        store.failed();
        // A duplicate name is the administrator's to fix.
        return store.store.destinationByName(destination.name) ? ExitUsage : ExitFailure;
    }
    if (context.json)
        context.out << QJsonDocument(destinationJson(destination)).toJson(QJsonDocument::Compact)
                    << '\n';
    else
        context.out
            << Text::tr("Destination “%1” added (id %2).").arg(destination.name, destination.id)
            << '\n';
    return ExitSuccess;
}

int listDestinations(Context &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    Context sub{arguments, context.json, context.storePath, context.out, context.err};
    DestinationStore store(context, QStringLiteral("destination list"));
    if (!parseCommandOptions(parser, sub, store.command, false))
        return ExitUsage;
    if (!store.open())
        return ExitFailure;
    const QList<Destination> destinations = store.store.destinations();
    if (!store.store.lastError().isEmpty())
        return store.failed();
    if (context.json) {
        QJsonArray list;
        for (const Destination &destination : destinations)
            list.append(destinationJson(destination));
        context.out << QJsonDocument(list).toJson(QJsonDocument::Compact) << '\n';
        return ExitSuccess;
    }
    if (destinations.isEmpty()) {
        context.out << Text::tr("No destination yet: add one with 'outflowctl destination add'.")
                    << '\n';
        return ExitSuccess;
    }
    context.out << Text::tr("ID\tNAME\tENDPOINT\tENABLED\tAUTH") << '\n';
    for (const Destination &d : destinations)
        context.out << d.id << '\t' << d.name << '\t' << d.endpoint.toString() << '\t'
                    << (d.enabled ? Text::tr("yes") : Text::tr("no")) << '\t'
                    << authTypeName(d.auth) << '\n';
    return ExitSuccess;
}

// show, enable, disable, remove: one destination by id or name.
int oneDestination(Context &context, const QString &action, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("destination"), Text::tr("Id or name."));
    Context sub{arguments, context.json, context.storePath, context.out, context.err};
    DestinationStore store(context, QStringLiteral("destination %1").arg(action));
    if (!parseCommandOptions(parser, sub, store.command, true))
        return ExitUsage;
    if (parser.positionalArguments().size() != 1) {
        context.err << store.command << ": " << Text::tr("give exactly one destination id or name.")
                    << '\n';
        return ExitUsage;
    }
    if (!store.open())
        return ExitFailure;
    std::optional<Destination> destination = store.find(parser.positionalArguments().first());
    if (!destination)
        return store.store.lastError().isEmpty() ? ExitUsage : ExitFailure;
    if (action == QLatin1String("show")) {
        QJsonObject object = destinationToJson(*destination);
        const QJsonObject summary = destinationJson(*destination);
        for (auto it = summary.begin(); it != summary.end(); ++it)
            object.insert(it.key(), it.value());
        object.insert(QStringLiteral("createdAt"), destination->createdAt);
        object.insert(QStringLiteral("updatedAt"), destination->updatedAt);
        context.out << QJsonDocument(object).toJson(context.json ? QJsonDocument::Compact
                                                                 : QJsonDocument::Indented);
        if (context.json)
            context.out << '\n';
        return ExitSuccess;
    }
    if (action == QLatin1String("remove")) {
        if (!store.store.deleteDestination(destination->id))
            return store.failed();
        context.out << Text::tr("Destination “%1” removed, with its dataflow and queued exports.")
                           .arg(destination->name)
                    << '\n';
        return ExitSuccess;
    }
    destination->enabled = action == QLatin1String("enable");
    destination->updatedAt = QDateTime::currentMSecsSinceEpoch();
    if (!store.store.updateDestination(*destination))
        return store.failed();
    context.out << (destination->enabled ? Text::tr("Destination “%1” enabled.")
                                         : Text::tr("Destination “%1” disabled: nothing is "
                                                    "queued for it until it is enabled again."))
                       .arg(destination->name)
                << '\n';
    return ExitSuccess;
}

} // namespace

int destinationCommand(Context &context)
{
    const QStringList &args = context.arguments;
    const QString action = args.size() > 1 ? args.at(1) : QString();
    QStringList rest = args.mid(2);
    rest.prepend(QStringLiteral("outflowctl destination %1").arg(action));
    if (action == QLatin1String("add"))
        return addDestination(context, rest);
    if (action == QLatin1String("list"))
        return listDestinations(context, rest);
    for (const char *one : {"show", "enable", "disable", "remove"}) {
        if (action == QLatin1String(one))
            return oneDestination(context, action, rest);
    }
    if (action == QLatin1String("--help") || action == QLatin1String("-h")) {
        context.out << Text::tr("Usage: outflowctl destination ACTION [options]\n"
                                "  add --name N --endpoint URL [--description D]\n"
                                "      [--include-segment-names] [--include-segment-timestamps]\n"
                                "      [--timeout-ms 2000] [--max-retries 2]\n"
                                "  list\n"
                                "  show|enable|disable|remove ID|NAME\n"
                                "Each action takes --help for its options.")
                    << '\n';
        return ExitSuccess;
    }
    context.err << (action.isEmpty()
                        ? Text::tr("destination: give an action: add, list, show, enable, "
                                   "disable or remove.")
                        : Text::tr("destination: unknown action '%1'.").arg(action))
                << '\n';
    return ExitUsage;
}

} // namespace outflow::cli
