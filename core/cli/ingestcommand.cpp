#include "app/paths.h"
#include "cli.h"
#include "command.h"
#include "engine/pipeline.h"
#include "ingest/ingestor.h"
#include "ingest/ndjsonreader.h"
#include "stdindevice.h"
#include "store/sqlitestore.h"
#include "store/storemaintenance.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace outflow::cli {

// `outflowctl ingest FILE.ndjson|-`: merges fragments, one JSON object a line.
// Good lines are stored even when others are bad; each bad line is reported
// with its number and reason, and the exit code is then 2 (DESIGN §5).
int ingestCommand(Context &context)
{
    QCommandLineParser parser;
    const QCommandLineOption batchOption(
        QStringLiteral("batch-size"),
        Text::tr("Fragments per transaction (default %1).").arg(Ingestor::DefaultBatchSize),
        QStringLiteral("N"), QString::number(Ingestor::DefaultBatchSize));
    parser.addOption(batchOption);
    parser.addPositionalArgument(QStringLiteral("file"), Text::tr("NDJSON file, or - for stdin."));
    if (const std::optional<int> exitCode =
            parseCommandOptions(parser, context, QStringLiteral("ingest"), true))
        return *exitCode;
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1) {
        context.err << Text::tr("ingest: give exactly one FILE.ndjson, or - for stdin.") << '\n';
        return ExitUsage;
    }
    bool ok = false;
    const int batchSize = parser.value(batchOption).toInt(&ok);
    if (!ok || batchSize < 1) {
        context.err << Text::tr("ingest: --batch-size must be a positive number, not '%1'.")
                           .arg(parser.value(batchOption))
                    << '\n';
        return ExitUsage;
    }

    const QString name = files.first();
    const bool fromStdin = name == QLatin1String("-");
    // Reading the store's own file would close a descriptor of it beside the
    // store's connection, dropping that connection's locks (issue #23).
    if (!fromStdin &&
        StoreMaintenance::isStoreFile(name, paths::resolveStorePath(context.storePath))) {
        context.err
            << Text::tr("ingest: '%1' is the store itself, not a file of fragments.").arg(name)
            << '\n';
        return ExitUsage;
    }
    QFile file(name);
    StdinDevice stdinDevice;
    QIODevice &input = fromStdin ? static_cast<QIODevice &>(stdinDevice) : file;
    if (!input.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        context.err << Text::tr("ingest: cannot read '%1': %2").arg(name, input.errorString())
                    << '\n';
        return ExitUsage;
    }

    SqliteStore store(paths::resolveStorePath(context.storePath));
    if (!store.open()) {
        context.err << Text::tr("ingest: %1").arg(store.lastError()) << '\n';
        return ExitFailure;
    }
    // Rule audiences are evaluated and exports decided after each merge, in
    // its transaction.
    Pipeline pipeline(store);
    const bool loaded = pipeline.reload();
    if (!pipeline.lastError().isEmpty())
        context.err << Text::tr("ingest: %1").arg(pipeline.lastError()) << '\n';
    if (!loaded)
        return ExitFailure;
    const Segmenter &segmenter = pipeline.segmenter();
    Ingestor ingestor(store);
    ingestor.setBatchSize(batchSize);
    ingestor.setMergedCallback([&](const Fragment &, const MergeReport &report, QString *error) {
        return pipeline.processMerge(report) || (*error = pipeline.lastError(), false);
    });
    NdjsonReader reader(&input);
    const IngestSummary summary = ingestor.ingest(reader);

    const QString source = fromStdin ? QStringLiteral("stdin") : name;
    for (const LineError &error : summary.errors)
        context.err << source << ": " << error.error << '\n';
    if (summary.emptyInput)
        context.err << Text::tr("ingest: %1 is empty: no fragment to merge.").arg(source) << '\n';
    if (!summary.ok())
        context.err << Text::tr("ingest: the store failed: %1").arg(summary.storeError) << '\n';

    if (context.json) {
        QJsonArray errors;
        for (const LineError &error : summary.errors)
            errors.append(QJsonObject{{QStringLiteral("line"), error.line},
                                      {QStringLiteral("error"), error.error}});
        const QJsonObject result{{QStringLiteral("merged"), summary.fragmentsMerged},
                                 {QStringLiteral("profilesCreated"), summary.profilesCreated},
                                 {QStringLiteral("profilesMerged"), summary.profilesMerged},
                                 {QStringLiteral("rejected"), qint64(summary.errors.size())},
                                 {QStringLiteral("audiencesEntered"), segmenter.counters().entered},
                                 {QStringLiteral("audiencesExited"), segmenter.counters().exited},
                                 {QStringLiteral("errors"), errors}};
        context.out << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    } else {
        context.out << Text::tr(
                           "Merged %1 fragments (%2 new profiles, %3 profiles merged); %4 lines "
                           "rejected.")
                           .arg(summary.fragmentsMerged)
                           .arg(summary.profilesCreated)
                           .arg(summary.profilesMerged)
                           .arg(summary.errors.size())
                    << '\n';
        if (segmenter.ruleAudienceCount() > 0)
            context.out << Text::tr("Audiences: %1 memberships entered, %2 exited.")
                               .arg(segmenter.counters().entered)
                               .arg(segmenter.counters().exited)
                        << '\n';
    }
    if (!summary.ok())
        return ExitFailure;
    return summary.errors.isEmpty() && !summary.emptyInput ? ExitSuccess : ExitUsage;
}

} // namespace outflow::cli
