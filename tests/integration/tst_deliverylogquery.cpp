// The delivery inspector's side of the store (issue #18) on SQLite: the
// filtered, paged read of the delivery logs with each entry's destination
// and profile identity, its query plans, every attempt of one export, the
// detail of an export (request with secrets masked, body while queued,
// answer), the replay of chosen dead letters with the rule that a replay
// never sends stale state, schema version 11, and the answer's headers the
// sender keeps for a failure (redacted) and not for a 2xx.
#include "delivery/deliveryinspection.h"
#include "delivery/secretredactor.h"
#include "support/deliveryfixture.h"
#include "support/httptestreceiver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace outflow;
using outflow::test::DeliveryFixture;
using outflow::test::HttpTestReceiver;
using outflow::test::ReceivedRequest;
using outflow::test::Reply;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QList<qint64> idsOf(const QList<DeliveryLogEntry> &entries)
{
    QList<qint64> ids;
    for (const DeliveryLogEntry &entry : entries)
        ids.append(entry.id);
    return ids;
}

// The plan SQLite makes for `sql` on the store file, one detail a line.
QString planOf(const QString &path, const QString &sql)
{
    const QString name = QStringLiteral("plan");
    QString plan;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql)) {
                while (q.next())
                    plan += q.value(3).toString() + u'\n';
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return plan;
}

} // namespace

