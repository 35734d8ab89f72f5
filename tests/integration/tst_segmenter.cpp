// Streaming segmentation (DESIGN §1, §3) on a real SQLite store: membership
// transitions, the skip logic, merges and retention.
#include "engine/engine.h"
#include "identity/profilemerger.h"
#include "ingest/ingestor.h"
#include "segmentation/segmenter.h"
#include "store/sqlitestore.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace outflow;

namespace {

constexpr qint64 kDayMs = 24 * 60 * 60 * 1000;

Identity email(const char *id)
{
    return {QStringLiteral("email"), QString::fromUtf8(id), true};
}

Audience audience(const char *id, const char *name, const char *rule,
                  AudienceOrigin origin = AudienceOrigin::Segmentation)
{
    Audience a;
    a.id = QString::fromLatin1(id);
    a.name = QString::fromLatin1(name);
    a.origin = origin;
    a.rule = QString::fromUtf8(rule);
    a.createdAt = a.updatedAt = 1;
    return a;
}

} // namespace

class TestSegmenter final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<SqliteStore>(m_dir.filePath(
            QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction()))));
        QVERIFY2(m_store->open(), qPrintable(m_store->lastError()));
        m_now = 1'700'000'000'000;
        m_merger = std::make_unique<ProfileMerger>(*m_store, [this] { return m_now; });
        QVERIFY(m_store->insertAudience(audience("gold", "Gold", "loyalty.points > 100")));
        QVERIFY(m_store->insertAudience(audience("ana", "Ana", "person.name.firstName = \"Ana\"")));
        QVERIFY(m_store->insertAudience(
            audience("upload", "Upload", "", AudienceOrigin::CustomUpload)));
        m_segmenter = std::make_unique<Segmenter>(*m_store);
        QVERIFY2(m_segmenter->reload(), qPrintable(m_segmenter->lastError()));
        m_transitions.clear();
        m_segmenter->setTransitionCallback(
            [this](const MembershipTransition &t) { m_transitions.append(t); });
    }

    void cleanup()
    {
        m_segmenter.reset();
        m_merger.reset();
        m_store.reset();
    }

    void customUploadAudiencesAreNotRules() { QCOMPARE(m_segmenter->ruleAudienceCount(), 2); }

    void enterStayExitReenter()
    {
        const qint64 id = merge("{\"loyalty\":{\"points\":150}}", {email("a@x.com")});
        QCOMPARE(m_transitions.size(), 1);
        QCOMPARE(m_transitions[0].audienceId, QStringLiteral("gold"));
        QVERIFY(m_transitions[0].entered);
        QCOMPARE(m_transitions[0].time, QStringLiteral("2023-11-14T22:13:20Z"));
        QCOMPARE(status(id, "gold"), QStringLiteral("realized@2023-11-14T22:13:20Z"));

        // Staying in writes nothing: the time stays the one of the entry.
        m_now += 60'000;
        merge("{\"loyalty\":{\"points\":200}}", {email("a@x.com")});
        QCOMPARE(m_transitions.size(), 1);
        QCOMPARE(status(id, "gold"), QStringLiteral("realized@2023-11-14T22:13:20Z"));

        m_now += 60'000;
        merge("{\"loyalty\":{\"points\":50}}", {email("a@x.com")});
        QCOMPARE(m_transitions.size(), 2);
        QVERIFY(!m_transitions[1].entered);
        QCOMPARE(status(id, "gold"), QStringLiteral("exited@2023-11-14T22:15:20Z"));

        // Staying out writes nothing either.
        m_now += 60'000;
        merge("{\"loyalty\":{\"points\":60}}", {email("a@x.com")});
        QCOMPARE(m_transitions.size(), 2);
        QCOMPARE(status(id, "gold"), QStringLiteral("exited@2023-11-14T22:15:20Z"));

        m_now += 60'000;
        merge("{\"loyalty\":{\"points\":300}}", {email("a@x.com")});
        QCOMPARE(m_transitions.size(), 3);
        QVERIFY(m_transitions[2].entered);
        QCOMPARE(status(id, "gold"), QStringLiteral("realized@2023-11-14T22:17:20Z"));
        QCOMPARE(status(id, "ana"), QString()); // never matched: no row at all
        QCOMPARE(m_segmenter->counters().entered, 2);
        QCOMPARE(m_segmenter->counters().exited, 1);
        QCOMPARE(m_store->membershipCounts(QStringLiteral("gold")).realized, 1);
    }

    void untouchedRulesAreNotEvaluated()
    {
        // A new profile: every rule is evaluated.
        merge("{\"loyalty\":{\"points\":150}}", {email("a@x.com")});
        QCOMPARE(m_segmenter->counters().evaluations, 2);
        QCOMPARE(m_segmenter->counters().membershipReads, 0); // new: nothing to read

        // A path no rule reads: no evaluation, no store read.
        merge("{\"homeAddress\":{\"city\":\"Lyon\"}}", {email("a@x.com")});
        QCOMPARE(m_segmenter->counters().evaluations, 2);
        QCOMPARE(m_segmenter->counters().membershipReads, 0);
        QCOMPARE(m_segmenter->counters().skipped, 1);

        // loyalty.points: only Gold is evaluated.
        merge("{\"loyalty\":{\"points\":10}}", {email("a@x.com")});
        QCOMPARE(m_segmenter->counters().evaluations, 3);
        QCOMPARE(m_segmenter->counters().membershipReads, 1);
        QCOMPARE(m_transitions.size(), 2); // entered, then exited

        // Writing a parent object touches the rule's path.
        merge("{\"person\":{\"name\":{\"firstName\":\"Ana\"}}}", {email("a@x.com")});
        QCOMPARE(m_segmenter->counters().evaluations, 4);
        QCOMPARE(m_transitions.size(), 3);
        QCOMPARE(m_transitions.last().audienceId, QStringLiteral("ana"));

        // A new identity changes the identity map: every rule again.
        merge("{}", {email("a@x.com"), {QStringLiteral("crmId"), QStringLiteral("7"), false}});
        QCOMPARE(m_segmenter->counters().evaluations, 6);
        QCOMPARE(m_transitions.size(), 3);
    }

    void profileMergeKeepsMemberships()
    {
        const qint64 a = merge("{\"loyalty\":{\"points\":150}}", {email("a@x.com")});
        const qint64 b = merge("{\"person\":{\"name\":{\"firstName\":\"Ana\"}}}",
                               {{QStringLiteral("crmId"), QStringLiteral("7"), false}});
        QVERIFY(a != b);
        QCOMPARE(m_transitions.size(), 2);
        m_now += 1000;
        const qint64 survivor =
            merge("{}", {email("a@x.com"), {QStringLiteral("crmId"), QStringLiteral("7"), false}});
        QVERIFY(survivor == a || survivor == b);
        QCOMPARE(m_transitions.size(), 2); // both still match: no transition
        QCOMPARE(status(survivor, "gold"), QStringLiteral("realized@2023-11-14T22:13:20Z"));
        QCOMPARE(status(survivor, "ana"), QStringLiteral("realized@2023-11-14T22:13:20Z"));
        QCOMPARE(m_store->membershipCounts(QStringLiteral("gold")).realized, 1);
        QCOMPARE(m_store->membershipCounts(QStringLiteral("ana")).realized, 1);
    }

    void retentionRemovesOnlyExpiredExits()
    {
        const qint64 a = merge("{\"loyalty\":{\"points\":150}}", {email("a@x.com")});
        const qint64 b = merge("{\"loyalty\":{\"points\":150}}", {email("b@x.com")});
        merge("{\"loyalty\":{\"points\":1}}", {email("a@x.com")}); // a exits at m_now
        const qint64 exitedAt = m_now;
        QCOMPARE(m_segmenter->retentionDays(), 30);
        QCOMPARE(m_segmenter->purgeExpired(exitedAt + 30 * kDayMs - 1000), 0);
        QCOMPARE(status(a, "gold"), QStringLiteral("exited@2023-11-14T22:13:20Z"));
        QCOMPARE(m_segmenter->purgeExpired(exitedAt + 30 * kDayMs + 1000), 1);
        QCOMPARE(status(a, "gold"), QString());
        QCOMPARE(status(b, "gold"), QStringLiteral("realized@2023-11-14T22:13:20Z"));
        m_segmenter->setRetentionDays(0);
        QCOMPARE(m_segmenter->purgeExpired(exitedAt + 365 * kDayMs), 0); // realized stays
        QCOMPARE(m_store->membershipCounts(QStringLiteral("gold")).realized, 1);
    }

    void timeFormat()
    {
        QCOMPARE(qualificationTime(1641936279000), QStringLiteral("2022-01-11T21:24:39Z"));
        QCOMPARE(qualificationTime(1641936279999), QStringLiteral("2022-01-11T21:24:39Z"));
        QCOMPARE(qualificationTime(0), QStringLiteral("1970-01-01T00:00:00Z"));
    }

    void reloadPicksUpNewAudiences()
    {
        QVERIFY(m_store->insertAudience(audience("lyon", "Lyon", "homeAddress.city = \"Lyon\"")));
        merge("{\"homeAddress\":{\"city\":\"Lyon\"}}", {email("a@x.com")});
        QCOMPARE(m_transitions.size(), 0);
        QVERIFY(m_segmenter->reload());
        QCOMPARE(m_segmenter->ruleAudienceCount(), 3);
        merge("{\"homeAddress\":{\"city\":\"Lyon\"}}", {email("a@x.com")});
        QCOMPARE(m_transitions.size(), 1);
        QCOMPARE(m_transitions[0].audienceId, QStringLiteral("lyon"));
    }

    // A report made by hand carries no AttributeTree: its text is read
    // instead, and a text that is no object reads as {} (everything exits).
    void aReportWithoutTheMergesTreeReadsItsText()
    {
        const qint64 id = merge("{\"loyalty\":{\"points\":5}}", {email("a@x.com")});
        QVERIFY(id > 0);
        m_transitions.clear();
        MergeReport report;
        report.profileId = id;
        report.writtenPaths = {QStringLiteral("loyalty.points")};
        report.identities = {email("a@x.com")};
        report.mergedAt = m_now;
        report.attributesJson = QByteArrayLiteral("{\"loyalty\":{\"points\":150}}");
        QVERIFY(!report.attributes);
        QVERIFY2(m_segmenter->process(report), qPrintable(m_segmenter->lastError()));
        QCOMPARE(m_transitions.size(), 1);
        QVERIFY(m_transitions[0].entered);
        QCOMPARE(status(id, "gold"), QStringLiteral("realized@2023-11-14T22:13:20Z"));

        report.attributesJson = QByteArrayLiteral("[150]");
        QVERIFY2(m_segmenter->process(report), qPrintable(m_segmenter->lastError()));
        QCOMPARE(m_transitions.size(), 2);
        QVERIFY(!m_transitions[1].entered);
        QCOMPARE(status(id, "gold"), QStringLiteral("exited@2023-11-14T22:13:20Z"));
    }

    // The Engine (run --ingest-port, the GUI) segments every merged fragment.
    void engineSegmentsMergedFragments()
    {
        const QString path = m_store->path();
        m_segmenter.reset();
        m_merger.reset();
        m_store.reset();
        Engine engine(path);
        engine.open();
        QVERIFY(engine.store() && engine.segmenter());
        QCOMPARE(engine.segmenter()->ruleAudienceCount(), 2);
        Fragment gold;
        gold.attributes = QJsonDocument::fromJson("{\"loyalty\":{\"points\":500}}").object();
        gold.identities = {email("a@x.com")};
        Fragment other = gold;
        other.attributes = QJsonDocument::fromJson("{\"loyalty\":{\"points\":5}}").object();
        other.identities = {email("b@x.com")};
        QString error;
        QVERIFY2(engine.ingestor()->mergeAll({gold, other}, &error), qPrintable(error));
        QCOMPARE(engine.store()->membershipCounts(QStringLiteral("gold")).realized, 1);
        QCOMPARE(engine.segmenter()->counters().entered, 1);
    }

private:
    qint64 merge(const char *attributes, const QList<Identity> &identities)
    {
        Fragment fragment;
        fragment.attributes = QJsonDocument::fromJson(attributes).object();
        fragment.identities = identities;
        if (!m_store->begin())
            return 0;
        const std::optional<MergeReport> report = m_merger->merge(fragment);
        if (!report || !m_segmenter->process(*report) || !m_store->commit()) {
            qWarning() << m_store->lastError() << m_segmenter->lastError();
            m_store->rollback();
            return 0;
        }
        return report->profileId;
    }

    QString status(qint64 profileId, const char *audienceId)
    {
        for (const Membership &m : m_store->memberships(profileId)) {
            if (m.audienceId == QLatin1String(audienceId))
                return membershipStatusName(m.status) + u'@' + m.lastQualificationTime;
        }
        return {};
    }

    QTemporaryDir m_dir;
    std::unique_ptr<SqliteStore> m_store;
    std::unique_ptr<ProfileMerger> m_merger;
    std::unique_ptr<Segmenter> m_segmenter;
    QList<MembershipTransition> m_transitions;
    qint64 m_now = 0;
};

QTEST_GUILESS_MAIN(TestSegmenter)
#include "tst_segmenter.moc"
