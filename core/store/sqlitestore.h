#pragma once

#include "store/migration.h"
#include "store/store.h"

#include <initializer_list>
#include <memory>
#include <QSqlDatabase>

class QSqlQuery;
struct sqlite3;

namespace outflow {
class ProfileCache;
class SqliteStatement;
class WalCheckpointer;
} // namespace outflow

namespace outflow {

// The embedded store (DESIGN §4): one SQLite file in WAL mode through QtSql's
// QSQLITE driver. All SQLite-specific SQL lives in this class; the PostgreSQL
// store implements the same interface with its own.
//
// Each instance owns one connection, opened by open() on the thread that uses
// it and removed by close() or the destructor. Statements are prepared once
// per connection and reused: the merge pipeline calls owners(), profile(),
// updateProfile()/insertProfile() and addIdentities() for every fragment.
//
// Inside a transaction those are answered from a ProfileCache where it can:
// an index of every identity and the most recently used profiles, written
// through on every change. Its validity rests on a generation number that
// every transaction writing profiles or identities increments (SQLite's
// user_version, in the database header; nothing else of Outflow uses it):
// begin() compares it with the one this connection last saw, and forgets
// the cache when another connection changed profiles in between. Reads
// outside a transaction always go to SQLite, and rollback() clears the cache.
class SqliteStore final : public Store
{
public:
    explicit SqliteStore(const QString &path,
                         QList<Migration> migrations = SqliteStore::migrations());
    ~SqliteStore() override;
    SqliteStore(const SqliteStore &) = delete;
    SqliteStore &operator=(const SqliteStore &) = delete;

    // The built-in schema history, oldest first (sqlitemigrations.cpp).
    static QList<Migration> migrations();

    QString path() const { return m_path; }

    // Bounds of the profile cache (see above): bytes of cached profiles
    // (ProfileCache::DefaultMaxBytes) and slots of the identity index
    // (IdentityIndex::DefaultMaxSlots; 0: no index, every lookup in SQLite).
    // Empties the cache; the tests use it to compare against no cache at all.
    void setProfileCacheLimits(qint64 maxBytes, size_t maxIndexSlots);

    // With it, open() runs SQLite's quick_check before anything is written,
    // and refuses a damaged store with a message naming `store check` and the
    // last backup (the Engine's open, issue #23). Off by default: it reads
    // every page, and short-lived commands leave it to the Engine.
    void setVerifyOnOpen(bool verify) { m_verifyOnOpen = verify; }

    bool open() override;
    void close() override;
    QString lastError() const override { return m_error; }
    int schemaVersion() const override { return m_schemaVersion; }

    bool begin() override;
    bool commit() override;
    void rollback() override;

    QList<qint64> owners(const QList<Identity> &identities) override;
    std::optional<qint64> owner(const Identity &identity) override;
    std::optional<Profile> profile(qint64 id) override;
    qint64 insertProfile(const Profile &profile) override;
    bool updateProfile(const Profile &profile) override;
    bool addIdentities(qint64 profileId, const QList<Identity> &identities) override;
    bool mergeProfiles(qint64 survivor, qint64 absorbed, qint64 mergedAt) override;
    QList<MergeRecord> mergesInto(qint64 survivor) override;
    qint64 profileCount() override;
    QList<qint64> profileIds(qint64 afterId, int limit) override;

    // Audiences and memberships (sqliteaudiences.cpp).
    bool insertAudience(const Audience &audience) override;
    bool updateAudience(const Audience &audience) override;
    bool deleteAudience(const QString &id) override;
    std::optional<Audience> audience(const QString &id) override;
    std::optional<Audience> audienceByName(const QString &name) override;
    QList<Audience> audiences() override;
    QList<Membership> memberships(qint64 profileId) override;
    QStringList realizedAudiences(qint64 profileId) override;
    bool setMembership(const Membership &membership) override;
    bool setMemberships(const QList<Membership> &memberships) override;
    MembershipCounts membershipCounts(const QString &audienceId) override;
    QHash<QString, MembershipCounts> allMembershipCounts() override;
    QList<qint64> realizedMembers(const QString &audienceId, qint64 afterId, int limit) override;
    qint64 removeExitedBefore(const QString &isoTime) override;

