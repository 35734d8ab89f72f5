// `outflowctl audience import|rename|edit|remove`.
#include "app/paths.h"
#include "audiencecommand_p.h"
#include "cli.h"
#include "segmentation/audienceservice.h"
#include "stdindevice.h"
#include "store/storemaintenance.h"
#include "terminalprogress.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace outflow::cli {

// Good rows are imported even when others are bad; each bad row is reported
// with its line number, and the exit code is then 2 (DESIGN §3, §5).
int importCommand(Context &context, const QStringList &arguments)
{
    const QString command = QStringLiteral("audience import");
    QCommandLineParser parser;
    const QCommandLineOption nameOption(QStringLiteral("name"), Text::tr("Audience name."),
                                        QStringLiteral("N"));
    const QCommandLineOption columnOption(QStringLiteral("identity-column"),
                                          Text::tr("The CSV column holding the identities."),
                                          QStringLiteral("C"));
    const QCommandLineOption namespaceOption(QStringLiteral("namespace"),
                                             Text::tr("Identity namespace, e.g. email."),
                                             QStringLiteral("NS"));
    parser.addOptions({nameOption, columnOption, namespaceOption});
    parser.addPositionalArgument(QStringLiteral("file"), Text::tr("CSV file, or - for stdin."));
    Context sub{arguments, context.json, context.storePath, context.out, context.err};
    if (const std::optional<int> exitCode = parseCommandOptions(parser, sub, command, true))
        return *exitCode;
    if (!parser.isSet(nameOption) || !parser.isSet(columnOption) ||
        !parser.isSet(namespaceOption) || parser.positionalArguments().size() != 1) {
        context.err << Text::tr("audience import: give --name N --identity-column C "
                                "--namespace NS and one FILE.csv.")
                    << '\n';
        return ExitUsage;
    }
    const QString name = parser.positionalArguments().first();
    const bool fromStdin = name == QLatin1String("-");
    // As for ingest: never a descriptor of the store's own file (issue #23).
    if (!fromStdin &&
        StoreMaintenance::isStoreFile(name, paths::resolveStorePath(context.storePath))) {
        context.err
            << Text::tr("audience import: '%1' is the store itself, not a CSV file.").arg(name)
            << '\n';
        return ExitUsage;
    }
    QFile file(name);
    StdinDevice stdinDevice;
    QIODevice &input = fromStdin ? static_cast<QIODevice &>(stdinDevice) : file;
    if (!input.open(QIODevice::ReadOnly)) {
        context.err
            << Text::tr("audience import: cannot read '%1': %2").arg(name, input.errorString())
            << '\n';
        return ExitUsage;
    }
    AudienceStore store(context, command);
    if (!store.open())
        return ExitFailure;
    AudienceService service(store.store);
    // Profiles the upload creates meet the rules too; members entering or
    // leaving a mapped audience are exported.
    if (!store.attachPipeline(service))
        return ExitFailure;
    std::optional<AudienceImportSummary> summary;
    {
        TerminalProgress progress(context.err, Text::tr("Importing %1").arg(name));
        service.setProgressCallback(
            [&progress](qint64 done, qint64 total) { progress.update(done, total); });
        summary = service.import(parser.value(nameOption), parser.value(columnOption),
                                 parser.value(namespaceOption), &input);
    }
    if (!summary)
        return reportFailure(context, command, service);

    const QString source = fromStdin ? QStringLiteral("stdin") : name;
    for (const LineError &error : summary->errors)
        context.err << source << ": " << error.error << '\n';
    if (context.json) {
        QJsonObject object = audienceJson(summary->audience, {summary->members, 0});
        QJsonArray errors;
        for (const LineError &error : summary->errors)
            errors.append(QJsonObject{{QStringLiteral("line"), error.line},
                                      {QStringLiteral("error"), error.error}});
        object.insert(QStringLiteral("entered"), summary->entered);
        object.insert(QStringLiteral("exited"), summary->exited);
        object.insert(QStringLiteral("profilesCreated"), summary->profilesCreated);
        object.insert(QStringLiteral("rejected"), qint64(summary->errors.size()));
        object.insert(QStringLiteral("errors"), errors);
        context.out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
    } else {
        context.out << Text::tr("Audience “%1”: %2 members (%3 entered, %4 exited, %5 new "
                                "profiles); %n row(s) rejected.",
                                nullptr, int(summary->errors.size()))
                           .arg(summary->audience.name)
                           .arg(summary->members)
                           .arg(summary->entered)
                           .arg(summary->exited)
                           .arg(summary->profilesCreated)
                    << '\n';
    }
    return summary->errors.isEmpty() ? ExitSuccess : ExitUsage;
}