class TestDeliveryLogQuery final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_fixture = std::make_unique<DeliveryFixture>();
        m_flowA = m_fixture->addDestination(QUrl(s("http://127.0.0.1:1/a")), &m_a);
        m_flowB = m_fixture->addDestination(QUrl(s("http://127.0.0.1:1/b")), &m_b);
        SqliteStore &store = m_fixture->store();
        const auto profile = [&store](const QList<Identity> &identities) {
            Profile p;
            p.identities = identities;
            p.createdAt = p.updatedAt = 1;
            return store.insertProfile(p);
        };
        m_ana = profile({{s("crm"), s("C1"), false}, {s("email"), s("ana@example.com"), true}});
        m_bob = profile({{s("email"), s("bob@example.com"), true}});
        m_cy = profile({{s("crm"), s("C3"), false}});
        QVERIFY(m_ana > 0 && m_bob > 0 && m_cy > 0);
    }

    void cleanup() { m_fixture.reset(); }

    void filtersAndPages()
    {
        // 30 entries: odd ones to A, even ones to B; profiles in turn;
        // every fifth failed, every seventh (else) retried.
        const QList<qint64> profiles{m_ana, m_bob, m_cy};
        for (int n = 1; n <= 30; ++n)
            append(n % 2 ? m_a.id : m_b.id, exportIdOf(n), profiles.at(n % 3),
                   n % 5 == 0   ? DeliveryOutcome::Failed
                   : n % 7 == 0 ? DeliveryOutcome::Retry
                                : DeliveryOutcome::Delivered);
        SqliteStore &store = m_fixture->store();

        DeliveryLogQuery query;
        query.limit = 100;
        const QList<DeliveryLogEntry> all = store.deliveryLog(query);
        QVERIFY2(store.lastError().isEmpty(), qPrintable(store.lastError()));
        QCOMPARE(all.size(), 30);
        QVERIFY(std::is_sorted(all.cbegin(), all.cend(),
                               [](const auto &a, const auto &b) { return a.id > b.id; }));
        QCOMPARE(all.constFirst().exportId, exportIdOf(30));
        QCOMPARE(all.constFirst().destinationName, m_b.name);
        // The primary identity first; one not primary when it is all there is.
        for (const DeliveryLogEntry &entry : all) {
            const QString expected = entry.profileId == m_ana   ? s("email:ana@example.com")
                                     : entry.profileId == m_bob ? s("email:bob@example.com")
                                                                : s("crm:C3");
            QCOMPARE(entry.profileIdentity, expected);
        }

        query.destinationId = m_a.id;
        const QList<DeliveryLogEntry> ofA = store.deliveryLog(query);
        QCOMPARE(ofA.size(), 15);
        QVERIFY(std::all_of(ofA.cbegin(), ofA.cend(),
                            [this](const auto &e) { return e.destinationId == m_a.id; }));

        query.destinationId.clear();
        query.outcome = DeliveryLogQuery::Outcome::Failed;
        QCOMPARE(idsOf(store.deliveryLog(query)).size(), 6);
        query.outcome = DeliveryLogQuery::Outcome::Retry;
        const QList<DeliveryLogEntry> retried = store.deliveryLog(query);
        QCOMPARE(retried.size(), 4); // 7, 14, 21, 28
        QCOMPARE(retried.constFirst().exportId, exportIdOf(28));
        query.outcome = DeliveryLogQuery::Outcome::Failed;
        query.destinationId = m_b.id;
        const QList<DeliveryLogEntry> failedOfB = store.deliveryLog(query); // 10, 20, 30
        QCOMPARE(failedOfB.size(), 3);
        QVERIFY(std::all_of(failedOfB.cbegin(), failedOfB.cend(),
                            [](const auto &e) { return e.outcome == DeliveryOutcome::Failed; }));
        query.outcome = DeliveryLogQuery::Outcome::Delivered;
        QCOMPARE(store.deliveryLog(query).size(), 15 - 3 - 2); // 14 and 28 retried

        // The search: an export id's prefix, a profile id, an identity.
        query = DeliveryLogQuery();
        query.search = s("  0001-F");
        QCOMPARE(store.deliveryLog(query).size(), 1);
        query.search = s("ana@example.com");
        const QList<DeliveryLogEntry> ofAna = store.deliveryLog(query);
        QCOMPARE(ofAna.size(), 10);
        QVERIFY(std::all_of(ofAna.cbegin(), ofAna.cend(),
                            [this](const auto &e) { return e.profileId == m_ana; }));
        query.search = s("email:ana@example.com");
        QCOMPARE(store.deliveryLog(query).size(), 10);
        query.search = s("crm:C1");
        QCOMPARE(store.deliveryLog(query).size(), 10);
        query.search = QString::number(m_cy);
        QCOMPARE(store.deliveryLog(query).size(), 10);
        query.search = s("nobody@example.com");
        QVERIFY(store.deliveryLog(query).isEmpty());
        query.search = s("%");
        QVERIFY(store.deliveryLog(query).isEmpty()); // LIKE's wildcards are plain text

        // Pages of 7 going back make the whole log, each entry once.
        query = DeliveryLogQuery();
        query.limit = 7;
        QList<qint64> paged;
        for (;;) {
            const QList<DeliveryLogEntry> page = store.deliveryLog(query);
            paged += idsOf(page);
            if (page.size() < query.limit)
                break;
            query.beforeId = page.constLast().id;
        }
        QCOMPARE(paged, idsOf(all));
        // A live refresh: only what is newer than the newest row shown.
        query = DeliveryLogQuery();
        query.afterId = all.at(5).id;
        QCOMPARE(idsOf(store.deliveryLog(query)), idsOf(all.first(5)));

        // Bob merged into Ana: his older entries are found by his identity,
        // now Ana's, and show the survivor's identity.
        QVERIFY(store.begin());
        QVERIFY(store.mergeProfiles(m_ana, m_bob, 2));
        QVERIFY(store.commit());
        query = DeliveryLogQuery();
        query.search = s("bob@example.com");
        const QList<DeliveryLogEntry> afterMerge = store.deliveryLog(query);
        QCOMPARE(afterMerge.size(), 20);
        for (const DeliveryLogEntry &entry : afterMerge)
            QCOMPARE(entry.profileIdentity, s("email:ana@example.com"));
    }

    // The failed and retried entries come from their partial index, for
    // one destination and for every one; a 2xx adds nothing to it.
    void queryPlansUseTheirIndexes()
    {
        append(m_a.id, exportIdOf(1), m_ana, DeliveryOutcome::Delivered);
        append(m_a.id, exportIdOf(2), m_ana, DeliveryOutcome::Failed);
        const QString path = m_fixture->storePath();
        const QString one =
            planOf(path, s("SELECT id FROM deliveries d WHERE d.destination_id = 'x' AND "
                           "d.outcome <> 'delivered' AND d.outcome = 'failed' ORDER BY d.id DESC"));
        QVERIFY2(one.contains(s("deliveries_not_delivered")), qPrintable(one));
        QVERIFY2(!one.contains(s("TEMP B-TREE")), qPrintable(one));
        const QString every =
            planOf(path, s("SELECT id FROM deliveries d WHERE d.destination_id IN (SELECT id "
                           "FROM destinations) AND d.outcome <> 'delivered' AND d.outcome = "
                           "'retry' ORDER BY d.id DESC"));
        QVERIFY2(every.contains(s("deliveries_not_delivered")), qPrintable(every));
        const QString newest = planOf(
            path, s("SELECT id FROM deliveries d WHERE d.destination_id = 'x' ORDER BY d.id DESC"));
        QVERIFY2(newest.contains(s("deliveries_by_destination")), qPrintable(newest));
        QVERIFY2(!newest.contains(s("TEMP B-TREE")), qPrintable(newest));
        const QString indexed =
            planOf(path, s("SELECT COUNT(*) FROM deliveries INDEXED BY deliveries_not_delivered"
                           " WHERE outcome <> 'delivered'"));
        QVERIFY(!indexed.isEmpty());
    }

    // A destination with a bearer token, a secret header, a header named
    // like a key and a secret query parameter: the request as it is sent,
    // every secret "••••"; the body while the outbox holds the export, a
    // sentence once it was delivered; the attempts, newest first.
    void detailMasksSecretsAndKeepsTheBodyWhileQueued()
    {
        DeliveryFixture fixture;
        Destination destination;
        const QString dataflow = fixture.addDestination(
            QUrl(s("http://127.0.0.1:1/in?region=eu")), &destination, [](Destination &d) {
                d.auth = AuthType::Bearer;
                d.headers = {{s("X-Tenant"), s("acme"), false},
                             {s("X-Signing"), QString(), true},
                             {s("X-Api-Key"), s("plain-key-123"), false}};
                d.query = s("source=outflow&token=");
                d.secretQueryNames = {s("token")};
            });
        SqliteStore &store = fixture.store();
        const QByteArray failedId = fixture.enqueue(dataflow, 7);
        const QByteArray deliveredId = fixture.enqueue(dataflow, 8);
        const QList<OutboxExport> claimed = store.claimPending(dataflow, ExportLane::Live, 10);
        QCOMPARE(claimed.size(), 2);
        AttemptRecord attempt;
        attempt.sequence = claimed.at(0).sequence;
        attempt.attempts = 2;
        attempt.attemptedAt = 1000;
        attempt.httpStatus = 400;
        attempt.errorKind = s("http-status");
        attempt.error = s("HTTP 400 from the endpoint.");
        attempt.responseExcerpt = s(R"({"error":"bad"})");
        QVERIFY(store.markFailed(attempt));
        QVERIFY(store.markDelivered({claimed.at(1).sequence}));
        DeliveryLogEntry entry;
        entry.destinationId = destination.id;
        entry.exportId = QString::fromLatin1(failedId);
        entry.profileId = 7;
        entry.attempt = 1;
        entry.outcome = DeliveryOutcome::Retry;
        entry.httpStatus = 503;
        entry.attemptedAt = 900;
        QVERIFY(store.appendDeliveryLog(entry));
        entry.attempt = 2;
        entry.outcome = DeliveryOutcome::Failed;
        entry.httpStatus = 400;
        entry.attemptedAt = 1000;
        entry.error = attempt.error;
        entry.errorKind = attempt.errorKind;
        entry.responseExcerpt = attempt.responseExcerpt;
        entry.responseHeaders = s("Content-Type: application/json\nX-Request-Id: r-42\n");
        QVERIFY(store.appendDeliveryLog(entry));
        DeliveryLogEntry delivered;
        delivered.destinationId = destination.id;
        delivered.exportId = QString::fromLatin1(deliveredId);
        delivered.profileId = 8;
        delivered.httpStatus = 200;
        QVERIFY(store.appendDeliveryLog(delivered));

        QString error;
        const std::optional<DeliveryDetail> detail =
            DeliveryInspection::read(store, destination.id, entry.exportId, &error);
        QVERIFY2(detail, qPrintable(error));
        QCOMPARE(detail->state, DeliveryDetail::State::Failed);
        QCOMPARE(detail->method, s("POST"));
        QCOMPARE(detail->url, s("http://127.0.0.1:1/in?region=eu&source=outflow&token=••••"));
        QStringList headers;
        for (const HttpHeader &header : detail->requestHeaders)
            headers.append(header.name + s(": ") + header.value);
        QCOMPARE(headers.at(0), s("Content-Type: application/json"));
        QVERIFY(headers.at(1).startsWith(s("User-Agent: Outflow/")));
        QCOMPARE(
            headers.mid(2),
            (QStringList{s("X-Tenant: acme"), s("X-Signing: ••••"), s("X-Api-Key: ••••"),
                         s("X-Outflow-Export-Id: ") + entry.exportId, s("Authorization: ••••")}));
        QCOMPARE(detail->body, QByteArray("{\n    \"profile\": 7,\n    \"n\": 1\n}"));
        QVERIFY(detail->bodyNote.isEmpty());
        QCOMPARE(detail->httpStatus, 400);
        QCOMPARE(detail->responseHeaders, entry.responseHeaders);
        QCOMPARE(detail->responseExcerpt, attempt.responseExcerpt);
        QCOMPARE(detail->attempts.size(), 2);
        QCOMPARE(detail->attempts.at(0).attempt, 2);
        QCOMPARE(detail->attempts.at(1).httpStatus, 503);
        QCOMPARE(store.deliveryLogOfExport(destination.id, entry.exportId).size(), 2);

        const std::optional<DeliveryDetail> gone =
            DeliveryInspection::read(store, destination.id, delivered.exportId, &error);
        QVERIFY2(gone, qPrintable(error));
        QCOMPARE(gone->state, DeliveryDetail::State::Delivered);
        QVERIFY(gone->body.isEmpty());
        QVERIFY2(gone->bodyNote.contains(s("not kept")), qPrintable(gone->bodyNote));
        QVERIFY(!DeliveryInspection::read(store, destination.id, s("nope"), &error));
        QVERIFY(error.contains(s("nope")));
    }

    void profileValuesMasked()
    {
        const QByteArray body = "{\n    \"person\": {\"name\": {\"firstName\": \"Ana\"}},\n"
                                "    \"loyalty\": {\"points\": -12.5e3, \"gold\": true},\n"
                                "    \"identityMap\": {\"email\": [{\"id\": \"a\\\"@x.com\", "
                                "\"primary\": true}]}, \"n\": null}";
        const QByteArray masked = maskJsonValues(body);
        QCOMPARE(masked, QByteArray("{\n    \"person\": {\"name\": {\"firstName\": \"•••\"}},\n"
                                    "    \"loyalty\": {\"points\": 0, \"gold\": true},\n"
                                    "    \"identityMap\": {\"email\": [{\"id\": \"•••\", "
                                    "\"primary\": true}]}, \"n\": null}"));
        QVERIFY(!QJsonDocument::fromJson(masked).isNull()); // still JSON
        // Cut short (an excerpt): masked to its end.
        const QByteArray cut = "{\"a\":\"Ana sec";
        QCOMPARE(maskJsonValues(cut), QByteArray("{\"a\":\"•••\""));
        const QJsonValue value = maskProfileValues(QJsonDocument::fromJson(body).object());
        QCOMPARE(value.toObject().value(s("loyalty")).toObject().value(s("points")).toInt(), 0);
        QCOMPARE(value.toObject().value(s("loyalty")).toObject().value(s("gold")).toBool(), true);
        QCOMPARE(value.toObject()
                     .value(s("person"))
                     .toObject()
                     .value(s("name"))
                     .toObject()
                     .value(s("firstName"))
                     .toString(),
                 s("•••"));
        QCOMPARE(maskIdentity(s("email:ana@example.com")), s("email:•••"));
        QCOMPARE(maskIdentity(s("ana")), s("•••"));
    }

    // Issue #18 item 3: replaying chosen dead letters never sends stale
    // state. Profile 1: its older export failed, a newer one was delivered
    // since: the older one, chosen, is not sent again (logged, removed,
    // counted). Profile 2: the one dead letter, chosen: queued again.
    // Profile 3: a dead letter not chosen stays as it is. An id that is no
    // dead letter is reported, and a rollback undoes everything.
    void replayingChosenDeadLettersNeverSendsStaleState()
    {
        SqliteStore &store = m_fixture->store();
        const QByteArray stale = enqueueLogged(m_flowA, 1);
        const QByteArray newer = enqueueLogged(m_flowA, 1);
        const QByteArray alone = enqueueLogged(m_flowA, 2);
        const QByteArray notChosen = enqueueLogged(m_flowA, 3);
        QHash<QByteArray, qint64> sequences;
        const auto claimRound = [&] {
            for (const OutboxExport &row : store.claimPending(m_flowA, ExportLane::Live, 10))
                sequences.insert(row.exportId.toLatin1(), row.sequence);
        };
        claimRound();
        for (const QByteArray &id : {stale, alone, notChosen})
            QVERIFY(store.markFailed(failedAttempt(sequences.value(id))));
        claimRound();
        QVERIFY(store.markDelivered({sequences.value(newer)}));
        QCOMPARE(store.failedExports(m_flowA, 10).size(), 3);
        const QStringList chosen{QString::fromLatin1(stale), QString::fromLatin1(alone),
                                 QString::fromLatin1(newer), s("unknown-id")};

        // Inside a transaction rolled back: nothing changed.
        QVERIFY(store.begin());
        qint64 superseded = -1;
        QStringList notFailed;
        QCOMPARE(store.replayFailedExports(m_flowA, chosen, 5, &superseded, &notFailed), 1);
        store.rollback();
        QCOMPARE(store.failedExports(m_flowA, 10).size(), 3);
        QCOMPARE(notFailed, (QStringList{QString::fromLatin1(newer), s("unknown-id")}));

        superseded = -1;
        QCOMPARE(store.replayFailedExports(m_flowA, chosen, 5, &superseded, &notFailed), 1);
        QCOMPARE(superseded, 1);
        QCOMPARE(notFailed.size(), 2);
        const QList<FailedExport> left = store.failedExports(m_flowA, 10);
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.constFirst().exportRow.exportId, QString::fromLatin1(notChosen));
        // Only `alone` is queued again; `stale` is gone, logged as superseded.
        const QList<OutboxExport> replay = store.claimPending(m_flowA, ExportLane::Replay, 10);
        QCOMPARE(replay.size(), 1);
        QCOMPARE(replay.constFirst().exportId, QString::fromLatin1(alone));
        QVERIFY(!store.queuedExport(m_flowA, 1, QString::fromLatin1(stale)));
        const QList<DeliveryLogEntry> log =
            store.deliveryLogOfExport(m_a.id, QString::fromLatin1(stale));
        QCOMPARE(log.size(), 1);
        QVERIFY(log.constFirst().isSuperseded());
        QString error;
        const std::optional<DeliveryDetail> detail =
            DeliveryInspection::read(store, m_a.id, QString::fromLatin1(stale), &error);
        QVERIFY2(detail, qPrintable(error));
        QCOMPARE(detail->state, DeliveryDetail::State::Superseded);

        // Replaying every one keeps the same rule for the one left.
        QCOMPARE(store.replayFailed(m_flowA, 6, &superseded), 1);
        QCOMPARE(superseded, 0);
    }

    // Schema version 11 on a store made by version 10: the column and the
    // index are added, older rows read with no headers. (Later versions
    // apply too: only what version 11 adds is checked.)
    void version11AddsTheAnswersHeaders()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(s("old.sqlite"));
        QList<Migration> upTo10 = SqliteStore::migrations();
        upTo10.removeIf([](const Migration &m) { return m.version > 10; });
        QString destinationId;
        {
            SqliteStore old(path, upTo10);
            QVERIFY2(old.open(), qPrintable(old.lastError()));
            QCOMPARE(old.schemaVersion(), 10);
            Destination destination;
            destination.id = s("d-old");
            destination.name = s("Old");
            destination.endpoint = QUrl(s("http://127.0.0.1:1/"));
            QVERIFY(old.insertDestination(destination));
            destinationId = destination.id;
            QSqlDatabase db = QSqlDatabase::addDatabase(s("QSQLITE"), s("v10"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(s("INSERT INTO deliveries (destination_id, export_id, profile_id,"
                             " attempted_at, attempt, outcome, status, latency_ms)"
                             " VALUES ('d-old', 'e-old', 1, 1, 1, 'failed', 400, 3)")));
            db.close();
        }
        QSqlDatabase::removeDatabase(s("v10"));
        SqliteStore store(path);
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        QVERIFY(store.schemaVersion() >= 11);
        const QList<DeliveryLogEntry> log = store.deliveryLog(destinationId, 10);
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.constFirst().responseHeaders, QString());
        DeliveryLogQuery query;
        query.outcome = DeliveryLogQuery::Outcome::Failed;
        QCOMPARE(store.deliveryLog(query).size(), 1);
        QVERIFY(planOf(path, s("SELECT id FROM deliveries d WHERE d.destination_id = 'x' AND "
                               "d.outcome <> 'delivered' AND d.outcome = 'failed'"))
                    .contains(s("deliveries_not_delivered")));
    }

    // A failure's answer headers are kept, redacted and bounded; a 2xx's
    // are not. Through a real sender and receiver.
    void theSenderKeepsAFailuresHeaders()
    {
        HttpTestReceiver receiver;
        QVERIFY(receiver.listen());
        Destination destination;
        const QString dataflow = m_fixture->addDestination(receiver.url(), &destination);
        const QByteArray refused = m_fixture->enqueue(dataflow, 1);
        const QByteArray accepted = m_fixture->enqueue(dataflow, 2);
        receiver.setHandler([refused](const ReceivedRequest &request, int) {
            if (request.exportId() != refused)
                return Reply();
            Reply reply = Reply::withStatus(400, R"({"error":"bad"})");
            reply.headers = {{"X-Request-Id", "r-42"},
                             {"Set-Cookie", "session=abcdef123456; Path=/"},
                             {"X-Padding", QByteArray(3000, 'p')}};
            return reply;
        });
        auto engine = m_fixture->startEngine();
        QVERIFY(m_fixture->waitFirstIdle());
        const QList<DeliveryLogEntry> failed =
            m_fixture->store().deliveryLogOfExport(destination.id, QString::fromLatin1(refused));
        QCOMPARE(failed.size(), 1);
        const QString headers = failed.constFirst().responseHeaders;
        QVERIFY2(headers.contains(s("X-Request-Id: r-42\n")), qPrintable(headers));
        QVERIFY2(headers.contains(s("Set-Cookie: ") + SecretRedactor::Mask), qPrintable(headers));
        QVERIFY(!headers.contains(s("abcdef123456")));
        QVERIFY(!headers.contains(s("pppp"))); // past the bound: whole lines only
        QVERIFY(headers.toUtf8().size() <= DeliveryLogEntry::ResponseHeadersBytes);
        const QList<DeliveryLogEntry> ok =
            m_fixture->store().deliveryLogOfExport(destination.id, QString::fromLatin1(accepted));
        QCOMPARE(ok.size(), 1);
        QCOMPARE(ok.constFirst().outcome, DeliveryOutcome::Delivered);
        QVERIFY(ok.constFirst().responseHeaders.isEmpty());
    }

