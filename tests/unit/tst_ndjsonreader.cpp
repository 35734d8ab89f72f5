// NdjsonReader: strict validation with precise positions, streaming with
// bounded memory, and NdjsonReader::parseDocument for request bodies.
#include "ingest/ndjsonreader.h"

#include <QBuffer>
#include <QJsonObject>
#include <QTemporaryFile>
#include <QTest>

using outflow::Fragment;
using outflow::Identity;
using outflow::NdjsonReader;
using outflow::ReadRecord;

// No raw string literal here holds an odd number of quotes: moc (6.4) loses
// its way in those and finds no test class.

namespace {

const QByteArray goodLine = R"({"identityMap":{"email":[{"id":"a@x.io"}]},"person":{"name":"A"}})";

QList<ReadRecord> readAll(const QByteArray &data,
                          qint64 chunkBytes = NdjsonReader::DefaultChunkBytes,
                          qint64 maxLineBytes = NdjsonReader::DefaultMaxLineBytes,
                          bool *sawAnyLine = nullptr)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    NdjsonReader reader(&buffer, maxLineBytes);
    reader.setChunkBytes(chunkBytes);
    QList<ReadRecord> records;
    ReadRecord record;
    while (reader.next(record))
        records.append(record);
    if (sawAnyLine)
        *sawAnyLine = reader.sawAnyLine();
    return records;
}

// A device that delivers some bytes, then fails, as a disk or pipe may.
class FailingDevice final : public QIODevice
{
public:
    explicit FailingDevice(QByteArray data)
        : m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (m_data.isEmpty()) {
            setErrorString(QStringLiteral("Input/output error"));
            return -1;
        }
        const qint64 n = std::min<qint64>(maxSize, m_data.size());
        memcpy(data, m_data.constData(), size_t(n));
        m_data.remove(0, n);
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
};

QByteArray bigLine(int keys)
{
    QByteArray line = R"({"identityMap":{"email":[{"id":"a@x.io"}]})";
    for (int i = 0; i < keys; ++i)
        line += ",\"k" + QByteArray::number(i) + "\":" + QByteArray::number(i);
    return line;
}

} // namespace

class TestNdjsonReader final : public QObject
{
    Q_OBJECT

private slots:
    void badLine_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("column"); // 0: the message has no column
        QTest::addColumn<QString>("expected");

        // Malformed JSON: the column is where the parser stopped.
        QTest::newRow("unterminated string")
            << QByteArray("{\"identityMap\":{\"email\":[{\"id\":\"a@x.io}]}}") << 32
            << QStringLiteral("invalid JSON: unterminated string");
        QTest::newRow("illegal value")
            << QByteArray(R"({"identityMap":{"email":[{"id":"a"}]},"n":tru})") << 43
            << QStringLiteral("invalid JSON: illegal value");
        QTest::newRow("illegal number")
            << QByteArray(R"({"identityMap":{"email":[{"id":"a"}]},"n":1.e})") << 43
            << QStringLiteral("invalid JSON: illegal number");
        QTest::newRow("bad literal, more after")
            << QByteArray(R"({"identityMap":{"email":[{"id":"a"}]},"n":nulx, "m":2})") << 43
            << QStringLiteral("invalid JSON: illegal value");
        QTest::newRow("missing colon") << QByteArray(R"({"identityMap" {"email":[]}})") << 16
                                       << QStringLiteral("invalid JSON: missing name separator");
        QTest::newRow("missing comma")
            << QByteArray(R"({"identityMap":{"email":[{"id":"a"} {"id":"b"}]}})") << 37
            << QStringLiteral("invalid JSON: missing value separator");
        QTest::newRow("garbage after") << QByteArray(R"({"identityMap":{"email":[{"id":"a"}]}} x)")
                                       << 40 << QStringLiteral("invalid JSON: garbage at the end");
        QTest::newRow("not closed") << QByteArray(R"({"identityMap":{"email":[{"id":"a"}]})") << 37
                                    << QStringLiteral("invalid JSON: unterminated object");
        QTest::newRow("columns count characters")
            << QByteArray(R"({"né":"ü€😀", "x":})") << 18 << QStringLiteral("invalid JSON:");
        QTest::newRow("too deep") << QByteArray(1025, '[') + QByteArray(1025, ']') << 1025
                                  << QStringLiteral("invalid JSON: too deeply nested document");

