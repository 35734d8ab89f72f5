#include "ndjsonreader.h"

#include <algorithm>
#include <cstring>
#include <QBuffer>
#include <QIODevice>

namespace outflow {

namespace {

constexpr QByteArrayView Bom("\xEF\xBB\xBF");

} // namespace

NdjsonReader::NdjsonReader(QIODevice *device, qint64 maxLineBytes)
    : m_device(device)
    , m_maxLineBytes(std::clamp<qint64>(maxLineBytes, 1, MaxMaxLineBytes))
{}

NdjsonReader::~NdjsonReader() = default;

void NdjsonReader::setChunkBytes(qint64 bytes)
{
    m_chunkBytes = std::clamp<qint64>(bytes, 1, DefaultChunkBytes * 16);
}

bool NdjsonReader::next(ReadRecord &out)
{
    if (!m_bomChecked)
        checkBom();
    for (;;) {
        // Search only the bytes not searched yet: a long line arriving in
        // many chunks is scanned once, not once per chunk.
        const char *data = m_buffer.get();
        const auto *newline =
            m_end > m_scanned ? static_cast<const char *>(
                                    std::memchr(data + m_scanned, '\n', size_t(m_end - m_scanned)))
                              : nullptr;
        if (newline || (m_eof && m_begin < m_end)) {
            const qint64 lineEnd = newline ? newline - data : m_end;
            QByteArrayView line(data + m_begin, lineEnd - m_begin);
            m_begin = m_scanned = newline ? lineEnd + 1 : m_end;
            ++m_line;
            if (line.endsWith('\r'))
                line.chop(1);
            // The limit comes first, blank or not: a line found whole must be
            // judged as one the limit made us skip unseen.
            if (line.size() > m_maxLineBytes) {
                m_sawAnyLine = true;
                out = ReadRecord{m_line, std::nullopt,
                                 FragmentParser::lineTooLong(m_line, m_maxLineBytes)};
            } else if (FragmentParser::isBlank(line)) {
                continue;
            } else {
                m_sawAnyLine = true;
                out = m_parser.parseLine(line, m_line);
            }
            shrink();
            return true;
        }
        m_scanned = m_end;
        // No end of line in sight: past the limit (+1 for a CR before the LF),
        // the line is dropped rather than buffered.
        if (m_end - m_begin > m_maxLineBytes + 1) {
            ++m_line;
            m_sawAnyLine = true;
            skipRestOfLine();
            out = ReadRecord{m_line, std::nullopt,
                             FragmentParser::lineTooLong(m_line, m_maxLineBytes)};
            shrink();
            return true;
        }
        if (m_eof) {
            if (m_readError.isEmpty())
                return false;
            out = ReadRecord{m_line + 1, std::nullopt,
                             FragmentParser::readFailed(m_line + 1, m_readError)};
            m_readError.clear();
            return true;
        }
        fill();
    }
}

bool NdjsonReader::fill()
{
    ensureSpace(m_chunkBytes);
    if (m_beforeBlockingRead && m_device && m_device->isSequential() &&
        m_device->bytesAvailable() == 0)
        m_beforeBlockingRead();
    const qint64 read = m_device ? m_device->read(m_buffer.get() + m_end, m_chunkBytes) : -1;
    if (read > 0) {
        m_end += read;
        return true;
    }
    m_eof = true;
    if (read < 0)
        m_readError = m_device ? m_device->errorString() : QStringLiteral("no device");
    return false;
}

void NdjsonReader::ensureSpace(qint64 bytes)
{
    if (m_capacity - m_end >= bytes)
        return;
    // Move the pending line to the front first: usually enough, no allocation.
    const qint64 pending = m_end - m_begin;
    if (m_begin > 0) {
        std::memmove(m_buffer.get(), m_buffer.get() + m_begin, size_t(pending));
        m_scanned -= m_begin;
        m_end = pending;
        m_begin = 0;
        if (m_capacity - m_end >= bytes)
            return;
    }
    // Grow geometrically (a 16 MiB line is copied O(log n) times), but never
    // past the longest line plus one chunk: next() skips longer lines.
    const qint64 needed = m_end + bytes;
    const qint64 limit = std::max(m_maxLineBytes + 1 + m_chunkBytes, needed);
    const qint64 capacity = std::min(std::max({m_capacity * 2, needed, 2 * m_chunkBytes}), limit);
    auto buffer = std::make_unique_for_overwrite<char[]>(size_t(capacity));
    if (m_end > 0)
        std::memcpy(buffer.get(), m_buffer.get(), size_t(m_end));
    m_buffer = std::move(buffer);
    m_capacity = capacity;
    m_largestBuffer = std::max(m_largestBuffer, m_capacity);
}

void NdjsonReader::skipRestOfLine()
{
    // What was read of the line holds no '\n' (next() checked): drop it all,
    // then read and drop chunks up to the next '\n'.
    m_begin = m_scanned = m_end = 0;
    while (!m_eof && fill()) {
        const auto *newline =
            static_cast<const char *>(std::memchr(m_buffer.get(), '\n', size_t(m_end)));
        if (newline) {
            m_begin = m_scanned = newline - m_buffer.get() + 1;
            return;
        }
        m_begin = m_scanned = m_end = 0;
    }
}

void NdjsonReader::shrink()
{
    // After a long line, give the memory back once what is pending is small
    // again, so that one huge line does not pin megabytes for the whole run.
    const qint64 pending = m_end - m_begin;
    const qint64 small = 2 * m_chunkBytes;
    if (m_capacity <= 2 * small || pending > m_chunkBytes)
        return;
    auto buffer = std::make_unique_for_overwrite<char[]>(size_t(small));
    std::memcpy(buffer.get(), m_buffer.get() + m_begin, size_t(pending));
    m_buffer = std::move(buffer);
    m_capacity = small;
    m_scanned -= m_begin;
    m_end = pending;
    m_begin = 0;
}

void NdjsonReader::checkBom()
{
    while (m_end - m_begin < Bom.size() && !m_eof)
        fill();
    if (QByteArrayView(m_buffer.get() + m_begin, m_end - m_begin).startsWith(Bom)) {
        m_begin += Bom.size();
        m_scanned = m_begin;
    }
    m_bomChecked = true;
}

QList<ReadRecord> NdjsonReader::parseDocument(const QByteArray &body)
{
    QByteArrayView text(body);
    if (text.startsWith(Bom))
        text = text.sliced(Bom.size());
    const qsizetype first = FragmentParser::firstNonBlank(text);
    if (first < 0)
        return {};
    FragmentParser parser;
    if (text[first] == '[')
        return parser.parseDocument(text, FragmentParser::Document::Array);

    // One object spread over lines (pretty-printed), or NDJSON? NDJSON's first
    // line holds a whole object, and its next line starts another; a
    // pretty-printed object's second line starts with a key or a '}'.
    if (text[first] == '{') {
        const qsizetype firstEnd = text.indexOf('\n', first);
        if (firstEnd >= 0 && !parser.isCompleteValue(text.sliced(first, firstEnd - first))) {
            const QByteArrayView rest = text.sliced(firstEnd + 1);
            const qsizetype second = FragmentParser::firstNonBlank(rest);
            if (second < 0 || rest[second] != '{')
                return parser.parseDocument(text, FragmentParser::Document::Object);
        }
    }

    QBuffer buffer;
    buffer.setData(body); // shares the bytes, no copy
    buffer.open(QIODevice::ReadOnly);
    NdjsonReader reader(&buffer);
    QList<ReadRecord> records;
    ReadRecord record;
    while (reader.next(record))
        records.append(std::move(record));
    return records;
}

} // namespace outflow
