// Identity graph and merge rules (DESIGN §1) on a real SQLite store.
#include "identity/profilemerger.h"
#include "store/sqlitestore.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace outflow;

namespace {

Fragment fragment(const QByteArray &attributesJson, const QList<Identity> &identities)
{
    Fragment f;
    f.attributes = QJsonDocument::fromJson(attributesJson).object();
    f.identities = identities;
    return f;
}

Identity email(const char *id, bool primary = false)
{
    return {QStringLiteral("email"), QString::fromUtf8(id), primary};
}

// An identity as a fragment names it without "primary".
Identity unstated(const char *id)
{
    return {QStringLiteral("email"), QString::fromUtf8(id), false, false};
}

Identity crm(const char *id)
{
    return {QStringLiteral("crmId"), QString::fromUtf8(id), false};
}

QJsonObject json(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

} // namespace

class TestProfileMerger final : public QObject
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
    }

    void cleanup()
    {
        m_merger.reset();
        m_store.reset();
    }

    void unknownIdentitiesCreateAProfile()
    {
        const auto report = merge(
            fragment(R"({"person":{"name":{"firstName":"Ana"}}})", {email("ana@x.io", true)}));
        QVERIFY(report.created);
        QCOMPARE(report.writtenPaths.toStringList(),
                 QStringList{QStringLiteral("person.name.firstName")});
        QCOMPARE(report.identitiesAdded.size(), 1);
        QVERIFY(report.identityMapChanged());
        QCOMPARE(report.mergedAt, m_now);
        const Profile stored = *m_store->profile(report.profileId);
        QCOMPARE(stored.attributes(), json(R"({"person":{"name":{"firstName":"Ana"}}})"));
        QCOMPARE(stored.identities.size(), 1);
        QVERIFY(stored.identities.first().primary);
        QCOMPARE(stored.createdAt, m_now);
        QCOMPARE(m_store->profileCount(), 1);
    }

    void deepMergeKeepsSiblingsAndLastWriteWins()
    {
        const auto first = merge(fragment(
            R"({"person":{"name":{"firstName":"Ana","lastName":"Lima"}},"loyalty":{"points":10}})",
            {email("ana@x.io")}));
        m_now += 1000;
        const auto second =
            merge(fragment(R"({"person":{"name":{"firstName":"Anna"}},"loyalty":{"tier":"gold"}})",
                           {email("ana@x.io")}));
        QCOMPARE(second.profileId, first.profileId);
        QVERIFY(!second.created);
        QVERIFY(!second.identityMapChanged());
        QCOMPARE(
            second.writtenPaths.toStringList(),
            (QStringList{QStringLiteral("loyalty.tier"), QStringLiteral("person.name.firstName")}));
        const Profile stored = *m_store->profile(first.profileId);
        QCOMPARE(
            stored.attributes(),
            json(
                R"({"person":{"name":{"firstName":"Anna","lastName":"Lima"}},"loyalty":{"points":10,"tier":"gold"}})"));
        QCOMPARE(stored.updatedAt, m_now);
    }

    void arraysAreReplacedNotConcatenated()
    {
        const auto first =
            merge(fragment(R"({"tags":["a","b"],"n":{"list":[1,2,3]}})", {email("a@x.io")}));
        merge(fragment(R"({"tags":["c"],"n":{"list":[]}})", {email("a@x.io")}));
        QCOMPARE(m_store->profile(first.profileId)->attributes(),
                 json(R"({"tags":["c"],"n":{"list":[]}})"));
    }

    void scalarAndObjectReplaceEachOther()
    {
        const auto first = merge(fragment(R"({"a":"text","b":{"c":1}})", {email("a@x.io")}));
        const auto second = merge(fragment(R"({"a":{"x":true},"b":null})", {email("a@x.io")}));
        QCOMPARE(second.writtenPaths.toStringList(),
                 (QStringList{QStringLiteral("a.x"), QStringLiteral("b")}));
        QCOMPARE(m_store->profile(first.profileId)->attributes(),
                 json(R"({"a":{"x":true},"b":null})"));
    }

    void writtenPathsCountEvenWithAnUnchangedValue()
    {
        merge(fragment(R"({"person":{"gender":"female"}})", {email("a@x.io")}));
        const auto again = merge(fragment(R"({"person":{"gender":"female"}})", {email("a@x.io")}));
        QCOMPARE(again.writtenPaths.toStringList(), QStringList{QStringLiteral("person.gender")});
    }

    void identitiesAreUnioned()
    {
        const auto first = merge(fragment(R"({"a":1})", {email("a@x.io")}));
        const auto second = merge(fragment(R"({"b":2})", {email("a@x.io"), crm("C1")}));
        QCOMPARE(second.profileId, first.profileId);
        QCOMPARE(second.identitiesAdded, QList<Identity>{crm("C1")});
        QVERIFY(second.identityMapChanged());
        const Profile stored = *m_store->profile(first.profileId);
        QCOMPARE(stored.identities, (QList<Identity>{email("a@x.io"), crm("C1")}));
        // Now either identity finds the profile.
        QCOMPARE(m_store->owner(crm("C1")), std::optional<qint64>(first.profileId));
    }

    void primaryFlagChangeIsAnIdentityMapChange()
    {
        const auto first = merge(fragment(R"({})", {email("a@x.io", false)}));
        const auto second = merge(fragment(R"({})", {email("a@x.io", true)}));
        QVERIFY(second.identitiesAdded.isEmpty());
        QCOMPARE(second.identitiesUpdated.size(), 1);
        QVERIFY(second.identityMapChanged());
        QVERIFY(m_store->profile(first.profileId)->identities.first().primary);
    }

    // Issue #21: absence is not false. A fragment that names a primary
    // identity without "primary" (to change an attribute) leaves the flag,
    // and changes no identity.
    void aFragmentWithoutPrimaryKeepsTheFlag()
    {
        const auto first = merge(fragment(R"({})", {email("a@x.io", true)}));
        const auto second = merge(fragment(R"({"loyalty":{"points":5}})", {unstated("a@x.io")}));
        QVERIFY(second.identitiesAdded.isEmpty());
        QVERIFY(second.identitiesUpdated.isEmpty());
        QVERIFY(!second.identityMapChanged());
        QVERIFY(m_store->profile(first.profileId)->identities.first().primary);
        // Stated false, it changes.
        const auto third = merge(fragment(R"({})", {email("a@x.io", false)}));
        QCOMPARE(third.identitiesUpdated.size(), 1);
        QVERIFY(!m_store->profile(first.profileId)->identities.first().primary);
        // A new identity without "primary" is not primary.
        const auto fourth = merge(fragment(R"({})", {unstated("a@x.io"), unstated("b@x.io")}));
        QCOMPARE(fourth.identitiesAdded.size(), 1);
        QVERIFY(!m_store->profile(first.profileId)->identities.at(1).primary);
        // The duplicate that states it wins over the one that does not.
        const auto fifth = merge(fragment(R"({})", {email("b@x.io", true), unstated("b@x.io")}));
        QVERIFY(m_store->profile(first.profileId)->identities.at(1).primary);
        Q_UNUSED(fifth);
    }

    // One primary identity per namespace: stating "primary": true on another
    // identity of the namespace demotes the one that was primary.
    void aSecondPrimaryOfTheNamespaceDemotesTheFirst()
    {
        const auto first = merge(fragment(R"({})", {email("a@x.io", true), crm("C1")}));
        const auto second = merge(fragment(R"({})", {unstated("a@x.io"), email("b@x.io", true)}));
        QCOMPARE(second.identitiesAdded.size(), 1);
        QCOMPARE(second.identitiesUpdated.size(), 1); // a@x.io demoted
        QCOMPARE(second.identitiesUpdated.first().id, QStringLiteral("a@x.io"));
        const Profile stored = *m_store->profile(first.profileId);
        QCOMPARE(stored.identities.size(), 3);
        QVERIFY(!stored.identities.at(0).primary); // a@x.io
        QVERIFY(!stored.identities.at(1).primary); // crmId: another namespace, untouched
        QVERIFY(stored.identities.at(2).primary);  // b@x.io
        // In one new profile: the last identity stated primary wins.
        const auto third = merge(fragment(R"({})", {email("c@x.io", true), email("d@x.io", true)}));
        const Profile created = *m_store->profile(third.profileId);
        QVERIFY(!created.identities.at(0).primary);
        QVERIFY(created.identities.at(1).primary);
    }

    void aFragmentLinkingTwoProfilesMergesThem()
    {
        const auto ana = merge(
            fragment(R"({"person":{"name":{"firstName":"Ana"}},"x":"old"})", {email("ana@x.io")}));
        m_now += 1000;
        const auto crmOnly = merge(fragment(R"({"loyalty":{"points":5},"x":"new"})", {crm("C9")}));
        QVERIFY(ana.profileId != crmOnly.profileId);
        m_now += 1000;
        const auto link = merge(
            fragment(R"({"person":{"name":{"lastName":"Lima"}}})", {email("ana@x.io"), crm("C9")}));

        QCOMPARE(link.profileId, ana.profileId); // the oldest survives
        QCOMPARE(link.mergedProfileIds, QList<qint64>{crmOnly.profileId});
        QCOMPARE(link.identitiesAdded, QList<Identity>{crm("C9")});
        QCOMPARE(link.writtenPaths.toStringList(),
                 QStringList{QStringLiteral("person.name.lastName")});
        QCOMPARE(m_store->profileCount(), 1);
        QVERIFY(!m_store->profile(crmOnly.profileId).has_value());
        const Profile merged = *m_store->profile(ana.profileId);
        // Deep-merged by last write: "x" from the more recently updated profile.
        QCOMPARE(
            merged.attributes(),
            json(
                R"({"person":{"name":{"firstName":"Ana","lastName":"Lima"}},"loyalty":{"points":5},"x":"new"})"));
        QCOMPARE(merged.identities.size(), 2);
        // The report carries the profile as stored, for segmentation.
        QCOMPARE(link.attributesJson, merged.attributesJson);
        QCOMPARE(link.identities, merged.identities);
        QCOMPARE(ana.identities, QList<Identity>{email("ana@x.io")});
        QCOMPARE(json(ana.attributesJson),
                 json(R"({"person":{"name":{"firstName":"Ana"}},"x":"old"})"));
        const QList<MergeRecord> merges = m_store->mergesInto(ana.profileId);
        QCOMPARE(merges.size(), 1);
        QCOMPARE(merges.first().absorbedId, crmOnly.profileId);
        QCOMPARE(merges.first().mergedAt, m_now);
    }

    void threeWayMerge()
    {
        const auto a = merge(fragment(R"({"a":1})", {email("a@x.io")}));
        const auto b = merge(fragment(R"({"b":2})", {crm("B")}));
        const auto c = merge(fragment(
            R"({"c":3})", {{QStringLiteral("phone"), QStringLiteral("+33600000000"), false}}));
        const auto link = merge(fragment(
            R"({"d":4})", {crm("B"),
                           {QStringLiteral("phone"), QStringLiteral("+33600000000"), false},
                           email("a@x.io")}));
        QCOMPARE(link.profileId, a.profileId);
        QCOMPARE(link.mergedProfileIds, (QList<qint64>{b.profileId, c.profileId}));
        QCOMPARE(m_store->profileCount(), 1);
        const Profile merged = *m_store->profile(a.profileId);
        QCOMPARE(merged.attributes(), json(R"({"a":1,"b":2,"c":3,"d":4})"));
        QCOMPARE(merged.identities.size(), 3);
        QCOMPARE(m_store->mergesInto(a.profileId).size(), 2);
    }

    void reIngestingTheSameFragmentIsIdempotent()
    {
        const Fragment f = fragment(R"({"person":{"name":{"firstName":"Ana"}},"tags":["a"]})",
                                    {email("a@x.io"), crm("C1")});
        const auto first = merge(f);
        const Profile before = *m_store->profile(first.profileId);
        const auto again = merge(f);
        QCOMPARE(again.profileId, first.profileId);
        QVERIFY(!again.created);
        QVERIFY(!again.identityMapChanged());
        QCOMPARE(again.writtenPaths.toStringList(),
                 first.writtenPaths.toStringList()); // written, even if unchanged
        const Profile after = *m_store->profile(first.profileId);
        QCOMPARE(after.attributes(), before.attributes());
        QCOMPARE(after.identities, before.identities);
        QCOMPARE(m_store->profileCount(), 1);
    }

    void duplicateIdentitiesInOneFragmentAreHeldOnce()
    {
        const auto report = merge(fragment(R"({})", {email("a@x.io"), email("a@x.io", true)}));
        QCOMPARE(report.identitiesAdded.size(), 1);
        QCOMPARE(m_store->profile(report.profileId)->identities.size(), 1);
    }

    void deepMergeHelper_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("source");
        QTest::addColumn<QByteArray>("expected");
        QTest::addColumn<QStringList>("written");
        QTest::newRow("nested") << QByteArray(R"({"a":{"b":1,"c":2}})")
                                << QByteArray(R"({"a":{"c":3}})")
                                << QByteArray(R"({"a":{"b":1,"c":3}})")
                                << QStringList{QStringLiteral("a.c")};
        QTest::newRow("empty object")
            << QByteArray(R"({"a":{"b":1}})") << QByteArray(R"({"a":{}})")
            << QByteArray(R"({"a":{"b":1}})") << QStringList{QStringLiteral("a")};
        QTest::newRow("new branch")
            << QByteArray(R"({})") << QByteArray(R"({"a":{"b":{"c":"x"}}})")
            << QByteArray(R"({"a":{"b":{"c":"x"}}})") << QStringList{QStringLiteral("a.b.c")};
    }

    void deepMergeHelper()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, source);
        QFETCH(QByteArray, expected);
        QFETCH(QStringList, written);
        QJsonObject merged = json(target);
        QStringList paths;
        ProfileMerger::deepMerge(merged, json(source), QString(), &paths);
        QCOMPARE(merged, json(expected));
        QCOMPARE(paths, written);
    }

private:
    MergeReport merge(const Fragment &f)
    {
        const std::optional<MergeReport> report = m_merger->merge(f);
        if (!report)
            qWarning() << "merge failed:" << m_store->lastError();
        return report.value_or(MergeReport{});
    }

    QTemporaryDir m_dir;
    std::unique_ptr<SqliteStore> m_store;
    std::unique_ptr<ProfileMerger> m_merger;
    qint64 m_now = 0;
};

QTEST_GUILESS_MAIN(TestProfileMerger)
#include "tst_profilemerger.moc"