int renameCommand(Context &context, const QStringList &arguments)
{
    const QString command = QStringLiteral("audience rename");
    QCommandLineParser parser;
    const QCommandLineOption nameOption(QStringLiteral("name"), Text::tr("The new name."),
                                        QStringLiteral("N"));
    parser.addOption(nameOption);
    parser.addPositionalArgument(QStringLiteral("audience"), Text::tr("Audience id or name."));
    Context sub{arguments, context.json, context.storePath, context.out, context.err};
    if (const std::optional<int> exitCode = parseCommandOptions(parser, sub, command, true))
        return *exitCode;
    if (!parser.isSet(nameOption) || parser.positionalArguments().size() != 1) {
        context.err << Text::tr("audience rename: give one audience id or name and --name N.")
                    << '\n';
        return ExitUsage;
    }
    AudienceStore store(context, command);
    if (!store.open())
        return ExitFailure;
    AudienceService service(store.store);
    if (!service.rename(parser.positionalArguments().first(), parser.value(nameOption)))
        return reportFailure(context, command, service);
    context.out << Text::tr("Audience renamed to “%1”.").arg(parser.value(nameOption).trimmed())
                << '\n';
    return ExitSuccess;
}

// `--rule` and `--description` (the app's Edit dialog's twin), at least one,
// in one transaction (AudienceService::change).
int editCommand(Context &context, const QStringList &arguments)
{
    const QString command = QStringLiteral("audience edit");
    QCommandLineParser parser;
    const QCommandLineOption ruleOption(QStringLiteral("rule"), Text::tr("The new rule."),
                                        QStringLiteral("EXPR"));
    const QCommandLineOption descriptionOption(
        QStringLiteral("description"), Text::tr("The new description."), QStringLiteral("D"));
    parser.addOptions({ruleOption, descriptionOption});
    parser.addPositionalArgument(QStringLiteral("audience"), Text::tr("Audience id or name."));
    Context sub{arguments, context.json, context.storePath, context.out, context.err};
    if (const std::optional<int> exitCode = parseCommandOptions(parser, sub, command, true))
        return *exitCode;
    if ((!parser.isSet(ruleOption) && !parser.isSet(descriptionOption)) ||
        parser.positionalArguments().size() != 1) {
        context.err << Text::tr("audience edit: give one audience id or name, and --rule EXPR "
                                "or --description D.")
                    << '\n';
        return ExitUsage;
    }
    AudienceStore store(context, command);
    if (!store.open())
        return ExitFailure;
    AudienceService service(store.store);
    qint64 entered = 0;
    qint64 exited = 0;
    if (!store.attachPipeline(service, [&](const MembershipTransition &transition) {
            ++(transition.entered ? entered : exited);
        }))
        return ExitFailure;
    AudienceChanges changes;
    if (parser.isSet(ruleOption))
        changes.rule = parser.value(ruleOption);
    if (parser.isSet(descriptionOption))
        changes.description = parser.value(descriptionOption);
    bool edited = false;
    {
        TerminalProgress progress(context.err, Text::tr("Evaluating the profiles"));
        service.setProgressCallback(
            [&progress](qint64 done, qint64 total) { progress.update(done, total); });
        edited = service.change(parser.positionalArguments().first(), changes);
    }
    if (!edited)
        return reportFailure(context, command, service);
    if (changes.rule)
        context.out
            << Text::tr("Rule updated: %1 profiles entered, %2 exited.").arg(entered).arg(exited)
            << '\n';
    else
        context.out << Text::tr("Description updated.") << '\n';
    return ExitSuccess;
}

int removeCommand(Context &context, const QStringList &arguments)
{
    const QString command = QStringLiteral("audience remove");
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("audience"), Text::tr("Audience id or name."));
    Context sub{arguments, context.json, context.storePath, context.out, context.err};
    if (const std::optional<int> exitCode = parseCommandOptions(parser, sub, command, true))
        return *exitCode;
    if (parser.positionalArguments().size() != 1) {
        context.err << Text::tr("audience remove: give exactly one audience id or name.") << '\n';
        return ExitUsage;
    }
    AudienceStore store(context, command);
    if (!store.open())
        return ExitFailure;
    AudienceService service(store.store);
    if (!store.attachPipeline(service)) // members exiting a mapped audience are exported
        return ExitFailure;
    if (!service.remove(parser.positionalArguments().first()))
        return reportFailure(context, command, service);
    context.out << Text::tr("Audience removed.") << '\n';
    return ExitSuccess;
}

} // namespace outflow::cli
