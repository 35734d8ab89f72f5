// libFuzzer target for the NDJSON reader (tests/fuzz/run-fuzzers.sh).
//
// Besides crashes, leaks and undefined behaviour (ASan, UBSan), it checks what
// must hold for any input, and aborts when it does not:
//  - records come in increasing line order; each is a fragment (with at least
//    one identity, its line, no identityMap left in its attributes) or an
//    error naming its line;
//  - the reader's buffer stays within maxLineBytes + 2 read chunks;
//  - how the input is split into reads does not change the records.
// The first byte also picks the line limit and the read chunk, so that
// over-long lines and chunk boundaries are explored with small inputs.
#include "ingest/ndjsonreader.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <QBuffer>
#include <QJsonObject>

using outflow::NdjsonReader;
using outflow::ReadRecord;

namespace {

[[noreturn]] void fail(const char *what, const ReadRecord &record)
{
    std::fprintf(stderr, "invariant broken: %s (line %lld: %s)\n", what,
                 static_cast<long long>(record.line), qPrintable(record.error));
    std::abort();
}

void checkRecord(const ReadRecord &record, const QLatin1StringView prefix)
{
    if (record.fragment.has_value() == !record.error.isEmpty())
        fail("a record is a fragment or an error, never both or neither", record);
    if (record.fragment) {
        if (record.fragment->identities.isEmpty())
            fail("a fragment has an identity", record);
        if (record.fragment->line != record.line)
            fail("a fragment knows its line", record);
        if (record.fragment->attributes.contains(QLatin1StringView("identityMap")))
            fail("identityMap is not an attribute", record);
    } else if (!record.error.startsWith(prefix) &&
               !record.error.startsWith(QLatin1String("line "))) {
        fail("an error names its line or element", record);
    }
}

QList<ReadRecord> readAll(const QByteArray &bytes, qint64 maxLineBytes, qint64 chunkBytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    NdjsonReader reader(&buffer, maxLineBytes);
    reader.setChunkBytes(chunkBytes);
    QList<ReadRecord> records;
    ReadRecord record;
    while (reader.next(record)) {
        checkRecord(record, QLatin1StringView("line "));
        if (!records.isEmpty() && record.line <= records.constLast().line)
            fail("records come in line order", record);
        records.append(record);
    }
    if (reader.largestBufferBytes() > maxLineBytes + 2 * chunkBytes)
        fail("the buffer stays bounded", record);
    if (reader.sawAnyLine() == false && !records.isEmpty())
        fail("records only come from lines", record);
    return records;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const unsigned knob = size > 0 ? data[0] : 0;
    const qint64 maxLineBytes = 8 + (knob & 0x0F) * 64; // 8 … 968
    const qint64 chunkBytes = 1 + (knob >> 4) * 9;      // 1 … 136

    const QList<ReadRecord> small = readAll(bytes, maxLineBytes, chunkBytes);
    const QList<ReadRecord> large = readAll(bytes, maxLineBytes, NdjsonReader::DefaultChunkBytes);
    if (small.size() != large.size())
        fail("the read chunk does not change the number of records", ReadRecord{});
    for (qsizetype i = 0; i < small.size(); ++i) {
        if (small.at(i).line != large.at(i).line || small.at(i).error != large.at(i).error ||
            small.at(i).fragment.has_value() != large.at(i).fragment.has_value()) {
            fail("the read chunk does not change the records", small.at(i));
        }
    }

    for (const ReadRecord &record : NdjsonReader::parseDocument(bytes))
        checkRecord(record, QLatin1StringView("element "));
    return 0;
}
