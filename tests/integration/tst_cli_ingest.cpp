// `outflowctl ingest`, `profiles`, `ingest-token` and `run --ingest-port` as a
// user runs them: the real binary, a real store file, real HTTP.
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

QByteArray goodLine(int i)
{
    return QStringLiteral(
               R"({"identityMap":{"email":[{"id":"user%1@example.com","primary":true}]},"person":{"name":{"firstName":"User %1"}}})")
        .arg(i)
        .toUtf8();
}
} // namespace

class TestCliIngest final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_store = m_dir.filePath(
            QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction())));
    }

    void threeBadLinesAmongTenThousand()
    {
        const QString file = m_dir.filePath(QStringLiteral("fragments.ndjson"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        const QHash<int, QByteArray> bad{
            {17, R"({"identityMap":{"email":[{"primary":true}]}})"},
            {5000, R"({"identityMap":{"email":[{"id":"x@y.z"}]},"a":)"},
            {9999, R"({"person":{"name":{"firstName":"No identity"}}})"}};
        for (int line = 1; line <= 10000; ++line)
            out.write((bad.contains(line) ? bad.value(line) : goodLine(line)) + '\n');
        out.close();

        const auto result = ingest({file});
        QVERIFY(result.finished);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.out.contains(QLatin1String("Merged 9997 fragments")),
                 qPrintable(result.out));
        const QStringList errorLines = result.err.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(errorLines.size(), 3);
        QVERIFY2(errorLines.at(0).contains(QLatin1String("line 17")) &&
                     errorLines.at(0).contains(QLatin1String("id")),
                 qPrintable(errorLines.at(0)));
        QVERIFY2(errorLines.at(1).contains(QLatin1String("line 5000")),
                 qPrintable(errorLines.at(1)));
        QVERIFY2(errorLines.at(2).contains(QLatin1String("line 9999")) &&
                     errorLines.at(2).contains(QLatin1String("identit")),
                 qPrintable(errorLines.at(2)));
        QCOMPARE(count(), 9997);
    }

    void badInputLeavesStoredProfilesUntouched()
    {
        const QString good = write(QStringLiteral("good.ndjson"), goodLine(1) + '\n');
        QCOMPARE(ingest({good}).exitCode, 0);
        const QString before = profile(QStringLiteral("email:user1@example.com"));
        QVERIFY(before.contains(QLatin1String("User 1")));

        const QString bad = write(QStringLiteral("bad.ndjson"), "{not json\n\xff\xfe\n[1,2]\n");
        const auto result = ingest({bad});
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(result.err.count(QLatin1String("line ")), 3);
        QCOMPARE(profile(QStringLiteral("email:user1@example.com")), before);
        QCOMPARE(count(), 1);
    }

    void emptyFileSaysSo()
    {
        const auto result = ingest({write(QStringLiteral("empty.ndjson"), QByteArray())});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QLatin1String("empty")), qPrintable(result.err));
    }

    void missingFileIsNamed()
    {
        const auto result = ingest({m_dir.filePath(QStringLiteral("nope.ndjson"))});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QLatin1String("nope.ndjson")), qPrintable(result.err));
    }

    void readsStdin()
    {
        QProcess process;
        process.start(cli, {QStringLiteral("--store"), m_store, QStringLiteral("--json"),
                            QStringLiteral("ingest"), QStringLiteral("-")});
        QVERIFY(process.waitForStarted());
        process.write(goodLine(1) + '\n' + goodLine(2) + '\n');
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        const QJsonObject summary =
            QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        QCOMPARE(summary.value(QStringLiteral("merged")).toInt(), 2);
        QCOMPARE(summary.value(QStringLiteral("profilesCreated")).toInt(), 2);
        QCOMPARE(count(), 2);
    }

    // A pipe that stays open (a producer streaming fragments): each line is
    // committed as soon as it is merged, not when the batch fills or the
    // input ends.
    void stdinLinesAreCommittedWithoutWaitingForMore()
    {
        QProcess process;
        process.start(cli, {QStringLiteral("--store"), m_store, QStringLiteral("ingest"),
                            QStringLiteral("-")});
        QVERIFY(process.waitForStarted());
        process.write(goodLine(1) + '\n');
        QVERIFY(process.waitForBytesWritten(10000));
        QTRY_COMPARE_WITH_TIMEOUT(count(), 1, 20000);
        QCOMPARE(process.state(), QProcess::Running); // still waiting for more
        process.write(goodLine(2) + '\n');
        QVERIFY(process.waitForBytesWritten(10000));
        QTRY_COMPARE_WITH_TIMEOUT(count(), 2, 20000);
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
    }

    void profilesRejectsABadIdentityOption()
    {
        const auto result =
            runProcess(cli, {QStringLiteral("--store"), m_store, QStringLiteral("profiles"),
                             QStringLiteral("--identity"), QStringLiteral("no-colon")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QLatin1String("--identity")));
    }

    // The endpoint as a server would run it: token from the keychain, POST,
    // SIGTERM, and the acknowledged fragments are in the store afterwards.
    void runServesTheIngestEndpoint()
    {
        const auto tokenResult = runProcess(cli, {QStringLiteral("ingest-token")});
        QCOMPARE(tokenResult.exitCode, 0);
        const QByteArray token = tokenResult.out.trimmed().toLatin1();
        QVERIFY(token.size() >= 40);
        QCOMPARE(runProcess(cli, {QStringLiteral("ingest-token")}).out.trimmed().toLatin1(),
                 token); // stable

        QProcess server;
        server.start(cli, {QStringLiteral("--store"), m_store, QStringLiteral("run"),
                           QStringLiteral("--ingest-port"), QStringLiteral("0")});
        QVERIFY(server.waitForStarted());
        QString output;
        QTRY_VERIFY_WITH_TIMEOUT((output += QString::fromUtf8(server.readAllStandardOutput()),
                                  output.contains(QLatin1String("/v1/fragments"))),
                                 20000);
        QVERIFY2(!output.contains(QString::fromLatin1(token)),
                 "the token must not be printed by run");
        const QUrl url(QRegularExpression(QStringLiteral(R"(http://127\.0\.0\.1:\d+/v1/fragments)"))
                           .match(output)
                           .captured(0));
        QVERIFY2(url.isValid() && url.port() > 0, qPrintable(output));

        QNetworkAccessManager network;
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QStringLiteral("application/x-ndjson"));
        request.setRawHeader("Authorization", "Bearer " + token);
        QNetworkReply *reply = network.post(request, goodLine(1) + '\n' + goodLine(2) + '\n');
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();

        server.terminate();
        QVERIFY(server.waitForFinished(10000));
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
        QCOMPARE(count(), 2);
    }

private:
    outflow::test::ProcessResult ingest(const QStringList &arguments)
    {
        return runProcess(
            cli,
            QStringList{QStringLiteral("--store"), m_store, QStringLiteral("ingest")} + arguments,
            QProcessEnvironment::systemEnvironment(), 120000);
    }

    qint64 count()
    {
        const auto result =
            runProcess(cli, {QStringLiteral("--store"), m_store, QStringLiteral("--json"),
                             QStringLiteral("profiles"), QStringLiteral("--count")});
        return QJsonDocument::fromJson(result.out.toUtf8())
            .object()
            .value(QStringLiteral("count"))
            .toInteger(-1);
    }

    QString profile(const QString &identity)
    {
        return runProcess(cli, {QStringLiteral("--store"), m_store, QStringLiteral("--json"),
                                QStringLiteral("profiles"), QStringLiteral("--identity"), identity})
            .out;
    }

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(content);
        return path;
    }

    QTemporaryDir m_dir;
    QString m_store;
};

QTEST_GUILESS_MAIN(TestCliIngest)
#include "tst_cli_ingest.moc"
