#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace outflow {

// Which share of a destination's sending an export belongs to: live exports
// go first; backfill (and resend) and replay each get a share (issue #6).
enum class ExportLane : quint8 { Live, Backfill, Replay };

inline QString exportLaneName(ExportLane lane)
{
    switch (lane) {
    case ExportLane::Live:
        return QStringLiteral("live");
    case ExportLane::Backfill:
        return QStringLiteral("backfill");
    case ExportLane::Replay:
        return QStringLiteral("replay");
    }
    return {};
}

// The lane of a stored name; Live for anything unknown.
inline ExportLane exportLaneFromName(QStringView name)
{
    if (name == u"backfill")
        return ExportLane::Backfill;
    if (name == u"replay")
        return ExportLane::Replay;
    return ExportLane::Live;
}

// One export waiting in the durable outbox (DESIGN §4): written in the
// transaction of the change that caused it, removed after a 2xx.
struct OutboxExport
{
    qint64 sequence = 0; // the outbox row id: per-profile delivery order
    QString exportId;    // UUID, sent as X-Outflow-Export-Id, the same on every retry
    QString dataflowId;
    qint64 profileId = 0;
    QByteArray payload; // compact JSON (activation/payloadbuilder.h)
    QByteArray reason;  // compact JSON: why it was made (see ExportReason)
    ExportLane lane = ExportLane::Live;
    int attempts = 0;
    qint64 nextAttemptAt = 0; // UNIX ms
    qint64 createdAt = 0;     // UNIX ms: when the causing change was merged
};

// What the activation log keeps of one decision, to answer "why was this
// profile sent?" and "why was it not?" (outflowctl profiles --why, the
// Profiles page). Suppressed: every trigger that applied is switched off on
// the dataflow (issue #17; logged since store version 10).
enum class ActivationOutcome : quint8 { Exported, Excluded, Suppressed };

// The stored and printed spelling: "exported", "excluded", "suppressed".
inline QString activationOutcomeName(ActivationOutcome outcome)
{
    switch (outcome) {
    case ActivationOutcome::Exported:
        return QStringLiteral("exported");
    case ActivationOutcome::Excluded:
        return QStringLiteral("excluded");
    case ActivationOutcome::Suppressed:
        return QStringLiteral("suppressed");
    }
    return {};
}

// Exported for anything unknown.
inline ActivationOutcome activationOutcomeFromName(QStringView name)
{
    if (name == u"excluded")
        return ActivationOutcome::Excluded;
    if (name == u"suppressed")
        return ActivationOutcome::Suppressed;
    return ActivationOutcome::Exported;
}

struct ActivationRecord
{
    qint64 id = 0;
    QString dataflowId;
    qint64 profileId = 0;
    ActivationOutcome outcome = ActivationOutcome::Exported;
    QString exportId;  // empty when excluded
    QByteArray reason; // compact JSON, as OutboxExport::reason
    qint64 createdAt = 0;
};

// A background export of every profile realized in some audiences of a
// dataflow: a backfill when they are mapped, a resend when an administrator
// asks for one ("Activate now"). Progress is stored with each page's exports,
// in the same transaction, so a restart resumes where the last commit left it
// and never exports a profile twice for the same backfill.
struct Backfill
{
    enum class Kind : quint8 { Backfill, Resend };

    qint64 id = 0;
    QString dataflowId;
    Kind kind = Kind::Backfill;
    QStringList audienceIds;   // walked one after the other
    int audienceIndex = 0;     // the audience being walked
    qint64 afterProfileId = 0; // the last profile id done in that audience
    qint64 done = 0;
    qint64 total = 0; // realized members when it was created (an upper bound)
    bool finished = false;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

inline QString backfillKindName(Backfill::Kind kind)
{
    return kind == Backfill::Kind::Backfill ? QStringLiteral("backfill") : QStringLiteral("resend");
}

} // namespace outflow

Q_DECLARE_METATYPE(outflow::OutboxExport)
