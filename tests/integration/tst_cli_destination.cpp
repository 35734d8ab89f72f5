// outflowctl destination add/remove with authentication, TLS files and
// secrets: secrets come from OUTFLOW_* variables (never argv), go to the real
// keychain (gnome-keyring in tools/test.sh's D-Bus session) and nowhere else.
#include "delivery/destinationsecrets.h"
#include "store/sqlitestore.h"
#include "support/processrunner.h"
#include "support/secrethelpers.h"
#include "testconfig.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace outflow;
using namespace outflow::test;

namespace {
const QString cli = QStringLiteral(OUTFLOW_CLI_BINARY);
}

class TestCliDestination : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;

    ProcessResult run(const QStringList &arguments, const QHash<QString, QString> &variables = {})
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"OUTFLOW_BEARER_TOKEN", "OUTFLOW_CLIENT_SECRET",
                                 "OUTFLOW_PASSWORD", "OUTFLOW_KEY_PASSPHRASE"})
            environment.remove(QString::fromLatin1(name));
        for (auto it = variables.cbegin(); it != variables.cend(); ++it)
            environment.insert(it.key(), it.value());
        environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        return runProcess(cli, QStringList{QStringLiteral("--store"), m_store} + arguments,
                          environment);
    }

    QString destinationId(const QString &name)
    {
        const auto list =
            run({QStringLiteral("--json"), QStringLiteral("destination"), QStringLiteral("list")});
        for (const QJsonValue &value : QJsonDocument::fromJson(list.out.toUtf8()).array()) {
            if (value[QLatin1String("name")].toString() == name)
                return value[QLatin1String("id")].toString();
        }
        return {};
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_store = m_dir.filePath(
            QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction())));
    }

    void bearerTokenGoesToTheKeychainOnly()
    {
        const QString secret = derivedTestSecret();
        const auto added =
            run({QStringLiteral("destination"), QStringLiteral("add"), QStringLiteral("--name"),
                 QStringLiteral("Crm"), QStringLiteral("--endpoint"),
                 QStringLiteral("https://crm.example/in"), QStringLiteral("--auth"),
                 QStringLiteral("bearer"), QStringLiteral("--headers"),
                 QStringLiteral("X-Team:growth")},
                {{QStringLiteral("OUTFLOW_BEARER_TOKEN"), secret}});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QVERIFY(!added.out.contains(secret) && !added.err.contains(secret));
        const QString id = destinationId(QStringLiteral("Crm"));
        QVERIFY(!id.isEmpty());

        SecretStore keychain;
        const SecretResult read = waitFor(keychain.read(
            DestinationSecrets::keychainKey(id, DestinationSecrets::Kind::BearerToken)));
        QCOMPARE(read.status, SecretResult::Status::Ok);
        QCOMPARE(read.value, secret);

        const auto shown =
            run({QStringLiteral("destination"), QStringLiteral("show"), QStringLiteral("Crm")});
        QCOMPARE(shown.exitCode, 0);
        QVERIFY(shown.out.contains(QLatin1String("X-Team")));
        QVERIFY(!shown.out.contains(secret));
        QFile store(m_store);
        QVERIFY(store.open(QIODevice::ReadOnly));
        QVERIFY(!store.readAll().contains(secret.toUtf8()));

        const auto removed =
            run({QStringLiteral("destination"), QStringLiteral("remove"), QStringLiteral("Crm")});
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        const SecretResult gone = waitFor(keychain.read(
            DestinationSecrets::keychainKey(id, DestinationSecrets::Kind::BearerToken)));
        QCOMPARE(gone.status, SecretResult::Status::NotFound);
    }

    void aMissingSecretIsNamedAndNothingIsStored()
    {
        const auto added =
            run({QStringLiteral("destination"), QStringLiteral("add"), QStringLiteral("--name"),
                 QStringLiteral("Crm"), QStringLiteral("--endpoint"),
                 QStringLiteral("https://crm.example"), QStringLiteral("--auth"),
                 QStringLiteral("oauth2-client-credentials"), QStringLiteral("--token-url"),
                 QStringLiteral("https://auth.example/token"), QStringLiteral("--client-id"),
                 QStringLiteral("outflow")});
        QCOMPARE(added.exitCode, 2);
        QVERIFY2(added.err.contains(QLatin1String("OUTFLOW_CLIENT_SECRET")), qPrintable(added.err));
        QVERIFY(destinationId(QStringLiteral("Crm")).isEmpty());
    }

    void badInputNamesTheOption_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("named");
        QTest::newRow("endpoint scheme")
            << QStringList{QStringLiteral("--endpoint"), QStringLiteral("ftp://x.example")}
            << QStringLiteral("endpoint");
        QTest::newRow("reserved header")
            << QStringList{QStringLiteral("--endpoint"), QStringLiteral("https://x.example"),
                           QStringLiteral("--headers"), QStringLiteral("A:1,Content-Length:5")}
            << QStringLiteral("headers: entry 2");
        QTest::newRow("query without name")
            << QStringList{QStringLiteral("--endpoint"), QStringLiteral("https://x.example"),
                           QStringLiteral("--query"), QStringLiteral("a=1&=2")}
            << QStringLiteral("query");
        QTest::newRow("auth type")
            << QStringList{QStringLiteral("--endpoint"), QStringLiteral("https://x.example"),
                           QStringLiteral("--auth"), QStringLiteral("kerberos")}
            << QStringLiteral("auth");
        QTest::newRow("timeout") << QStringList{QStringLiteral("--endpoint"),
                                                QStringLiteral("https://x.example"),
                                                QStringLiteral("--timeout-ms"),
                                                QStringLiteral("soon")}
                                 << QStringLiteral("timeout");
        QTest::newRow("client certificate file")
            << QStringList{QStringLiteral("--endpoint"), QStringLiteral("https://x.example"),
                           QStringLiteral("--client-cert"),
                           QStringLiteral("/nonexistent/client.pem")}
            << QStringLiteral("/nonexistent/client.pem");
    }

    void badInputNamesTheOption()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, named);
        const auto added = run(QStringList{QStringLiteral("destination"), QStringLiteral("add"),
                                           QStringLiteral("--name"), QStringLiteral("Bad")} +
                               options);
        QCOMPARE(added.exitCode, 2);
        QVERIFY2(added.err.contains(named), qPrintable(added.err));
        QVERIFY(destinationId(QStringLiteral("Bad")).isEmpty());
    }

    void duplicateNameIsRefusedAndTheFirstIsKept()
    {
        const QStringList add{
            QStringLiteral("destination"), QStringLiteral("add"),
            QStringLiteral("--name"),      QStringLiteral("Same"),
            QStringLiteral("--endpoint"),  QStringLiteral("http://127.0.0.1:9/a")};
        QCOMPARE(run(add).exitCode, 0);
        const QString first = destinationId(QStringLiteral("Same"));
        const auto again = run(add);
        QCOMPARE(again.exitCode, 2);
        QVERIFY2(again.err.contains(QLatin1String("Same")), qPrintable(again.err));
        QCOMPARE(destinationId(QStringLiteral("Same")), first);
    }
};

QTEST_GUILESS_MAIN(TestCliDestination)
#include "tst_cli_destination.moc"
