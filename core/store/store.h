#pragma once

#include "model/audience.h"
#include "model/dataflow.h"
#include "model/delivery.h"
#include "model/destination.h"
#include "model/export.h"
#include "model/identity.h"
#include "model/profile.h"
#include "monitoring/alerttracker.h"
#include "monitoring/metricsbucket.h"

#include <optional>
#include <QHash>
#include <QList>
#include <QString>

namespace outflow {

// A merge of two profiles, as recorded by Store::mergeProfiles().
struct MergeRecord
{
    qint64 survivorId = 0;
    qint64 absorbedId = 0;
    qint64 mergedAt = 0; // UNIX ms
};

// How many members of an audience are realized and exited.
struct MembershipCounts
{
    qint64 realized = 0;
    qint64 exited = 0;
};

// The durable store, kept narrow and free of SQL so that a PostgreSQL
// implementation can follow the SQLite one (DESIGN §4). One instance per
// thread (each owns its own database connection); not thread-safe itself.
//
// Errors: methods that write return false (or 0 / nullopt) on failure and
// leave the reason in lastError(); the caller rolls the transaction back.
class Store
{
public:
    virtual ~Store() = default;

    // Opens the store, creating it when missing, and applies pending
    // migrations (each one a transaction). Refuses a store whose schema is
    // newer than this build knows, or a file that is not an Outflow store,
    // with a message that says so.
    virtual bool open() = 0;
    virtual void close() = 0;
    virtual QString lastError() const = 0;
    virtual int schemaVersion() const = 0; // of the open store

    // Writes between begin() and commit() are one atomic unit.
    virtual bool begin() = 0;
    virtual bool commit() = 0;
    virtual void rollback() = 0;

    // --- profiles and the identity graph -------------------------------------
    // The profiles owning any of `identities`: distinct ids, ascending.
    virtual QList<qint64> owners(const QList<Identity> &identities) = 0;
    virtual std::optional<qint64> owner(const Identity &identity) = 0;
    // A profile with its identities (in insertion order); nullopt when absent.
    virtual std::optional<Profile> profile(qint64 id) = 0;
    // Inserts attributes, times and identities; returns the new id (0 on error).
    virtual qint64 insertProfile(const Profile &profile) = 0;
    // Rewrites attributes and updatedAt; identities are left as they are.
    virtual bool updateProfile(const Profile &profile) = 0;
    // Adds identities to a profile; one it already owns only has its
    // `primary` flag updated. An identity owned by another profile is an
    // error (merge the profiles first).
    virtual bool addIdentities(qint64 profileId, const QList<Identity> &identities) = 0;
    // Moves the identities (and, once they exist, memberships) of `absorbed`
    // to `survivor`, deletes `absorbed` and records the merge.
    virtual bool mergeProfiles(qint64 survivor, qint64 absorbed, qint64 mergedAt) = 0;
    virtual QList<MergeRecord> mergesInto(qint64 survivor) = 0;
    virtual qint64 profileCount() = 0;
    // Profile ids in ascending order, after `afterId`, at most `limit`.
    virtual QList<qint64> profileIds(qint64 afterId, int limit) = 0;

