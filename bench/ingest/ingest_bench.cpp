// bench/ingest: fragments/s merged and committed into the SQLite store, with
// two references measured in the same run on the same file and disk: the
// NDJSON reader alone (parse + validate) and bare SQLite (one prepared INSERT
// of the same JSON per fragment, same batch size). See bench/README.md.
#include "fragmentgenerator.h"
#include "ingest/ingestor.h"
#include "ingest/ndjsonreader.h"
#include "segmentation/segmenter.h"
#include "store/sqlitestore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QUuid>
#include <sys/resource.h>

using namespace outflow;
using outflow::bench::FragmentGenerator;

namespace {

QTextStream out(stdout);

double peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

qint64 storeBytes(const QString &path)
{
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
}

double readerOnly(const QString &file, qint64 *count)
{
    QFile input(file);
    input.open(QIODevice::ReadOnly);
    NdjsonReader reader(&input);
    ReadRecord record;
    QElapsedTimer timer;
    timer.start();
    *count = 0;
    while (reader.next(record))
        *count += record.fragment ? 1 : 0;
    return double(timer.nsecsElapsed()) / 1e9;
}

double bareSqlite(const QString &file, const QString &dbPath, int batch, qint64 *count)
{
    double seconds = 0;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bare"));
        db.setDatabaseName(dbPath);
        db.open();
        QSqlQuery setup(db);
        setup.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        setup.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
        setup.exec(
            QStringLiteral("CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"));
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO rows (body) VALUES (?)"));
        QFile input(file);
        input.open(QIODevice::ReadOnly);
        QElapsedTimer timer;
        timer.start();
        *count = 0;
        db.transaction();
        while (!input.atEnd()) {
            const QByteArray line = input.readLine();
            insert.bindValue(0, QString::fromUtf8(line));
            insert.exec();
            if (++*count % batch == 0) {
                db.commit();
                db.transaction();
            }
        }
        db.commit();
        seconds = double(timer.nsecsElapsed()) / 1e9;
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bare"));
    return seconds;
}

} // namespace

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
        QStringLiteral("N"), QString::number(outflow::Ingestor::DefaultBatchSize));
    const QCommandLineOption dirOption(QStringLiteral("dir"),
                                       QStringLiteral("Work folder (default: a temporary one)."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption audiencesOption(
        QStringLiteral("audiences"), QStringLiteral("Rule audiences evaluated (default 20)."),
        QStringLiteral("N"), QStringLiteral("20"));
    parser.addOptions(
        {fragmentsOption, personsOption, linkOption, batchOption, dirOption, audiencesOption});
    parser.process(app);
    const qint64 fragments = parser.value(fragmentsOption).toLongLong();
    const int persons = parser.value(personsOption).toInt();
    const double linkShare = parser.value(linkOption).toDouble();
    const int batch = parser.value(batchOption).toInt();
    const int audienceCount = parser.value(audiencesOption).toInt();

    QTemporaryDir temporary;
    const QString dir = parser.isSet(dirOption) ? parser.value(dirOption) : temporary.path();
    const QString file = dir + QStringLiteral("/fragments.ndjson");
    const QString storePath = dir + QStringLiteral("/store.sqlite");
    const QString barePath = dir + QStringLiteral("/bare.sqlite");
    QFile::remove(storePath);
    QFile::remove(barePath);

    {
        QFile output(file);
        output.open(QIODevice::WriteOnly);
        FragmentGenerator generator(persons, linkShare, 20261128);
        for (qint64 i = 0; i < fragments; ++i)
            output.write(generator.next() + '\n');
    }
    out << "input: " << fragments << " fragments over " << persons << " people, " << linkShare * 100
        << "% linking, " << QFileInfo(file).size() / (1024 * 1024) << " MiB NDJSON" << Qt::endl;

    qint64 parsed = 0;
    const double readerSeconds = readerOnly(file, &parsed);
    out << "reference, reader only:   " << qint64(parsed / readerSeconds) << " fragments/s"
        << Qt::endl;

    qint64 inserted = 0;
    const double bareSeconds = bareSqlite(file, barePath, batch, &inserted);
    out << "reference, bare SQLite:   " << qint64(inserted / bareSeconds)
        << " rows/s (one INSERT per fragment)" << Qt::endl;

    SqliteStore store(storePath);
    if (!store.open()) {
        out << "cannot open the store: " << store.lastError() << Qt::endl;
        return 1;
    }
    // Rule audiences over the generated paths, as DESIGN §7 measures them.
    static const char *const rules[] = {
        "loyalty.points > %1",
        "homeAddress.countryCode in [\"FR\", \"DE\"] and loyalty.points >= %1",
        "person.name.firstName startsWith \"A\" or loyalty.tier = \"gold\"",
        "personalEmail.address endsWith \"%1@example.com\"",
        "not (homeAddress.city = \"Paris\") and loyalty.points < %1",
    };
    for (int i = 0; i < audienceCount; ++i) {
        Audience audience;
        audience.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        audience.name = QStringLiteral("bench-%1").arg(i);
        audience.rule = QString::fromUtf8(rules[i % std::size(rules)]).arg(i * 50);
        if (!store.insertAudience(audience)) {
            out << "cannot add an audience: " << store.lastError() << Qt::endl;
            return 1;
        }
    }
    Segmenter segmenter(store);
    if (!segmenter.reload()) {
        out << "cannot load the audiences: " << segmenter.lastError() << Qt::endl;
        return 1;
    }
    Ingestor ingestor(store);
    ingestor.setMergedCallback(
        [&segmenter](const Fragment &, const MergeReport &report) { segmenter.process(report); });
    ingestor.setBatchSize(batch);
    ingestor.setMaxBatchDelayMs(60'000);
    QFile input(file);
    input.open(QIODevice::ReadOnly);
    NdjsonReader reader(&input);
    QElapsedTimer timer;
    timer.start();
    const IngestSummary summary = ingestor.ingest(reader);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!summary.ok()) {
        out << "store failed: " << summary.storeError << Qt::endl;
        return 1;
    }
    const double rate = summary.fragmentsMerged / seconds;
    out << "outflow ingest:           " << qint64(rate) << " fragments/s merged and committed ("
        << summary.fragmentsMerged << " in " << QString::number(seconds, 'f', 1) << " s, "
        << summary.transactions << " transactions)" << Qt::endl;
    out << "  profiles: " << store.profileCount() << ", created " << summary.profilesCreated
        << ", merged away " << summary.profilesMerged << ", rejected lines "
        << summary.errors.size() << Qt::endl;
    const Segmenter::Counters &seg = segmenter.counters();
    out << "  segmentation: " << segmenter.ruleAudienceCount() << " rule audiences, "
        << seg.evaluations << " evaluations, " << seg.skipped << " fragments skipped, "
        << seg.entered << " entered, " << seg.exited << " exited" << Qt::endl;
    out << "  store: " << storeBytes(storePath) / (1024 * 1024) << " MiB; peak RSS "
        << QString::number(peakRssMiB(), 'f', 0) << " MiB" << Qt::endl;
    out << "ratios: ingest / reader-only = "
        << QString::number(rate / (parsed / readerSeconds), 'f', 3)
        << ", ingest / bare-SQLite = " << QString::number(rate / (inserted / bareSeconds), 'f', 3)
        << "; target 50000 fragments/s: " << (rate >= 50000 ? "met" : "NOT met") << Qt::endl;
    return 0;
}
