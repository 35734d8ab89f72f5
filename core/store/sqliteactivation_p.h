#pragma once

// Private to the SQLite store: the statements of destinations, dataflows, the
// outbox, the activation log, counters and backfills, shared by
// sqlitedestinations.cpp and sqliteoutbox.cpp.
#include "sqlitestatement.h"
#include "sqlitestore.h"
#include "sqlitestore_p.h"

#include <QSqlError>
#include <QSqlQuery>

namespace outflow {

struct SqliteStore::ActivationStatements
{
    ActivationStatements(const QSqlDatabase &database, sqlite3 *connection)
        : db(database)
        , handle(connection)
    {}

    bool prepare(QString *error)
    {
        const auto prep = [error](QSqlQuery &query, const char *sql) {
            return prepareQuery(query, sql, error);
        };
        const auto prepHot = [this, error](SqliteStatement &statement, const char *sql) {
            return prepareStatement(statement, handle, sql, error);
        };
#define OUTFLOW_DESTINATION_COLUMNS                                                                \
    "SELECT id, name, config, enabled, created_at, updated_at FROM destinations"
#define OUTFLOW_BACKFILL_COLUMNS                                                                   \
    "SELECT id, dataflow_id, kind, audience_ids, audience_index, after_profile_id, done, total,"   \
    " finished, created_at, updated_at FROM backfills"
        return prep(insertDestination,
                    "INSERT INTO destinations (id, name, config, enabled, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?)") &&
               prep(updateDestination, "UPDATE destinations SET name = ?, config = ?,"
                                       " enabled = ?, updated_at = ? WHERE id = ?") &&
               prep(deleteDestination, "DELETE FROM destinations WHERE id = ?") &&
               prep(destinationById, OUTFLOW_DESTINATION_COLUMNS " WHERE id = ?") &&
               prep(destinationByName, OUTFLOW_DESTINATION_COLUMNS " WHERE name = ?") &&
               prep(allDestinations, OUTFLOW_DESTINATION_COLUMNS " ORDER BY name") &&
               prep(saveDataflow,
                    "INSERT INTO dataflows (id, destination_id, config, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?) ON CONFLICT (destination_id) DO UPDATE SET"
                    " config = excluded.config, updated_at = excluded.updated_at") &&
               prep(dataflowOf, "SELECT id, destination_id, config, created_at, updated_at"
                                " FROM dataflows WHERE destination_id = ?") &&
               prep(allDataflows, "SELECT id, destination_id, config, created_at, updated_at"
                                  " FROM dataflows ORDER BY created_at, id") &&
               prepHot(enqueue, "INSERT INTO outbox (export_id, dataflow_id, profile_id, payload,"
                                " reason, state, attempts, next_attempt_at, created_at, lane)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, 'pending', ?6, ?7, ?8, ?9)") &&
               prep(outboxCount, "SELECT COUNT(*) FROM outbox WHERE dataflow_id = ?") &&
               prep(outbox, "SELECT id, export_id, profile_id, payload, reason, lane, attempts,"
                            " next_attempt_at, created_at FROM outbox"
                            " WHERE dataflow_id = ? AND id > ? ORDER BY id LIMIT ?") &&
               prepHot(recordActivation,
                       "INSERT INTO activations (dataflow_id, profile_id, outcome, export_id,"
                       " reason, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)") &&
               // On activations_by_profile; no row at that offset: nothing goes.
               prepHot(pruneSuppressed,
                       "DELETE FROM activations WHERE dataflow_id = ?1 AND profile_id = ?2"
                       " AND outcome = 'suppressed' AND id <= (SELECT id FROM activations"
                       " WHERE dataflow_id = ?1 AND profile_id = ?2 AND outcome = 'suppressed'"
                       " ORDER BY id DESC LIMIT 1 OFFSET ?3)") &&
               prep(activations, "SELECT id, outcome, COALESCE(export_id, ''), reason, created_at"
                                 " FROM activations WHERE dataflow_id = ? AND profile_id = ?"
                                 " ORDER BY id DESC LIMIT ?") &&
               prep(removeActivations, "DELETE FROM activations WHERE created_at < ?") &&
               prepHot(addCounter, "INSERT INTO dataflow_counters (dataflow_id, name, value)"
                                   " VALUES (?1, ?2, ?3) ON CONFLICT (dataflow_id, name)"
                                   " DO UPDATE SET value = value + excluded.value") &&
               prep(counters, "SELECT name, value FROM dataflow_counters WHERE dataflow_id = ?") &&
               prep(insertBackfill,
                    "INSERT INTO backfills (dataflow_id, kind, audience_ids, audience_index,"
                    " after_profile_id, done, total, finished, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") &&
               prep(updateBackfill, "UPDATE backfills SET audience_index = ?,"
                                    " after_profile_id = ?, done = ?, total = ?, finished = ?,"
                                    " updated_at = ? WHERE id = ?") &&
               prep(pendingBackfills, OUTFLOW_BACKFILL_COLUMNS " WHERE finished = 0 ORDER BY id") &&
               prep(backfillsOf,
                    OUTFLOW_BACKFILL_COLUMNS " WHERE dataflow_id = ? ORDER BY id DESC");
#undef OUTFLOW_DESTINATION_COLUMNS
#undef OUTFLOW_BACKFILL_COLUMNS
    }

    const QSqlDatabase &db;
    sqlite3 *const handle;
    QSqlQuery insertDestination{db}, updateDestination{db}, deleteDestination{db};
    QSqlQuery destinationById{db}, destinationByName{db}, allDestinations{db};
    QSqlQuery saveDataflow{db}, dataflowOf{db}, allDataflows{db};
    SqliteStatement enqueue, recordActivation, pruneSuppressed, addCounter;
    QSqlQuery outboxCount{db}, outbox{db}, activations{db}, removeActivations{db}, counters{db};
    QSqlQuery insertBackfill{db}, updateBackfill{db}, pendingBackfills{db}, backfillsOf{db};
};

template<typename Row, typename FromRow>
QList<Row> SqliteStore::readRows(QSqlQuery &query, FromRow fromRow)
{
    QList<Row> rows;
    m_error.clear();
    if (!exec(query))
        return rows;
    while (query.next())
        rows.append(fromRow(query));
    query.finish();
    return rows;
}

} // namespace outflow
