// Memberships on SQLite (schema version 8): keyed by an integer audience key
// while the Store interface keeps speaking of audience UUIDs. The upgrade from
// version 7 keeps every audience and membership; keys are never reused.
#include "store/sqlitestore.h"
#include "support/membershiptestdata.h"
#include "support/rawconnection.h"

#include <QTemporaryDir>
#include <QTest>

using namespace outflow;
using namespace outflow::test;

namespace {

Audience audience(const QString &id, const QString &name, AudienceOrigin origin,
                  const QString &rule, qint64 createdAt)
{
    Audience a;
    a.id = id;
    a.name = name;
    a.description = QStringLiteral("about ") + name;
    a.origin = origin;
    a.rule = rule;
    a.mergePolicyId =
        origin == AudienceOrigin::CustomUpload ? QStringLiteral("crm") : QStringLiteral("default");
    a.createdAt = createdAt;
    a.updatedAt = createdAt + 5;
    return a;
}

} // namespace

class TestMembershipStore final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(QStringLiteral("store.sqlite"));
    }

    // Version 8 rebuilds audiences and memberships: every row stays, with its
    // status and time, and every question the store answers about them gets
    // the same answer as before.
    void version8KeepsAudiencesAndMemberships()
    {
        QList<qint64> profiles;
        const QList<Audience> audiences{
            audience(gold, QStringLiteral("Gold"), AudienceOrigin::Segmentation,
                     QStringLiteral("loyalty.tier = \"gold\""), 3000),
            audience(france, QStringLiteral("France"), AudienceOrigin::Segmentation,
                     QStringLiteral("homeAddress.countryCode = \"FR\""), 1000),
            audience(upload, QStringLiteral("Upload"), AudienceOrigin::CustomUpload, QString(),
                     2000)};
        {
            SqliteStore store(m_path, SqliteStore::migrations().mid(0, 7));
            QVERIFY2(store.open(), qPrintable(store.lastError()));
            QCOMPARE(store.schemaVersion(), 7);
            for (int i = 0; i < 3; ++i) {
                profiles.append(
                    store.insertProfile(profileWithEmail(QStringLiteral("p%1@x.org").arg(i))));
                QVERIFY2(profiles.last() > 0, qPrintable(store.lastError()));
            }
            // Version 7 audiences and memberships, as its code wrote them
            // (this build's statements are those of version 8).
            RawConnection raw(m_path);
            for (const Audience &a : audiences) {
                const QString rule =
                    a.isRuleAudience() ? QString(u'\'' + a.rule + u'\'') : QStringLiteral("NULL");
                QVERIFY(raw.exec(QStringLiteral("INSERT INTO audiences VALUES ('%1', '%2', '%3', "
                                                "'%4', %5, '%6', %7, %8)")
                                     .arg(a.id, a.name, a.description, audienceOriginName(a.origin),
                                          rule, a.mergePolicyId)
                                     .arg(a.createdAt)
                                     .arg(a.updatedAt)));
            }
            const auto add = [&](qint64 p, const QString &a, const char *status, const char *t) {
                return raw.exec(QStringLiteral("INSERT INTO memberships VALUES (%1, '%2', '%3', "
                                               "'%4')")
                                    .arg(p)
                                    .arg(a, QLatin1String(status), QLatin1String(t)));
            };
            QVERIFY(add(profiles[0], gold, "realized", "2022-01-11T21:24:39Z"));
            QVERIFY(add(profiles[0], france, "exited", "2022-02-01T00:00:00Z"));
            QVERIFY(add(profiles[0], upload, "realized", "2022-03-01T00:00:00Z"));
            QVERIFY(add(profiles[1], gold, "exited", "2021-12-31T23:59:59Z"));
            QVERIFY(add(profiles[2], gold, "realized", "2022-01-12T00:00:00Z"));
            QVERIFY(add(profiles[2], france, "realized", "2022-01-13T00:00:00Z"));
        }

        SqliteStore store(m_path);
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        // Version 8 and every later one (9: secret headers) ran.
        QVERIFY(store.schemaVersion() > 8);
        QCOMPARE(store.schemaVersion(), SqliteStore::migrations().constLast().version);

        const QList<Audience> stored = store.audiences(); // by name
        QCOMPARE(stored.size(), 3);
        const QList<Audience> byName{audiences[1], audiences[0], audiences[2]};
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(stored[i].id, byName[i].id);
            QCOMPARE(stored[i].name, byName[i].name);
            QCOMPARE(stored[i].description, byName[i].description);
            QCOMPARE(stored[i].origin, byName[i].origin);
            QCOMPARE(stored[i].rule, byName[i].rule);
            QCOMPARE(stored[i].mergePolicyId, byName[i].mergePolicyId);
            QCOMPARE(stored[i].createdAt, byName[i].createdAt);
            QCOMPARE(stored[i].updatedAt, byName[i].updatedAt);
        }

        // By audience UUID, as before (france < gold < upload).
        QCOMPARE(describe(store.memberships(profiles[0])),
                 (QStringList{france + QStringLiteral("=exited@2022-02-01T00:00:00Z"),
                              gold + QStringLiteral("=realized@2022-01-11T21:24:39Z"),
                              upload + QStringLiteral("=realized@2022-03-01T00:00:00Z")}));
        QCOMPARE(describe(store.memberships(profiles[1])),
                 QStringList{gold + QStringLiteral("=exited@2021-12-31T23:59:59Z")});
        QCOMPARE(store.membershipCounts(gold).realized, 2);
        QCOMPARE(store.membershipCounts(gold).exited, 1);
        QCOMPARE(store.membershipCounts(france).realized, 1);
        QCOMPARE(store.membershipCounts(france).exited, 1);
        const QHash<QString, MembershipCounts> all = store.allMembershipCounts();
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.value(upload).realized, 1);
        QCOMPARE(all.value(upload).exited, 0);
        QCOMPARE(store.realizedMembers(gold, 0, 10), (QList<qint64>{profiles[0], profiles[2]}));
        QCOMPARE(store.realizedMembers(gold, profiles[0], 10), QList<qint64>{profiles[2]});

        RawConnection raw(m_path);
        QCOMPARE(raw.text(QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
        QVERIFY(!raw.value(QStringLiteral("PRAGMA foreign_key_check")).isValid());
        // Version 8 made foreign keys to both; version 15 dropped them
        // (tst_membershipwrites checks that the store does their work).
        QCOMPARE(raw.integer(QStringLiteral("SELECT COUNT(*) FROM "
                                            "pragma_foreign_key_list('memberships')")),
                 0);
        QCOMPARE(raw.integer(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE "
                                            "'%_v8'")),
                 0);
        // Keys follow creation order; the status is checked as before.
        QCOMPARE(raw.text(QStringLiteral("SELECT group_concat(name) FROM (SELECT name FROM "
                                         "audiences ORDER BY key)")),
                 QStringLiteral("France,Upload,Gold"));
        QVERIFY(!raw.exec(QStringLiteral("UPDATE memberships SET realized = 2")));

        // Retention still finds the exited entries (the partial index's query).
        QCOMPARE(store.removeExitedBefore(QStringLiteral("2022-01-15T00:00:00Z")), 1);
        QCOMPARE(store.membershipCounts(gold).exited, 0);
        QCOMPARE(store.removeExitedBefore(QStringLiteral("2023-01-01T00:00:00Z")), 1);
        QCOMPARE(store.membershipCounts(france).exited, 0);
    }

    void membershipsByAudienceUuid()
    {
        SqliteStore store(m_path);
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        QVERIFY(store.insertAudience(audience(gold, QStringLiteral("Gold"),
                                              AudienceOrigin::Segmentation,
                                              QStringLiteral("loyalty.points > 1"), 1)));
        QVERIFY(store.insertAudience(
            audience(france, QStringLiteral("France"), AudienceOrigin::CustomUpload, {}, 2)));
        const qint64 p = store.insertProfile(profileWithEmail(QStringLiteral("a@x.org")));
        QVERIFY(p > 0);

        QVERIFY2(store.setMembership(
                     {p, gold, MembershipStatus::Realized, QStringLiteral("2024-01-01T00:00:00Z")}),
                 qPrintable(store.lastError()));
        QVERIFY(store.setMembership(
            {p, france, MembershipStatus::Realized, QStringLiteral("2024-01-02T00:00:00Z")}));
        // An upsert: the same pair changes status and time.
        QVERIFY(store.setMembership(
            {p, gold, MembershipStatus::Exited, QStringLiteral("2024-01-03T00:00:00Z")}));
        QCOMPARE(describe(store.memberships(p)),
                 (QStringList{france + QStringLiteral("=realized@2024-01-02T00:00:00Z"),
                              gold + QStringLiteral("=exited@2024-01-03T00:00:00Z")}));
        QVERIFY(store.lastError().isEmpty());

        // An unknown audience is refused, nothing written.
        QVERIFY(!store.setMembership(
            {p, upload, MembershipStatus::Realized, QStringLiteral("2024-01-04T00:00:00Z")}));
        QVERIFY(!store.lastError().isEmpty());
        QCOMPARE(store.memberships(p).size(), 2);

        // Deleting an audience deletes its memberships; a later audience never
        // gets its key back (AUTOINCREMENT), so no stale key names another one.
        RawConnection raw(m_path);
        const qint64 franceKey =
            raw.integer(QStringLiteral("SELECT key FROM audiences WHERE id = '%1'").arg(france));
        QVERIFY(store.deleteAudience(france));
        QCOMPARE(describe(store.memberships(p)),
                 QStringList{gold + QStringLiteral("=exited@2024-01-03T00:00:00Z")});
        QVERIFY(store.insertAudience(
            audience(upload, QStringLiteral("Upload"), AudienceOrigin::CustomUpload, {}, 3)));
        QVERIFY(
            raw.integer(QStringLiteral("SELECT key FROM audiences WHERE id = '%1'").arg(upload)) >
            franceKey);
        QCOMPARE(store.membershipCounts(france).realized, 0);
        QCOMPARE(store.membershipCounts(upload).realized, 0);
    }

    // Each connection caches audience keys: another connection deleting an
    // audience and making it again under the same UUID (a new key) must not
    // make this one write to the old key or fail.
    void aStaleKeyIsLookedUpAgain()
    {
        SqliteStore a(m_path);
        QVERIFY2(a.open(), qPrintable(a.lastError()));
        SqliteStore b(m_path);
        QVERIFY2(b.open(), qPrintable(b.lastError()));
        const Audience goldAudience =
            audience(gold, QStringLiteral("Gold"), AudienceOrigin::CustomUpload, {}, 1);
        QVERIFY(a.insertAudience(goldAudience));
        const qint64 p = a.insertProfile(profileWithEmail(QStringLiteral("a@x.org")));
        QVERIFY(a.setMembership(
            {p, gold, MembershipStatus::Realized, QStringLiteral("2024-01-01T00:00:00Z")}));
        QCOMPARE(describe(a.memberships(p)).size(), 1);

        QVERIFY(b.deleteAudience(gold));
        QCOMPARE(a.memberships(p).size(), 0);
        QVERIFY(b.insertAudience(goldAudience));
        QVERIFY2(a.setMembership(
                     {p, gold, MembershipStatus::Exited, QStringLiteral("2024-01-02T00:00:00Z")}),
                 qPrintable(a.lastError()));
        QCOMPARE(describe(b.memberships(p)),
                 QStringList{gold + QStringLiteral("=exited@2024-01-02T00:00:00Z")});
        QCOMPARE(describe(a.memberships(p)), describe(b.memberships(p)));

        // Deleted for good: the write fails with a message naming it.
        QVERIFY(b.deleteAudience(gold));
        QVERIFY(!a.setMembership(
            {p, gold, MembershipStatus::Realized, QStringLiteral("2024-01-03T00:00:00Z")}));
        QVERIFY2(a.lastError().contains(gold), qPrintable(a.lastError()));
    }

    // A key made in a transaction that rolls back is made again for the next
    // audience: what the connection cached about the first must be gone.
    void aRolledBackKeyIsForgotten()
    {
        SqliteStore store(m_path);
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        const qint64 p = store.insertProfile(profileWithEmail(QStringLiteral("a@x.org")));
        QVERIFY(store.begin());
        QVERIFY(store.insertAudience(
            audience(france, QStringLiteral("France"), AudienceOrigin::CustomUpload, {}, 1)));
        QVERIFY(store.setMembership(
            {p, france, MembershipStatus::Realized, QStringLiteral("2024-01-01T00:00:00Z")}));
        QCOMPARE(store.memberships(p).size(), 1);
        store.rollback();
        QVERIFY(!store.audience(france));

        QVERIFY(store.insertAudience(
            audience(upload, QStringLiteral("Upload"), AudienceOrigin::CustomUpload, {}, 2)));
        QVERIFY(store.setMembership(
            {p, upload, MembershipStatus::Realized, QStringLiteral("2024-01-02T00:00:00Z")}));
        QCOMPARE(describe(store.memberships(p)),
                 QStringList{upload + QStringLiteral("=realized@2024-01-02T00:00:00Z")});
        QVERIFY(!store.setMembership(
            {p, france, MembershipStatus::Realized, QStringLiteral("2024-01-03T00:00:00Z")}));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestMembershipStore)
#include "tst_membershipstore.moc"
