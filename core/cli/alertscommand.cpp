// `outflowctl alerts [--all] [--kind KIND] [--destination NAME]` and
// `outflowctl alerts acknowledge ID`: the alerts monitoring raised (DESIGN §5).
#include "app/paths.h"
#include "cli.h"
#include "command.h"
#include "delivery/destinationconfig.h"
#include "monitoring/monitor.h"
#include "store/sqlitestore.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace outflow::cli {

namespace {

QString isoTime(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate) : QString();
}

QString stateText(const Alert &alert)
{
    if (!alert.isActive())
        return Text::tr("resolved %1").arg(isoTime(alert.resolvedAt));
    if (alert.isAcknowledged())
        return Text::tr("active, acknowledged %1").arg(isoTime(alert.acknowledgedAt));
    return Text::tr("active");
}

// `alerts acknowledge ID`: exit 2 when no alert has the id or it is resolved.
int acknowledge(Context &context, SqliteStore &store, const QString &id)
{
    const AlertAcknowledgement result =
        Monitor::acknowledge(store, id, QDateTime::currentMSecsSinceEpoch());
    using Outcome = AlertAcknowledgement::Outcome;
    if (!result.ok()) {
        context.err << Text::tr("alerts acknowledge: %1").arg(result.error) << '\n';
        return result.outcome == Outcome::StoreFailed ? ExitFailure : ExitUsage;
    }
    if (context.json) {
        context.out << QJsonDocument(alertToJson(result.alert)).toJson(QJsonDocument::Compact)
                    << '\n';
        return ExitSuccess;
    }
    const QString when = isoTime(result.alert.acknowledgedAt);
    context.out << (result.outcome == Outcome::Acknowledged
                        ? Text::tr("Alert %1 acknowledged at %2: it stays active until its "
                                   "condition clears, without being announced again.")
                              .arg(id, when)
                        : Text::tr("Alert %1 was already acknowledged at %2.").arg(id, when))
                << '\n';
    return ExitSuccess;
}

} // namespace

int alertsCommand(Context &context)
{
    QCommandLineParser parser;
    const QCommandLineOption all(QStringLiteral("all"),
                                 Text::tr("Also list resolved alerts (newest first)."));
    const QCommandLineOption kind(
        QStringLiteral("kind"),
        Text::tr("Only alerts of this kind (%1).").arg(knownAlertKinds().join(QLatin1String(", "))),
        QStringLiteral("KIND"));
    const QCommandLineOption destination(QStringLiteral("destination"),
                                         Text::tr("Only the alerts of this destination."),
                                         QStringLiteral("NAME"));
    parser.addOptions({all, kind, destination});
    parser.addPositionalArgument(QStringLiteral("acknowledge"),
                                 Text::tr("acknowledge ID: the alert stays active until its "
                                          "condition clears, but is no longer announced."),
                                 QStringLiteral("[acknowledge ID]"));
    if (const std::optional<int> exitCode =
            parseCommandOptions(parser, context, QStringLiteral("alerts"), true))
        return *exitCode;
    const QStringList positional = parser.positionalArguments();
    const bool acknowledging =
        !positional.isEmpty() && positional.constFirst() == QLatin1String("acknowledge");
    if (acknowledging && positional.size() != 2) {
        context.err << Text::tr("alerts acknowledge: give the id of one alert (outflowctl alerts "
                                "lists them).")
                    << '\n';
        return ExitUsage;
    }
    if (!acknowledging && !positional.isEmpty()) {
        context.err << Text::tr("alerts: unexpected argument '%1' (did you mean acknowledge?)")
                           .arg(positional.constFirst())
                    << '\n';
        return ExitUsage;
    }
    std::optional<AlertKind> kindFilter;
    if (parser.isSet(kind)) {
        kindFilter = alertKindFromId(parser.value(kind));
        if (!kindFilter) {
            context.err << Text::tr("alerts: --kind: unknown alert kind '%1' (use one of %2).")
                               .arg(parser.value(kind), knownAlertKinds().join(QLatin1String(", ")))
                        << '\n';
            return ExitUsage;
        }
    }
    SqliteStore store(paths::resolveStorePath(context.storePath));
    if (!store.open()) {
        context.err << Text::tr("alerts: %1").arg(store.lastError()) << '\n';
        return ExitFailure;
    }
    if (acknowledging)
        return acknowledge(context, store, positional.at(1));

    QList<Alert> alerts = store.alerts(!parser.isSet(all));
    if (!store.lastError().isEmpty()) {
        context.err << Text::tr("alerts: %1").arg(store.lastError()) << '\n';
        return ExitFailure;
    }
    if (kindFilter)
        alerts.removeIf([&](const Alert &alert) { return alert.kind != *kindFilter; });
    if (parser.isSet(destination)) {
        // An alert keeps the name its destination had when it was raised; a
        // renamed destination's alerts are found by its id.
        const QString name = parser.value(destination);
        const std::optional<Destination> current = store.destinationByName(name);
        alerts.removeIf([&](const Alert &alert) {
            return alert.destinationName != name &&
                   (!current || alert.destinationId != current->id);
        });
    }
    if (context.json) {
        QJsonArray list;
        for (const Alert &alert : alerts)
            list.append(alertToJson(alert));
        context.out << QJsonDocument(list).toJson(QJsonDocument::Compact) << '\n';
        return ExitSuccess;
    }
    if (alerts.isEmpty()) {
        const bool filtered = kindFilter || parser.isSet(destination);
        context.out << (filtered            ? (parser.isSet(all) ? Text::tr("No alert matches.")
                                                                 : Text::tr("No active alert matches."))
                        : parser.isSet(all) ? Text::tr("No alert was ever raised.")
                                            : Text::tr("No active alert."))
                    << '\n';
        return ExitSuccess;
    }
    // One line each: what `alerts acknowledge` needs (the id) comes second.
    for (const Alert &alert : alerts) {
        context.out << isoTime(alert.raisedAt) << '\t' << alert.id << '\t'
                    << alertKindId(alert.kind) << '\t'
                    << (alert.destinationName.isEmpty() ? alert.destinationId
                                                        : alert.destinationName)
                    << '\t' << stateText(alert) << '\t' << alert.message << '\n';
    }
    return ExitSuccess;
}

} // namespace outflow::cli
