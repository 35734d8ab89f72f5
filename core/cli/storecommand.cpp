// `outflowctl store check | backup FILE` (issue #23): whether the store is
// whole, and a copy of it taken while engines run. Both on connections of
// their own (StoreMaintenance), never through the Engine's.
#include "app/paths.h"
#include "cli.h"
#include "command.h"
#include "store/storemaintenance.h"
#include "terminalprogress.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace outflow::cli {

namespace {

QString megabytes(qint64 bytes)
{
    return QLocale::c().toString(double(bytes) / (1024.0 * 1024.0), 'f', 1) +
           QStringLiteral(" MiB");
}

QJsonValue backupToJson(const std::optional<StoreBackupRecord> &backup)
{
    if (!backup)
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("path"), backup->path},
                       {QStringLiteral("takenAt"), backup->takenAt.toString(Qt::ISODate)},
                       {QStringLiteral("bytes"), backup->bytes}};
}

void printProblems(QTextStream &out, const QString &title, const QStringList &problems)
{
    if (problems.isEmpty()) {
        out << title << ' ' << Text::tr("ok") << '\n';
        return;
    }
    out << title << ' ' << Text::tr("%n problem(s):", nullptr, int(problems.size())) << '\n';
    for (const QString &problem : problems)
        out << "  " << problem << '\n';
}

int checkCommand(Context &context, const QString &storePath)
{
    const StoreCheckReport report = StoreMaintenance::check(storePath);
    if (context.json) {
        const QJsonObject json{
            {QStringLiteral("store"), report.storePath},
            {QStringLiteral("ok"), report.healthy()},
            {QStringLiteral("readable"), report.readable},
            {QStringLiteral("error"), report.error},
            {QStringLiteral("bytes"), report.bytes},
            {QStringLiteral("schemaVersion"), report.schemaVersion},
            {QStringLiteral("integrity"), QJsonArray::fromStringList(report.integrityProblems)},
            {QStringLiteral("foreignKeys"), QJsonArray::fromStringList(report.foreignKeyProblems)},
            {QStringLiteral("elapsedMs"), report.elapsedMs},
            {QStringLiteral("lastBackup"), backupToJson(report.lastBackup)}};
        context.out << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
        return report.healthy() ? ExitSuccess : ExitFailure;
    }
    if (!report.readable) {
        context.err << Text::tr("store check: %1").arg(report.error) << '\n';
        return ExitFailure;
    }
    QTextStream &out = context.out;
    out << Text::tr("Store: %1 (%2, schema version %3)")
               .arg(report.storePath, megabytes(report.bytes))
               .arg(report.schemaVersion)
        << '\n';
    printProblems(out, Text::tr("Integrity:"), report.integrityProblems);
    printProblems(out, Text::tr("Foreign keys:"), report.foreignKeyProblems);
    if (report.lastBackup)
        out << Text::tr("Last backup: %1, taken %2 (%3)")
                   .arg(QDir::toNativeSeparators(report.lastBackup->path),
                        report.lastBackup->takenAt.toLocalTime().toString(Qt::ISODate),
                        megabytes(report.lastBackup->bytes))
            << '\n';
    else
        out << Text::tr("Last backup: none taken with outflowctl store backup.") << '\n';
    if (report.healthy()) {
        out << Text::tr("Verdict: the store is whole (checked in %1 s).")
                   .arg(QString::number(report.elapsedMs / 1000.0, 'f', 1))
            << '\n';
        return ExitSuccess;
    }
    out << Text::tr("Verdict: the store is damaged. Stop every Outflow process that uses it, "
                    "keep the damaged file aside, and restore the last backup in its place (see "
                    "README, \"Sharing, checking and backing up the store\").")
        << '\n';
    return ExitFailure;
}

int backupCommand(Context &context, const QString &storePath, const QString &target)
{
    StoreBackupReport report;
    {
        TerminalProgress progress(context.err, Text::tr("Backing up the store"));
        report =
            StoreMaintenance::backup(storePath, target, [&progress](qint64 done, qint64 total) {
                progress.update(done, total);
                return true;
            });
    }
    if (context.json) {
        QJsonObject json{{QStringLiteral("ok"), report.ok},
                         {QStringLiteral("elapsedMs"), report.elapsedMs}};
        if (report.ok)
            json.insert(QStringLiteral("backup"), backupToJson(report.backup));
        else
            json.insert(QStringLiteral("error"), report.error);
        context.out << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
    }
    if (!report.ok) {
        context.err << Text::tr("store backup: %1").arg(report.error) << '\n';
        return ExitFailure;
    }
    if (!context.json)
        context.out << Text::tr("Backed up %1 to %2 (%3, verified) in %4 s.")
                           .arg(QDir::toNativeSeparators(paths::resolveStorePath(storePath)),
                                QDir::toNativeSeparators(report.backup.path),
                                megabytes(report.backup.bytes),
                                QString::number(report.elapsedMs / 1000.0, 'f', 1))
                    << '\n';
    return ExitSuccess;
}

} // namespace

int storeCommand(Context &context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("action"), Text::tr("check or backup."));
    parser.addPositionalArgument(QStringLiteral("file"),
                                 Text::tr("backup: the new file to write the copy to."));
    if (const std::optional<int> exitCode =
            parseCommandOptions(parser, context, QStringLiteral("store"), true))
        return *exitCode;
    const QStringList arguments = parser.positionalArguments();
    const QString storePath = paths::resolveStorePath(context.storePath);
    const QString action = arguments.value(0);
    if (action == QLatin1String("check") && arguments.size() == 1)
        return checkCommand(context, storePath);
    if (action == QLatin1String("backup") && arguments.size() == 2)
        return backupCommand(context, storePath, arguments.at(1));
    context.err << Text::tr("store: give check, or backup FILE.") << '\n';
    return ExitUsage;
}

} // namespace outflow::cli
