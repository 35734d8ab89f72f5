// Exports over streams of fragments through the real Pipeline (DESIGN §2,
// §4): incremental exports among many members, export ids, the per-profile
// order of the outbox, and XDM validity of what the pipeline produces.
#include "activation/backfillrunner.h"
#include "support/activationworld.h"
#include "support/xdmvalidation.h"

#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace outflow;
using namespace outflow::test;

namespace {

QString email(int i)
{
    return QStringLiteral("email:user%1@example.com").arg(i);
}

QByteArray points(int i, int value)
{
    return fragmentLine({email(i)},
                        QByteArray(R"({"loyalty":{"points":)") + QByteArray::number(value) + "}}");
}

} // namespace

class TestActivatorStreams final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_world = std::make_unique<ActivationWorld>(m_dir.filePath(
            QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction()))));
        QVERIFY2(m_world->open(), qPrintable(m_world->lastError));
        QVERIFY(m_world->createAudience(QStringLiteral("Gold"),
                                        QStringLiteral("loyalty.points >= 100")));
        QVERIFY(!m_world->addDestination(QStringLiteral("Hook"), true, true).isEmpty());
    }

    void cleanup() { m_world.reset(); }

    // DESIGN §2: exports are incremental (100 members, 5 new qualifiers → 5).
    void fiveNewQualifiersAmongAHundredMembers()
    {
        QByteArray before;
        for (int i = 0; i < 105; ++i)
            before += points(i, i < 100 ? 150 : 10);
        QVERIFY2(m_world->ingest(before), qPrintable(m_world->lastError));
        const QString dataflow = activate({QStringLiteral("person.name.firstName")});
        QCOMPARE(
            m_world->store.membershipCounts(m_world->audienceId(QStringLiteral("Gold"))).realized,
            100);

        // Every profile is updated; the members stay in, five more enter.
        QByteArray change;
        for (int i = 0; i < 105; ++i)
            change += points(i, 200);
        QVERIFY2(m_world->ingest(change), qPrintable(m_world->lastError));
        const QList<OutboxExport> outbox = m_world->outbox(dataflow);
        QCOMPARE(outbox.size(), 5);
        QSet<qint64> exported;
        for (const OutboxExport &e : outbox)
            exported.insert(e.profileId);
        QSet<qint64> qualifiers;
        for (int i = 100; i < 105; ++i)
            qualifiers.insert(profileOf(i));
        QCOMPARE(exported, qualifiers);
        const QHash<QString, qint64> counters = m_world->store.dataflowCounters(dataflow);
        QCOMPARE(counters.value(QStringLiteral("received")), 5);
        QCOMPARE(counters.value(QStringLiteral("created")), 5);
    }

    // One fragment makes at most one export per dataflow, decided by each
    // dataflow's own mapping.
    void oneExportPerDataflow()
    {
        QVERIFY(!m_world->addDestination(QStringLiteral("Other")).isEmpty());
        const QString hook = activate({QStringLiteral("person.name.firstName")});
        ActivationRequest other;
        other.destination = QStringLiteral("Other");
        other.audiences = {QStringLiteral("Gold")};
        other.attributes = {QStringLiteral("homeAddress.city")};
        const QString otherFlow = m_world->activate(other);
        QVERIFY2(!otherFlow.isEmpty(), qPrintable(m_world->lastError));
        QVERIFY(m_world->ingest(points(1, 150)));
        // Enters Gold and writes both mapped attributes: one export each.
        QVERIFY(m_world->ingest(fragmentLine(
            {email(1)}, R"({"loyalty":{"points":160},"person":{"name":{"firstName":"Ana"}},)"
                        R"("homeAddress":{"city":"Lyon"}})")));
        QCOMPARE(m_world->outbox(hook).size(), 2);
        QCOMPARE(m_world->outbox(otherFlow).size(), 2);
        const QJsonObject hookPayload = jsonObject(m_world->outbox(hook).constLast().payload);
        const QJsonObject otherPayload = jsonObject(m_world->outbox(otherFlow).constLast().payload);
        QVERIFY(hookPayload.contains(QLatin1String("person")));
        QVERIFY(!hookPayload.contains(QLatin1String("homeAddress")));
        QVERIFY(otherPayload.contains(QLatin1String("homeAddress")));
        QVERIFY(!otherPayload.contains(QLatin1String("person")));
    }

    // Export ids travel as X-Outflow-Export-Id: UUIDs never reused, version
    // 7 (time-ordered: the outbox's export_id index grows at its end).
    void exportIdsAreUniqueTimeOrderedUuids()
    {
        const QString dataflow = activate({QStringLiteral("person.name.firstName")});
        for (int round = 0; round < 4; ++round) {
            m_world->now += 1000;
            QByteArray stream;
            for (int i = 0; i < 50; ++i)
                stream += points(i, round % 2 ? 10 : 150); // enter, exit, enter, exit
            QVERIFY2(m_world->ingest(stream), qPrintable(m_world->lastError));
        }
        const QList<OutboxExport> outbox = m_world->outbox(dataflow);
        QCOMPARE(outbox.size(), 200);
        QSet<QString> ids;
        for (qsizetype i = 0; i < outbox.size(); ++i) {
            const OutboxExport &e = outbox[i];
            const QUuid uuid = QUuid::fromString(e.exportId);
            QVERIFY2(!uuid.isNull(), qPrintable(e.exportId));
            QCOMPARE(e.exportId, uuid.toString(QUuid::WithoutBraces)); // no braces, lower case
            QCOMPARE(uuid.data3 >> 12, 7);                             // version 7
            QCOMPARE(uuid.variant(), QUuid::DCE);                      // RFC 9562's variant
            // The first 48 bits: the UNIX ms of the change that made it.
            QCOMPARE(qint64((quint64(uuid.data1) << 16) | uuid.data2), e.createdAt);
            if (i > 0 && e.createdAt > outbox[i - 1].createdAt)
                QVERIFY(e.exportId > outbox[i - 1].exportId);
            ids.insert(e.exportId);
        }
        QCOMPARE(ids.size(), outbox.size());
    }

    // Exports of one profile are delivered in the order they were made: the
    // outbox sequence follows the changes, across transactions and beside
    // other profiles' exports.
    void exportsOfOneProfileKeepTheirOrder()
    {
        const QString dataflow = activate({QStringLiteral("person.name.firstName")});
        const QList<QByteArray> changes{
            points(1, 150),
            fragmentLine({email(1)}, R"({"person":{"name":{"firstName":"Ana"}}})"),
            fragmentLine({email(1), QStringLiteral("crmId:1")}, "{}"),
            points(1, 10),
        };
        const QStringList expectedTriggers{QStringLiteral("segmentation"),
                                           QStringLiteral("attribute"), QStringLiteral("identity"),
                                           QStringLiteral("segmentation")};
        for (const QByteArray &change : changes) {
            m_world->now += 1000;
            // Another profile's export between each of Ana's.
            QVERIFY2(m_world->ingest(change + points(2, m_world->now % 2000 ? 150 : 10)),
                     qPrintable(m_world->lastError));
        }
        const qint64 profile = profileOf(1);
        QList<OutboxExport> mine;
        for (const OutboxExport &e : m_world->outbox(dataflow)) {
            if (e.profileId == profile)
                mine.append(e);
        }
        QCOMPARE(mine.size(), changes.size());
        for (qsizetype i = 0; i < mine.size(); ++i) {
            const QJsonArray triggers =
                jsonObject(mine[i].reason).value(QLatin1String("triggers")).toArray();
            QCOMPARE(triggers.first().toString(), expectedTriggers[i]);
            QCOMPARE(mine[i].createdAt, ActivationWorld::StartMs + 1000 * (i + 1));
            if (i > 0)
                QVERIFY(mine[i].sequence > mine[i - 1].sequence);
        }
        QVERIFY(m_world->outbox(dataflow).size() > mine.size()); // the other profile's too
        // The activation log answers "why?" newest first, with the same exports.
        const QList<ActivationRecord> log = m_world->store.activations(dataflow, profile, 100);
        QCOMPARE(log.size(), mine.size());
        for (qsizetype i = 0; i < log.size(); ++i)
            QCOMPARE(log[i].exportId, mine[mine.size() - 1 - i].exportId);
    }

    // Exports made by the pipeline (live, merged, exited, backfilled, with
    // names and timestamps) validate against Adobe's XDM schemas.
    void pipelineExportsValidateAgainstXdm()
    {
        QVERIFY(m_world->createAudience(QStringLiteral("Lyon"),
                                        QStringLiteral("homeAddress.city = \"Lyon\"")));
        QVERIFY(m_world->createAudience(
            QStringLiteral("Crm"), QStringLiteral("loyalty.points < 50"), QStringLiteral("crm")));
        QByteArray before;
        for (int i = 0; i < 30; ++i)
            before += fragmentLine({email(i)}, QStringLiteral(R"({"loyalty":{"points":%1},)"
                                                              R"("homeAddress":{"city":"%2"}})")
                                                   .arg(i * 10)
                                                   .arg(i % 2 ? u"Lyon" : u"Nice")
                                                   .toUtf8());
        QVERIFY2(m_world->ingest(before), qPrintable(m_world->lastError));
        ActivationRequest request;
        request.destination = QStringLiteral("Hook");
        request.audiences = {QStringLiteral("Gold"), QStringLiteral("Lyon")};
        request.attributes = {QStringLiteral("person.name"), QStringLiteral("person.birthDate"),
                              QStringLiteral("personalEmail.address"),
                              QStringLiteral("homeAddress.city")};
        const QString dataflow = m_world->activate(request);
        QVERIFY2(!dataflow.isEmpty(), qPrintable(m_world->lastError));
        BackfillRunner backfill(m_world->store, m_world->pipeline.activator());
        for (bool idle = false; !idle;) {
            Backfill progress;
            QVERIFY2(backfill.runPage(&progress, &idle), qPrintable(backfill.lastError()));
        }

        QByteArray change;
        for (int i = 0; i < 30; ++i) {
            const QStringList ids = i % 3 ? QStringList{email(i)}
                                          : QStringList{email(i), QStringLiteral("ECID:%1").arg(i)};
            change += fragmentLine(
                ids, QStringLiteral("{\"loyalty\":{\"points\":%1},\"person\":{\"name\":"
                                    "{\"firstName\":\"Zoé %2\",\"lastName\":\"O\\\"Brien\"},"
                                    "\"birthDate\":\"1980-0%3-1%4\"},"
                                    "\"personalEmail\":{\"address\":\"user%2@example.com\"}}")
                         .arg((i * 37) % 300)
                         .arg(i)
                         .arg(1 + i % 9)
                         .arg(i % 10)
                         .toUtf8());
        }
        // Two profiles merged: user0's and a profile known by a crmId.
        change += fragmentLine({QStringLiteral("crmId:9")}, R"({"loyalty":{"points":500}})");
        change += fragmentLine({email(0), QStringLiteral("crmId:9")}, "{}");
        QVERIFY2(m_world->ingest(change), qPrintable(m_world->lastError));

        QByteArray ndjson;
        QSet<int> lanes; // ExportLane values
        const QList<OutboxExport> outbox = m_world->outbox(dataflow);
        for (const OutboxExport &e : outbox) {
            ndjson += e.payload + '\n';
            lanes.insert(int(e.lane));
        }
        QVERIFY(outbox.size() > 40);
        QCOMPARE(lanes, (QSet<int>{int(ExportLane::Live), int(ExportLane::Backfill)}));
        const XdmValidation validation = validateXdm(ndjson);
        QVERIFY2(validation.exitCode == 0, qPrintable(validation.output));
        QVERIFY2(validation.output.contains(
                     QStringLiteral("%1 document(s), 0 invalid").arg(outbox.size())),
                 qPrintable(validation.output));
    }

private:
    QString activate(const QStringList &attributes)
    {
        ActivationRequest request;
        request.destination = QStringLiteral("Hook");
        request.audiences = {QStringLiteral("Gold")};
        request.attributes = attributes;
        const QString dataflow = m_world->activate(request);
        if (dataflow.isEmpty())
            qWarning() << m_world->lastError;
        return dataflow;
    }

    qint64 profileOf(int i)
    {
        const QString identity = email(i);
        return m_world->profileOf(identity.section(u':', 0, 0), identity.section(u':', 1));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<ActivationWorld> m_world;
};

QTEST_GUILESS_MAIN(TestActivatorStreams)
#include "tst_activator_streams.moc"