        // Valid JSON, not an object.
        QTest::newRow("number") << QByteArray("42") << 0
                                << QStringLiteral("expected a JSON object, found a number");
        QTest::newRow("string") << QByteArray(R"("text")") << 0
                                << QStringLiteral("expected a JSON object, found a string");
        QTest::newRow("null") << QByteArray("null") << 0
                              << QStringLiteral("expected a JSON object, found null");
        QTest::newRow("array") << QByteArray("[" + goodLine + "]") << 0
                               << QStringLiteral("expected a JSON object, found an array");

        // Identities.
        const QString noIdentities =
            QStringLiteral("fragment has no identities (identityMap is missing or empty)");
        QTest::newRow("no identityMap")
            << QByteArray(R"({"person":{"name":"A"}})") << 0 << noIdentities;
        QTest::newRow("empty identityMap")
            << QByteArray(R"({"identityMap":{}})") << 0 << noIdentities;
        QTest::newRow("only empty namespaces")
            << QByteArray(R"({"identityMap":{"email":[],"crm":[]}})") << 0 << noIdentities;
        QTest::newRow("identityMap not an object")
            << QByteArray(R"({"identityMap":[{"id":"a"}]})") << 0
            << QStringLiteral("identityMap must be an object, found an array");
        QTest::newRow("namespace not an array")
            << QByteArray(R"({"identityMap":{"email":{"id":"a"}}})") << 0
            << QStringLiteral("identityMap.email must be an array, found an object");
        QTest::newRow("empty namespace name")
            << QByteArray(R"({"identityMap":{"":[{"id":"a"}]}})") << 0
            << QStringLiteral("identityMap has a namespace with an empty name");
        QTest::newRow("identity not an object")
            << QByteArray(R"({"identityMap":{"email":[{"id":"a"},"b@x.io"]}})") << 0
            << QStringLiteral("identityMap.email[1] must be an object, found a string");
        QTest::newRow("id missing")
            << QByteArray(
                   R"({"identityMap":{"crm":[{"id":"1"}],"email":[{"id":"a"},{"primary":true}]}})")
            << 0 << QStringLiteral("identityMap.email[1].id is missing");
        QTest::newRow("id empty") << QByteArray(R"({"identityMap":{"email":[{"id":""}]}})") << 0
                                  << QStringLiteral("identityMap.email[0].id is empty");
        QTest::newRow("id blank") << QByteArray(R"({"identityMap":{"email":[{"id":" \t"}]}})") << 0
                                  << QStringLiteral("identityMap.email[0].id is empty");
        QTest::newRow("id a number")
            << QByteArray(R"({"identityMap":{"crm":[{"id":12}]}})") << 0
            << QStringLiteral("identityMap.crm[0].id must be a string, found a number");
        QTest::newRow("id a boolean")
            << QByteArray(R"({"identityMap":{"crm":[{"id":true}]}})") << 0
            << QStringLiteral("identityMap.crm[0].id must be a string, found a boolean");
        QTest::newRow("id null") << QByteArray(R"({"identityMap":{"crm":[{"id":null}]}})") << 0
                                 << QStringLiteral(
                                        "identityMap.crm[0].id must be a string, found null");
        QTest::newRow("primary a string")
            << QByteArray(R"({"identityMap":{"email":[{"id":"a","primary":"yes"}]}})") << 0
            << QStringLiteral("identityMap.email[0].primary must be true or false, found a string");
        QTest::newRow("segmentMembership")
            << QByteArray(
                   R"({"identityMap":{"email":[{"id":"a"}]},"segmentMembership":{"ups":{}}})")
            << 0 << QStringLiteral("segmentMembership is not accepted");

