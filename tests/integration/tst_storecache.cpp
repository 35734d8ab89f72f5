// The SQLite store's profile cache (identity index + recently used profiles,
// store/profilecache.h) on real files: whatever it holds, the store answers
// exactly as without it, across commits, evictions, rollbacks, other
// connections' writes and restarts.
#include "identity/profilemerger.h"
#include "ingest/ingestor.h"
#include "ingest/ndjsonreader.h"
#include "store/profilecache.h"
#include "store/sqlitestore.h"

#include <algorithm>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace outflow;

namespace {

// Fragments of `persons` people, each known by an email and a crmId; most
// fragments carry one of the two, so a person first appears as two profiles,
// and one in eight carries both, which merges them (also across commits).
QByteArray fragments(int count, int persons, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray text;
    for (int i = 0; i < count; ++i) {
        const int person = int(random.bounded(persons));
        const QByteArray email = "{\"id\":\"p" + QByteArray::number(person) + "@x.io\"}";
        const QByteArray crm = "{\"id\":\"C" + QByteArray::number(person) + "\"}";
        const quint32 kind = random.bounded(8);
        QByteArray identityMap;
        if (kind == 0)
            identityMap = "{\"email\":[" + email + "],\"crmId\":[" + crm + "]}";
        else if (kind < 4)
            identityMap = "{\"crmId\":[" + crm + "]}";
        else
            identityMap = "{\"email\":[" + email + "]}";
        text += "{\"identityMap\":" + identityMap +
                ",\"person\":{\"n\":" + QByteArray::number(person) +
                ",\"v\":" + QByteArray::number(random.bounded(100)) + "},\"tags\":[" +
                QByteArray::number(i) + "],\"k" + QByteArray::number(kind) + "\":true}\n";
    }
    return text;
}

struct StoredProfile
{
    Profile profile;
    QList<MergeRecord> merges;
};

bool sameMerges(const QList<MergeRecord> &a, const QList<MergeRecord> &b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(),
                      [](const MergeRecord &x, const MergeRecord &y) {
                          return x.survivorId == y.survivorId && x.absorbedId == y.absorbedId &&
                                 x.mergedAt == y.mergedAt;
                      });
}

QString describe(const QList<Identity> &identities)
{
    QStringList parts;
    for (const Identity &identity : identities)
        parts.append(identity.ns + QLatin1Char(':') + identity.id +
                     (identity.primary ? QLatin1String("*") : QLatin1String("")));
    return parts.join(QLatin1Char(','));
}

// Everything a merge reports, as one line to compare.
QString describe(const MergeReport &r)
{
    QStringList merged;
    for (const qint64 id : r.mergedProfileIds)
        merged.append(QString::number(id));
    return QStringList{QString::number(r.profileId),
                       QString::number(r.created),
                       r.writtenPaths.toStringList().join(QLatin1Char(',')),
                       describe(r.identitiesAdded),
                       describe(r.identitiesUpdated),
                       merged.join(QLatin1Char(',')),
                       QString::number(r.mergedAt),
                       QString::fromUtf8(r.attributesJson),
                       describe(r.identities)}
        .join(QLatin1Char('|'));
}

// Every profile of a store as SQLite has it, read by a fresh connection.
QList<StoredProfile> everything(const QString &path)
{
    SqliteStore store(path);
    if (!store.open())
        return {};
    QList<StoredProfile> all;
    const QList<qint64> ids = store.profileIds(0, 1'000'000);
    for (const qint64 id : ids)
        all.append({*store.profile(id), store.mergesInto(id)});
    return all;
}

} // namespace

class TestStoreCache final : public QObject
{
    Q_OBJECT

private slots:
    void init() { QVERIFY(m_dir.isValid()); }

