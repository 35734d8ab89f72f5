// The export decisions of DESIGN §2 ("When a profile is exported"), one row
// per case, through the real Pipeline on a real SQLite file: fragments are
// ingested as `outflowctl ingest` does, audiences are rule audiences, the
// dataflow is made by ActivationService. Each row checks what reached the
// outbox, why (the export's reason and the activation log), what the payload's
// segmentMembership.ups holds, and the dataflow's counters.
#include "monitoring/metricsrecorder.h"
#include "support/activationworld.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace outflow;
using namespace outflow::test;

namespace {

const QString kAna = QStringLiteral("email:ana@example.com");
const QString kCrm = QStringLiteral("crmId:7");

QByteArray line(const QByteArray &attributes, const QStringList &identities = {kAna})
{
    return fragmentLine(identities, attributes);
}

// "received=1 created=1" → {received: 1, created: 1}
QHash<QString, qint64> parseCounters(const QString &text)
{
    QHash<QString, qint64> counters;
    for (const QString &pair : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const qsizetype equals = pair.lastIndexOf(QLatin1Char('='));
        counters.insert(pair.left(equals), pair.mid(equals + 1).toLongLong());
    }
    return counters;
}

std::optional<ActivationTriggers> parseTriggers(const QString &text)
{
    if (text == QLatin1String("all"))
        return std::nullopt; // the default: all on
    const QStringList names = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    return ActivationTriggers{names.contains(QLatin1String("attribute")),
                              names.contains(QLatin1String("segmentation")),
                              names.contains(QLatin1String("identity"))};
}

} // namespace

class TestActivator final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void decisions_data();
    void decisions();

private:
    // Replaces audience names by their ids in a JSON text ("Gold" → the id).
    QByteArray withIds(QByteArray json);
    void checkExport(const OutboxExport &exported, const QByteArray &expectedReason,
                     const QByteArray &expectedUps, const QString &owner);

    QTemporaryDir m_dir;
    std::unique_ptr<ActivationWorld> m_world;
    QString m_destination;
};

void TestActivator::init()
{
    QVERIFY(m_dir.isValid());
    m_world = std::make_unique<ActivationWorld>(m_dir.filePath(
        QStringLiteral("%1-%2.sqlite")
            .arg(QString::fromLatin1(QTest::currentTestFunction()),
                 QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), u'_'))));
    QVERIFY2(m_world->open(), qPrintable(m_world->lastError));
    // Gold is mapped; Silver (same merge policy) and Lyon (another) are not.
    QVERIFY2(
        m_world->createAudience(QStringLiteral("Gold"), QStringLiteral("loyalty.points >= 100")),
        qPrintable(m_world->lastError));
    QVERIFY(
        m_world->createAudience(QStringLiteral("Silver"), QStringLiteral("loyalty.points >= 50")));
    QVERIFY(m_world->createAudience(QStringLiteral("Lyon"),
                                    QStringLiteral("homeAddress.city = \"Lyon\""),
                                    QStringLiteral("crm")));
    m_destination = m_world->addDestination(QStringLiteral("Hook"), /*includeNames=*/true);
    QVERIFY2(!m_destination.isEmpty(), qPrintable(m_world->lastError));
}

void TestActivator::cleanup()
{
    m_world.reset();
}

