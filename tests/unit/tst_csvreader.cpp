// CsvReader: RFC 4180 syntax, strict errors with their line and column, the
// header row, bounded records, and results that do not depend on how the
// input is split into reads.
#include "app/translations.h"
#include "ingest/csvreader.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QTemporaryFile>
#include <QTest>

using outflow::CsvReader;
using outflow::CsvRecord;

// No raw string literals here: moc (6.4) loses its way in those holding an
// odd number of quotes, and CSV is full of quotes.

namespace {

struct Result
{
    QStringList header;
    QStringList records; // "LINE FIELD|FIELD…" or "LINE ! ERROR"
    qint64 bytesRead = 0;
};

QString describe(const CsvRecord &record)
{
    const QString line = QString::number(record.line) + u' ';
    if (record.isValid())
        return line + record.fields.join(u'|');
    return line + QLatin1String("! ") + record.error;
}

Result readAll(QIODevice *device, qint64 chunkBytes, qint64 maxRecordBytes)
{
    CsvReader reader(device, maxRecordBytes);
    reader.setChunkBytes(chunkBytes);
    Result result;
    CsvRecord record;
    qint64 progress = 0;
    while (reader.next(record)) {
        result.records << describe(record);
        if (!record.isValid() && !record.fields.isEmpty())
            result.records << QStringLiteral("an error record has fields");
        if (reader.bytesRead() < progress)
            result.records << QStringLiteral("bytesRead went back");
        progress = reader.bytesRead();
    }
    result.header = reader.header();
    if (reader.hasHeader() == result.header.isEmpty())
        result.records << QStringLiteral("hasHeader() disagrees with header()");
    result.bytesRead = reader.bytesRead();
    return result;
}

Result readAll(const QByteArray &data, qint64 chunkBytes, qint64 maxRecordBytes)
{
    QBuffer buffer;
    buffer.setData(data);
    buffer.open(QIODevice::ReadOnly);
    return readAll(&buffer, chunkBytes, maxRecordBytes);
}

QStringList utf8(std::initializer_list<const char *> texts)
{
    QStringList list;
    for (const char *text : texts)
        list << QString::fromUtf8(text);
    return list;
}

QString strayQuote(int line, int column)
{
    return QStringLiteral("line %1, column %2: quote inside an unquoted field (quote the whole "
                          "field and double the quotes in it)")
        .arg(line)
        .arg(column);
}

QString textAfterQuote(int line, int column)
{
    return QStringLiteral("line %1, column %2: text after a closing quote (quote the whole field "
                          "and double the quotes in it)")
        .arg(line)
        .arg(column);
}

QString unterminated(int line, int column)
{
    return QStringLiteral("line %1, column %2: quoted field not closed: the file ends inside it")
        .arg(line)
        .arg(column);
}

const QStringList idName{QStringLiteral("id"), QStringLiteral("name")};
const char *const Empty = "0 ! the file is empty: a header row naming the columns is expected";
const char *const HeaderOnly = "0 ! the file has a header row but no records";

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

} // namespace

class TestCsvReader final : public QObject
{
    Q_OBJECT

private slots:
    // The English catalogue holds the plural forms ("1 field", "2 fields").
    void initTestCase() { QVERIFY(outflow::i18n::install(*qApp, QStringLiteral("en"))); }

    void read_data();
    void read()
    {
        QFETCH(QByteArray, input);
        QFETCH(qint64, maxRecordBytes);
        QFETCH(QStringList, header);
        QFETCH(QStringList, expected);

        // Every split of the input into reads gives the same records: CRLF,
        // "" escapes, multibyte characters and the BOM cut across reads.
        for (const qint64 chunk : {qint64(1), qint64(2), qint64(3), qint64(4), qint64(7),
                                   CsvReader::DefaultChunkBytes}) {
            const Result result = readAll(input, chunk, maxRecordBytes);
            if (result.records != expected || result.header != header)
                qWarning("read in chunks of %lld bytes", static_cast<long long>(chunk));
            QCOMPARE(result.records, expected);
            QCOMPARE(result.header, header);
            // All of it is read, unless a bad header row stopped the reading.
            if (!header.isEmpty())
                QCOMPARE(result.bytesRead, qint64(input.size()));
            QVERIFY(result.bytesRead <= input.size());
        }
    }

