// SqliteStore on real files: schema migrations, refused files, and the
// profile and identity-graph operations the merge pipeline relies on.
#include "store/sqlitestore.h"
#include "support/rawconnection.h"

#include <atomic>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <sys/stat.h>
#include <unistd.h>

using outflow::Audience;
using outflow::Identity;
using outflow::Membership;
using outflow::MembershipStatus;
using outflow::MergeRecord;
using outflow::Migration;
using outflow::Profile;
using outflow::SqliteStore;
using outflow::test::RawConnection;

#define VERIFY_OPEN(store) QVERIFY2((store).open(), qPrintable((store).lastError()))
#define VERIFY_ERROR(store, text)                                                                  \
    QVERIFY2((store).lastError().contains(text), qPrintable((store).lastError()))

namespace {

Identity email(const QString &id, bool primary = false)
{
    return {QStringLiteral("email"), id, primary};
}

Profile newProfile(const QList<Identity> &identities, const QJsonObject &attributes = {})
{
    Profile profile;
    profile.setAttributes(attributes);
    profile.identities = identities;
    profile.createdAt = 1'700'000'000'000;
    profile.updatedAt = 1'700'000'000'000;
    return profile;
}

QList<Migration> onlyVersion1()
{
    return {SqliteStore::migrations().constFirst()};
}

Migration version2(const QStringList &statements)
{
    return {2, QStringLiteral("test-only version 2"), statements};
}

QByteArray bytesOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// How many POSIX locks this process holds on `path`, from /proc/locks
// ("1: POSIX  ADVISORY  READ <pid> <major>:<minor>:<inode> <start> <end>");
// -1 when the file or the list cannot be read.
int locksHeldOn(const QString &path)
{
    struct stat info
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    QFile locks(QStringLiteral("/proc/locks"));
    if (!locks.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    const QByteArray pid = QByteArray::number(qint64(::getpid()));
    const QByteArray inode = ':' + QByteArray::number(quint64(info.st_ino));
    int held = 0;
    for (const QByteArray &line : locks.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() >= 6 && fields.at(1) == "POSIX" && fields.at(4) == pid &&
            fields.at(5).endsWith(inode))
            ++held;
    }
    return held;
}

} // namespace

