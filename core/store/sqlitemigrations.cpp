// The schema history of the SQLite store. Append new versions at the end;
// never edit a migration that has been released (stores in the field have
// already run it).
#include "sqlitestore.h"

namespace outflow {

namespace {

// Version 1 holds the tables for everything the following issues fill, so that
// they add code, not schema churn. Times are UNIX ms unless said otherwise.
QStringList schemaVersion1()
{
    return {
        // attributes: compact JSON object, without identityMap and segmentMembership.
        QStringLiteral("CREATE TABLE profiles ("
                       " id INTEGER PRIMARY KEY,"
                       " attributes TEXT NOT NULL DEFAULT '{}',"
                       " created_at INTEGER NOT NULL,"
                       " updated_at INTEGER NOT NULL)"),
        // WITHOUT ROWID: the hot lookup (namespace, id) → profile_id is answered by
        // the primary key b-tree alone. position keeps the insertion order per profile.
        QStringLiteral("CREATE TABLE identities ("
                       " namespace TEXT NOT NULL,"
                       " id TEXT NOT NULL,"
                       " profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
                       " is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),"
                       " position INTEGER NOT NULL,"
                       " PRIMARY KEY (namespace, id)) WITHOUT ROWID"),
        // Covering (the primary key columns ride along in every index of a WITHOUT
        // ROWID table): loading a profile's identities never visits the table.
        QStringLiteral("CREATE INDEX identities_by_profile"
                       " ON identities(profile_id, position, is_primary)"),
        // History, not a relation: no foreign keys, the absorbed profile is gone and
        // the survivor may itself be absorbed later.
        QStringLiteral("CREATE TABLE profile_merges ("
                       " survivor_id INTEGER NOT NULL,"
                       " absorbed_id INTEGER NOT NULL,"
                       " merged_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX profile_merges_by_survivor"
                       " ON profile_merges(survivor_id, merged_at)"),
        QStringLiteral("CREATE INDEX profile_merges_by_absorbed ON profile_merges(absorbed_id)"),
        // rule: the expression of a segmentation audience (DESIGN §3); NULL for uploads.
        QStringLiteral("CREATE TABLE audiences ("
                       " id TEXT PRIMARY KEY,"
                       " name TEXT NOT NULL UNIQUE,"
                       " description TEXT NOT NULL DEFAULT '',"
                       " origin TEXT NOT NULL CHECK (origin IN ('segmentation', 'custom-upload')),"
                       " rule TEXT,"
                       " merge_policy_id TEXT NOT NULL DEFAULT 'default',"
                       " created_at INTEGER NOT NULL,"
                       " updated_at INTEGER NOT NULL)"),
        // last_qualification_time: ISO-8601 UTC, as exported in segmentMembership.
        QStringLiteral("CREATE TABLE memberships ("
                       " profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
                       " audience_id TEXT NOT NULL REFERENCES audiences(id) ON DELETE CASCADE,"
                       " status TEXT NOT NULL CHECK (status IN ('realized', 'exited')),"
                       " last_qualification_time TEXT NOT NULL,"
                       " PRIMARY KEY (profile_id, audience_id)) WITHOUT ROWID"),
        // Backfill walks the realized members of one audience in profile order.
        QStringLiteral("CREATE INDEX memberships_by_audience"
                       " ON memberships(audience_id, status, profile_id)"),
        // Retention removes exited entries older than its period.
        QStringLiteral("CREATE INDEX memberships_exited ON memberships(last_qualification_time)"
                       " WHERE status = 'exited'"),
        // config: everything but secrets, which stay in the keychain (DESIGN §6).
        QStringLiteral("CREATE TABLE destinations ("
                       " id TEXT PRIMARY KEY,"
                       " name TEXT NOT NULL UNIQUE,"
                       " config TEXT NOT NULL DEFAULT '{}',"
                       " enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),"
                       " created_at INTEGER NOT NULL,"
                       " updated_at INTEGER NOT NULL)"),
        // One dataflow per destination; config holds mapped audiences and attributes.
        QStringLiteral("CREATE TABLE dataflows ("
                       " id TEXT PRIMARY KEY,"
                       " destination_id TEXT NOT NULL UNIQUE"
                       "  REFERENCES destinations(id) ON DELETE CASCADE,"
                       " config TEXT NOT NULL DEFAULT '{}',"
                       " created_at INTEGER NOT NULL,"
                       " updated_at INTEGER NOT NULL)"),
        // The durable outbox: a row is committed before its fragment is acknowledged
        // and deleted after a 2xx. profile_id has no foreign key: a queued export
        // outlives a merge of its profile. id gives the per-profile delivery order.
        QStringLiteral("CREATE TABLE outbox ("
                       " id INTEGER PRIMARY KEY,"
                       " export_id TEXT NOT NULL UNIQUE,"
                       " dataflow_id TEXT NOT NULL REFERENCES dataflows(id) ON DELETE CASCADE,"
                       " profile_id INTEGER NOT NULL,"
                       " payload TEXT NOT NULL,"
                       " reason TEXT NOT NULL,"
                       " state TEXT NOT NULL DEFAULT 'pending',"
                       " attempts INTEGER NOT NULL DEFAULT 0,"
                       " next_attempt_at INTEGER NOT NULL,"
                       " created_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX outbox_due ON outbox(dataflow_id, state, next_attempt_at)"),
        QStringLiteral("CREATE INDEX outbox_by_profile ON outbox(dataflow_id, profile_id, id)"),
    };
}

// Version 2: what activation needs beside the version 1 tables (issue #5).
QStringList schemaVersion2()
{
    return {
        // Live exports are sent before backfill and replay (the sender's lanes).
        QStringLiteral("ALTER TABLE outbox ADD COLUMN lane TEXT NOT NULL DEFAULT 'live'"
                       " CHECK (lane IN ('live', 'backfill', 'replay'))"),
        // Why each profile was exported or excluded, per dataflow (profiles --why).
        // Pruned by age with the memberships' retention.
        QStringLiteral("CREATE TABLE activations ("
                       " id INTEGER PRIMARY KEY,"
                       " dataflow_id TEXT NOT NULL REFERENCES dataflows(id) ON DELETE CASCADE,"
                       " profile_id INTEGER NOT NULL,"
                       " outcome TEXT NOT NULL CHECK (outcome IN ('exported', 'excluded')),"
                       " export_id TEXT,"
                       " reason TEXT NOT NULL,"
                       " created_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX activations_by_profile"
                       " ON activations(dataflow_id, profile_id, id)"),
        QStringLiteral("CREATE INDEX activations_by_time ON activations(created_at)"),
        // Cumulative figures per dataflow: received, created, excluded (by reason)…
        QStringLiteral("CREATE TABLE dataflow_counters ("
                       " dataflow_id TEXT NOT NULL REFERENCES dataflows(id) ON DELETE CASCADE,"
                       " name TEXT NOT NULL,"
                       " value INTEGER NOT NULL DEFAULT 0,"
                       " PRIMARY KEY (dataflow_id, name)) WITHOUT ROWID"),
        // A backfill or resend walks the realized members of its audiences (a JSON
        // array), one after the other, in profile order; its cursor is committed
        // with each page's exports.
        QStringLiteral("CREATE TABLE backfills ("
                       " id INTEGER PRIMARY KEY,"
                       " dataflow_id TEXT NOT NULL REFERENCES dataflows(id) ON DELETE CASCADE,"
                       " kind TEXT NOT NULL CHECK (kind IN ('backfill', 'resend')),"
                       " audience_ids TEXT NOT NULL,"
                       " audience_index INTEGER NOT NULL DEFAULT 0,"
                       " after_profile_id INTEGER NOT NULL DEFAULT 0,"
                       " done INTEGER NOT NULL DEFAULT 0,"
                       " total INTEGER NOT NULL DEFAULT 0,"
                       " finished INTEGER NOT NULL DEFAULT 0 CHECK (finished IN (0, 1)),"
                       " created_at INTEGER NOT NULL,"
                       " updated_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX backfills_pending ON backfills(finished, id)"),
    };
}

// Version 3: monitoring (issue #7): per-dataflow figures by minute (rolled
// into hours after 30 days) and the alerts' lifecycle.
QStringList schemaVersion3()
{
    return {
        // Counts add up and latency histograms merge (LatencyHistogram::toText),
        // so any window is the sum of its rows. excluded_by: a JSON object.
        QStringLiteral("CREATE TABLE metrics ("
                       " dataflow_id TEXT NOT NULL REFERENCES dataflows(id) ON DELETE CASCADE,"
                       " resolution TEXT NOT NULL CHECK (resolution IN ('minute', 'hour')),"
                       " period_start INTEGER NOT NULL,"
                       " received INTEGER NOT NULL DEFAULT 0,"
                       " created INTEGER NOT NULL DEFAULT 0,"
                       " excluded INTEGER NOT NULL DEFAULT 0,"
                       " attempts INTEGER NOT NULL DEFAULT 0,"
                       " delivered INTEGER NOT NULL DEFAULT 0,"
                       " failed INTEGER NOT NULL DEFAULT 0,"
                       " retried INTEGER NOT NULL DEFAULT 0,"
                       " timeouts INTEGER NOT NULL DEFAULT 0,"
                       " on_time INTEGER NOT NULL DEFAULT 0,"
                       " excluded_by TEXT NOT NULL DEFAULT '{}',"
                       " latency TEXT NOT NULL DEFAULT '',"
                       " PRIMARY KEY (dataflow_id, resolution, period_start)) WITHOUT ROWID"),
        // No foreign key: an alert outlives the destination it was about.
        QStringLiteral("CREATE TABLE alerts ("
                       " id TEXT PRIMARY KEY,"
                       " kind TEXT NOT NULL,"
                       " destination_id TEXT NOT NULL,"
                       " destination_name TEXT NOT NULL,"
                       " state TEXT NOT NULL CHECK (state IN ('active', 'resolved')),"
                       " raised_at INTEGER NOT NULL,"
                       " updated_at INTEGER NOT NULL,"
                       " resolved_at INTEGER,"
                       " message TEXT NOT NULL,"
                       " figures TEXT NOT NULL DEFAULT '{}')"),
        QStringLiteral("CREATE INDEX alerts_by_state ON alerts(state, raised_at)"),
    };
}

// Version 4: what the sender needs (issue #6). An export's state is
// 'pending', 'sending' (claimed; version 7 moves claims to a table), 'retry'
// or 'failed' (a dead letter).
QStringList schemaVersion4()
{
    return {
        // What the last attempt got, kept for a dead letter (and shown for a
        // retry); texts are redacted before they are written (DESIGN §6).
        QStringLiteral("ALTER TABLE outbox ADD COLUMN last_attempt_at INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE outbox ADD COLUMN last_status INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE outbox ADD COLUMN last_error_kind TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE outbox ADD COLUMN last_error TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE outbox ADD COLUMN response_excerpt TEXT NOT NULL DEFAULT ''"),
        // One partial index per question the sender asks, each holding only
        // the rows it is about: which pending exports of a lane come next (in
        // sequence order), which retries are due, which exports failed. They
        // replace version 1's index over every state, which put a backlog of
        // 100,000 due rows in next_attempt_at order and had each claim sort it.
        QStringLiteral("DROP INDEX outbox_due"),
        QStringLiteral("CREATE INDEX outbox_pending ON outbox(dataflow_id, lane, id)"
                       " WHERE state = 'pending'"),
        QStringLiteral("CREATE INDEX outbox_retry ON outbox(dataflow_id, next_attempt_at)"
                       " WHERE state = 'retry'"),
        QStringLiteral("CREATE INDEX outbox_failed ON outbox(dataflow_id, id)"
                       " WHERE state = 'failed'"),
        QStringLiteral("CREATE INDEX outbox_sending ON outbox(dataflow_id)"
                       " WHERE state = 'sending'"),
        // The delivery log, per destination (kept when its dataflow is
        // replaced), bounded by count and age by the sender.
        QStringLiteral("CREATE TABLE deliveries ("
                       " id INTEGER PRIMARY KEY,"
                       " destination_id TEXT NOT NULL"
                       "  REFERENCES destinations(id) ON DELETE CASCADE,"
                       " export_id TEXT NOT NULL,"
                       " profile_id INTEGER NOT NULL,"
                       " attempted_at INTEGER NOT NULL,"
                       " attempt INTEGER NOT NULL,"
                       " outcome TEXT NOT NULL CHECK (outcome IN ('delivered', 'retry', 'failed')),"
                       " status INTEGER NOT NULL,"
                       " latency_ms INTEGER NOT NULL,"
                       " error_kind TEXT NOT NULL DEFAULT '',"
                       " error TEXT NOT NULL DEFAULT '',"
                       " response_excerpt TEXT NOT NULL DEFAULT '',"
                       " lane TEXT NOT NULL DEFAULT 'live')"),
        QStringLiteral("CREATE INDEX deliveries_by_destination ON deliveries(destination_id, id)"),
    };
}

// Version 5: the sender's per-export writes made cheaper (issue #6, measured
// with bench/delivery engine_bench). SQLite evaluates `x IN ('a', 'b', 'c')`
// in a CHECK constraint by building a temporary b-tree for the list on every
// row written: for the delivery log's `outcome` that was a third of the
// instructions of an export's whole delivery, and the same held for every
// export activation writes (`lane`). The same checks, spelt with OR, cost a
// few comparisons. The outbox also loses its UNIQUE index on export_id:
// nothing looks an export up by id, the ids are random UUIDs (version 4)
// made by the activation, and that index cost a random b-tree page per
// export written and per export delivered. SQLite cannot alter a constraint
// in place: both tables are rebuilt, rows and indexes as they were.
QStringList schemaVersion5()
{
    return {
        QStringLiteral("CREATE TABLE outbox_v5 ("
                       " id INTEGER PRIMARY KEY,"
                       " export_id TEXT NOT NULL,"
                       " dataflow_id TEXT NOT NULL REFERENCES dataflows(id) ON DELETE CASCADE,"
                       " profile_id INTEGER NOT NULL,"
                       " payload TEXT NOT NULL,"
                       " reason TEXT NOT NULL,"
                       " state TEXT NOT NULL DEFAULT 'pending',"
                       " attempts INTEGER NOT NULL DEFAULT 0,"
                       " next_attempt_at INTEGER NOT NULL,"
                       " created_at INTEGER NOT NULL,"
                       " lane TEXT NOT NULL DEFAULT 'live'"
                       "  CHECK (lane = 'live' OR lane = 'backfill' OR lane = 'replay'),"
                       " last_attempt_at INTEGER NOT NULL DEFAULT 0,"
                       " last_status INTEGER NOT NULL DEFAULT 0,"
                       " last_error_kind TEXT NOT NULL DEFAULT '',"
                       " last_error TEXT NOT NULL DEFAULT '',"
                       " response_excerpt TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("INSERT INTO outbox_v5 (id, export_id, dataflow_id, profile_id, payload,"
                       " reason, state, attempts, next_attempt_at, created_at, lane,"
                       " last_attempt_at, last_status, last_error_kind, last_error,"
                       " response_excerpt)"
                       " SELECT id, export_id, dataflow_id, profile_id, payload, reason, state,"
                       " attempts, next_attempt_at, created_at, lane, last_attempt_at,"
                       " last_status, last_error_kind, last_error, response_excerpt FROM outbox"),
        QStringLiteral("DROP TABLE outbox"),
        QStringLiteral("ALTER TABLE outbox_v5 RENAME TO outbox"),
        QStringLiteral("CREATE INDEX outbox_by_profile ON outbox(dataflow_id, profile_id, id)"),
        QStringLiteral("CREATE INDEX outbox_pending ON outbox(dataflow_id, lane, id)"
                       " WHERE state = 'pending'"),
        QStringLiteral("CREATE INDEX outbox_retry ON outbox(dataflow_id, next_attempt_at)"
                       " WHERE state = 'retry'"),
        QStringLiteral("CREATE INDEX outbox_failed ON outbox(dataflow_id, id)"
                       " WHERE state = 'failed'"),
        QStringLiteral("CREATE INDEX outbox_sending ON outbox(dataflow_id)"
                       " WHERE state = 'sending'"),
        QStringLiteral("CREATE TABLE deliveries_v5 ("
                       " id INTEGER PRIMARY KEY,"
                       " destination_id TEXT NOT NULL"
                       "  REFERENCES destinations(id) ON DELETE CASCADE,"
                       " export_id TEXT NOT NULL,"
                       " profile_id INTEGER NOT NULL,"
                       " attempted_at INTEGER NOT NULL,"
                       " attempt INTEGER NOT NULL,"
                       " outcome TEXT NOT NULL"
                       "  CHECK (outcome = 'delivered' OR outcome = 'retry' OR outcome = 'failed'),"
                       " status INTEGER NOT NULL,"
                       " latency_ms INTEGER NOT NULL,"
                       " error_kind TEXT NOT NULL DEFAULT '',"
                       " error TEXT NOT NULL DEFAULT '',"
                       " response_excerpt TEXT NOT NULL DEFAULT '',"
                       " lane TEXT NOT NULL DEFAULT 'live')"),
        QStringLiteral("INSERT INTO deliveries_v5 (id, destination_id, export_id, profile_id,"
                       " attempted_at, attempt, outcome, status, latency_ms, error_kind, error,"
                       " response_excerpt, lane)"
                       " SELECT id, destination_id, export_id, profile_id, attempted_at, attempt,"
                       " outcome, status, latency_ms, error_kind, error, response_excerpt, lane"
                       " FROM deliveries"),
        QStringLiteral("DROP TABLE deliveries"),
        QStringLiteral("ALTER TABLE deliveries_v5 RENAME TO deliveries"),
        QStringLiteral("CREATE INDEX deliveries_by_destination ON deliveries(destination_id, id)"),
    };
}

// Version 6: sender leases (SqliteStore::acquireSenderLease): one sender
// delivers a dataflow at a time, whichever process it runs in.
QStringList schemaVersion6()
{
    return {
        QStringLiteral("CREATE TABLE sender_leases ("
                       " dataflow_id TEXT PRIMARY KEY REFERENCES dataflows(id) ON DELETE CASCADE,"
                       " owner TEXT NOT NULL,"
                       " expires_at INTEGER NOT NULL)"),
    };
}

// Version 7: claims in a table of their own. A claim used to set the
// export's state to 'sending', which rewrote its ~1.2 KB row and moved it
// between two partial indexes: about 40 % of the sender's instructions per
// export (bench/delivery engine_bench). A row of one integer in
// outbox_claims costs a few bytes on a hot page. No foreign key: SQLite runs
// a cascade as a sub-program for every export deleted, which cost more than
// the claim itself; the store deletes an export's claim with it instead
// (markDelivered), and sweeps claims whose export went otherwise (a
// destination removed; releaseClaims), before an id can be used again.
// Exports still 'sending' become claims of pending exports: the next sender
// to take the lease releases them, as before.
QStringList schemaVersion7()
{
    return {
        QStringLiteral("CREATE TABLE outbox_claims ("
                       " id INTEGER PRIMARY KEY)"),
        QStringLiteral("INSERT INTO outbox_claims (id) SELECT id FROM outbox"
                       " WHERE state = 'sending'"),
        QStringLiteral("UPDATE outbox SET state = 'pending' WHERE state = 'sending'"),
        QStringLiteral("DROP INDEX outbox_sending"),
    };
}

// Version 8: memberships keyed by an integer (issue #4, measured with
// bench/segmentation). A membership was keyed by its audience's 36-character
// UUID in all three of its b-trees (the primary key, memberships_by_audience,
// memberships_exited's table rows) and its status was a text checked with
// `IN (...)`, for which SQLite builds a temporary b-tree on every row written
// (see version 5). Audiences get an integer key, AUTOINCREMENT so that a key
// is never reused: a connection holding an old key may then write to no
// audience, never to another one. UUIDs stay the audiences' public ids;
// `realized` (1) or exited (0) replaces the status text. Both tables are
// rebuilt, every row kept: memberships are dropped first (they reference
// audiences), and the rename of audiences_v8 carries the new foreign key along.
QStringList schemaVersion8()
{
    return {
        QStringLiteral("CREATE TABLE audiences_v8 ("
                       " key INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " id TEXT NOT NULL UNIQUE,"
                       " name TEXT NOT NULL UNIQUE,"
                       " description TEXT NOT NULL DEFAULT '',"
                       " origin TEXT NOT NULL"
                       "  CHECK (origin = 'segmentation' OR origin = 'custom-upload'),"
                       " rule TEXT,"
                       " merge_policy_id TEXT NOT NULL DEFAULT 'default',"
                       " created_at INTEGER NOT NULL,"
                       " updated_at INTEGER NOT NULL)"),
        QStringLiteral("INSERT INTO audiences_v8 (id, name, description, origin, rule,"
                       " merge_policy_id, created_at, updated_at)"
                       " SELECT id, name, description, origin, rule, merge_policy_id, created_at,"
                       " updated_at FROM audiences ORDER BY created_at, id"),
        QStringLiteral("CREATE TABLE memberships_v8 ("
                       " profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
                       " audience_key INTEGER NOT NULL"
                       "  REFERENCES audiences_v8(key) ON DELETE CASCADE,"
                       " realized INTEGER NOT NULL CHECK (realized = 0 OR realized = 1),"
                       " last_qualification_time TEXT NOT NULL,"
                       " PRIMARY KEY (profile_id, audience_key)) WITHOUT ROWID"),
        QStringLiteral(
            "INSERT INTO memberships_v8 (profile_id, audience_key, realized,"
            " last_qualification_time)"
            " SELECT m.profile_id, a.key, m.status = 'realized', m.last_qualification_time"
            " FROM memberships m JOIN audiences_v8 a ON a.id = m.audience_id"),
        QStringLiteral("DROP TABLE memberships"),
        QStringLiteral("DROP TABLE audiences"),
        QStringLiteral("ALTER TABLE audiences_v8 RENAME TO audiences"),
        QStringLiteral("ALTER TABLE memberships_v8 RENAME TO memberships"),
        // Backfill walks the realized members of one audience in profile order.
        QStringLiteral("CREATE INDEX memberships_by_audience"
                       " ON memberships(audience_key, realized, profile_id)"),
        // Retention removes exited entries older than its period.
        QStringLiteral("CREATE INDEX memberships_exited ON memberships(last_qualification_time)"
                       " WHERE realized = 0"),
    };
}

// Version 9: secret headers and query parameters (issue #16, DESIGN §6). A
// destination's config gains "secret" on each header and "secretQuery" (the
// names of secret query parameters). Rows written before are rewritten with
// every header not secret and no secret parameter, which is what they meant:
// their values stay where they were, and nothing is read from the keychain
// for them. (destinationFromJson reads absent keys the same way; writing them
// keeps every row in one shape.)
QStringList schemaVersion9()
{
    return {
        QStringLiteral("UPDATE destinations SET config = json_set(config, '$.headers',"
                       " (SELECT json_group_array(json_set(h.value, '$.secret', json('false')))"
                       "  FROM json_each(destinations.config, '$.headers') h))"
                       " WHERE json_valid(config) AND json_type(config, '$.headers') = 'array'"),
        QStringLiteral("UPDATE destinations SET config = json_set(config, '$.secretQuery',"
                       " json('[]'))"
                       " WHERE json_valid(config) AND json_type(config, '$.secretQuery') IS NULL"),
    };
}

// Version 10: suppressed decisions in the activation log (issue #17). A
// change whose every trigger is switched off on the dataflow was only
// counted; it is now logged like an export or an exclusion, with the
// switched-off triggers as its reason, so that `profiles --why` and the
// Profiles page can say why nothing was sent. The outcome's CHECK allows a
// third value: SQLite cannot alter a constraint in place, so the table is
// rebuilt, rows, ids (the log's order) and indexes as they were, with the
// constraint spelt with OR (see version 5).
QStringList schemaVersion10()
{
    return {
        QStringLiteral("CREATE TABLE activations_v10 ("
                       " id INTEGER PRIMARY KEY,"
                       " dataflow_id TEXT NOT NULL REFERENCES dataflows(id) ON DELETE CASCADE,"
                       " profile_id INTEGER NOT NULL,"
                       " outcome TEXT NOT NULL CHECK (outcome = 'exported'"
                       "  OR outcome = 'excluded' OR outcome = 'suppressed'),"
                       " export_id TEXT,"
                       " reason TEXT NOT NULL,"
                       " created_at INTEGER NOT NULL)"),
        QStringLiteral("INSERT INTO activations_v10 (id, dataflow_id, profile_id, outcome,"
                       " export_id, reason, created_at)"
                       " SELECT id, dataflow_id, profile_id, outcome, export_id, reason,"
                       " created_at FROM activations"),
        QStringLiteral("DROP TABLE activations"),
        QStringLiteral("ALTER TABLE activations_v10 RENAME TO activations"),
        QStringLiteral("CREATE INDEX activations_by_profile"
                       " ON activations(dataflow_id, profile_id, id)"),
        QStringLiteral("CREATE INDEX activations_by_time ON activations(created_at)"),
    };
}

// Version 11: the delivery inspector (issue #18). The delivery log keeps the
// header lines of an answer that was not a 2xx (redacted, at most 2 KiB,
// DeliveryLogEntry::responseHeaders); rows written before have none. Its
// failed and retried entries get an index of their own, partial so that a
// delivery (the hot path, nearly every row) writes nothing more to it: the
// inspector's outcome filter reads them without walking the whole log (see
// sqlitedeliveryinspector.cpp).
QStringList schemaVersion11()
{
    return {
        QStringLiteral("ALTER TABLE deliveries ADD COLUMN response_headers TEXT NOT NULL"
                       " DEFAULT ''"),
        QStringLiteral("CREATE INDEX deliveries_not_delivered"
                       " ON deliveries(destination_id, outcome, id) WHERE outcome <> 'delivered'"),
    };
}

// Version 12: acknowledged alerts (issue #18). An administrator acknowledges
// an active alert: it stays active until its condition clears but is no
// longer announced. 0: not acknowledged (every alert stored before).
QStringList schemaVersion12()
{
    return {
        QStringLiteral("ALTER TABLE alerts ADD COLUMN acknowledged_at INTEGER NOT NULL DEFAULT 0"),
    };
}

// Version 13: the Monitoring page's figures (issue #18). Each bucket of
// figures also counts the suppressed decisions (counted until now only in the
// dataflow's lifetime counters), and keeps two gauges: the highest backlog
// and the oldest waiting export's highest age seen during its period, for
// the backlog chart. Rows stored before read as zeros.
QStringList schemaVersion13()
{
    return {
        QStringLiteral("ALTER TABLE metrics ADD COLUMN suppressed INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE metrics ADD COLUMN backlog_max INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE metrics ADD COLUMN oldest_pending_max_ms INTEGER NOT NULL"
                       " DEFAULT 0"),
    };
}

// --- Batched delivery (issue #22) ---
// Version 14: batched delivery. Each delivery log row names the batch its
// export was sent in (the request's X-Outflow-Batch-Id); '' for an export
// sent alone, and for every row written before.
QStringList schemaVersion14()
{
    return {
        QStringLiteral("ALTER TABLE deliveries ADD COLUMN batch_id TEXT NOT NULL DEFAULT ''"),
    };
}
// --- end Batched delivery ---

// --- Cheaper segmentation (issue #19) ---
// Version 15: memberships without foreign keys. Each membership written
// checked its profile and its audience (two parent lookups), and the checks
// made every multi-row write of memberships keep a statement journal (a copy
// of each page it touched), so segmentation wrote one statement per
// membership: together a third of its cost (bench/README.md, issue #19). The
// store checks both itself where a membership is written (under the write
// lock), and deletes memberships itself where the cascade did: a merge
// deletes the absorbed profile's, deleting an audience deletes its own. The
// table is rebuilt (SQLite cannot drop a constraint in place), every row and
// both indexes as they were.
QStringList schemaVersion15()
{
    return {
        QStringLiteral("CREATE TABLE memberships_v15 ("
                       " profile_id INTEGER NOT NULL,"
                       " audience_key INTEGER NOT NULL,"
                       " realized INTEGER NOT NULL CHECK (realized = 0 OR realized = 1),"
                       " last_qualification_time TEXT NOT NULL,"
                       " PRIMARY KEY (profile_id, audience_key)) WITHOUT ROWID"),
        QStringLiteral("INSERT INTO memberships_v15 (profile_id, audience_key, realized,"
                       " last_qualification_time)"
                       " SELECT profile_id, audience_key, realized, last_qualification_time"
                       " FROM memberships ORDER BY profile_id, audience_key"),
        QStringLiteral("DROP TABLE memberships"),
        QStringLiteral("ALTER TABLE memberships_v15 RENAME TO memberships"),
        QStringLiteral("CREATE INDEX memberships_by_audience"
                       " ON memberships(audience_key, realized, profile_id)"),
        QStringLiteral("CREATE INDEX memberships_exited ON memberships(last_qualification_time)"
                       " WHERE realized = 0"),
    };
}
// --- end Cheaper segmentation ---

} // namespace

QList<Migration> SqliteStore::migrations()
{
    return {
        {1,
         QStringLiteral("Profiles, identities, audiences, memberships, destinations, "
                        "dataflows and the outbox"),
         schemaVersion1()},
        {2,
         QStringLiteral("Activation: export lanes, the activation log, dataflow counters and "
                        "backfills"),
         schemaVersion2()},
        {3, QStringLiteral("Monitoring: figures by minute and hour, alerts"), schemaVersion3()},
        {4,
         QStringLiteral("Delivery: export states for the sender, dead letters and the delivery "
                        "log"),
         schemaVersion4()},
        {5,
         QStringLiteral("Delivery: cheaper checks on the outbox and the delivery log, no index "
                        "on export ids"),
         schemaVersion5()},
        {6, QStringLiteral("Delivery: one sender per dataflow across processes (leases)"),
         schemaVersion6()},
        {7, QStringLiteral("Delivery: claims in a table of their own"), schemaVersion7()},
        {8, QStringLiteral("Audiences: memberships keyed by an integer audience key"),
         schemaVersion8()},
        {9, QStringLiteral("Destinations: secret headers and query parameters"), schemaVersion9()},
        {10, QStringLiteral("Activation: suppressed decisions in the activation log"),
         schemaVersion10()},
        {11, QStringLiteral("Delivery: the answer's headers in the delivery log"),
         schemaVersion11()},
        {12, QStringLiteral("Monitoring: acknowledged alerts"), schemaVersion12()},
        {13, QStringLiteral("Monitoring: suppressed decisions and backlog gauges per bucket"),
         schemaVersion13()},
        {14, QStringLiteral("Delivery: the batch of each delivery log entry"), schemaVersion14()},
        {15, QStringLiteral("Audiences: memberships checked by the store, not by foreign keys"),
         schemaVersion15()},
    };
}

} // namespace outflow