private:
    static QString exportIdOf(int n)
    {
        return QStringLiteral("%1-feed-4000-8000-000000000000").arg(n, 4, 10, QLatin1Char('0'));
    }

    void append(const QString &destinationId, const QString &exportId, qint64 profileId,
                DeliveryOutcome outcome)
    {
        DeliveryLogEntry entry;
        entry.destinationId = destinationId;
        entry.exportId = exportId;
        entry.profileId = profileId;
        entry.attemptedAt = ++m_clock;
        entry.outcome = outcome;
        entry.httpStatus = outcome == DeliveryOutcome::Delivered ? 200 : 503;
        entry.errorKind = outcome == DeliveryOutcome::Delivered ? QString() : s("http-status");
        if (!m_fixture->store().appendDeliveryLog(entry))
            qFatal("appendDeliveryLog: %s", qPrintable(m_fixture->store().lastError()));
    }

    QByteArray enqueueLogged(const QString &dataflowId, qint64 profileId)
    {
        const QByteArray exportId = m_fixture->enqueue(dataflowId, profileId);
        const ActivationRecord record{0,
                                      dataflowId,
                                      profileId,
                                      ActivationOutcome::Exported,
                                      QString::fromLatin1(exportId),
                                      QByteArrayLiteral("{}"),
                                      QDateTime::currentMSecsSinceEpoch()};
        if (!m_fixture->store().recordActivation(record))
            qFatal("recordActivation: %s", qPrintable(m_fixture->store().lastError()));
        return exportId;
    }

    static AttemptRecord failedAttempt(qint64 sequence)
    {
        AttemptRecord record;
        record.sequence = sequence;
        record.attempts = 1;
        record.attemptedAt = QDateTime::currentMSecsSinceEpoch();
        record.httpStatus = 400;
        record.errorKind = QStringLiteral("http-status");
        record.error = QStringLiteral("HTTP 400 from the endpoint.");
        return record;
    }

    std::unique_ptr<DeliveryFixture> m_fixture;
    Destination m_a;
    Destination m_b;
    QString m_flowA;
    QString m_flowB;
    qint64 m_ana = 0;
    qint64 m_bob = 0;
    qint64 m_cy = 0;
    qint64 m_clock = 1'700'000'000'000;
};

QTEST_MAIN(TestDeliveryLogQuery)
#include "tst_deliverylogquery.moc"
