// Secret headers and query parameters, `destination edit` and `destination
// set-secret` through outflowctl as an administrator runs it (issue #16):
// values from OUTFLOW_* variables into the real keychain, onto the wire of a
// real loopback receiver, and nowhere else (store file and WAL, outputs, log).
#include "delivery/destinationsecrets.h"
#include "support/deliveryfixture.h"
#include "support/httptestreceiver.h"
#include "support/secrethelpers.h"
#include "testconfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace outflow;
using namespace outflow::test;
using namespace Qt::StringLiterals;

namespace {

const QString outflowctlBinary = QStringLiteral(OUTFLOW_CLI_BINARY);

struct Finished
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCliSecrets final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_fixture = std::make_unique<DeliveryFixture>();
        m_receiver = std::make_unique<HttpTestReceiver>();
        QVERIFY(m_receiver->listen());
    }

    void cleanup()
    {
        m_receiver.reset();
        m_fixture.reset();
    }

    void secretHeaderAndQueryReachTheReceiverOnly()
    {
        const QString header = u"hdr-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString query = u"qry-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QHash<QString, QString> secrets{{u"OUTFLOW_SECRET_HEADER_X_API_KEY"_s, header},
                                              {u"OUTFLOW_SECRET_QUERY_API_TOKEN"_s, query}};
        const Finished added = outflowctl(
            {u"destination"_s, u"add"_s, u"--name"_s, u"Crm"_s, u"--endpoint"_s,
             m_receiver->url().toString(), u"--headers"_s, u"X-Team:growth"_s, u"--query"_s,
             u"p=1"_s, u"--secret-header"_s, u"X-Api-Key"_s, u"--secret-query"_s, u"api_token"_s},
            secrets);
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const std::optional<Destination> stored = m_fixture->store().destinationByName(u"Crm"_s);
        QVERIFY(stored);
        QCOMPARE(stored->query, u"p=1&api_token="_s);
        QCOMPARE(stored->headers.at(1), (HttpHeader{u"X-Api-Key"_s, QString(), true}));
        SecretStore keychain;
        for (const QString &key : DestinationSecrets::keychainKeys(*stored))
            QVERIFY2(waitFor(keychain.read(key)).status == SecretResult::Status::Ok,
                     qPrintable(key));

        Dataflow dataflow;
        dataflow.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        dataflow.destinationId = stored->id;
        QVERIFY(m_fixture->store().saveDataflow(dataflow));
        m_fixture->enqueue(dataflow.id, 1);
        m_fixture->enqueue(dataflow.id, 2);
        // The endpoint echoes what it got, in a failure and a success.
        m_receiver->setHandler([](const ReceivedRequest &request, int index) {
            const QByteArray echo = request.target + " X-Api-Key=" + request.header("X-Api-Key");
            return Reply::withStatus(index == 0 ? 400 : 200, echo);
        });
        QString everything = added.out + added.err;
        for (const QStringList &arguments :
             {QStringList{u"run"_s, u"--until-idle"_s}, QStringList{u"deliveries"_s, u"Crm"_s},
              QStringList{u"--json"_s, u"deliveries"_s, u"Crm"_s, u"--failed"_s},
              QStringList{u"destination"_s, u"show"_s, u"Crm"_s},
              QStringList{u"--json"_s, u"destination"_s, u"show"_s, u"Crm"_s},
              QStringList{u"--json"_s, u"destination"_s, u"list"_s},
              QStringList{u"destination"_s, u"test"_s, u"Crm"_s}}) {
            const Finished done = outflowctl(arguments);
            QVERIFY2(done.exitCode == 0 || arguments.contains(u"test"_s), qPrintable(done.err));
            everything += done.out + done.err;
        }
        QCOMPARE(m_receiver->requests().size(), 3); // two exports, one test
        for (const ReceivedRequest &request : m_receiver->requests()) {
            QCOMPARE(request.header("X-Api-Key"), header.toLatin1());
            QCOMPARE(request.header("X-Team"), QByteArray("growth"));
            QVERIFY2(request.target.endsWith(QByteArray("?p=1&api_token=" + query.toLatin1())),
                     request.target.constData());
        }
        QVERIFY2(everything.contains(u"X-Api-Key=••••"_s), qPrintable(everything));
        QVERIFY2(everything.contains(u"api_token=••••"_s), qPrintable(everything));
        QVERIFY2(!everything.contains(header) && !everything.contains(query),
                 qPrintable(everything));
        // The store file and its WAL, while the store is open (the WAL is
        // then still there), and after.
        QStringList leaks = filesContaining(m_fixture->directory(), header.toLatin1()) +
                            filesContaining(m_fixture->directory(), query.toLatin1());
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u", ")));
        m_fixture->store().close();
        leaks = filesContaining(m_fixture->directory(), header.toLatin1()) +
                filesContaining(m_fixture->directory(), query.toLatin1());
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u", ")));

        const Finished removed = outflowctl({u"destination"_s, u"remove"_s, u"Crm"_s});
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        for (const QString &key : DestinationSecrets::keychainKeys(*stored))
            QCOMPARE(waitFor(keychain.read(key)).status, SecretResult::Status::NotFound);
    }

    // A value given neither by its variable nor on a terminal: named, nothing stored.
    void aSecretHeaderWithoutValueIsRefused()
    {
        const Finished added =
            outflowctl({u"destination"_s, u"add"_s, u"--name"_s, u"Crm"_s, u"--endpoint"_s,
                        m_receiver->url().toString(), u"--secret-header"_s, u"X-Api-Key"_s});
        QCOMPARE(added.exitCode, 2);
        QVERIFY2(added.err.contains(u"OUTFLOW_SECRET_HEADER_X_API_KEY"_s), qPrintable(added.err));
        QVERIFY(!m_fixture->store().destinationByName(u"Crm"_s));
        // The header rules apply to secret headers too; the value is not quoted.
        const Finished bad =
            outflowctl({u"destination"_s, u"add"_s, u"--name"_s, u"Crm"_s, u"--endpoint"_s,
                        m_receiver->url().toString(), u"--secret-header"_s, u"Content-Type"_s},
                       {{u"OUTFLOW_SECRET_HEADER_CONTENT_TYPE"_s, u"text/very-secret"_s}});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(u"headers: entry 1"_s) && !bad.err.contains(u"very-secret"_s),
                 qPrintable(bad.err));
    }

    // edit: only the options given change; the dataflow and its queued
    // exports stay, and go out once the endpoint is right.
    void editKeepsTheDataflowAndQueuedExports()
    {
        Destination destination;
        const QString dataflow = m_fixture->addDestination(
            QUrl(u"http://127.0.0.1:9/down"_s), &destination, [](Destination &d) {
                d.name = u"Crm"_s;
                d.headers = {{u"X-Team"_s, u"growth"_s}};
                d.alerts = {u"auth-failure"_s};
            });
        m_fixture->enqueueMany(dataflow, 3);
        QCOMPARE(m_fixture->summary(dataflow).backlog(), 3);

        const Finished bad =
            outflowctl({u"destination"_s, u"edit"_s, u"Crm"_s, u"--timeout-ms"_s, u"soon"_s});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(u"timeout-ms"_s), qPrintable(bad.err));
        const Finished noToken =
            outflowctl({u"destination"_s, u"edit"_s, u"Crm"_s, u"--auth"_s, u"bearer"_s});
        QCOMPARE(noToken.exitCode, 2);
        QVERIFY2(noToken.err.contains(u"OUTFLOW_BEARER_TOKEN"_s), qPrintable(noToken.err));
        QCOMPARE(m_fixture->store().destination(destination.id)->updatedAt, destination.updatedAt);

        const Finished edited = outflowctl({u"destination"_s, u"edit"_s, u"Crm"_s, u"--endpoint"_s,
                                            m_receiver->url().toString(), u"--timeout-ms"_s,
                                            u"3000"_s, u"--include-segment-names"_s});
        QVERIFY2(edited.exitCode == 0, qPrintable(edited.err));
        const Destination after = *m_fixture->store().destination(destination.id);
        QCOMPARE(after.endpoint, m_receiver->url());
        QCOMPARE(after.timeoutMs, 3000);
        QVERIFY(after.includeSegmentNames);
        QVERIFY(after.updatedAt > destination.updatedAt);
        // Untouched: what no option named.
        QCOMPARE(after.headers, destination.headers);
        QCOMPARE(after.alerts, destination.alerts);
        QCOMPARE(after.retryScheduleMs, destination.retryScheduleMs);
        QCOMPARE(after.createdAt, destination.createdAt);
        QCOMPARE(m_fixture->store().dataflowOfDestination(destination.id)->id, dataflow);
        QCOMPARE(m_fixture->summary(dataflow).backlog(), 3);

        const Finished run = outflowctl({u"run"_s, u"--until-idle"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(m_receiver->requests().size(), 3);
        QCOMPARE(m_fixture->summary(dataflow).backlog(), 0);
        QCOMPARE(m_receiver->requests().constFirst().header("X-Team"), QByteArray("growth"));

        // A new authentication takes its secret from the environment.
        const QString token = u"tok-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const Finished bearer =
            outflowctl({u"destination"_s, u"edit"_s, u"Crm"_s, u"--auth"_s, u"bearer"_s},
                       {{u"OUTFLOW_BEARER_TOKEN"_s, token}});
        QVERIFY2(bearer.exitCode == 0, qPrintable(bearer.err));
        QCOMPARE(m_fixture->store().destination(destination.id)->auth, AuthType::Bearer);
        SecretStore keychain;
        const QString key =
            DestinationSecrets::keychainKey(destination.id, DestinationSecrets::Kind::BearerToken);
        QCOMPARE(waitFor(keychain.read(key)).value, token);
        // Back to none: the token leaves the keychain.
        const Finished none =
            outflowctl({u"destination"_s, u"edit"_s, u"Crm"_s, u"--auth"_s, u"none"_s});
        QVERIFY2(none.exitCode == 0, qPrintable(none.err));
        QCOMPARE(waitFor(keychain.read(key)).status, SecretResult::Status::NotFound);
    }

    // set-secret replaces the bearer token of a running `outflowctl run`: the
    // receiver accepts only the new one, and the queued export gets through.
    void setSecretRotatesTheTokenOfARunningEngine()
    {
        const QString oldToken = u"old-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString newToken = u"new-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
        Destination destination;
        const QString dataflow =
            m_fixture->addDestination(m_receiver->url(), &destination, [](Destination &d) {
                d.name = u"Rotating"_s;
                d.auth = AuthType::Bearer;
                d.maxRetries = 10;
                d.retryScheduleMs = QList<int>(10, 300);
            });
        SecretStore keychain;
        const QString key =
            DestinationSecrets::keychainKey(destination.id, DestinationSecrets::Kind::BearerToken);
        QVERIFY(!waitFor(keychain.store(key, oldToken)).isError());
        const QByteArray accepted = "Bearer " + newToken.toLatin1();
        bool rotated = false;
        m_receiver->setHandler([&](const ReceivedRequest &request, int) {
            // The old token works until the rotation, then only the new one.
            const bool ok =
                request.header("Authorization") == accepted ||
                (!rotated && request.header("Authorization") == "Bearer " + oldToken.toLatin1());
            return ok ? Reply() : Reply::withStatus(503, "token refused");
        });
        m_fixture->enqueue(dataflow, 1);
        QProcess run;
        run.start(outflowctlBinary, {u"--store"_s, m_fixture->storePath(), u"run"_s});
        QTRY_VERIFY_WITH_TIMEOUT(!m_receiver->requests().isEmpty() &&
                                     m_fixture->summary(dataflow).backlog() == 0,
                                 20000);
        QCOMPARE(m_receiver->requests().constFirst().header("Authorization"),
                 "Bearer " + oldToken.toLatin1());

        rotated = true;
        const Finished set =
            outflowctl({u"destination"_s, u"set-secret"_s, u"Rotating"_s, u"bearer-token"_s},
                       {{u"OUTFLOW_BEARER_TOKEN"_s, newToken}});
        QVERIFY2(set.exitCode == 0, qPrintable(set.err));
        QVERIFY(!set.out.contains(newToken) && !set.err.contains(newToken));
        QCOMPARE(waitFor(keychain.read(key)).value, newToken);
        QVERIFY(m_fixture->store().destination(destination.id)->updatedAt > destination.updatedAt);
        m_fixture->enqueue(dataflow, 2);
        QTRY_VERIFY_WITH_TIMEOUT(m_receiver->requests().constLast().header("Authorization") ==
                                         accepted &&
                                     m_fixture->summary(dataflow).backlog() == 0,
                                 20000);
        QCOMPARE(m_fixture->summary(dataflow).failed, 0);
        run.terminate();
        QVERIFY(run.waitForFinished(10000));
        const QString log =
            QString::fromUtf8(run.readAllStandardError() + run.readAllStandardOutput());
        QVERIFY2(!log.contains(newToken) && !log.contains(oldToken), qPrintable(log));
        waitFor(keychain.remove(key));

        const Finished unknown =
            outflowctl({u"destination"_s, u"set-secret"_s, u"Rotating"_s, u"password"_s},
                       {{u"OUTFLOW_PASSWORD"_s, u"pw"_s}});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(u"no password"_s), qPrintable(unknown.err));
    }

    // status lists destinations without a dataflow too, with their state.
    void statusListsDestinationsWithoutDataflow()
    {
        Destination activated;
        m_fixture->addDestination(m_receiver->url(), &activated);
        const Finished keyless =
            outflowctl({u"destination"_s, u"add"_s, u"--name"_s, u"Keyless"_s, u"--endpoint"_s,
                        m_receiver->url().toString(), u"--secret-header"_s, u"X-Api-Key"_s},
                       {{u"OUTFLOW_SECRET_HEADER_X_API_KEY"_s, u"k-1234"_s}});
        QVERIFY2(keyless.exitCode == 0, qPrintable(keyless.err));
        const Destination stored = *m_fixture->store().destinationByName(u"Keyless"_s);
        SecretStore keychain;
        waitFor(keychain.remove(DestinationSecrets::keychainKeys(stored).constFirst()));
        const Finished disabled = outflowctl({u"destination"_s, u"add"_s, u"--name"_s, u"Off"_s,
                                              u"--endpoint"_s, m_receiver->url().toString()});
        QVERIFY2(disabled.exitCode == 0, qPrintable(disabled.err));
        QCOMPARE(outflowctl({u"destination"_s, u"disable"_s, u"Off"_s}).exitCode, 0);

        const Finished json = outflowctl({u"--json"_s, u"status"_s});
        QCOMPARE(json.exitCode, 0);
        QHash<QString, QJsonObject> byName;
        for (const QJsonValue &entry : QJsonDocument::fromJson(json.out.toUtf8()).array())
            byName.insert(entry[u"destination"_s].toString(), entry.toObject());
        QCOMPARE(byName.size(), 3);
        QVERIFY(!byName.value(activated.name).value(u"dataflow"_s).isNull());
        QVERIFY(byName.value(u"Keyless"_s).value(u"dataflow"_s).isNull());
        QCOMPARE(byName.value(u"Keyless"_s).value(u"state"_s).toString(), u"missing-secret"_s);
        QCOMPARE(byName.value(u"Keyless"_s).value(u"backlog"_s).toInt(-1), 0);
        QCOMPARE(byName.value(u"Off"_s).value(u"state"_s).toString(), u"disabled"_s);
        const Finished text = outflowctl({u"status"_s});
        QVERIFY2(text.out.contains(u"No dataflow yet: map audiences with 'outflowctl activate "
                                   u"Keyless"_s),
                 qPrintable(text.out));
    }