        // Duplicate keys, in any object: the column of the second one.
        QTest::newRow("duplicate at top level")
            << QByteArray(R"({"identityMap":{"email":[{"id":"a"}]},"n":1,"n":2})") << 45
            << QStringLiteral(R"(duplicate key "n" at the top level)");
        QTest::newRow("duplicate namespace")
            << QByteArray(R"({"identityMap":{"email":[{"id":"a"}],"email":[{"id":"b"}]}})") << 38
            << QStringLiteral(R"(duplicate key "email" in identityMap)");
        QTest::newRow("duplicate id")
            << QByteArray(R"({"identityMap":{"email":[{"id":"a","id":"b"}]}})") << 36
            << QStringLiteral(R"(duplicate key "id" in identityMap.email[0])");
        QTest::newRow("duplicate spelled with an escape")
            << QByteArray(
                   R"({"identityMap":{"email":[{"id":"a"}]},"person":{"name":{"first":"A","fir\u0073t":"B"}}})")
            << 69 << QStringLiteral(R"(duplicate key "first" in person.name)");
        QTest::newRow("duplicate spelled with an escaped slash")
            << QByteArray(R"({"identityMap":{"email":[{"id":"a"}]},"a/b":1,"a\/b":2})") << 47
            << QStringLiteral(R"(duplicate key "a/b" at the top level)");
        QTest::newRow("duplicate spelled with a surrogate pair")
            << QByteArray(R"({"identityMap":{"email":[{"id":"a"}]},"😀":1,"\ud83d\ude00":2})") << 45
            << QStringLiteral(R"(duplicate key "😀" at the top level)");
        QTest::newRow("duplicate in an array element")
            << QByteArray(
                   R"({"identityMap":{"email":[{"id":"a"}]},"items":[{"k":1},{"k":1,"k":2}]})")
            << 63 << QStringLiteral(R"(duplicate key "k" in items[1])");
        QTest::newRow("duplicate after wide characters")
            << QByteArray(R"({"é":"😀€","identityMap":{"email":[{"id":"a"}]},"é":1})") << 48
            << QStringLiteral(R"(duplicate key "é" at the top level)");
        QTest::newRow("duplicate in a large object")
            << QByteArray(bigLine(100) + R"(,"k57":0})") << 924
            << QStringLiteral(R"(duplicate key "k57" at the top level)");