    // Every fragment acknowledged (committed) is there after a restart, as
    // without any cache, with small batches so that links and merges span
    // commits; and with a cache too small to hold more than a few profiles.
    void ingestMatchesAStoreWithoutCache_data()
    {
        QTest::addColumn<qint64>("cacheBytes");
        QTest::addColumn<int>("indexSlots");
        QTest::newRow("default bounds") << ProfileCache::DefaultMaxBytes << int(1 << 22);
        QTest::newRow("cache for 3 profiles, evicting") << qint64(1200) << int(1 << 22);
        QTest::newRow("index over its bound") << ProfileCache::DefaultMaxBytes << 1024;
    }

    void ingestMatchesAStoreWithoutCache()
    {
        QFETCH(qint64, cacheBytes);
        QFETCH(int, indexSlots);
        const QString input = m_dir.filePath(QStringLiteral("fragments.ndjson"));
        {
            QFile file(input);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(fragments(3000, 400, 7));
        }
        // Each run keeps what every merge reported: exports are decided on
        // it, so it must not depend on the cache either.
        const auto ingest = [&](const QString &name, qint64 bytes, size_t indexSize,
                                QStringList *reports) {
            const QString path = m_dir.filePath(name);
            QFile::remove(path);
            SqliteStore store(path);
            store.setProfileCacheLimits(bytes, indexSize);
            if (!store.open())
                return IngestSummary{};
            qint64 now = 1'700'000'000'000;
            Ingestor ingestor(store, [&now] { return ++now; });
            ingestor.setBatchSize(37);
            ingestor.setMergedCallback(
                [reports](const Fragment &, const MergeReport &r, QString *) {
                    reports->append(describe(r));
                    return true;
                });
            QFile file(input);
            file.open(QIODevice::ReadOnly);
            NdjsonReader reader(&file);
            return ingestor.ingest(reader);
        };
        QStringList expectedReports;
        QStringList actualReports;
        const IngestSummary reference = ingest(QStringLiteral("reference.sqlite"), 0, 0,
                                               &expectedReports); // every answer from SQLite
        const IngestSummary cached =
            ingest(QStringLiteral("cached.sqlite"), cacheBytes, size_t(indexSlots), &actualReports);
        QVERIFY2(reference.ok(), qPrintable(reference.storeError));
        QVERIFY2(cached.ok(), qPrintable(cached.storeError));
        QCOMPARE(cached.fragmentsMerged, 3000);
        QCOMPARE(cached.profilesCreated, reference.profilesCreated);
        QCOMPARE(cached.profilesMerged, reference.profilesMerged);
        QVERIFY(cached.profilesMerged > 50);
        QCOMPARE(actualReports.size(), 3000);
        for (qsizetype i = 0; i < expectedReports.size(); ++i)
            QCOMPARE(actualReports.at(i), expectedReports.at(i));

        const QList<StoredProfile> expected =
            everything(m_dir.filePath(QStringLiteral("reference.sqlite")));
        const QList<StoredProfile> actual =
            everything(m_dir.filePath(QStringLiteral("cached.sqlite")));
        QVERIFY(expected.size() > 300);
        QCOMPARE(actual.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const Profile &e = expected.at(i).profile;
            const Profile &a = actual.at(i).profile;
            QCOMPARE(a.id, e.id);
            QCOMPARE(a.attributesJson, e.attributesJson);
            QCOMPARE(a.identities, e.identities);
            for (qsizetype j = 0; j < e.identities.size(); ++j)
                QCOMPARE(a.identities.at(j).primary, e.identities.at(j).primary);
            QCOMPARE(a.createdAt, e.createdAt);
            QCOMPARE(a.updatedAt, e.updatedAt);
            QVERIFY(sameMerges(actual.at(i).merges, expected.at(i).merges));
        }
    }