private:
    // Runs outflowctl on the fixture's store while this thread's event loop
    // (the receiver) keeps running; `variables` added, the OUTFLOW_* secrets
    // of the test's own environment removed.
    Finished outflowctl(QStringList arguments, const QHash<QString, QString> &variables = {})
    {
        arguments.prepend(m_fixture->storePath());
        arguments.prepend(u"--store"_s);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const QString &name : environment.keys()) {
            if (name.startsWith(u"OUTFLOW_SECRET_"_s) || name == u"OUTFLOW_BEARER_TOKEN"_s ||
                name == u"OUTFLOW_PASSWORD"_s || name == u"OUTFLOW_CLIENT_SECRET"_s)
                environment.remove(name);
        }
        for (auto it = variables.cbegin(); it != variables.cend(); ++it)
            environment.insert(it.key(), it.value());
        environment.insert(u"LANGUAGE"_s, u"en"_s);
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(outflowctlBinary, arguments);
        process.closeWriteChannel();
        Finished result;
        if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 30000)) {
            process.kill();
            process.waitForFinished();
            result.err = u"timed out"_s;
            return result;
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err += QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    std::unique_ptr<DeliveryFixture> m_fixture;
    std::unique_ptr<HttpTestReceiver> m_receiver;
};

QTEST_GUILESS_MAIN(TestCliSecrets)
#include "tst_cli_secrets.moc"