    // Destinations and dataflows (sqlitedestinations.cpp).
    bool insertDestination(const Destination &destination) override;
    bool updateDestination(const Destination &destination) override;
    bool deleteDestination(const QString &id) override;
    std::optional<Destination> destination(const QString &id) override;
    std::optional<Destination> destinationByName(const QString &name) override;
    QList<Destination> destinations() override;
    bool saveDataflow(const Dataflow &dataflow) override;
    std::optional<Dataflow> dataflowOfDestination(const QString &destinationId) override;
    QList<Dataflow> dataflows() override;

    // The outbox, activation log, counters and backfills (sqliteoutbox.cpp).
    bool enqueueExport(const OutboxExport &exportRow) override;
    qint64 outboxCount(const QString &dataflowId) override;
    QList<OutboxExport> outbox(const QString &dataflowId, qint64 afterSequence, int limit) override;
    bool recordActivation(const ActivationRecord &record) override;
    QList<ActivationRecord> activations(const QString &dataflowId, qint64 profileId,
                                        int limit) override;
    qint64 removeActivationsBefore(qint64 beforeMs) override;
    bool addDataflowCounter(const QString &dataflowId, const QString &name, qint64 delta) override;
    QHash<QString, qint64> dataflowCounters(const QString &dataflowId) override;
    qint64 saveBackfill(const Backfill &backfill) override;
    QList<Backfill> pendingBackfills(const QString &dataflowId = {}) override;
    QList<Backfill> backfills(const QString &dataflowId) override;

    // Delivery: claims, outcomes, dead letters and the delivery log
    // (sqlitedelivery.cpp, sqlitedeliverylog.cpp).
    QList<OutboxExport> claimPending(const QString &dataflowId, ExportLane lane,
                                     int limit) override;
    QList<OutboxExport> claimDueRetries(const QString &dataflowId, qint64 nowMs,
                                        int limit) override;
    qint64 releaseClaims(const QString &dataflowId) override;
    std::optional<SenderLease> acquireSenderLease(const QString &dataflowId, const QString &owner,
                                                  qint64 nowMs, qint64 ttlMs,
                                                  const QString &staleOwner = {}) override;
    bool releaseSenderLease(const QString &dataflowId, const QString &owner) override;
    bool markDelivered(const QList<qint64> &sequences) override;
    bool scheduleRetry(const AttemptRecord &attempt) override;
    bool markFailed(const AttemptRecord &attempt) override;
    qint64 replayFailed(const QString &dataflowId, qint64 nowMs,
                        qint64 *superseded = nullptr) override;
    QList<FailedExport> failedExports(const QString &dataflowId, int limit) override;
    std::optional<OutboxSummary> outboxSummary(const QString &dataflowId) override;
    bool appendDeliveryLog(const DeliveryLogEntry &entry) override;
    QList<DeliveryLogEntry> deliveryLog(const QString &destinationId, int limit) override;
    qint64 pruneDeliveryLog(const QString &destinationId, int keepCount,
                            qint64 keepAfterMs) override;

    // A profile's lineage (sqliteprofilelineage.cpp).
    QStringList identityNamespaces() override;
    QList<QueuedExport> queuedExportsOf(const QString &dataflowId, qint64 profileId) override;
    QList<DeliveryLogEntry> deliveryLogOf(const QString &destinationId, qint64 profileId,
                                          int limit) override;

    // The delivery inspector (sqlitedeliveryinspector.cpp; replayFailedExports
    // in sqlitedelivery.cpp).
    QList<DeliveryLogEntry> deliveryLog(const DeliveryLogQuery &query) override;
    QList<DeliveryLogEntry> deliveryLogOfExport(const QString &destinationId,
                                                const QString &exportId) override;
    std::optional<QueuedExport> queuedExport(const QString &dataflowId, qint64 profileId,
                                             const QString &exportId) override;
    qint64 replayFailedExports(const QString &dataflowId, const QStringList &exportIds,
                               qint64 nowMs, qint64 *superseded = nullptr,
                               QStringList *notFailed = nullptr) override;

    // Monitoring (sqlitemonitoring.cpp).
    bool addMetrics(const MetricsBucket &bucket) override;
    QList<MetricsBucket> metrics(const QString &dataflowId, MetricsBucket::Resolution resolution,
                                 qint64 fromMs, qint64 toMs) override;
    QList<MetricsBucket> minutesByHour(const QString &dataflowId, qint64 fromMs,
                                       qint64 toMs) override;
    qint64 rollUpMinutes(qint64 beforeMs) override;
    qint64 removeHoursBefore(qint64 beforeMs) override;
    bool saveAlert(const Alert &alert) override;
    QList<Alert> alerts(bool activeOnly, int limit = 1000) override;
    std::optional<Alert> acknowledgeAlert(const QString &id, qint64 atMs) override;

private:
    struct Statements;