void TestActivator::decisions_data()
{
    QTest::addColumn<QString>("triggers");  // "all" or an --triggers list
    QTest::addColumn<QString>("mandatory"); // a mandatory mapped path, or empty
    QTest::addColumn<bool>("enabled");      // the destination's
    QTest::addColumn<QByteArray>("before"); // ingested before the activation
    QTest::addColumn<QByteArray>("change"); // ingested after it: the case
    QTest::addColumn<int>("exports");       // new live exports
    QTest::addColumn<QByteArray>("reason"); // of the export or the exclusion, names for ids
    QTest::addColumn<QByteArray>("ups");    // {"<audience name>": "<status>"}, exactly
    QTest::addColumn<QString>("counters");  // the dataflow's counters, exactly

    const QByteArray points10 = line(R"({"loyalty":{"points":10}})");
    const QByteArray points150 = line(R"({"loyalty":{"points":150}})");
    const QByteArray ana = line(R"({"person":{"name":{"firstName":"Ana"}}})");
    const QByteArray withCrm = line("{}", {kAna, kCrm});
    const QByteArray goldAndSilver = R"({"Gold":"realized","Silver":"realized"})";
    const QByteArray entered = R"({"triggers":["segmentation"],"audiencesEntered":["Gold"]})";
    const QByteArray wroteName =
        R"({"triggers":["attribute"],"attributesWritten":["person.name.firstName"]})";

    QTest::newRow("enter a mapped audience") << "all"
                                             << "" << true << points10 << points150 << 1 << entered
                                             << goldAndSilver << "received=1 created=1";
    QTest::newRow("exit a mapped audience")
        << "all"
        << "" << true << points150 << points10 << 1
        << QByteArray(R"({"triggers":["segmentation"],"audiencesExited":["Gold"]})")
        << QByteArray(R"({"Gold":"exited","Silver":"exited"})") << "received=1 created=1";
    QTest::newRow("enter an unmapped audience only")
        << "all"
        << "" << true << points10 << line(R"({"loyalty":{"points":60}})") << 0 << QByteArray()
        << QByteArray() << "";
    QTest::newRow("enter an unmapped audience of another merge policy")
        << "all"
        << "" << true << points10 << line(R"({"homeAddress":{"city":"Lyon"}})") << 0 << QByteArray()
        << QByteArray() << "";
    QTest::newRow("mapped attribute, same value, realized")
        << "all"
        << "" << true << points150 + ana << ana << 1 << wroteName << goldAndSilver
        << "received=1 created=1";
    QTest::newRow("mapped attribute, same value, not realized")
        << "all"
        << "" << true << points10 + ana << ana << 0 << QByteArray() << QByteArray() << "";
    QTest::newRow("mapped attribute after exiting the mapped audience")
        << "all"
        << "" << true << points150 + points10 << ana << 0 << QByteArray() << QByteArray() << "";
    QTest::newRow("unmapped attribute, realized")
        << "all"
        << "" << true << points150 << line(R"({"homeAddress":{"postalCode":"69001"}})") << 0
        << QByteArray() << QByteArray() << "";
    QTest::newRow("unmapped sibling of a mapped attribute, realized")
        << "all"
        << "" << true << points150 << line(R"({"person":{"name":{"lastName":"Ruiz"}}})") << 0
        << QByteArray() << QByteArray() << "";
    QTest::newRow("identity added, realized")
        << "all"
        << "" << true << points150 << withCrm << 1
        << QByteArray(R"({"triggers":["identity"],"identitiesAdded":["crmId:7"]})") << goldAndSilver
        << "received=1 created=1";
    QTest::newRow("identity added, not realized")
        << "all"
        << "" << true << points10 << withCrm << 0 << QByteArray() << QByteArray() << "";
    QTest::newRow("enter and write a mapped attribute in one fragment: one export")
        << "all"
        << "" << true << points10
        << line(R"({"loyalty":{"points":150},"person":{"name":{"firstName":"Ana"}}})") << 1
        << QByteArray(R"({"triggers":["segmentation","attribute"],"audiencesEntered":["Gold"],)"
                      R"("attributesWritten":["person.name.firstName"]})")
        << goldAndSilver << "received=1 created=1";
    // Ana's profile (the older one) absorbs the crmId profile: one export,
    // hers. crmId:7 was primary on its own profile, not in the fragment.
    QTest::newRow("two profiles merged while realized")
        << "all"
        << "" << true << points150 + line(R"({"homeAddress":{"city":"Nice"}})", {kCrm}) << withCrm
        << 1
        << QByteArray(R"({"triggers":["identity"],"identitiesAdded":["crmId:7"],)"
                      R"("identitiesUpdated":["crmId:7"],"profilesMerged":1})")
        << goldAndSilver << "received=1 created=1";
    QTest::newRow("unmapped audience of another merge policy left out")
        << "all"
        << "" << true << line(R"({"loyalty":{"points":10},"homeAddress":{"city":"Lyon"}})")
        << points150 << 1 << entered << goldAndSilver << "received=1 created=1";
    QTest::newRow("mandatory attribute missing: excluded")
        << "all"
        << "personalEmail.address" << true << points10 << points150 << 0
        << QByteArray(R"({"triggers":["segmentation"],"audiencesEntered":["Gold"],)"
                      R"("excluded":"missing-mandatory","missing":["personalEmail.address"]})")
        << QByteArray() << "received=1 excluded=1 excluded:missing-mandatory=1";
    QTest::newRow("mandatory attribute present")
        << "all"
        << "personalEmail.address" << true
        << line(R"({"loyalty":{"points":10},"personalEmail":{"address":"ana@example.com"}})")
        << points150 << 1 << entered << goldAndSilver << "received=1 created=1";
    QTest::newRow("disabled destination")
        << "all"
        << "" << false << points10 << points150 << 0 << QByteArray() << QByteArray() << "";

    // Each trigger switched off suppresses only what it alone caused.
    QTest::newRow("attribute off: attribute only")
        << "segmentation,identity"
        << "" << true << points150 << ana << 0 << QByteArray() << QByteArray()
        << "received=1 suppressed=1";
    QTest::newRow("attribute off: entered with an attribute")
        << "segmentation,identity"
        << "" << true << points10
        << line(R"({"loyalty":{"points":150},"person":{"name":{"firstName":"Ana"}}})") << 1
        << entered << goldAndSilver << "received=1 created=1";
    QTest::newRow("segmentation off: entered only")
        << "attribute,identity"
        << "" << true << points10 << points150 << 0 << QByteArray() << QByteArray()
        << "received=1 suppressed=1";
    QTest::newRow("segmentation off: exited only")
        << "attribute,identity"
        << "" << true << points150 << points10 << 0 << QByteArray() << QByteArray()
        << "received=1 suppressed=1";
    QTest::newRow("segmentation off: entered with an attribute")
        << "attribute,identity"
        << "" << true << points10
        << line(R"({"loyalty":{"points":150},"person":{"name":{"firstName":"Ana"}}})") << 1
        << wroteName << goldAndSilver << "received=1 created=1";
    QTest::newRow("identity off: identity only")
        << "attribute,segmentation"
        << "" << true << points150 << withCrm << 0 << QByteArray() << QByteArray()
        << "received=1 suppressed=1";
    QTest::newRow("identity off: identity with an attribute")
        << "attribute,segmentation"
        << "" << true << points150
        << line(R"({"person":{"name":{"firstName":"Ana"}}})", {kAna, kCrm}) << 1 << wroteName
        << goldAndSilver << "received=1 created=1";
    QTest::newRow("identity off: entered with an identity")
        << "attribute,segmentation"
        << "" << true << points10 << line(R"({"loyalty":{"points":150}})", {kAna, kCrm}) << 1
        << entered << goldAndSilver << "received=1 created=1";
    QTest::newRow("all off: entered with an attribute and an identity")
        << ""
        << "" << true << points10
        << line(R"({"loyalty":{"points":150},"person":{"name":{"firstName":"Ana"}}})", {kAna, kCrm})
        << 0 << QByteArray() << QByteArray() << "received=1 suppressed=1";
}