    void columnIndex()
    {
        QBuffer buffer;
        buffer.setData("Id,E-mail, Name ,name,Phone\n1,a,b,c,d\n");
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(&buffer);
        QCOMPARE(reader.columnIndex(QStringLiteral("Id")), -1); // no header read yet
        CsvRecord record;
        QVERIFY(reader.next(record));
        QVERIFY(record.isValid());
        QCOMPARE(reader.columnIndex(QStringLiteral("Id")), 0);
        QCOMPARE(reader.columnIndex(QStringLiteral("name")), 3); // exact beats the fallback
        QCOMPARE(reader.columnIndex(QStringLiteral(" Name ")), 2);
        QCOMPARE(reader.columnIndex(QStringLiteral("id")), 0);        // case
        QCOMPARE(reader.columnIndex(QStringLiteral(" e-mail  ")), 1); // case and spaces
        QCOMPARE(reader.columnIndex(QStringLiteral("NAME")), -1);     // two candidates
        QCOMPARE(reader.columnIndex(QStringLiteral("phone")), 4);
        QCOMPARE(reader.columnIndex(QStringLiteral("email")), -1);
        QCOMPARE(reader.columnIndex(QString()), -1);
    }

    void progressOfAFile()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        const QByteArray data("id,name\n1,a\n2,b\n");
        QCOMPARE(file.write(data), qint64(data.size()));
        QVERIFY(file.seek(0));
        CsvReader reader(&file);
        reader.setChunkBytes(4);
        QCOMPARE(reader.totalBytes(), qint64(data.size()));
        QCOMPARE(reader.bytesRead(), qint64(0));
        CsvRecord record;
        QVERIFY(reader.next(record));
        QCOMPARE(reader.bytesRead(), qint64(strlen("id,name\n1,a\n")));
        QVERIFY(reader.next(record));
        QVERIFY(!reader.next(record));
        QCOMPARE(reader.bytesRead(), qint64(data.size()));
    }

    void readFailure()
    {
        FailingDevice device("id,name\n1,a\n2,\"b");
        QCOMPARE(CsvReader(&device).totalBytes(), qint64(-1)); // a pipe's size is unknown
        const Result result = readAll(&device, 5, CsvReader::DefaultMaxRecordBytes);
        QCOMPARE(result.records, QStringList({QStringLiteral("2 1|a"),
                                              QStringLiteral("3 ! line 3: cannot read the input: "
                                                             "Input/output error")}));
    }

    void fiftyThousandRows();
};