    bool checkFile();
    bool openConnection();
    bool checkIsOutflowStore();
    bool verify();
    static bool readVersion(QSqlQuery &query, int *version);
    bool configure();
    bool migrate();
    bool applyMigration(const Migration &migration);
    bool prepareStatements();
    sqlite3 *nativeHandle();

    bool isOpen();
    bool exec(QSqlQuery &query);
    bool fail(const QString &message);
    bool failQuery(const QSqlQuery &query);
    bool failStatement(const SqliteStatement &statement);
    // Runs a statement that returns no row, with integer parameters ?1, ?2...
    bool run(SqliteStatement &statement, std::initializer_list<qint64> values);
    bool upsertIdentities(qint64 profileId, const QList<Identity> &identities);
    bool insertNewIdentities(qint64 profileId, const QList<Identity> &identities);
    // The profile cache (sqliteprofiles.cpp): SQL reads behind it, and the
    // identity index filled from one scan on first use in a transaction.
    std::optional<Profile> readProfile(qint64 id);
    QList<qint64> ownersFromSql(const QList<Identity> &identities);
    std::optional<Profile> cachedProfile(qint64 id, bool *failed);
    bool ensureIdentityIndex();
    bool readGeneration(int *generation);
    bool writeGeneration();
    // Runs work() in a transaction of its own unless the caller has begun one,
    // so that a multi-statement write outside begin()/commit() is still atomic.
    template<typename Work>
    bool atomically(Work &&work);
    // True when the profile is stored; else false with lastError() set.
    bool profileExists(qint64 profileId);

    QString m_path;
    QList<Migration> m_migrations;
    QString m_connectionName;
    QSqlDatabase m_db;
    std::unique_ptr<Statements> m_statements; // exist only while open
    std::unique_ptr<WalCheckpointer> m_checkpointer;
    QString m_error;
    int m_schemaVersion = 0;
    bool m_inTransaction = false;
    bool m_verifyOnOpen = false;
    bool m_registered = false; // in StoreMaintenance's list of this process's open stores
    std::unique_ptr<ProfileCache> m_cache;
    int m_generation = 0;           // of profiles, as last seen or written by this connection
    bool m_profilesWritten = false; // in the open transaction: commit() increments the generation

    // The audience statements (sqliteaudiences_p.h), prepared on first use
    // and destroyed by close() before the connection.
    struct AudienceStatements;
    struct AudienceStatementsDeleter
    {
        void operator()(AudienceStatements *statements) const;
    };
    AudienceStatements *audienceStatements();
    void forgetAudienceKeys(); // see AudienceStatements (sqliteaudiences_p.h)
    bool checkAudienceName(const Audience &audience);
    std::optional<Audience> readAudience(QSqlQuery &query);
    std::unique_ptr<AudienceStatements, AudienceStatementsDeleter> m_audienceStatements;

    // The activation statements (sqliteactivation_p.h), likewise.
    struct ActivationStatements;
    struct ActivationStatementsDeleter
    {
        void operator()(ActivationStatements *statements) const;
    };
    ActivationStatements *activationStatements();
    bool checkDestinationName(const Destination &destination);
    // Runs a prepared query and turns each row into a value; lastError() is
    // cleared first, so an empty list with it empty means no rows.
    template<typename Row, typename FromRow>
    QList<Row> readRows(QSqlQuery &query, FromRow fromRow);
    std::unique_ptr<ActivationStatements, ActivationStatementsDeleter> m_activationStatements;

    // The delivery statements (sqlitedelivery_p.h), likewise.
    struct DeliveryStatements;
    struct DeliveryStatementsDeleter
    {
        void operator()(DeliveryStatements *statements) const;
    };
    DeliveryStatements *deliveryStatements();
    qint64 replayDeadLetters(const QString &dataflowId, const QStringList *chosen, qint64 nowMs,
                             qint64 *superseded, QStringList *notFailed);
    QList<OutboxExport> claim(SqliteStatement &select, const QString &dataflowId, qint64 second,
                              int limit);
    bool recordAttempt(SqliteStatement &statement, const AttemptRecord &attempt);
    // Drops claims whose export is gone some other way than markDelivered.
    bool sweepClaims();
    std::unique_ptr<DeliveryStatements, DeliveryStatementsDeleter> m_deliveryStatements;
};

} // namespace outflow
