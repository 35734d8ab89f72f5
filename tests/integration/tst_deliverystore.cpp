// The Store API of delivery on SQLite (schema v3): claims in sequence order
// with one export per profile at a time, lanes and their shares, retries,
// releases after a crash, dead letters and replay, the bounded delivery log.
#include "delivery/deliveryjournal.h"
#include "support/deliveryfixture.h"
#include "support/rawconnection.h"

#include <QTemporaryDir>
#include <QTest>

using namespace outflow;
using outflow::test::DeliveryFixture;
using outflow::test::RawConnection;

namespace {

QList<qint64> profilesOf(const QList<OutboxExport> &rows)
{
    QList<qint64> profiles;
    for (const OutboxExport &row : rows)
        profiles.append(row.profileId);
    return profiles;
}

AttemptRecord attempt(qint64 sequence, int attempts, qint64 nextAttemptAt = 0)
{
    AttemptRecord record;
    record.sequence = sequence;
    record.attempts = attempts;
    record.attemptedAt = QDateTime::currentMSecsSinceEpoch();
    record.nextAttemptAt = nextAttemptAt;
    record.httpStatus = 503;
    record.errorKind = QStringLiteral("http-status");
    record.error = QStringLiteral("HTTP 503 from the endpoint.");
    record.responseExcerpt = QStringLiteral("busy");
    return record;
}

} // namespace

