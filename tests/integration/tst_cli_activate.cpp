// `outflowctl destination`, `activate`, `run --until-idle`, `status`,
// `resend` and `profiles --why` as an administrator runs them (DESIGN §5,
// issue #5 item 7): the real binary on a real store file, delivering to a
// real receiver on 127.0.0.1.
#include "support/processrunner.h"
#include "support/receiverprocess.h"
#include "testconfig.h"

#include <memory>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using outflow::test::ProcessResult;
using outflow::test::ReceiverProcess;
using outflow::test::runProcess;

namespace {

const QString cli = QStringLiteral(OUTFLOW_CLI_BINARY);

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QJsonObject object(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

QJsonArray array(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).array();
}

} // namespace

class TestCliActivate final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void destinationLifecycle();
    void activateRejectsBadInputAndWritesNothing();
    void activateMapsAdditivelyWithTimestamps();
    void runBackfillsThenStatusResendAndWhy();
    void disabledDestinationsBackfillWaits();

private:
    // Gold (points >= 100) and Silver (>= 50); user0..user29 with points
    // i * 10 (Gold: user10..user29); user10..user24 have an e-mail address.
    void seedAudiencesAndProfiles();
    // `status --window`, `--series` (issue #18) after the backfill's run.
    void statusOverWindows();
    ProcessResult run(const QStringList &arguments);
    QString write(const QString &name, const QByteArray &data);

    QTemporaryDir m_dir;
    QString m_store;
    std::unique_ptr<ReceiverProcess> m_receiver;
};

void TestCliActivate::init()
{
    QVERIFY(m_dir.isValid());
    m_store = m_dir.filePath(
        QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction())));
    m_receiver = std::make_unique<ReceiverProcess>(cli);
    QTRY_VERIFY_WITH_TIMEOUT(!m_receiver->url().isEmpty(), 10000);
}