void TestActivator::decisions()
{
    QFETCH(QString, triggers);
    QFETCH(QString, mandatory);
    QFETCH(bool, enabled);
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, change);
    QFETCH(int, exports);
    QFETCH(QByteArray, reason);
    QFETCH(QByteArray, ups);
    QFETCH(QString, counters);

    QVERIFY2(m_world->ingest(before), qPrintable(m_world->lastError));
    ActivationRequest request;
    request.destination = QStringLiteral("Hook");
    request.audiences = {QStringLiteral("Gold")};
    request.attributes = {QStringLiteral("person.name.firstName"),
                          QStringLiteral("personalEmail.address")};
    if (!mandatory.isEmpty())
        request.mandatory = {mandatory};
    request.triggers = parseTriggers(triggers);
    const QString dataflowId = m_world->activate(request);
    QVERIFY2(!dataflowId.isEmpty(), qPrintable(m_world->lastError));
    if (!enabled) {
        std::optional<Destination> destination = m_world->store.destination(m_destination);
        QVERIFY(destination);
        destination->enabled = false;
        QVERIFY(m_world->store.updateDestination(*destination));
        QVERIFY(m_world->reload());
    }
    // The backfill of the activation is not walked here: the outbox only
    // ever holds what the change made.
    QVERIFY(m_world->outbox(dataflowId).isEmpty());
    QVERIFY(m_world->store.dataflowCounters(dataflowId).isEmpty());

    m_world->now += 60'000;
    // The monitoring's recorder counts the same decisions (suppressed too, issue #18).
    MetricsRecorder recorder([this] { return m_world->now; });
    m_world->pipeline.activator().setRecorder(&recorder);
    QVERIFY2(m_world->ingest(change), qPrintable(m_world->lastError));
    m_world->pipeline.activator().setRecorder(nullptr);

    const QList<OutboxExport> outbox = m_world->outbox(dataflowId);
    QCOMPARE(outbox.size(), exports);
    QCOMPARE(m_world->store.dataflowCounters(dataflowId), parseCounters(counters));
    const MetricsBucket recorded = recorder.current(dataflowId);
    const QHash<QString, qint64> expected = parseCounters(counters);
    QCOMPARE(recorded.received, expected.value(QStringLiteral("received")));
    QCOMPARE(recorded.created, expected.value(QStringLiteral("created")));
    QCOMPARE(recorded.excluded, expected.value(QStringLiteral("excluded:missing-mandatory")));
    QCOMPARE(recorded.suppressed, expected.value(QStringLiteral("suppressed")));
    const qint64 owner =
        m_world->profileOf(QStringLiteral("email"), QStringLiteral("ana@example.com"));
    QVERIFY(owner > 0);
    const QList<ActivationRecord> log = m_world->store.activations(dataflowId, owner, 10);
    if (exports == 1) {
        checkExport(outbox.constFirst(), reason, ups, QString::number(owner));
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.constFirst().outcome, ActivationOutcome::Exported);
        QCOMPARE(log.constFirst().exportId, outbox.constFirst().exportId);
        QCOMPARE(log.constFirst().reason, outbox.constFirst().reason);
    } else if (!reason.isEmpty()) { // an exclusion: logged with why, nothing queued
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.constFirst().outcome, ActivationOutcome::Excluded);
        QVERIFY(log.constFirst().exportId.isEmpty());
        QCOMPARE(jsonObject(log.constFirst().reason), jsonObject(withIds(reason)));
    } else if (counters.contains(QLatin1String("suppressed"))) {
        // Every trigger that applied switched off: logged with them (issue #17).
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.constFirst().outcome, ActivationOutcome::Suppressed);
        QVERIFY(log.constFirst().exportId.isEmpty());
        QVERIFY2(!jsonObject(log.constFirst().reason)
                      .value(QLatin1String("suppressedTriggers"))
                      .toArray()
                      .isEmpty(),
                 log.constFirst().reason.constData());
    } else {
        QVERIFY2(log.isEmpty(), log.isEmpty() ? "" : log.constFirst().reason.constData());
    }
}

