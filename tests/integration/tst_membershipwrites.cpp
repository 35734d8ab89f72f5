// Memberships on SQLite since schema version 15: no foreign keys, several
// written at once (segmentation writes a profile's transitions together). The
// upgrade keeps every row; what the foreign keys did (refuse a membership of a
// missing profile or audience, delete the memberships of a deleted profile or
// audience) the store now does itself.
#include "store/sqlitestore.h"
#include "support/membershiptestdata.h"
#include "support/rawconnection.h"

#include <QTemporaryDir>
#include <QTest>

using namespace outflow;
using namespace outflow::test;

namespace {

Audience audience(const QString &id, const QString &name, qint64 createdAt)
{
    Audience a;
    a.id = id;
    a.name = name;
    a.origin = AudienceOrigin::CustomUpload;
    a.mergePolicyId = QStringLiteral("crm");
    a.createdAt = a.updatedAt = createdAt;
    return a;
}

Membership realized(qint64 profileId, const QString &audienceId, const QString &time)
{
    return {profileId, audienceId, MembershipStatus::Realized, time};
}

Membership exited(qint64 profileId, const QString &audienceId, const QString &time)
{
    return {profileId, audienceId, MembershipStatus::Exited, time};
}

const QString t1 = QStringLiteral("2024-01-01T00:00:00Z");
const QString t2 = QStringLiteral("2024-01-02T00:00:00Z");
const QString t3 = QStringLiteral("2024-01-03T00:00:00Z");

} // namespace