void TestCliActivate::destinationLifecycle()
{
    ProcessResult r = run({s("destination"), s("list")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(s("No destination yet")), qPrintable(r.out));

    r = run({s("--json"), s("destination"), s("add"), s("--name"), s("Hook"), s("--endpoint"),
             s("https://example.com/in"), s("--include-segment-names")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject added = object(r.out);
    QCOMPARE(added.value(s("name")).toString(), s("Hook"));
    QCOMPARE(added.value(s("id")).toString().size(), 36);
    r = run({s("destination"), s("add"), s("--name"), s("Hook"), s("--endpoint"),
             s("https://example.com/other")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(s("“Hook”")), qPrintable(r.err));
    r = run({s("destination"), s("add"), s("--name"), s("Bad"), s("--endpoint"), s("ftp://x")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(s("endpoint")), qPrintable(r.err));

    r = run({s("--json"), s("destination"), s("list")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray list = array(r.out);
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().toObject().keys(),
             (QStringList{s("auth"), s("enabled"), s("endpoint"), s("id"), s("name")}));
    QCOMPARE(list.first().toObject().value(s("endpoint")).toString(), s("https://example.com/in"));
    QCOMPARE(list.first().toObject().value(s("auth")).toString(), s("none"));

    r = run({s("--json"), s("destination"), s("show"), s("Hook")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(object(r.out).value(s("id")), added.value(s("id")));
    QVERIFY(object(r.out).value(s("createdAt")).toInteger() > 1'600'000'000'000);

    r = run({s("destination"), s("disable"), s("Hook")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(array(run({s("--json"), s("destination"), s("list")}).out)
                 .first()
                 .toObject()
                 .value(s("enabled")),
             QJsonValue(false));
    // By id as well as by name.
    r = run({s("destination"), s("enable"), added.value(s("id")).toString()});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(array(run({s("--json"), s("destination"), s("list")}).out)
                 .first()
                 .toObject()
                 .value(s("enabled")),
             QJsonValue(true));

    r = run({s("destination"), s("show"), s("Nope")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(s("“Nope”")), qPrintable(r.err));
    r = run({s("destination"), s("remove"), s("Hook")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(array(run({s("--json"), s("destination"), s("list")}).out).size(), 0);
}

void TestCliActivate::activateRejectsBadInputAndWritesNothing()
{
    seedAudiencesAndProfiles();
    const QStringList base{s("activate"), s("Hook"), s("--audience"), s("Gold")};
    const QList<QPair<QStringList, QString>> cases{
        {{s("activate"), s("Hook"), s("--audience"), s("Nope")}, s("“Nope”")},
        {{s("activate"), s("Nowhere"), s("--audience"), s("Gold")}, s("“Nowhere”")},
        {base + QStringList{s("--attribute"), s("person..name")}, s("“person..name”")},
        {base + QStringList{s("--attribute"), s("identityMap.email")}, s("identities cannot")},
        {base + QStringList{s("--attribute"), s("segmentMembership.ups")}, s("memberships cannot")},
        {base + QStringList{s("--attribute"), s("person.name first")}, s("field 2")},
        {base + QStringList{s("--mandatory"), s(".email")}, s("“.email”")},
        {base + QStringList{s("--identifier"), s("a.")}, s("“a.”")},
        {base + QStringList{s("--triggers"), s("attribute,bogus")}, s("'bogus'")},
    };
    for (const auto &[arguments, named] : cases) {
        const ProcessResult r = run(arguments);
        QVERIFY2(r.exitCode == 2, qPrintable(arguments.join(u' ') + u'\n' + r.err));
        QVERIFY2(r.err.contains(named), qPrintable(r.err));
    }
    // Nothing was written: no dataflow, no backfill.
    const ProcessResult r = run({s("status"), s("Hook")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(s("no dataflow")), qPrintable(r.err));
    QVERIFY2(run({s("status")}).out.contains(s("No dataflow yet")), "a dataflow was written");
}

void TestCliActivate::activateMapsAdditivelyWithTimestamps()
{
    seedAudiencesAndProfiles();
    ProcessResult r = run({s("activate"), s("Hook"), s("--audience"), s("Gold"), s("--attribute"),
                           s("person.name.firstName"), s("--mandatory"), s("personalEmail.address"),
                           s("--identifier"), s("personalEmail.address"), s("--triggers"),
                           s("attribute, segmentation")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(s("created (audiences: 1, attributes: 2)")), qPrintable(r.out));
    QVERIFY2(r.out.contains(s("Backfill: 20 profiles already realized")),
             qPrintable(r.out)); // prints its size

    r = run({s("--json"), s("activate"), s("Hook"), s("--audience"), s("Silver")});
    QCOMPARE(r.exitCode, 0);
    QJsonObject result = object(r.out);
    QCOMPARE(result.value(s("created")), QJsonValue(false));
    QCOMPARE(result.value(s("backfill")).toObject().value(s("total")).toInteger(), 25);
    QJsonObject config = result.value(s("dataflowConfig")).toObject();
    QJsonArray audiences = config.value(s("audiences")).toArray();
    QCOMPARE(audiences.size(), 2); // additive: Gold stays
    const QJsonObject gold = audiences.at(0).toObject();
    const QJsonObject silver = audiences.at(1).toObject();
    QCOMPARE(gold.value(s("mappingCreatedAt")), gold.value(s("mappingUpdatedAt")));
    const QJsonArray attributes = config.value(s("attributes")).toArray();
    QCOMPARE(attributes.size(), 2); // unchanged
    QCOMPARE(attributes.at(1).toObject(), (QJsonObject{{s("path"), s("personalEmail.address")},
                                                       {s("identifier"), true},
                                                       {s("mandatory"), true}}));
    QCOMPARE(
        config.value(s("triggers")).toObject(),
        (QJsonObject{{s("attribute"), true}, {s("segmentation"), true}, {s("identity"), false}}));

    // Mapping Gold again touches its mapping, keeps its creation, backfills nothing.
    r = run({s("--json"), s("activate"), s("Hook"), s("--audience"), s("Gold")});
    QCOMPARE(r.exitCode, 0);
    result = object(r.out);
    QCOMPARE(result.value(s("backfill")).toObject().value(s("total")).toInteger(), 0);
    audiences = result.value(s("dataflowConfig")).toObject().value(s("audiences")).toArray();
    const QJsonObject regold = audiences.at(0).toObject();
    QCOMPARE(regold.value(s("id")), gold.value(s("id")));
    QCOMPARE(regold.value(s("mappingCreatedAt")), gold.value(s("mappingCreatedAt")));
    QVERIFY(regold.value(s("mappingUpdatedAt")).toInteger() >
            gold.value(s("mappingUpdatedAt")).toInteger());
    QCOMPARE(audiences.at(1).toObject(), silver); // the other mapping is left alone

    r = run({s("--json"), s("activate"), s("Hook"), s("--remove-audience"), s("Silver"),
             s("--remove-attribute"), s("person.name.firstName")});
    QCOMPARE(r.exitCode, 0);
    config = object(r.out).value(s("dataflowConfig")).toObject();
    QCOMPARE(config.value(s("audiences")).toArray().size(), 1);
    QCOMPARE(config.value(s("audiences")).toArray().at(0).toObject().value(s("id")),
             gold.value(s("id")));
    QCOMPARE(config.value(s("attributes")).toArray().size(), 1);
}

void TestCliActivate::runBackfillsThenStatusResendAndWhy()
{
    seedAudiencesAndProfiles();
    ProcessResult r =
        run({s("activate"), s("Hook"), s("--audience"), s("Gold"), s("--attribute"),
             s("personalEmail.address"), s("--mandatory"), s("personalEmail.address")});
    QCOMPARE(r.exitCode, 0);
    r = run({s("--json"), s("status"), s("Hook")});
    QCOMPARE(array(r.out).first().toObject().value(s("backfill")).toObject().value(s("done")),
             QJsonValue(0));

    r = run({s("run"), s("--until-idle")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(s("done: 20 profiles")), qPrintable(r.out));

    r = run({s("--json"), s("status")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject status = array(r.out).first().toObject();
    for (const char *key : {"destination", "received", "created", "excluded", "excludedBy",
                            "suppressed", "backlog", "backfill"})
        QVERIFY2(status.contains(s(key)), key);
    QCOMPARE(status.value(s("destination")).toString(), s("Hook"));
    QCOMPARE(status.value(s("received")).toInteger(), 20);
    QCOMPARE(status.value(s("created")).toInteger(), 15); // user10..user24 have an e-mail
    QCOMPARE(status.value(s("excluded")).toInteger(), 5);
    QCOMPARE(status.value(s("excludedBy")).toObject(), (QJsonObject{{s("missing-mandatory"), 5}}));
    QCOMPARE(status.value(s("suppressed")).toInteger(), 0);
    // --until-idle waited for the deliveries: the receiver holds each export once.
    QCOMPARE(status.value(s("backlog")).toInteger(), 0);
    QCOMPARE(status.value(s("delivered")).toInteger(), 15);
    QHash<QString, int> received = m_receiver->exportIds();
    QCOMPARE(received.size(), 15);
    for (auto it = received.cbegin(); it != received.cend(); ++it)
        QCOMPARE(it.value(), 1);
    QCOMPARE(status.value(s("backfill")).toObject().value(s("done")).toInteger(), 20);
    QCOMPARE(status.value(s("backfill")).toObject().value(s("total")).toInteger(), 20);
    // Its pace (issue #17): a finished backfill has a rate and no time left.
    QVERIFY(status.value(s("backfill")).toObject().value(s("perSecond")).toDouble() > 0);
    QVERIFY(status.value(s("backfill")).toObject().value(s("etaMs")).isNull());
    // The one state the app shows too (issue #16): all delivered, nothing waits.
    QCOMPARE(status.value(s("state")).toString(), s("healthy"));
    QVERIFY(run({s("destination"), s("disable"), s("Hook")}).exitCode == 0);
    const QJsonObject disabled = array(run({s("--json"), s("status")}).out).first().toObject();
    QCOMPARE(disabled.value(s("state")).toString(), s("disabled"));
    QVERIFY(!disabled.value(s("stateFix")).toString().isEmpty());
    QVERIFY(run({s("destination"), s("enable"), s("Hook")}).exitCode == 0);

    r = run({s("status"), s("Hook")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(
                 s("profile updates that met a trigger: 20; exports created: 15; excluded: 5; "
                   "suppressed by a switched-off trigger: 0; waiting to be sent: 0")),
             qPrintable(r.out));
    QVERIFY2(r.out.contains(s("excluded (missing-mandatory): 5")), qPrintable(r.out));
    QVERIFY2(r.out.contains(s("backfill: 20 done of 20 (")), qPrintable(r.out));
    QVERIFY2(r.out.contains(s(" profiles/s)")), qPrintable(r.out));
    statusOverWindows();

    // Resend ("Activate now"): every realized member again.
    QCOMPARE(run({s("resend"), s("Hook")}).exitCode, 2); // no --audience
    r = run({s("resend"), s("Hook"), s("--audience"), s("Silver")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(s("“Silver”")), qPrintable(r.err));
    r = run({s("resend"), s("Hook"), s("--audience"), s("Gold")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(s("20 profiles will be exported again")), qPrintable(r.out));
    QCOMPARE(run({s("run"), s("--until-idle")}).exitCode, 0);
    const QJsonObject resent =
        array(run({s("--json"), s("status"), s("Hook")}).out).first().toObject();
    QCOMPARE(resent.value(s("created")).toInteger(), 30);
    QCOMPARE(resent.value(s("backlog")).toInteger(), 0);
    QCOMPARE(resent.value(s("delivered")).toInteger(), 30);
    received = m_receiver->exportIds();
    QCOMPARE(received.size(), 30); // the resend's exports have ids of their own
    QCOMPARE(resent.value(s("backfill")).toObject().value(s("kind")).toString(), s("resend"));

    // Decided by `outflowctl ingest`, with no engine running: its figures
    // reach the stored minutes too (the Monitoring page reads them).
    const auto windowFigures = [this] {
        const ProcessResult result =
            run({s("--json"), s("status"), s("Hook"), s("--window"), s("15m")});
        return array(result.out).first().toObject().value(s("windowFigures")).toObject();
    };
    const QJsonObject before = windowFigures();
    r = run({s("ingest"),
             write(s("newcomer.ndjson"),
                   R"({"identityMap":{"email":[{"id":"new@example.com","primary":true}]},)"
                   R"("loyalty":{"points":400},"personalEmail":{"address":"new@example.com"}})"
                   "\n")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject after = windowFigures();
    QCOMPARE(after.value(s("received")).toInteger(), before.value(s("received")).toInteger() + 1);
    QCOMPARE(after.value(s("created")).toInteger(), before.value(s("created")).toInteger() + 1);
    QCOMPARE(run({s("run"), s("--until-idle")}).exitCode, 0);

    // Why was user12 sent, and why not user26?
    r = run({s("--json"), s("profiles"), s("--identity"), s("email:user12@example.com"), s("--why"),
             s("Hook")});
    QCOMPARE(r.exitCode, 0);
    QJsonArray why = array(r.out);
    QCOMPARE(why.size(), 2); // newest first: the resend, then the backfill
    QCOMPARE(why.at(0).toObject().value(s("outcome")).toString(), s("exported"));
    QCOMPARE(why.at(0).toObject().value(s("reason")).toObject().value(s("triggers")).toArray(),
             QJsonArray{s("resend")});
    QCOMPARE(why.at(1).toObject().value(s("reason")).toObject().value(s("triggers")).toArray(),
             QJsonArray{s("backfill")});
    QCOMPARE(why.at(0).toObject().value(s("exportId")).toString().size(), 36);
    r = run({s("profiles"), s("--identity"), s("email:user26@example.com"), s("--why"), s("Hook")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(s("\texcluded\t")), qPrintable(r.out));
    QVERIFY2(r.out.contains(s("\"missing\":[\"personalEmail.address\"]")), qPrintable(r.out));
    r = run({s("profiles"), s("--identity"), s("email:user1@example.com"), s("--why"), s("Hook")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(s("has no export decision")), qPrintable(r.out));
    QCOMPARE(run({s("profiles"), s("--why"), s("Hook")}).exitCode, 2);
    r = run({s("profiles"), s("--identity"), s("email:user12@example.com"), s("--why"), s("Nope")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(s("“Nope”")), qPrintable(r.err));
}

// `run --until-idle` ends with a disabled destination's backfill still
// pending; enabled again, the next run walks it.
void TestCliActivate::disabledDestinationsBackfillWaits()
{
    seedAudiencesAndProfiles();
    QCOMPARE(run({s("activate"), s("Hook"), s("--audience"), s("Gold")}).exitCode, 0);
    QCOMPARE(run({s("destination"), s("disable"), s("Hook")}).exitCode, 0);
    ProcessResult r = run({s("run"), s("--until-idle")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QJsonObject status = array(run({s("--json"), s("status"), s("Hook")}).out).first().toObject();
    QCOMPARE(status.value(s("enabled")), QJsonValue(false));
    QCOMPARE(status.value(s("backlog")).toInteger(), 0);
    QCOMPARE(status.value(s("backfill")).toObject().value(s("done")).toInteger(), 0);
    QCOMPARE(status.value(s("backfill")).toObject().value(s("finished")), QJsonValue(false));

    QCOMPARE(run({s("destination"), s("enable"), s("Hook")}).exitCode, 0);
    r = run({s("run"), s("--until-idle")});
    QVERIFY2(r.out.contains(s("done: 20 profiles")), qPrintable(r.out));
    status = array(run({s("--json"), s("status"), s("Hook")}).out).first().toObject();
    QCOMPARE(status.value(s("backlog")).toInteger(), 0);
    QCOMPARE(status.value(s("delivered")).toInteger(), 20);
    QCOMPARE(m_receiver->exportIds().size(), 20);
}

void TestCliActivate::statusOverWindows()
{
    // Without --window: as before, plus the last hour's latency and SLO at the top.
    QJsonObject status = array(run({s("--json"), s("status"), s("Hook")}).out).first().toObject();
    QVERIFY(!status.contains(s("window")));
    QVERIFY(!status.contains(s("series")));
    QCOMPARE(status.value(s("latencyMs")),
             status.value(s("lastHour")).toObject().value(s("latencyMs")));
    QVERIFY(!status.value(s("latencyMs")).toObject().value(s("p95")).isNull());
    QCOMPARE(status.value(s("slo")), status.value(s("lastHour")).toObject().value(s("slo")));
    for (const char *key : {"target", "withinMs", "attainment"})
        QVERIFY2(status.value(s("slo")).toObject().contains(s(key)), key);

    // The 20 profiles of the backfill, over each window.
    for (const char *window : {"15m", "24h", "7d"}) {
        const ProcessResult r =
            run({s("--json"), s("status"), s("Hook"), s("--window"), s(window)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        status = array(r.out).first().toObject();
        QCOMPARE(status.value(s("window")).toString(), s(window));
        QCOMPARE(status.value(s("received")).toInteger(), 20); // the lifetime counters stay
        const QJsonObject figures = status.value(s("windowFigures")).toObject();
        QCOMPARE(figures.value(s("received")).toInteger(), 20);
        QCOMPARE(figures.value(s("created")).toInteger(), 15);
        QCOMPARE(figures.value(s("excluded")).toInteger(), 5);
        QCOMPARE(figures.value(s("excludedBy")).toObject(),
                 (QJsonObject{{s("missing-mandatory"), 5}}));
        QCOMPARE(figures.value(s("suppressed")).toInteger(), 0);
        QCOMPARE(figures.value(s("delivered")).toInteger(), 15);
        QCOMPARE(figures.value(s("attempts")).toInteger(), 15);
        QCOMPARE(figures.value(s("failed")).toInteger(), 0);
        QCOMPARE(figures.value(s("retried")).toInteger(), 0);
        QCOMPARE(figures.value(s("timeouts")).toInteger(), 0);
        QVERIFY(!figures.value(s("latencyMs")).toObject().value(s("p99")).isNull());
        QCOMPARE(figures.value(s("slo")).toObject().value(s("attainment")).toDouble(), 1.0);
        QVERIFY(!status.contains(s("series")));
    }

    // --series: every minute of the window (every hour for 7d), and the hourly runs.
    const QList<std::pair<const char *, int>> windows{{"15m", 15}, {"24h", 1440}, {"7d", 168}};
    for (const auto &[window, periods] : windows) {
        const ProcessResult r =
            run({s("--json"), s("status"), s("Hook"), s("--window"), s(window), s("--series")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        status = array(r.out).first().toObject();
        const QJsonArray series = status.value(s("series")).toArray();
        QCOMPARE(series.size(), periods);
        qint64 delivered = 0, received = 0;
        QDateTime previous;
        for (const QJsonValue &value : series) {
            const QJsonObject bucket = value.toObject();
            for (const char *key : {"start", "delivered", "failed", "retried", "created",
                                    "received", "excluded", "suppressed", "p95Ms", "backlogMax"})
                QVERIFY2(bucket.contains(s(key)), key);
            const QDateTime start =
                QDateTime::fromString(bucket.value(s("start")).toString(), Qt::ISODate);
            QVERIFY(start.isValid());
            if (previous.isValid())
                QCOMPARE(previous.msecsTo(start), qint64(periods == 168 ? 3'600'000 : 60'000));
            previous = start;
            delivered += bucket.value(s("delivered")).toInteger();
            received += bucket.value(s("received")).toInteger();
            if (bucket.value(s("delivered")).toInteger() == 0)
                QVERIFY(bucket.value(s("p95Ms")).isNull());
        }
        QCOMPARE(delivered, 15);
        QCOMPARE(received, 20);
        // One run, or two when the run straddled an hour.
        const QJsonArray runs = status.value(s("hourlyRuns")).toArray();
        QVERIFY(runs.size() == 1 || runs.size() == 2);
        qint64 activated = 0, excluded = 0;
        received = 0;
        for (const QJsonValue &value : runs) {
            const QJsonObject run = value.toObject();
            QVERIFY(QDateTime::fromString(run.value(s("hour")).toString(), Qt::ISODate).isValid());
            received += run.value(s("received")).toInteger();
            activated += run.value(s("activated")).toInteger();
            excluded += run.value(s("excluded")).toInteger();
            QCOMPARE(run.value(s("failed")).toInteger(), 0);
            QVERIFY(run.value(s("activationRate")).isDouble());
        }
        QCOMPARE(received, 20);
        QCOMPARE(activated, 15);
        QCOMPARE(excluded, 5);
        if (runs.size() == 1)
            QCOMPARE(runs.at(0).toObject().value(s("activationRate")).toDouble(), 0.75);
    }
    // --series alone: the last 15 minutes.
    status =
        array(run({s("--json"), s("status"), s("Hook"), s("--series")}).out).first().toObject();
    QCOMPARE(status.value(s("window")).toString(), s("15m"));
    QCOMPARE(status.value(s("series")).toArray().size(), 15);

    // In text: the window's figures in place of the last hour's, the tables.
    ProcessResult r = run({s("status"), s("Hook"), s("--window"), s("24h"), s("--series")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(s("Last 24 hours: received 20, created 15, excluded 5, suppressed 0; "
                              "delivered 15, failed 0, retried 0, timed out 0 of 15 attempts")),
             qPrintable(r.out));
    QVERIFY2(r.out.contains(s("SLO (95.0% within 600 s): 100.0% of the exports delivered")),
             qPrintable(r.out));
    QVERIFY2(!r.out.contains(s("last hour:")), qPrintable(r.out));
    QVERIFY2(r.out.contains(s("per minute, oldest first")), qPrintable(r.out));
    QVERIFY2(r.out.contains(s("hourly runs of the last 24 hours")), qPrintable(r.out));
    QVERIFY2(r.out.contains(s("activation rate")), qPrintable(r.out));
    QVERIFY2(r.out.contains(s("backfill: 20 done of 20")), qPrintable(r.out));

    // A window it does not know: a usage error naming the option and the choices.
    r = run({s("status"), s("Hook"), s("--window"), s("1h")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(s("--window")) && r.err.contains(s("“1h”")) &&
                 r.err.contains(s("15m, 24h or 7d")),
             qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    r = run({s("status"), s("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(s("--window <15m|24h|7d>")) && r.out.contains(s("--series")),
             qPrintable(r.out));
}

void TestCliActivate::seedAudiencesAndProfiles()
{
    QCOMPARE(run({s("destination"), s("add"), s("--name"), s("Hook"), s("--endpoint"),
                  m_receiver->url().toString()})
                 .exitCode,
             0);
    QCOMPARE(run({s("audience"), s("add"), s("--name"), s("Gold"), s("--rule"),
                  s("loyalty.points >= 100")})
                 .exitCode,
             0);
    QCOMPARE(run({s("audience"), s("add"), s("--name"), s("Silver"), s("--rule"),
                  s("loyalty.points >= 50")})
                 .exitCode,
             0);
    QByteArray ndjson;
    for (int i = 0; i < 30; ++i) {
        const QByteArray email = "user" + QByteArray::number(i) + "@example.com";
        QByteArray line = R"({"identityMap":{"email":[{"id":")" + email +
                          R"(","primary":true}]},"loyalty":{"points":)" +
                          QByteArray::number(i * 10) + '}';
        if (i >= 10 && i < 25)
            line += R"(,"personalEmail":{"address":")" + email + "\"}";
        ndjson += line + "}\n";
    }
    const ProcessResult r = run({s("ingest"), write(s("profiles.ndjson"), ndjson)});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
}

ProcessResult TestCliActivate::run(const QStringList &arguments)
{
    QStringList all{s("--store"), m_store};
    all.append(arguments);
    const ProcessResult result = runProcess(cli, all);
    if (!result.finished)
        qWarning() << "outflowctl did not finish:" << arguments;
    return result;
}

QString TestCliActivate::write(const QString &name, const QByteArray &data)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        qWarning() << "cannot write" << path;
    return path;
}

QTEST_GUILESS_MAIN(TestCliActivate)
#include "tst_cli_activate.moc"
