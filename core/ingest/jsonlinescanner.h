#pragma once

#include <deque>
#include <memory>
#include <QByteArrayView>
#include <QString>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace outflow {

// One pass over the raw bytes of a JSON text for what QJsonDocument cannot
// tell: it silently keeps one of two equal keys, and it reports bad UTF-8 only
// inside strings and without the byte's position. The scanner validates UTF-8
// everywhere and finds the first duplicated key of each record, with its byte
// offset and the path of its object. It does not check the JSON grammar
// (QJsonDocument does, afterwards): on a structure it cannot follow it stops
// looking for keys and only goes on validating UTF-8.
//
// Results (string_views included) stay valid until the next scan() or until
// the scanned bytes go away.
class JsonLineScanner
{
public:
    // What a "record" is: the root value (an NDJSON line), or each element of
    // a root array (a request body holding an array of fragments).
    enum class Records { Root, ArrayElements };

    struct Duplicate
    {
        qsizetype record = 0; // 1-based; always 1 with Records::Root
        qsizetype offset = 0; // of the key's opening quote
        std::string_view key; // decoded (escapes resolved), UTF-8
        QString path;         // of the object holding the key, "" for the record itself
    };
    struct Namespace
    {
        qsizetype record = 0;
        std::string_view name; // decoded, UTF-8
    };
    struct Position
    {
        qsizetype line = 1;   // 1-based
        qsizetype column = 1; // 1-based, in Unicode code points
    };

    // Returns false when the bytes are not valid UTF-8 (see invalidUtf8Offset()).
    bool scan(QByteArrayView bytes, Records records = Records::Root);

    qsizetype invalidUtf8Offset() const { return m_invalidUtf8; }
    // The opening quote of a string still open at the end of the text, or -1:
    // a better position for "unterminated string" than the parser's (the end).
    qsizetype unterminatedStringOffset() const { return m_unterminatedString; }
    // At most one per record, the first in document order.
    const std::vector<Duplicate> &duplicates() const { return m_duplicates; }
    // The keys of each record's top-level `identityMap` object, in document
    // order: QJsonObject sorts its keys, but fragments keep identities in the
    // order they were written.
    const std::vector<Namespace> &identityNamespaces() const { return m_namespaces; }
    // True when the text opened at least one object or array and closed all
    // of them: a complete JSON value on its own (if the grammar is right).
    bool endsBalanced() const { return m_opened && m_frames.empty() && !m_broken; }

    // Length of the UTF-8 sequence starting at p (1 to 4), or 0 when it is not
    // valid UTF-8 (stray continuation, overlong form, surrogate, > U+10FFFF,
    // truncated).
    static int utf8SequenceLength(const unsigned char *p, qsizetype available);
    // Line and column of a byte offset in valid UTF-8 text.
    static Position positionAt(QByteArrayView text, qsizetype offset);

    // Positions of increasing offsets in one text, in linear time overall
    // (a body may hold thousands of bad elements).
    class PositionCursor
    {
    public:
        explicit PositionCursor(QByteArrayView text)
            : m_text(text)
        {}
        Position advanceTo(qsizetype offset);

    private:
        QByteArrayView m_text;
        qsizetype m_offset = 0;
        Position m_position;
    };

    // QJsonDocument's own nesting limit: deeper texts fail to parse anyway,
    // and the scanner's memory stays bounded on a line of a million '['.
    static constexpr qsizetype MaxDepth = 1024;

private:
    struct Frame
    {
        bool object = false;
        bool expectKey = false; // in an object: the next string is a key
        qsizetype firstKey = 0; // this object's keys are m_keys[firstKey…] while it is small
        qsizetype index = 0;    // in an array: the current element
        std::string_view key;   // in an object: the current key
        std::unique_ptr<std::unordered_set<std::string_view>> large;
    };
    void reset();
    bool validateUtf8(const unsigned char *p, qsizetype from, qsizetype n);
    void push(bool object);
    void pop(bool object);
    void comma();
    void string(qsizetype quote, std::string_view raw, bool escaped);
    std::string_view decode(std::string_view raw);
    bool insertKey(Frame &frame, std::string_view key);
    qsizetype recordFrame() const;
    qsizetype currentRecord() const;
    QString pathToTop() const;

    Records m_records = Records::Root;
    std::vector<Frame> m_frames;
    std::vector<std::string_view> m_keys; // keys of the open small objects, innermost last
    std::deque<std::string> m_decoded;    // keys written with escapes; deque: views stay valid
    std::vector<Duplicate> m_duplicates;
    std::vector<Namespace> m_namespaces;
    qsizetype m_invalidUtf8 = -1;
    qsizetype m_unterminatedString = -1;
    bool m_broken = false;
    bool m_opened = false;
};

} // namespace outflow
