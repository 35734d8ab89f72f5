// `outflowctl deliveries DESTINATION [--failed] [--limit N]` and
// `outflowctl replay DESTINATION [--failed] [--export ID]…` (--export repeatable).
#include "activation/activationservice.h"
#include "app/paths.h"
#include "cli.h"
#include "command.h"
#include "store/sqlitestore.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace outflow::cli {

namespace {

constexpr int DefaultLimit = 100;

QString isoTime(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs)
                  : QString();
}

// DESIGN §5's keys first ({"exportId", "profile", "status", "attempts",
// "latencyMs", "reason", "error"}), then more: "status" is the HTTP status
// (0 without an answer), "reason" why the attempt did not deliver ("timeout",
// "connection-refused", "http-status", "tls", "auth", …; empty when it did).
QJsonObject logEntryJson(const DeliveryLogEntry &entry)
{
    QJsonObject json{{QStringLiteral("exportId"), entry.exportId},
                     {QStringLiteral("profile"), entry.profileId},
                     {QStringLiteral("status"), entry.httpStatus},
                     {QStringLiteral("attempts"), entry.attempt},
                     {QStringLiteral("latencyMs"), entry.latencyMs},
                     {QStringLiteral("reason"), entry.errorKind},
                     {QStringLiteral("error"), entry.error},
                     {QStringLiteral("outcome"), deliveryOutcomeName(entry.outcome)},
                     {QStringLiteral("time"), isoTime(entry.attemptedAt)},
                     {QStringLiteral("lane"), exportLaneName(entry.lane)},
                     {QStringLiteral("response"), entry.responseExcerpt},
                     {QStringLiteral("responseHeaders"), entry.responseHeaders}};
    // Batched delivery (issue #22): the request's X-Outflow-Batch-Id, for
    // an export sent in a batch only.
    if (!entry.batchId.isEmpty())
        json.insert(QStringLiteral("batchId"), entry.batchId);
    return json;
}

QJsonObject failedJson(const FailedExport &failed)
{
    const OutboxExport &row = failed.exportRow;
    return QJsonObject{{QStringLiteral("exportId"), row.exportId},
                       {QStringLiteral("profile"), row.profileId},
                       {QStringLiteral("status"), failed.httpStatus},
                       {QStringLiteral("attempts"), row.attempts},
                       {QStringLiteral("latencyMs"), QJsonValue()},
                       {QStringLiteral("reason"), failed.errorKind},
                       {QStringLiteral("error"), failed.error},
                       {QStringLiteral("outcome"), QStringLiteral("failed")},
                       {QStringLiteral("time"), isoTime(failed.lastAttemptAt)},
                       {QStringLiteral("lane"), exportLaneName(row.lane)},
                       {QStringLiteral("response"), failed.responseExcerpt}};
}

struct Target
{
    Destination destination;
    Dataflow dataflow;
};

// The destination named by the one positional argument, with its dataflow.
std::optional<Target> findTarget(Context &context, const QString &command,
                                 const QCommandLineParser &parser, SqliteStore &store, int *exit)
{
    if (parser.positionalArguments().size() != 1) {
        context.err << command << ": " << Text::tr("give exactly one destination id or name.")
                    << '\n';
        *exit = ExitUsage;
        return std::nullopt;
    }
    if (!store.open()) {
        context.err << command << ": " << store.lastError() << '\n';
        *exit = ExitFailure;
        return std::nullopt;
    }
    ActivationService service(store);
    const std::optional<Destination> destination =
        service.findDestination(parser.positionalArguments().constFirst());
    const std::optional<Dataflow> dataflow =
        destination ? store.dataflowOfDestination(destination->id) : std::nullopt;
    if (!destination || !dataflow) {
        const bool input = destination
                               ? store.lastError().isEmpty()
                               : service.lastErrorKind() == ActivationService::ErrorKind::Input;
        context.err << command << ": "
                    << (!destination ? service.lastError()
                        : input ? Text::tr("the destination “%1” has no dataflow: nothing was "
                                           "ever queued for it.")
                                      .arg(destination->name)
                                : store.lastError())
                    << '\n';
        *exit = input ? ExitUsage : ExitFailure;
        return std::nullopt;
    }
    return Target{*destination, *dataflow};
}

void printText(Context &context, const QJsonArray &rows)
{
    if (rows.isEmpty()) {
        context.out << Text::tr("Nothing to show.") << '\n';
        return;
    }
    context.out << Text::tr("TIME\tEXPORT\tPROFILE\tOUTCOME\tSTATUS\tATTEMPT\tLATENCY MS\tERROR")
                << '\n';
    for (const QJsonValue &value : rows) {
        const QJsonObject row = value.toObject();
        const QJsonValue latency = row.value(u"latencyMs");
        context.out << row.value(u"time").toString() << '\t' << row.value(u"exportId").toString()
                    << '\t' << row.value(u"profile").toInteger() << '\t'
                    << row.value(u"outcome").toString() << '\t' << row.value(u"status").toInt()
                    << '\t' << row.value(u"attempts").toInt() << '\t'
                    << (latency.isNull() ? QStringLiteral("-")
                                         : QString::number(latency.toInteger()))
                    << '\t' << row.value(u"error").toString() << '\n';
        const QString response = row.value(u"response").toString();
        if (!response.isEmpty() && row.value(u"outcome").toString() != u"delivered")
            context.out << "  " << Text::tr("response: %1").arg(response.simplified()) << '\n';
    }
}

} // namespace

