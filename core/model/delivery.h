#pragma once

#include "model/export.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace outflow {

// How one delivery attempt of an export ended.
enum class DeliveryOutcome : quint8 {
    Delivered, // a 2xx: the export left the outbox
    Retry,     // a retryable failure: the export waits for its next attempt
    Failed,    // a final failure: the export stays in the outbox as a dead letter
};

inline QString deliveryOutcomeName(DeliveryOutcome outcome)
{
    switch (outcome) {
    case DeliveryOutcome::Delivered:
        return QStringLiteral("delivered");
    case DeliveryOutcome::Retry:
        return QStringLiteral("retry");
    case DeliveryOutcome::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

// One row of a destination's delivery log (DESIGN §2, issue #6 item 6): what
// the delivery inspector and `outflowctl deliveries` show. Bounded per
// destination by count and age. Every text is redacted before it is stored:
// Authorization values and secrets read "••••".
struct DeliveryLogEntry
{
    qint64 id = 0; // assigned by the store, ascending
    QString destinationId;
    QString exportId;
    qint64 profileId = 0;
    qint64 attemptedAt = 0; // UNIX ms: when the answer (or the failure) came
    int attempt = 1;        // 1 for the first attempt, counting retries
    DeliveryOutcome outcome = DeliveryOutcome::Delivered;
    int httpStatus = 0; // 0: no HTTP answer (connection error, timeout, TLS, auth)
    qint64 latencyMs = 0;
    // A stable identifier of the cause when not delivered ("http-status",
    // "timeout", "connection-refused", …, see TransportResult), else empty.
    QString errorKind;
    QString error;           // one translated sentence, redacted
    QString responseExcerpt; // at most 1 KiB of the answer's body, redacted
    ExportLane lane = ExportLane::Live;
    // The answer's header lines ("Name: value", one a line) of an answer
    // that was not a 2xx, redacted, at most ResponseHeadersBytes (store
    // version 11); empty for a 2xx, for no answer and for older rows.
    QString responseHeaders;
    static constexpr int ResponseHeadersBytes = 2048;
    // --- Batched delivery (issue #22) ---
    // The X-Outflow-Batch-Id of the request that carried the export (store
    // version 14); empty for an export sent alone and for older rows.
    QString batchId;
    // --- end Batched delivery ---

    // Filled by Store::deliveryLog(const DeliveryLogQuery &) only, for the
    // delivery inspector's table: the destination's name, and one identity
    // of the profile ("ns:id", its primary one first; the survivor's when the
    // profile was merged into another since; empty when none is left).
    QString destinationName;
    QString profileIdentity;

    // Not sent again by a replay: a newer export of its profile replaced it
    // (Store::replayFailed, issue #21).
    bool isSuperseded() const { return errorKind == QLatin1String("superseded"); }
};

// A filtered page of the delivery logs (the delivery inspector, issue #18):
// entries newest first, at most `limit`.
struct DeliveryLogQuery
{
    enum class Outcome : quint8 { Any, Delivered, Retry, Failed };

    QString destinationId; // empty: every destination
    Outcome outcome = Outcome::Any;
    // Blanks around it ignored; empty: no filter. Matches an export id by
    // prefix (case aside), a profile id (digits), or an identity value: "ns:id"
    // exactly, or an id in any namespace. A profile merged into the one the
    // identity names since is matched too (its older entries carry its old id).
    QString search;
    qint64 beforeId = 0; // > 0: entries older than this one (the next page)
    qint64 afterId = 0;  // > 0: entries newer than this one (a live refresh)
    int limit = 500;
};

// A dead letter: an export that failed for good, kept with what the last
// attempt got for the administrator (outflowctl deliveries --failed).
struct FailedExport
{
    OutboxExport exportRow;
    int httpStatus = 0;
    QString errorKind;
    QString error;
    QString responseExcerpt;
    qint64 lastAttemptAt = 0;
};

// The outbox of one dataflow by state, for metrics and `run --until-idle`.
struct OutboxSummary
{
    qint64 pending = 0;         // waiting for their first attempt (or a replay)
    qint64 sending = 0;         // claimed by a sender, in flight
    qint64 retrying = 0;        // waiting for a retry
    qint64 failed = 0;          // dead letters
    qint64 oldestCreatedAt = 0; // of the exports not failed; 0 when none
    qint64 nextRetryAt = 0;     // the earliest retry; 0 when none

    qint64 backlog() const { return pending + sending + retrying; }
};

// An export still in the outbox, with its state: what the Profiles page
// (issue #17) says became of an export not delivered yet.
struct QueuedExport
{
    enum class State : quint8 {
        Pending,  // waiting for its first attempt, or for a replay (lane Replay)
        Sending,  // claimed by a sender, in flight
        Retrying, // waiting for nextAttemptAt
        Failed,   // a dead letter
    };
    qint64 sequence = 0;
    QString exportId;
    ExportLane lane = ExportLane::Live;
    State state = State::Pending;
    int attempts = 0;
    qint64 nextAttemptAt = 0; // UNIX ms
    qint64 lastAttemptAt = 0; // UNIX ms; 0 before the first attempt
    int httpStatus = 0;
    QString errorKind;
    QString error; // redacted
    // Store::queuedExport() only: the export's JSON as it is sent, and the
    // last attempt's answer (redacted, at most 1 KiB).
    QByteArray payload;
    QString responseExcerpt;
};

// Who delivers a dataflow: one sender at a time, whatever the processes on
// the store (the app and `outflowctl run`, say). `owner` names the sender
// ("host/pid/nonce", see DestinationSender); the lease lasts until
// `expiresAt` (UNIX ms) unless renewed.
struct SenderLease
{
    QString owner;
    qint64 expiresAt = 0;
};

// What an attempt leaves on its export: the store keeps the last one.
struct AttemptRecord
{
    qint64 sequence = 0;
    int attempts = 0;         // attempts made so far, this one included
    qint64 attemptedAt = 0;   // UNIX ms
    qint64 nextAttemptAt = 0; // retries only
    int httpStatus = 0;
    QString errorKind;
    QString error;           // redacted
    QString responseExcerpt; // redacted, at most 1 KiB
};

} // namespace outflow

Q_DECLARE_METATYPE(outflow::DeliveryLogEntry)
Q_DECLARE_METATYPE(outflow::DeliveryLogQuery)
