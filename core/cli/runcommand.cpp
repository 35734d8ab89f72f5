#include "alertcommandrunner.h"
#include "app/paths.h"
#include "cli.h"
#include "command.h"
#include "delivery/destinationsecretsloader.h"
#include "engine/engine.h"
#include "ingest/ingestserver.h"
#include "ingest/ingesttoken.h"
#include "secrets/secretstore.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace outflow::cli {

// `outflowctl ingest-token [--rotate]`: prints the bearer token of the local
// ingest endpoint, from the keychain (created on first use). Printed only
// because it was asked for, on stdout only, never logged.
int ingestTokenCommand(Context &context)
{
    QCommandLineParser parser;
    const QCommandLineOption rotateOption(QStringLiteral("rotate"),
                                          Text::tr("Replace the token with a new one."));
    parser.addOption(rotateOption);
    if (const std::optional<int> exitCode =
            parseCommandOptions(parser, context, QStringLiteral("ingest-token"), false))
        return *exitCode;
    auto *secrets = new SecretStore(QCoreApplication::instance());
    obtainIngestToken(*secrets, parser.isSet(rotateOption), secrets,
                      [&context](const QByteArray &token, const SecretResult &result) {
                          if (token.isEmpty()) {
                              context.err << result.message() << '\n';
                              context.err.flush();
                              QCoreApplication::exit(ExitFailure);
                              return;
                          }
                          context.out << token << '\n';
                          context.out.flush();
                          QCoreApplication::exit(ExitSuccess);
                      });
    return RunEventLoop;
}

namespace {

// What a run leaves, per destination: printed when --until-idle stops.
void printIdleSummary(Context &context, Engine &engine,
                      const QHash<QString, DeliveryMetrics> &metrics)
{
    Store &store = *engine.store();
    const QList<Destination> destinations = store.destinations();
    QJsonArray list;
    for (const Destination &destination : destinations) {
        const std::optional<Dataflow> dataflow = store.dataflowOfDestination(destination.id);
        if (!dataflow)
            continue;
        const DeliveryMetrics figures = metrics.value(destination.id);
        const OutboxSummary outbox = store.outboxSummary(dataflow->id).value_or(OutboxSummary());
        list.append(QJsonObject{{QStringLiteral("destination"), destination.name},
                                {QStringLiteral("enabled"), destination.enabled},
                                {QStringLiteral("delivered"), figures.delivered},
                                {QStringLiteral("retried"), figures.retried},
                                {QStringLiteral("failed"), figures.failed},
                                {QStringLiteral("backlog"), outbox.backlog()},
                                {QStringLiteral("deadLetters"), outbox.failed}});
        if (context.json)
            continue;
        context.out << Text::tr("%1: %2 delivered, %3 retried, %4 failed in this run.")
                           .arg(destination.name)
                           .arg(figures.delivered)
                           .arg(figures.retried)
                           .arg(figures.failed)
                    << '\n';
        if (outbox.failed > 0)
            context.out << Text::tr("  %n dead letter(s) kept: outflowctl deliveries \"%1\" "
                                    "--failed, then outflowctl replay \"%1\" --failed.",
                                    nullptr, int(outbox.failed))
                               .arg(destination.name)
                        << '\n';
        if (outbox.backlog() > 0)
            context.out << Text::tr("  %n export(s) still queued: the destination is disabled "
                                    "or cannot send.",
                                    nullptr, int(outbox.backlog()))
                        << '\n';
    }
    for (const QString &problem : engine.deliveryProblems())
        context.err << Text::tr("run: %1").arg(problem) << '\n';
    if (context.json)
        context.out << QJsonDocument(list).toJson(QJsonDocument::Compact) << '\n';
    context.out.flush();
    context.err.flush();
}

} // namespace