        // Invalid UTF-8: the column of the first bad byte.
        QTest::newRow("bad byte in a string")
            << QByteArray("{\"identityMap\":{\"email\":[{\"id\":\"a\"}]},\"n\":\"\xC3\x28\"}") << 44
            << QStringLiteral("invalid UTF-8 (byte 0xC3)");
        QTest::newRow("bad byte outside strings")
            << QByteArray("\xFF{}") << 1 << QStringLiteral("invalid UTF-8 (byte 0xFF)");
        QTest::newRow("overlong") << QByteArray("{\"n\":\"\xC0\xAF\"}") << 7
                                  << QStringLiteral("invalid UTF-8 (byte 0xC0)");
        QTest::newRow("surrogate") << QByteArray("{\"n\":\"\xED\xA0\x80\"}") << 7
                                   << QStringLiteral("invalid UTF-8 (byte 0xED)");
        QTest::newRow("truncated at the end")
            << QByteArray("{\"n\":\"\xE2\x82") << 7 << QStringLiteral("invalid UTF-8 (byte 0xE2)");
        QTest::newRow("bad byte after wide characters")
            << QByteArray("{\"n\":\"é€😀\xFE\"}") << 10
            << QStringLiteral("invalid UTF-8 (byte 0xFE)");
        QTest::newRow("bad byte after a backslash")
            << QByteArray("{\"n\":\"\\\xFF\"}") << 8 << QStringLiteral("invalid UTF-8 (byte 0xFF)");
    }

    // Each bad line between two good ones: one error naming line 2 (and the
    // column), and the good lines around it still come out.
    void badLine()
    {
        QFETCH(QByteArray, line);
        QFETCH(int, column);
        QFETCH(QString, expected);

        const QList<ReadRecord> records = readAll(goodLine + '\n' + line + '\n' + goodLine + '\n');
        QCOMPARE(records.size(), 3);
        QVERIFY(records.at(0).fragment);
        QCOMPARE(records.at(0).line, 1);
        const ReadRecord &bad = records.at(1);
        QCOMPARE(bad.line, 2);
        QVERIFY(!bad.fragment);
        const QString where = column > 0 ? QStringLiteral("line 2, column %1: ").arg(column)
                                         : QStringLiteral("line 2: ");
        QVERIFY2(bad.error.startsWith(where), qPrintable(bad.error));
        QVERIFY2(bad.error.contains(expected), qPrintable(bad.error));
        QVERIFY2(!bad.error.contains(QLatin1String("...")), qPrintable(bad.error));
        QVERIFY(records.at(2).fragment);
        QCOMPARE(records.at(2).line, 3);
    }

    void goodLineBecomesAFragment()
    {
        const QByteArray line =
            R"({"person":{"name":"A"},"identityMap":{"email":[)"
            R"({"id":"a@x.io","primary":true},{"id":"b@x.io","authenticatedState":"x"}],)"
            R"("crmId":[{"id":"c1","primary":false}]},"n":1})";
        const QList<ReadRecord> records = readAll(line);
        QCOMPARE(records.size(), 1);
        QVERIFY2(records.at(0).fragment, qPrintable(records.at(0).error));
        const Fragment &fragment = *records.at(0).fragment;
        QCOMPARE(fragment.line, 1);
        // Document order: email before crmId, though QJsonObject sorts crmId first.
        const QList<Identity> expected{{QStringLiteral("email"), QStringLiteral("a@x.io"), true},
                                       {QStringLiteral("email"), QStringLiteral("b@x.io"), false},
                                       {QStringLiteral("crmId"), QStringLiteral("c1"), false}};
        QCOMPARE(fragment.identities, expected);
        QCOMPARE(fragment.identities.at(0).primary, true);
        QCOMPARE(fragment.identities.at(1).primary, false);
        QCOMPARE(fragment.attributes,
                 (QJsonObject{{QStringLiteral("person"),
                               QJsonObject{{QStringLiteral("name"), QStringLiteral("A")}}},
                              {QStringLiteral("n"), 1}}));
    }

    void escapedNamespaceKeepsItsOrder()
    {
        const QList<ReadRecord> records =
            readAll(R"({"identityMap":{"z":[{"id":"1"}],"\u00e9":[{"id":"2"}],"a":[{"id":"3"}]}})");
        QCOMPARE(records.size(), 1);
        QVERIFY2(records.at(0).fragment, qPrintable(records.at(0).error));
        const QList<Identity> &identities = records.at(0).fragment->identities;
        QCOMPARE(identities.size(), 3);
        QCOMPARE(identities.at(0).ns, QStringLiteral("z"));
        QCOMPARE(identities.at(1).ns, QStringLiteral("é"));
        QCOMPARE(identities.at(2).ns, QStringLiteral("a"));
    }

    void crlfBomAndBlankLines()
    {
        const QByteArray input =
            "\xEF\xBB\xBF" + goodLine + "\r\n\r\n  \t \r\n" + goodLine + "\n\n";
        bool sawAnyLine = false;
        const QList<ReadRecord> records = readAll(input, NdjsonReader::DefaultChunkBytes,
                                                  NdjsonReader::DefaultMaxLineBytes, &sawAnyLine);
        QCOMPARE(records.size(), 2);
        QVERIFY(records.at(0).fragment);
        QCOMPARE(records.at(0).line, 1);
        QVERIFY(records.at(1).fragment);
        QCOMPARE(records.at(1).line, 4);
        QVERIFY(sawAnyLine);
    }

    void bomIsNotCountedInColumns()
    {
        const QList<ReadRecord> records = readAll("\xEF\xBB\xBF{\"n\":\xFF}\r\n");
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.at(0).error,
                 QStringLiteral("line 1, column 6: invalid UTF-8 (byte 0xFF)"));
    }

    void lastLineWithoutNewline()
    {
        const QList<ReadRecord> records = readAll(goodLine + '\n' + goodLine);
        QCOMPARE(records.size(), 2);
        QVERIFY(records.at(1).fragment);
        QCOMPARE(records.at(1).line, 2);
    }

    // Reads split lines, CRLF and the BOM anywhere between two reads.
    void chunkBoundariesDoNotMatter_data()
    {
        QTest::addColumn<qint64>("chunk");
        for (qint64 chunk : {1, 2, 3, 7, 64, 65536})
            QTest::addRow("%lld", chunk) << chunk;
    }

    void chunkBoundariesDoNotMatter()
    {
        QFETCH(qint64, chunk);
        const QByteArray input = "\xEF\xBB\xBF" + goodLine + "\r\n\r\n{\"n\":\xFF}\r\n" + goodLine +
                                 "\n[1]\n" + goodLine;
        const QList<ReadRecord> records = readAll(input, chunk);
        QCOMPARE(records.size(), 5);
        const QList<qint64> lines{1, 3, 4, 5, 6};
        for (qsizetype i = 0; i < records.size(); ++i) {
            QCOMPARE(records.at(i).line, lines.at(i));
            QCOMPARE(bool(records.at(i).fragment), i == 0 || i == 2 || i == 4);
        }
        QCOMPARE(records.at(1).error,
                 QStringLiteral("line 3, column 6: invalid UTF-8 (byte 0xFF)"));
    }

    // A 100 MB line in a file: one error with its number, the good line after
    // it still read, and the reader's buffer never above the limit + 2 chunks.
    void hugeLineIsSkippedWithBoundedMemory()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        QVERIFY(file.write(goodLine + '\n') > 0);
        QVERIFY(file.write("{\"identityMap\":{\"email\":[{\"id\":\"big\"}]},\"blob\":\"") > 0);
        const QByteArray chunk(1024 * 1024, 'x');
        for (int i = 0; i < 100; ++i)
            QCOMPARE(file.write(chunk), chunk.size());
        QVERIFY(file.write("\"}\r\n" + goodLine + '\n') > 0);
        QVERIFY(file.seek(0));

        NdjsonReader reader(&file);
        ReadRecord record;
        QVERIFY(reader.next(record));
        QVERIFY(record.fragment);
        QVERIFY(reader.next(record));
        QCOMPARE(record.line, 2);
        QVERIFY(!record.fragment);
        QCOMPARE(record.error,
                 QStringLiteral("line 2: longer than the limit of 16777216 bytes; skipped"));
        QVERIFY(reader.next(record));
        QVERIFY2(record.fragment, qPrintable(record.error));
        QCOMPARE(record.line, 3);
        QVERIFY(!reader.next(record));
        QVERIFY(reader.largestBufferBytes() >= NdjsonReader::DefaultMaxLineBytes);
        QVERIFY2(reader.largestBufferBytes() <=
                     NdjsonReader::DefaultMaxLineBytes + 2 * NdjsonReader::DefaultChunkBytes,
                 qPrintable(QString::number(reader.largestBufferBytes())));
    }

    void lineLimitIsExact()
    {
        const QByteArray atLimit =
            "{\"identityMap\":{\"email\":[{\"id\":\"a\"}]},\"b\":\"" + QByteArray(50, 'x') + "\"}";
        const qint64 limit = atLimit.size();
        for (qint64 chunk : {1, 5, 4096}) {
            const QList<ReadRecord> records =
                readAll(atLimit + "\r\n" + atLimit + "y\n" + atLimit + "yz\n" + atLimit + "y",
                        chunk, limit);
            QCOMPARE(records.size(), 4);
            QVERIFY2(records.at(0).fragment, qPrintable(records.at(0).error));
            for (qsizetype i = 1; i < 4; ++i) {
                QCOMPARE(records.at(i).line, i + 1);
                QVERIFY2(records.at(i).error.contains(QLatin1String("longer than the limit")),
                         qPrintable(records.at(i).error));
            }
        }
        QBuffer buffer;
        buffer.setData(goodLine + '\n' + QByteArray(100000, ' ') + "x\n" + goodLine);
        buffer.open(QIODevice::ReadOnly);
        NdjsonReader reader(&buffer, 1000);
        reader.setChunkBytes(256);
        ReadRecord record;
        QList<qint64> lines;
        while (reader.next(record))
            lines.append(record.fragment ? record.line : -record.line);
        QCOMPARE(lines, (QList<qint64>{1, -2, 3}));
        QVERIFY2(reader.largestBufferBytes() <= 1000 + 2 * 256,
                 qPrintable(QString::number(reader.largestBufferBytes())));
    }

    // Found by the fuzzer: a blank line over the limit was skipped when read
    // whole but reported when the limit was reached before its end.
    void blankLineOverTheLimitIsTooLongWhateverTheReads()
    {
        const QByteArray input =
            goodLine + '\n' + QByteArray(goodLine.size() + 40, '\t') + "\r\n" + goodLine;
        for (qint64 chunk : {1, 3, 4096}) {
            const QList<ReadRecord> records = readAll(input, chunk, goodLine.size());
            QCOMPARE(records.size(), 3);
            QCOMPARE(records.at(1).line, 2);
            QCOMPARE(records.at(1).error,
                     QStringLiteral("line 2: longer than the limit of %1 bytes; skipped")
                         .arg(goodLine.size()));
            QVERIFY(records.at(2).fragment);
        }
    }

    void emptyInput_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("blank lines") << QByteArray("\n \r\n\t\n");
        QTest::newRow("only a BOM") << QByteArray("\xEF\xBB\xBF");
    }

    void emptyInput()
    {
        QFETCH(QByteArray, input);
        bool sawAnyLine = true;
        QCOMPARE(readAll(input, 2, NdjsonReader::DefaultMaxLineBytes, &sawAnyLine).size(), 0);
        QVERIFY(!sawAnyLine);
    }

    void emptyFile()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        NdjsonReader reader(&file);
        ReadRecord record;
        QVERIFY(!reader.next(record));
        QVERIFY(!reader.sawAnyLine());
    }

    void readErrorIsReported()
    {
        FailingDevice device(goodLine + '\n');
        NdjsonReader reader(&device);
        ReadRecord record;
        QVERIFY(reader.next(record));
        QVERIFY(record.fragment);
        QVERIFY(reader.next(record));
        QCOMPARE(record.line, 2);
        QCOMPARE(record.error,
                 QStringLiteral("line 2: could not read the input: Input/output error"));
        QVERIFY(!reader.next(record));
    }

    void manyKeysStayValid()
    {
        const QList<ReadRecord> records = readAll(bigLine(5000) + '}');
        QCOMPARE(records.size(), 1);
        QVERIFY2(records.at(0).fragment, qPrintable(records.at(0).error));
        QCOMPARE(records.at(0).fragment->attributes.size(), 5000);
    }

    void parseDocument_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QList<qint64>>("lines"); // record lines; negative: an error
        QTest::addColumn<QStringList>("errors");

        const QByteArray a = R"({"identityMap":{"email":[{"id":"a@x.io"}]}})";
        const QByteArray b = R"({"identityMap":{"email":[{"id":"b@x.io"}]}})";
        QTest::newRow("empty") << QByteArray() << QList<qint64>{} << QStringList{};
        QTest::newRow("blank") << QByteArray(" \r\n\n") << QList<qint64>{} << QStringList{};
        QTest::newRow("empty array") << QByteArray("[ ]") << QList<qint64>{} << QStringList{};
        QTest::newRow("object") << a << QList<qint64>{1} << QStringList{};
        QTest::newRow("pretty-printed object")
            << QByteArray("\n{\n  \"identityMap\": {\n    \"email\": [{\"id\": \"a\"}]\n  }\n}\n")
            << QList<qint64>{2} << QStringList{};
        QTest::newRow("pretty-printed object, bad")
            << QByteArray("{\n  \"identityMap\": {\n    \"email\": [{\"id\": 1}]\n  }\n}")
            << QList<qint64>{-1}
            << QStringList{QStringLiteral(
                   "line 1: identityMap.email[0].id must be a string, found a number")};
        QTest::newRow("pretty-printed object, duplicate")
            << QByteArray("{\n  \"identityMap\": {\"email\": [{\"id\": \"a\"}]},\n  \"é\": 1,\n  "
                          "\"é\": 2\n}")
            << QList<qint64>{-1}
            << QStringList{
                   QStringLiteral(R"(line 4, column 3: duplicate key "é" at the top level)")};
        QTest::newRow("pretty-printed object, broken")
            << QByteArray("{\n  \"identityMap\": {\"email\": [{\"id\": \"a\"}]},\n  \"n\": tru\n}")
            << QList<qint64>{-3}
            << QStringList{QStringLiteral("line 3, column 8: invalid JSON: illegal value")};
        QTest::newRow("array") << QByteArray("[" + a + ",\n " + b + "]") << QList<qint64>{1, 2}
                               << QStringList{};
        QTest::newRow("array with bad elements")
            << QByteArray("[" + a + ",\n 7,\n" + R"({"identityMap":{"email":[{}]}},)" + "\n" +
                          R"({"identityMap":{"email":[{"id":"c","id":"d"}]}},)" + b + "]")
            << QList<qint64>{1, -2, -3, -4, 5}
            << QStringList{
                   QStringLiteral("element 2: expected a JSON object, found a number"),
                   QStringLiteral("element 3: identityMap.email[0].id is missing"),
                   QStringLiteral(
                       R"(element 4, line 4, column 36: duplicate key "id" in identityMap.email[0])")};
        QTest::newRow("broken array")
            << QByteArray("[" + a + ",\n" + a + " " + b + "]") << QList<qint64>{-2}
            << QStringList{
                   QStringLiteral("line 2, column 45: invalid JSON: missing value separator")};
        QTest::newRow("array, bad UTF-8")
            << QByteArray("[\n" + a + ",\n{\"\xC3\"}]") << QList<qint64>{-3}
            << QStringList{QStringLiteral("line 3, column 3: invalid UTF-8 (byte 0xC3)")};
        QTest::newRow("ndjson") << QByteArray("\xEF\xBB\xBF" + a + "\r\n\r\n" + b + "\r\n")
                                << QList<qint64>{1, 3} << QStringList{};
        QTest::newRow("ndjson, bad first line")
            << QByteArray("{broken\n" + a + "\n42\n" + b) << QList<qint64>{-1, 2, -3, 4}
            << QStringList{QStringLiteral("line 1, column 2: invalid JSON: unterminated object"),
                           QStringLiteral("line 3: expected a JSON object, found a number")};
        QTest::newRow("scalar") << QByteArray(" \"text\"\n") << QList<qint64>{-1}
                                << QStringList{QStringLiteral(
                                       "line 1: expected a JSON object, found a string")};
    }

    void parseDocument()
    {
        QFETCH(QByteArray, body);
        QFETCH(QList<qint64>, lines);
        QFETCH(QStringList, errors);

        const QList<ReadRecord> records = NdjsonReader::parseDocument(body);
        QList<qint64> actualLines;
        QStringList actualErrors;
        for (const ReadRecord &record : records) {
            actualLines.append(record.fragment ? record.line : -record.line);
            if (record.fragment)
                QCOMPARE(record.fragment->line, record.line);
            else
                actualErrors.append(record.error);
        }
        QCOMPARE(actualLines, lines);
        QCOMPARE(actualErrors, errors);
    }

    void parseDocumentKeepsIdentityOrderPerElement()
    {
        const QList<ReadRecord> records = NdjsonReader::parseDocument(
            R"([{"identityMap":{"z":[{"id":"1"}],"a":[{"id":"2"}]}},)"
            R"({"identityMap":{"y":[{"id":"3"}],"b":[{"id":"4","primary":true}]},"n":1}])");
        QCOMPARE(records.size(), 2);
        QVERIFY(records.at(0).fragment && records.at(1).fragment);
        QCOMPARE(records.at(0).fragment->identities,
                 (QList<Identity>{{QStringLiteral("z"), QStringLiteral("1")},
                                  {QStringLiteral("a"), QStringLiteral("2")}}));
        QCOMPARE(records.at(1).fragment->identities,
                 (QList<Identity>{{QStringLiteral("y"), QStringLiteral("3")},
                                  {QStringLiteral("b"), QStringLiteral("4")}}));
        QCOMPARE(records.at(1).fragment->identities.at(1).primary, true);
        QCOMPARE(records.at(1).fragment->attributes, (QJsonObject{{QStringLiteral("n"), 1}}));
    }
};

QTEST_GUILESS_MAIN(TestNdjsonReader)
#include "tst_ndjsonreader.moc"
