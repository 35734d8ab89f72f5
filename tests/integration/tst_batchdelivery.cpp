// Batched delivery (issue #22) through the Engine, against a receiver on
// 127.0.0.1 that sees every byte: batches by count, by age and by size, the
// envelope byte for byte, retries that keep the export ids, 413 splits,
// dead letters with the answer kept, per-profile order across batches.
#include "delivery/deliveryinspection.h"
#include "support/deliveryfixture.h"
#include "support/httptestreceiver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace outflow;
using outflow::test::DeliveryFixture;
using outflow::test::HttpTestReceiver;
using outflow::test::ReceivedRequest;
using outflow::test::Reply;

namespace {

// The export ids of a batch request, in the order of its body.
QList<QByteArray> idsOf(const ReceivedRequest &request)
{
    QList<QByteArray> ids;
    for (const QJsonValue &element : QJsonDocument::fromJson(request.body).array())
        ids.append(element[QLatin1String("exportId")].toString().toLatin1());
    return ids;
}

// The profile ids ("profile" of the fixture's payloads) of a batch request.
QList<qint64> profilesOf(const ReceivedRequest &request)
{
    QList<qint64> profiles;
    for (const QJsonValue &element : QJsonDocument::fromJson(request.body).array())
        profiles.append(element[QLatin1String("profile")][QLatin1String("profile")].toInteger());
    return profiles;
}

std::function<void(Destination &)> batching(int exports, int ageMs, int bytes = 1024 * 1024)
{
    return [=](Destination &d) {
        d.batchMaxExports = exports;
        d.batchMaxAgeMs = ageMs;
        d.batchMaxBytes = bytes;
    };
}

} // namespace

