// Backfills and resends (DESIGN §2, Backfill; issue #5 item 5) walked by the
// BackfillRunner page by page on a real store, beside live ingest: each
// realized profile exported once per backfill, progress, resumption by a new
// runner on the same file, and what pauses or ends a backfill.
#include "activation/backfillrunner.h"
#include "support/activationworld.h"

#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace outflow;
using namespace outflow::test;

namespace {

QSet<qint64> profilesOf(const QList<OutboxExport> &exports)
{
    QSet<qint64> profiles;
    for (const OutboxExport &e : exports)
        profiles.insert(e.profileId);
    return profiles;
}

QList<OutboxExport> inLane(const QList<OutboxExport> &exports, ExportLane lane)
{
    QList<OutboxExport> selected;
    for (const OutboxExport &e : exports) {
        if (e.lane == lane)
            selected.append(e);
    }
    return selected;
}

} // namespace

class TestBackfill final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        // One file per test and data row.
        m_path = m_dir.filePath(QStringLiteral("%1-%2.sqlite")
                                    .arg(QString::fromLatin1(QTest::currentTestFunction()))
                                    .arg(qHash(QString::fromLatin1(QTest::currentDataTag()))));
        m_world = std::make_unique<ActivationWorld>(m_path);
        QVERIFY2(m_world->open(), qPrintable(m_world->lastError));
        QVERIFY(m_world->createAudience(QStringLiteral("Gold"),
                                        QStringLiteral("loyalty.points >= 100")));
        QVERIFY(m_world->createAudience(QStringLiteral("Silver"),
                                        QStringLiteral("loyalty.points >= 50")));
        QVERIFY(!m_world->addDestination(QStringLiteral("Hook")).isEmpty());
    }

    void cleanup() { m_world.reset(); }

    void mappingAnAudienceExportsEachRealizedMemberOnce()
    {
        const QString gold = m_world->audienceId(QStringLiteral("Gold"));
        const QList<qint64> members = m_world->seedRealized(gold, 180);
        QCOMPARE(members.size(), 180);
        const QString dataflow = activate({QStringLiteral("Gold")});
        const Backfill created = m_world->store.pendingBackfills().value(0);
        QCOMPARE(created.total, 180);
        QCOMPARE(created.done, 0);

        BackfillRunner runner(m_world->store, m_world->pipeline.activator());
        runner.setPageSize(50);
        QList<qint64> done;
        for (bool idle = false; !idle;) {
            Backfill progress;
            QVERIFY2(runner.runPage(&progress, &idle), qPrintable(runner.lastError()));
            if (!idle) {
                QCOMPARE(progress.total, 180);
                done.append(progress.done);
            }
        }
        QCOMPARE(done, (QList<qint64>{50, 100, 150, 180}));
        const Backfill finished = m_world->store.backfills(dataflow).value(0);
        QVERIFY(finished.finished);
        QCOMPARE(finished.done, 180);

        const QList<OutboxExport> outbox = m_world->outbox(dataflow);
        QCOMPARE(outbox.size(), 180);
        QCOMPARE(profilesOf(outbox), QSet<qint64>(members.cbegin(), members.cend()));
        for (const OutboxExport &e : outbox) {
            QCOMPARE(e.lane, ExportLane::Backfill);
            QCOMPARE(
                jsonObject(e.reason),
                (QJsonObject{{QStringLiteral("triggers"), QJsonArray{QStringLiteral("backfill")}},
                             {QStringLiteral("audience"), gold},
                             {QStringLiteral("backfillId"), created.id}}));
        }
        const QHash<QString, qint64> counters = m_world->store.dataflowCounters(dataflow);
        QCOMPARE(counters.value(QStringLiteral("backfilled")), 180);
        QCOMPARE(counters.value(QStringLiteral("created")), 180);
    }

    // Two audiences mapped at once, with members in common: each profile once.
    void overlappingAudiencesExportEachProfileOnce()
    {
        QByteArray profiles;
        for (int i = 0; i < 60; ++i) // points 0..295: Silver from 50, Gold from 100
            profiles += fragmentLine({QStringLiteral("email:u%1@example.com").arg(i)},
                                     QByteArray(R"({"loyalty":{"points":)") +
                                         QByteArray::number(i * 5) + "}}");
        // An exited member of Gold is not exported.
        profiles +=
            fragmentLine({QStringLiteral("email:u59@example.com")}, R"({"loyalty":{"points":1}})");
        QVERIFY2(m_world->ingest(profiles), qPrintable(m_world->lastError));
        const QString dataflow = activate({QStringLiteral("Gold"), QStringLiteral("Silver")});
        runToIdle(7);
        const QList<OutboxExport> outbox = m_world->outbox(dataflow);
        QCOMPARE(outbox.size(), 49); // u10..u58 are in Silver, u20..u58 in Gold too
        QCOMPARE(profilesOf(outbox).size(), 49);
        QVERIFY(!profilesOf(outbox).contains(
            m_world->profileOf(QStringLiteral("email"), QStringLiteral("u59@example.com"))));
        const Backfill finished = m_world->store.backfills(dataflow).value(0);
        QVERIFY(finished.finished);
        QCOMPARE(finished.total, finished.done); // members walked, overlap included
    }

    // A profile exported while the backfill walked its first audience, then
    // gone from it before the walk reached its second one: still once.
    void aProfileLeavingAWalkedAudienceIsNotExportedTwice()
    {
        QByteArray profiles;
        for (int i = 0; i < 6; ++i) // all in Gold and Silver
            profiles += fragmentLine({QStringLiteral("email:u%1@example.com").arg(i)},
                                     R"({"loyalty":{"points":150}})");
        QVERIFY2(m_world->ingest(profiles), qPrintable(m_world->lastError));
        const QString dataflow = activate({QStringLiteral("Gold"), QStringLiteral("Silver")});
        BackfillRunner runner(m_world->store, m_world->pipeline.activator());
        runner.setPageSize(10);
        Backfill progress;
        bool idle = false;
        QVERIFY(runner.runPage(&progress, &idle)); // Gold: all six
        QCOMPARE(progress.audienceIndex, 1);
        QCOMPARE(m_world->outbox(dataflow).size(), 6);

        // u0 leaves Gold (exported live: exited), stays in Silver.
        QVERIFY(m_world->ingest(fragmentLine({QStringLiteral("email:u0@example.com")},
                                             R"({"loyalty":{"points":60}})")));
        runToIdle(10);
        const QList<OutboxExport> outbox = m_world->outbox(dataflow);
        QCOMPARE(inLane(outbox, ExportLane::Live).size(), 1);
        QCOMPARE(inLane(outbox, ExportLane::Backfill).size(), 6);
        QCOMPARE(profilesOf(inLane(outbox, ExportLane::Backfill)).size(), 6);
    }

    // Pages leave the event loop and the store between them: live exports
    // are queued between a backfill's pages.
    void liveExportsFlowWhileABackfillRuns()
    {
        const QString gold = m_world->audienceId(QStringLiteral("Gold"));
        const QList<qint64> members = m_world->seedRealized(gold, 200);
        const QString dataflow = activate({QStringLiteral("Gold")});
        BackfillRunner runner(m_world->store, m_world->pipeline.activator());
        runner.setPageSize(20);
        int liveChanges = 0;
        for (bool idle = false; !idle;) {
            Backfill progress;
            QVERIFY2(runner.runPage(&progress, &idle), qPrintable(runner.lastError()));
            // A member's mapped attribute written: a live export, at once.
            QVERIFY2(m_world->ingest(fragmentLine(
                         {QStringLiteral("email:seed%1@example.com").arg(liveChanges * 7)},
                         R"({"person":{"name":{"firstName":"Live"}}})")),
                     qPrintable(m_world->lastError));
            ++liveChanges;
        }
        const QList<OutboxExport> outbox = m_world->outbox(dataflow);
        const QList<OutboxExport> backfilled = inLane(outbox, ExportLane::Backfill);
        const QList<OutboxExport> live = inLane(outbox, ExportLane::Live);
        QCOMPARE(live.size(), liveChanges);
        QVERIFY(liveChanges > 5);
        // Every member reached, live or by the backfill; a member the live
        // trigger exported before its page came is not backfilled again.
        QCOMPARE(profilesOf(backfilled) + profilesOf(live),
                 QSet<qint64>(members.cbegin(), members.cend()));
        // Each change came after its member's page (7 a page behind 20): all
        // 200 were backfilled before their live change.
        QCOMPARE(backfilled.size(), 200);
        // Interleaved: live exports were queued before the backfill's last page.
        QVERIFY(live.constFirst().sequence < backfilled.constLast().sequence);
    }

    // Issue #21: mapped first, ingested before the backfill ran (a new
    // store's usual order). The backfill covers the profiles realized before
    // the mapping; one the streaming trigger exported since has its current
    // state at the receiver already: one export id each, never two.
    void aProfileStreamedSinceTheMappingIsNotBackfilledAgain_data()
    {
        QTest::addColumn<int>("pagesBefore"); // backfill pages walked before the ingest
        QTest::newRow("mapping, ingest, then the backfill") << 0;
        QTest::newRow("backfill interrupted by the ingest, then resumed") << 2;
    }

    void aProfileStreamedSinceTheMappingIsNotBackfilledAgain()
    {
        QFETCH(int, pagesBefore);
        const QString gold = m_world->audienceId(QStringLiteral("Gold"));
        const QList<qint64> before = m_world->seedRealized(gold, 60); // seed0..seed59
        m_world->now += 1000;
        const QString dataflow = activate({QStringLiteral("Gold")});
        m_world->now += 1000;
        {
            BackfillRunner runner(m_world->store, m_world->pipeline.activator());
            runner.setPageSize(10);
            for (int page = 0; page < pagesBefore; ++page) {
                Backfill progress;
                bool idle = false;
                QVERIFY2(runner.runPage(&progress, &idle), qPrintable(runner.lastError()));
            }
        }
        // New qualifiers, and a mapped attribute written on every third
        // member realized before the mapping (walked already or not).
        QByteArray fragments;
        for (int i = 0; i < 40; ++i)
            fragments += fragmentLine({QStringLiteral("email:new%1@example.com").arg(i)},
                                      R"({"loyalty":{"points":200}})");
        QSet<qint64> changed;
        for (int i = 0; i < 60; i += 3) {
            fragments += fragmentLine({QStringLiteral("email:seed%1@example.com").arg(i)},
                                      R"({"person":{"name":{"firstName":"Changed"}}})");
            changed.insert(before.at(i));
        }
        m_world->now += 1000;
        QVERIFY2(m_world->ingest(fragments), qPrintable(m_world->lastError));
        m_world->now += 1000;
        runToIdle(10);

        const QList<OutboxExport> outbox = m_world->outbox(dataflow);
        QHash<qint64, int> exportsOf;
        for (const OutboxExport &e : outbox)
            ++exportsOf[e.profileId];
        QCOMPARE(exportsOf.size(), 100); // 60 realized before + 40 new
        const QSet<qint64> walkedBefore(before.cbegin(), before.cbegin() + pagesBefore * 10);
        for (auto it = exportsOf.cbegin(); it != exportsOf.cend(); ++it) {
            // Twice only when the backfill had sent it before it changed:
            // two changes, two exports.
            const int expected =
                walkedBefore.contains(it.key()) && changed.contains(it.key()) ? 2 : 1;
            if (it.value() != expected)
                QFAIL(qPrintable(QStringLiteral("profile %1: %2 exports, expected %3")
                                     .arg(it.key())
                                     .arg(it.value())
                                     .arg(expected)));
        }
        QSet<QString> ids;
        for (const OutboxExport &e : outbox)
            ids.insert(e.exportId);
        QCOMPARE(ids.size(), outbox.size());
        QVERIFY(m_world->store.backfills(dataflow).value(0).finished);
    }

    // A resend is the administrator asking for everyone again: live exports
    // made since do not hold it back.
    void aResendSendsProfilesStreamedSinceAgain()
    {
        const QString gold = m_world->audienceId(QStringLiteral("Gold"));
        const QList<qint64> members = m_world->seedRealized(gold, 20);
        const QString dataflow = activate({QStringLiteral("Gold")});
        runToIdle(10);
        m_world->now += 1000;
        const std::optional<Backfill> resend =
            m_world->activation.resend(QStringLiteral("Hook"), QStringLiteral("Gold"));
        QVERIFY2(resend, qPrintable(m_world->activation.lastError()));
        m_world->now += 1000;
        QVERIFY(m_world->ingest(fragmentLine({QStringLiteral("email:seed3@example.com")},
                                             R"({"person":{"name":{"firstName":"Live"}}})")));
        runToIdle(10);
        const QList<OutboxExport> outbox = m_world->outbox(dataflow);
        QCOMPARE(outbox.size(), 20 + 1 + 20); // backfill, the live change, the whole resend
    }

    void resendExportsEveryRealizedMemberAgain()
    {
        const QString gold = m_world->audienceId(QStringLiteral("Gold"));
        const QList<qint64> members = m_world->seedRealized(gold, 40);
        const QString dataflow = activate({QStringLiteral("Gold")});
        runToIdle(15);
        QCOMPARE(m_world->outbox(dataflow).size(), 40);

        const std::optional<Backfill> resend =
            m_world->activation.resend(QStringLiteral("Hook"), QStringLiteral("Gold"));
        QVERIFY2(resend, qPrintable(m_world->activation.lastError()));
        QCOMPARE(resend->kind, Backfill::Kind::Resend);
        QCOMPARE(resend->total, 40);
        runToIdle(15);
        const QList<OutboxExport> outbox = m_world->outbox(dataflow);
        QCOMPARE(outbox.size(), 80);
        const QList<OutboxExport> resent = outbox.mid(40);
        QCOMPARE(profilesOf(resent), QSet<qint64>(members.cbegin(), members.cend()));
        for (const OutboxExport &e : resent) {
            QCOMPARE(jsonObject(e.reason).value(QLatin1String("triggers")).toArray(),
                     QJsonArray{QStringLiteral("resend")});
            QCOMPARE(jsonObject(e.reason).value(QLatin1String("backfillId")).toInteger(),
                     resend->id);
        }
        QCOMPARE(m_world->store.backfills(dataflow).value(0).kind, Backfill::Kind::Resend);
        QVERIFY(m_world->store.backfills(dataflow).value(0).finished);

        // Only a mapped audience can be resent.
        QVERIFY(!m_world->activation.resend(QStringLiteral("Hook"), QStringLiteral("Silver")));
        QCOMPARE(m_world->activation.lastErrorKind(), ActivationService::ErrorKind::Input);
        QVERIFY(m_world->activation.lastError().contains(QStringLiteral("“Silver”")));
    }

    // The cursor is committed with each page: another runner on the same
    // file (a restart) resumes after the last committed page.
    void aNewRunnerResumesWhereTheLastCommitLeftIt()
    {
        const QString gold = m_world->audienceId(QStringLiteral("Gold"));
        const QList<qint64> members = m_world->seedRealized(gold, 100);
        const QString dataflow = activate({QStringLiteral("Gold")});
        {
            BackfillRunner first(m_world->store, m_world->pipeline.activator());
            first.setPageSize(30);
            Backfill progress;
            bool idle = false;
            QVERIFY(first.runPage(&progress, &idle) && first.runPage(&progress, &idle));
            QCOMPARE(progress.done, 60);
        }
        m_world.reset(); // the process ends
        m_world = std::make_unique<ActivationWorld>(m_path);
        QVERIFY2(m_world->open(), qPrintable(m_world->lastError));
        const Backfill pending = m_world->store.pendingBackfills().value(0);
        QCOMPARE(pending.done, 60);
        QCOMPARE(pending.afterProfileId, members.at(59));
        runToIdle(30);
        const QList<OutboxExport> outbox = m_world->outbox(dataflow);
        QCOMPARE(outbox.size(), 100);
        QCOMPARE(profilesOf(outbox), QSet<qint64>(members.cbegin(), members.cend()));
    }

    // `outflowctl activate` beside a running engine: the backfill is in the
    // store before the engine's activator has reloaded the dataflows. It is
    // walked with the dataflow, not consumed without exporting.
    void backfillOfADataflowNewToTheActivatorExports()
    {
        const QString gold = m_world->audienceId(QStringLiteral("Gold"));
        const QList<qint64> members = m_world->seedRealized(gold, 30);
        ActivationRequest request;
        request.destination = QStringLiteral("Hook");
        request.audiences = {QStringLiteral("Gold")};
        request.attributes = {QStringLiteral("person.name.firstName")};
        const std::optional<ActivationSummary> summary = m_world->activation.activate(request);
        QVERIFY2(summary, qPrintable(m_world->activation.lastError()));
        runToIdle(10); // no reload of the world's pipeline in between
        const QList<OutboxExport> outbox = m_world->outbox(summary->dataflow.id);
        QCOMPARE(profilesOf(outbox), QSet<qint64>(members.cbegin(), members.cend()));
        QCOMPARE(outbox.size(), 30);
    }

    // A disabled destination pauses its dataflow: its backfill waits, and
    // runs once the destination is enabled again.
    void backfillOfADisabledDestinationWaitsUntilItIsEnabled()
    {
        const QString gold = m_world->audienceId(QStringLiteral("Gold"));
        const QList<qint64> members = m_world->seedRealized(gold, 30);
        const QString dataflow = activate({QStringLiteral("Gold")});
        QVERIFY(setHookEnabled(false));
        runToIdle(10);
        QCOMPARE(m_world->outbox(dataflow).size(), 0);
        QCOMPARE(m_world->store.pendingBackfills(dataflow).size(), 1);
        QCOMPARE(m_world->store.pendingBackfills(dataflow).value(0).done, 0);

        QVERIFY(setHookEnabled(true));
        runToIdle(10);
        QCOMPARE(profilesOf(m_world->outbox(dataflow)),
                 QSet<qint64>(members.cbegin(), members.cend()));
        QVERIFY(m_world->store.pendingBackfills(dataflow).isEmpty());
    }

    // An audience unmapped before its backfill ran is not exported.
    void unmappingAnAudienceEndsItsBackfill()
    {
        const QString gold = m_world->audienceId(QStringLiteral("Gold"));
        QCOMPARE(m_world->seedRealized(gold, 30).size(), 30);
        const QString dataflow = activate({QStringLiteral("Gold")});
        ActivationRequest unmap;
        unmap.destination = QStringLiteral("Hook");
        unmap.removeAudiences = {QStringLiteral("Gold")};
        QVERIFY2(!m_world->activate(unmap).isEmpty(), qPrintable(m_world->lastError));
        runToIdle(10);
        QCOMPARE(m_world->outbox(dataflow).size(), 0);
        QVERIFY(m_world->store.pendingBackfills(dataflow).isEmpty());
    }

    // Backfill decisions count as received like live ones: received is
    // what was created, excluded or suppressed (status, the skipped-rate alert).
    void backfillDecisionsAreCountedAsReceived()
    {
        const QString gold = m_world->audienceId(QStringLiteral("Gold"));
        QCOMPARE(m_world->seedRealized(gold, 20).size(), 20); // no e-mail address
        QByteArray withEmail;
        for (int i = 0; i < 10; ++i)
            withEmail +=
                fragmentLine({QStringLiteral("email:m%1@example.com").arg(i)},
                             QByteArray(R"({"loyalty":{"points":150},)"
                                        R"("personalEmail":{"address":"m@example.com"}})"));
        QVERIFY2(m_world->ingest(withEmail), qPrintable(m_world->lastError));
        ActivationRequest request;
        request.destination = QStringLiteral("Hook");
        request.audiences = {QStringLiteral("Gold")};
        request.attributes = {QStringLiteral("personalEmail.address")};
        request.mandatory = {QStringLiteral("personalEmail.address")};
        const QString dataflow = m_world->activate(request);
        QVERIFY2(!dataflow.isEmpty(), qPrintable(m_world->lastError));
        runToIdle(8);
        const QHash<QString, qint64> expected{{QStringLiteral("received"), 30},
                                              {QStringLiteral("created"), 10},
                                              {QStringLiteral("backfilled"), 10},
                                              {QStringLiteral("excluded"), 20},
                                              {QStringLiteral("excluded:missing-mandatory"), 20}};
        QCOMPARE(m_world->store.dataflowCounters(dataflow), expected);
        QCOMPARE(m_world->outbox(dataflow).size(), 10);
    }

private:
    QString activate(const QStringList &audiences)
    {
        ActivationRequest request;
        request.destination = QStringLiteral("Hook");
        request.audiences = audiences;
        request.attributes = {QStringLiteral("person.name.firstName")};
        const QString dataflow = m_world->activate(request);
        if (dataflow.isEmpty())
            qWarning() << m_world->lastError;
        return dataflow;
    }

    bool setHookEnabled(bool enabled)
    {
        std::optional<Destination> hook = m_world->store.destinationByName(QStringLiteral("Hook"));
        if (!hook)
            return false;
        hook->enabled = enabled;
        return m_world->store.updateDestination(*hook) && m_world->reload();
    }

    void runToIdle(int pageSize)
    {
        BackfillRunner runner(m_world->store, m_world->pipeline.activator());
        runner.setPageSize(pageSize);
        for (bool idle = false; !idle;) {
            Backfill progress;
            QVERIFY2(runner.runPage(&progress, &idle), qPrintable(runner.lastError()));
        }
    }

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<ActivationWorld> m_world;
};

QTEST_GUILESS_MAIN(TestBackfill)
#include "tst_backfill.moc"
