// libFuzzer target for the CSV reader (tests/fuzz/run-fuzzers.sh).
//
// Besides crashes, leaks and undefined behaviour (ASan, UBSan), it checks what
// must hold for any input, and aborts when it does not:
//  - a record is good, with one field per header column, or an error naming
//    its line (or the file), without fields;
//  - records come in increasing line order; a file-level error (line 0) is the
//    last record, and a missing or invalid header is the only one;
//  - the whole input is consumed (unless the header row is bad);
//  - how the input is split into reads does not change the records;
//  - writing the header and the good records back as CSV (every field
//    quoted) and reading that gives the same fields.
// The first byte also picks the record limit and the read chunk, so that
// over-long records and chunk boundaries are explored with small inputs.
#include "ingest/csvreader.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <QBuffer>

using outflow::CsvReader;
using outflow::CsvRecord;

namespace {

[[noreturn]] void fail(const char *what, const CsvRecord &record)
{
    std::fprintf(stderr, "invariant broken: %s (line %lld: %s)\n", what,
                 static_cast<long long>(record.line), qPrintable(record.error));
    std::abort();
}

struct Result
{
    QStringList header;
    QList<CsvRecord> records;
};

Result readAll(const QByteArray &bytes, qint64 maxRecordBytes, qint64 chunkBytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer, maxRecordBytes);
    reader.setChunkBytes(chunkBytes);
    Result result;
    CsvRecord record;
    while (reader.next(record)) {
        if (!result.records.isEmpty() && result.records.constLast().line == 0)
            fail("a file-level error is the last record", record);
        if (record.isValid()) {
            if (!reader.hasHeader() || record.fields.size() != reader.header().size())
                fail("a good record has one field per column", record);
        } else if (!record.fields.isEmpty()) {
            fail("an error record has no fields", record);
        } else if (record.line == 0 ? !record.error.startsWith(QLatin1String("the file "))
                                    : !record.error.startsWith(QLatin1String("line "))) {
            fail("an error names its line or the file", record);
        }
        if (record.line < 0 || (record.line > 0 && !result.records.isEmpty() &&
                                record.line <= result.records.constLast().line)) {
            fail("records come in line order", record);
        }
        if (!reader.hasHeader() && !result.records.isEmpty())
            fail("without a header, one record only", record);
        result.records.append(record);
    }
    // A bad header row stops the reading; otherwise all of it is read.
    if (reader.hasHeader() ? reader.bytesRead() != bytes.size() : reader.bytesRead() > bytes.size())
        fail("the whole input is consumed", record);
    if (result.records.isEmpty())
        fail("an input gives at least one record", record);
    result.header = reader.header();
    return result;
}

QByteArray quoted(const QStringList &fields)
{
    QByteArray line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line.append(',');
        line.append('"').append(fields.at(i).toUtf8().replace("\"", "\"\"")).append('"');
    }
    return line.append("\r\n");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const unsigned knob = size > 0 ? data[0] : 0;
    const qint64 maxRecordBytes = 8 + (knob & 0x0F) * 64; // 8 … 968
    const qint64 chunkBytes = 1 + (knob >> 4) * 9;        // 1 … 136

    const Result small = readAll(bytes, maxRecordBytes, chunkBytes);
    const Result large = readAll(bytes, maxRecordBytes, CsvReader::DefaultChunkBytes);
    if (small.header != large.header || small.records.size() != large.records.size())
        fail("the read chunk does not change the header or the number of records", CsvRecord{});
    QByteArray written = quoted(large.header);
    QList<QStringList> good;
    for (qsizetype i = 0; i < small.records.size(); ++i) {
        const CsvRecord &a = small.records.at(i);
        const CsvRecord &b = large.records.at(i);
        if (a.line != b.line || a.fields != b.fields || a.error != b.error)
            fail("the read chunk does not change the records", a);
        if (b.isValid()) {
            good.append(b.fields);
            written.append(quoted(b.fields));
        }
    }

    if (good.isEmpty())
        return 0;
    const Result again = readAll(written, CsvReader::DefaultMaxRecordBytes, 7);
    if (again.header != large.header || again.records.size() != good.size())
        fail("written back, the good records read the same", CsvRecord{});
    for (qsizetype i = 0; i < good.size(); ++i) {
        if (again.records.at(i).fields != good.at(i))
            fail("written back, a good record reads the same", again.records.at(i));
    }
    return 0;
}