int deliveriesCommand(Context &context)
{
    const QString command = QStringLiteral("deliveries");
    QCommandLineParser parser;
    const QCommandLineOption failedOption(
        QStringLiteral("failed"), Text::tr("List the failed exports (dead letters) instead."));
    const QCommandLineOption limitOption(QStringLiteral("limit"),
                                         Text::tr("At most N rows (default 100)."),
                                         QStringLiteral("N"), QString::number(DefaultLimit));
    parser.addOptions({failedOption, limitOption});
    parser.addPositionalArgument(QStringLiteral("destination"), Text::tr("Id or name."));
    if (const std::optional<int> exitCode = parseCommandOptions(parser, context, command, true))
        return *exitCode;
    bool ok = false;
    const int limit = parser.value(limitOption).toInt(&ok);
    if (!ok || limit < 1) {
        context.err << command << ": "
                    << Text::tr("--limit must be a whole number of at least 1, not '%1'.")
                           .arg(parser.value(limitOption))
                    << '\n';
        return ExitUsage;
    }
    SqliteStore store(paths::resolveStorePath(context.storePath));
    int exit = ExitSuccess;
    const std::optional<Target> target = findTarget(context, command, parser, store, &exit);
    if (!target)
        return exit;
    QJsonArray rows;
    if (parser.isSet(failedOption)) {
        for (const FailedExport &failed : store.failedExports(target->dataflow.id, limit))
            rows.append(failedJson(failed));
    } else {
        for (const DeliveryLogEntry &entry : store.deliveryLog(target->destination.id, limit))
            rows.append(logEntryJson(entry));
    }
    if (!store.lastError().isEmpty()) {
        context.err << command << ": " << store.lastError() << '\n';
        return ExitFailure;
    }
    if (context.json)
        context.out << QJsonDocument(rows).toJson(QJsonDocument::Compact) << '\n';
    else
        printText(context, rows);
    return ExitSuccess;
}

int replayCommand(Context &context)
{
    const QString command = QStringLiteral("replay");
    QCommandLineParser parser;
    // Delivered exports leave the outbox: the failed ones are all there is to
    // replay, so --failed is what replay does, said or not.
    const QCommandLineOption failedOption(QStringLiteral("failed"),
                                          Text::tr("Re-queue the failed exports (the default)."));
    const QCommandLineOption exportOption(
        QStringLiteral("export"),
        Text::tr("Re-queue only this failed export (repeatable; default: every failed one)."),
        QStringLiteral("ID"));
    parser.addOptions({failedOption, exportOption});
    parser.addPositionalArgument(QStringLiteral("destination"), Text::tr("Id or name."));
    if (const std::optional<int> exitCode = parseCommandOptions(parser, context, command, true))
        return *exitCode;
    QStringList exportIds;
    for (const QString &value : parser.values(exportOption)) {
        const QString id = value.trimmed();
        if (id.isEmpty()) {
            context.err << command << ": " << Text::tr("--export needs an export id.") << '\n';
            return ExitUsage;
        }
        if (!exportIds.contains(id))
            exportIds.append(id);
    }
    SqliteStore store(paths::resolveStorePath(context.storePath));
    int exit = ExitSuccess;
    const std::optional<Target> target = findTarget(context, command, parser, store, &exit);
    if (!target)
        return exit;
    qint64 superseded = 0;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 replayed = 0;
    if (exportIds.isEmpty()) {
        replayed = store.replayFailed(target->dataflow.id, now, &superseded);
    } else {
        // All or nothing: an id that is not a dead letter here is bad input,
        // and the others are left as they were.
        if (!store.begin()) {
            context.err << command << ": " << store.lastError() << '\n';
            return ExitFailure;
        }
        QStringList notFailed;
        replayed =
            store.replayFailedExports(target->dataflow.id, exportIds, now, &superseded, &notFailed);
        if (replayed < 0 || !notFailed.isEmpty() || !store.commit()) {
            const QString error = store.lastError();
            store.rollback();
            if (replayed >= 0 && !notFailed.isEmpty()) {
                context.err << command << ": "
                            << Text::tr("export %1 is not a failed export of “%2”; nothing was "
                                        "replayed ('outflowctl deliveries “%2” --failed' lists "
                                        "them).")
                                   .arg(notFailed.constFirst(), target->destination.name)
                            << '\n';
                return ExitUsage;
            }
            context.err << command << ": " << error << '\n';
            return ExitFailure;
        }
    }
    if (replayed < 0) {
        context.err << command << ": " << store.lastError() << '\n';
        return ExitFailure;
    }
    if (context.json) {
        context.out << QJsonDocument(QJsonObject{{QStringLiteral("replayed"), replayed},
                                                 {QStringLiteral("superseded"), superseded}})
                           .toJson(QJsonDocument::Compact)
                    << '\n';
        return ExitSuccess;
    }
    const int replayedCount = int(replayed);
    context.out << Text::tr("%n failed export(s) queued again for “%1” (same export ids); "
                            "'outflowctl run' or the app sends them.",
                            nullptr, replayedCount)
                       .arg(target->destination.name)
                << '\n';
    // A newer export of the same profile carries its current state: the
    // older one would deliver stale data last (issue #21).
    const int supersededCount = int(superseded);
    if (supersededCount > 0)
        context.out << Text::tr("%n older failed export(s) not sent again: a newer export of "
                                "the same profile replaced each (outflowctl deliveries “%1” "
                                "lists them as superseded).",
                                nullptr, supersededCount)
                           .arg(target->destination.name)
                    << '\n';
    return ExitSuccess;
}

} // namespace outflow::cli