class TestMembershipWrites final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(QStringLiteral("store.sqlite"));
    }

    // Version 15 rebuilds memberships without foreign keys: every row stays,
    // both indexes are there, and the store answers as before.
    void version15KeepsEveryMembership()
    {
        QList<qint64> profiles;
        {
            SqliteStore store(m_path, SqliteStore::migrations().mid(0, 14));
            QVERIFY2(store.open(), qPrintable(store.lastError()));
            QCOMPARE(store.schemaVersion(), 14);
            QVERIFY(store.insertAudience(audience(gold, QStringLiteral("Gold"), 1)));
            QVERIFY(store.insertAudience(audience(france, QStringLiteral("France"), 2)));
            for (int i = 0; i < 3; ++i) {
                profiles.append(
                    store.insertProfile(profileWithEmail(QStringLiteral("p%1@x.org").arg(i))));
                QVERIFY2(profiles.last() > 0, qPrintable(store.lastError()));
            }
            QVERIFY2(store.setMemberships(
                         {realized(profiles[0], gold, t1), exited(profiles[0], france, t2),
                          exited(profiles[1], gold, t1), realized(profiles[2], gold, t3)}),
                     qPrintable(store.lastError()));
            RawConnection raw(m_path);
            QCOMPARE(raw.text(QStringLiteral("SELECT group_concat(t) FROM (SELECT \"table\" AS t"
                                             " FROM pragma_foreign_key_list('memberships')"
                                             " ORDER BY t)")),
                     QStringLiteral("audiences,profiles"));
        }

        SqliteStore store(m_path);
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        QVERIFY(store.schemaVersion() >= 15);
        QCOMPARE(store.schemaVersion(), SqliteStore::migrations().constLast().version);
        QCOMPARE(describe(store.memberships(profiles[0])),
                 (QStringList{france + QStringLiteral("=exited@") + t2,
                              gold + QStringLiteral("=realized@") + t1}));
        QCOMPARE(describe(store.memberships(profiles[1])),
                 QStringList{gold + QStringLiteral("=exited@") + t1});
        QCOMPARE(describe(store.memberships(profiles[2])),
                 QStringList{gold + QStringLiteral("=realized@") + t3});
        QCOMPARE(store.membershipCounts(gold).realized, 2);
        QCOMPARE(store.membershipCounts(gold).exited, 1);
        QCOMPARE(store.realizedMembers(gold, 0, 10), (QList<qint64>{profiles[0], profiles[2]}));

        RawConnection raw(m_path);
        QCOMPARE(raw.text(QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
        QCOMPARE(raw.integer(QStringLiteral("SELECT COUNT(*) FROM memberships")), 4);
        QCOMPARE(raw.integer(QStringLiteral("SELECT COUNT(*) FROM"
                                            " pragma_foreign_key_list('memberships')")),
                 0);
        QCOMPARE(raw.column(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index'"
                                           " AND tbl_name = 'memberships' ORDER BY name")),
                 (QStringList{QStringLiteral("memberships_by_audience"),
                              QStringLiteral("memberships_exited")}));
        QCOMPARE(raw.integer(QStringLiteral("SELECT COUNT(*) FROM sqlite_master"
                                            " WHERE name LIKE '%_v15'")),
                 0);
        // The status is still checked by the table.
        QVERIFY(!raw.exec(QStringLiteral("UPDATE memberships SET realized = 2")));
        // Retention still finds the exited entries.
        QCOMPARE(store.removeExitedBefore(QStringLiteral("2024-01-01T12:00:00Z")), 1);
        QCOMPARE(store.membershipCounts(gold).exited, 0);
        QCOMPARE(store.membershipCounts(france).exited, 1);
    }

    // A batch: new pairs, pairs already stored, a pair given twice (the later
    // wins), more pairs than one statement takes.
    void setMembershipsWritesEveryKindOfPair()
    {
        SqliteStore store(m_path);
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        QStringList ids;
        for (int i = 0; i < 40; ++i) {
            ids.append(QStringLiteral("d0000000-0000-4000-8000-0000000000%1")
                           .arg(i, 2, 10, QLatin1Char('0')));
            QVERIFY(store.insertAudience(audience(ids.last(), QStringLiteral("a%1").arg(i), i)));
        }
        const qint64 p = store.insertProfile(profileWithEmail(QStringLiteral("a@x.org")));
        const qint64 q = store.insertProfile(profileWithEmail(QStringLiteral("b@x.org")));
        QVERIFY(p > 0 && q > 0);

        // A new profile entering 40 audiences (more than one statement's rows).
        QList<Membership> entries;
        for (const QString &id : std::as_const(ids))
            entries.append(realized(p, id, t1));
        QVERIFY2(store.setMemberships(entries), qPrintable(store.lastError()));
        QCOMPARE(store.memberships(p).size(), 40);
        QCOMPARE(store.realizedAudiences(p).size(), 40);

        // Two exits of stored pairs beside a new pair of another profile, and
        // a pair given twice.
        QVERIFY2(store.setMemberships({exited(p, ids[3], t2), realized(q, ids[3], t2),
                                       exited(p, ids[39], t2), realized(q, ids[5], t2),
                                       exited(q, ids[5], t3)}),
                 qPrintable(store.lastError()));
        const QList<Membership> ofP = store.memberships(p);
        QCOMPARE(ofP.size(), 40);
        for (const Membership &m : ofP) {
            const bool left = m.audienceId == ids[3] || m.audienceId == ids[39];
            QCOMPARE(m.status, left ? MembershipStatus::Exited : MembershipStatus::Realized);
            QCOMPARE(m.lastQualificationTime, left ? t2 : t1);
        }
        QCOMPARE(describe(store.memberships(q)),
                 (QStringList{ids[3] + QStringLiteral("=realized@") + t2,
                              ids[5] + QStringLiteral("=exited@") + t3}));
        QCOMPARE(store.realizedAudiences(p).size(), 38);
        QVERIFY(!store.realizedAudiences(p).contains(ids[3]));
        QCOMPARE(store.realizedAudiences(q), QStringList{ids[3]});
        QCOMPARE(store.membershipCounts(ids[3]).realized, 1);
        QCOMPARE(store.membershipCounts(ids[3]).exited, 1);
        QCOMPARE(store.realizedMembers(ids[0], 0, 10), QList<qint64>{p});
        QVERIFY(store.setMemberships({}));
    }

    // What the foreign keys refused is still refused, and nothing is written.
    void aMembershipOfAMissingProfileOrAudienceIsRefused()
    {
        SqliteStore store(m_path);
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        QVERIFY(store.insertAudience(audience(gold, QStringLiteral("Gold"), 1)));
        const qint64 p = store.insertProfile(profileWithEmail(QStringLiteral("a@x.org")));
        QVERIFY(p > 0);

        QVERIFY(!store.setMembership(realized(424242, gold, t1)));
        QVERIFY2(store.lastError().contains(QLatin1String("424242")),
                 qPrintable(store.lastError()));
        // In a batch, outside and inside the caller's transaction.
        QVERIFY(!store.setMemberships({realized(p, gold, t1), realized(p, upload, t1)}));
        QVERIFY2(store.lastError().contains(upload), qPrintable(store.lastError()));
        QVERIFY(store.begin());
        QVERIFY(!store.setMemberships({realized(p, gold, t1), realized(424242, gold, t1)}));
        store.rollback();
        RawConnection raw(m_path);
        QCOMPARE(raw.integer(QStringLiteral("SELECT COUNT(*) FROM memberships")), 0);
        QCOMPARE(store.memberships(p).size(), 0);
    }

    // The cascades the foreign keys made: an absorbed profile's memberships
    // go (the survivor keeps its own where both were in an audience), and a
    // deleted audience's go with it.
    void mergesAndAudienceDeletionsLeaveNoMembershipBehind()
    {
        SqliteStore store(m_path);
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        QVERIFY(store.insertAudience(audience(gold, QStringLiteral("Gold"), 1)));
        QVERIFY(store.insertAudience(audience(france, QStringLiteral("France"), 2)));
        const qint64 survivor = store.insertProfile(profileWithEmail(QStringLiteral("a@x.org")));
        const qint64 absorbed = store.insertProfile(profileWithEmail(QStringLiteral("b@x.org")));
        QVERIFY(survivor > 0 && absorbed > 0);
        QVERIFY(store.setMemberships({realized(survivor, gold, t1), exited(absorbed, gold, t2),
                                      realized(absorbed, france, t2)}));

        QVERIFY2(store.mergeProfiles(survivor, absorbed, 10), qPrintable(store.lastError()));
        QCOMPARE(describe(store.memberships(survivor)),
                 (QStringList{france + QStringLiteral("=realized@") + t2,
                              gold + QStringLiteral("=realized@") + t1}));
        QCOMPARE(store.memberships(absorbed).size(), 0);
        RawConnection raw(m_path);
        QCOMPARE(raw.integer(QStringLiteral("SELECT COUNT(*) FROM memberships"
                                            " WHERE profile_id = %1")
                                 .arg(absorbed)),
                 0);

        const qint64 franceKey =
            raw.integer(QStringLiteral("SELECT key FROM audiences WHERE id = '%1'").arg(france));
        QVERIFY(franceKey > 0);
        QVERIFY(store.deleteAudience(france));
        QCOMPARE(raw.integer(QStringLiteral("SELECT COUNT(*) FROM memberships"
                                            " WHERE audience_key = %1")
                                 .arg(franceKey)),
                 0);
        QCOMPARE(describe(store.memberships(survivor)),
                 QStringList{gold + QStringLiteral("=realized@") + t1});
        QCOMPARE(raw.integer(QStringLiteral("SELECT COUNT(*) FROM memberships")), 1);

        // Deleted in the caller's transaction and written again at once: the
        // connection's cached key of the deleted audience is not used.
        QVERIFY(store.begin());
        QVERIFY(store.deleteAudience(gold));
        QVERIFY(!store.setMembership(realized(survivor, gold, t3)));
        store.rollback();
        QCOMPARE(describe(store.memberships(survivor)),
                 QStringList{gold + QStringLiteral("=realized@") + t1});
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestMembershipWrites)
#include "tst_membershipwrites.moc"
