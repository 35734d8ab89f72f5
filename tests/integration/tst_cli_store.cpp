// `outflowctl store check | backup FILE` and the Engine's check at start
// (issue #23), through the real binary on real SQLite files: a whole store
// passes; a backup taken while an engine ingests is whole and remembered;
// a damaged store is reported, and the engine refuses to write into it,
// naming `store check` and the last backup, leaving the file as it was.
#include "store/sqlitestore.h"
#include "support/processrunner.h"
#include "support/rawconnection.h"
#include "testconfig.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace outflow;
using namespace outflow::test;

namespace {

const QString cli = QStringLiteral(OUTFLOW_CLI_BINARY);

QByteArray bytesOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray fragments(int from, int count)
{
    QByteArray ndjson;
    for (int i = from; i < from + count; ++i)
        ndjson += QStringLiteral("{\"identityMap\":{\"email\":[{\"id\":\"p%1@example.com\"}]},"
                                 "\"person\":{\"name\":{\"firstName\":\"Name %1\"}}}\n")
                      .arg(i)
                      .toUtf8();
    return ndjson;
}

} // namespace

class TestCliStore final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_store = m_dir->filePath(QStringLiteral("outflow.sqlite"));
    }

    void checkSaysAWholeStoreIsWhole()
    {
        ingest(0, 500);
        ProcessResult check = ctl({QStringLiteral("store"), QStringLiteral("check")});
        QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
        QVERIFY2(check.out.contains(QLatin1String("Integrity: ok")), qPrintable(check.out));
        QVERIFY2(check.out.contains(QLatin1String("Foreign keys: ok")), qPrintable(check.out));
        QVERIFY2(check.out.contains(QLatin1String("Verdict: the store is whole")),
                 qPrintable(check.out));
        QVERIFY2(check.out.contains(QLatin1String("Last backup: none")), qPrintable(check.out));

        check = ctl({QStringLiteral("--json"), QStringLiteral("store"), QStringLiteral("check")});
        QCOMPARE(check.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(check.out.toUtf8()).object();
        QCOMPARE(json.value(QStringLiteral("ok")).toBool(), true);
        QVERIFY(json.value(QStringLiteral("schemaVersion")).toInt() > 0);
        QVERIFY(json.value(QStringLiteral("integrity")).toArray().isEmpty());
        QVERIFY(json.value(QStringLiteral("lastBackup")).isNull());
    }

    // Memberships have no foreign keys (schema version 15): `store check`
    // still finds one whose profile or audience is gone.
    void checkFindsAnOrphanMembership()
    {
        ingest(0, 20);
        {
            RawConnection raw(m_store);
            QVERIFY(raw.exec(QStringLiteral(
                "INSERT INTO memberships (profile_id, audience_key, realized,"
                " last_qualification_time) VALUES (999999, 424242, 1, '2026-12-08T00:00:00Z')")));
        }
        const ProcessResult check = ctl({QStringLiteral("store"), QStringLiteral("check")});
        QCOMPARE(check.exitCode, 1);
        QVERIFY2(check.out.contains(QLatin1String("Integrity: ok")), qPrintable(check.out));
        QVERIFY2(check.out.contains(
                     QLatin1String("memberships row (999999, 424242): no row in profiles")),
                 qPrintable(check.out));
        QVERIFY2(check.out.contains(QLatin1String("Verdict: the store is damaged")),
                 qPrintable(check.out));
    }

    void checkRefusesWhatIsNotAStore()
    {
        ProcessResult check = ctl({QStringLiteral("store"), QStringLiteral("check")});
        QCOMPARE(check.exitCode, 1);
        QVERIFY2(check.err.contains(QLatin1String("There is no store at")), qPrintable(check.err));
        QFile text(m_store);
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("email\na@example.com\n");
        text.close();
        check = ctl({QStringLiteral("store"), QStringLiteral("check")});
        QCOMPARE(check.exitCode, 1);
        QVERIFY2(check.err.contains(QLatin1String("not an SQLite database")),
                 qPrintable(check.err));
        QCOMPARE(bytesOf(m_store), QByteArray("email\na@example.com\n"));
    }

    // The copy is taken from one snapshot while another process commits
    // fragments (outflowctl ingest): whole, and holding what was committed.
    void backupWhileAnotherProcessWrites()
    {
        ingest(0, 2000);
        const QString file = m_dir->filePath(QStringLiteral("fragments.ndjson"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(fragments(2000, 20000));
        out.close();
        QProcess writer;
        writer.start(cli, {QStringLiteral("--store"), m_store, QStringLiteral("ingest"), file});
        QVERIFY(writer.waitForStarted());

        const QString backup = m_dir->filePath(QStringLiteral("backup.sqlite"));
        const ProcessResult copy = ctl({QStringLiteral("store"), QStringLiteral("backup"), backup});
        QVERIFY2(copy.exitCode == 0, qPrintable(copy.out + copy.err));
        QVERIFY2(copy.out.contains(QLatin1String("verified")), qPrintable(copy.out));
        QVERIFY(writer.waitForFinished(120000));
        QCOMPARE(writer.exitCode(), 0);

        // Whole, one file, an Outflow store of its own, with what was committed.
        QVERIFY(!QFile::exists(backup + QStringLiteral("-wal")));
        QVERIFY(!QFile::exists(backup + QStringLiteral(".partial")));
        const ProcessResult checkCopy =
            runProcess(cli, {QStringLiteral("--store"), backup, QStringLiteral("store"),
                             QStringLiteral("check")});
        QVERIFY2(checkCopy.exitCode == 0, qPrintable(checkCopy.out + checkCopy.err));
        qint64 copied = 0;
        {
            RawConnection raw(backup);
            copied = raw.integer(QStringLiteral("SELECT COUNT(*) FROM profiles"));
            QCOMPARE(raw.text(QStringLiteral("PRAGMA journal_mode")), QStringLiteral("delete"));
        }
        QVERIFY2(copied >= 2000 && copied <= 22000, qPrintable(QString::number(copied)));

        // Remembered beside the store, and shown by the check.
        const ProcessResult check = ctl({QStringLiteral("store"), QStringLiteral("check")});
        QCOMPARE(check.exitCode, 0);
        QVERIFY2(check.out.contains(QStringLiteral("Last backup: %1").arg(backup)),
                 qPrintable(check.out));

        // An existing file is never overwritten; the store is never its own backup.
        const QByteArray before = bytesOf(backup);
        ProcessResult again = ctl({QStringLiteral("store"), QStringLiteral("backup"), backup});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QLatin1String("exists already")), qPrintable(again.err));
        QVERIFY(bytesOf(backup) == before);
        again = ctl({QStringLiteral("store"), QStringLiteral("backup"), m_store});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QLatin1String("the store itself")), qPrintable(again.err));
        again = ctl({QStringLiteral("store"), QStringLiteral("backup")});
        QCOMPARE(again.exitCode, 2);
    }

    // A damaged page: `store check` says so and lists it; the engine refuses
    // to start, names the check and the last backup, and writes nothing.
    void aDamagedStoreIsReportedAndNotWritten()
    {
        ingest(0, 3000);
        const QString backup = m_dir->filePath(QStringLiteral("before-damage.sqlite"));
        QCOMPARE(ctl({QStringLiteral("store"), QStringLiteral("backup"), backup}).exitCode, 0);
        damageProfilesTable();
        const QByteArray damaged = bytesOf(m_store);

        const ProcessResult check = ctl({QStringLiteral("store"), QStringLiteral("check")});
        QCOMPARE(check.exitCode, 1);
        QVERIFY2(check.out.contains(QLatin1String("Verdict: the store is damaged")),
                 qPrintable(check.out));
        QVERIFY2(check.out.contains(QRegularExpression(QStringLiteral("Integrity: \\d+ problem"))),
                 qPrintable(check.out));

        const ProcessResult run = ctl({QStringLiteral("run"), QStringLiteral("--until-idle")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("is damaged")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("outflowctl store check")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("The last backup is %1").arg(backup)),
                 qPrintable(run.err));
        QVERIFY(bytesOf(m_store) == damaged);

        // The backup is the way back: put in place, it opens and holds every profile.
        QVERIFY(QFile::remove(m_store));
        QFile::remove(m_store + QStringLiteral("-wal"));
        QFile::remove(m_store + QStringLiteral("-shm"));
        QVERIFY(QFile::copy(backup, m_store));
        const ProcessResult count =
            ctl({QStringLiteral("--json"), QStringLiteral("profiles"), QStringLiteral("--count")});
        QVERIFY2(count.exitCode == 0, qPrintable(count.err));
        QCOMPARE(
            QJsonDocument::fromJson(count.out.toUtf8()).object().value(QStringLiteral("count")),
            QJsonValue(3000));
    }

private:
    ProcessResult ctl(const QStringList &arguments)
    {
        return runProcess(cli, QStringList{QStringLiteral("--store"), m_store} + arguments,
                          QProcessEnvironment::systemEnvironment(), 120000);
    }

    void ingest(int from, int count)
    {
        const QString file = m_dir->filePath(QStringLiteral("seed.ndjson"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(fragments(from, count));
        out.close();
        const ProcessResult result = ctl({QStringLiteral("ingest"), file});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    }

    // Overwrites the page header of the profiles table's root page (an
    // interior b-tree page once a few thousand profiles are stored) with
    // bytes no b-tree page can start with, every connection closed.
    void damageProfilesTable()
    {
        qint64 pageSize = 0;
        qint64 root = 0;
        {
            RawConnection raw(m_store);
            QVERIFY(raw.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
            pageSize = raw.integer(QStringLiteral("PRAGMA page_size"));
            root = raw.integer(
                QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = 'profiles'"));
        }
        QVERIFY(pageSize > 0 && root > 1);
        QFile file(m_store);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek((root - 1) * pageSize));
        file.write(QByteArray(16, '\x7f'));
        file.close();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_store;
};

QTEST_GUILESS_MAIN(TestCliStore)
#include "tst_cli_store.moc"
