// IdentityIndex and ProfileCache: the in-memory side of the store's profile
// cache (no SQL here; tst_storecache covers the store using them).
#include "store/identityindex.h"
#include "store/profilecache.h"

#include <QTest>

using namespace outflow;

namespace {

Identity email(const QString &id, bool primary = false)
{
    return {QStringLiteral("email"), id, primary};
}

Profile profile(qint64 id, const QByteArray &attributes, const QList<Identity> &identities)
{
    Profile p;
    p.id = id;
    p.attributesJson = attributes;
    p.identities = identities;
    p.createdAt = p.updatedAt = 1000 + id;
    return p;
}

} // namespace

class TestIdentityIndex final : public QObject
{
    Q_OBJECT

private slots:
    void hashSeparatesNamespaceFromId()
    {
        QVERIFY(IdentityIndex::hash(u"a", u"bc") != IdentityIndex::hash(u"ab", u"c"));
        QVERIFY(IdentityIndex::hash(u"email", u"x") != IdentityIndex::hash(u"crmId", u"x"));
        QCOMPARE(IdentityIndex::hash(email(QStringLiteral("x"))),
                 IdentityIndex::hash(u"email", u"x"));
        QVERIFY(IdentityIndex::hash(u"", u"") != 0); // 0 marks an empty slot
    }

    void findsWhatWasAddedAndNothingElse()
    {
        IdentityIndex index;
        QVERIFY(!index.find(42));
        for (quint64 h = 1; h <= 5000; ++h) // grows several times
            QVERIFY(index.add(h * 7919, qint64(h)));
        QCOMPARE(index.size(), size_t(5000));
        for (quint64 h = 1; h <= 5000; ++h)
            QCOMPARE(index.find(h * 7919), std::optional<qint64>(qint64(h)));
        QVERIFY(!index.find(7918));
        QVERIFY(index.add(7919, 1)); // the same identity again: unchanged
        QCOMPARE(index.find(7919), std::optional<qint64>(1));
        QCOMPARE(index.size(), size_t(5000));
    }

    void twoProfilesUnderOneHashAreAmbiguous()
    {
        IdentityIndex index;
        QVERIFY(index.add(99, 1));
        QVERIFY(index.add(99, 2));
        QCOMPARE(index.find(99), std::optional<qint64>(IdentityIndex::Ambiguous));
        index.move(99, 1, 3); // an ambiguous entry stays so
        QCOMPARE(index.find(99), std::optional<qint64>(IdentityIndex::Ambiguous));
    }

    void moveFollowsAMergeOnlyFromTheAbsorbedProfile()
    {
        IdentityIndex index;
        QVERIFY(index.add(10, 5));
        index.move(10, 4, 1); // not profile 4's: left alone
        QCOMPARE(index.find(10), std::optional<qint64>(5));
        index.move(10, 5, 1);
        QCOMPARE(index.find(10), std::optional<qint64>(1));
    }

    void outgrowingItsBoundEmptiesIt()
    {
        IdentityIndex index(2048); // 70 % of it: 1433 entries
        quint64 h = 1;
        for (; h <= 1433; ++h)
            QVERIFY(index.add(h, 1));
        QVERIFY(!index.add(h, 1));
        QCOMPARE(index.size(), size_t(0));
        QVERIFY(!index.find(1));
        QCOMPARE(index.memoryBytes(), size_t(0));

        IdentityIndex none(0); // no index at all
        QVERIFY(!none.add(1, 1));
    }

    void cacheEvictsTheLeastRecentlyUsedBeyondItsBytes()
    {
        const QByteArray text(1000, 'x');
        const qint64 one = ProfileCache::costOf(profile(1, text, {email(QStringLiteral("a"))}));
        ProfileCache cache(3 * one + one / 2); // room for three
        for (qint64 id = 1; id <= 3; ++id)
            cache.insert(profile(id, text, {email(QStringLiteral("a"))}));
        QCOMPARE(cache.count(), 3);
        QVERIFY(cache.profile(1)); // 1 is now the most recently used
        cache.insert(profile(4, text, {email(QStringLiteral("a"))}));
        QCOMPARE(cache.count(), 3);
        QVERIFY(!cache.profile(2)); // the least recently used went out
        QVERIFY(cache.profile(1));
        QVERIFY(cache.profile(3));
        QVERIFY(cache.profile(4));
        QVERIFY(cache.bytes() <= cache.maxBytes());

        // Growing a profile counts: its neighbours make room.
        cache.updateAttributes(4, QByteArray(2 * text.size(), 'y'), 7);
        QVERIFY(cache.bytes() <= cache.maxBytes());
        QCOMPARE(cache.profile(4)->attributesJson.size(), 2 * text.size());
        QCOMPARE(cache.profile(4)->updatedAt, qint64(7));

        // A profile larger than the whole cache is not kept.
        cache.insert(profile(5, QByteArray(4 * one, 'z'), {}));
        QVERIFY(!cache.profile(5));
    }

    void identitiesFollowTheStoresRules()
    {
        ProfileCache cache;
        cache.startIndex();
        cache.finishIndex();
        QVERIFY(cache.indexComplete());
        cache.created(profile(1, "{}", {email(QStringLiteral("a"), true)}));
        cache.created(profile(2, "{}", {email(QStringLiteral("b"))}));
        QCOMPARE(cache.index().find(IdentityIndex::hash(email(QStringLiteral("a")))),
                 std::optional<qint64>(1));

        // Known: its primary flag changes; new: appended, and indexed.
        cache.addIdentities(1, {email(QStringLiteral("a"), false), email(QStringLiteral("c"))});
        const Profile *one = cache.profile(1);
        QVERIFY(one);
        QCOMPARE(one->identities.size(), 2);
        QVERIFY(!one->identities.at(0).primary);
        QCOMPARE(one->identities.at(1).id, QStringLiteral("c"));
        QCOMPARE(cache.index().find(IdentityIndex::hash(email(QStringLiteral("c")))),
                 std::optional<qint64>(1));

        // A merge: the absorbed identities follow, in order, and point to the survivor.
        const Profile two = *cache.profile(2);
        cache.merge(1, two);
        QVERIFY(!cache.profile(2));
        QCOMPARE(cache.profile(1)->identities.size(), 3);
        QCOMPARE(cache.profile(1)->identities.at(2).id, QStringLiteral("b"));
        QCOMPARE(cache.index().find(IdentityIndex::hash(email(QStringLiteral("b")))),
                 std::optional<qint64>(1));

        cache.clear();
        QVERIFY(!cache.profile(1));
        QVERIFY(!cache.indexComplete());
        QVERIFY(cache.indexUsable());
    }

    void anIndexThatOverflowedStaysUnused()
    {
        ProfileCache cache(ProfileCache::DefaultMaxBytes, 0);
        cache.startIndex();
        QVERIFY(!cache.indexIdentity(IdentityIndex::hash(email(QStringLiteral("a"))), 1));
        cache.finishIndex();
        QVERIFY(!cache.indexComplete());
        QVERIFY(!cache.indexUsable());
        cache.clear(); // the overflow is remembered: no new scan for nothing
        QVERIFY(!cache.indexUsable());
    }
};

QTEST_GUILESS_MAIN(TestIdentityIndex)
#include "tst_identityindex.moc"
