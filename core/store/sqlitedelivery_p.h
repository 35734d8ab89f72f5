#pragma once

// Private to the SQLite store: the statements of the sender (claims,
// outcomes, dead letters) and of the delivery log, shared by
// sqlitedelivery.cpp and sqlitedeliverylog.cpp. All on the sqlite3 C API:
// the sender runs them for every export (see sqlitestatement.h).
#include "sqlitestatement.h"
#include "sqlitestore.h"

namespace outflow {

// An export is claimable when it is not claimed, no other export of its
// profile is (being sent), and no earlier one is pending or waiting for a
// retry. Failed exports do not hold later ones back (a dead letter would
// block its profile for good); a replayed one waits for its profile's
// export in flight, then goes first. Evaluated on outbox_by_profile and
// outbox_claims' primary key: usually the row itself is the only entry.
// A dead letter is superseded when the activation log holds a later export of
// its profile in its dataflow (delivered, queued or failed itself): that one
// carries the profile's newer state, and sending the older one again would
// deliver stale data last. "Later" is the log's order; a dead letter whose own
// record was pruned compares by time.
#define OUTFLOW_SUPERSEDED                                                                         \
    " AND EXISTS (SELECT 1 FROM activations a WHERE a.dataflow_id = o.dataflow_id"                 \
    " AND a.profile_id = o.profile_id AND a.outcome = 'exported'"                                  \
    " AND a.export_id <> o.export_id AND a.created_at >= o.created_at"                             \
    " AND a.id > COALESCE((SELECT b.id FROM activations b WHERE b.dataflow_id = o.dataflow_id"     \
    " AND b.profile_id = o.profile_id AND b.export_id = o.export_id), 0))"

// Logs the superseded dead letters of dataflow ?1 at time ?2 with the
// sentence ?3 (see SqliteStore::replayFailed), `CHOSEN` narrowing them.
#define OUTFLOW_LOG_SUPERSEDED(CHOSEN)                                                             \
    "INSERT INTO deliveries (destination_id, export_id, profile_id, attempted_at,"                 \
    " attempt, outcome, status, latency_ms, error_kind, error, response_excerpt, lane)"            \
    " SELECT d.destination_id, o.export_id, o.profile_id, ?2, o.attempts, 'failed', 0, 0,"         \
    " 'superseded', ?3, '', o.lane FROM outbox o JOIN dataflows d ON d.id = o.dataflow_id"         \
    " WHERE o.dataflow_id = ?1 AND o.state = 'failed'" CHOSEN OUTFLOW_SUPERSEDED

#define OUTFLOW_CHOSEN(IDS) " AND o.export_id IN (SELECT value FROM json_each(" IDS "))"

#define OUTFLOW_CLAIMABLE                                                                          \
    " AND NOT EXISTS (SELECT 1 FROM outbox_claims c WHERE c.id = o.id)"                            \
    " AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.dataflow_id = o.dataflow_id"                  \
    " AND p.profile_id = o.profile_id AND p.id <> o.id"                                            \
    " AND (EXISTS (SELECT 1 FROM outbox_claims c WHERE c.id = p.id)"                               \
    " OR (p.id < o.id AND p.state IN ('pending', 'retry'))))"
// A claim reads the chosen rows, then records their ids in outbox_claims in
// one statement (recordClaims): the export rows themselves are not written.
// Claimed rows stay ahead of the window, so each claim passes over the
// claims made before it at the head of its lane (a primary-key probe each).
#define OUTFLOW_CLAIM(CHOSEN)                                                                      \
    "SELECT o.id, o.export_id, o.profile_id, o.payload, o.lane, o.attempts, o.next_attempt_at,"    \
    " o.created_at FROM outbox o " CHOSEN

struct SqliteStore::DeliveryStatements
{
    bool prepare(sqlite3 *handle, QString *error)
    {
        const std::pair<SqliteStatement *, QByteArrayView> statements[] = {
            // outbox_pending gives the lane's rows in sequence order.
            {&claimPending,
             OUTFLOW_CLAIM("WHERE o.dataflow_id = ?1 AND o.state = 'pending' AND o.lane = "
                           "?2" OUTFLOW_CLAIMABLE " ORDER BY o.id LIMIT ?3")},
            {&claimRetries, OUTFLOW_CLAIM("WHERE o.dataflow_id = ?1 AND o.state = 'retry'"
                                          " AND o.next_attempt_at <= ?2" OUTFLOW_CLAIMABLE
                                          " ORDER BY o.next_attempt_at, o.id LIMIT ?3")},
            // ?1: a JSON array of sequences, one statement per lane claimed.
            {&recordClaims, "INSERT INTO outbox_claims (id) SELECT value FROM json_each(?1)"},
            {&release, "DELETE FROM outbox_claims WHERE id IN (SELECT c.id FROM outbox_claims c"
                       " JOIN outbox o ON o.id = c.id WHERE o.dataflow_id = ?1)"},
            {&forgetClaim, "DELETE FROM outbox_claims WHERE id = ?1"},
            // Claims whose export is gone, before its id is used again
            // (outbox ids are reused once the highest ones are deleted).
            {&sweepClaims, "DELETE FROM outbox_claims WHERE NOT EXISTS"
                           " (SELECT 1 FROM outbox o WHERE o.id = outbox_claims.id)"},
            // ?1: a JSON array of sequences, one statement per flush for the
            // exports and one for their claims.
            {&deleteDelivered, "DELETE FROM outbox WHERE id IN (SELECT value FROM json_each(?1))"},
            {&deleteDeliveredClaims,
             "DELETE FROM outbox_claims WHERE id IN (SELECT value FROM json_each(?1))"},
            {&scheduleRetry,
             "UPDATE outbox SET state = 'retry', attempts = ?2, next_attempt_at = ?3,"
             " last_attempt_at = ?4, last_status = ?5, last_error_kind = ?6, last_error = ?7,"
             " response_excerpt = ?8 WHERE id = ?1"},
            {&markFailed,
             "UPDATE outbox SET state = 'failed', attempts = ?2, next_attempt_at = ?3,"
             " last_attempt_at = ?4, last_status = ?5, last_error_kind = ?6, last_error = ?7,"
             " response_excerpt = ?8 WHERE id = ?1"},
            {&replay, "UPDATE outbox SET state = 'pending', lane = 'replay', attempts = 0,"
                      " next_attempt_at = ?2 WHERE dataflow_id = ?1 AND state = 'failed'"},
            // Dead letters a newer export of their profile replaced (issue #21):
            // logged as not sent again, then removed, before the replay.
            {&logSuperseded, OUTFLOW_LOG_SUPERSEDED("")},
            {&deleteSuperseded, "DELETE FROM outbox AS o WHERE o.dataflow_id = ?1 AND o.state = "
                                "'failed'" OUTFLOW_SUPERSEDED},
            // The same three for chosen dead letters (the delivery inspector's
            // Replay Selected, `replay --export`): ?N a JSON array of export
            // ids, tested on the dataflow's dead letters (outbox_failed).
            {&logSupersededChosen, OUTFLOW_LOG_SUPERSEDED(OUTFLOW_CHOSEN("?4"))},
            {&deleteSupersededChosen,
             "DELETE FROM outbox AS o WHERE o.dataflow_id = ?1 AND o.state = "
             "'failed'" OUTFLOW_CHOSEN("?2") OUTFLOW_SUPERSEDED},
            {&replayChosen, "UPDATE outbox AS o SET state = 'pending', lane = 'replay',"
                            " attempts = 0, next_attempt_at = ?2 WHERE o.dataflow_id = ?1"
                            " AND o.state = 'failed'" OUTFLOW_CHOSEN("?3")},
            {&failedAmong, "SELECT o.export_id FROM outbox o WHERE o.dataflow_id = ?1"
                           " AND o.state = 'failed'" OUTFLOW_CHOSEN("?2")},
            {&failed, "SELECT id, export_id, profile_id, payload, reason, lane, attempts,"
                      " next_attempt_at, created_at, last_status, last_error_kind, last_error,"
                      " response_excerpt, last_attempt_at FROM outbox"
                      " WHERE dataflow_id = ?1 AND state = 'failed' ORDER BY id LIMIT ?2"},
            // Each count on its partial index, claimed ones counted apart;
            // the oldest export is the first of each lane (sequence order is
            // creation order within a lane), claimed or not.
            {&summary, "SELECT"
                       " (SELECT COUNT(*) FROM outbox WHERE dataflow_id = ?1 AND state = 'pending')"
                       " - (SELECT COUNT(*) FROM outbox_claims c JOIN outbox o ON o.id = c.id"
                       "  WHERE o.dataflow_id = ?1 AND o.state = 'pending'),"
                       " (SELECT COUNT(*) FROM outbox_claims c JOIN outbox o ON o.id = c.id"
                       "  WHERE o.dataflow_id = ?1),"
                       " (SELECT COUNT(*) FROM outbox WHERE dataflow_id = ?1 AND state = 'retry')"
                       " - (SELECT COUNT(*) FROM outbox_claims c JOIN outbox o ON o.id = c.id"
                       "  WHERE o.dataflow_id = ?1 AND o.state = 'retry'),"
                       " (SELECT COUNT(*) FROM outbox WHERE dataflow_id = ?1 AND state = 'failed'),"
                       " (SELECT MIN(t) FROM ("
                       "  SELECT (SELECT created_at FROM outbox WHERE dataflow_id = ?1"
                       "   AND state = 'pending' AND lane = 'live' ORDER BY id LIMIT 1) AS t"
                       "  UNION ALL SELECT (SELECT created_at FROM outbox WHERE dataflow_id = ?1"
                       "   AND state = 'pending' AND lane = 'backfill' ORDER BY id LIMIT 1)"
                       "  UNION ALL SELECT (SELECT created_at FROM outbox WHERE dataflow_id = ?1"
                       "   AND state = 'pending' AND lane = 'replay' ORDER BY id LIMIT 1)"
                       "  UNION ALL SELECT MIN(created_at) FROM outbox WHERE dataflow_id = ?1"
                       "   AND state = 'retry')),"
                       // The next retry not claimed already (a claimed one is being sent).
                       " (SELECT o.next_attempt_at FROM outbox o WHERE o.dataflow_id = ?1"
                       "  AND o.state = 'retry'"
                       "  AND NOT EXISTS (SELECT 1 FROM outbox_claims c WHERE c.id = o.id)"
                       "  ORDER BY o.next_attempt_at LIMIT 1)"},
            {&appendLog,
             "INSERT INTO deliveries (destination_id, export_id, profile_id, attempted_at,"
             " attempt, outcome, status, latency_ms, error_kind, error, response_excerpt, lane,"
             " response_headers, batch_id)"
             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"},
            {&readLog,
             "SELECT id, export_id, profile_id, attempted_at, attempt, outcome, status,"
             " latency_ms, error_kind, error, response_excerpt, lane, response_headers,"
             " batch_id FROM deliveries WHERE destination_id = ?1 ORDER BY id DESC LIMIT ?2"},
            // No row at that offset (fewer entries): NULL, and nothing goes.
            {&pruneLogByCount, "DELETE FROM deliveries WHERE destination_id = ?1 AND id <="
                               " (SELECT id FROM deliveries WHERE destination_id = ?1"
                               " ORDER BY id DESC LIMIT 1 OFFSET ?2)"},
            {&pruneLogByAge,
             "DELETE FROM deliveries WHERE destination_id = ?1 AND attempted_at < ?2"},
        };
        for (const auto &[statement, sql] : statements) {
            if (!statement->prepare(handle, sql)) {
                *error = statement->errorMessage();
                return false;
            }
        }
        // A row per delivery, most texts the same as the last row's (the
        // destination, the outcome, the lane, an empty error).
        appendLog.setKeepsBindings(true);
        return true;
    }

    SqliteStatement claimPending, claimRetries, recordClaims, release, forgetClaim, sweepClaims;
    SqliteStatement deleteDelivered, deleteDeliveredClaims, scheduleRetry, markFailed, replay,
        logSuperseded, deleteSuperseded, failed, summary;
    SqliteStatement logSupersededChosen, deleteSupersededChosen, replayChosen, failedAmong;
    SqliteStatement appendLog, readLog, pruneLogByCount, pruneLogByAge;
};

#undef OUTFLOW_CLAIMABLE
#undef OUTFLOW_SUPERSEDED
#undef OUTFLOW_LOG_SUPERSEDED
#undef OUTFLOW_CHOSEN
#undef OUTFLOW_CLAIM

} // namespace outflow
