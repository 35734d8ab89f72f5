// `outflowctl activate`, `status` and `resend`: dataflows (DESIGN §5).
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

int reportFailure(Context &context, const QString &command, const ActivationService &service)
{
    context.err << command << ": " << service.lastError() << '\n';
    return service.lastErrorKind() == ActivationService::ErrorKind::Input ? ExitUsage : ExitFailure;
}

std::optional<ActivationTriggers> parseTriggers(const QString &list, QString *problem)
{
    ActivationTriggers triggers{false, false, false};
    for (const QString &name : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString trimmed = name.trimmed();
        if (trimmed == QLatin1String("attribute"))
            triggers.attribute = true;
        else if (trimmed == QLatin1String("segmentation"))
            triggers.segmentation = true;
        else if (trimmed == QLatin1String("identity"))
            triggers.identity = true;
        else {
            *problem = Text::tr("--triggers: unknown trigger '%1' (use attribute, segmentation, "
                                "identity, separated by commas).")
                           .arg(trimmed);
            return std::nullopt;
        }
    }
    return triggers;
}

QJsonObject backfillJson(const std::optional<Backfill> &backfill)
{
    if (!backfill)
        return QJsonObject{{QStringLiteral("done"), 0}, {QStringLiteral("total"), 0}};
    return QJsonObject{{QStringLiteral("done"), backfill->done},
                       {QStringLiteral("total"), backfill->total},
                       {QStringLiteral("kind"), backfillKindName(backfill->kind)},
                       {QStringLiteral("finished"), backfill->finished}};
}

} // namespace

int activateCommand(Context &context)
{
    const QString command = QStringLiteral("activate");
    QCommandLineParser parser;
    const QCommandLineOption audience(QStringLiteral("audience"),
                                      Text::tr("Map this audience (id or name); repeatable."),
                                      QStringLiteral("A"));
    const QCommandLineOption removeAudience(QStringLiteral("remove-audience"),
                                            Text::tr("Unmap this audience; repeatable."),
                                            QStringLiteral("A"));
    const QCommandLineOption attribute(QStringLiteral("attribute"),
                                       Text::tr("Map this XDM path; repeatable."),
                                       QStringLiteral("PATH"));
    const QCommandLineOption removeAttribute(QStringLiteral("remove-attribute"),
                                             Text::tr("Unmap this XDM path; repeatable."),
                                             QStringLiteral("PATH"));
    const QCommandLineOption identifier(QStringLiteral("identifier"),
                                        Text::tr("The mapped path that identifies a profile."),
                                        QStringLiteral("PATH"));
    const QCommandLineOption mandatory(
        QStringLiteral("mandatory"),
        Text::tr("A mapped path a profile must have to be exported (else it is excluded); "
                 "repeatable."),
        QStringLiteral("PATH"));
    const QCommandLineOption triggers(
        QStringLiteral("triggers"),
        Text::tr("Changes that export: attribute,segmentation,identity (default: all)."),
        QStringLiteral("LIST"));
    parser.addOptions(
        {audience, removeAudience, attribute, removeAttribute, identifier, mandatory, triggers});
    parser.addPositionalArgument(QStringLiteral("destination"), Text::tr("Id or name."));
    if (const std::optional<int> exitCode = parseCommandOptions(parser, context, command, true))
        return *exitCode;
    if (parser.positionalArguments().size() != 1) {
        context.err << Text::tr("activate: give exactly one destination id or name.") << '\n';
        return ExitUsage;
    }
    ActivationRequest request;
    request.destination = parser.positionalArguments().constFirst();
    request.audiences = parser.values(audience);
    request.removeAudiences = parser.values(removeAudience);
    request.attributes = parser.values(attribute);
    request.removeAttributes = parser.values(removeAttribute);
    request.identifier = parser.value(identifier);
    request.mandatory = parser.values(mandatory);
    if (parser.isSet(triggers)) {
        QString problem;
        request.triggers = parseTriggers(parser.value(triggers), &problem);
        if (!request.triggers) {
            context.err << command << ": " << problem << '\n';
            return ExitUsage;
        }
    }
    SqliteStore store(paths::resolveStorePath(context.storePath));
    if (!store.open()) {
        context.err << command << ": " << store.lastError() << '\n';
        return ExitFailure;
    }
    ActivationService service(store);
    const std::optional<ActivationSummary> summary = service.activate(request);
    if (!summary)
        return reportFailure(context, command, service);
    const qint64 backfillSize = summary->backfill ? summary->backfill->total : 0;
    if (context.json) {
        context.out << QJsonDocument(QJsonObject{{QStringLiteral("dataflow"), summary->dataflow.id},
                                                 {QStringLiteral("created"), summary->created},
                                                 {QStringLiteral("dataflowConfig"),
                                                  dataflowConfigToJson(summary->dataflow)},
                                                 {QStringLiteral("backfill"),
                                                  backfillJson(summary->backfill)}})
                           .toJson(QJsonDocument::Compact)
                    << '\n';
        return ExitSuccess;
    }
    context.out << (summary->created
                        ? Text::tr("Dataflow %1 created (audiences: %2, attributes: %3).")
                        : Text::tr("Dataflow %1 updated (audiences: %2, attributes: %3)."))
                       .arg(summary->dataflow.id)
                       .arg(summary->dataflow.audiences.size())
                       .arg(summary->dataflow.attributes.size())
                << '\n';
    if (!summary->mappedNow.isEmpty())
        context.out << Text::tr("Backfill: %n profile(s) already realized will be exported "
                                "(by 'outflowctl run' or the app).",
                                nullptr, int(backfillSize))
                    << '\n';
    return ExitSuccess;
}

