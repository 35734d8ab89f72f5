// `outflowctl alerts [--all]`: the alerts monitoring raised (DESIGN §5).
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

QString isoTime(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate) : QString();
}

} // namespace

int alertsCommand(Context &context)
{
    QCommandLineParser parser;
    const QCommandLineOption all(QStringLiteral("all"),
                                 Text::tr("Also list resolved alerts (newest first)."));
    parser.addOption(all);
    if (const std::optional<int> exitCode =
            parseCommandOptions(parser, context, QStringLiteral("alerts"), false))
        return *exitCode;
    SqliteStore store(paths::resolveStorePath(context.storePath));
    if (!store.open()) {
        context.err << Text::tr("alerts: %1").arg(store.lastError()) << '\n';
        return ExitFailure;
    }
    const QList<Alert> alerts = store.alerts(!parser.isSet(all));
    if (!store.lastError().isEmpty()) {
        context.err << Text::tr("alerts: %1").arg(store.lastError()) << '\n';
        return ExitFailure;
    }
    if (context.json) {
        QJsonArray list;
        for (const Alert &alert : alerts)
            list.append(alertToJson(alert));
        context.out << QJsonDocument(list).toJson(QJsonDocument::Compact) << '\n';
        return ExitSuccess;
    }
    if (alerts.isEmpty()) {
        context.out << (parser.isSet(all) ? Text::tr("No alert was ever raised.")
                                          : Text::tr("No active alert."))
                    << '\n';
        return ExitSuccess;
    }
    for (const Alert &alert : alerts) {
        context.out << isoTime(alert.raisedAt) << '\t' << alertKindId(alert.kind) << '\t'
                    << (alert.isActive() ? Text::tr("active")
                                         : Text::tr("resolved %1").arg(isoTime(alert.resolvedAt)))
                    << '\t' << alert.message << '\n';
    }
    return ExitSuccess;
}

} // namespace outflow::cli
