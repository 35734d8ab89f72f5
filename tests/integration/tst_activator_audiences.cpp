// Exports caused by audience operations rather than ingest (DESIGN §2, §3):
// custom-upload imports and re-uploads, rule edits and audience removal
// change memberships without a merge; the AudienceService attached to the
// Pipeline must export exactly the transitions of mapped audiences.
#include "support/activationworld.h"

#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace outflow;
using namespace outflow::test;

namespace {

QString user(int i)
{
    return QStringLiteral("user%1@example.com").arg(i);
}

// The profiles exported with `key` ("audiencesEntered"…) naming `audienceId`.
QSet<qint64> exportedWith(const QList<OutboxExport> &outbox, const char *key,
                          const QString &audienceId)
{
    QSet<qint64> profiles;
    for (const OutboxExport &e : outbox) {
        const QJsonArray ids = jsonObject(e.reason).value(QLatin1String(key)).toArray();
        if (ids.contains(audienceId))
            profiles.insert(e.profileId);
    }
    return profiles;
}

} // namespace

class TestActivatorAudiences final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_world = std::make_unique<ActivationWorld>(m_dir.filePath(
            QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction()))));
        QVERIFY2(m_world->open(), qPrintable(m_world->lastError));
        QVERIFY(!m_world->addDestination(QStringLiteral("Hook")).isEmpty());
        // 20 profiles, points 0, 10, …, 190.
        QByteArray profiles;
        for (int i = 0; i < 20; ++i)
            profiles += fragmentLine({QStringLiteral("email:") + user(i)},
                                     QByteArray(R"({"loyalty":{"points":)") +
                                         QByteArray::number(i * 10) + "}}");
        QVERIFY2(m_world->ingest(profiles), qPrintable(m_world->lastError));
    }

    void cleanup() { m_world.reset(); }

    // An import enters its rows' profiles (new ones included) into a mapped
    // custom-upload audience: one export each; a re-upload exits the rows gone.
    void customUploadEntersAndExits()
    {
        QVERIFY(import(QStringLiteral("VIP"), {user(1), user(2), user(3)}));
        const QString vip = m_world->audienceId(QStringLiteral("VIP"));
        const QString dataflow = activate(QStringLiteral("VIP"));
        QVERIFY(!dataflow.isEmpty());
        QVERIFY(m_world->outbox(dataflow).isEmpty()); // the first upload is the backfill's

        m_world->now += 60'000;
        // user3 leaves; user4 (a stored profile) and newcomer@ (no profile) enter.
        QVERIFY(import(QStringLiteral("VIP"),
                       {user(1), user(2), user(4), QStringLiteral("newcomer@example.com")}));
        const QList<OutboxExport> outbox = m_world->outbox(dataflow);
        const qint64 newcomer =
            m_world->profileOf(QStringLiteral("email"), QStringLiteral("newcomer@example.com"));
        QVERIFY(newcomer > 0);
        QCOMPARE(exportedWith(outbox, "audiencesEntered", vip),
                 (QSet<qint64>{profileOf(4), newcomer}));
        QCOMPARE(exportedWith(outbox, "audiencesExited", vip), QSet<qint64>{profileOf(3)});
        QCOMPARE(outbox.size(), 3); // one each: the new profile's creation adds none
        for (const OutboxExport &e : outbox) {
            const QJsonObject ups = jsonObject(e.payload)
                                        .value(QLatin1String("segmentMembership"))
                                        .toObject()
                                        .value(QLatin1String("ups"))
                                        .toObject();
            QCOMPARE(ups.value(vip).toObject().value(QLatin1String("status")).toString(),
                     e.profileId == profileOf(3) ? QStringLiteral("exited")
                                                 : QStringLiteral("realized"));
        }
    }

    // Editing a mapped audience's rule exports exactly its transitions.
    void ruleEditExportsExactlyTheTransitions()
    {
        QVERIFY(m_world->createAudience(QStringLiteral("Gold"),
                                        QStringLiteral("loyalty.points >= 100")));
        const QString gold = m_world->audienceId(QStringLiteral("Gold"));
        const QString dataflow = activate(QStringLiteral("Gold"));
        QVERIFY(!dataflow.isEmpty());

        m_world->now += 60'000;
        QVERIFY(m_world->audiences.editRule(QStringLiteral("Gold"),
                                            QStringLiteral("loyalty.points >= 150")));
        QList<OutboxExport> outbox = m_world->outbox(dataflow);
        QCOMPARE(outbox.size(), 5);
        QCOMPARE(exportedWith(outbox, "audiencesExited", gold), profilesWithPoints(100, 140));

        m_world->now += 60'000;
        QVERIFY(m_world->audiences.editRule(QStringLiteral("Gold"),
                                            QStringLiteral("loyalty.points >= 50")));
        outbox = m_world->store.outbox(dataflow, outbox.constLast().sequence, 1000);
        QCOMPARE(outbox.size(), 10);
        QCOMPARE(exportedWith(outbox, "audiencesEntered", gold), profilesWithPoints(50, 140));
        const QHash<QString, qint64> counters = m_world->store.dataflowCounters(dataflow);
        QCOMPARE(counters.value(QStringLiteral("received")), 15);
        QCOMPARE(counters.value(QStringLiteral("created")), 15);

        // A rule edit of an unmapped audience exports nothing.
        QVERIFY(m_world->createAudience(QStringLiteral("Other"),
                                        QStringLiteral("loyalty.points >= 100")));
        QVERIFY(m_world->audiences.editRule(QStringLiteral("Other"),
                                            QStringLiteral("loyalty.points >= 0")));
        QCOMPARE(m_world->outbox(dataflow).size(), 15);
    }

    // Removing a mapped audience exits its members: each is exported so.
    void removingAMappedAudienceExportsItsExits()
    {
        QVERIFY(m_world->createAudience(QStringLiteral("Gold"),
                                        QStringLiteral("loyalty.points >= 150")));
        const QString gold = m_world->audienceId(QStringLiteral("Gold"));
        const QString dataflow = activate(QStringLiteral("Gold"));
        QVERIFY(!dataflow.isEmpty());
        QVERIFY(m_world->audiences.remove(QStringLiteral("Gold")));
        const QList<OutboxExport> outbox = m_world->outbox(dataflow);
        QCOMPARE(outbox.size(), 5);
        QCOMPARE(exportedWith(outbox, "audiencesExited", gold), profilesWithPoints(150, 190));
    }

