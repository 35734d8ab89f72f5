#pragma once

#include "model/audience.h"
#include "model/export.h"
#include "model/identity.h"

#include <optional>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace outflow {

class Store;

// What became of an export, as far as the store still knows (its outbox row
// while queued, else its delivery log entries).
enum class ExportFate : quint8 {
    None,       // no export: the decision excluded or suppressed it
    Pending,    // queued, waiting for its first attempt (or for its replay)
    Sending,    // claimed by a sender, in flight
    Retrying,   // a retryable failure: waiting for its next attempt
    Failed,     // failed for good: a dead letter, replayable
    Delivered,  // a 2xx
    Superseded, // a dead letter a newer export of the profile replaced: not sent again
    Unknown,    // no longer queued, and its delivery log entries were pruned
};

// The stable spelling (outflowctl --json): "pending", "delivered"…
QString exportFateName(ExportFate fate);

// Everything Outflow knows of one profile (issue #17): the merged profile,
// its identities, its memberships, and per destination each export decision
// with what became of the export. Built by read() alone, for both the
// Profiles page (Engine::lookupProfile) and `outflowctl profiles --why`.
struct ProfileLineage
{
    Q_DECLARE_TR_FUNCTIONS(ProfileLineage)

public:
    struct Membership
    {
        QString audienceId;
        QString audienceName; // empty when the audience is gone
        MembershipStatus status = MembershipStatus::Realized;
        QString lastQualificationTime; // ISO-8601 UTC: qualified at, or exited at
    };

    // One decision of the activation log, joined with its export's fate.
    struct Decision
    {
        qint64 id = 0;        // the log's order
        qint64 profileId = 0; // an absorbed profile's id for decisions made before a merge
        qint64 time = 0;      // UNIX ms
        ActivationOutcome kind = ActivationOutcome::Exported;
        QJsonObject reason; // as logged: triggers, missing attributes, suppressed triggers…
        QString exportId;   // exported only
        ExportFate fate = ExportFate::None;
        // Delivered: when; Retrying: the next attempt; Failed, Superseded:
        // the last attempt; else 0.
        qint64 fateAt = 0;
        int attempts = 0;
        bool replayed = false; // sent again from the dead letters (the replay lane)
        int httpStatus = 0;    // of the last attempt, 0 when none or no answer
        QString error;         // of the last attempt, redacted

        // "missing mandatory attribute personalEmail.address", "triggers
        // switched off: attribute", "segmentation, attribute": one line.
        QString reasonText() const;
        // "delivered at 2026-…", "retrying (attempt 2, next at …)": one line;
        // empty for ExportFate::None.
        QString fateText() const;
    };

    struct DestinationHistory
    {
        QString destinationId;
        QString destinationName;
        QString dataflowId;        // empty: the destination has no dataflow
        QList<Decision> decisions; // newest first
    };

    // What read() looks at.
    struct Scope
    {
        QString destinationId; // empty: every destination with a dataflow
        int decisionsPerDestination = 200;
    };

    qint64 profileId = 0;
    QList<qint64> absorbedIds; // profiles merged into this one, whose history is included
    // The merged profile in XDM shape: attributes, identityMap and
    // segmentMembership.ups (status and lastQualificationTime).
    QJsonObject profile;
    QList<Identity> identities;
    QList<Membership> memberships;          // by audience name
    QList<DestinationHistory> destinations; // by destination name

    // The lineage of the profile owning `identity`. nullopt with *error set
    // when there is none (*notFound true) or the store failed.
    static std::optional<ProfileLineage> read(Store &store, const Identity &identity,
                                              const Scope &scope, QString *error,
                                              bool *notFound = nullptr);
};

// "2026-12-07T10:15:00.123Z"; empty for 0.
QString lineageTime(qint64 unixMs);

} // namespace outflow

Q_DECLARE_METATYPE(outflow::ProfileLineage)