QByteArray TestActivator::withIds(QByteArray json)
{
    for (const char *name : {"Gold", "Silver", "Lyon"}) {
        const QString id = m_world->audienceId(QString::fromLatin1(name));
        const QByteArray quotedName = QByteArray("\"") + name + '"';
        const QByteArray quotedId = '"' + id.toLatin1() + '"';
        json.replace(quotedName, quotedId);
    }
    return json;
}

void TestActivator::checkExport(const OutboxExport &exported, const QByteArray &expectedReason,
                                const QByteArray &expectedUps, const QString &owner)
{
    QCOMPARE(QString::number(exported.profileId), owner);
    QCOMPARE(exported.lane, ExportLane::Live);
    QCOMPARE(exported.createdAt, m_world->now);
    QCOMPARE(jsonObject(exported.reason), jsonObject(withIds(expectedReason)));

    const QJsonObject payload = jsonObject(exported.payload);
    QVERIFY2(!payload.isEmpty(), exported.payload.constData());
    // Only mapped attributes: never loyalty or homeAddress.
    QVERIFY2(!payload.contains(QLatin1String("loyalty")), exported.payload.constData());
    QVERIFY2(!payload.contains(QLatin1String("homeAddress")), exported.payload.constData());
    // Every identity of the profile, mapped or not.
    const std::optional<Profile> profile = m_world->store.profile(exported.profileId);
    QVERIFY(profile);
    const QJsonObject identityMap = payload.value(QLatin1String("identityMap")).toObject();
    qsizetype identities = 0;
    for (auto it = identityMap.begin(); it != identityMap.end(); ++it)
        identities += it.value().toArray().size();
    QCOMPARE(identities, profile->identities.size());

    // segmentMembership.ups: exactly the expected audiences, `name` on the
    // mapped one only.
    const QJsonObject ups = payload.value(QLatin1String("segmentMembership"))
                                .toObject()
                                .value(QLatin1String("ups"))
                                .toObject();
    const QJsonObject expected = jsonObject(withIds(expectedUps));
    const QStringList exportedIds = ups.keys();
    const QStringList expectedIds = expected.keys();
    QCOMPARE(exportedIds, expectedIds); // QJsonObject keys are sorted
    const QString gold = m_world->audienceId(QStringLiteral("Gold"));
    for (auto it = ups.begin(); it != ups.end(); ++it) {
        const QJsonObject entry = it.value().toObject();
        QCOMPARE(entry.value(QLatin1String("status")), expected.value(it.key()));
        QCOMPARE(entry.contains(QLatin1String("name")), it.key() == gold);
    }
}

QTEST_GUILESS_MAIN(TestActivator)
#include "tst_activator.moc"