// `outflowctl run [--until-idle] [--ingest-port P]`: runs the engine until
// SIGTERM/SIGINT (or, with --until-idle, until nothing is left to do): walks
// backfills, delivers the outbox and, with --ingest-port, serves the local
// ingest endpoint.
//
// Idle means: no backfill left, and for every enabled destination with a
// dataflow nothing in flight, nothing due and nothing waiting for a retry;
// what remains is dead letters (or the exports of a destination that cannot
// send: disabled, missing secrets, bad TLS files, said on stderr). Exports
// waiting for a retry are waited for, since the retry schedule bounds that
// wait (45 s by default) and a script running --until-idle wants every
// export delivered or failed for good; the wait is announced on stdout.
int runCommand(Context &context)
{
    QCommandLineParser parser;
    const QCommandLineOption portOption(QStringLiteral("ingest-port"),
                                        Text::tr("Serve POST /v1/fragments on this port."),
                                        QStringLiteral("P"));
    const QCommandLineOption addressOption(
        QStringLiteral("ingest-address"),
        Text::tr("Address to listen on (default 127.0.0.1; anything else exposes the endpoint)."),
        QStringLiteral("ADDRESS"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption limitOption(
        QStringLiteral("max-body-bytes"),
        Text::tr("Largest request body accepted (default 16 MiB)."), QStringLiteral("N"),
        QString::number(IngestServer::DefaultMaxBodyBytes));
    const QCommandLineOption untilIdleOption(
        QStringLiteral("until-idle"), Text::tr("Stop when there is nothing left to deliver."));
    const QCommandLineOption alertCommandOption(
        QStringLiteral("alert-command"),
        Text::tr("Run CMD (through /bin/sh) for each subscribed alert raised, the alert as JSON "
                 "on its standard input."),
        QStringLiteral("CMD"));
    parser.addOptions(
        {portOption, addressOption, limitOption, untilIdleOption, alertCommandOption});
    if (const std::optional<int> exitCode =
            parseCommandOptions(parser, context, QStringLiteral("run"), false))
        return *exitCode;
    const bool serveIngest = parser.isSet(portOption);
    bool ok = !serveIngest;
    const uint port = serveIngest ? parser.value(portOption).toUInt(&ok) : 0;
    if (!ok || port > 65535) {
        context.err << Text::tr("run: --ingest-port must be a number from 0 to 65535, not '%1'.")
                           .arg(parser.value(portOption))
                    << '\n';
        return ExitUsage;
    }
    const QHostAddress address(parser.value(addressOption));
    if (address.isNull()) {
        context.err << Text::tr("run: --ingest-address '%1' is not an IP address.")
                           .arg(parser.value(addressOption))
                    << '\n';
        return ExitUsage;
    }
    const qint64 maxBody = parser.value(limitOption).toLongLong(&ok);
    if (!ok || maxBody < 1) {
        context.err << Text::tr("run: --max-body-bytes must be a positive number, not '%1'.")
                           .arg(parser.value(limitOption))
                    << '\n';
        return ExitUsage;
    }

    auto *engine =
        new Engine(paths::resolveStorePath(context.storePath), QCoreApplication::instance());
    // The Engine (and its senders' threads) goes as soon as the event loop
    // ends, not among the application's children: a sender still starting
    // then would use Qt's TLS backends while the application destroys them
    // ("pure virtual method called", seen when a run fails at once).
    QObject::connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit,
                     QCoreApplication::instance(), [engine] { delete engine; });
    QObject::connect(engine, &Engine::failed, engine, [&context](const QString &message) {
        context.err << Text::tr("run: %1").arg(message) << '\n';
        context.err.flush();
        QCoreApplication::exit(ExitFailure);
    });
    QObject::connect(engine, &Engine::ingestEndpointStarted, engine,
                     [&context, address](quint16 bound) {
                         const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                                                  ? QStringLiteral("[%1]").arg(address.toString())
                                                  : address.toString();
                         context.out << Text::tr("Ingest endpoint: POST http://%1:%2/v1/fragments "
                                                 "(bearer token: outflowctl ingest-token)")
                                            .arg(host)
                                            .arg(bound)
                                     << Qt::endl;
                     });
    // Subscribed alerts: one line each on stderr, for the operator or the log,
    // and the administrator's command if one was given.
    AlertCommandRunner *alertCommand =
        parser.value(alertCommandOption).trimmed().isEmpty()
            ? nullptr
            : new AlertCommandRunner(parser.value(alertCommandOption), context.err, engine);
    QObject::connect(engine, &Engine::alertsRaised, engine,
                     [&context, alertCommand](const QList<Alert> &alerts) {
                         for (const Alert &alert : alerts)
                             context.err << Text::tr("run: alert %1: %2")
                                                .arg(alertKindId(alert.kind), alert.message)
                                         << Qt::endl;
                         if (alertCommand)
                             alertCommand->run(alerts);
                     });
    const bool untilIdle = parser.isSet(untilIdleOption);
    QObject::connect(
        engine, &Engine::backfillProgress, engine,
        [&context](const QString &dataflowId, qint64 done, qint64 total, bool finished) {
            if (finished)
                context.out << Text::tr("Backfill of dataflow %1 done: %n profile(s).", nullptr,
                                        int(done))
                                   .arg(dataflowId)
                            << Qt::endl;
            Q_UNUSED(total);
        });
    // Secrets come from the keychain, read here on the main thread.
    auto *keychain = new SecretStore(engine);
    auto *secretsLoader = new DestinationSecretsLoader(*keychain, engine);
    QObject::connect(engine, &Engine::secretsNeeded, secretsLoader,
                     &DestinationSecretsLoader::load);
    QObject::connect(secretsLoader, &DestinationSecretsLoader::loaded, engine,
                     &Engine::setDestinationSecrets);
    QObject::connect(secretsLoader, &DestinationSecretsLoader::unavailable, engine,
                     &Engine::destinationSecretsUnavailable);
    QObject::connect(engine, &Engine::senderFailed, engine,
                     [&context](const QString &, const QString &message) {
                         context.err << Text::tr("run: %1").arg(message) << Qt::endl;
                     });
    auto metrics = std::make_shared<QHash<QString, DeliveryMetrics>>();
    auto announcedRetry = std::make_shared<QHash<QString, qint64>>();
    QObject::connect(
        engine, &Engine::deliveryMetrics, engine,
        [&context, metrics, announcedRetry, engine](const DeliveryMetrics &figures) {
            metrics->insert(figures.destinationId, figures);
            // Only retries left: say what is being waited for, once per retry time.
            if (figures.inFlight > 0 || figures.retrying == 0 ||
                figures.backlog != figures.retrying ||
                announcedRetry->value(figures.destinationId) == figures.nextRetryAt)
                return;
            announcedRetry->insert(figures.destinationId, figures.nextRetryAt);
            const std::optional<Destination> destination =
                engine->store()->destination(figures.destinationId);
            const qint64 inMs = figures.nextRetryAt - QDateTime::currentMSecsSinceEpoch();
            context.out << Text::tr("%1: %n export(s) waiting for a retry, the next in %2 s.",
                                    nullptr, int(figures.retrying))
                               .arg(destination ? destination->name : figures.destinationId)
                               .arg(QString::number(std::max<qint64>(0, inMs) / 1000.0, 'f', 1))
                        << Qt::endl;
        });
    if (untilIdle && !serveIngest)
        QObject::connect(engine, &Engine::idle, engine, [&context, engine, metrics] {
            printIdleSummary(context, *engine, *metrics);
            QCoreApplication::exit(ExitSuccess);
        });
    // The engine would try the page again later; a script wants an answer now.
    if (untilIdle && !serveIngest)
        QObject::connect(engine, &Engine::backfillFailed, engine,
                         [&context](const QString &message) {
                             context.err << Text::tr("run: %1").arg(message) << '\n';
                             context.err.flush();
                             QCoreApplication::exit(ExitFailure);
                         });
    engine->open();
    if (!engine->store())
        return ExitFailure; // failed() printed why
    if (!serveIngest)
        return RunEventLoop;
    auto *secrets = new SecretStore(engine);
    obtainIngestToken(*secrets, false, engine,
                      [&context, engine, port, address, maxBody](const QByteArray &token,
                                                                 const SecretResult &result) {
                          if (token.isEmpty()) {
                              context.err
                                  << Text::tr("run: the ingest endpoint needs its token from "
                                              "the keychain: %1")
                                         .arg(result.message())
                                  << '\n';
                              context.err.flush();
                              QCoreApplication::exit(ExitFailure);
                              return;
                          }
                          engine->startIngestEndpoint(quint16(port), address, maxBody, token);
                      });
    return RunEventLoop;
}

} // namespace outflow::cli
