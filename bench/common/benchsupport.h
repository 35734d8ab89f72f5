#pragma once

// Shared by the benchmarks of bench/: input generation, the references
// measured in the same run, and the real ingest path with or without rule
// audiences. See bench/README.md.
#include "../ingest/fragmentgenerator.h"
#include "ingest/ingestor.h"
#include "segmentation/segmenter.h"

#include <QString>
#include <QTextStream>

namespace outflow::bench {

QTextStream &out();
double peakRssMiB();
qint64 storeBytes(const QString &path); // the file and its write-ahead log

// Writes `fragments` NDJSON lines (making the file's folder if needed);
// returns the file's size in bytes, or -1 (said on stdout) when it cannot.
qint64 writeFragments(const QString &file, qint64 fragments, int persons, double linkShare,
                      FragmentGenerator::Attributes attributes);

// Reference: the NDJSON reader alone over the file; seconds, *count fragments.
double readerOnly(const QString &file, qint64 *count);
// Reference: one prepared INSERT of each line through QtSql, committed every
// `batch` rows; seconds, *count rows.
double bareSqlite(const QString &file, const QString &dbPath, int batch, qint64 *count);
// Reference: the SQLite floor of a merge (sqlitefloor.cpp): per fragment, its
// identities looked up, then a new profile and its identities inserted or the
// owner's row read and written back, on the C API, committed every `batch`
// fragments, with the store's settings; the file is read and parsed before
// the clock starts. Seconds, *count fragments. InMemory looks the identities
// up in a hash map instead of SQLite (they are still written).
enum class FloorLookups { InSqlite, InMemory };
double sqliteMergeFloor(const QString &file, const QString &dbPath, int batch, qint64 *count,
                        FloorLookups lookups = FloorLookups::InSqlite);

struct IngestRun
{
    bool ok = false;
    QString error;
    double seconds = 0;
    // CPU time of the merging thread alone: on a shared machine, other work
    // stretches the wall time, much less this.
    double mergeCpuSeconds = 0;
    IngestSummary summary;
    int audiences = 0;
    Segmenter::Counters segmentation;
    qint64 profiles = 0;
    double rate() const { return seconds > 0 ? summary.fragmentsMerged / seconds : 0; }
};

// The path of `outflowctl ingest FILE` into a new store at `storePath`, with
// `audiences` rule audiences of mixed operators evaluated after each merge
// (none: ingest only). `maxBatchDelayMs`: see Ingestor::setMaxBatchDelayMs();
// profiling runs (callgrind is ~50 times slower) raise it so that commits
// come every `batch` fragments, as they do natively, and not every few dozen.
IngestRun runIngest(const QString &file, const QString &storePath, int batch, int audiences,
                    int maxBatchDelayMs = Ingestor::DefaultMaxBatchDelayMs);

} // namespace outflow::bench
