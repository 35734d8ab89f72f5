#pragma once

#include <memory>
#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringConverter>
#include <QStringList>

class QIODevice;

namespace outflow {

// One data record of a CSV file (the header row is never one: see header()).
struct CsvRecord
{
    // 1-based physical line where the record starts, counting the line breaks
    // inside quoted fields, so that an administrator finds it in an editor.
    // 0 for the two file-level problems (empty file, header row only).
    qint64 line = 0;
    // The values, one per column, unquoted; empty when `error` is set.
    QStringList fields;
    // Empty for a good record; else a translated message starting with the
    // place ("line 17, column 2: …") or, for the file-level problems, "the file".
    QString error;

    bool isValid() const { return error.isEmpty(); }
};

// Reads a CSV file (RFC 4180) with a header row, streaming from a device:
// custom-upload audiences, where one column holds each member's identity.
// Memory stays bounded: one read chunk plus the current record, and a record
// over maxRecordBytes() (its bytes, quotes and separators included, its line
// break not) is dropped while being read and reported as an error.
//
// Syntax accepted:
//  - comma separators; a field may be quoted with `"`, and then holds commas,
//    line breaks (kept as they are) and `""` for one quote;
//  - records end with LF, CRLF or a bare CR (old Mac exports use it, and an
//    editor shows it as a line break, so it also counts as one for `line`);
//  - a UTF-8 BOM at the very start is skipped; the last record may lack its
//    line break;
//  - empty lines (no byte at all, not even a space) are skipped, wherever they
//    are; a line of spaces is a record like any other.
// Strict, each an error for that record only, the reading goes on with the
// next one:
//  - a quote inside an unquoted field, or text between a closing quote and the
//    next separator: the message names the line and column where it is; that
//    quote or text is read as part of the field (so a line break after it
//    ends the record) and the next fields are read as usual;
//  - a field that is not valid UTF-8; a record whose number of fields differs
//    from the header's; a record over the size limit (skipped up to its end,
//    quotes respected, so that the next record is read from its start);
//  - a quoted field still open at the end of the file: the message names the
//    line where that field starts.
// "Column" in messages is the 1-based field number.
//
// The first next() reads the header row. Its names must be non-empty (spaces
// only count as empty) and distinct; a header row with any problem is reported
// as one error record and ends the reading, as is an empty file. A header row
// without any record after it gives one error record too: an audience upload
// with no members is a mistake worth telling.
//
// The device must be open and blocking (QFile, QBuffer, stdin): a read that
// returns no data is taken as the end of the input. A failing read is reported
// as a last error record.
class CsvReader
{
    Q_DECLARE_TR_FUNCTIONS(CsvReader)

public:
    static constexpr qint64 DefaultMaxRecordBytes = 1024 * 1024;
    static constexpr qint64 DefaultChunkBytes = 64 * 1024;
    static constexpr qint64 MaxMaxRecordBytes = qint64(1) << 30; // larger limits are clamped

    explicit CsvReader(QIODevice *device, qint64 maxRecordBytes = DefaultMaxRecordBytes);
    ~CsvReader();
    CsvReader(const CsvReader &) = delete;
    CsvReader &operator=(const CsvReader &) = delete;

    // The next data record (good or not); false at the end of the input.
    bool next(CsvRecord &record);

    // The column names, once the first next() read a valid header row; empty
    // before, and when the header row was missing or invalid.
    const QStringList &header() const { return m_header; }
    bool hasHeader() const { return m_hasHeader; }
    // The index of the column called `name`: an exact match first; else the
    // one column whose name matches once both are trimmed and compared case
    // insensitively ("E-mail " for "e-mail"); -1 when there is none, or more
    // than one such column (ambiguous).
    int columnIndex(const QString &name) const;

    // Progress: bytes of the input consumed so far, and the input's size
    // (-1 when unknown: a pipe or a terminal).
    qint64 bytesRead() const { return m_deviceBytes - (m_len - m_pos); }
    qint64 totalBytes() const;

    qint64 maxRecordBytes() const { return m_maxRecordBytes; }
    // Bytes asked of the device per read. Tests and the fuzzer make it tiny to
    // split CRLF, quotes, UTF-8 sequences and the BOM across reads; call
    // before the first next().
    void setChunkBytes(qint64 bytes);

private:
    enum class State : quint8 { RecordStart, FieldStart, Unquoted, Quoted, QuoteInQuoted };
    enum class Syntax : quint8 { None, StrayQuote, TextAfterQuote };

    bool readRecord();
    bool consume();
    bool endOfInput();
    bool endField(char separator);
    void count(qint64 bytes);
    void content(const char *bytes, qint64 size);
    void syntaxError(Syntax kind);
    bool fill();
    void skipBom();
    bool toRecord(CsvRecord &out);
    bool checkHeader(const QStringList &names, CsvRecord &out);
    bool readFailed(CsvRecord &out);

    static QString message(const QString &place, const QString &problem);
    static QString atLine(qint64 line);
    static QString atColumn(qint64 line, qint64 column);

    QIODevice *m_device = nullptr;
    qint64 m_maxRecordBytes = DefaultMaxRecordBytes;
    qint64 m_chunkBytes = DefaultChunkBytes;

    // Input: [m_pos, m_len) of m_buffer is read but not consumed yet.
    std::unique_ptr<char[]> m_buffer;
    qint64 m_capacity = 0;
    qint64 m_pos = 0;
    qint64 m_len = 0;
    qint64 m_deviceBytes = 0;
    bool m_eof = false;
    QString m_readError;

    // Parser state, kept across reads so that chunk boundaries never matter.
    State m_state = State::RecordStart;
    bool m_skipLf = false; // a record or blank line ended with CR: an LF next belongs to it
    bool m_prevCr = false; // in a quoted field, the last byte was a CR
    qint64 m_line = 0;     // line breaks consumed so far
    qint64 m_recordLine = 0;
    qint64 m_fieldLine = 0; // where the current quoted field opened

    // The current record: its fields' unquoted bytes end to end, and where
    // each ends. Both are dropped once the record is over the limit.
    QByteArray m_record;
    QList<qsizetype> m_fieldEnds;
    qint64 m_recordBytes = 0;
    qint64 m_fieldCount = 0;
    bool m_oversize = false;
    bool m_unterminated = false;
    Syntax m_syntax = Syntax::None;
    qint64 m_errorLine = 0;
    qint64 m_errorColumn = 0;

    // Keeps a BOM starting a field, which QString::fromUtf8() drops: only the
    // file's own BOM is not data.
    QStringDecoder m_decoder{QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom |
                                                       QStringDecoder::Flag::Stateless};

    QStringList m_header;
    bool m_headerRead = false;
    bool m_hasHeader = false;
    bool m_finished = false;
    qint64 m_records = 0;
};

} // namespace outflow