class TestSqliteStore final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        // "connection is still in use" and wrong-thread warnings mean a leak.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("QSql")));
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(QStringLiteral("store.sqlite"));
    }

    void freshStoreHasTheLatestSchemaInWalMode()
    {
        const QString path = m_dir->filePath(QStringLiteral("missing/folder/store.sqlite"));
        SqliteStore store(path);
        VERIFY_OPEN(store);
        const int latest = SqliteStore::migrations().constLast().version;
        QCOMPARE(store.schemaVersion(), latest);

        RawConnection raw(path);
        QCOMPARE(raw.text(QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
        QCOMPARE(raw.integer(QStringLiteral("SELECT MAX(version) FROM schema_version")), latest);
        QVERIFY(raw.integer(QStringLiteral("SELECT MIN(applied_at) FROM schema_version")) >
                1'600'000'000'000);
        for (const char *table : {"profiles", "identities", "profile_merges", "audiences",
                                  "memberships", "destinations", "dataflows", "outbox"}) {
            QVERIFY2(raw.integer(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE "
                                                "type = 'table' AND name = '%1'")
                                     .arg(QLatin1String(table))) == 1,
                     table);
        }
    }

    void reopenKeepsData()
    {
        qint64 id = 0;
        {
            SqliteStore store(m_path);
            VERIFY_OPEN(store);
            id = store.insertProfile(newProfile({email(QStringLiteral("a@example.com"), true)},
                                                {{QStringLiteral("loyalty"), 42}}));
            QVERIFY2(id > 0, qPrintable(store.lastError()));
        }
        SqliteStore store(m_path);
        VERIFY_OPEN(store);
        const std::optional<Profile> loaded = store.profile(id);
        QVERIFY(loaded);
        QCOMPARE(loaded->attributes().value(QStringLiteral("loyalty")).toInt(), 42);
        QCOMPARE(loaded->identities, QList<Identity>{email(QStringLiteral("a@example.com"))});
        QCOMPARE(store.owner(email(QStringLiteral("a@example.com"))), std::optional<qint64>(id));
    }

    void upgradeAppliesPendingMigrationsAndKeepsData()
    {
        qint64 id = 0;
        {
            SqliteStore store(m_path, onlyVersion1());
            VERIFY_OPEN(store);
            QCOMPARE(store.schemaVersion(), 1);
            id = store.insertProfile(newProfile({email(QStringLiteral("a@example.com"))}));
            QVERIFY(id > 0);
        }
        SqliteStore store(m_path, onlyVersion1() << version2(
                                      {QStringLiteral("ALTER TABLE profiles ADD COLUMN "
                                                      "test_flag INTEGER NOT NULL DEFAULT 7"),
                                       QStringLiteral("CREATE TABLE test_v2 "
                                                      "(x INTEGER)")}));
        VERIFY_OPEN(store);
        QCOMPARE(store.schemaVersion(), 2);
        QVERIFY(store.profile(id));

        RawConnection raw(m_path);
        QCOMPARE(raw.integer(QStringLiteral("SELECT test_flag FROM profiles")), 7);
        QCOMPARE(raw.text(QStringLiteral("SELECT description FROM schema_version "
                                         "WHERE version = 2")),
                 QStringLiteral("test-only version 2"));
    }

    void failingMigrationRollsBackAndKeepsTheStoreAtItsVersion()
    {
        {
            SqliteStore store(m_path, onlyVersion1());
            VERIFY_OPEN(store);
            QVERIFY(store.insertProfile(newProfile({email(QStringLiteral("a@example.com"))})));
        }
        {
            SqliteStore store(m_path, onlyVersion1() << version2({
                                          QStringLiteral("CREATE TABLE test_v2 (x INTEGER)"),
                                          QStringLiteral("CREAT TABLE broken (x INTEGER)"),
                                      }));
            QVERIFY(!store.open());
            VERIFY_ERROR(store, QLatin1String("schema version 2"));
            VERIFY_ERROR(store, QLatin1String("syntax error"));
            QCOMPARE(store.profileCount(), 0); // refused: not open
        }
        {
            RawConnection raw(m_path);
            QCOMPARE(raw.integer(QStringLiteral("SELECT MAX(version) FROM schema_version")), 1);
            // The first statement of version 2 went with the rollback.
            QCOMPARE(raw.integer(QStringLiteral("SELECT COUNT(*) FROM sqlite_master "
                                                "WHERE name = 'test_v2'")),
                     0);
        }
        SqliteStore store(m_path, onlyVersion1());
        VERIFY_OPEN(store);
        QCOMPARE(store.schemaVersion(), 1);
        QCOMPARE(store.profileCount(), 1);
    }

    void refusesANewerStoreWithoutTouchingIt()
    {
        {
            SqliteStore store(m_path);
            VERIFY_OPEN(store);
            QVERIFY(store.insertProfile(newProfile({email(QStringLiteral("a@example.com"))})));
        }
        {
            RawConnection raw(m_path);
            QVERIFY(
                raw.exec(QStringLiteral("INSERT INTO schema_version VALUES (99, 'future', 0)")));
        }
        const QByteArray before = bytesOf(m_path);
        QVERIFY(!before.isEmpty());

        SqliteStore store(m_path);
        QVERIFY(!store.open());
        QVERIFY2(store.lastError().contains(QLatin1String("newer Outflow (schema 99;")),
                 qPrintable(store.lastError()));
        QCOMPARE(store.schemaVersion(), 0);
        QVERIFY(bytesOf(m_path) == before);
    }

    // Issue #23: a second connection opened in this process (a sender's,
    // beside the Engine's) keeps the first one's POSIX locks on the file.
    // Closing any descriptor of the file would drop them all, and another
    // process would then take the store for unused, checkpoint and delete
    // its write-ahead log under the first connection.
    void aSecondConnectionKeepsTheFirstOnesLocks()
    {
        SqliteStore first(m_path);
        VERIFY_OPEN(first);
        QVERIFY(first.insertProfile(newProfile({email(QStringLiteral("a@example.com"))})));
        QCOMPARE(first.profileCount(), 1); // in WAL mode, a reader keeps its shared lock
        const int before = locksHeldOn(m_path);
        QVERIFY2(before > 0, "no lock of this process on the store in /proc/locks");
        {
            SqliteStore second(m_path);
            VERIFY_OPEN(second);
            QCOMPARE(second.profileCount(), 1);
            QCOMPARE(locksHeldOn(m_path), before);
        }
        QCOMPARE(locksHeldOn(m_path), before);
        QCOMPARE(first.profileCount(), 1);
    }

    void refusesAFileThatIsNotAnOutflowStore_data()
    {
        QTest::addColumn<bool>("sqlite");
        QTest::newRow("text file") << false;
        QTest::newRow("another application's database") << true;
    }

    void refusesAFileThatIsNotAnOutflowStore()
    {
        QFETCH(bool, sqlite);
        if (sqlite) {
            RawConnection raw(m_path);
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE notes (text TEXT)")));
            QVERIFY(raw.exec(QStringLiteral("INSERT INTO notes VALUES ('keep me')")));
        } else {
            QFile file(m_path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("email,name\na@example.com,Zoë\n");
        }
        const QByteArray before = bytesOf(m_path);
        QVERIFY(!before.isEmpty());

        SqliteStore store(m_path);
        QVERIFY(!store.open());
        VERIFY_ERROR(store, QDir::toNativeSeparators(m_path));
        VERIFY_ERROR(store, QLatin1String("not an Outflow store"));
        QVERIFY(bytesOf(m_path) == before);
    }

    void profileRoundTripKeepsUnicodeNestedJsonAndIdentityOrder()
    {
        SqliteStore store(m_path);
        VERIFY_OPEN(store);
        const QJsonObject attributes = QJsonDocument::fromJson(R"({
            "person": {"name": {"firstName": "Zoë", "lastName": "山田 🙂"}},
            "homeAddress": {"countryCode": "FR", "lines": ["1 rue de l’Église", null]},
            "loyalty": {"points": 1234.5, "member": true, "tiers": [{"id": 1}, {"id": 2}]}
        })")
                                           .object();
        QVERIFY(!attributes.isEmpty());
        const QList<Identity> identities{
            {QStringLiteral("crmId"), QStringLiteral("C-9"), false},
            email(QStringLiteral("zoë@example.com"), true),
            {QStringLiteral("ECID"), QStringLiteral("0123"), false},
        };
        Profile profile = newProfile(identities, attributes);
        profile.updatedAt = profile.createdAt + 5;
        const qint64 id = store.insertProfile(profile);
        QVERIFY2(id > 0, qPrintable(store.lastError()));

        std::optional<Profile> loaded = store.profile(id);
        QVERIFY(loaded);
        QCOMPARE(loaded->id, id);
        QCOMPARE(loaded->attributes(), attributes);
        QCOMPARE(loaded->identities, identities);
        QCOMPARE(loaded->identities.at(1).primary, true);
        QCOMPARE(loaded->identities.at(0).primary, false);
        QCOMPARE(loaded->createdAt, profile.createdAt);
        QCOMPARE(loaded->updatedAt, profile.createdAt + 5);
        QVERIFY(!store.profile(id + 1000));

        {
            // Stored as compact JSON text that SQLite's own JSON functions read.
            RawConnection raw(m_path);
            QCOMPARE(raw.text(QStringLiteral("SELECT attributes FROM profiles")),
                     QString::fromUtf8(QJsonDocument(attributes).toJson(QJsonDocument::Compact)));
            QCOMPARE(raw.text(QStringLiteral("SELECT json_extract(attributes, "
                                             "'$.person.name.lastName') FROM profiles")),
                     QStringLiteral("山田 🙂"));
        }

        QJsonObject changed = loaded->attributes();
        changed.insert(QStringLiteral("loyalty"), QJsonObject{{QStringLiteral("points"), 0}});
        loaded->setAttributes(changed);
        loaded->updatedAt += 1000;
        QVERIFY2(store.updateProfile(*loaded), qPrintable(store.lastError()));
        const std::optional<Profile> updated = store.profile(id);
        QVERIFY(updated);
        QCOMPARE(updated->attributes(), loaded->attributes());
        QCOMPARE(updated->updatedAt, loaded->updatedAt);
        QCOMPARE(updated->createdAt, profile.createdAt);
        QCOMPARE(updated->identities, identities);

        loaded->id = id + 1000;
        QVERIFY(!store.updateProfile(*loaded));
        VERIFY_ERROR(store, QString::number(id + 1000));
    }

    void ownersAreDistinctAscendingAndIgnoreUnknownIdentities()
    {
        SqliteStore store(m_path);
        VERIFY_OPEN(store);
        QList<qint64> ids;
        QList<Identity> all;
        for (int p = 0; p < 3; ++p) {
            QList<Identity> identities;
            for (int i = 0; i < 4; ++i)
                identities << email(QStringLiteral("p%1-%2@example.com").arg(p).arg(i));
            ids << store.insertProfile(newProfile(identities));
            QVERIFY2(ids.last() > 0, qPrintable(store.lastError()));
            all << identities;
        }
        const Identity unknown = email(QStringLiteral("nobody@example.com"));
        QCOMPARE(store.owners({all.at(9), unknown, all.at(1), all.at(0)}),
                 (QList<qint64>{ids.at(0), ids.at(2)}));
        QCOMPARE(store.owners({unknown}), QList<qint64>());
        QCOMPARE(store.owners({}), QList<qint64>());
        // More identities than one statement looks up at once.
        QList<Identity> many{unknown};
        for (auto it = all.crbegin(); it != all.crend(); ++it)
            many << *it << *it;
        QCOMPARE(store.owners(many), ids);
        QCOMPARE(store.owner(all.at(5)), std::optional<qint64>(ids.at(1)));
        QCOMPARE(store.owner(unknown), std::nullopt);
        // The namespace is part of the key.
        QCOMPARE(store.owner({QStringLiteral("crmId"), all.at(5).id, false}), std::nullopt);
    }

    void addIdentitiesAppendsUpdatesPrimaryAndRefusesAnotherOwner()
    {
        SqliteStore store(m_path);
        VERIFY_OPEN(store);
        const Identity a = email(QStringLiteral("a@example.com"));
        const Identity b = email(QStringLiteral("b@example.com"));
        const Identity c = email(QStringLiteral("c@example.com"));
        const Identity other = email(QStringLiteral("other@example.com"));
        const qint64 first = store.insertProfile(newProfile({a}));
        const qint64 second = store.insertProfile(newProfile({other}));
        QVERIFY(first > 0 && second > 0);

        QVERIFY2(store.addIdentities(first, {b, email(a.id, true)}), qPrintable(store.lastError()));
        std::optional<Profile> loaded = store.profile(first);
        QVERIFY(loaded);
        QCOMPARE(loaded->identities, (QList<Identity>{a, b}));
        QCOMPARE(loaded->identities.at(0).primary, true);
        QCOMPARE(loaded->identities.at(1).primary, false);

        // Atomic outside a transaction: c is not added either.
        QVERIFY(!store.addIdentities(first, {c, other}));
        VERIFY_ERROR(store, QLatin1String("email:other@example.com"));
        VERIFY_ERROR(store, QStringLiteral("profile %1;").arg(second));
        QCOMPARE(store.owner(c), std::nullopt);
        QCOMPARE(store.owner(other), std::optional<qint64>(second));

        // Inserting a profile with an identity owned by another one fails too.
        QCOMPARE(store.insertProfile(newProfile({c, other})), 0);
        QCOMPARE(store.profileCount(), 2);
        QCOMPARE(store.owner(c), std::nullopt);
    }

    void mergeMovesIdentitiesAndMembershipsAndRecordsIt()
    {
        SqliteStore store(m_path);
        VERIFY_OPEN(store);
        const Identity a = email(QStringLiteral("a@example.com"));
        const Identity b = email(QStringLiteral("b@example.com"), true);
        const Identity c = {QStringLiteral("crmId"), QStringLiteral("C-1"), false};
        const qint64 survivor = store.insertProfile(newProfile({a}));
        const qint64 absorbed = store.insertProfile(newProfile({b, c}));
        QVERIFY(survivor > 0 && absorbed > 0);
        for (const char *id : {"aud-1", "aud-2"}) {
            Audience audience;
            audience.id = audience.name = QLatin1String(id);
            QVERIFY2(store.insertAudience(audience), qPrintable(store.lastError()));
        }
        for (const Membership &membership :
             {Membership{survivor, QStringLiteral("aud-1"), MembershipStatus::Realized,
                         QStringLiteral("2022-01-11T21:24:39Z")},
              Membership{absorbed, QStringLiteral("aud-1"), MembershipStatus::Exited,
                         QStringLiteral("2023-01-01T00:00:00Z")},
              Membership{absorbed, QStringLiteral("aud-2"), MembershipStatus::Realized,
                         QStringLiteral("2023-02-02T00:00:00Z")}}) {
            QVERIFY2(store.setMembership(membership), qPrintable(store.lastError()));
        }

        QVERIFY(!store.mergeProfiles(survivor, survivor, 1));
        QVERIFY(!store.mergeProfiles(survivor, absorbed + 1000, 1));
        VERIFY_ERROR(store, QString::number(absorbed + 1000));
        QVERIFY(store.mergesInto(survivor).isEmpty());

        QVERIFY2(store.mergeProfiles(survivor, absorbed, 1234), qPrintable(store.lastError()));
        QVERIFY(!store.profile(absorbed));
        const std::optional<Profile> merged = store.profile(survivor);
        QVERIFY(merged);
        QCOMPARE(merged->identities, (QList<Identity>{a, b, c}));
        QCOMPARE(merged->identities.at(1).primary, true);
        QCOMPARE(store.owners({b, c}), QList<qint64>{survivor});
        QCOMPARE(store.profileCount(), 1);
        const QList<MergeRecord> merges = store.mergesInto(survivor);
        QCOMPARE(merges.size(), 1);
        QCOMPARE(merges.at(0).survivorId, survivor);
        QCOMPARE(merges.at(0).absorbedId, absorbed);
        QCOMPARE(merges.at(0).mergedAt, 1234);

        // New identities still go after the moved ones.
        const Identity d = email(QStringLiteral("d@example.com"));
        QVERIFY(store.addIdentities(survivor, {d}));
        QCOMPARE(store.profile(survivor)->identities, (QList<Identity>{a, b, c, d}));

        // The survivor keeps its own row for aud-1 and takes the absorbed one's aud-2.
        QStringList kept;
        for (const Membership &m : store.memberships(survivor)) {
            kept.append(m.audienceId + u'=' + outflow::membershipStatusName(m.status) + u'@' +
                        m.lastQualificationTime);
        }
        QCOMPARE(kept, (QStringList{QStringLiteral("aud-1=realized@2022-01-11T21:24:39Z"),
                                    QStringLiteral("aud-2=realized@2023-02-02T00:00:00Z")}));
        RawConnection raw(m_path);
        QCOMPARE(
            raw.integer(QStringLiteral("SELECT COUNT(*) FROM memberships WHERE profile_id = %1")
                            .arg(absorbed)),
            0);
    }

    void rollbackLeavesNothingAndCommitKeepsAll()
    {
        SqliteStore store(m_path);
        VERIFY_OPEN(store);
        const Identity a = email(QStringLiteral("a@example.com"));

        QVERIFY(store.begin());
        QVERIFY(!store.begin()); // no nesting
        const qint64 id = store.insertProfile(newProfile({a}));
        QVERIFY(id > 0);
        QVERIFY(store.addIdentities(id, {email(QStringLiteral("b@example.com"))}));
        QCOMPARE(store.profileCount(), 1);
        store.rollback();
        QCOMPARE(store.profileCount(), 0);
        QCOMPARE(store.owner(a), std::nullopt);
        QVERIFY(!store.commit()); // nothing open any more

        QVERIFY(store.begin());
        QVERIFY(store.insertProfile(newProfile({a})) > 0);
        QVERIFY2(store.commit(), qPrintable(store.lastError()));
        SqliteStore other(m_path); // a second connection sees the commit
        VERIFY_OPEN(other);
        QCOMPARE(other.profileCount(), 1);
        QVERIFY(other.owner(a));
    }

    void profileCountAndIdsPage()
    {
        SqliteStore store(m_path);
        VERIFY_OPEN(store);
        QList<qint64> ids;
        QVERIFY(store.begin());
        for (int i = 0; i < 25; ++i)
            ids << store.insertProfile(newProfile({email(QStringLiteral("%1@x.org").arg(i))}));
        QVERIFY(store.commit());
        QCOMPARE(store.profileCount(), 25);

        QList<qint64> paged;
        qint64 after = 0;
        for (QList<qint64> page; !(page = store.profileIds(after, 10)).isEmpty();) {
            QVERIFY(page.size() <= 10);
            paged << page;
            after = page.constLast();
        }
        QCOMPARE(paged, ids);
        QCOMPARE(store.profileIds(ids.at(19), 10), ids.mid(20));
        QCOMPARE(store.profileIds(0, 0), QList<qint64>());
    }

    // outflowctl beside the app: two connections opening the same new store at
    // the same moment must both succeed (one migrates, the other waits).
    void twoConnectionsOpeningANewStoreAtOnceBothSucceed()
    {
        for (int round = 0; round < 10; ++round) {
            const QString path = m_dir->filePath(QStringLiteral("race%1.sqlite").arg(round));
            std::atomic<int> opened{0};
            QStringList errors;
            QMutex errorsLock;
            const auto openOnce = [&] {
                SqliteStore store(path);
                if (store.open() && store.profileCount() == 0) {
                    ++opened;
                } else {
                    QMutexLocker locker(&errorsLock);
                    errors << store.lastError();
                }
            };
            std::unique_ptr<QThread> first(QThread::create(openOnce));
            std::unique_ptr<QThread> second(QThread::create(openOnce));
            first->start();
            second->start();
            QVERIFY(first->wait(30000));
            QVERIFY(second->wait(30000));
            QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
            QCOMPARE(opened.load(), 2);
        }
    }

    void foreignKeysAreEnforced()
    {
        SqliteStore store(m_path);
        VERIFY_OPEN(store);
        const Identity a = email(QStringLiteral("a@example.com"));
        QVERIFY(!store.addIdentities(424242, {a}));
        VERIFY_ERROR(store, QLatin1String("FOREIGN KEY"));
        QCOMPARE(store.owner(a), std::nullopt);
    }

    void walIsCheckpointedInTheBackground()
    {
        SqliteStore store(m_path);
        VERIFY_OPEN(store);
        QVERIFY(store.begin());
        const QJsonObject attributes{{QStringLiteral("padding"), QString(2000, QLatin1Char('x'))}};
        for (int i = 0; i < 500; ++i) {
            QVERIFY(store.insertProfile(
                        newProfile({email(QStringLiteral("p%1@x.io").arg(i))}, attributes)) > 0);
        }
        QVERIFY(store.commit());
        // The commit went to the log only: the store file has not grown yet
        // (SQLite's own checkpoint waits for far more pages than these).
        QVERIFY(QFileInfo(m_path + QStringLiteral("-wal")).size() > 1'000'000);
        QVERIFY(QFileInfo(m_path).size() < 500'000);
        // The store's checkpointer copies the log back while it stays open and
        // idle, with no other connection doing it.
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(m_path).size() > 1'000'000, 20000);
        QCOMPARE(RawConnection(m_path).integer(QStringLiteral("SELECT COUNT(*) FROM profiles")),
                 500);
    }

    void aClosedStoreSaysSo()
    {
        SqliteStore store(m_path);
        QVERIFY(!store.profile(1));
        QVERIFY(!store.begin());
        QCOMPARE(store.lastError(), QStringLiteral("The store is not open."));
        VERIFY_OPEN(store);
        store.close();
        QCOMPARE(store.insertProfile(newProfile({email(QStringLiteral("a@example.com"))})), 0);
        QCOMPARE(store.schemaVersion(), 0);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestSqliteStore)
#include "tst_sqlitestore.moc"
