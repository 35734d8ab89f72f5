// `outflowctl destination add|edit|set-secret|list|show|test|enable|disable|remove`.
#include "app/paths.h"
#include "cli.h"
#include "command.h"
#include "delivery/destinationconfig.h"
#include "delivery/destinationsecrets.h"
#include "destinationcommand_p.h"
#include "model/destination.h"
#include "secrets/secretstore.h"
#include "store/sqlitestore.h"

#include <memory>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace outflow::cli {

// {"id", "name", "endpoint", "enabled", "auth"}: DESIGN §5, no secret.
QJsonObject destinationJson(const Destination &destination)
{
    return QJsonObject{{QStringLiteral("id"), destination.id},
                       {QStringLiteral("name"), destination.name},
                       {QStringLiteral("endpoint"), destination.endpoint.toString()},
                       {QStringLiteral("enabled"), destination.enabled},
                       {QStringLiteral("auth"), authTypeName(destination.auth)}};
}

namespace {

int listDestinations(Context &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    Context sub{arguments, context.json, context.storePath, context.out, context.err};
    DestinationStore store(context, QStringLiteral("destination list"));
    if (const std::optional<int> exitCode = parseCommandOptions(parser, sub, store.command, false))
        return *exitCode;
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

// Removes every secret a destination may have had in the keychain (absent
// ones answer NotFound), then exits: 0, or 1 naming what could not be removed.
void removeSecrets(Context &context, const Destination &destination)
{
    auto *keychain = new SecretStore(QCoreApplication::instance());
    QStringList keys = DestinationSecrets::keychainKeys(destination);
    // Also those of an authentication it no longer uses.
    for (const auto kind :
         {DestinationSecrets::Kind::BearerToken, DestinationSecrets::Kind::ClientSecret,
          DestinationSecrets::Kind::Password, DestinationSecrets::Kind::KeyPassphrase}) {
        const QString key = DestinationSecrets::keychainKey(destination.id, kind);
        if (!keys.contains(key))
            keys << key;
    }
    auto pending = std::make_shared<int>(int(keys.size()));
    auto failed = std::make_shared<bool>(false);
    for (const QString &key : keys) {
        SecretRequest *request = keychain->remove(key);
        QObject::connect(request, &SecretRequest::finished, keychain,
                         [&context, pending, failed](const SecretResult &result) {
                             if (result.isError()) {
                                 *failed = true;
                                 context.err << Text::tr("destination remove: a secret stays in "
                                                         "the keychain: %1")
                                                    .arg(result.message())
                                             << '\n';
                             }
                             if (--*pending == 0) {
                                 context.err.flush();
                                 context.out.flush();
                                 QCoreApplication::exit(*failed ? ExitFailure : ExitSuccess);
                             }
                         });
    }
}

// show, enable, disable, remove: one destination by id or name.
int oneDestination(Context &context, const QString &action, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("destination"), Text::tr("Id or name."));
    Context sub{arguments, context.json, context.storePath, context.out, context.err};
    DestinationStore store(context, QStringLiteral("destination %1").arg(action));
    if (const std::optional<int> exitCode = parseCommandOptions(parser, sub, store.command, true))
        return *exitCode;
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
    if (action == QLatin1String("show"))
        return showDestination(context, *destination);
    if (action == QLatin1String("remove")) {
        if (!store.store.deleteDestination(destination->id))
            return store.failed();
        context.out << Text::tr("Destination “%1” removed, with its dataflow and queued exports.")
                           .arg(destination->name)
                    << '\n';
        removeSecrets(context, *destination);
        return RunEventLoop;
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
    if (action == QLatin1String("edit"))
        return editDestination(context, rest);
    if (action == QLatin1String("set-secret"))
        return setDestinationSecret(context, rest);
    if (action == QLatin1String("list"))
        return listDestinations(context, rest);
    if (action == QLatin1String("test"))
        return destinationTestCommand(context, rest);
    for (const char *one : {"show", "enable", "disable", "remove"}) {
        if (action == QLatin1String(one))
            return oneDestination(context, action, rest);
    }
    if (action == QLatin1String("--help") || action == QLatin1String("-h")) {
        context.out
            << Text::tr("Usage: outflowctl destination ACTION [options]\n"
                        "  add --name N --endpoint URL [--description D]\n"
                        "      [--headers \"h1:v1,h2:v2\"] [--query \"p1=v&p2=v\"]\n"
                        "      [--auth none|bearer|oauth2-client-credentials|oauth2-password]\n"
                        "      [--token-url URL] [--client-id ID] [--credentials-in body|basic]\n"
                        "      [--username U] [--client-cert FILE] [--client-key FILE]\n"
                        "      [--ca-cert FILE] [--include-segment-names]\n"
                        "      [--include-segment-timestamps] [--http2-prior-knowledge]\n"
                        "      [--timeout-ms 2000] [--max-retries 2] [--alert KIND …]\n"
                        "      [--alert-threshold KEY=VALUE …]\n"
                        "      [--secret-header NAME …] [--secret-query NAME …]\n"
                        "      [--batch-max-exports 1] [--batch-max-age 1s]\n"
                        "      [--batch-max-bytes 1MiB]\n"
                        "    secrets: OUTFLOW_BEARER_TOKEN, OUTFLOW_CLIENT_SECRET,\n"
                        "    OUTFLOW_PASSWORD, OUTFLOW_KEY_PASSPHRASE,\n"
                        "    OUTFLOW_SECRET_HEADER_<NAME>, OUTFLOW_SECRET_QUERY_<NAME>,\n"
                        "    or asked on a terminal\n"
                        "  edit ID|NAME [any option of add]\n"
                        "  set-secret ID|NAME bearer-token|client-secret|password|\n"
                        "      key-passphrase|header:NAME|query:NAME\n"
                        "  list\n"
                        "  show|test|enable|disable|remove ID|NAME\n"
                        "Each action takes --help for its options.")
            << '\n';
        return ExitSuccess;
    }
    context.err << (action.isEmpty()
                        ? Text::tr("destination: give an action: add, edit, set-secret, list, "
                                   "show, test, enable, disable or remove.")
                        : Text::tr("destination: unknown action '%1'.").arg(action))
                << '\n';
    return ExitUsage;
}

} // namespace outflow::cli
