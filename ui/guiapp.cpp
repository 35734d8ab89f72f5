#include "guiapp.h"

#include "app/appinfo.h"
#include "app/paths.h"
#include "app/settings.h"
#include "app/translations.h"
#include "app/unixsignals.h"
#include "enginehost.h"
#include "mainwindow.h"
#include "uilogging.h"

#include <cstdio>
#include <cstring>
#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>
#include <QUrl>

namespace outflow::ui {
namespace {

bool hasArgument(int argc, char *argv[], const char *name)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], name) == 0)
            return true;
    }
    return false;
}

// QApplication aborts without a display. Say what to do instead, before
// anything needs one. (Not translated: the catalogues need an application.)
bool displayAvailable()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY") ||
           qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
#else
    return true;
#endif
}

} // namespace

int runGui(int argc, char *argv[])
{
    // --version must work anywhere, even on a server without a display.
    if (hasArgument(argc, argv, "--version") || hasArgument(argc, argv, "-v")) {
        std::printf("%s %s\n", appinfo::executable.data(), appinfo::version.data());
        return 0;
    }
    if (!displayAvailable()) {
        std::fprintf(stderr,
                     "%s: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
                     "To run Outflow headless, use %s, e.g. '%s --help' or '%s run'.\n"
                     "To run the desktop app here anyway, use QT_QPA_PLATFORM=offscreen or "
                     "xvfb-run.\n",
                     appinfo::executable.data(), appinfo::cliExecutable.data(),
                     appinfo::cliExecutable.data(), appinfo::cliExecutable.data());
        return 1;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QString(appinfo::displayName));
    QApplication::setApplicationDisplayName(QString(appinfo::displayName));
    QApplication::setApplicationVersion(QString(appinfo::version));
    QApplication::setOrganizationName(QString(appinfo::organization));
    QApplication::setOrganizationDomain(QString(appinfo::organizationDomain));
    QApplication::setDesktopFileName(QString(appinfo::appId));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/outflow.svg")));

    // Settings and language first: the option parser's help is translated.
    const QStringList rawArguments = QApplication::arguments();
    const QString settingsFile = i18n::rawOptionValue(rawArguments, QStringLiteral("settings"));
    auto settings = settingsFile.isEmpty() ? std::make_unique<Settings>()
                                           : std::make_unique<Settings>(settingsFile);
    QString language = i18n::rawOptionValue(rawArguments, QStringLiteral("lang"));
    const bool languageRequested = !language.isEmpty();
    if (!languageRequested)
        language = settings->language();
    i18n::install(app, i18n::resolveLanguage(language));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("outflow", "Stream customer profiles to any HTTP endpoint."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QApplication::translate("outflow", "Language: en or fr (default: the system's)."),
        QStringLiteral("en|fr"));
    const QCommandLineOption settingsOption(
        QStringLiteral("settings"),
        QApplication::translate("outflow", "Read and write settings in this INI file."),
        QApplication::translate("outflow", "file"));
    const QCommandLineOption storeOption(
        QStringLiteral("store"),
        QApplication::translate("outflow", "The store to open (default: the user's data folder)."),
        QApplication::translate("outflow", "path"));
    const QCommandLineOption demoOption(
        QStringLiteral("demo-receiver"),
        QApplication::translate("outflow",
                                "URL of the demo receiver started by tools/run.sh --demo."),
        QStringLiteral("url"));
    parser.addOptions({langOption, settingsOption, storeOption, demoOption});
    parser.process(app);

    if (languageRequested && !i18n::isSupported(language)) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QApplication::translate(
                                    "outflow", "--lang: unsupported language '%1' (use en or fr).")
                                    .arg(language)));
        return 2;
    }

    const QString storeOptionValue =
        parser.isSet(storeOption) ? parser.value(storeOption) : settings->storePath();
    if (const QString problem =
            paths::storeLocationProblem(paths::resolveStorePath(storeOptionValue));
        !problem.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(QStringLiteral("--store: ") + problem));
        return 2;
    }
    const QString storePath = paths::resolveStorePath(storeOptionValue);
    EngineHost engine(storePath);
    MainWindow window(*settings);
    window.setEngine(&engine);
    engine.start();
    if (parser.isSet(demoOption))
        window.setDemoReceiver(QUrl(parser.value(demoOption)));
    window.show();
    qCInfo(lcUi) << "Main window shown; settings in" << settings->fileName();
    // For tools/screenshots.sh: the window, as drawn after a few seconds of
    // snapshots, saved to this PNG file; then the app quits.
    if (const QString shot = qEnvironmentVariable("OUTFLOW_SCREENSHOT"); !shot.isEmpty()) {
        const int delayMs = qEnvironmentVariableIntValue("OUTFLOW_SCREENSHOT_DELAY_MS");
        QTimer::singleShot(delayMs > 0 ? delayMs : 4000, &window, [&window, shot] {
            if (!window.grab().save(shot))
                qCWarning(lcUi) << "Could not write the screenshot" << shot;
            QApplication::quit();
        });
    }

    quitOnTerminationSignals(app);
    QObject::connect(&app, &QApplication::aboutToQuit, &window, &MainWindow::saveState);
    return QApplication::exec();
}

} // namespace outflow::ui
