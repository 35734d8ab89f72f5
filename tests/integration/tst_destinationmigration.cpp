// Store version 9 (issue #16): destinations written before secret headers
// and query parameters existed keep working. The old rows are written with
// raw SQL in the old shape (headers without "secret", no "secretQuery"),
// the store is opened with every migration, and what it reads is checked.
// Store version 10 (issue #17): the activation log rebuilt to accept
// suppressed decisions, with the rows logged before. Store version 12
// (issue #18): acknowledged alerts. Store version 14 (issue #22): the batch
// of each delivery log entry.
#include "store/sqlitestore.h"
#include "support/rawconnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace outflow;
using namespace outflow::test;
using namespace Qt::StringLiterals;

class TestDestinationMigration final : public QObject
{
    Q_OBJECT

private slots:
    void oldDestinationsKeepTheirHeadersAndQuery()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"store.sqlite"_s);
        QList<Migration> before = SqliteStore::migrations();
        QVERIFY(before.constLast().version >= 9);
        before.removeIf([](const Migration &migration) { return migration.version >= 9; });
        {
            SqliteStore old(path, before);
            QVERIFY2(old.open(), qPrintable(old.lastError()));
            QCOMPARE(old.schemaVersion(), 8);
        }
        {
            RawConnection raw(path);
            // As version 8 wrote them: one with headers and a query, one
            // without any header, one whose config no longer parses.
            const QString insert =
                u"INSERT INTO destinations (id, name, config, enabled, created_at, updated_at) "
                u"VALUES ('%1', '%2', '%3', %4, %5, %6)"_s;
            QVERIFY(raw.exec(insert.arg(u"d1"_s, u"Crm"_s,
                                        u"{\"id\":\"d1\",\"name\":\"Crm\",\"endpoint\":"
                                        u"\"https://crm.example/in\",\"headers\":["
                                        u"{\"name\":\"X-Team\",\"value\":\"growth\"},"
                                        u"{\"name\":\"X-Api-Key\",\"value\":\"k-1\"}],"
                                        u"\"query\":\"p=1&token=abc\",\"auth\":\"none\","
                                        u"\"timeoutMs\":3000}"_s,
                                        u"1"_s, u"1"_s, u"2"_s)));
            QVERIFY(
                raw.exec(insert.arg(u"d2"_s, u"Bare"_s, u"{\"endpoint\":\"http://127.0.0.1:9/\"}"_s,
                                    u"0"_s, u"3"_s, u"4"_s)));
            QVERIFY(
                raw.exec(insert.arg(u"d3"_s, u"Broken"_s, u"not json"_s, u"1"_s, u"5"_s, u"6"_s)));
        }
        SqliteStore store(path);
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        QCOMPARE(store.schemaVersion(), SqliteStore::migrations().constLast().version);

        const std::optional<Destination> crm = store.destination(u"d1"_s);
        QVERIFY(crm);
        QCOMPARE(crm->headers, (QList<HttpHeader>{{u"X-Team"_s, u"growth"_s, false},
                                                  {u"X-Api-Key"_s, u"k-1"_s, false}}));
        QCOMPARE(crm->query, u"p=1&token=abc"_s);
        QVERIFY(crm->secretQueryNames.isEmpty());
        QCOMPARE(crm->timeoutMs, 3000);
        QCOMPARE(crm->updatedAt, 2);
        const std::optional<Destination> bare = store.destination(u"d2"_s);
        QVERIFY(bare);
        QVERIFY(bare->headers.isEmpty());
        QVERIFY(!bare->enabled);
        QVERIFY(store.destination(u"d3"_s)); // still listed, to be fixed or removed

        // Every row in the new shape: each header says it is not secret.
        RawConnection raw(path);
        const QJsonObject config =
            QJsonDocument::fromJson(
                raw.text(u"SELECT config FROM destinations WHERE id = 'd1'"_s).toUtf8())
                .object();
        QCOMPARE(config.value(u"secretQuery"_s).toArray(), QJsonArray());
        const QJsonArray headers = config.value(u"headers"_s).toArray();
        QCOMPARE(headers.size(), 2);
        for (const QJsonValue &header : headers)
            QCOMPARE(header.toObject().value(u"secret"_s), QJsonValue(false));
        QCOMPARE(raw.text(u"SELECT config FROM destinations WHERE id = 'd3'"_s), u"not json"_s);

        // And a secret header saved now stays without its value.
        Destination edited = *crm;
        edited.headers[1] = {u"X-Api-Key"_s, u"k-2-secret-value"_s, true};
        QVERIFY2(store.updateDestination(edited), qPrintable(store.lastError()));
        QCOMPARE(store.destination(u"d1"_s)->headers.at(1), (HttpHeader{u"X-Api-Key"_s, {}, true}));
        QVERIFY(!raw.text(u"SELECT config FROM destinations WHERE id = 'd1'"_s)
                     .contains(u"k-2-secret-value"_s));
    }

    // Version 10 (issue #17): the activation log accepts suppressed
    // decisions; the decisions logged before keep their ids, order and texts.
    void activationLogAcceptsSuppressedDecisions()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"store.sqlite"_s);
        QList<Migration> before = SqliteStore::migrations();
        before.removeIf([](const Migration &migration) { return migration.version >= 10; });
        {
            SqliteStore old(path, before);
            QVERIFY2(old.open(), qPrintable(old.lastError()));
            QCOMPARE(old.schemaVersion(), 9);
        }
        {
            RawConnection raw(path);
            QVERIFY(raw.exec(u"INSERT INTO destinations (id, name, created_at, updated_at)"
                             u" VALUES ('d1', 'Crm', 1, 1)"_s));
            QVERIFY(raw.exec(u"INSERT INTO dataflows (id, destination_id, created_at, updated_at)"
                             u" VALUES ('f1', 'd1', 1, 1)"_s));
            QVERIFY(
                raw.exec(u"INSERT INTO activations (id, dataflow_id, profile_id, outcome,"
                         u" export_id, reason, created_at) VALUES"
                         u" (5, 'f1', 7, 'exported', 'e-1', '{\"triggers\":[\"backfill\"]}', 10),"
                         u" (9, 'f1', 7, 'excluded', NULL, '{\"missing\":[\"a.b\"]}', 20)"_s));
            // Version 9 refuses a third outcome.
            QVERIFY(!raw.exec(u"INSERT INTO activations (dataflow_id, profile_id, outcome,"
                              u" reason, created_at) VALUES ('f1', 7, 'suppressed', '{}', 30)"_s));
        }
        SqliteStore store(path);
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        QCOMPARE(store.schemaVersion(), SqliteStore::migrations().constLast().version);
        QList<ActivationRecord> log = store.activations(u"f1"_s, 7, 10);
        QCOMPARE(log.size(), 2);
        QCOMPARE(log.at(0).id, 9);
        QCOMPARE(log.at(0).outcome, ActivationOutcome::Excluded);
        QCOMPARE(log.at(1).id, 5);
        QCOMPARE(log.at(1).exportId, u"e-1"_s);
        QCOMPARE(log.at(1).reason, QByteArray(R"({"triggers":["backfill"]})"));
        const ActivationRecord suppressed{0,  u"f1"_s, 7, ActivationOutcome::Suppressed,
                                          {}, "{}",    30};
        QVERIFY2(store.recordActivation(suppressed), qPrintable(store.lastError()));
        log = store.activations(u"f1"_s, 7, 10);
        QCOMPARE(log.size(), 3);
        QCOMPARE(log.at(0).outcome, ActivationOutcome::Suppressed);
        QVERIFY(log.at(0).id > 9);
        // Its indexes came back with the table.
        RawConnection raw(path);
        QCOMPARE(raw.text(u"SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master"
                          u" WHERE type = 'index' AND tbl_name = 'activations' ORDER BY name)"_s),
                 u"activations_by_profile,activations_by_time"_s);
    }

    // Version 12 (issue #18): alerts stored before acknowledgements existed
    // read as not acknowledged, can be acknowledged, and keep it when the
    // engine updates them. (Whatever other versions stand beside 12.)
    void alertsGainAnAcknowledgement()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"store.sqlite"_s);
        QList<Migration> before = SqliteStore::migrations();
        before.removeIf([](const Migration &migration) { return migration.version >= 12; });
        {
            SqliteStore old(path, before);
            QVERIFY2(old.open(), qPrintable(old.lastError()));
            QVERIFY(old.schemaVersion() < 12);
        }
        {
            RawConnection raw(path);
            QVERIFY(raw.exec(u"INSERT INTO alerts (id, kind, destination_id, destination_name,"
                             u" state, raised_at, updated_at, resolved_at, message, figures)"
                             u" VALUES ('a1', 'delivery-delay', 'd1', 'Crm', 'active', 10, 20,"
                             u" NULL, 'late', '{}'),"
                             u" ('a2', 'auth-failure', 'd1', 'Crm', 'resolved', 5, 8, 8,"
                             u" 'refused', '{}')"_s));
        }
        SqliteStore store(path);
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        QVERIFY(store.schemaVersion() >= 12);
        QCOMPARE(store.schemaVersion(), SqliteStore::migrations().constLast().version);
        QList<Alert> alerts = store.alerts(false);
        QCOMPARE(alerts.size(), 2);
        for (const Alert &alert : std::as_const(alerts))
            QCOMPARE(alert.acknowledgedAt, qint64(0));

        const std::optional<Alert> acknowledged = store.acknowledgeAlert(u"a1"_s, 30);
        QVERIFY2(acknowledged, qPrintable(store.lastError()));
        QCOMPARE(acknowledged->acknowledgedAt, qint64(30));
        QCOMPARE(acknowledged->message, u"late"_s);
        // Again: the first time stays. Resolved: untouched. Unknown: none.
        QCOMPARE(store.acknowledgeAlert(u"a1"_s, 40)->acknowledgedAt, qint64(30));
        QCOMPARE(store.acknowledgeAlert(u"a2"_s, 40)->acknowledgedAt, qint64(0));
        QVERIFY(!store.acknowledgeAlert(u"a3"_s, 40));
        QVERIFY(store.lastError().isEmpty());

        // An update written without it (an engine that did not know) keeps it.
        Alert updated = *acknowledged;
        updated.acknowledgedAt = 0;
        updated.message = u"later"_s;
        updated.updatedAt = 50;
        QVERIFY2(store.saveAlert(updated), qPrintable(store.lastError()));
        const Alert stored = store.alerts(true).value(0);
        QCOMPARE(stored.message, u"later"_s);
        QCOMPARE(stored.acknowledgedAt, qint64(30));
    }

    // --- Batched delivery (issue #22) ---
    // Version 14: delivery log rows written before have no batch; new rows
    // keep theirs; a destination stored before batching sends one profile a
    // request.
    void deliveryLogGainsABatchId()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"store.sqlite"_s);
        QList<Migration> before = SqliteStore::migrations();
        before.removeIf([](const Migration &migration) { return migration.version >= 14; });
        {
            SqliteStore old(path, before);
            QVERIFY2(old.open(), qPrintable(old.lastError()));
            QCOMPARE(old.schemaVersion(), 13);
        }
        {
            RawConnection raw(path);
            QVERIFY(raw.exec(u"INSERT INTO deliveries (destination_id, export_id, profile_id,"
                             u" attempted_at, attempt, outcome, status, latency_ms, error_kind,"
                             u" error, response_excerpt, lane) VALUES ('d1', 'e1', 7, 10, 1,"
                             u" 'delivered', 200, 3, '', '', 'ok', 'live')"_s));
        }
        SqliteStore store(path);
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        QCOMPARE(store.schemaVersion(), SqliteStore::migrations().constLast().version);
        QCOMPARE(store.deliveryLog(u"d1"_s, 10).value(0).batchId, QString());
        Destination destination;
        destination.id = u"d1"_s;
        destination.name = u"Crm"_s;
        destination.endpoint = QUrl(u"http://127.0.0.1:9/in"_s);
        QVERIFY2(store.insertDestination(destination), qPrintable(store.lastError()));
        DeliveryLogEntry entry;
        entry.destinationId = u"d1"_s;
        entry.exportId = u"e2"_s;
        entry.profileId = 8;
        entry.attemptedAt = 20;
        entry.batchId = u"b-1"_s;
        QVERIFY2(store.appendDeliveryLog(entry), qPrintable(store.lastError()));
        const QList<DeliveryLogEntry> log = store.deliveryLog(u"d1"_s, 10);
        QCOMPARE(log.size(), 2);
        QCOMPARE(log.at(0).batchId, u"b-1"_s);
        QCOMPARE(log.at(1).batchId, QString());
        DeliveryLogQuery query;
        query.destinationId = u"d1"_s;
        QCOMPARE(store.deliveryLog(query).value(0).batchId, u"b-1"_s);
    }
    // --- end Batched delivery ---
};

QTEST_GUILESS_MAIN(TestDestinationMigration)
#include "tst_destinationmigration.moc"