int resendCommand(Context &context)
{
    const QString command = QStringLiteral("resend");
    QCommandLineParser parser;
    const QCommandLineOption audience(QStringLiteral("audience"),
                                      Text::tr("The mapped audience to export again."),
                                      QStringLiteral("A"));
    parser.addOption(audience);
    parser.addPositionalArgument(QStringLiteral("destination"), Text::tr("Id or name."));
    if (const std::optional<int> exitCode = parseCommandOptions(parser, context, command, true))
        return *exitCode;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(audience)) {
        context.err << Text::tr("resend: give one destination and --audience A.") << '\n';
        return ExitUsage;
    }
    SqliteStore store(paths::resolveStorePath(context.storePath));
    if (!store.open()) {
        context.err << command << ": " << store.lastError() << '\n';
        return ExitFailure;
    }
    ActivationService service(store);
    const std::optional<Backfill> backfill =
        service.resend(parser.positionalArguments().constFirst(), parser.value(audience));
    if (!backfill)
        return reportFailure(context, command, service);
    if (context.json)
        context.out << QJsonDocument(backfillJson(backfill)).toJson(QJsonDocument::Compact) << '\n';
    else
        context.out << Text::tr("Resend queued: %n profile(s) will be exported again.", nullptr,
                                int(backfill->total))
                    << '\n';
    return ExitSuccess;
}

