// The body of a batched request (issue #22): a JSON array of
// {"exportId", "profile"} objects, built by concatenation: each profile is
// the export's stored JSON, untouched.
#include "batchenvelope.h"

#include <algorithm>
#include <QJsonArray>
#include <QJsonDocument>

namespace outflow::batchenvelope {
namespace {

constexpr QByteArrayView Open = "{\"exportId\":\"";
constexpr QByteArrayView Middle = "\",\"profile\":";
constexpr QByteArrayView Close = "}";

// Export ids are UUIDs: written as they are. Anything else is escaped as a
// JSON string needs.
bool isPlain(const QString &exportId)
{
    return std::all_of(exportId.cbegin(), exportId.cend(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') ||
               c == u'-';
    });
}

QByteArray idText(const QString &exportId)
{
    if (isPlain(exportId))
        return exportId.toLatin1();
    const QByteArray array = QJsonDocument(QJsonArray{exportId}).toJson(QJsonDocument::Compact);
    return array.mid(2, array.size() - 4); // ["…"] without the brackets and quotes
}

} // namespace

qsizetype elementBytes(const OutboxExport &row)
{
    const qsizetype id = isPlain(row.exportId) ? row.exportId.size() : idText(row.exportId).size();
    return 1 + Open.size() + id + Middle.size() + row.payload.size() + Close.size();
}

QByteArray build(const QList<OutboxExport> &rows)
{
    qsizetype elements = 0;
    for (const OutboxExport &row : rows)
        elements += elementBytes(row);
    QByteArray body;
    body.reserve(bodyBytes(elements, rows.size()));
    body.append('[');
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const OutboxExport &row = rows.at(i);
        if (i > 0)
            body.append(',');
        body.append(Open)
            .append(idText(row.exportId))
            .append(Middle)
            .append(row.payload)
            .append(Close);
    }
    body.append(']');
    return body;
}

} // namespace outflow::batchenvelope
