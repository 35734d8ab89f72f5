// bench/backfill: a backfill of N profiles realized in one audience, mapped at
// once (issue #5 item 8; DESIGN §7: 1,000,000 in under 100 s). Measures the
// exports/s the BackfillRunner writes to the outbox (payload built, export and
// activation log rows, counters, cursor, one transaction a page), beside bare
// SQLite inserting the same rows into a table like the outbox in the same run.
// See bench/README.md.
#include "../common/benchsupport.h"
#include "activation/activationservice.h"
#include "activation/activator.h"
#include "activation/backfillrunner.h"
#include "engine/pipeline.h"
#include "realizedprofiles.h"
#include "store/sqlitestore.h"
#include "store/walcheckpointer.h"

#include <algorithm>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QUuid>
#include <sqlite3.h>
#include <sys/resource.h>

using namespace outflow;
using namespace outflow::bench;

namespace {

// CPU time of the process (every thread: the checkpointer's too), seconds.
// Less sensitive than wall time to other work on a shared machine.
double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval &t) { return double(t.tv_sec) + t.tv_usec / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

struct BackfillRun
{
    qint64 exports = 0;
    qint64 pages = 0;
    double seconds = 0;
    double cpuSeconds = 0;
    double slowestPageMs = 0;
};

// Reference: the rows alone. A table with the outbox's columns and indexes
// (schema v1 + v2), the store's pragmas and background checkpoints, `rows`
// INSERTs through one prepared statement of the C API, payloads cycled from
// `samples` (real exports of the run), a new export id each, committed every
// `page` rows. With `activationLog`, also the activation log's row each, as
// the backfill writes. Seconds.
double bareOutboxInserts(const QString &path, qint64 rows, int page,
                         const QList<QByteArray> &samples, bool activationLog, double *cpu)
{
    QFile::remove(path);
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    const char *setup =
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;"
        "PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 16384;"
        "CREATE TABLE outbox (id INTEGER PRIMARY KEY, export_id TEXT NOT NULL UNIQUE,"
        " dataflow_id TEXT NOT NULL, profile_id INTEGER NOT NULL, payload TEXT NOT NULL,"
        " reason TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending',"
        " attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL,"
        " created_at INTEGER NOT NULL, lane TEXT NOT NULL DEFAULT 'live');"
        "CREATE INDEX outbox_due ON outbox(dataflow_id, state, next_attempt_at);"
        "CREATE INDEX outbox_by_profile ON outbox(dataflow_id, profile_id, id);"
        "CREATE TABLE activations (id INTEGER PRIMARY KEY, dataflow_id TEXT NOT NULL,"
        " profile_id INTEGER NOT NULL, outcome TEXT NOT NULL, export_id TEXT,"
        " reason TEXT NOT NULL, created_at INTEGER NOT NULL);"
        "CREATE INDEX activations_by_profile ON activations(dataflow_id, profile_id, id);"
        "CREATE INDEX activations_by_time ON activations(created_at);";
    sqlite3_exec(db, setup, nullptr, nullptr, nullptr);
    WalCheckpointer checkpointer(path);
    sqlite3_stmt *insert = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO outbox (export_id, dataflow_id, profile_id, payload, reason,"
                       " attempts, next_attempt_at, created_at, lane)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, ?6, 'backfill')",
                       -1, &insert, nullptr);
    sqlite3_stmt *log = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO activations (dataflow_id, profile_id, outcome, export_id,"
                       " reason, created_at) VALUES (?1, ?2, 'exported', ?3, ?4, ?5)",
                       -1, &log, nullptr);
    const QByteArray dataflow = QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1();
    const QByteArray reason = R"({"audience":"0f6f0a2e-2e11-49a2-9e39-e5d9a76be683",)"
                              R"("backfillId":1,"triggers":["backfill"]})";
    QElapsedTimer timer;
    const double cpuAtStart = cpuSeconds();
    timer.start();
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    for (qint64 i = 0; i < rows; ++i) {
        const qint64 now = 1'764'000'000'000 + i / 10;
        const QByteArray exportId = Activator::newExportId(now).toLatin1(); // as the outbox's
        const QByteArray &payload = samples.at(i % samples.size());
        sqlite3_bind_text(insert, 1, exportId.constData(), int(exportId.size()), SQLITE_STATIC);
        sqlite3_bind_text(insert, 2, dataflow.constData(), int(dataflow.size()), SQLITE_STATIC);
        sqlite3_bind_int64(insert, 3, i + 1);
        sqlite3_bind_text(insert, 4, payload.constData(), int(payload.size()), SQLITE_STATIC);
        sqlite3_bind_text(insert, 5, reason.constData(), int(reason.size()), SQLITE_STATIC);
        sqlite3_bind_int64(insert, 6, now);
        sqlite3_step(insert);
        sqlite3_reset(insert);
        if (activationLog) {
            sqlite3_bind_text(log, 1, dataflow.constData(), int(dataflow.size()), SQLITE_STATIC);
            sqlite3_bind_int64(log, 2, i + 1);
            sqlite3_bind_text(log, 3, exportId.constData(), int(exportId.size()), SQLITE_STATIC);
            sqlite3_bind_text(log, 4, reason.constData(), int(reason.size()), SQLITE_STATIC);
            sqlite3_bind_int64(log, 5, now);
            sqlite3_step(log);
            sqlite3_reset(log);
        }
        if ((i + 1) % page == 0) {
            sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
            sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
        }
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    *cpu = cpuSeconds() - cpuAtStart;
    sqlite3_finalize(insert);
    sqlite3_finalize(log);
    sqlite3_close(db);
    return seconds;
}

BackfillRun runBackfill(SqliteStore &store, int pageSize, QString *error)
{
    BackfillRun run;
    Pipeline pipeline(store); // as the Engine: the activator of the dataflows
    if (!pipeline.reload()) {
        *error = pipeline.lastError();
        return run;
    }
    BackfillRunner runner(store, pipeline.activator());
    runner.setPageSize(pageSize);
    QElapsedTimer timer, page;
    const double cpuAtStart = cpuSeconds();
    timer.start();
    for (bool idle = false;;) {
        page.start();
        Backfill progress;
        if (!runner.runPage(&progress, &idle)) {
            *error = runner.lastError();
            return run;
        }
        if (idle)
            break;
        run.slowestPageMs = std::max(run.slowestPageMs, double(page.nsecsElapsed()) / 1e6);
        ++run.pages;
        if (run.pages % 100 == 0)
            out() << "  " << progress.done << " of " << progress.total << " profiles, "
                  << qint64(progress.done / (double(timer.nsecsElapsed()) / 1e9))
                  << " exports/s so far" << Qt::endl;
    }
    run.seconds = double(timer.nsecsElapsed()) / 1e9;
    run.cpuSeconds = cpuSeconds() - cpuAtStart;
    run.exports = pipeline.activator().counters().created;
    return run;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption profilesOption(QStringLiteral("profiles"),
                                            QStringLiteral("Realized profiles to backfill."),
                                            QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption pageOption(
        QStringLiteral("page-size"), QStringLiteral("Profiles a page (default: the runner's)."),
        QStringLiteral("N"), QString::number(BackfillRunner::DefaultPageSize));
    const QCommandLineOption dirOption(QStringLiteral("dir"),
                                       QStringLiteral("Work folder (default: a temporary one)."),
                                       QStringLiteral("DIR"));
    parser.addOptions({profilesOption, pageOption, dirOption});
    parser.process(app);
    const qint64 profiles = parser.value(profilesOption).toLongLong();
    const int pageSize = parser.value(pageOption).toInt();
    QTemporaryDir temporary;
    const QString dir = parser.isSet(dirOption) ? parser.value(dirOption) : temporary.path();
    const QString storePath = dir + QStringLiteral("/backfill.sqlite");
    QFile::remove(storePath);
    QFile::remove(storePath + QStringLiteral("-wal"));

    SqliteStore store(storePath);
    QString error;
    if (!store.open()) {
        out() << "cannot open the store: " << store.lastError() << Qt::endl;
        return 1;
    }
    const RealizedProfiles seeded = storeRealizedProfiles(store, profiles, 50'000, &error);
    if (seeded.profiles == 0) {
        out() << "seeding failed: " << error << Qt::endl;
        return 1;
    }
    const qint64 seededBytes = storeBytes(storePath);
    out() << "input: " << seeded.profiles << " profiles realized in the mapped audience, "
          << seeded.memberships << " memberships, stored in "
          << QString::number(seeded.seconds, 'f', 1) << " s; store " << seededBytes / (1024 * 1024)
          << " MiB" << Qt::endl;

    // The mapping, as `outflowctl activate` makes it: its backfill's total
    // counts the members (a scan of the audience's index entries).
    Destination destination;
    destination.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    destination.name = QStringLiteral("bench");
    destination.endpoint = QUrl(QStringLiteral("http://127.0.0.1:9/"));
    destination.includeSegmentNames = destination.includeSegmentTimestamps = true;
    if (!store.insertDestination(destination)) {
        out() << "cannot add the destination: " << store.lastError() << Qt::endl;
        return 1;
    }
    ActivationService service(store);
    ActivationRequest request;
    request.destination = destination.name;
    request.audiences = {QStringLiteral("Gold")};
    request.attributes = {
        QStringLiteral("person.name.firstName"), QStringLiteral("person.name.lastName"),
        QStringLiteral("person.birthDate"),      QStringLiteral("personalEmail.address"),
        QStringLiteral("mobilePhone.number"),    QStringLiteral("homeAddress")};
    request.identifier = QStringLiteral("personalEmail.address");
    QElapsedTimer activation;
    activation.start();
    const std::optional<ActivationSummary> summary = service.activate(request);
    if (!summary || !summary->backfill) {
        out() << "activate failed: " << service.lastError() << Qt::endl;
        return 1;
    }
    out() << "activate: backfill of " << summary->backfill->total << " profiles recorded in "
          << activation.elapsed() << " ms" << Qt::endl;

    const BackfillRun run = runBackfill(store, pageSize, &error);
    if (!error.isEmpty()) {
        out() << "backfill failed: " << error << Qt::endl;
        return 1;
    }
    const qint64 outboxRows = store.outboxCount(summary->dataflow.id);
    const double rate = run.exports / run.seconds;
    out() << "backfill: " << run.exports << " exports in " << run.pages << " pages of " << pageSize
          << ", " << QString::number(run.seconds, 'f', 1) << " s: " << qint64(rate)
          << " exports/s; CPU " << qint64(run.cpuSeconds * 1e6 / run.exports)
          << " µs an export; slowest page " << QString::number(run.slowestPageMs, 'f', 0) << " ms"
          << Qt::endl;

    QList<QByteArray> samples;
    qint64 payloadBytes = 0;
    for (const OutboxExport &e : store.outbox(summary->dataflow.id, 0, 1000)) {
        samples.append(e.payload);
        payloadBytes += e.payload.size();
    }
    const qint64 grown = storeBytes(storePath) - seededBytes;
    out() << "  outbox: " << outboxRows << " exports, payload "
          << (samples.isEmpty() ? 0 : payloadBytes / samples.size())
          << " bytes on average; store grew by " << grown / (1024 * 1024) << " MiB ("
          << (outboxRows ? grown / outboxRows : 0) << " bytes an export, log included)" << Qt::endl;
    out() << "  peak RSS " << QString::number(peakRssMiB(), 'f', 0) << " MiB" << Qt::endl;
    store.close();

    const QString barePath = dir + QStringLiteral("/bare.sqlite");
    double bareCpu = 0, bareWithLogCpu = 0;
    const double bare =
        bareOutboxInserts(barePath, run.exports, pageSize, samples, false, &bareCpu);
    const double bareWithLog =
        bareOutboxInserts(barePath, run.exports, pageSize, samples, true, &bareWithLogCpu);
    const auto perExport = [&](double cpu) { return qint64(cpu * 1e6 / run.exports); };
    out() << "reference, bare SQLite, outbox rows:        " << qint64(run.exports / bare)
          << " rows/s (" << QString::number(bare, 'f', 1) << " s); CPU " << perExport(bareCpu)
          << " µs a row" << Qt::endl;
    out() << "reference, bare SQLite, outbox + log rows:  " << qint64(run.exports / bareWithLog)
          << " exports/s (" << QString::number(bareWithLog, 'f', 1) << " s); CPU "
          << perExport(bareWithLogCpu) << " µs an export" << Qt::endl;
    out() << "ratio: backfill / bare outbox + log = "
          << QString::number(rate / (run.exports / bareWithLog), 'f', 3) << " (wall), "
          << QString::number(bareWithLogCpu / run.cpuSeconds, 'f', 3)
          << " (CPU); target (1,000,000 in < 100 s): 10000 exports/s "
          << (rate >= 10000 ? "met" : "NOT met") << Qt::endl;
    return 0;
}
