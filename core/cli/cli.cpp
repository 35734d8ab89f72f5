#include "cli.h"

#include "app/appinfo.h"
#include "app/paths.h"
#include "app/translations.h"
#include "command.h"

#include <cstdio>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace outflow::cli {
namespace {

QString helpText(const QCommandLineParser &parser)
{
    QString text = parser.helpText();
    text += QLatin1Char('\n') + QCoreApplication::translate("outflowctl", "Commands:") +
            QLatin1Char('\n');
    for (const Command &command : commands()) {
        QString line = QStringLiteral("  %1 %2").arg(command.name, -12).arg(command.synopsis);
        text += line.leftJustified(52) + QLatin1Char(' ') +
                QCoreApplication::translate("outflowctl", command.summary);
        text += QLatin1Char('\n');
    }
    text +=
        QLatin1Char('\n') +
        QCoreApplication::translate(
            "outflowctl", "Exit status: 0 on success, 1 on a runtime failure, 2 on bad usage or "
                          "input.\nSecrets are read from OUTFLOW_BEARER_TOKEN, "
                          "OUTFLOW_CLIENT_SECRET, OUTFLOW_PASSWORD and OUTFLOW_KEY_PASSPHRASE, "
                          "or prompted for; never given as arguments.") +
        QLatin1Char('\n');
    return text;
}

} // namespace

int run(QCoreApplication &app)
{
    QCoreApplication::setApplicationName(QString(appinfo::cliExecutable));
    QCoreApplication::setApplicationVersion(QString(appinfo::version));
    QCoreApplication::setOrganizationName(QString(appinfo::organization));
    QCoreApplication::setOrganizationDomain(QString(appinfo::organizationDomain));
    i18n::install(
        app, i18n::resolveLanguage(i18n::rawOptionValue(app.arguments(), QStringLiteral("lang"))));

    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "outflowctl", "Outflow's headless twin: the same store and engine as the desktop app, "
                      "for servers, scripts and tests."));
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption storeOption(
        QStringLiteral("store"),
        QCoreApplication::translate("outflowctl", "The store to use (default: OUTFLOW_STORE, or "
                                                  "the store in the user's data folder)."),
        QCoreApplication::translate("outflowctl", "path"));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"),
        QCoreApplication::translate("outflowctl", "Print one JSON document on stdout."));
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QCoreApplication::translate("outflowctl", "Language of messages: en or fr (default: the "
                                                  "system's)."),
        QStringLiteral("en|fr"));
    parser.addOptions({storeOption, jsonOption, langOption});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QCoreApplication::translate("outflowctl", "The command to run."),
                                 QStringLiteral("<command> [arguments…]"));

    if (!parser.parse(app.arguments())) {
        err << parser.errorText() << '\n'
            << QCoreApplication::translate("outflowctl", "Try '%1 --help'.")
                   .arg(appinfo::cliExecutable)
            << '\n';
        return ExitUsage;
    }
    if (parser.isSet(langOption) && !i18n::isSupported(parser.value(langOption))) {
        err << QCoreApplication::translate("outflowctl",
                                           "--lang: unsupported language '%1' (use en or fr).")
                   .arg(parser.value(langOption))
            << '\n';
        return ExitUsage;
    }
    if (parser.isSet(versionOption)) {
        out << appinfo::cliExecutable << ' ' << appinfo::version << '\n';
        return ExitSuccess;
    }
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(helpOption) || positional.isEmpty() ||
        positional.first() == QLatin1String("help")) {
        out << helpText(parser);
        return positional.isEmpty() && !parser.isSet(helpOption) ? ExitUsage : ExitSuccess;
    }

    const QString &name = positional.first();
    const QList<Command> table = commands();
    const auto it = std::find_if(table.cbegin(), table.cend(),
                                 [&](const Command &c) { return c.name == name; });
    if (it == table.cend()) {
        err << QCoreApplication::translate("outflowctl", "Unknown command '%1'. Try '%2 --help'.")
                   .arg(name, appinfo::cliExecutable)
            << '\n';
        return ExitUsage;
    }

    // Before any command: a store URL is refused, not created as a folder
    // named after its scheme (issue #21).
    const QString storeLocation = parser.isSet(storeOption) ? parser.value(storeOption)
                                                            : qEnvironmentVariable("OUTFLOW_STORE");
    if (const QString problem = paths::storeLocationProblem(storeLocation); !problem.isEmpty()) {
        err << (parser.isSet(storeOption) ? QStringLiteral("--store: ")
                                          : QStringLiteral("OUTFLOW_STORE: "))
            << problem << '\n';
        return ExitUsage;
    }
    // A relative store path lands in the current folder: when it makes a new
    // store there, the full path is said once (stderr, not to disturb output).
    const bool usesStore = name != QLatin1String("receiver") && name != QLatin1String("keychain") &&
                           name != QLatin1String("ingest-token");
    if (usesStore && !storeLocation.isEmpty() && QFileInfo(storeLocation).isRelative() &&
        !QFileInfo::exists(storeLocation)) {
        err << QCoreApplication::translate("outflowctl", "Creating a new store at %1.")
                   .arg(QDir::toNativeSeparators(paths::resolveStorePath(storeLocation)))
            << '\n';
        err.flush();
    }

    QStringList commandArguments = positional.mid(1);
    commandArguments.prepend(QStringLiteral("%1 %2").arg(appinfo::cliExecutable, name));
    Context context{commandArguments, parser.isSet(jsonOption),
                    parser.isSet(storeOption) ? parser.value(storeOption)
                                              : qEnvironmentVariable("OUTFLOW_STORE"),
                    out, err};
    const int code = it->handler(context);
    if (code != RunEventLoop)
        return code;
    out.flush();
    err.flush();
    return QCoreApplication::exec();
}

} // namespace outflow::cli
