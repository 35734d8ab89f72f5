#pragma once

#include "fragmentparser.h"

#include <functional>
#include <memory>
#include <QList>

class QIODevice;

namespace outflow {

// Reads fragments (DESIGN §1), one JSON object a line, from a device: a file,
// stdin, or a request body in a QBuffer. Streams: it never holds more than the
// current line plus one read chunk, and a line over maxLineBytes() is reported
// and skipped in chunks without being buffered, so a 100 MB line costs the
// same memory as a 16 MB one.
//
// Each non-blank line yields one ReadRecord (fragmentparser.h), in order: a
// Fragment, or an error naming the line (and column where there is one) and
// the field. A bad line never stops the reading. Blank lines are skipped (a
// line over the limit is an error even when blank); LF and CRLF endings
// are accepted, as is a UTF-8 BOM at the start of the stream (columns then
// count from after it). Strict: invalid UTF-8, duplicate keys in any object,
// an identity without a non-empty string id, a non-boolean `primary` and an
// ingested `segmentMembership` are errors (see FragmentParser).
//
// The device must be open and blocking (QFile, QBuffer, stdin): a read that
// returns no data is taken as the end of the input.
class NdjsonReader
{
public:
    static constexpr qint64 DefaultMaxLineBytes = 16 * 1024 * 1024;
    static constexpr qint64 DefaultChunkBytes = 64 * 1024;
    static constexpr qint64 MaxMaxLineBytes = qint64(1) << 40; // larger limits are clamped

    explicit NdjsonReader(QIODevice *device, qint64 maxLineBytes = DefaultMaxLineBytes);
    ~NdjsonReader();
    NdjsonReader(const NdjsonReader &) = delete;
    NdjsonReader &operator=(const NdjsonReader &) = delete;

    // The next record; false at the end of the input (or after a read error,
    // itself reported as a last error record).
    bool next(ReadRecord &out);

    // False until a non-blank line was seen: at the end, false means the input
    // was empty (or blank), which callers report on its own ("the file is empty").
    bool sawAnyLine() const { return m_sawAnyLine; }
    QIODevice *device() const { return m_device; }

    qint64 maxLineBytes() const { return m_maxLineBytes; }
    // Called before a read that may wait for data: the device is sequential
    // (a pipe, a terminal) and has nothing buffered. The Ingestor commits its
    // open batch there, so no fragment waits for the next line to be committed.
    void setBeforeBlockingRead(std::function<void()> callback)
    {
        m_beforeBlockingRead = std::move(callback);
    }
    // Bytes asked of the device per read. Tests and the fuzzer make it tiny to
    // split lines, CRLF and the BOM across reads; call before the first next().
    void setChunkBytes(qint64 bytes);
    // The largest buffer the reader held so far: stays within
    // maxLineBytes() + 2 × chunk, whatever the input.
    qint64 largestBufferBytes() const { return m_largestBuffer; }

    // Parses a whole request body: one JSON object (possibly spanning lines),
    // a JSON array of objects, or NDJSON. Returns one record per fragment, in
    // order; none for an empty or blank body or an empty array.
    //  - NDJSON (and a one-line object): as next(); `line` is the line number.
    //  - A JSON array: `line` is the element's index, 1-based, and messages
    //    say "element N" (with the body's line and column for positions).
    //  - A multi-line object: `line` is the line where it starts.
    // A body that is not valid UTF-8 or not valid JSON as a whole (array or
    // multi-line object) gives a single error record at the body's line.
    // It is NDJSON when its first non-blank line holds a complete JSON value.
    static QList<ReadRecord> parseDocument(const QByteArray &body);

private:
    bool fill();
    void ensureSpace(qint64 bytes);
    void skipRestOfLine();
    void shrink();
    void checkBom();

    QIODevice *m_device = nullptr;
    qint64 m_maxLineBytes = DefaultMaxLineBytes;
    qint64 m_chunkBytes = DefaultChunkBytes;
    std::unique_ptr<char[]> m_buffer;
    qint64 m_capacity = 0;
    qint64 m_begin = 0;   // first byte of the current line
    qint64 m_scanned = 0; // no '\n' in [m_begin, m_scanned)
    qint64 m_end = 0;     // end of the bytes read
    qint64 m_largestBuffer = 0;
    qint64 m_line = 0; // lines consumed so far
    bool m_eof = false;
    bool m_bomChecked = false;
    bool m_sawAnyLine = false;
    QString m_readError;
    FragmentParser m_parser;
    std::function<void()> m_beforeBlockingRead;
};

} // namespace outflow
