#include "fragmentparser.h"

#include <algorithm>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace outflow {

namespace {

const QLatin1StringView IdentityMap("identityMap");
const QLatin1StringView SegmentMembership("segmentMembership");

// Messages are composed of a place ("line 12, column 7") and a problem, each
// translated on its own; "%1: %2" is translatable too (French puts a space
// before the colon).
QString message(const QString &where, const QString &what)
{
    return QCoreApplication::translate("NdjsonReader", "%1: %2", "place: problem").arg(where, what);
}

QString atLine(qint64 line)
{
    return QCoreApplication::translate("NdjsonReader", "line %1").arg(line);
}

QString atLine(qint64 line, qint64 column)
{
    return QCoreApplication::translate("NdjsonReader", "line %1, column %2").arg(line).arg(column);
}

QString atElement(qint64 element)
{
    return QCoreApplication::translate("NdjsonReader", "element %1").arg(element);
}

QString atElement(qint64 element, const JsonLineScanner::Position &position)
{
    return QCoreApplication::translate("NdjsonReader", "element %1, line %2, column %3")
        .arg(element)
        .arg(position.line)
        .arg(position.column);
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QCoreApplication::translate("NdjsonReader", "null");
    case QJsonValue::Bool:
        return QCoreApplication::translate("NdjsonReader", "a boolean");
    case QJsonValue::Double:
        return QCoreApplication::translate("NdjsonReader", "a number");
    case QJsonValue::String:
        return QCoreApplication::translate("NdjsonReader", "a string");
    case QJsonValue::Array:
        return QCoreApplication::translate("NdjsonReader", "an array");
    case QJsonValue::Object:
        return QCoreApplication::translate("NdjsonReader", "an object");
    case QJsonValue::Undefined:
        break;
    }
    return QCoreApplication::translate("NdjsonReader", "nothing");
}

QString invalidUtf8(QByteArrayView text, qsizetype offset)
{
    const auto byte = static_cast<unsigned char>(text[offset]);
    return QCoreApplication::translate("NdjsonReader", "invalid UTF-8 (byte 0x%1)")
        .arg(QString::number(byte, 16).toUpper().rightJustified(2, QLatin1Char('0')));
}

QString invalidJson(const QJsonParseError &error)
{
    return QCoreApplication::translate("NdjsonReader", "invalid JSON: %1").arg(error.errorString());
}

QString notAnObject(const QJsonValue &value)
{
    return QCoreApplication::translate("NdjsonReader", "expected a JSON object, found %1")
        .arg(typeName(value));
}

QString duplicateKey(const JsonLineScanner::Duplicate &duplicate)
{
    const QString key = QString::fromUtf8(duplicate.key.data(), qsizetype(duplicate.key.size()));
    if (duplicate.path.isEmpty())
        return QCoreApplication::translate("NdjsonReader", "duplicate key \"%1\" at the top level")
            .arg(key);
    return QCoreApplication::translate("NdjsonReader", "duplicate key \"%1\" in %2")
        .arg(key, duplicate.path);
}

bool isTokenCharacter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '+' || c == '.';
}

// Where QJsonParseError's offset points: one past the character that stopped
// the parser (but at the garbage itself after a complete document). An
// unterminated string is best shown at its opening quote, which the scanner
// knows; a bad literal or number ("tru", "1.e") at its first character, as
// Qt stops at different places inside them depending on what follows.
qsizetype errorOffset(const QJsonParseError &error, const JsonLineScanner &scanner,
                      QByteArrayView text)
{
    if (error.error == QJsonParseError::UnterminatedString &&
        scanner.unterminatedStringOffset() >= 0)
        return scanner.unterminatedStringOffset();
    if (error.error == QJsonParseError::GarbageAtEnd)
        return error.offset;
    qsizetype offset = std::clamp<qsizetype>(error.offset - 1, 0, text.size());
    if (error.error == QJsonParseError::IllegalValue ||
        error.error == QJsonParseError::IllegalNumber) {
        qsizetype start = offset;
        if (start > 0 && (start == text.size() || !isTokenCharacter(text[start])) &&
            isTokenCharacter(text[start - 1]))
            --start;
        while (start > 0 && isTokenCharacter(text[start - 1]))
            --start;
        if (start < text.size() && isTokenCharacter(text[start]))
            offset = start;
    }
    return offset;
}