    // Another connection's writes (another thread, or outflowctl beside the
    // app) are seen at the next transaction: the cache is not trusted blindly.
    void anotherConnectionsWritesAreSeen()
    {
        const QString path = m_dir.filePath(QStringLiteral("shared.sqlite"));
        SqliteStore a(path);
        SqliteStore b(path);
        QVERIFY2(a.open(), qPrintable(a.lastError()));
        QVERIFY2(b.open(), qPrintable(b.lastError()));
        ProfileMerger mergerA(a);
        ProfileMerger mergerB(b);
        const Identity ana{QStringLiteral("email"), QStringLiteral("ana@x.io"), false};
        const Identity crm{QStringLiteral("crmId"), QStringLiteral("C1"), false};

        QVERIFY(a.begin());
        const auto created = mergerA.merge(fragment(R"({"v":1})", {ana}));
        QVERIFY(created && created->created);
        QVERIFY(a.commit());
        QVERIFY(a.begin()); // A now holds the profile and the index
        QCOMPARE(a.owners({ana}), QList<qint64>{created->profileId});
        QVERIFY(a.commit());

        // B writes: new attributes on A's profile, and a profile of its own.
        QVERIFY(b.begin());
        const auto updated = mergerB.merge(fragment(R"({"v":2})", {ana}));
        QVERIFY(updated && !updated->created);
        const auto other = mergerB.merge(fragment(R"({"w":1})", {crm}));
        QVERIFY(other && other->created);
        QVERIFY(b.commit());

        QVERIFY(a.begin());
        QCOMPARE(json(a.profile(created->profileId)->attributesJson), json(R"({"v":2})"));
        QCOMPARE(a.owners({crm}), QList<qint64>{other->profileId}); // not "nobody"
        const auto linked = mergerA.merge(fragment(R"({"x":1})", {ana, crm}));
        QVERIFY(linked);
        QCOMPARE(linked->mergedProfileIds, QList<qint64>{other->profileId});
        QVERIFY(a.commit());

        QVERIFY(b.begin()); // and back: B sees A's merge
        QVERIFY(!b.profile(other->profileId));
        QCOMPARE(b.owners({crm}), QList<qint64>{created->profileId});
        QCOMPARE(json(b.profile(created->profileId)->attributesJson),
                 json(R"({"v":2,"w":1,"x":1})"));
        b.rollback();
    }

    // What a rolled-back transaction wrote is forgotten by the cache too.
    void rollbackForgetsWhatWasUndone()
    {
        const QString path = m_dir.filePath(QStringLiteral("rollback.sqlite"));
        SqliteStore store(path);
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        ProfileMerger merger(store);
        const Identity ana{QStringLiteral("email"), QStringLiteral("ana@x.io"), false};
        const Identity bob{QStringLiteral("email"), QStringLiteral("bob@x.io"), false};

        QVERIFY(store.begin());
        const auto kept = merger.merge(fragment(R"({"v":1})", {ana}));
        QVERIFY(kept);
        QVERIFY(store.commit());

        QVERIFY(store.begin());
        const auto undone = merger.merge(fragment(R"({"v":2})", {ana, bob}));
        QVERIFY(undone);
        const auto lost = merger.merge(
            fragment(R"({"z":1})", {{QStringLiteral("crmId"), QStringLiteral("C9"), false}}));
        QVERIFY(lost && lost->created);
        store.rollback();

        QVERIFY(store.begin());
        QVERIFY(store.owners({bob}).isEmpty());
        QVERIFY(!store.profile(lost->profileId));
        const Profile stored = *store.profile(kept->profileId);
        QCOMPARE(json(stored.attributesJson), json(R"({"v":1})"));
        QCOMPARE(stored.identities, QList<Identity>{ana});
        QVERIFY(store.commit());
    }

private:
    static Fragment fragment(const QByteArray &attributes, const QList<Identity> &identities)
    {
        Fragment f;
        f.attributes = QJsonDocument::fromJson(attributes).object();
        f.identities = identities;
        return f;
    }

    static QJsonObject json(const QByteArray &text)
    {
        return QJsonDocument::fromJson(text).object();
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestStoreCache)
#include "tst_storecache.moc"
