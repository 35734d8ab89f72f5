// `outflowctl audience preview RULE`: what a rule would select now (a count
// and a few sample profiles), nothing stored (issue #17; the app's rule
// editor shows the same AudienceService::preview()).
#include "audiencecommand_p.h"
#include "cli.h"
#include "segmentation/audienceservice.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace outflow::cli {

int previewCommand(Context &context, const QStringList &arguments)
{
    const QString command = QStringLiteral("audience preview");
    QCommandLineParser parser;
    const QCommandLineOption samplesOption(QStringLiteral("samples"),
                                           Text::tr("How many matching profiles to show "
                                                    "(default 5)."),
                                           QStringLiteral("N"), QStringLiteral("5"));
    parser.addOption(samplesOption);
    parser.addPositionalArgument(QStringLiteral("rule"), Text::tr("The audience rule."));
    Context sub{arguments, context.json, context.storePath, context.out, context.err};
    if (const std::optional<int> exitCode = parseCommandOptions(parser, sub, command, true))
        return *exitCode;
    bool numeric = false;
    const int samples = parser.value(samplesOption).toInt(&numeric);
    if (parser.positionalArguments().size() != 1 || !numeric || samples < 0 || samples > 1000) {
        context.err << Text::tr("audience preview: give one RULE (quoted) and --samples 0 to "
                                "1000.")
                    << '\n';
        return ExitUsage;
    }
    AudienceStore store(context, command);
    if (!store.open())
        return ExitFailure;
    AudienceService service(store.store);
    const std::optional<AudiencePreview> preview =
        service.preview(parser.positionalArguments().constFirst(), samples);
    if (!preview)
        return reportFailure(context, command, service);
    if (context.json) {
        QJsonArray sample;
        for (qsizetype i = 0; i < preview->sampleIds.size(); ++i)
            sample.append(QJsonObject{{QStringLiteral("profileId"), preview->sampleIds.at(i)},
                                      {QStringLiteral("identity"), preview->sampleLabels.at(i)}});
        context.out << QJsonDocument(QJsonObject{{QStringLiteral("matching"), preview->matching},
                                                 {QStringLiteral("evaluated"), preview->evaluated},
                                                 {QStringLiteral("samples"), sample}})
                           .toJson(QJsonDocument::Compact)
                    << '\n';
        return ExitSuccess;
    }
    context.out << Text::tr("%1 of %2 profiles match (nothing was stored).")
                       .arg(preview->matching)
                       .arg(preview->evaluated)
                << '\n';
    for (qsizetype i = 0; i < preview->sampleIds.size(); ++i)
        context.out << QStringLiteral("  %1  %2")
                           .arg(preview->sampleIds.at(i))
                           .arg(preview->sampleLabels.at(i))
                    << '\n';
    return ExitSuccess;
}

} // namespace outflow::cli
