// Delivery through outflowctl as a user runs it: run --until-idle,
// deliveries, replay, a kill -9 in the middle of a run, a bearer token from
// the keychain that appears nowhere else, and destination test.
#include "cli/command.h"
#include "monitoring/alertrules.h"
#include "support/deliveryfixture.h"
#include "support/httptestreceiver.h"
#include "support/secrethelpers.h"
#include "testconfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
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

class TestCliDelivery final : public QObject
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

    void runUntilIdleThenDeliveriesAndReplay()
    {
        Destination destination;
        const QString dataflow = m_fixture->addDestination(m_receiver->url(), &destination);
        const QList<QByteArray> ids = m_fixture->enqueueMany(dataflow, 3);
        bool healthy = false;
        m_receiver->setHandler([&healthy, &ids](const ReceivedRequest &request, int) {
            return healthy || request.exportId() != ids.at(2)
                       ? Reply()
                       : Reply::withStatus(422, R"({"error":"unknown field"})");
        });
        const Finished run = outflowctl({u"run"_s, u"--until-idle"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"2 delivered, 0 retried, 1 failed in this run."_s),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(u"1 dead letter kept"_s), qPrintable(run.out));

        const QJsonObject status =
            QJsonDocument::fromJson(
                outflowctl({u"--json"_s, u"status"_s, destination.name}).out.toUtf8())
                .array()
                .at(0)
                .toObject();
        QCOMPARE(status.value(u"delivered").toInt(), 2);
        QCOMPARE(status.value(u"failed").toInt(), 1);
        QCOMPARE(status.value(u"deadLetters").toInt(), 1);
        QCOMPARE(status.value(u"backlog").toInt(), 0);

        const Finished failed =
            outflowctl({u"--json"_s, u"deliveries"_s, destination.name, u"--failed"_s});
        QCOMPARE(failed.exitCode, 0);
        const QJsonArray dead = QJsonDocument::fromJson(failed.out.toUtf8()).array();
        QCOMPARE(dead.size(), 1);
        const QJsonObject row = dead.at(0).toObject();
        QCOMPARE(row.value(u"exportId").toString(), QString::fromLatin1(ids.at(2)));
        QCOMPARE(row.value(u"status").toInt(), 422);
        QCOMPARE(row.value(u"attempts").toInt(), 1);
        QCOMPARE(row.value(u"reason").toString(), u"http-status"_s);
        QCOMPARE(row.value(u"profile").toInteger(), 3);
        for (const char *key :
             {"exportId", "profile", "status", "attempts", "latencyMs", "reason", "error"})
            QVERIFY2(row.contains(QLatin1String(key)), key);

        const Finished log =
            outflowctl({u"--json"_s, u"deliveries"_s, destination.id, u"--limit"_s, u"2"_s});
        QCOMPARE(log.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(log.out.toUtf8()).array().size(), 2);

        healthy = true;
        const Finished replay = outflowctl({u"replay"_s, destination.name, u"--failed"_s});
        QCOMPARE(replay.exitCode, 0);
        QVERIFY2(replay.out.contains(u"1 failed export queued again"_s), qPrintable(replay.out));
        QCOMPARE(outflowctl({u"run"_s, u"--until-idle"_s}).exitCode, 0);
        QCOMPARE(m_receiver->exportIds().count(ids.at(2)), 2);
        QCOMPARE(m_fixture->summary(dataflow).failed, 0);
        const QJsonArray latest =
            QJsonDocument::fromJson(
                outflowctl({u"--json"_s, u"deliveries"_s, destination.name, u"--limit"_s, u"1"_s})
                    .out.toUtf8())
                .array();
        QCOMPARE(latest.at(0).toObject().value(u"outcome").toString(), u"delivered"_s);
        QCOMPARE(latest.at(0).toObject().value(u"lane").toString(), u"replay"_s);
    }

    // `replay DESTINATION --export ID ...`: only the chosen dead letters go
    // again; an id that is not one is refused (exit 2, named) and nothing
    // is replayed; a chosen one a newer export of its profile replaced is
    // not sent again (issue #18 item 3: a replay never sends stale state).
    void replayChosenExports()
    {
        Destination destination;
        const QString dataflow = m_fixture->addDestination(m_receiver->url(), &destination);
        const QList<QByteArray> ids = m_fixture->enqueueMany(dataflow, 3); // profiles 1, 2, 3
        bool healthy = false;
        m_receiver->setHandler([&healthy](const ReceivedRequest &, int) {
            return healthy ? Reply() : Reply::withStatus(400, "refused");
        });
        QCOMPARE(outflowctl({u"run"_s, u"--until-idle"_s}).exitCode, 0);
        QCOMPARE(m_fixture->summary(dataflow).failed, 3);
        const QString first = QString::fromLatin1(ids.at(0));
        const QString third = QString::fromLatin1(ids.at(2));

        const Finished unknown = outflowctl(
            {u"replay"_s, destination.name, u"--export"_s, first, u"--export"_s, u"nope-123"_s});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(u"nope-123"_s), qPrintable(unknown.err));
        QCOMPARE(m_fixture->summary(dataflow).failed, 3); // all or nothing
        QCOMPARE(outflowctl({u"replay"_s, destination.name, u"--export"_s, u" "_s}).exitCode, 2);

        // Profile 1 gets a newer export (logged as the activation does).
        const QByteArray newer = m_fixture->enqueue(dataflow, 1);
        QVERIFY(m_fixture->store().recordActivation(ActivationRecord{
            0, dataflow, 1, ActivationOutcome::Exported, QString::fromLatin1(newer),
            QByteArrayLiteral("{}"), QDateTime::currentMSecsSinceEpoch()}));
        healthy = true;
        const Finished chosen = outflowctl({u"--json"_s, u"replay"_s, destination.name,
                                            u"--export"_s, first, u"--export"_s, third});
        QCOMPARE(chosen.exitCode, 0);
        const QJsonObject counts = QJsonDocument::fromJson(chosen.out.toUtf8()).object();
        QCOMPARE(counts.value(u"replayed").toInt(), 1);
        QCOMPARE(counts.value(u"superseded").toInt(), 1);
        QCOMPARE(outflowctl({u"run"_s, u"--until-idle"_s}).exitCode, 0);
        QCOMPARE(m_receiver->exportIds().count(ids.at(0)), 1); // the stale state, never again
        QCOMPARE(m_receiver->exportIds().count(ids.at(1)), 1); // not chosen: still failed
        QCOMPARE(m_receiver->exportIds().count(ids.at(2)), 2);
        QCOMPARE(m_receiver->exportIds().count(newer), 1);
        QCOMPARE(m_fixture->summary(dataflow).failed, 1);
        const Finished text = outflowctl({u"replay"_s, destination.name, u"--export"_s, first});
        QCOMPARE(text.exitCode, 2); // superseded and gone: no longer a dead letter
    }

    void badUsage()
    {
        m_fixture->addDestination(m_receiver->url());
        QCOMPARE(outflowctl({u"deliveries"_s}).exitCode, 2);
        QCOMPARE(outflowctl({u"deliveries"_s, u"nope"_s}).exitCode, 2);
        QCOMPARE(outflowctl({u"deliveries"_s, u"dest-1"_s, u"--limit"_s, u"0"_s}).exitCode, 2);
        QCOMPARE(outflowctl({u"replay"_s, u"nope"_s}).exitCode, 2);
    }

    // kill -9 with exports in flight, then a second run: every export id
    // arrives at least once (the ones in flight may arrive twice).
    void killedMidRunLosesNothing()
    {
        const QString dataflow = m_fixture->addDestination(m_receiver->url());
        const QList<QByteArray> ids = m_fixture->enqueueMany(dataflow, 1500);
        m_receiver->setHandler([](const ReceivedRequest &, int) {
            Reply reply;
            reply.delayMs = 20; // in flight long enough to be caught by the kill
            return reply;
        });
        QProcess first;
        first.start(outflowctlBinary,
                    {u"--store"_s, m_fixture->storePath(), u"run"_s, u"--until-idle"_s});
        QTRY_VERIFY_WITH_TIMEOUT(m_receiver->requests().size() >= 300, 30000);
        const qsizetype beforeKill = m_receiver->requests().size();
        first.kill(); // SIGKILL: no stop, no release, no last write
        QVERIFY(first.waitForFinished(5000));
        QCOMPARE(first.exitStatus(), QProcess::CrashExit);
        const OutboxSummary killed = m_fixture->summary(dataflow);
        QVERIFY2(killed.sending > 0, "the kill came with nothing in flight");

        m_receiver->setHandler({});
        const Finished second = outflowctl({u"run"_s, u"--until-idle"_s}, 60000);
        QCOMPARE(second.exitCode, 0);
        const QList<QByteArray> received = m_receiver->exportIds();
        const QSet<QByteArray> distinct(received.cbegin(), received.cend());
        for (const QByteArray &id : ids)
            QVERIFY2(distinct.contains(id), id.constData());
        QCOMPARE(m_fixture->summary(dataflow).backlog(), 0);
        qInfo("kill -9 after %lld requests: %lld exports, %lld requests in all, %lld duplicates",
              qlonglong(beforeKill), qlonglong(ids.size()), qlonglong(received.size()),
              qlonglong(received.size() - distinct.size()));
    }

    void aBearerTokenFromTheKeychainAppearsNowhereElse()
    {
        SecretStore keychain;
        const QString token = u"tok-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
        Destination destination;
        const QString dataflow = m_fixture->addDestination(
            m_receiver->url(), &destination, [](Destination &d) { d.auth = AuthType::Bearer; });
        const QString key =
            DestinationSecrets::keychainKey(destination.id, DestinationSecrets::Kind::BearerToken);
        const SecretResult stored = waitFor(keychain.store(key, token));
        if (stored.status == SecretResult::Status::NoKeychain)
            QFAIL("no keychain answers: tools/test.sh starts and unlocks gnome-keyring");
        QVERIFY2(!stored.isError(), qPrintable(stored.message()));
        m_fixture->enqueue(dataflow, 1);
        m_fixture->enqueue(dataflow, 2);
        // The endpoint quotes the credentials back, in a failure and a success.
        m_receiver->setHandler([](const ReceivedRequest &request, int index) {
            const QByteArray echo = "Authorization: " + request.header("Authorization");
            return index == 0 ? Reply::withStatus(400, echo) : Reply::withStatus(200, echo);
        });
        QString everything;
        for (const QStringList &arguments :
             {QStringList{u"run"_s, u"--until-idle"_s},
              QStringList{u"deliveries"_s, destination.name},
              QStringList{u"--json"_s, u"deliveries"_s, destination.name},
              QStringList{u"--json"_s, u"deliveries"_s, destination.name, u"--failed"_s},
              QStringList{u"destination"_s, u"show"_s, destination.name}}) {
            const Finished done = outflowctl(arguments);
            QCOMPARE(done.exitCode, 0);
            everything += done.out + done.err;
        }
        waitFor(keychain.remove(key));
        QCOMPARE(m_receiver->requests().size(), 2);
        QCOMPARE(m_receiver->requests().at(0).header("Authorization"),
                 "Bearer " + token.toLatin1());
        QVERIFY2(everything.contains(u"Authorization: ••••"_s), qPrintable(everything));
        QVERIFY2(!everything.contains(token), qPrintable(everything));
        m_fixture->store().close();
        const QStringList leaks = filesContaining(m_fixture->directory(), token.toLatin1());
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u", ")));
    }

    // In process: destinationcommand.cpp's "test" action lands here.
    void destinationTestSendsOneSample()
    {
        Destination destination;
        m_fixture->addDestination(m_receiver->url(u"/probe"_s), &destination);
        QString out, err;
        QTextStream outStream(&out), errStream(&err);
        cli::Context context{{}, false, m_fixture->storePath(), outStream, errStream};
        const int code = cli::destinationTestCommand(
            context, {u"outflowctl destination test"_s, destination.name});
        QCOMPARE(code, cli::RunEventLoop);
        QTRY_VERIFY_WITH_TIMEOUT(out.contains(u"status: HTTP 200"_s), 10000);
        QCOMPARE(m_receiver->requests().size(), 1);
        const ReceivedRequest &request = m_receiver->requests().constFirst();
        QCOMPARE(request.target, QByteArray("/probe"));
        QVERIFY(QJsonDocument::fromJson(request.body).object().contains(u"identityMap"));
        QVERIFY2(out.contains(QString::fromLatin1(request.exportId())), qPrintable(out));
        QVERIFY2(out.contains(u"response: ok"_s), qPrintable(out));
        QVERIFY(err.isEmpty());
        // Nothing queued nor logged: a test is not a delivery.
        QCOMPARE(m_fixture->store().deliveryLog(destination.id, 10).size(), 0);
    }

    // `run --alert-command`: a subscribed alert raised runs the command with
    // the alert as JSON on stdin (once); `status` then shows the last hour's
    // figures and the active alert; `alerts --json` lists it.
    void alertCommandAndStatus()
    {
        Destination destination;
        const QString dataflow =
            m_fixture->addDestination(m_receiver->url(), &destination, [](Destination &d) {
                d.name = u"Hook"_s;
                d.maxRetries = 0;
                d.alerts = {u"delivery-failure-rate"_s};
            });
        m_fixture->enqueueMany(dataflow, 30);
        m_receiver->setHandler(
            [](const ReceivedRequest &, int) { return Reply::withStatus(503, "busy"); });
        const QString received = m_fixture->directory() + u"/alert.json"_s;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"OUTFLOW_MONITOR_TICK_MS"_s, u"100"_s);
        QProcess run;
        run.setProcessEnvironment(environment);
        // The path is the test's temporary folder: no shell quoting needed.
        run.start(outflowctlBinary, {u"--store"_s, m_fixture->storePath(), u"run"_s,
                                     u"--alert-command"_s, u"cat >> "_s + received});
        QTRY_VERIFY_WITH_TIMEOUT(QFile(received).size() > 0, 30000);
        // The engine keeps judging; the alert stays one, so the command ran once.
        QTRY_VERIFY_WITH_TIMEOUT(m_fixture->summary(dataflow).failed == 30, 30000);
        run.terminate();
        QVERIFY(run.waitForFinished(10000));
        const QString err = QString::fromUtf8(run.readAllStandardError());
        QVERIFY2(err.contains(u"run: alert delivery-failure-rate: Hook:"_s), qPrintable(err));
        QFile file(received);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        const QJsonObject alert = QJsonDocument::fromJson(lines.first()).object();
        QCOMPARE(alert.value(u"kind"_s).toString(), u"delivery-failure-rate"_s);
        QCOMPARE(alert.value(u"destination"_s).toString(), u"Hook"_s);
        QCOMPARE(alert.value(u"state"_s).toString(), u"active"_s);
        QVERIFY(alert.value(u"figures"_s).toObject().value(u"attempts"_s).toInteger() >= 20);

        const Finished status = outflowctl({u"--json"_s, u"status"_s, u"Hook"_s});
        QCOMPARE(status.exitCode, 0);
        const QJsonObject hook =
            QJsonDocument::fromJson(status.out.toUtf8()).array().at(0).toObject();
        // terminate() flushed the unfinished minute: the hour holds every attempt.
        const QJsonObject hour = hook.value(u"lastHour"_s).toObject();
        QCOMPARE(hour.value(u"attempts"_s).toInteger(), 30);
        QCOMPARE(hour.value(u"failed"_s).toInteger(), 30);
        QCOMPARE(hour.value(u"delivered"_s).toInteger(), 0);
        // Also slo-at-risk (nothing delivered), not subscribed: listed, not run.
        QJsonArray failureAlerts;
        for (const QJsonValue &active : hook.value(u"alerts"_s).toArray()) {
            if (active.toObject().value(u"kind"_s) == u"delivery-failure-rate"_s)
                failureAlerts.append(active);
        }
        QCOMPARE(failureAlerts.size(), 1);
        QCOMPARE(failureAlerts.at(0).toObject().value(u"id"_s), alert.value(u"id"_s));
        const Finished text = outflowctl({u"status"_s, u"Hook"_s});
        QVERIFY2(text.out.contains(u"last hour: delivered 0, failed 30, retried 0, timed out 0 of "
                                   u"30 attempts"_s),
                 qPrintable(text.out));
        QVERIFY2(text.out.contains(u"alert delivery-failure-rate (since "_s), qPrintable(text.out));
    }

    // Thresholds: a bad key or value names itself, and nothing is stored.
    void alertThresholdsAreValidated()
    {
        const QStringList add{u"destination"_s, u"add"_s,        u"--name"_s,
                              u"T"_s,           u"--endpoint"_s, m_receiver->url().toString()};
        Finished bad =
            outflowctl(add + QStringList{u"--alert-threshold"_s, u"delivery-delay=soon"_s});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(u"alert-threshold"_s) && bad.err.contains(u"“soon”"_s),
                 qPrintable(bad.err));
        bad = outflowctl(add + QStringList{u"--alert-threshold"_s, u"nonsense=1"_s});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(u"“nonsense”"_s), qPrintable(bad.err));
        QCOMPARE(m_fixture->store().destinations().size(), 0);
        const Finished good =
            outflowctl(add + QStringList{u"--alert-threshold"_s, u"delivery-failure-rate=2%"_s,
                                         u"--alert-threshold"_s, u"delivery-delay=90s"_s});
        QCOMPARE(good.exitCode, 0);
        const Destination stored = m_fixture->store().destinations().value(0);
        QCOMPARE(stored.alertThresholds.value(u"delivery-failure-rate"_s), u"2%"_s);
        const std::optional<AlertThresholds> thresholds =
            AlertRules::thresholds(stored.alertThresholds);
        QVERIFY(thresholds);
        QCOMPARE(thresholds->failureRate, 0.02);
        QCOMPARE(thresholds->delayMs, 90'000);
    }

private:
    // Runs outflowctl on the fixture's store while this thread's event loop
    // (the receiver) keeps running.
    Finished outflowctl(QStringList arguments, int timeoutMs = 30000)
    {
        arguments.prepend(m_fixture->storePath());
        arguments.prepend(u"--store"_s);
        QProcess process;
        process.start(outflowctlBinary, arguments);
        process.closeWriteChannel();
        Finished result;
        if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs)) {
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

QTEST_GUILESS_MAIN(TestCliDelivery)
#include "tst_cli_delivery.moc"
