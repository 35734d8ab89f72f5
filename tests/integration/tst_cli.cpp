// outflowctl as a user runs it: the real binary, its output and exit codes.
#include "support/processrunner.h"
#include "testconfig.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using outflow::test::runProcess;

namespace {
const QString cli = QStringLiteral(OUTFLOW_CLI_BINARY);
}

class TestCli final : public QObject
{
    Q_OBJECT

private slots:
    void versionPrintsTheProjectVersion()
    {
        const auto result = runProcess(cli, {QStringLiteral("--version")});
        QVERIFY(result.finished);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(QRegularExpression(QStringLiteral(R"(^outflowctl \d+\.\d+\.\d+\n$)"))
                     .match(result.out)
                     .hasMatch(),
                 qPrintable(result.out));
    }

    void helpListsEveryCommandOfTheDesign()
    {
        const auto result = runProcess(cli, {QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        for (const char *command : {"destination", "audience", "activate", "ingest", "ingest-token",
                                    "profiles", "run", "status", "deliveries", "replay", "resend",
                                    "alerts", "store", "keychain", "receiver"}) {
            QVERIFY2(QRegularExpression(QStringLiteral("\\n  %1 ").arg(QLatin1String(command)))
                         .match(result.out)
                         .hasMatch(),
                     command);
        }
        QVERIFY(result.out.contains(QLatin1String("--store")));
        QVERIFY(result.out.contains(QLatin1String("--json")));
    }

    // Issue #21: a store URL is refused before anything is created (it used
    // to become a folder named "postgresql:" holding an SQLite store).
    void aStoreUrlIsRefusedAndCreatesNothing_data()
    {
        QTest::addColumn<bool>("fromEnvironment");
        QTest::newRow("--store") << false;
        QTest::newRow("OUTFLOW_STORE") << true;
    }

    void aStoreUrlIsRefusedAndCreatesNothing()
    {
        QFETCH(bool, fromEnvironment);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString url = QStringLiteral("postgresql://ana@db.example:5432/outflow");
        QProcess process;
        process.setWorkingDirectory(dir.path());
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        QStringList arguments{QStringLiteral("profiles"), QStringLiteral("--count")};
        if (fromEnvironment)
            environment.insert(QStringLiteral("OUTFLOW_STORE"), url);
        else
            arguments = QStringList{QStringLiteral("--store"), url} + arguments;
        process.setProcessEnvironment(environment);
        process.start(cli, arguments);
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 2);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.contains(url) &&
                     err.contains(QLatin1String("postgresql store is not supported")),
                 qPrintable(err));
        QVERIFY2(err.startsWith(fromEnvironment ? QLatin1String("OUTFLOW_STORE: ")
                                                : QLatin1String("--store: ")),
                 qPrintable(err));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList());
    }

    // A relative store path is resolved against the current folder, and a
    // store created there is named in full.
    void aRelativeStorePathIsShownInFullWhenCreated()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QProcess process;
        process.setWorkingDirectory(dir.path());
        process.start(cli, {QStringLiteral("--store"), QStringLiteral("sub/o.sqlite"),
                            QStringLiteral("profiles"), QStringLiteral("--count")});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        const QString full = QDir(dir.path()).filePath(QStringLiteral("sub/o.sqlite"));
        QVERIFY(QFile::exists(full));
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("Creating a new store at %1.").arg(full)),
                 qPrintable(err));
    }

    void noCommandPrintsHelpAndIsAUsageError()
    {
        const auto result = runProcess(cli, {});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.out.contains(QLatin1String("Commands:")));
    }

    void unknownCommandIsAUsageErrorNamingIt()
    {
        const auto result = runProcess(cli, {QStringLiteral("frobnicate")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QLatin1String("'frobnicate'")), qPrintable(result.err));
    }

    void unknownOptionIsAUsageError()
    {
        const auto result = runProcess(cli, {QStringLiteral("--frobnicate")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QLatin1String("frobnicate")), qPrintable(result.err));
    }

    void frenchOnRequest()
    {
        const auto result = runProcess(
            cli, {QStringLiteral("--lang"), QStringLiteral("fr"), QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(QLatin1String("Commandes :")), qPrintable(result.out));
        QVERIFY2(result.out.contains(QStringLiteral("Gérer les destinations HTTP.")),
                 qPrintable(result.out));
    }

    void frenchFromTheLocale()
    {
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("fr"));
        env.insert(QStringLiteral("LANG"), QStringLiteral("fr_FR.UTF-8"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("fr_FR.UTF-8"));
        const auto result = runProcess(cli, {QStringLiteral("frobnicate")}, env);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QLatin1String("Commande inconnue")), qPrintable(result.err));
    }

    void unsupportedLanguageIsAUsageError()
    {
        const auto result = runProcess(
            cli, {QStringLiteral("--lang"), QStringLiteral("xx"), QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QLatin1String("--lang")), qPrintable(result.err));
    }

    void keychainCheckAnswersInsideTheTestSession()
    {
        const auto result = runProcess(
            cli, {QStringLiteral("--json"), QStringLiteral("keychain"), QStringLiteral("check")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QCOMPARE(json.value(QStringLiteral("available")).toBool(), true);
        QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("not-found"));
    }

    void keychainCheckReportsAMissingKeychain()
    {
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=/nonexistent/outflow-bus"));
        const auto result = runProcess(cli, {QStringLiteral("keychain")}, env);
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QLatin1String("No keychain is available")),
                 qPrintable(result.err));

        const auto json =
            runProcess(cli, {QStringLiteral("--json"), QStringLiteral("keychain")}, env);
        QCOMPARE(json.exitCode, 1);
        QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8())
                     .object()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("no-keychain"));
    }

    void keychainRejectsUnknownArguments()
    {
        const auto result = runProcess(cli, {QStringLiteral("keychain"), QStringLiteral("wipe")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QLatin1String("'wipe'")));
    }

    void receiverRejectsABadPort()
    {
        const auto result = runProcess(
            cli, {QStringLiteral("receiver"), QStringLiteral("--port"), QStringLiteral("http")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QLatin1String("--port")), qPrintable(result.err));
    }

    // The receiver as tools/run.sh --demo starts it: prints its URL, accepts a
    // POST, prints a line for it, and stops cleanly on SIGTERM.
    void receiverAcceptsExportsAndStopsOnSigterm()
    {
        QProcess receiver;
        receiver.start(cli,
                       {QStringLiteral("receiver"), QStringLiteral("--port"), QStringLiteral("0")});
        QVERIFY(receiver.waitForStarted());
        QString output;
        QTRY_VERIFY_WITH_TIMEOUT((output += QString::fromUtf8(receiver.readAllStandardOutput()),
                                  output.contains(QLatin1String("http://127.0.0.1:"))),
                                 15000);
        const QUrl url(QRegularExpression(QStringLiteral(R"(http://127\.0\.0\.1:\d+/)"))
                           .match(output)
                           .captured(0));
        QVERIFY(url.isValid() && url.port() > 0);

        QNetworkAccessManager network;
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setRawHeader("X-Outflow-Export-Id", "export-42");
        QNetworkReply *reply = network.post(request, QByteArray(R"({"a":1})"));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
        QTRY_VERIFY_WITH_TIMEOUT((output += QString::fromUtf8(receiver.readAllStandardOutput()),
                                  output.contains(QLatin1String(" 200 / export-42 7"))),
                                 10000);

        receiver.terminate();
        QVERIFY(receiver.waitForFinished(10000));
        QCOMPARE(receiver.exitStatus(), QProcess::NormalExit);
        QCOMPARE(receiver.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