    // --- audiences and memberships -------------------------------------------
    // Audience names are unique: inserting or renaming to a name another
    // audience has fails with a message naming it. Lookups return nullopt
    // when absent (lastError() empty) or on failure (lastError() says why).
    virtual bool insertAudience(const Audience &audience) = 0;
    // Rewrites name, description, rule, merge policy and updatedAt, by id.
    virtual bool updateAudience(const Audience &audience) = 0;
    // Deletes the audience and all its memberships.
    virtual bool deleteAudience(const QString &id) = 0;
    virtual std::optional<Audience> audience(const QString &id) = 0;
    virtual std::optional<Audience> audienceByName(const QString &name) = 0;
    // Every audience, by name; lastError() is set when the list is cut short.
    virtual QList<Audience> audiences() = 0;
    // The profile's memberships (realized and exited), by audience id; on
    // failure an empty list with lastError() set (it is cleared otherwise).
    virtual QList<Membership> memberships(qint64 profileId) = 0;
    // The ids of the audiences the profile is realized in, in no particular
    // order (segmentation's read: no times, no sort); lastError() as above.
    virtual QStringList realizedAudiences(qint64 profileId) = 0;
    // Inserts or replaces the membership of (profileId, audienceId).
    virtual bool setMembership(const Membership &membership) = 0;
    // Several at once (segmentation writes a profile's transitions together):
    // of two for the same pair, the later one is kept. On failure some may be
    // written: callers run it inside their transaction and roll back.
    virtual bool setMemberships(const QList<Membership> &memberships) = 0;
    virtual MembershipCounts membershipCounts(const QString &audienceId) = 0;
    // Every audience with at least one membership, by audience id.
    virtual QHash<QString, MembershipCounts> allMembershipCounts() = 0;
    // Realized members of an audience in ascending profile id, after
    // `afterId`, at most `limit`; lastError() is set on failure, else cleared.
    virtual QList<qint64> realizedMembers(const QString &audienceId, qint64 afterId, int limit) = 0;
    // Retention: deletes exited memberships whose lastQualificationTime is
    // before `isoTime` (same format); returns how many, or -1 on failure.
    virtual qint64 removeExitedBefore(const QString &isoTime) = 0;

    // --- destinations and dataflows (activation) ------------------------------
    // Names are unique, as for audiences. Deleting a destination deletes its
    // dataflow, outbox, activation log, counters and backfills.
    virtual bool insertDestination(const Destination &destination) = 0;
    // Rewrites everything but id and createdAt, by id.
    virtual bool updateDestination(const Destination &destination) = 0;
    virtual bool deleteDestination(const QString &id) = 0;
    virtual std::optional<Destination> destination(const QString &id) = 0;
    virtual std::optional<Destination> destinationByName(const QString &name) = 0;
    virtual QList<Destination> destinations() = 0; // by name
    // Inserts or replaces the dataflow of its destination.
    virtual bool saveDataflow(const Dataflow &dataflow) = 0;
    virtual std::optional<Dataflow> dataflowOfDestination(const QString &destinationId) = 0;
    virtual QList<Dataflow> dataflows() = 0;

    // --- the outbox and the activation log -------------------------------------
    // Appends an export; its sequence is assigned by the store.
    virtual bool enqueueExport(const OutboxExport &exportRow) = 0;
    // Exports of a dataflow still in the outbox (pending, retrying or failed).
    virtual qint64 outboxCount(const QString &dataflowId) = 0;
    // The outbox in sequence order, after `afterSequence`, at most `limit`.
    virtual QList<OutboxExport> outbox(const QString &dataflowId, qint64 afterSequence,
                                       int limit) = 0;
    // Logs a decision. The log is pruned by age (removeActivationsBefore);
    // suppressed decisions are also kept to the newest
    // KeptSuppressedDecisions per profile and dataflow, the older ones removed
    // as a new one is recorded.
    static constexpr int KeptSuppressedDecisions = 20;
    virtual bool recordActivation(const ActivationRecord &record) = 0;
    // A profile's decisions for a dataflow, newest first.
    virtual QList<ActivationRecord> activations(const QString &dataflowId, qint64 profileId,
                                                int limit) = 0;
    // Removes activation records older than `beforeMs`; returns how many or -1.
    virtual qint64 removeActivationsBefore(qint64 beforeMs) = 0;
    // Cumulative per-dataflow figures ("received", "created", "excluded",
    // "excluded:<reason>"…): adds `delta` to one.
    virtual bool addDataflowCounter(const QString &dataflowId, const QString &name,
                                    qint64 delta) = 0;
    virtual QHash<QString, qint64> dataflowCounters(const QString &dataflowId) = 0;

