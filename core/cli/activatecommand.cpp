// `outflowctl activate`, `status` and `resend`: dataflows (DESIGN §5).
#include "activation/activationservice.h"
#include "activationcli_p.h"
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

} // namespace outflow::cli
