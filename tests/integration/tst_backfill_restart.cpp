// Backfills in the Engine and across a crash (DESIGN §2 Backfill, §4 Store;
// issue #5 acceptance): the Engine walks pages on its event loop and reports
// progress; `outflowctl run --until-idle` killed with SIGKILL in the middle of
// a backfill resumes on restart and exports each realized profile exactly once
// (the activation log holds one export per profile; the receiver, every one
// of those export ids, at least once).
#include "engine/engine.h"
#include "support/activationworld.h"
#include "support/processrunner.h"
#include "support/receiverprocess.h"
#include "testconfig.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace outflow;
using namespace outflow::test;

namespace {

const QString cli = QStringLiteral(OUTFLOW_CLI_BINARY);

} // namespace

class TestBackfillRestart final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(
            QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction())));
    }

    // The Engine walks the backfill on its event loop, one page a turn, and
    // says how far it got; then that nothing is left.
    void engineReportsProgressUntilIdle()
    {
        QString dataflow;
        const QList<qint64> members = prepare(95, &dataflow);
        QCOMPARE(members.size(), 95);
        qputenv("OUTFLOW_BACKFILL_PAGE_SIZE", "20");
        Engine engine(m_path);
        QSignalSpy progress(&engine, &Engine::backfillProgress);
        QSignalSpy idle(&engine, &Engine::backfillsIdle);
        engine.open();
        qunsetenv("OUTFLOW_BACKFILL_PAGE_SIZE");
        QVERIFY(engine.store());
        QVERIFY(idle.wait(30000));
        QCOMPARE(idle.size(), 1);
        QList<qint64> done;
        for (const QList<QVariant> &page : std::as_const(progress)) {
            QCOMPARE(page.at(0).toString(), dataflow);
            QCOMPARE(page.at(2).toLongLong(), 95);
            done.append(page.at(1).toLongLong());
        }
        QCOMPARE(done, (QList<qint64>{20, 40, 60, 80, 95}));
        QVERIFY(progress.constLast().at(3).toBool()); // finished
        QCOMPARE(engine.store()->outbox(dataflow, 0, 1000).size(), 95);
    }

    // The acceptance case: kill -9 during a backfill, restart, and every
    // realized profile has exactly one backfill export.
    void killedRunResumesAndExportsEachProfileOnce()
    {
        constexpr int kMembers = 20'000;
        ReceiverProcess receiver(cli);
        QTRY_VERIFY_WITH_TIMEOUT(!receiver.url().isEmpty(), 10000);
        QString dataflow;
        const QList<qint64> members = prepare(kMembers, &dataflow, receiver.url());
        QCOMPARE(members.size(), kMembers);

        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("OUTFLOW_BACKFILL_PAGE_SIZE"), QStringLiteral("10"));
        QProcess run;
        run.setProcessEnvironment(environment);
        run.start(cli, {QStringLiteral("--store"), m_path, QStringLiteral("run"),
                        QStringLiteral("--until-idle")});
        QVERIFY(run.waitForStarted());

        // Watch its progress through a connection of our own (WAL: readers
        // see each committed page) and kill it once 100 pages are in.
        SqliteStore watcher(m_path);
        QVERIFY2(watcher.open(), qPrintable(watcher.lastError()));
        const auto committed = [&] { return watcher.backfills(dataflow).value(0).done; };
        QTRY_VERIFY_WITH_TIMEOUT(committed() >= 1000 || run.state() == QProcess::NotRunning, 60000);
        run.kill(); // SIGKILL: no cleanup, a page may be half written
        QVERIFY(run.waitForFinished(10000));
        QCOMPARE(run.exitStatus(), QProcess::CrashExit);

        // What the killed run committed: pages whole, the cursor with them.
        const Backfill interrupted = watcher.backfills(dataflow).value(0);
        QVERIFY2(!interrupted.finished, "the run ended before it was killed: nothing resumed");
        QVERIFY(interrupted.done >= 1000);
        QCOMPARE(interrupted.done % 10, 0);
        QCOMPARE(exportsPerProfile(dataflow).size(), interrupted.done);
        qInfo("killed after %lld of %d profiles", interrupted.done, kMembers);
        watcher.close();

        const ProcessResult resumed =
            runProcess(cli,
                       {QStringLiteral("--store"), m_path, QStringLiteral("run"),
                        QStringLiteral("--until-idle")},
                       environment, 120000);
        QVERIFY2(resumed.finished && resumed.exitCode == 0, qPrintable(resumed.err));
        QVERIFY2(resumed.out.contains(QStringLiteral("done: %1 profiles").arg(kMembers)),
                 qPrintable(resumed.out));

        QVERIFY(watcher.open());
        const Backfill finished = watcher.backfills(dataflow).value(0);
        QVERIFY(finished.finished);
        QCOMPARE(finished.done, kMembers);
        // One export per realized profile in the activation log…
        const QHash<qint64, int> exportsOf = exportsPerProfile(dataflow);
        QCOMPARE(exportsOf.size(), kMembers);
        for (const qint64 member : members) {
            if (exportsOf.value(member) != 1)
                QFAIL(qPrintable(QStringLiteral("profile %1 exported %2 times")
                                     .arg(member)
                                     .arg(exportsOf.value(member))));
        }
        // … and every one of them at the receiver, at least once: a request
        // in flight at the kill is sent again with the same export id.
        const QSet<QString> ids = exportIds(dataflow);
        QCOMPARE(ids.size(), kMembers);
        const QHash<QString, int> received = receiver.exportIds();
        int duplicates = 0;
        for (const QString &id : ids) {
            QVERIFY2(received.value(id) >= 1, qPrintable(id));
            duplicates += received.value(id) - 1;
        }
        QCOMPARE(received.size(), kMembers); // nothing the log does not know
        qInfo("delivered %d exports, %d of them twice or more", kMembers, duplicates);
        QCOMPARE(watcher.outboxCount(dataflow), 0);
        QCOMPARE(watcher.dataflowCounters(dataflow).value(QStringLiteral("backfilled")), kMembers);
    }

    // Issue #21, end to end: the audience is mapped first and 10,000
    // qualifying profiles are ingested before any engine runs (a new
    // store's usual order); `run` is killed with SIGKILL midway and started
    // again. Every profile arrives, each under one export id: a duplicate at
    // the receiver only ever repeats an id it has seen (the crash window),
    // never a second decision (the streaming trigger's and the backfill's).
    void mappedBeforeTheIngestEachProfileArrivesUnderOneExportId()
    {
        constexpr int kProfiles = 10'000;
        ReceiverProcess receiver(cli);
        QTRY_VERIFY_WITH_TIMEOUT(!receiver.url().isEmpty(), 10000);
        QString dataflow;
        {
            ActivationWorld world(m_path);
            world.endpoint = receiver.url();
            QVERIFY2(world.open(), qPrintable(world.lastError));
            QVERIFY(world.createAudience(QStringLiteral("Gold"),
                                         QStringLiteral("loyalty.points >= 100")));
            QVERIFY(!world.addDestination(QStringLiteral("Hook")).isEmpty());
            ActivationRequest request;
            request.destination = QStringLiteral("Hook");
            request.audiences = {QStringLiteral("Gold")};
            request.attributes = {QStringLiteral("person.name.firstName")};
            dataflow = world.activate(request);
            QVERIFY2(!dataflow.isEmpty(), qPrintable(world.lastError));
        }
        const QString input = m_dir.filePath(QStringLiteral("qualifiers.ndjson"));
        {
            QFile file(input);
            QVERIFY(file.open(QIODevice::WriteOnly));
            for (int i = 0; i < kProfiles; ++i)
                file.write(fragmentLine({QStringLiteral("email:q%1@example.com").arg(i)},
                                        QStringLiteral("{\"loyalty\":{\"points\":500},\"person\":{"
                                                       "\"name\":{\"firstName\":\"Q%1\"}}}")
                                            .arg(i)
                                            .toUtf8()));
        }
        const ProcessResult ingested =
            runProcess(cli, {QStringLiteral("--store"), m_path, QStringLiteral("ingest"), input},
                       QProcessEnvironment::systemEnvironment(), 120000);
        QVERIFY2(ingested.exitCode == 0, qPrintable(ingested.err));

        QProcess run;
        run.start(cli, {QStringLiteral("--store"), m_path, QStringLiteral("run"),
                        QStringLiteral("--until-idle")});
        QVERIFY(run.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(
            receiver.exportIds().size() >= 2000 || run.state() == QProcess::NotRunning, 60000);
        run.kill();
        QVERIFY(run.waitForFinished(10000));
        const ProcessResult resumed =
            runProcess(cli,
                       {QStringLiteral("--store"), m_path, QStringLiteral("run"),
                        QStringLiteral("--until-idle")},
                       QProcessEnvironment::systemEnvironment(), 120000);
        QVERIFY2(resumed.finished && resumed.exitCode == 0, qPrintable(resumed.err));

        // One decision per profile in the activation log, one id each…
        const QHash<qint64, int> exportsOf = exportsPerProfile(dataflow);
        QCOMPARE(exportsOf.size(), kProfiles);
        for (auto it = exportsOf.cbegin(); it != exportsOf.cend(); ++it) {
            if (it.value() != 1)
                QFAIL(qPrintable(
                    QStringLiteral("profile %1 exported %2 times").arg(it.key()).arg(it.value())));
        }
        // … and at the receiver exactly those ids, repeats only of them.
        const QSet<QString> ids = exportIds(dataflow);
        const QHash<QString, int> received = receiver.exportIds();
        QCOMPARE(received.size(), kProfiles);
        int repeats = 0;
        for (auto it = received.cbegin(); it != received.cend(); ++it) {
            QVERIFY2(ids.contains(it.key()), qPrintable(it.key()));
            repeats += it.value() - 1;
        }
        qInfo("%d profiles, %lld requests received, %d of them repeats from the crash window",
              kProfiles, qint64(received.size()) + repeats, repeats);
    }

    // A page that cannot be written (here: a trigger of the test refuses
    // outbox rows; in the field: another process's lock past the busy
    // timeout, a full disk) ends `run --until-idle` with the error instead of
    // leaving it waiting for ever; nothing of the page stays, and the next
    // run finishes.
    void runUntilIdleFailsWhenAPageCannotBeWritten()
    {
        constexpr int kMembers = 50;
        ReceiverProcess receiver(cli);
        QTRY_VERIFY_WITH_TIMEOUT(!receiver.url().isEmpty(), 10000);
        QString dataflow;
        const QList<qint64> members = prepare(kMembers, &dataflow, receiver.url());
        QCOMPARE(members.size(), kMembers);
        QVERIFY(refuseOutboxRows(true));

        ProcessResult run =
            runProcess(cli, {QStringLiteral("--store"), m_path, QStringLiteral("run"),
                             QStringLiteral("--until-idle")});
        QVERIFY2(run.finished, "run --until-idle did not end after a failed page");
        QVERIFY2(run.exitStatus == QProcess::NormalExit && run.exitCode == 1,
                 qPrintable(QStringLiteral("exit %1: %2").arg(run.exitCode).arg(run.err)));
        QVERIFY2(run.err.contains(QStringLiteral("refused by the test")), qPrintable(run.err));
        SqliteStore watcher(m_path);
        QVERIFY2(watcher.open(), qPrintable(watcher.lastError()));
        QCOMPARE(watcher.outboxCount(dataflow), 0);
        QCOMPARE(watcher.backfills(dataflow).value(0).done, 0); // rolled back with its page
        watcher.close();

        QVERIFY(refuseOutboxRows(false));
        run = runProcess(cli, {QStringLiteral("--store"), m_path, QStringLiteral("run"),
                               QStringLiteral("--until-idle")});
        QVERIFY2(run.finished && run.exitCode == 0, qPrintable(run.err));
        QVERIFY(watcher.open());
        QCOMPARE(exportsPerProfile(dataflow).size(), kMembers);
        QCOMPARE(watcher.outboxCount(dataflow), 0); // delivered
        QCOMPARE(receiver.exportIds().size(), kMembers);
        QVERIFY(watcher.backfills(dataflow).value(0).finished);
    }

private:
    // A store with `members` profiles realized in Gold, mapped to Hook: one
    // backfill, not walked yet. Returns the members' ids.
    QList<qint64> prepare(int members, QString *dataflow, const QUrl &endpoint = {})
    {
        ActivationWorld world(m_path);
        world.endpoint = endpoint;
        if (!world.open() ||
            !world.createAudience(QStringLiteral("Gold"),
                                  QStringLiteral("loyalty.points >= 100")) ||
            world.addDestination(QStringLiteral("Hook")).isEmpty()) {
            qWarning() << world.lastError;
            return {};
        }
        const QList<qint64> ids =
            world.seedRealized(world.audienceId(QStringLiteral("Gold")), members);
        ActivationRequest request;
        request.destination = QStringLiteral("Hook");
        request.audiences = {QStringLiteral("Gold")};
        request.attributes = {QStringLiteral("person.name.firstName")};
        *dataflow = world.activate(request);
        if (dataflow->isEmpty()) {
            qWarning() << world.lastError;
            return {};
        }
        return ids;
    }

    // The activation log, read with the test's own connection: exports per
    // profile, and their export ids.
    QHash<qint64, int> exportsPerProfile(const QString &dataflow)
    {
        QHash<qint64, int> counts;
        readActivations(dataflow,
                        [&counts](const QSqlQuery &row) { ++counts[row.value(0).toLongLong()]; });
        return counts;
    }
    QSet<QString> exportIds(const QString &dataflow)
    {
        QSet<QString> ids;
        readActivations(dataflow,
                        [&ids](const QSqlQuery &row) { ids.insert(row.value(1).toString()); });
        return ids;
    }
    template<typename Visit>
    void readActivations(const QString &dataflow, Visit visit)
    {
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("log"));
            db.setDatabaseName(m_path);
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            QSqlQuery query(db);
            query.prepare(QStringLiteral("SELECT profile_id, export_id FROM activations"
                                         " WHERE dataflow_id = ? AND outcome = 'exported'"));
            query.addBindValue(dataflow);
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
            while (query.next())
                visit(query);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("log"));
    }

    // A trigger that makes every outbox INSERT fail, as a store that cannot
    // be written would (the test's own connection, outside the Store API).
    bool refuseOutboxRows(bool refuse)
    {
        bool ok = false;
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("trigger"));
            db.setDatabaseName(m_path);
            QSqlQuery query(db);
            ok = db.open() &&
                 query.exec(refuse ? QStringLiteral(
                                         "CREATE TRIGGER refuse_outbox BEFORE INSERT ON outbox"
                                         " BEGIN SELECT RAISE(ABORT, 'outbox refused by the test');"
                                         " END")
                                   : QStringLiteral("DROP TRIGGER refuse_outbox"));
            if (!ok)
                qWarning() << query.lastError().text();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("trigger"));
        return ok;
    }

    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestBackfillRestart)
#include "tst_backfill_restart.moc"