void TestCsvReader::read_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qint64>("maxRecordBytes");
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<QStringList>("expected");
    auto row = [&](const char *name, const QByteArray &input, const QStringList &header,
                   const QStringList &expected, qint64 limit = CsvReader::DefaultMaxRecordBytes) {
        QTest::newRow(name) << input << limit << header << expected;
    };

    // Syntax.
    row("simple", "id,name\n1,a\n2,b\n", idName, utf8({"2 1|a", "3 2|b"}));
    row("quoted commas", "id,name\n1,\"a,b\"\n2,\"c\"\n", idName, utf8({"2 1|a,b", "3 2|c"}));
    row("quoted LF", "id,name\n1,\"a\nb\"\n2,c\n", idName, utf8({"2 1|a\nb", "4 2|c"}));
    row("quoted CRLF", "id,name\r\n1,\"a\r\nb\r\nc\"\r\n2,d\r\n", idName,
        utf8({"2 1|a\r\nb\r\nc", "5 2|d"}));
    row("quoted bare CR", "id,name\n1,\"a\rb\"\n2,c\n", idName, utf8({"2 1|a\rb", "4 2|c"}));
    row("quoted LF LF", "id,name\n1,\"\n\n\"\n2,c\n", idName, utf8({"2 1|\n\n", "5 2|c"}));
    row("quoted newline in the header", "\"first\nname\",id\nx,1\n",
        {QStringLiteral("first\nname"), QStringLiteral("id")}, utf8({"3 x|1"}));
    row("doubled quotes", "id,name\n1,\"say \"\"hi\"\"\"\n2,\"\"\"\"\n3,\"\"\n", idName,
        utf8({"2 1|say \"hi\"", "3 2|\"", "4 3|"}));
    row("BOM", "\xEF\xBB\xBFid,name\n1,a\n", idName, utf8({"2 1|a"}));
    row("BOM, quoted header", "\xEF\xBB\xBF\"id\",name\n1,a\n", idName, utf8({"2 1|a"}));
    row("BOM later is data", "id,name\n\xEF\xBB\xBF\x31,a\n", idName,
        utf8({"2 \xEF\xBB\xBF\x31|a"}));
    row("CRLF", "id,name\r\n1,a\r\n2,b\r\n", idName, utf8({"2 1|a", "3 2|b"}));
    row("bare CR", "id,name\r1,a\r2,b", idName, utf8({"2 1|a", "3 2|b"}));
    row("no final newline", "id,name\n1,a", idName, utf8({"2 1|a"}));
    row("no final newline, quoted", "id,name\n1,\"a\"", idName, utf8({"2 1|a"}));
    row("blank lines", "id,name\n\n1,a\n\r\n\n2,b\n\n", idName, utf8({"3 1|a", "6 2|b"}));
    row("blank lines first", "\n\r\nid,name\n1,a\n", idName, utf8({"4 1|a"}));
    row("spaces kept", "id,name\n 1 , a b \n", idName, utf8({"2  1 | a b "}));
    row("empty fields", "id,name\n,\n1,\n", idName, utf8({"2 |", "3 1|"}));
    row("quoted empty field", "id\n\"\"\n", {QStringLiteral("id")}, utf8({"2 "}));
    row("multibyte", "id,name\n1,é€😀\n", idName, utf8({"2 1|é€😀"}));

    // Errors, each for its record only.
    row("too few and too many fields", "id,name\n1\n2,b,c\n3,c\n", idName,
        utf8({"2 ! line 2: expected 2 fields, found 1", "3 ! line 3: expected 2 fields, found 3",
              "4 3|c"}));
    row("trailing separator", "id\n1,\n2\n", {QStringLiteral("id")},
        utf8({"2 ! line 2: expected 1 field, found 2", "3 2"}));
    row("stray quote", "id,name\n1,a\"b\n2,c\n", idName,
        {QStringLiteral("2 ! ") + strayQuote(2, 2), QStringLiteral("3 2|c")});
    row("stray quote, quoted field after it", "id,name,x\na\"b,\"c\nd\",e\n2,c,d\n",
        {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("x")},
        {QStringLiteral("2 ! ") + strayQuote(2, 1), QStringLiteral("4 2|c|d")});
    row("stray quote on the record's second line", "id,name\n\"x\ny\",a\"b\n3,c\n", idName,
        {QStringLiteral("2 ! ") + strayQuote(3, 2), QStringLiteral("4 3|c")});
    row("text after a closing quote", "id,name\n1,\"a\"b\n2,c\n", idName,
        {QStringLiteral("2 ! ") + textAfterQuote(2, 2), QStringLiteral("3 2|c")});
    row("space after a closing quote", "id,name\n\"1\" ,a\n", idName,
        {QStringLiteral("2 ! ") + textAfterQuote(2, 1)});
    row("unterminated quote", "id,name\n1,a\n2,\"b\n3,c\n", idName,
        {QStringLiteral("2 1|a"), QStringLiteral("3 ! ") + unterminated(3, 2)});
    row("unterminated quote on the record's second line", "id,name\n\"x\ny\",\"b\nc\n", idName,
        {QStringLiteral("2 ! ") + unterminated(3, 2)});
    row("invalid UTF-8", "id,name\n1,a\xff\n2,b\n", idName,
        utf8({"2 ! line 2, column 2: invalid UTF-8", "3 2|b"}));
    row("overlong UTF-8", "id,name\n\xc0\xaf,a\n", idName,
        utf8({"2 ! line 2, column 1: invalid UTF-8"}));
    row("UTF-16 surrogate", "id,name\n1,\xed\xa0\x80\n", idName,
        utf8({"2 ! line 2, column 2: invalid UTF-8"}));
    row("UTF-8 sequence cut by a separator", "id,name\n\xc3,\xa9\n", idName,
        utf8({"2 ! line 2, column 1: invalid UTF-8"}));
    row("UTF-8 sequence cut by the end", "id,name\n1,\xe2\x82", idName,
        utf8({"2 ! line 2, column 2: invalid UTF-8"}));

    // The record size limit (16 bytes here), line break excluded.
    row("at the limit", "id,name\n1,aaaaaaaaaaaaaa\r\n2,\"aaaaaaaaaaa\"\n", idName,
        utf8({"2 1|aaaaaaaaaaaaaa", "3 2|aaaaaaaaaaa"}), 16);
    row("over the limit, then in sync", "id,name\n1,aaaaaaaaaaaaaaa\n2,b\n", idName,
        utf8({"2 ! line 2: the record is longer than 16 bytes", "3 2|b"}), 16);
    row("over the limit with a quoted newline", "id,name\n1,\"aa,\naaaaaaaaaaaaaaaaaa\"\n2,b\n",
        idName, utf8({"2 ! line 2: the record is longer than 16 bytes", "4 2|b"}), 16);
    row("over the limit, unterminated", "id,name\n1,\"aaaaaaaaaaaaaaaaaaaaaa\n", idName,
        {QStringLiteral("2 ! ") + unterminated(2, 2)}, 16);
    row("header over the limit", "id,name\n1,a\n", {},
        utf8({"1 ! line 1: invalid header row: the record is longer than 4 bytes"}), 4);

    // The header row and the file as a whole.
    row("empty file", "", {}, utf8({Empty}));
    row("BOM only", "\xEF\xBB\xBF", {}, utf8({Empty}));
    row("blank lines only", "\n\r\n\r\n", {}, utf8({Empty}));
    row("header only", "id,name\n", idName, utf8({HeaderOnly}));
    row("header only, no newline", "id,name", idName, utf8({HeaderOnly}));
    row("header only, blank lines", "id,name\n\n\r\n", idName, utf8({HeaderOnly}));
    row("bad records only", "id,name\n1\n", idName,
        utf8({"2 ! line 2: expected 2 fields, found 1"}));
    row("duplicate column name", "id,name,id\n1,2,3\n", {},
        utf8({"1 ! line 1, column 3: invalid header row: duplicate column name \"id\" "
              "(also column 1)"}));
    row("empty column name", "id,,name\n1,2,3\n", {},
        utf8({"1 ! line 1, column 2: invalid header row: empty column name"}));
    row("blank column name", "id,\" \"\n1,2\n", {},
        utf8({"1 ! line 1, column 2: invalid header row: empty column name"}));
    row("header with a stray quote", "id,na\"me\n1,a\n", {},
        {QStringLiteral("1 ! line 1, column 2: invalid header row: quote inside an unquoted "
                        "field (quote the whole field and double the quotes in it)")});
    row("header not UTF-8", "\n\nid,n\xff\n1,a\n", {},
        utf8({"3 ! line 3, column 2: invalid header row: invalid UTF-8"}));
}

