#pragma once

#include "model/delivery.h"
#include "model/destination.h"

#include <optional>
#include <QByteArray>
#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QMetaType>
#include <QString>

namespace outflow {

class Store;

// One export as the delivery inspector shows it (issue #18, DESIGN §8
// Deliveries): the request as it is sent and what came back, secrets masked
// ("••••", DESIGN §6), with every attempt logged for it.
struct DeliveryDetail
{
    // Where the export is now.
    enum class State : quint8 {
        Gone,       // left the outbox another way (its dataflow replaced, its log pruned…)
        Pending,    // waiting for its first attempt, or for a replay
        Sending,    // in flight
        Retrying,   // waiting for its next attempt
        Failed,     // a dead letter: replayable
        Delivered,  // a 2xx
        Superseded, // a dead letter a newer export of its profile replaced: not sent again
    };

    QString destinationId;
    QString destinationName;
    QString exportId;
    qint64 profileId = 0;
    QString profileIdentity; // "ns:id"; empty when the profile has none left
    State state = State::Gone;
    ExportLane lane = ExportLane::Live;

    // The request: the destination's settings as they are now.
    QString method = QStringLiteral("POST");
    QString url;                      // the configured query appended, secret values "••••"
    QList<HttpHeader> requestHeaders; // in the order they are set; secret ones "••••"
    // The body, indented, while the outbox holds the export (pending,
    // retrying, failed); empty once it left (bodyNote says why).
    QByteArray body;
    QString bodyNote;

    // The newest attempt's answer (redacted when it was stored).
    int httpStatus = 0; // 0: no HTTP answer
    QString responseHeaders;
    QString responseExcerpt;
    QString error;
    QString errorKind;
    qint64 answeredAt = 0; // UNIX ms

    QList<DeliveryLogEntry> attempts; // every logged attempt, newest first
};

// Reads a DeliveryDetail from the store: one implementation for the app's
// inspector (through the Engine) and any other reader.
class DeliveryInspection
{
    Q_DECLARE_TR_FUNCTIONS(DeliveryInspection)

public:
    // nullopt with `error` set when the destination or every trace of the
    // export is gone, or the store fails.
    static std::optional<DeliveryDetail> read(Store &store, const QString &destinationId,
                                              const QString &exportId, QString *error);

    // The request's URL: the endpoint with the configured query, the values
    // of secret query parameters (marked so, or named like a key) "••••".
    static QString shownUrl(const Destination &destination);
    // The headers Outflow sets on each request, in that order:
    // Content-Type, User-Agent, the configured ones (secret ones, or named
    // like a key, "••••"), X-Outflow-Export-Id, and "Authorization: ••••"
    // when the destination authenticates. An export sent in a batch (issue
    // #22) shows its request's X-Outflow-Batch-Id instead of its export id.
    static QList<HttpHeader> shownHeaders(const Destination &destination, const QString &exportId,
                                          const QString &batchId = {});
    // "Failed (dead letter)", "Delivered", …, translated.
    static QString stateText(DeliveryDetail::State state);
};

// Screen sharing: every scalar value of a profile's JSON replaced by a mask
// of its kind, keys and shape kept: strings "•••", numbers 0; booleans and
// nulls are kept (flags such as identityMap's "primary", nothing personal).
QJsonValue maskProfileValues(const QJsonValue &value);
// The same on JSON text, keeping its layout and key order (an indented
// body stays indented). Text cut short (an excerpt) is masked up to its end.
QByteArray maskJsonValues(QByteArrayView json);
// "ns:id" → "ns:•••"; without a namespace, "•••".
QString maskIdentity(const QString &identity);

} // namespace outflow

Q_DECLARE_METATYPE(outflow::DeliveryDetail)