// QJsonDocument only parses objects and arrays: a line holding a valid JSON
// scalar ("12", "\"text\"") deserves "found a number", not "illegal value".
std::optional<QJsonValue> scalarValue(QByteArrayView text)
{
    const qsizetype first = FragmentParser::firstNonBlank(text);
    if (first < 0 || text[first] == '{' || text[first] == '[')
        return std::nullopt;
    const QByteArray wrapped = '[' + text.toByteArray() + ']';
    const QJsonDocument document = QJsonDocument::fromJson(wrapped);
    if (!document.isArray() || document.array().size() != 1)
        return std::nullopt;
    return document.array().first();
}

QByteArray rawBytes(QByteArrayView text)
{
    return QByteArray::fromRawData(text.data(), text.size()); // no copy: parsed, then dropped
}

// Validates a parsed object as a fragment. `order` lists identityMap's keys
// in document order (QJsonObject sorts them).
std::optional<Fragment> toFragment(QJsonObject object, QStringList order, QString &problem)
{
    // Messages and paths are only built for a bad fragment: this runs for
    // every line, and the good ones must not pay for string formatting.
    const auto noIdentities = [] {
        return QCoreApplication::translate(
            "NdjsonReader", "fragment has no identities (identityMap is missing or empty)");
    };
    if (object.contains(SegmentMembership)) {
        problem = QCoreApplication::translate("NdjsonReader",
                                              "segmentMembership is not accepted: memberships "
                                              "are computed by Outflow, not ingested");
        return std::nullopt;
    }
    const QJsonValue identityMap = object.value(IdentityMap);
    if (identityMap.isUndefined()) {
        problem = noIdentities();
        return std::nullopt;
    }
    if (!identityMap.isObject()) {
        problem =
            QCoreApplication::translate("NdjsonReader", "identityMap must be an object, found %1")
                .arg(typeName(identityMap));
        return std::nullopt;
    }
    const QJsonObject namespaces = identityMap.toObject();
    if (order.size() != namespaces.size()) // cannot happen on valid JSON; keep going anyway
        order = namespaces.keys();

    Fragment fragment;
    for (const QString &ns : std::as_const(order)) {
        const auto nsPath = [&]() -> QString { return IdentityMap + QLatin1Char('.') + ns; };
        if (ns.isEmpty()) {
            problem = QCoreApplication::translate("NdjsonReader",
                                                  "identityMap has a namespace with an empty name");
            return std::nullopt;
        }
        const QJsonValue entries = namespaces.value(ns);
        if (!entries.isArray()) {
            problem = QCoreApplication::translate("NdjsonReader", "%1 must be an array, found %2")
                          .arg(nsPath(), typeName(entries));
            return std::nullopt;
        }
        const QJsonArray array = entries.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const auto path = [&](QLatin1StringView field = {}) -> QString {
                return nsPath() + QLatin1Char('[') + QString::number(i) + QLatin1Char(']') + field;
            };
            const QJsonValue entry = array.at(i);
            if (!entry.isObject()) {
                problem =
                    QCoreApplication::translate("NdjsonReader", "%1 must be an object, found %2")
                        .arg(path(), typeName(entry));
                return std::nullopt;
            }
            const QJsonObject identity = entry.toObject();
            const QJsonValue id = identity.value(QLatin1StringView("id"));
            if (id.isUndefined()) {
                problem = QCoreApplication::translate("NdjsonReader", "%1 is missing")
                              .arg(path(QLatin1StringView(".id")));
                return std::nullopt;
            }
            if (!id.isString()) {
                problem =
                    QCoreApplication::translate("NdjsonReader", "%1 must be a string, found %2")
                        .arg(path(QLatin1StringView(".id")), typeName(id));
                return std::nullopt;
            }
            QString idText = id.toString();
            if (std::all_of(idText.cbegin(), idText.cend(), [](QChar c) { return c.isSpace(); })) {
                problem = QCoreApplication::translate("NdjsonReader", "%1 is empty")
                              .arg(path(QLatin1StringView(".id")));
                return std::nullopt;
            }
            const QJsonValue primary = identity.value(QLatin1StringView("primary"));
            if (!primary.isUndefined() && !primary.isBool()) {
                problem = QCoreApplication::translate("NdjsonReader",
                                                      "%1 must be true or false, found %2")
                              .arg(path(QLatin1StringView(".primary")), typeName(primary));
                return std::nullopt;
            }
            fragment.identities.append(
                Identity{ns, std::move(idText), primary.toBool(false), primary.isBool()});
        }
    }
    if (fragment.identities.isEmpty()) { // e.g. {"email": []}
        problem = noIdentities();
        return std::nullopt;
    }
    object.remove(IdentityMap);
    fragment.attributes = std::move(object);
    return fragment;
}

