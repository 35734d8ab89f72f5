#include "csvreader.h"

#include <algorithm>
#include <QHash>
#include <QIODevice>
#include <utility>

namespace outflow {

namespace {

constexpr QByteArrayView Bom("\xEF\xBB\xBF");

} // namespace

CsvReader::CsvReader(QIODevice *device, qint64 maxRecordBytes)
    : m_device(device)
    , m_maxRecordBytes(std::clamp<qint64>(maxRecordBytes, 1, MaxMaxRecordBytes))
{}

CsvReader::~CsvReader() = default;

void CsvReader::setChunkBytes(qint64 bytes)
{
    m_chunkBytes = std::clamp<qint64>(bytes, 1, DefaultChunkBytes * 16);
}

qint64 CsvReader::totalBytes() const
{
    return m_device && m_device->isOpen() && !m_device->isSequential() ? m_device->size() : -1;
}

int CsvReader::columnIndex(const QString &name) const
{
    const qsizetype exact = m_header.indexOf(name);
    if (exact >= 0)
        return int(exact);
    // Spreadsheets make it easy to type "Email " or "EMAIL" in a header: find
    // it anyway, but only when that guess cannot pick the wrong column.
    const QString wanted = name.trimmed();
    int found = -1;
    for (qsizetype i = 0; i < m_header.size(); ++i) {
        if (m_header.at(i).trimmed().compare(wanted, Qt::CaseInsensitive) != 0)
            continue;
        if (found >= 0)
            return -1;
        found = int(i);
    }
    return found;
}

bool CsvReader::next(CsvRecord &out)
{
    out.line = 0;
    out.fields.clear();
    out.error.clear();
    if (m_finished)
        return false;
    if (!m_headerRead) {
        m_headerRead = true;
        skipBom();
        // Without a valid header the columns are unknown: nothing after it
        // can be read, so its problem is the one and last record.
        m_finished = true;
        if (!readRecord()) {
            if (!m_readError.isEmpty())
                return readFailed(out);
            out.error = tr("the file is empty: a header row naming the columns is expected");
            return true;
        }
        if (!toRecord(out) || !checkHeader(out.fields, out))
            return true;
        m_header = std::move(out.fields);
        out.fields.clear();
        out.line = 0;
        m_hasHeader = true;
        m_finished = false;
    }
    if (!readRecord()) {
        m_finished = true;
        if (!m_readError.isEmpty())
            return readFailed(out);
        if (m_records > 0)
            return false;
        out.error = tr("the file has a header row but no records");
        return true;
    }
    ++m_records;
    toRecord(out);
    return true;
}

bool CsvReader::readRecord()
{
    m_state = State::RecordStart;
    m_record.resize(0); // keeps the capacity for the next record
    m_fieldEnds.resize(0);
    m_recordBytes = 0;
    m_fieldCount = 0;
    m_oversize = false;
    m_unterminated = false;
    m_syntax = Syntax::None;
    for (;;) {
        if (m_pos == m_len && !fill())
            return endOfInput();
        if (consume())
            return true;
    }
}

// The state machine over the bytes of [m_pos, m_len); true once a record
// ended. Runs of ordinary bytes are copied at once: most bytes are those.
bool CsvReader::consume()
{
    const char *const begin = m_buffer.get() + m_pos;
    const char *const end = m_buffer.get() + m_len;
    const char *p = begin;
    bool done = false;
    while (p < end && !done) {
        const char c = *p;
        if (std::exchange(m_skipLf, false) && c == '\n') {
            ++p;
            continue;
        }
        switch (m_state) {
        case State::RecordStart:
            if (c == '\r' || c == '\n') { // an empty line
                ++m_line;
                m_skipLf = c == '\r';
                ++p;
                continue;
            }
            m_recordLine = m_line + 1;
            m_state = State::FieldStart;
            [[fallthrough]];
        case State::FieldStart:
            if (c == '"') {
                m_fieldLine = m_line + 1;
                m_prevCr = false;
                m_state = State::Quoted;
                count(1);
                ++p;
                continue;
            }
            m_state = State::Unquoted;
            [[fallthrough]];
        case State::Unquoted: {
            const char *q = p;
            while (q < end && *q != ',' && *q != '"' && *q != '\r' && *q != '\n')
                ++q;
            content(p, q - p);
            p = q;
            if (p == end)
                continue;
            if (*p == '"') {
                syntaxError(Syntax::StrayQuote);
                content(p++, 1);
                continue;
            }
            done = endField(*p++);
            continue;
        }
        case State::Quoted: {
            const char *q = p;
            while (q < end && *q != '"' && *q != '\r' && *q != '\n')
                ++q;
            if (q > p) {
                content(p, q - p);
                m_prevCr = false;
                p = q;
                continue;
            }
            if (c == '"') {
                m_state = State::QuoteInQuoted;
                count(1);
            } else {
                // CR, LF and CRLF are each one line break for an editor.
                if (c == '\r' || !m_prevCr)
                    ++m_line;
                m_prevCr = c == '\r';
                content(p, 1);
            }
            ++p;
            continue;
        }
        case State::QuoteInQuoted:
            if (c == '"') { // "" stands for one quote
                content(p++, 1);
                m_state = State::Quoted;
                m_prevCr = false;
                continue;
            }
            if (c == ',' || c == '\r' || c == '\n') {
                done = endField(*p++);
                continue;
            }
            // Read on as unquoted to find the record's end; c is read again
            // in that state.
            syntaxError(Syntax::TextAfterQuote);
            m_state = State::Unquoted;
            continue;
        }
    }
    m_pos += p - begin;
    return done;
}

bool CsvReader::endOfInput()
{
    // A read that failed may have cut a record anywhere: drop it, and report
    // the failure at its line instead.
    if (!m_readError.isEmpty() || m_state == State::RecordStart)
        return false;
    if (m_state == State::Quoted) {
        m_unterminated = true;
        m_errorColumn = m_fieldCount + 1;
    }
    endField(',');
    m_state = State::RecordStart;
    return true;
}

bool CsvReader::endField(char separator)
{
    if (!m_oversize)
        m_fieldEnds.append(m_record.size());
    ++m_fieldCount;
    if (separator == ',') {
        count(1);
        m_state = State::FieldStart;
        return false;
    }
    ++m_line;
    m_skipLf = separator == '\r';
    m_state = State::RecordStart;
    return true;
}

void CsvReader::count(qint64 bytes)
{
    m_recordBytes += bytes;
    if (!m_oversize && m_recordBytes > m_maxRecordBytes) {
        // Past the limit the record is only an error to report: free what
        // it holds and keep no more of it.
        m_oversize = true;
        m_record = QByteArray();
        m_fieldEnds = QList<qsizetype>();
    }
}

void CsvReader::content(const char *bytes, qint64 size)
{
    count(size);
    if (!m_oversize)
        m_record.append(bytes, size);
}

void CsvReader::syntaxError(Syntax kind)
{
    if (m_syntax != Syntax::None)
        return; // the first problem is the one to fix first
    m_syntax = kind;
    m_errorLine = m_line + 1;
    m_errorColumn = m_fieldCount + 1;
}

bool CsvReader::fill()
{
    if (m_eof)
        return false;
    // Only skipBom() calls this with bytes left: keep them in front.
    const qint64 kept = m_len - m_pos;
    const char *const from = m_buffer.get() + m_pos;
    if (m_capacity < kept + m_chunkBytes) {
        m_capacity = kept + m_chunkBytes;
        auto buffer = std::make_unique_for_overwrite<char[]>(size_t(m_capacity));
        std::copy(from, from + kept, buffer.get());
        m_buffer = std::move(buffer);
    } else {
        std::copy(from, from + kept, m_buffer.get()); // to the left: no overlap issue
    }
    m_pos = 0;
    m_len = kept;
    const qint64 read = m_device ? m_device->read(m_buffer.get() + kept, m_chunkBytes) : -1;
    if (read > 0) {
        m_len += read;
        m_deviceBytes += read;
        return true;
    }
    m_eof = true;
    if (read < 0)
        m_readError = m_device ? m_device->errorString() : QStringLiteral("no device");
    return false;
}

void CsvReader::skipBom()
{
    while (m_len - m_pos < Bom.size() && fill()) {
    }
    if (QByteArrayView(m_buffer.get() + m_pos, m_len - m_pos).startsWith(Bom))
        m_pos += Bom.size();
}

bool CsvReader::toRecord(CsvRecord &out)
{
    out.line = m_recordLine;
    QString place;
    QString problem;
    if (m_unterminated) {
        place = atColumn(m_fieldLine, m_errorColumn);
        problem = tr("quoted field not closed: the file ends inside it");
    } else if (m_syntax != Syntax::None) {
        place = atColumn(m_errorLine, m_errorColumn);
        problem = m_syntax == Syntax::StrayQuote
                      ? tr("quote inside an unquoted field (quote the whole field and "
                           "double the quotes in it)")
                      : tr("text after a closing quote (quote the whole field and double "
                           "the quotes in it)");
    } else if (m_oversize) {
        place = atLine(m_recordLine);
        problem = tr("the record is longer than %1 bytes").arg(m_maxRecordBytes);
    } else if (m_hasHeader && m_fieldEnds.size() != m_header.size()) {
        place = atLine(m_recordLine);
        problem = tr("expected %n field(s), found %1", nullptr, int(m_header.size()))
                      .arg(m_fieldEnds.size());
    } else {
        out.fields.reserve(m_fieldEnds.size());
        qsizetype start = 0;
        for (qsizetype i = 0; i < m_fieldEnds.size(); ++i) {
            const QByteArrayView bytes(m_record.constData() + start, m_fieldEnds.at(i) - start);
            if (!bytes.isValidUtf8()) {
                place = atColumn(m_recordLine, i + 1);
                problem = tr("invalid UTF-8");
                out.fields.clear();
                break;
            }
            out.fields.append(m_decoder.decode(bytes));
            start = m_fieldEnds.at(i);
        }
    }
    if (problem.isEmpty())
        return true;
    if (!m_hasHeader)
        problem = tr("invalid header row: %1").arg(problem);
    out.error = message(place, problem);
    return false;
}

bool CsvReader::checkHeader(const QStringList &names, CsvRecord &out)
{
    QHash<QString, qsizetype> seen;
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QString &name = names.at(i);
        QString problem;
        if (name.trimmed().isEmpty()) {
            problem = tr("empty column name");
        } else if (const auto it = seen.constFind(name); it != seen.cend()) {
            problem = tr("duplicate column name \"%1\" (also column %2)").arg(name).arg(*it + 1);
        } else {
            seen.insert(name, i);
            continue;
        }
        out.fields.clear();
        out.error =
            message(atColumn(m_recordLine, i + 1), tr("invalid header row: %1").arg(problem));
        return false;
    }
    return true;
}

bool CsvReader::readFailed(CsvRecord &out)
{
    out.line = m_state == State::RecordStart ? m_line + 1 : m_recordLine;
    out.error = message(atLine(out.line), tr("cannot read the input: %1").arg(m_readError));
    m_readError.clear();
    m_finished = true;
    return true;
}

// Messages are a place ("line 12, column 3") and a problem, each translated
// on its own; "%1: %2" is translatable too (French puts a space before ':').
QString CsvReader::message(const QString &place, const QString &problem)
{
    return tr("%1: %2", "place: problem").arg(place, problem);
}

QString CsvReader::atLine(qint64 line)
{
    return tr("line %1").arg(line);
}

QString CsvReader::atColumn(qint64 line, qint64 column)
{
    return tr("line %1, column %2").arg(line).arg(column);
}

} // namespace outflow