int statusCommand(Context &context)
{
    const QString command = QStringLiteral("status");
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("destination"), Text::tr("Id or name."));
    if (const std::optional<int> exitCode = parseCommandOptions(parser, context, command, true))
        return *exitCode;
    if (parser.positionalArguments().size() > 1) {
        context.err << Text::tr("status: give at most one destination.") << '\n';
        return ExitUsage;
    }
    SqliteStore store(paths::resolveStorePath(context.storePath));
    if (!store.open()) {
        context.err << command << ": " << store.lastError() << '\n';
        return ExitFailure;
    }
    ActivationService service(store);
    QList<Destination> destinations;
    if (parser.positionalArguments().isEmpty()) {
        destinations = store.destinations();
    } else if (const auto one = service.findDestination(parser.positionalArguments().first())) {
        destinations.append(*one);
    } else {
        return reportFailure(context, command, service);
    }
    QJsonArray list;
    for (const Destination &destination : std::as_const(destinations)) {
        const std::optional<DataflowStatus> status = service.status(destination);
        if (!status) {
            if (service.lastErrorKind() == ActivationService::ErrorKind::Input &&
                parser.positionalArguments().isEmpty())
                continue; // listing all: a destination without a dataflow has no figures
            return reportFailure(context, command, service);
        }
        QJsonObject excludedBy;
        for (auto it = status->counters.cbegin(); it != status->counters.cend(); ++it) {
            if (it.key().startsWith(QLatin1String("excluded:")))
                excludedBy.insert(it.key().mid(9), it.value());
        }
        const auto count = [&](const char *name) {
            return status->counters.value(QString::fromLatin1(name));
        };
        // The outbox by state: what waits (backlog) apart from the dead letters.
        const OutboxSummary outbox =
            store.outboxSummary(status->dataflow.id).value_or(OutboxSummary());
        const qint64 oldestPendingMs =
            outbox.oldestCreatedAt > 0
                ? std::max<qint64>(0, QDateTime::currentMSecsSinceEpoch() - outbox.oldestCreatedAt)
                : 0;
        list.append(QJsonObject{{QStringLiteral("destination"), destination.name},
                                {QStringLiteral("dataflow"), status->dataflow.id},
                                {QStringLiteral("enabled"), destination.enabled},
                                {QStringLiteral("received"), count("received")},
                                {QStringLiteral("created"), count("created")},
                                {QStringLiteral("excluded"), count("excluded")},
                                {QStringLiteral("excludedBy"), excludedBy},
                                {QStringLiteral("suppressed"), count("suppressed")},
                                {QStringLiteral("delivered"), count("delivered")},
                                {QStringLiteral("failed"), count("failed")},
                                {QStringLiteral("retried"), count("retried")},
                                {QStringLiteral("backlog"), outbox.backlog()},
                                {QStringLiteral("deadLetters"), outbox.failed},
                                {QStringLiteral("oldestPendingMs"), oldestPendingMs},
                                {QStringLiteral("backfill"), backfillJson(status->backfill)}});
    }
    if (context.json) {
        context.out << QJsonDocument(list).toJson(QJsonDocument::Compact) << '\n';
        return ExitSuccess;
    }
    if (list.isEmpty()) {
        context.out << Text::tr("No dataflow yet: map audiences with 'outflowctl activate'.")
                    << '\n';
        return ExitSuccess;
    }
    for (const QJsonValue &value : std::as_const(list)) {
        const QJsonObject s = value.toObject();
        const QJsonObject backfill = s.value(QLatin1String("backfill")).toObject();
        const auto n = [&](const char *key) {
            return QString::number(s.value(QLatin1String(key)).toInteger());
        };
        context.out << Text::tr("%1 (dataflow %2)")
                           .arg(s.value(QLatin1String("destination")).toString(),
                                s.value(QLatin1String("dataflow")).toString())
                    << '\n'
                    << Text::tr("  profile updates that met a trigger: %1; exports created: %2; "
                                "excluded: %3; suppressed by a switched-off trigger: %4; waiting "
                                "to be sent: %5")
                           .arg(n("received"), n("created"), n("excluded"), n("suppressed"),
                                n("backlog"))
                    << '\n';
        const QJsonObject excludedBy = s.value(QLatin1String("excludedBy")).toObject();
        for (auto it = excludedBy.begin(); it != excludedBy.end(); ++it)
            context.out << Text::tr("  excluded (%1): %2").arg(it.key()).arg(it.value().toInteger())
                        << '\n';
        context.out << Text::tr("  delivered %1, retried %2, failed %3; dead letters kept %4, "
                                "oldest waiting export %5 ms")
                           .arg(n("delivered"), n("retried"), n("failed"), n("deadLetters"),
                                n("oldestPendingMs"))
                    << '\n';
        context.out << Text::tr("  backfill: %1 done of %2")
                           .arg(backfill.value(QLatin1String("done")).toInteger())
                           .arg(backfill.value(QLatin1String("total")).toInteger())
                    << '\n';
    }
    return ExitSuccess;
}

} // namespace outflow::cli