// The record's identityMap keys, from the scanner's list (sorted by record):
// advances `it` past them.
QStringList namespacesOf(qsizetype record,
                         std::vector<JsonLineScanner::Namespace>::const_iterator &it,
                         std::vector<JsonLineScanner::Namespace>::const_iterator end)
{
    QStringList names;
    while (it != end && it->record < record)
        ++it;
    for (; it != end && it->record == record; ++it)
        names.append(QString::fromUtf8(it->name.data(), qsizetype(it->name.size())));
    return names;
}

// The checks left once the text parsed as an object, shared by NDJSON lines,
// multi-line objects and array elements: `where()` names the record,
// `whereAt(offset)` a position in it.
template<typename Where, typename WhereAt>
void finish(ReadRecord &record, QJsonObject object, const JsonLineScanner::Duplicate *duplicate,
            QStringList order, Where where, WhereAt whereAt)
{
    if (duplicate) {
        record.error = message(whereAt(duplicate->offset), duplicateKey(*duplicate));
        return;
    }
    QString problem;
    record.fragment = toFragment(std::move(object), std::move(order), problem);
    if (record.fragment)
        record.fragment->line = record.line;
    else
        record.error = message(where(), problem);
}

} // namespace

bool FragmentParser::isBlank(QByteArrayView text)
{
    return firstNonBlank(text) < 0;
}

qsizetype FragmentParser::firstNonBlank(QByteArrayView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return i;
    }
    return -1;
}

QString FragmentParser::lineTooLong(qint64 line, qint64 limit)
{
    return message(atLine(line), QCoreApplication::translate(
                                     "NdjsonReader", "longer than the limit of %1 bytes; skipped")
                                     .arg(limit));
}

QString FragmentParser::readFailed(qint64 line, const QString &reason)
{
    return message(
        atLine(line),
        QCoreApplication::translate("NdjsonReader", "could not read the input: %1").arg(reason));
}

bool FragmentParser::isCompleteValue(QByteArrayView text)
{
    return m_scanner.scan(text) && m_scanner.endsBalanced();
}

