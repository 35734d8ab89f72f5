// bench/ingest: fragments/s merged and committed into the SQLite store, with
// three references measured in the same run on the same file and disk: the
// NDJSON reader alone (parse + validate), bare SQLite (one prepared INSERT
// of the same JSON per fragment, same batch size) and the SQLite floor of a
// merge (lookups, a profile row read and written back). See bench/README.md.
#include "../common/benchsupport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

using namespace outflow;
using namespace outflow::bench;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption fragmentsOption(QStringLiteral("fragments"),
                                             QStringLiteral("Fragments to ingest."),
                                             QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption personsOption(QStringLiteral("persons"),
                                           QStringLiteral("Distinct people."), QStringLiteral("N"),
                                           QStringLiteral("200000"));
    const QCommandLineOption linkOption(
        QStringLiteral("link-share"), QStringLiteral("Share of fragments carrying two identities."),
        QStringLiteral("R"), QStringLiteral("0.1"));
    const QCommandLineOption batchOption(
        QStringLiteral("batch-size"), QStringLiteral("Fragments per transaction."),
        QStringLiteral("N"), QString::number(Ingestor::DefaultBatchSize));
    const QCommandLineOption dirOption(QStringLiteral("dir"),
                                       QStringLiteral("Work folder (default: a temporary one)."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption ingestOnlyOption(
        QStringLiteral("ingest-only"),
        QStringLiteral("Skip the references (for profiling; no ratios are printed)."));
    parser.addOptions(
        {fragmentsOption, personsOption, linkOption, batchOption, dirOption, ingestOnlyOption});
    parser.process(app);
    const qint64 fragments = parser.value(fragmentsOption).toLongLong();
    const int persons = parser.value(personsOption).toInt();
    const double linkShare = parser.value(linkOption).toDouble();
    const int batch = parser.value(batchOption).toInt();

    QTemporaryDir temporary;
    const QString dir = parser.isSet(dirOption) ? parser.value(dirOption) : temporary.path();
    const QString file = dir + QStringLiteral("/fragments.ndjson");
    const QString storePath = dir + QStringLiteral("/store.sqlite");
    const QString barePath = dir + QStringLiteral("/bare.sqlite");
    const QString floorPath = dir + QStringLiteral("/floor.sqlite");
    QFile::remove(barePath);

    const qint64 bytes =
        writeFragments(file, fragments, persons, linkShare, FragmentGenerator::Attributes::Steady);
    if (bytes < 0)
        return 1;
    out() << "input: " << fragments << " fragments over " << persons << " people, "
          << linkShare * 100 << "% linking, " << bytes / (1024 * 1024) << " MiB NDJSON" << Qt::endl;

    const bool ingestOnly = parser.isSet(ingestOnlyOption);
    qint64 parsed = 0;
    const double readerSeconds = ingestOnly ? 0 : readerOnly(file, &parsed);
    const double readerRate = ingestOnly ? 0 : parsed / readerSeconds;
    if (!ingestOnly)
        out() << "reference, reader only:   " << qint64(readerRate) << " fragments/s" << Qt::endl;

    qint64 inserted = 0;
    const double bareSeconds = ingestOnly ? 0 : bareSqlite(file, barePath, batch, &inserted);
    const double bareRate = ingestOnly ? 0 : inserted / bareSeconds;
    if (!ingestOnly) {
        out() << "reference, bare SQLite:   " << qint64(bareRate)
              << " rows/s (one INSERT per fragment)" << Qt::endl;
    }

    const IngestRun run = runIngest(file, storePath, batch, 0);
    if (!run.ok) {
        out() << "store failed: " << run.error << Qt::endl;
        return 1;
    }
    out() << "outflow ingest:           " << qint64(run.rate())
          << " fragments/s merged and committed (" << run.summary.fragmentsMerged << " in "
          << QString::number(run.seconds, 'f', 1) << " s, " << run.summary.transactions
          << " transactions)" << Qt::endl;
    out() << "  merge thread CPU: " << QString::number(run.mergeCpuSeconds, 'f', 1) << " s, "
          << QString::number(
                 run.mergeCpuSeconds * 1e6 / qMax<qint64>(1, run.summary.fragmentsMerged), 'f', 1)
          << " us a fragment" << Qt::endl;
    out() << "  profiles: " << run.profiles << ", created " << run.summary.profilesCreated
          << ", merged away " << run.summary.profilesMerged << ", rejected lines "
          << run.summary.errors.size() << Qt::endl;
    out() << "  store: " << storeBytes(storePath) / (1024 * 1024) << " MiB; peak RSS "
          << QString::number(peakRssMiB(), 'f', 0) << " MiB" << Qt::endl;
    if (ingestOnly)
        return 0;
    // Last: it holds the whole input in memory, which would count in the
    // ingest's peak RSS above.
    qint64 floored = 0;
    const double floorSeconds = sqliteMergeFloor(file, floorPath, batch, &floored);
    const double floorRate = floorSeconds > 0 ? floored / floorSeconds : 0;
    out() << "reference, SQLite floor:  " << qint64(floorRate)
          << " fragments/s (lookups + a profile row read and written, C API, no JSON)" << Qt::endl;
    qint64 writeFloored = 0;
    const double writeFloorSeconds =
        sqliteMergeFloor(file, floorPath, batch, &writeFloored, FloorLookups::InMemory);
    const double writeFloorRate = writeFloorSeconds > 0 ? writeFloored / writeFloorSeconds : 0;
    out() << "  the same, identities looked up in memory: " << qint64(writeFloorRate)
          << " fragments/s" << Qt::endl;
    out() << "ratios: ingest / reader-only = " << QString::number(run.rate() / readerRate, 'f', 3)
          << ", ingest / bare-SQLite = " << QString::number(run.rate() / bareRate, 'f', 3)
          << ", ingest / SQLite floor = " << QString::number(run.rate() / floorRate, 'f', 3)
          << "; target (DESIGN §7) ingest / SQLite floor >= 0.8: "
          << (run.rate() >= 0.8 * floorRate ? "met" : "NOT met") << Qt::endl;
    return 0;
}