private:
    bool import(const QString &name, const QStringList &emails)
    {
        QByteArray csv("email\n");
        for (const QString &e : emails)
            csv += e.toUtf8() + '\n';
        QBuffer buffer(&csv);
        buffer.open(QIODevice::ReadOnly);
        const std::optional<AudienceImportSummary> summary = m_world->audiences.import(
            name, QStringLiteral("email"), QStringLiteral("email"), &buffer);
        if (!summary)
            qWarning() << m_world->audiences.lastError();
        return summary && summary->errors.isEmpty();
    }

    QString activate(const QString &audience)
    {
        ActivationRequest request;
        request.destination = QStringLiteral("Hook");
        request.audiences = {audience};
        request.attributes = {QStringLiteral("person.name.firstName")};
        const QString dataflow = m_world->activate(request);
        if (dataflow.isEmpty())
            qWarning() << m_world->lastError;
        return dataflow;
    }

    qint64 profileOf(int i) { return m_world->profileOf(QStringLiteral("email"), user(i)); }

    QSet<qint64> profilesWithPoints(int from, int to)
    {
        QSet<qint64> profiles;
        for (int points = from; points <= to; points += 10)
            profiles.insert(profileOf(points / 10));
        return profiles;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<ActivationWorld> m_world;
};

QTEST_GUILESS_MAIN(TestActivatorAudiences)
#include "tst_activator_audiences.moc"