ReadRecord FragmentParser::parseLine(QByteArrayView line, qint64 lineNumber)
{
    ReadRecord record;
    record.line = lineNumber;
    const auto at = [&](qsizetype offset) {
        return atLine(lineNumber, JsonLineScanner::positionAt(line, offset).column);
    };
    if (!m_scanner.scan(line)) {
        const qsizetype offset = m_scanner.invalidUtf8Offset();
        record.error = message(at(offset), invalidUtf8(line, offset));
        return record;
    }
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(rawBytes(line), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (const std::optional<QJsonValue> scalar = scalarValue(line))
            record.error = message(atLine(lineNumber), notAnObject(*scalar));
        else
            record.error =
                message(at(errorOffset(parseError, m_scanner, line)), invalidJson(parseError));
        return record;
    }
    if (!document.isObject()) {
        record.error = message(atLine(lineNumber), notAnObject(QJsonArray()));
        return record;
    }
    const auto &duplicates = m_scanner.duplicates();
    auto names = m_scanner.identityNamespaces().cbegin();
    QStringList order = namespacesOf(1, names, m_scanner.identityNamespaces().cend());
    QJsonObject object = document.object();
    document = QJsonDocument(); // `object` now owns its data alone: removing a key won't copy it
    finish(
        record, std::move(object), duplicates.empty() ? nullptr : &duplicates.front(),
        std::move(order), [&] { return atLine(lineNumber); }, at);
    if (record.fragment) // a copy: `line` points into the reader's buffer
        record.fragment->json = QByteArray(line.data(), line.size());
    return record;
}

QList<ReadRecord> FragmentParser::parseDocument(QByteArrayView body, Document kind)
{
    const bool array = kind == Document::Array;
    const auto failure = [&](qsizetype offset, const QString &what) {
        const JsonLineScanner::Position position = JsonLineScanner::positionAt(body, offset);
        return QList<ReadRecord>{ReadRecord{position.line, std::nullopt,
                                            message(atLine(position.line, position.column), what)}};
    };
    if (!m_scanner.scan(body, array ? JsonLineScanner::Records::ArrayElements
                                    : JsonLineScanner::Records::Root)) {
        return failure(m_scanner.invalidUtf8Offset(),
                       invalidUtf8(body, m_scanner.invalidUtf8Offset()));
    }
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(rawBytes(body), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failure(errorOffset(parseError, m_scanner, body), invalidJson(parseError));

    // Duplicates and namespaces come in record order, as the elements.
    JsonLineScanner::PositionCursor cursor(body);
    auto duplicate = m_scanner.duplicates().cbegin();
    const auto duplicatesEnd = m_scanner.duplicates().cend();
    auto names = m_scanner.identityNamespaces().cbegin();
    const auto namesEnd = m_scanner.identityNamespaces().cend();
    const auto duplicateOf = [&](qint64 record) -> const JsonLineScanner::Duplicate * {
        while (duplicate != duplicatesEnd && duplicate->record < record)
            ++duplicate;
        return duplicate != duplicatesEnd && duplicate->record == record ? &*duplicate : nullptr;
    };

    if (!array) {
        ReadRecord record;
        record.line = JsonLineScanner::positionAt(body, firstNonBlank(body)).line;
        if (!document.isObject()) {
            record.error = message(atLine(record.line), notAnObject(document.array()));
            return {record};
        }
        QJsonObject object = document.object();
        document = QJsonDocument();
        finish(
            record, std::move(object), duplicateOf(1), namespacesOf(1, names, namesEnd),
            [&] { return atLine(record.line); },
            [&](qsizetype offset) {
                const JsonLineScanner::Position position = cursor.advanceTo(offset);
                return atLine(position.line, position.column);
            });
        if (record.fragment)
            record.fragment->json = body.toByteArray();
        return {record};
    }

    const QJsonArray elements = document.array();
    QList<ReadRecord> records;
    records.reserve(elements.size());
    for (qsizetype i = 0; i < elements.size(); ++i) {
        ReadRecord record;
        record.line = i + 1;
        const QJsonValue element = elements.at(i);
        QStringList order = namespacesOf(record.line, names, namesEnd);
        if (!element.isObject()) {
            record.error = message(atElement(record.line), notAnObject(element));
        } else {
            finish(
                record, element.toObject(), duplicateOf(record.line), std::move(order),
                [&] { return atElement(record.line); },
                [&](qsizetype offset) { return atElement(record.line, cursor.advanceTo(offset)); });
        }
        records.append(std::move(record));
    }
    return records;
}

} // namespace outflow
