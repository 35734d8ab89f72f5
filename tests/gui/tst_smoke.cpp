// Smoke test of the real binaries, as CI and a packager would run them.
#include "support/processrunner.h"
#include "testconfig.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using outflow::test::runProcess;

namespace {
const QString gui = QStringLiteral(OUTFLOW_GUI_BINARY);
const QString cli = QStringLiteral(OUTFLOW_CLI_BINARY);
} // namespace

class TestSmoke final : public QObject
{
    Q_OBJECT

private slots:
    // Starts `outflow` offscreen, waits until its window is shown, stops it
    // with SIGTERM as a session manager would, and checks it saved its state.
    void guiStartsShowsItsWindowAndStopsCleanly()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString settingsFile = dir.filePath(QStringLiteral("outflow.ini"));
        QProcess process;
        process.setProcessEnvironment(QProcessEnvironment::systemEnvironment());
        process.start(gui,
                      {QStringLiteral("--settings"), settingsFile,
                       QStringLiteral("--demo-receiver"), QStringLiteral("http://127.0.0.1:9/")});
        QVERIFY(process.waitForStarted());
        QString err;
        QTRY_VERIFY_WITH_TIMEOUT((err += QString::fromUtf8(process.readAllStandardError()),
                                  err.contains(QLatin1String("Main window shown"))),
                                 30000);
        QCOMPARE(process.state(), QProcess::Running);
        process.terminate();
        QVERIFY(process.waitForFinished(15000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        QSettings saved(settingsFile, QSettings::IniFormat);
        QVERIFY2(saved.contains(QStringLiteral("mainWindow/geometry")),
                 "state was not saved on SIGTERM");
    }

    void guiVersionNeedsNoDisplay()
    {
        auto env = QProcessEnvironment::systemEnvironment();
        for (const char *var : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(QString::fromLatin1(var));
        const auto result = runProcess(gui, {QStringLiteral("--version")}, env);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.startsWith(QLatin1String("outflow ")), qPrintable(result.out));
    }

    void guiWithoutADisplayExplainsHowToRunHeadless()
    {
        auto env = QProcessEnvironment::systemEnvironment();
        for (const char *var : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(QString::fromLatin1(var));
        const auto result = runProcess(gui, {}, env);
        QVERIFY(result.finished);
        QCOMPARE(result.exitStatus, QProcess::NormalExit);
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QLatin1String("outflowctl")), qPrintable(result.err));
    }

    void guiRejectsAnUnsupportedLanguage()
    {
        const auto result = runProcess(gui, {QStringLiteral("--lang"), QStringLiteral("xx")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QLatin1String("--lang")), qPrintable(result.err));
    }

    void cliVersion()
    {
        const auto result = runProcess(cli, {QStringLiteral("--version")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.startsWith(QLatin1String("outflowctl ")));
    }
};

QTEST_GUILESS_MAIN(TestSmoke)
#include "tst_smoke.moc"
