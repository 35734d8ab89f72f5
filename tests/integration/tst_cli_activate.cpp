// `outflowctl destination`, `activate`, `run --until-idle`, `status`,
// `resend` and `profiles --why` as an administrator runs them (DESIGN §5,
// issue #5 item 7): the real binary on a real store file, delivering to a
// real receiver on 127.0.0.1.
#include "support/processrunner.h"
#include "support/receiverprocess.h"
#include "testconfig.h"

#include <memory>
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
