// Batched delivery (issue #22) through outflowctl: the --batch-max-* options
// of destination add/edit round-trip to `destination show`, bad values are
// refused with a message naming the option (and nothing stored changes),
// and a kill -9 of `run` with batches in flight loses no export.
#include "support/deliveryfixture.h"
#include "support/httptestreceiver.h"
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

QList<QByteArray> idsOf(const ReceivedRequest &request)
{
    QList<QByteArray> ids;
    for (const QJsonValue &element : QJsonDocument::fromJson(request.body).array())
        ids.append(element[QLatin1String("exportId")].toString().toLatin1());
    return ids;
}

} // namespace

class TestCliBatching final : public QObject
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

    void optionsRoundTripThroughShow()
    {
        const Finished added =
            outflowctl({u"destination"_s, u"add"_s, u"--name"_s, u"Batched"_s, u"--endpoint"_s,
                        u"http://127.0.0.1:9/in"_s, u"--batch-max-exports"_s, u"100"_s,
                        u"--batch-max-age"_s, u"250ms"_s, u"--batch-max-bytes"_s, u"512KiB"_s});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QJsonObject shown = show(u"Batched"_s);
        QCOMPARE(shown.value(u"batchMaxExports"_s).toInt(), 100);
        QCOMPARE(shown.value(u"batchMaxAgeMs"_s).toInt(), 250);
        QCOMPARE(shown.value(u"batchMaxBytes"_s).toInt(), 512 * 1024);
        // The text form shows them too.
        const Finished text = outflowctl({u"destination"_s, u"show"_s, u"Batched"_s});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(u"\"batchMaxExports\": 100"_s), qPrintable(text.out));

        // An edit changes what it names, and only that.
        const Finished edited =
            outflowctl({u"destination"_s, u"edit"_s, u"Batched"_s, u"--batch-max-age"_s, u"2s"_s});
        QVERIFY2(edited.exitCode == 0, qPrintable(edited.err));
        shown = show(u"Batched"_s);
        QCOMPARE(shown.value(u"batchMaxExports"_s).toInt(), 100);
        QCOMPARE(shown.value(u"batchMaxAgeMs"_s).toInt(), 2000);
        QCOMPARE(shown.value(u"batchMaxBytes"_s).toInt(), 512 * 1024);
        // Back to one profile per request.
        QCOMPARE(outflowctl(
                     {u"destination"_s, u"edit"_s, u"Batched"_s, u"--batch-max-exports"_s, u"1"_s})
                     .exitCode,
                 0);
        QCOMPARE(show(u"Batched"_s).value(u"batchMaxExports"_s).toInt(), 1);

        // Without the options: the reference's one profile per request.
        QCOMPARE(outflowctl({u"destination"_s, u"add"_s, u"--name"_s, u"Plain"_s, u"--endpoint"_s,
                             u"http://127.0.0.1:9/in"_s})
                     .exitCode,
                 0);
        QCOMPARE(show(u"Plain"_s).value(u"batchMaxExports"_s).toInt(), 1);
    }

    void badValuesAreRefusedNamingTheOption_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("value");
        QTest::newRow("no exports") << u"batch-max-exports"_s << u"0"_s;
        QTest::newRow("exports not a number") << u"batch-max-exports"_s << u"lots"_s;
        QTest::newRow("too many exports") << u"batch-max-exports"_s << u"20000"_s;
        QTest::newRow("age not a duration") << u"batch-max-age"_s << u"soon"_s;
        QTest::newRow("age too long") << u"batch-max-age"_s << u"5m"_s;
        QTest::newRow("bytes not a size") << u"batch-max-bytes"_s << u"big"_s;
        QTest::newRow("bytes too small") << u"batch-max-bytes"_s << u"10"_s;
        QTest::newRow("bytes too large") << u"batch-max-bytes"_s << u"1000MiB"_s;
    }

    void badValuesAreRefusedNamingTheOption()
    {
        QFETCH(QString, option);
        QFETCH(QString, value);
        QCOMPARE(outflowctl({u"destination"_s, u"add"_s, u"--name"_s, u"Kept"_s, u"--endpoint"_s,
                             u"http://127.0.0.1:9/in"_s, u"--batch-max-exports"_s, u"10"_s})
                     .exitCode,
                 0);
        const QJsonObject before = show(u"Kept"_s);
        for (const QString &action : {u"add"_s, u"edit"_s}) {
            QStringList arguments{u"destination"_s, action};
            arguments << (action == u"add"_s ? QStringList{u"--name"_s, u"Other"_s, u"--endpoint"_s,
                                                           u"http://127.0.0.1:9/in"_s}
                                             : QStringList{u"Kept"_s});
            arguments << u"--"_s + option << value;
            const Finished refused = outflowctl(arguments);
            QCOMPARE(refused.exitCode, 2);
            QVERIFY2(refused.err.contains(option + u": "_s), qPrintable(refused.err));
        }
        QCOMPARE(show(u"Kept"_s), before);
        QCOMPARE(outflowctl({u"destination"_s, u"show"_s, u"Other"_s}).exitCode, 2);
    }

    // `destination test` sends what deliveries send: a batch (of one).
    void destinationTestSendsTheBatchShape()
    {
        QCOMPARE(outflowctl({u"destination"_s, u"add"_s, u"--name"_s, u"Probe"_s, u"--endpoint"_s,
                             m_receiver->url().toString(), u"--batch-max-exports"_s, u"10"_s})
                     .exitCode,
                 0);
        const Finished tested = outflowctl({u"destination"_s, u"test"_s, u"Probe"_s});
        QVERIFY2(tested.exitCode == 0, qPrintable(tested.err + tested.out));
        QCOMPARE(m_receiver->requests().size(), 1);
        const ReceivedRequest &request = m_receiver->requests().at(0);
        QVERIFY(!request.header("X-Outflow-Batch-Id").isEmpty());
        QCOMPARE(request.headerCount("X-Outflow-Export-Id"), 0);
        const QJsonArray body = QJsonDocument::fromJson(request.body).array();
        QCOMPARE(body.size(), 1);
        QVERIFY(!body.at(0)[QLatin1String("exportId")].toString().isEmpty());
        QVERIFY(body.at(0)[QLatin1String("profile")].isObject());
    }

    // kill -9 with batches in flight, then a second run: every export id
    // arrives at least once (those in flight may arrive twice).
    void killedMidBatchLosesNothing()
    {
        const QString dataflow =
            m_fixture->addDestination(m_receiver->url(), nullptr, [](Destination &d) {
                d.batchMaxExports = 50;
                d.batchMaxAgeMs = 20;
            });
        const QList<QByteArray> ids = m_fixture->enqueueMany(dataflow, 3000);
        m_receiver->setHandler([](const ReceivedRequest &, int) {
            Reply reply;
            reply.delayMs = 50; // in flight long enough to be caught by the kill
            return reply;
        });
        QProcess first;
        first.start(outflowctlBinary,
                    {u"--store"_s, m_fixture->storePath(), u"run"_s, u"--until-idle"_s});
        QTRY_VERIFY_WITH_TIMEOUT(m_receiver->requests().size() >= 10, 30000);
        first.kill(); // SIGKILL: no stop, no release, no last write
        QVERIFY(first.waitForFinished(5000));
        QCOMPARE(first.exitStatus(), QProcess::CrashExit);
        const OutboxSummary killed = m_fixture->summary(dataflow);
        QVERIFY2(killed.sending > 0, "the kill came with nothing in flight");
        QVERIFY2(killed.backlog() > 0, "everything was delivered before the kill");

        m_receiver->setHandler({});
        const Finished second = outflowctl({u"run"_s, u"--until-idle"_s}, 60000);
        QCOMPARE(second.exitCode, 0);
        QSet<QByteArray> distinct;
        qsizetype received = 0;
        for (const ReceivedRequest &request : m_receiver->requests()) {
            QVERIFY(!request.header("X-Outflow-Batch-Id").isEmpty());
            for (const QByteArray &id : idsOf(request)) {
                distinct.insert(id);
                ++received;
            }
        }
        for (const QByteArray &id : ids)
            QVERIFY2(distinct.contains(id), id.constData());
        QCOMPARE(m_fixture->summary(dataflow).backlog(), 0);
        // The delivery log names each export's batch.
        const Finished log =
            outflowctl({u"--json"_s, u"deliveries"_s, u"dest-1"_s, u"--limit"_s, u"20"_s});
        QCOMPARE(log.exitCode, 0);
        const QJsonArray entries = QJsonDocument::fromJson(log.out.toUtf8()).array();
        QCOMPARE(entries.size(), 20);
        for (const QJsonValue &entry : entries)
            QVERIFY(!entry[QLatin1String("batchId")].toString().isEmpty());
        qInfo("kill -9 with batches in flight: %lld exports, %lld received, %lld duplicates",
              qlonglong(ids.size()), qlonglong(received), qlonglong(received - distinct.size()));
    }

private:
    QJsonObject show(const QString &name)
    {
        const Finished shown = outflowctl({u"--json"_s, u"destination"_s, u"show"_s, name});
        if (shown.exitCode != 0)
            qWarning("show %s: %s", qPrintable(name), qPrintable(shown.err));
        return QJsonDocument::fromJson(shown.out.toUtf8()).object();
    }

    Finished outflowctl(QStringList arguments, int timeoutMs = 30000)
    {
        arguments.prepend(m_fixture->storePath());
        arguments.prepend(u"--store"_s);
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"LANGUAGE"_s, u"en"_s);
        process.setProcessEnvironment(environment);
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

QTEST_GUILESS_MAIN(TestCliBatching)
#include "tst_cli_batching.moc"
