#pragma once

#include "jsonlinescanner.h"
#include "model/fragment.h"

#include <optional>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace outflow {

// One record of an ingested input: a valid fragment, or why it is not one.
struct ReadRecord
{
    qint64 line = 0; // 1-based line of an NDJSON input; element index of a JSON array body
    std::optional<Fragment> fragment;
    QString error; // when !fragment: a translated message naming the line and field
};

// Validates JSON texts and turns them into fragments. Shared by NdjsonReader
// (one line at a time) and its parseDocument() (whole request bodies). Keeps
// one scanner so that its buffers are reused from one line to the next.
//
// In the order they are checked, the errors are: invalid UTF-8 (with the
// column of the first bad byte); invalid JSON (with the column where the
// parser stopped, or of the opening quote of an unterminated string); a value
// that is not an object; a duplicated key in any object (with its column and
// the path of its object); an ingested `segmentMembership`; a missing, empty
// or non-object `identityMap`; a namespace with an empty name or a value that
// is not an array; an identity that is not an object, has no `id`, or has an
// `id` that is not a string or is blank; a `primary` that is not a boolean.
class FragmentParser
{
public:
    enum class Document { Object, Array };

    // One NDJSON line, without its '\n' (a '\r' left at its end is whitespace).
    ReadRecord parseLine(QByteArrayView line, qint64 lineNumber);
    // A body holding one JSON document: an array of fragments (records
    // numbered by element), or one object spanning several lines.
    QList<ReadRecord> parseDocument(QByteArrayView body, Document document);
    // True when `text` holds a complete JSON object or array on its own.
    bool isCompleteValue(QByteArrayView text);

    // Only JSON whitespace (space, tab, CR, LF).
    static bool isBlank(QByteArrayView text);
    static qsizetype firstNonBlank(QByteArrayView text);
    static QString lineTooLong(qint64 line, qint64 limit);
    static QString readFailed(qint64 line, const QString &reason);

private:
    JsonLineScanner m_scanner;
};

} // namespace outflow