    // --- delivery (the sender, issue #6) ---------------------------------------
    // An export is pending (due), retrying (waiting for nextAttemptAt) or
    // failed (a dead letter); a sender's claim marks a pending or due one as
    // being sent (OutboxSummary::sending) until its outcome is recorded.
    // Exports of one profile go out one at a time, in sequence order: an
    // export is claimable only when no other export of its profile is claimed
    // and no earlier one is pending or waiting for a retry (failed ones do
    // not hold it back).
    //
    // Claims the claimable pending exports of one lane, in sequence order, at
    // most `limit`. Call inside begin()/commit().
    virtual QList<OutboxExport> claimPending(const QString &dataflowId, ExportLane lane,
                                             int limit) = 0;
    // Claims the claimable exports whose retry is due (nextAttemptAt <= nowMs),
    // the earliest first, at most `limit`.
    virtual QList<OutboxExport> claimDueRetries(const QString &dataflowId, qint64 nowMs,
                                                int limit) = 0;
    // Claims left (by a process that died, or a sender that stopped with
    // requests in flight) are dropped: their exports are due again, at least
    // once, with the same export id. Returns how many, -1 on failure.
    virtual qint64 releaseClaims(const QString &dataflowId) = 0;
    // The lease of a dataflow's delivery (SenderLease): taken or renewed for
    // `owner` until nowMs + ttlMs when it is free, expired, already
    // `owner`'s, or held by `staleOwner` (a holder the caller knows to be
    // dead); otherwise left to its holder. Returns the holder afterwards
    // (`owner` when taken), nullopt on failure.
    virtual std::optional<SenderLease> acquireSenderLease(const QString &dataflowId,
                                                          const QString &owner, qint64 nowMs,
                                                          qint64 ttlMs,
                                                          const QString &staleOwner = {}) = 0;
    // Gives the lease up, if `owner` holds it.
    virtual bool releaseSenderLease(const QString &dataflowId, const QString &owner) = 0;
    // The outcomes of attempts, each ending the export's claim: removes
    // delivered exports; schedules a retry; keeps a failed one as a dead
    // letter.
    virtual bool markDelivered(const QList<qint64> &sequences) = 0;
    virtual bool scheduleRetry(const AttemptRecord &attempt) = 0;
    virtual bool markFailed(const AttemptRecord &attempt) = 0;
    // Dead letters back to pending in the replay lane, attempts reset (their
    // export ids unchanged). Returns how many, -1 on failure. A dead letter a
    // newer export of its profile superseded (a later one in the activation
    // log: delivered, queued or failed) is not sent again: it is logged as
    // such in the delivery log and removed, and `superseded` says how many.
    virtual qint64 replayFailed(const QString &dataflowId, qint64 nowMs,
                                qint64 *superseded = nullptr) = 0;
    // Dead letters in sequence order, at most `limit`.
    virtual QList<FailedExport> failedExports(const QString &dataflowId, int limit) = 0;
    virtual std::optional<OutboxSummary> outboxSummary(const QString &dataflowId) = 0;

    // The delivery log of a destination, newest first on reading.
    virtual bool appendDeliveryLog(const DeliveryLogEntry &entry) = 0;
    virtual QList<DeliveryLogEntry> deliveryLog(const QString &destinationId, int limit) = 0;
    // Keeps the newest `keepCount` entries of a destination, none older than
    // `keepAfterMs`; returns how many were removed, -1 on failure.
    virtual qint64 pruneDeliveryLog(const QString &destinationId, int keepCount,
                                    qint64 keepAfterMs) = 0;

    // --- a profile's lineage (the Profiles page, issue #17) ----------------------
    // Every identity namespace in use, in ascending order.
    virtual QStringList identityNamespaces() = 0;
    // A profile's exports still in a dataflow's outbox, in sequence order.
    virtual QList<QueuedExport> queuedExportsOf(const QString &dataflowId, qint64 profileId) = 0;
    // A profile's entries in a destination's delivery log, newest first, at
    // most `limit`.
    virtual QList<DeliveryLogEntry> deliveryLogOf(const QString &destinationId, qint64 profileId,
                                                  int limit) = 0;

