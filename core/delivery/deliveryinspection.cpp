#include "deliveryinspection.h"

#include "app/appinfo.h"
#include "delivery/destinationconfig.h"
#include "delivery/destinationsecrets.h"
#include "delivery/secretredactor.h"
#include "model/jsontext.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonObject>

namespace outflow {

namespace {

// What the inspector shows for a masked profile value; the secrets' mask
// (SecretRedactor::Mask) is one dot longer, so that the two never read alike.
const QString profileMask = QStringLiteral("•••");

bool isSecretQuery(const Destination &destination, const QString &name)
{
    return destination.secretQueryNames.contains(name) || SecretRedactor::looksSecret(name);
}

} // namespace

QString DeliveryInspection::shownUrl(const Destination &destination)
{
    const QUrl url = requestUrl(destination);
    const QString query = url.query(QUrl::FullyEncoded);
    const QString base = url.toString(QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (query.isEmpty())
        return base;
    QList<QPair<QString, QString>> entries = splitQuery(query);
    for (auto &[name, value] : entries) {
        if (isSecretQuery(destination, QUrl::fromPercentEncoding(name.toUtf8())))
            value = SecretRedactor::Mask;
    }
    return base + u'?' + joinQuery(entries);
}

QList<HttpHeader> DeliveryInspection::shownHeaders(const Destination &destination,
                                                   const QString &exportId, const QString &batchId)
{
    QList<HttpHeader> headers{
        {QStringLiteral("Content-Type"), QStringLiteral("application/json"), false},
        {QStringLiteral("User-Agent"), QStringLiteral("Outflow/") + appinfo::version, false},
    };
    for (const HttpHeader &header : destination.headers) {
        const bool secret = header.secret || SecretRedactor::looksSecret(header.name);
        headers.append({header.name, secret ? SecretRedactor::Mask : header.value, secret});
    }
    if (batchId.isEmpty())
        headers.append({QStringLiteral("X-Outflow-Export-Id"), exportId, false});
    else
        headers.append({QStringLiteral("X-Outflow-Batch-Id"), batchId, false}); // issue #22
    if (destination.auth != AuthType::None)
        headers.append({QStringLiteral("Authorization"), SecretRedactor::Mask, true});
    return headers;
}

QString DeliveryInspection::stateText(DeliveryDetail::State state)
{
    switch (state) {
    case DeliveryDetail::State::Gone:
        return tr("No longer queued");
    case DeliveryDetail::State::Pending:
        return tr("Queued");
    case DeliveryDetail::State::Sending:
        return tr("Being sent");
    case DeliveryDetail::State::Retrying:
        return tr("Waiting for a retry");
    case DeliveryDetail::State::Failed:
        return tr("Failed (dead letter)");
    case DeliveryDetail::State::Delivered:
        return tr("Delivered");
    case DeliveryDetail::State::Superseded:
        return tr("Not sent again: a newer export replaced it");
    }
    return {};
}

std::optional<DeliveryDetail> DeliveryInspection::read(Store &store, const QString &destinationId,
                                                       const QString &exportId, QString *error)
{
    const std::optional<Destination> destination = store.destination(destinationId);
    if (!destination) {
        *error = store.lastError().isEmpty()
                     ? tr("The destination of this export no longer exists.")
                     : store.lastError();
        return std::nullopt;
    }
    DeliveryDetail detail;
    detail.destinationId = destination->id;
    detail.destinationName = destination->name;
    detail.exportId = exportId;
    detail.attempts = store.deliveryLogOfExport(destinationId, exportId);
    if (!store.lastError().isEmpty()) {
        *error = store.lastError();
        return std::nullopt;
    }
    if (detail.attempts.isEmpty()) {
        *error = tr("No attempt of export %1 is left in the delivery log of “%2”.")
                     .arg(exportId, destination->name);
        return std::nullopt;
    }
    const DeliveryLogEntry &newest = detail.attempts.constFirst();
    detail.profileId = newest.profileId;
    detail.profileIdentity = newest.profileIdentity;
    detail.lane = newest.lane;
    detail.url = shownUrl(*destination);
    // The newest attempt's request (a batch's id when it went in one).
    QString batchId;
    for (const DeliveryLogEntry &entry : std::as_const(detail.attempts)) {
        if (!entry.isSuperseded()) {
            batchId = entry.batchId;
            break;
        }
    }
    detail.requestHeaders = shownHeaders(*destination, exportId, batchId);

    // The answer: the newest real attempt (a "superseded" entry is the
    // replay's word, not an answer).
    for (const DeliveryLogEntry &entry : std::as_const(detail.attempts)) {
        if (entry.isSuperseded())
            continue;
        detail.httpStatus = entry.httpStatus;
        detail.responseHeaders = entry.responseHeaders;
        detail.responseExcerpt = entry.responseExcerpt;
        detail.error = entry.error;
        detail.errorKind = entry.errorKind;
        detail.answeredAt = entry.attemptedAt;
        break;
    }

    std::optional<QueuedExport> queued;
    if (const std::optional<Dataflow> dataflow = store.dataflowOfDestination(destinationId)) {
        queued = store.queuedExport(dataflow->id, detail.profileId, exportId);
        if (!queued && !store.lastError().isEmpty()) {
            *error = store.lastError();
            return std::nullopt;
        }
    }
    if (queued) {
        switch (queued->state) {
        case QueuedExport::State::Pending:
            detail.state = DeliveryDetail::State::Pending;
            break;
        case QueuedExport::State::Sending:
            detail.state = DeliveryDetail::State::Sending;
            break;
        case QueuedExport::State::Retrying:
            detail.state = DeliveryDetail::State::Retrying;
            break;
        case QueuedExport::State::Failed:
            detail.state = DeliveryDetail::State::Failed;
            break;
        }
        detail.lane = queued->lane;
        detail.body = jsontext::indented(queued->payload);
        if (detail.responseExcerpt.isEmpty())
            detail.responseExcerpt = queued->responseExcerpt;
        return detail;
    }
    detail.state = newest.outcome == DeliveryOutcome::Delivered ? DeliveryDetail::State::Delivered
                   : newest.isSuperseded()                      ? DeliveryDetail::State::Superseded
                                                                : DeliveryDetail::State::Gone;
    detail.bodyNote = detail.state == DeliveryDetail::State::Delivered
                          ? tr("The body of a delivered export is not kept: the outbox lets it "
                               "go after the 2xx.")
                          : tr("The body is no longer kept: the export left the outbox.");
    return detail;
}

QJsonValue maskProfileValues(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object: {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = maskProfileValues(it.value());
        return object;
    }
    case QJsonValue::Array: {
        QJsonArray array;
        for (const QJsonValue &item : value.toArray())
            array.append(maskProfileValues(item));
        return array;
    }
    case QJsonValue::String:
        return profileMask;
    case QJsonValue::Double:
        return 0;
    case QJsonValue::Bool:
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return value;
    }
    return value;
}

QByteArray maskJsonValues(QByteArrayView json)
{
    const QByteArray maskedString = QByteArray("\"") + profileMask.toUtf8() + '"';
    QByteArray out;
    out.reserve(json.size());
    const char *p = json.data();
    const char *const end = p + json.size();
    const auto isBlank = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
    while (p < end) {
        const char c = *p;
        if (c == '"') {
            const char *after = jsontext::skipString(p, end);
            if (!after) { // cut short: whatever follows is part of it
                out.append(maskedString);
                break;
            }
            // A key when a colon follows.
            const char *next = after;
            while (next < end && isBlank(*next))
                ++next;
            if (next < end && *next == ':')
                out.append(p, after - p);
            else
                out.append(maskedString);
            p = after;
            continue;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            while (p < end && (*p == '-' || *p == '+' || *p == '.' || *p == 'e' || *p == 'E' ||
                               (*p >= '0' && *p <= '9')))
                ++p;
            out.append('0');
            continue;
        }
        out.append(c);
        ++p;
    }
    return out;
}

QString maskIdentity(const QString &identity)
{
    if (identity.isEmpty())
        return identity;
    const qsizetype colon = identity.indexOf(u':');
    return colon < 0 ? profileMask : identity.left(colon + 1) + profileMask;
}

} // namespace outflow
