// Batched delivery's options and envelope (issue #22): what administrators
// type, with errors naming the option; the stored JSON (older rows read as
// one profile per request); the body, each profile byte for byte.
#include "delivery/batchconfig.h"
#include "delivery/batchenvelope.h"
#include "delivery/destinationconfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace outflow;
using namespace Qt::StringLiterals;

namespace {

Destination validDestination()
{
    Destination d;
    d.id = u"0b4f6c9e-1d2a-4c3b-9e8f-7a6b5c4d3e2f"_s;
    d.name = u"Acme CRM"_s;
    d.endpoint = QUrl(u"https://crm.example.com/hooks/profiles"_s);
    return d;
}

OutboxExport row(const QString &id, const QByteArray &payload)
{
    OutboxExport e;
    e.exportId = id;
    e.payload = payload;
    return e;
}

} // namespace

class TestBatchConfig final : public QObject
{
    Q_OBJECT

private slots:
    void defaultsAreOneProfilePerRequest()
    {
        const Destination d;
        QCOMPARE(d.batchMaxExports, 1);
        QVERIFY(!d.isBatched());
        QString error;
        QVERIFY2(validateDestination(validDestination(), &error), qPrintable(error));
    }

    void parses_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("expected"); // -1: refused
        QTest::newRow("exports 1") << u"batch-max-exports"_s << u"1"_s << 1;
        QTest::newRow("exports 100") << u"batch-max-exports"_s << u" 100 "_s << 100;
        QTest::newRow("exports max") << u"batch-max-exports"_s << u"10000"_s << 10000;
        QTest::newRow("exports 0") << u"batch-max-exports"_s << u"0"_s << -1;
        QTest::newRow("exports too many") << u"batch-max-exports"_s << u"10001"_s << -1;
        QTest::newRow("exports text") << u"batch-max-exports"_s << u"ten"_s << -1;
        QTest::newRow("age bare ms") << u"batch-max-age"_s << u"250"_s << 250;
        QTest::newRow("age ms") << u"batch-max-age"_s << u"250ms"_s << 250;
        QTest::newRow("age s") << u"batch-max-age"_s << u"2 s"_s << 2000;
        QTest::newRow("age m") << u"batch-max-age"_s << u"1m"_s << 60000;
        QTest::newRow("age 0") << u"batch-max-age"_s << u"0ms"_s << 0;
        QTest::newRow("age too long") << u"batch-max-age"_s << u"61s"_s << -1;
        QTest::newRow("age hours") << u"batch-max-age"_s << u"1h"_s << -1;
        QTest::newRow("age negative") << u"batch-max-age"_s << u"-5ms"_s << -1;
        QTest::newRow("age fraction") << u"batch-max-age"_s << u"1.5s"_s << -1;
        QTest::newRow("bytes bare") << u"batch-max-bytes"_s << u"1048576"_s << 1048576;
        QTest::newRow("bytes B") << u"batch-max-bytes"_s << u"2048B"_s << 2048;
        QTest::newRow("bytes KiB") << u"batch-max-bytes"_s << u"512KiB"_s << 524288;
        QTest::newRow("bytes MiB") << u"batch-max-bytes"_s << u"1 mib"_s << 1048576;
        QTest::newRow("bytes kB") << u"batch-max-bytes"_s << u"500kB"_s << 500000;
        QTest::newRow("bytes MB") << u"batch-max-bytes"_s << u"2MB"_s << 2000000;
        QTest::newRow("bytes too small") << u"batch-max-bytes"_s << u"100"_s << -1;
        QTest::newRow("bytes too large") << u"batch-max-bytes"_s << u"65MiB"_s << -1;
        QTest::newRow("bytes unit") << u"batch-max-bytes"_s << u"1GiB"_s << -1;
        QTest::newRow("bytes empty") << u"batch-max-bytes"_s << QString() << -1;
    }

    void parses()
    {
        QFETCH(QString, option);
        QFETCH(QString, text);
        QFETCH(int, expected);
        QString error;
        const std::optional<int> value =
            option == u"batch-max-exports"_s ? parseBatchMaxExports(text, &error)
            : option == u"batch-max-age"_s   ? parseBatchMaxAge(text, &error)
                                             : parseBatchMaxBytes(text, &error);
        if (expected < 0) {
            QVERIFY(!value);
            QVERIFY2(error.startsWith(option + u": "_s), qPrintable(error));
        } else {
            QVERIFY2(value, qPrintable(error));
            QCOMPARE(*value, expected);
        }
    }

    void validateNamesTheOption()
    {
        QString error;
        Destination d = validDestination();
        d.batchMaxExports = 0;
        QVERIFY(!validateDestination(d, &error));
        QVERIFY2(error.startsWith(u"batch-max-exports: "_s), qPrintable(error));
        d = validDestination();
        d.batchMaxAgeMs = -1;
        QVERIFY(!validateDestination(d, &error));
        QVERIFY2(error.startsWith(u"batch-max-age: "_s), qPrintable(error));
        d = validDestination();
        d.batchMaxBytes = 10;
        QVERIFY(!validateDestination(d, &error));
        QVERIFY2(error.startsWith(u"batch-max-bytes: "_s), qPrintable(error));
    }

    void theBatchHeaderIsOutflows()
    {
        QString error;
        QVERIFY(!parseHeaders(u"X-Team:a,x-outflow-batch-id:b"_s, &error));
        QVERIFY2(error.startsWith(u"headers: entry 2"_s), qPrintable(error));
    }

    void storedJsonRoundTripsAndOlderRowsSendOneAtATime()
    {
        Destination d = validDestination();
        d.batchMaxExports = 100;
        d.batchMaxAgeMs = 50;
        d.batchMaxBytes = 2 * 1024 * 1024;
        const QJsonObject json = destinationToJson(d);
        QCOMPARE(json.value(u"batchMaxExports"_s).toInt(), 100);
        QCOMPARE(json.value(u"batchMaxAgeMs"_s).toInt(), 50);
        QCOMPARE(json.value(u"batchMaxBytes"_s).toInt(), 2 * 1024 * 1024);
        QString error;
        const std::optional<Destination> back = destinationFromJson(json, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->batchMaxExports, 100);
        QCOMPARE(back->batchMaxAgeMs, 50);
        QCOMPARE(back->batchMaxBytes, 2 * 1024 * 1024);

        QJsonObject older = json;
        for (const QString &key : {u"batchMaxExports"_s, u"batchMaxAgeMs"_s, u"batchMaxBytes"_s})
            older.remove(key);
        const std::optional<Destination> old = destinationFromJson(older, &error);
        QVERIFY2(old, qPrintable(error));
        QCOMPARE(old->batchMaxExports, 1);
        QVERIFY(!old->isBatched());

        QJsonObject wrong = json;
        wrong.insert(u"batchMaxExports"_s, u"many"_s);
        QVERIFY(!destinationFromJson(wrong, &error));
        QVERIFY2(error.startsWith(u"batchMaxExports: "_s), qPrintable(error));
    }

    void envelopeKeepsEachProfileByteForByte()
    {
        // Not what QJsonDocument would write (key order, spacing): kept as is.
        const QByteArray first = "{\"z\":1,\"a\":{\"b\":[1, 2]}}";
        const QByteArray second = "{\"person\":{\"name\":{\"firstName\":\"Zoë\"}}}";
        const QList<OutboxExport> rows{row(u"11111111-2222-3333-4444-555555555555"_s, first),
                                       row(u"66666666-7777-8888-9999-000000000000"_s, second)};
        const QByteArray body = batchenvelope::build(rows);
        QCOMPARE(body,
                 "[{\"exportId\":\"11111111-2222-3333-4444-555555555555\",\"profile\":" + first +
                     "},{\"exportId\":\"66666666-7777-8888-9999-000000000000\","
                     "\"profile\":" +
                     second + "}]");
        QJsonParseError parse;
        const QJsonArray array = QJsonDocument::fromJson(body, &parse).array();
        QCOMPARE(parse.error, QJsonParseError::NoError);
        QCOMPARE(array.size(), 2);
        QCOMPARE(array.at(1)[u"exportId"_s].toString(), rows.at(1).exportId);
        // The sizes the sender cuts batches by are the body's.
        qsizetype elements = 0;
        for (const OutboxExport &r : rows)
            elements += batchenvelope::elementBytes(r);
        QCOMPARE(batchenvelope::bodyBytes(elements, rows.size()), body.size());
        QCOMPARE(batchenvelope::bodyBytes(batchenvelope::elementBytes(rows.at(0)), 1),
                 batchenvelope::build({rows.at(0)}).size());
    }

    void envelopeEscapesAnUnusualExportId()
    {
        const QByteArray body = batchenvelope::build({row(u"a\"b\\c"_s, "{}")});
        const QJsonArray array = QJsonDocument::fromJson(body).array();
        QCOMPARE(array.at(0)[u"exportId"_s].toString(), u"a\"b\\c"_s);
        QCOMPARE(batchenvelope::bodyBytes(batchenvelope::elementBytes(row(u"a\"b\\c"_s, "{}")), 1),
                 body.size());
    }
};

QTEST_GUILESS_MAIN(TestBatchConfig)
#include "tst_batchconfig.moc"