    // --- the delivery inspector (issue #18) -------------------------------------
    // The entries matching `query`, newest first, at most query.limit, with
    // their destination's name and profile's identity (DeliveryLogEntry).
    // On failure an empty list with lastError() set (cleared otherwise).
    virtual QList<DeliveryLogEntry> deliveryLog(const DeliveryLogQuery &query) = 0;
    // Every entry of one export in a destination's log (each attempt, and a
    // replay's), newest first.
    virtual QList<DeliveryLogEntry> deliveryLogOfExport(const QString &destinationId,
                                                        const QString &exportId) = 0;
    // One export of `profileId` still in a dataflow's outbox, with its payload
    // and its last answer's excerpt; nullopt when it left the outbox
    // (lastError() empty) or on failure (lastError() says why).
    virtual std::optional<QueuedExport> queuedExport(const QString &dataflowId, qint64 profileId,
                                                     const QString &exportId) = 0;
    // replayFailed() for the dead letters among `exportIds` only, by the same
    // rule: one superseded by a newer export of its profile is logged and
    // removed, not sent again (`superseded` counts them). The ids that are
    // not dead letters of the dataflow (unknown, delivered, already
    // replayed) go to `notFailed` and are left alone. Returns how many were
    // queued again, -1 on failure. Inside a transaction of the caller's, a
    // rollback undoes it all (outflowctl refuses an unknown id that way).
    virtual qint64 replayFailedExports(const QString &dataflowId, const QStringList &exportIds,
                                       qint64 nowMs, qint64 *superseded = nullptr,
                                       QStringList *notFailed = nullptr) = 0;

    // --- backfills -------------------------------------------------------------
    // Inserts (id 0: the id is assigned and returned) or updates a backfill;
    // returns its id, 0 on failure.
    virtual qint64 saveBackfill(const Backfill &backfill) = 0;
    // Backfills not finished, oldest first; with `dataflowId`, of that one.
    virtual QList<Backfill> pendingBackfills(const QString &dataflowId = {}) = 0;
    // Every backfill of a dataflow, newest first.
    virtual QList<Backfill> backfills(const QString &dataflowId) = 0;

    // --- monitoring --------------------------------------------------------------
    // Adds a bucket's figures to the stored bucket of the same period.
    virtual bool addMetrics(const MetricsBucket &bucket) = 0;
    // The buckets of a dataflow whose period starts in [fromMs, toMs), oldest first.
    virtual QList<MetricsBucket> metrics(const QString &dataflowId,
                                         MetricsBucket::Resolution resolution, qint64 fromMs,
                                         qint64 toMs) = 0;
    // The minute buckets of a dataflow whose period starts in [fromMs, toMs)
    // summed per hour (hour buckets, oldest first; hours without a minute
    // left out): what rollUpMinutes() would make of them, nothing written.
    // The Monitoring page's week reads 168 of these rather than 10,080 minutes.
    virtual QList<MetricsBucket> minutesByHour(const QString &dataflowId, qint64 fromMs,
                                               qint64 toMs) = 0;
    // Rolls minute buckets older than `beforeMs` into hour buckets (one
    // transaction of its own); returns how many minutes, or -1 on failure.
    virtual qint64 rollUpMinutes(qint64 beforeMs) = 0;
    // Removes hour buckets older than `beforeMs`; how many, or -1.
    virtual qint64 removeHoursBefore(qint64 beforeMs) = 0;
    // Inserts or replaces an alert, by id. An acknowledgement already stored
    // stays (another process may have made it: `outflowctl alerts
    // acknowledge` beside a running engine).
    virtual bool saveAlert(const Alert &alert) = 0;
    // Active alerts (or all, newest first, at most `limit`).
    virtual QList<Alert> alerts(bool activeOnly, int limit = 1000) = 0;
    // Marks the active alert `id` acknowledged at `atMs`, unless it already
    // was (the first time stays). The alert as stored then, resolved ones
    // too (untouched); nullopt when no alert has this id, or when the store
    // failed (lastError() then says why).
    virtual std::optional<Alert> acknowledgeAlert(const QString &id, qint64 atMs) = 0;
};

} // namespace outflow