class TestDeliveryStore final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_fixture = std::make_unique<DeliveryFixture>();
        m_dataflow =
            m_fixture->addDestination(QUrl(QStringLiteral("http://127.0.0.1:1/")), &m_destination);
    }

    void cleanup() { m_fixture.reset(); }

    void oneExportPerProfileInSequenceOrder()
    {
        for (qint64 profile : {1, 2, 1, 3, 2, 1})
            m_fixture->enqueue(m_dataflow, profile);
        SqliteStore &store = m_fixture->store();
        const QList<OutboxExport> first = store.claimPending(m_dataflow, ExportLane::Live, 10);
        QCOMPARE(profilesOf(first), (QList<qint64>{1, 2, 3}));
        QVERIFY(first.at(0).sequence < first.at(1).sequence);
        QCOMPARE(first.at(0).payload, QByteArray("{\"profile\":1,\"n\":1}"));
        // Claimed ones hold their profiles' next exports back.
        QVERIFY(store.claimPending(m_dataflow, ExportLane::Live, 10).isEmpty());
        QVERIFY(store.markDelivered({first.at(0).sequence}));
        const QList<OutboxExport> second = store.claimPending(m_dataflow, ExportLane::Live, 10);
        QCOMPARE(profilesOf(second), (QList<qint64>{1}));
        QCOMPARE(second.at(0).payload, QByteArray("{\"profile\":1,\"n\":3}"));
    }

    void aRetryHoldsItsProfileBackUntilDue()
    {
        m_fixture->enqueue(m_dataflow, 1);
        m_fixture->enqueue(m_dataflow, 1);
        SqliteStore &store = m_fixture->store();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const OutboxExport first = store.claimPending(m_dataflow, ExportLane::Live, 10).at(0);
        QVERIFY(store.scheduleRetry(attempt(first.sequence, 1, now + 60000)));
        QVERIFY(store.claimPending(m_dataflow, ExportLane::Live, 10).isEmpty());
        QVERIFY(store.claimDueRetries(m_dataflow, now, 10).isEmpty());
        const OutboxSummary summary = *store.outboxSummary(m_dataflow);
        QCOMPARE(summary.retrying, 1);
        QCOMPARE(summary.pending, 1);
        QCOMPARE(summary.nextRetryAt, now + 60000);
        const QList<OutboxExport> due = store.claimDueRetries(m_dataflow, now + 60000, 10);
        QCOMPARE(due.size(), 1);
        QCOMPARE(due.at(0).sequence, first.sequence);
        QCOMPARE(due.at(0).attempts, 1);
    }

    void aDeadLetterDoesNotBlockItsProfile()
    {
        m_fixture->enqueue(m_dataflow, 1);
        m_fixture->enqueue(m_dataflow, 1);
        SqliteStore &store = m_fixture->store();
        const OutboxExport first = store.claimPending(m_dataflow, ExportLane::Live, 10).at(0);
        QVERIFY(store.markFailed(attempt(first.sequence, 1)));
        const QList<OutboxExport> next = store.claimPending(m_dataflow, ExportLane::Live, 10);
        QCOMPARE(next.size(), 1);
        QVERIFY(next.at(0).sequence > first.sequence);

        const QList<FailedExport> failed = store.failedExports(m_dataflow, 10);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).httpStatus, 503);
        QCOMPARE(failed.at(0).responseExcerpt, QStringLiteral("busy"));
        QCOMPARE(failed.at(0).exportRow.reason, QByteArray("{\"triggers\":[\"test\"]}"));

        // Replayed while the profile's next export is in flight: it waits for it.
        QCOMPARE(store.replayFailed(m_dataflow, QDateTime::currentMSecsSinceEpoch()), 1);
        QVERIFY(store.claimPending(m_dataflow, ExportLane::Replay, 10).isEmpty());
        QVERIFY(store.markDelivered({next.at(0).sequence}));
        const QList<OutboxExport> replayed = store.claimPending(m_dataflow, ExportLane::Replay, 10);
        QCOMPARE(replayed.size(), 1);
        QCOMPARE(replayed.at(0).exportId, first.exportId);
        QCOMPARE(replayed.at(0).attempts, 0);
        QCOMPARE(replayed.at(0).lane, ExportLane::Replay);
    }

    // Issue #21: a dead letter whose profile has a newer export (delivered,
    // here) is not replayed: the receiver would get the older state last.
    // It is logged as superseded and leaves the outbox; a dead letter with
    // nothing newer is replayed as before; of two dead letters of one
    // profile, only the newer goes again.
    void aReplayNeverSendsAnOlderStateLast()
    {
        SqliteStore &store = m_fixture->store();
        const QByteArray stale = enqueueLogged(1);
        const QByteArray newer = enqueueLogged(1);
        const QByteArray alone = enqueueLogged(2);
        const QByteArray olderOfTwo = enqueueLogged(3);
        const QByteArray newerOfTwo = enqueueLogged(3);
        // One export per profile at a time: two rounds of claims.
        QHash<QByteArray, qint64> sequences;
        const auto claimRound = [&] {
            for (const OutboxExport &row : store.claimPending(m_dataflow, ExportLane::Live, 10))
                sequences.insert(row.exportId.toLatin1(), row.sequence);
        };
        claimRound(); // stale, alone, olderOfTwo
        QCOMPARE(sequences.size(), 3);
        QVERIFY(store.markFailed(attempt(sequences.value(stale), 3)));
        QVERIFY(store.markFailed(attempt(sequences.value(alone), 3)));
        QVERIFY(store.markFailed(attempt(sequences.value(olderOfTwo), 3)));
        claimRound(); // newer, newerOfTwo
        QCOMPARE(sequences.size(), 5);
        QVERIFY(store.markDelivered({sequences.value(newer)}));
        QVERIFY(store.markFailed(attempt(sequences.value(newerOfTwo), 3)));
        QCOMPARE(store.failedExports(m_dataflow, 10).size(), 4);

        qint64 superseded = -1;
        QCOMPARE(store.replayFailed(m_dataflow, QDateTime::currentMSecsSinceEpoch(), &superseded),
                 2);
        QCOMPARE(superseded, 2);
        QVERIFY(store.failedExports(m_dataflow, 10).isEmpty());
        QStringList replayed;
        for (const OutboxExport &row : store.outbox(m_dataflow, 0, 10))
            replayed.append(row.exportId);
        QCOMPARE(replayed,
                 (QStringList{QString::fromLatin1(alone), QString::fromLatin1(newerOfTwo)}));
        QStringList supersededIds;
        const std::optional<Destination> destination =
            store.destination(store.dataflows().value(0).destinationId);
        QVERIFY(destination);
        for (const DeliveryLogEntry &entry : store.deliveryLog(destination->id, 20)) {
            if (entry.errorKind == QLatin1String("superseded")) {
                QCOMPARE(entry.outcome, DeliveryOutcome::Failed);
                QVERIFY(entry.error.contains(QLatin1String("newer export")));
                supersededIds.append(entry.exportId);
            }
        }
        supersededIds.sort();
        QStringList expected{QString::fromLatin1(stale), QString::fromLatin1(olderOfTwo)};
        expected.sort();
        QCOMPARE(supersededIds, expected);
    }

    void claimsLeftByACrashAreReleased()
    {
        m_fixture->enqueueMany(m_dataflow, 5);
        SqliteStore &store = m_fixture->store();
        QCOMPARE(store.claimPending(m_dataflow, ExportLane::Live, 3).size(), 3);
        QCOMPARE(store.outboxSummary(m_dataflow)->sending, 3);
        QCOMPARE(store.releaseClaims(m_dataflow), 3);
        const OutboxSummary summary = *store.outboxSummary(m_dataflow);
        QCOMPARE(summary.sending, 0);
        QCOMPARE(summary.pending, 5);
        QCOMPARE(store.claimPending(m_dataflow, ExportLane::Live, 10).size(), 5);
    }

    // Outbox ids are used again once the highest ones are gone: a claim must
    // not outlive its export, or a new export with its id would look claimed.
    void aClaimNeverOutlivesItsExport()
    {
        SqliteStore &store = m_fixture->store();
        const QString other =
            m_fixture->addDestination(QUrl(QStringLiteral("http://127.0.0.1:2/")));
        m_fixture->enqueueMany(m_dataflow, 2);
        m_fixture->enqueueMany(other, 2);
        const QList<OutboxExport> mine = store.claimPending(m_dataflow, ExportLane::Live, 10);
        const QList<OutboxExport> theirs = store.claimPending(other, ExportLane::Live, 10);
        QCOMPARE(mine.size(), 2);
        QCOMPARE(theirs.size(), 2);
        const qint64 highest = theirs.last().sequence;
        QVERIFY(highest > mine.last().sequence);

        // Delivered: the highest id is free again, and not claimed.
        QVERIFY(store.markDelivered({highest}));
        m_fixture->enqueue(other, 99);
        const QList<OutboxExport> reused = store.claimPending(other, ExportLane::Live, 10);
        QCOMPARE(reused.size(), 1);
        QCOMPARE(reused.at(0).sequence, highest);

        // Removed with its destination: likewise.
        QVERIFY(store.deleteDestination(m_destination.id));
        QCOMPARE(store.outboxSummary(m_dataflow)->sending, 0);
        RawConnection raw(m_fixture->storePath());
        QCOMPARE(raw.integer(QStringLiteral("SELECT COUNT(*) FROM outbox_claims WHERE id NOT IN"
                                            " (SELECT id FROM outbox)")),
                 0);
        QCOMPARE(store.outboxSummary(other)->sending, 2);
    }

    void lanesShareAClaim()
    {
        SqliteStore &store = m_fixture->store();
        store.begin();
        for (int i = 0; i < 100; ++i) {
            m_fixture->enqueue(m_dataflow, 1000 + i, ExportLane::Live);
            m_fixture->enqueue(m_dataflow, 2000 + i, ExportLane::Backfill);
        }
        store.commit();
        DeliveryJournal journal(store, m_destination.id, m_dataflow, {});
        const QList<OutboxExport> claimed = journal.claim(40, QDateTime::currentMSecsSinceEpoch());
        QCOMPARE(claimed.size(), 40);
        const auto inLane = [&](ExportLane lane) {
            return std::count_if(claimed.cbegin(), claimed.cend(),
                                 [lane](const OutboxExport &row) { return row.lane == lane; });
        };
        // Backfill gets its quarter although live alone could fill the claim;
        // replay has no work, so its quarter goes to live.
        QCOMPARE(inLane(ExportLane::Backfill), 10);
        QCOMPARE(inLane(ExportLane::Live), 30);
        QCOMPARE(claimed.constFirst().lane, ExportLane::Live); // live goes out first

        // Live drained: backfill takes the whole claim.
        QVERIFY(store.claimPending(m_dataflow, ExportLane::Live, 1000).size() == 70);
        const QList<OutboxExport> rest = journal.claim(40, QDateTime::currentMSecsSinceEpoch());
        QCOMPARE(rest.size(), 40);
        QVERIFY(std::all_of(rest.cbegin(), rest.cend(), [](const OutboxExport &row) {
            return row.lane == ExportLane::Backfill;
        }));
    }

    void theJournalWritesOutcomesAndCountersInOneTransaction()
    {
        m_fixture->enqueueMany(m_dataflow, 3);
        SqliteStore &store = m_fixture->store();
        DeliveryJournal journal(store, m_destination.id, m_dataflow, {});
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QList<OutboxExport> rows = journal.claim(3, now);
        QCOMPARE(rows.size(), 3);
        const auto entry = [&](const OutboxExport &row, DeliveryOutcome outcome) {
            DeliveryLogEntry e;
            e.destinationId = m_destination.id;
            e.exportId = row.exportId;
            e.profileId = row.profileId;
            e.attemptedAt = now;
            e.outcome = outcome;
            e.httpStatus = outcome == DeliveryOutcome::Delivered ? 200 : 503;
            return e;
        };
        journal.delivered(entry(rows.at(0), DeliveryOutcome::Delivered), rows.at(0).sequence);
        journal.retry(entry(rows.at(1), DeliveryOutcome::Retry),
                      attempt(rows.at(1).sequence, 1, now + 1000));
        journal.failed(entry(rows.at(2), DeliveryOutcome::Failed), attempt(rows.at(2).sequence, 1));
        QCOMPARE(journal.unflushed(), 3);
        QVERIFY2(journal.flush(now), qPrintable(journal.lastError()));
        QCOMPARE(journal.unflushed(), 0);
        const OutboxSummary summary = *store.outboxSummary(m_dataflow);
        QCOMPARE(summary.backlog(), 1);
        QCOMPARE(summary.retrying, 1);
        QCOMPARE(summary.failed, 1);
        const auto counters = store.dataflowCounters(m_dataflow);
        QCOMPARE(counters.value(QStringLiteral("delivered")), 1);
        QCOMPARE(counters.value(QStringLiteral("retried")), 1);
        QCOMPARE(counters.value(QStringLiteral("failed")), 1);
        const QList<DeliveryLogEntry> log = store.deliveryLog(m_destination.id, 10);
        QCOMPARE(log.size(), 3);
        QCOMPARE(log.at(0).outcome, DeliveryOutcome::Failed); // newest first
        QCOMPARE(log.at(2).exportId, rows.at(0).exportId);
    }

    void theLogIsBoundedByCountAndAge()
    {
        SqliteStore &store = m_fixture->store();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        store.begin();
        for (int i = 0; i < 30; ++i) {
            DeliveryLogEntry entry;
            entry.destinationId = m_destination.id;
            entry.exportId = QStringLiteral("e%1").arg(i);
            entry.attemptedAt = i < 5 ? now - 8LL * 86'400'000 : now; // the first 5 are old
            QVERIFY(store.appendDeliveryLog(entry));
        }
        store.commit();
        QCOMPARE(store.pruneDeliveryLog(m_destination.id, 20, now - 7LL * 86'400'000), 10);
        const QList<DeliveryLogEntry> log = store.deliveryLog(m_destination.id, 100);
        QCOMPARE(log.size(), 20);
        QCOMPARE(log.constFirst().exportId, QStringLiteral("e29"));
        QCOMPARE(log.constLast().exportId, QStringLiteral("e10"));
        QCOMPARE(store.pruneDeliveryLog(m_destination.id, 5, 0), 15);
        QCOMPARE(store.deliveryLog(m_destination.id, 100).size(), 5);
        // Removing the destination removes its log.
        QVERIFY(store.deleteDestination(m_destination.id));
        QCOMPARE(store.deliveryLog(m_destination.id, 100).size(), 0);
    }

    // The log's statement keeps the texts bound for the previous row and
    // skips binding one again when it is the same shared text: a text
    // changed in place, emptied or replaced must still be written as it is.
    void eachLogEntryKeepsItsOwnTexts()
    {
        SqliteStore &store = m_fixture->store();
        DeliveryLogEntry entry;
        entry.destinationId = m_destination.id;
        entry.attemptedAt = QDateTime::currentMSecsSinceEpoch();
        QList<DeliveryLogEntry> written;
        const auto append = [&] {
            entry.exportId = QStringLiteral("e%1").arg(written.size());
            QVERIFY2(store.appendDeliveryLog(entry), qPrintable(store.lastError()));
            written.append(entry);
        };
        entry.error = QStringLiteral("first");
        entry.errorKind = QStringLiteral("timeout");
        append();
        append();                          // the same texts, shared: not bound again
        entry.error[0] = QLatin1Char('F'); // changed in place (detached from the copy kept)
        append();
        entry.errorKind.clear();
        entry.error = QString();
        entry.responseExcerpt = QStringLiteral("{\"ok\":true}");
        entry.outcome = DeliveryOutcome::Retry;
        entry.lane = ExportLane::Backfill;
        append();
        entry.errorKind = QStringLiteral("timeout");
        append();
        const QList<DeliveryLogEntry> log = store.deliveryLog(m_destination.id, 10);
        QCOMPARE(log.size(), written.size());
        for (qsizetype i = 0; i < written.size(); ++i) {
            const DeliveryLogEntry &read = log.at(log.size() - 1 - i); // newest first
            QCOMPARE(read.exportId, written.at(i).exportId);
            QCOMPARE(read.error, written.at(i).error);
            QCOMPARE(read.errorKind, written.at(i).errorKind);
            QCOMPARE(read.responseExcerpt, written.at(i).responseExcerpt);
            QCOMPARE(read.outcome, written.at(i).outcome);
            QCOMPARE(read.lane, written.at(i).lane);
        }
        QCOMPARE(log.first().errorKind, QStringLiteral("timeout"));
        QCOMPARE(log.at(2).error, QStringLiteral("First"));
    }

    // Version 5 rebuilds the outbox and the delivery log (constraints SQLite
    // cannot alter in place): every row stays, claims included, and the
    // checks still refuse what they refused.
    void version5KeepsTheOutboxAndTheDeliveryLog()
    {
        using namespace outflow;
        const QString dataflowId = QStringLiteral("11111111-2222-3333-4444-555555555555");
        Destination destination;
        destination.id = QStringLiteral("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
        destination.name = QStringLiteral("receiver");
        destination.endpoint = QUrl(QStringLiteral("http://127.0.0.1:1/"));
        QList<qint64> sequences;
        {
            SqliteStore store(m_schemaDir.filePath(QStringLiteral("v4.db")),
                              SqliteStore::migrations().mid(0, 4));
            QVERIFY2(store.open(), qPrintable(store.lastError()));
            QCOMPARE(store.schemaVersion(), 4);
            QVERIFY2(store.insertDestination(destination), qPrintable(store.lastError()));
            Dataflow dataflow;
            dataflow.id = dataflowId;
            dataflow.destinationId = destination.id;
            QVERIFY2(store.saveDataflow(dataflow), qPrintable(store.lastError()));
            for (int i = 1; i <= 3; ++i) {
                OutboxExport row;
                row.exportId = QStringLiteral("export-%1").arg(i);
                row.dataflowId = dataflowId;
                row.profileId = i;
                row.payload = QByteArray("{\"n\":") + QByteArray::number(i) + '}';
                row.reason = QByteArrayLiteral("{}");
                row.lane = i == 3 ? ExportLane::Backfill : ExportLane::Live;
                QVERIFY2(store.enqueueExport(row), qPrintable(store.lastError()));
            }
        }
        {
            // A claim and a log entry as version 4 wrote them (today's
            // statements need later tables, so they are written by hand).
            RawConnection v4(m_schemaDir.filePath(QStringLiteral("v4.db")));
            QVERIFY(v4.exec(QStringLiteral(
                "UPDATE outbox SET state = 'sending' WHERE export_id = 'export-1'")));
            QVERIFY(v4.exec(
                QStringLiteral("INSERT INTO deliveries (destination_id, export_id, profile_id,"
                               " attempted_at, attempt, outcome, status, latency_ms, error)"
                               " VALUES ('%1', 'export-0', 7, 0, 1, 'retry', 503, 0,"
                               " 'HTTP 503 from the endpoint.')")
                    .arg(destination.id)));
        }
        SqliteStore store(m_schemaDir.filePath(QStringLiteral("v4.db")));
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        QCOMPARE(store.schemaVersion(), SqliteStore::migrations().last().version);
        // The claim made under version 4 is still one (version 7: a row of
        // outbox_claims, its export pending): released, it is due again.
        QCOMPARE(store.outboxSummary(dataflowId)->sending, 1);
        QCOMPARE(store.outboxSummary(dataflowId)->pending, 2);
        QCOMPARE(store.releaseClaims(dataflowId), 1);
        const QList<OutboxExport> live = store.claimPending(dataflowId, ExportLane::Live, 10);
        QCOMPARE(live.size(), 2);
        QCOMPARE(live.at(0).exportId, QStringLiteral("export-1"));
        QCOMPARE(live.at(0).payload, QByteArray("{\"n\":1}"));
        QCOMPARE(live.at(1).exportId, QStringLiteral("export-2"));
        const QList<OutboxExport> backfill =
            store.claimPending(dataflowId, ExportLane::Backfill, 10);
        QCOMPARE(backfill.size(), 1);
        QCOMPARE(backfill.at(0).profileId, 3);
        const QList<DeliveryLogEntry> log = store.deliveryLog(destination.id, 10);
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.at(0).outcome, DeliveryOutcome::Retry);
        QCOMPARE(log.at(0).error, QStringLiteral("HTTP 503 from the endpoint."));
        QVERIFY(store.markDelivered({live.at(0).sequence, live.at(1).sequence}));
        QCOMPARE(store.claimPending(dataflowId, ExportLane::Live, 10).size(), 0);

        RawConnection raw(m_schemaDir.filePath(QStringLiteral("v4.db")));
        QCOMPARE(raw.text(QStringLiteral("SELECT COUNT(*) FROM outbox WHERE state = 'sending'")),
                 QStringLiteral("0"));
        // The delivered exports' claims went with them; the backfill
        // export's stays.
        QCOMPARE(raw.text(QStringLiteral("SELECT COUNT(*) FROM outbox_claims")),
                 QStringLiteral("1"));
        QVERIFY(!raw.exec(
            QStringLiteral(
                "INSERT INTO deliveries (destination_id, export_id, profile_id, attempted_at, "
                "attempt, outcome, status, latency_ms) VALUES ('%1', 'x', 1, 0, 1, 'lost', 0, 0)")
                .arg(destination.id)));
        QVERIFY(!raw.exec(
            QStringLiteral("UPDATE outbox SET lane = 'express' WHERE export_id = 'export-3'")));
        QCOMPARE(raw.text(QStringLiteral("SELECT lane FROM outbox WHERE export_id = 'export-3'")),
                 QStringLiteral("backfill"));
        QCOMPARE(raw.integer(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = "
                                            "'index' AND tbl_name = 'outbox'")),
                 4); // version 7 dropped outbox_sending
    }

private:
    // An export with its activation record, as the Activator makes them.
    QByteArray enqueueLogged(qint64 profileId)
    {
        const QByteArray exportId = m_fixture->enqueue(m_dataflow, profileId);
        const ActivationRecord record{0,
                                      m_dataflow,
                                      profileId,
                                      ActivationOutcome::Exported,
                                      QString::fromLatin1(exportId),
                                      QByteArrayLiteral("{}"),
                                      QDateTime::currentMSecsSinceEpoch()};
        if (!m_fixture->store().recordActivation(record))
            qFatal("recordActivation: %s", qPrintable(m_fixture->store().lastError()));
        return exportId;
    }

    QTemporaryDir m_schemaDir;
    std::unique_ptr<DeliveryFixture> m_fixture;
    Destination m_destination;
    QString m_dataflow;
};

QTEST_GUILESS_MAIN(TestDeliveryStore)
#include "tst_deliverystore.moc"