class TestBatchDelivery final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_fixture = std::make_unique<DeliveryFixture>();
        m_receiver = std::make_unique<HttpTestReceiver>();
        QVERIFY(m_receiver->listen());
    }

    void cleanup()
    {
        m_engine.reset(); // stops the senders before the receiver goes
        m_receiver.reset();
        m_fixture.reset();
    }

    // 25 exports, 10 a batch: two full batches, then the last five when the
    // first of them is old enough.
    void batchesByCountWithTheExactEnvelope()
    {
        Destination destination;
        const QString dataflow =
            m_fixture->addDestination(m_receiver->url(), &destination, batching(10, 300));
        m_fixture->enqueueMany(dataflow, 25);
        const QHash<QByteArray, QByteArray> payloads = payloadsOf(dataflow);
        m_engine = m_fixture->startEngine();
        QVERIFY(m_fixture->waitFirstIdle());

        const QList<ReceivedRequest> &requests = m_receiver->requests();
        QCOMPARE(requests.size(), 3);
        QSet<QByteArray> seen;
        QSet<QByteArray> batchIds;
        for (int i = 0; i < requests.size(); ++i) {
            const ReceivedRequest &request = requests.at(i);
            QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
            QCOMPARE(request.headerCount("X-Outflow-Export-Id"), 0);
            const QByteArray batchId = request.header("X-Outflow-Batch-Id");
            QVERIFY(!QUuid::fromString(QLatin1String(batchId)).isNull());
            batchIds.insert(batchId);
            const QList<QByteArray> ids = idsOf(request);
            QCOMPARE(ids.size(), i < 2 ? 10 : 5);
            // Each element is the export's own JSON, byte for byte.
            QByteArray expected("[");
            for (const QByteArray &id : ids) {
                if (expected.size() > 1)
                    expected.append(',');
                expected.append("{\"exportId\":\"" + id + "\",\"profile\":" + payloads.value(id) +
                                "}");
                seen.insert(id);
            }
            expected.append(']');
            QCOMPARE(request.body, expected);
        }
        QCOMPARE(seen.size(), 25);
        QCOMPARE(batchIds.size(), 3);

        // One log entry per export, with its batch's id.
        const QList<DeliveryLogEntry> log = m_fixture->store().deliveryLog(destination.id, 100);
        QCOMPARE(log.size(), 25);
        for (const DeliveryLogEntry &entry : log) {
            QCOMPARE(entry.outcome, DeliveryOutcome::Delivered);
            QCOMPARE(entry.httpStatus, 200);
            QVERIFY(idsOf(requestWithBatch(entry.batchId)).contains(entry.exportId.toLatin1()));
        }
        QCOMPARE(m_fixture->store().dataflowCounters(dataflow).value(QStringLiteral("delivered")),
                 25);
        QCOMPARE(m_fixture->summary(dataflow).backlog(), 0);
    }

    // Fewer exports than a batch holds: they wait for company, then leave
    // together when the first has waited long enough; a lone export too, in
    // the same envelope.
    void byAgeALoneExportLeavesInTheEnvelope()
    {
        Destination destination;
        const QString dataflow =
            m_fixture->addDestination(m_receiver->url(), &destination, batching(100, 200));
        const QList<QByteArray> first = m_fixture->enqueueMany(dataflow, 4);
        m_engine = m_fixture->startEngine();
        QVERIFY(m_fixture->waitFirstIdle());
        QCOMPARE(m_receiver->requests().size(), 1);
        const QList<QByteArray> together = idsOf(m_receiver->requests().at(0));
        QCOMPARE(QSet<QByteArray>(together.cbegin(), together.cend()),
                 QSet<QByteArray>(first.cbegin(), first.cend()));

        const QByteArray alone = m_fixture->enqueue(dataflow, 99);
        QTRY_COMPARE_WITH_TIMEOUT(m_receiver->requests().size(), 2, 15000);
        const ReceivedRequest &request = m_receiver->requests().at(1);
        QCOMPARE(idsOf(request), QList<QByteArray>{alone});
        QVERIFY(
            request.body.startsWith(QByteArray("[{\"exportId\":\"" + alone + "\",\"profile\":{")));
        QVERIFY(!request.header("X-Outflow-Batch-Id").isEmpty());
        QTRY_COMPARE(m_fixture->summary(dataflow).backlog(), 0);
    }

    // The body stays within batchMaxBytes: batches are cut by size before
    // their count.
    void batchesBySize()
    {
        const int maxBytes = 1024;
        const QString dataflow =
            m_fixture->addDestination(m_receiver->url(), nullptr, batching(1000, 100, maxBytes));
        const QList<QByteArray> ids = m_fixture->enqueueMany(dataflow, 60);
        m_engine = m_fixture->startEngine();
        QVERIFY(m_fixture->waitFirstIdle());

        const QList<ReceivedRequest> &requests = m_receiver->requests();
        qsizetype total = 0;
        QSet<QByteArray> seen;
        for (const ReceivedRequest &request : requests) {
            QVERIFY2(request.body.size() <= maxBytes, request.body.constData());
            QVERIFY(idsOf(request).size() > 1);
            total += request.body.size();
            for (const QByteArray &id : idsOf(request))
                seen.insert(id);
        }
        QVERIFY(requests.size() > 1);
        // Every batch but the last was cut because the next element did not
        // fit: no two consecutive batches would have fitted in one.
        for (int i = 0; i + 1 < requests.size(); ++i)
            QVERIFY(requests.at(i).body.size() + requests.at(i + 1).body.size() > maxBytes);
        QCOMPARE(seen, QSet<QByteArray>(ids.cbegin(), ids.cend()));
        QCOMPARE(m_fixture->summary(dataflow).backlog(), 0);
    }

    // A 503 or a timeout retries the batch's exports with their ids; they
    // stay together.
    void aBatchRetriedKeepsItsExportIds_data()
    {
        QTest::addColumn<bool>("timeout");
        QTest::newRow("503") << false;
        QTest::newRow("timeout") << true;
    }

    void aBatchRetriedKeepsItsExportIds()
    {
        QFETCH(bool, timeout);
        Destination destination;
        const QString dataflow =
            m_fixture->addDestination(m_receiver->url(), &destination, [](Destination &d) {
                batching(5, 50)(d);
                d.timeoutMs = 500;
            });
        const QList<QByteArray> ids = m_fixture->enqueueMany(dataflow, 5);
        const QHash<QByteArray, QByteArray> payloads = payloadsOf(dataflow);
        m_receiver->setHandler([timeout](const ReceivedRequest &, int index) {
            Reply reply = index == 0 && !timeout ? Reply::withStatus(503, "busy") : Reply();
            reply.delayMs = index == 0 && timeout ? 3000 : 0; // beyond the timeout
            return reply;
        });
        m_engine = m_fixture->startEngine();
        QVERIFY(m_fixture->waitFirstIdle());

        const QList<ReceivedRequest> &requests = m_receiver->requests();
        QCOMPARE(requests.size(), 2);
        const QSet<QByteArray> expected(ids.cbegin(), ids.cend());
        const QList<QByteArray> firstIds = idsOf(requests.at(0));
        const QList<QByteArray> againIds = idsOf(requests.at(1));
        QCOMPARE(QSet<QByteArray>(firstIds.cbegin(), firstIds.cend()), expected);
        QCOMPARE(QSet<QByteArray>(againIds.cbegin(), againIds.cend()), expected);
        QVERIFY(requests.at(0).header("X-Outflow-Batch-Id") !=
                requests.at(1).header("X-Outflow-Batch-Id"));
        for (const QByteArray &id : ids)
            QVERIFY(requests.at(1).body.contains(QByteArray("\"profile\":" + payloads.value(id))));

        const QList<DeliveryLogEntry> log = m_fixture->store().deliveryLog(destination.id, 20);
        QCOMPARE(log.size(), 10);
        int retries = 0;
        for (const DeliveryLogEntry &entry : log) {
            if (entry.outcome == DeliveryOutcome::Retry) {
                ++retries;
                QCOMPARE(entry.httpStatus, timeout ? 0 : 503);
                QCOMPARE(entry.errorKind,
                         timeout ? QStringLiteral("timeout") : QStringLiteral("http-status"));
                QCOMPARE(entry.responseExcerpt, timeout ? QString() : QStringLiteral("busy"));
                QCOMPARE(entry.batchId.toLatin1(), requests.at(0).header("X-Outflow-Batch-Id"));
            } else {
                QCOMPARE(entry.outcome, DeliveryOutcome::Delivered);
                QCOMPARE(entry.attempt, 2);
                QCOMPARE(entry.batchId.toLatin1(), requests.at(1).header("X-Outflow-Batch-Id"));
            }
        }
        QCOMPARE(retries, 5);
        const auto counters = m_fixture->store().dataflowCounters(dataflow);
        QCOMPARE(counters.value(QStringLiteral("retried")), 5);
        QCOMPARE(counters.value(QStringLiteral("delivered")), 5);
    }

    // An endpoint that takes bodies of two exports at most (165 bytes here;
    // three make 247): 8 → 4 + 4 → 2 × 4, every export delivered once, no
    // dead letter. (The receiver decides on the headers, before the body.)
    void a413SplitsTheBatch()
    {
        Destination destination;
        const QString dataflow =
            m_fixture->addDestination(m_receiver->url(), &destination, batching(8, 50));
        const QList<QByteArray> ids = m_fixture->enqueueMany(dataflow, 8);
        m_receiver->setHandler([](const ReceivedRequest &request, int) {
            return request.header("Content-Length").toInt() > 200
                       ? Reply::withStatus(413, "too large")
                       : Reply();
        });
        m_engine = m_fixture->startEngine();
        QVERIFY(m_fixture->waitFirstIdle());

        QList<int> sizes;
        QList<QByteArray> delivered;
        for (const ReceivedRequest &request : m_receiver->requests()) {
            sizes.append(int(idsOf(request).size()));
            if (idsOf(request).size() <= 2)
                delivered.append(idsOf(request));
        }
        QCOMPARE(sizes.value(0), 8);
        std::sort(sizes.begin(), sizes.end()); // the halves may cross on the wire
        QCOMPARE(sizes, (QList<int>{2, 2, 2, 2, 4, 4, 8}));
        std::sort(delivered.begin(), delivered.end());
        QList<QByteArray> sorted = ids;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(delivered, sorted);
        const OutboxSummary left = m_fixture->summary(dataflow);
        QCOMPARE(left.backlog() + left.failed, 0);
        const QList<DeliveryLogEntry> log = m_fixture->store().deliveryLog(destination.id, 20);
        QCOMPARE(log.size(), 8);
        for (const DeliveryLogEntry &entry : log)
            QCOMPARE(entry.outcome, DeliveryOutcome::Delivered);
    }

    // An export that alone is too large is a dead letter, with the answer.
    void aSingleExportAnswered413IsADeadLetter()
    {
        Destination destination;
        const QString dataflow =
            m_fixture->addDestination(m_receiver->url(), &destination, batching(2, 50));
        m_fixture->enqueueMany(dataflow, 2);
        m_receiver->setHandler(
            [](const ReceivedRequest &, int) { return Reply::withStatus(413, "too large"); });
        m_engine = m_fixture->startEngine();
        QVERIFY(m_fixture->waitFirstIdle());

        QList<int> sizes;
        for (const ReceivedRequest &request : m_receiver->requests())
            sizes.append(int(idsOf(request).size()));
        QCOMPARE(sizes, (QList<int>{2, 1, 1}));
        const QList<FailedExport> failed = m_fixture->store().failedExports(dataflow, 10);
        QCOMPARE(failed.size(), 2);
        for (const FailedExport &dead : failed) {
            QCOMPARE(dead.httpStatus, 413);
            QCOMPARE(dead.responseExcerpt, QStringLiteral("too large"));
        }
    }

    // A 400 dead-letters every export of the batch, each with the answer.
    void a400DeadLettersEveryExportOfTheBatch()
    {
        Destination destination;
        const QString dataflow =
            m_fixture->addDestination(m_receiver->url(), &destination, batching(4, 50));
        const QList<QByteArray> ids = m_fixture->enqueueMany(dataflow, 4);
        m_receiver->setHandler([](const ReceivedRequest &, int) {
            return Reply::withStatus(400, "{\"error\":\"bad field\"}");
        });
        m_engine = m_fixture->startEngine();
        QVERIFY(m_fixture->waitFirstIdle());

        QCOMPARE(m_receiver->requests().size(), 1);
        const QByteArray batchId = m_receiver->requests().at(0).header("X-Outflow-Batch-Id");
        QCOMPARE(m_fixture->summary(dataflow).failed, 4);
        QCOMPARE(m_fixture->summary(dataflow).backlog(), 0);
        const QList<DeliveryLogEntry> log = m_fixture->store().deliveryLog(destination.id, 20);
        QCOMPARE(log.size(), 4);
        QSet<QByteArray> logged;
        for (const DeliveryLogEntry &entry : log) {
            QCOMPARE(entry.outcome, DeliveryOutcome::Failed);
            QCOMPARE(entry.httpStatus, 400);
            QCOMPARE(entry.responseExcerpt, QStringLiteral("{\"error\":\"bad field\"}"));
            QVERIFY(entry.responseHeaders.contains(QLatin1String("Content-Length")));
            QCOMPARE(entry.batchId.toLatin1(), batchId);
            logged.insert(entry.exportId.toLatin1());
        }
        QCOMPARE(logged, QSet<QByteArray>(ids.cbegin(), ids.cend()));
        const QList<FailedExport> failed = m_fixture->store().failedExports(dataflow, 10);
        QCOMPARE(failed.size(), 4);
        for (const FailedExport &dead : failed)
            QCOMPARE(dead.responseExcerpt, QStringLiteral("{\"error\":\"bad field\"}"));
        QCOMPARE(m_fixture->store().dataflowCounters(dataflow).value(QStringLiteral("failed")), 4);
        // The inspector shows the request as it went: with the batch's id.
        QString error;
        const std::optional<DeliveryDetail> detail = DeliveryInspection::read(
            m_fixture->store(), destination.id, QString::fromLatin1(ids.at(0)), &error);
        QVERIFY2(detail, qPrintable(error));
        QCOMPARE(detail->state, DeliveryDetail::State::Failed);
        const auto shown = [&detail](const QString &name) {
            for (const HttpHeader &header : detail->requestHeaders) {
                if (header.name == name)
                    return header.value;
            }
            return QString();
        };
        QCOMPARE(shown(QStringLiteral("X-Outflow-Batch-Id")).toLatin1(), batchId);
        QCOMPARE(shown(QStringLiteral("X-Outflow-Export-Id")), QString());
    }

    // Five profiles with four exports each, interleaved; the first batch is
    // answered 503. A profile is never twice in a batch, and its exports
    // reach the receiver in the order they were made, across batches and
    // retries.
    void perProfileOrderAcrossBatches()
    {
        const QString dataflow =
            m_fixture->addDestination(m_receiver->url(), nullptr, batching(10, 30));
        QHash<QByteArray, int> rank; // export id → its rank among its profile's exports
        QHash<QByteArray, qint64> profileOf;
        m_fixture->store().begin();
        for (int round = 0; round < 4; ++round) {
            for (qint64 profile = 1; profile <= 5; ++profile) {
                const QByteArray id = m_fixture->enqueue(dataflow, profile);
                rank.insert(id, round);
                profileOf.insert(id, profile);
            }
        }
        m_fixture->store().commit();
        m_receiver->setHandler([](const ReceivedRequest &, int index) {
            return index == 0 ? Reply::withStatus(503) : Reply();
        });
        m_engine = m_fixture->startEngine();
        QVERIFY(m_fixture->waitFirstIdle());

        QHash<qint64, int> lastDelivered; // profile → rank of its last export delivered
        QSet<QByteArray> delivered;
        for (int i = 0; i < m_receiver->requests().size(); ++i) {
            const ReceivedRequest &request = m_receiver->requests().at(i);
            const QList<qint64> profiles = profilesOf(request);
            QCOMPARE(QSet<qint64>(profiles.cbegin(), profiles.cend()).size(), profiles.size());
            if (i == 0)
                continue; // the 503
            for (const QByteArray &id : idsOf(request)) {
                const qint64 profile = profileOf.value(id);
                QCOMPARE(rank.value(id), lastDelivered.value(profile, -1) + 1);
                lastDelivered.insert(profile, rank.value(id));
                delivered.insert(id);
            }
        }
        QCOMPARE(delivered.size(), 20);
        QCOMPARE(m_fixture->summary(dataflow).backlog(), 0);
    }

private:
    QHash<QByteArray, QByteArray> payloadsOf(const QString &dataflow)
    {
        QHash<QByteArray, QByteArray> payloads;
        for (const OutboxExport &row : m_fixture->store().outbox(dataflow, 0, 10'000))
            payloads.insert(row.exportId.toLatin1(), row.payload);
        return payloads;
    }

    ReceivedRequest requestWithBatch(const QString &batchId) const
    {
        for (const ReceivedRequest &request : m_receiver->requests()) {
            if (request.header("X-Outflow-Batch-Id") == batchId.toLatin1())
                return request;
        }
        return {};
    }

    std::unique_ptr<DeliveryFixture> m_fixture;
    std::unique_ptr<HttpTestReceiver> m_receiver;
    std::unique_ptr<Engine> m_engine;
};

QTEST_GUILESS_MAIN(TestBatchDelivery)
#include "tst_batchdelivery.moc"