// A large file with a BOM, quoted fields holding commas, LF and CRLF, and two
// bad records whose lines are known: exactly those two are reported, at those
// lines, and every other record is read whole.
void TestCsvReader::fiftyThousandRows()
{
    constexpr int Rows = 50000;
    QByteArray data("\xEF\xBB\xBF");
    data.append("id,email,note\r\n");
    qint64 line = 2;
    QList<qint64> badLines;
    for (int i = 1; i <= Rows; ++i) {
        const QByteArray n = QByteArray::number(i);
        QByteArray row;
        if (i == 12345) { // one field short
            row.append(n).append(",user").append(n).append("@example.com");
            badLines << line;
        } else if (i == 40000) { // a stray quote in the note
            row.append(n).append(",user").append(n).append("@example.com,say \"hi\"");
            badLines << line;
        } else {
            row.append(n).append(",user").append(n).append("@example.com,");
            if (i % 10 == 0)
                row.append("\"first, line\nsecond \"\"line\"\"\"");
            else if (i % 25 == 1)
                row.append("\"crlf\r\ninside\"");
            else
                row.append("plain note");
        }
        line += 1 + row.count('\n');
        data.append(row).append(i % 2 ? "\r\n" : "\n");
    }
    QTemporaryFile file;
    QVERIFY(file.open());
    QCOMPARE(file.write(data), qint64(data.size()));
    QVERIFY(file.seek(0));

    CsvReader reader(&file);
    QCOMPARE(reader.totalBytes(), qint64(data.size()));
    qint64 good = 0;
    QList<qint64> errorLines;
    QStringList errors;
    CsvRecord record;
    CsvRecord tenth;
    CsvRecord last;
    while (reader.next(record)) {
        if (!record.isValid()) {
            errorLines << record.line;
            errors << record.error;
            continue;
        }
        ++good;
        if (record.fields.value(0) == QLatin1String("10"))
            tenth = record;
        last = record;
    }
    QCOMPARE(reader.header(),
             QStringList({QStringLiteral("id"), QStringLiteral("email"), QStringLiteral("note")}));
    QCOMPARE(good, qint64(Rows - 2));
    QCOMPARE(errorLines, badLines);
    QVERIFY2(errors.value(0).startsWith(
                 QStringLiteral("line %1: expected 3 fields, found 2").arg(badLines.value(0))),
             qPrintable(errors.value(0)));
    QCOMPARE(errors.value(1), strayQuote(int(badLines.value(1)), 3));
    QCOMPARE(tenth.line, qint64(12)); // row 1 takes lines 2 and 3 (CRLF inside quotes)
    QCOMPARE(tenth.fields, QStringList({QStringLiteral("10"), QStringLiteral("user10@example.com"),
                                        QStringLiteral("first, line\nsecond \"line\"")}));
    QCOMPARE(last.line, line - 2); // row 50000 (a multiple of 10) takes two lines
    QCOMPARE(last.fields.value(0), QStringLiteral("50000"));
    QCOMPARE(reader.bytesRead(), qint64(data.size()));
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
