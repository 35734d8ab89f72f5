#include "benchsupport.h"

#include "ingest/ndjsonreader.h"
#include "store/sqlitestore.h"

#include <ctime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>
#include <sys/resource.h>

namespace outflow::bench {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

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

qint64 writeFragments(const QString &file, qint64 fragments, int persons, double linkShare,
                      FragmentGenerator::Attributes attributes)
{
    // --dir may name a folder that does not exist yet.
    QDir().mkpath(QFileInfo(file).path());
    QFile output(file);
    if (!output.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        out() << "cannot write " << file << ": " << output.errorString() << Qt::endl;
        return -1;
    }
    FragmentGenerator generator(persons, linkShare, 20261128, attributes);
    for (qint64 i = 0; i < fragments; ++i)
        output.write(generator.next().append('\n'));
    return output.size();
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

namespace {

// Rule audiences over the generated paths, of the operators of DESIGN §3; %1
// varies the thresholds from one audience to the next.
bool addAudiences(SqliteStore &store, int count, QString *error)
{
    static const char *const rules[] = {
        "loyalty.points > %1",
        "homeAddress.countryCode in [\"FR\", \"DE\"] and loyalty.points >= %1",
        "person.name.firstName startsWith \"A\" or loyalty.tier = \"gold\"",
        "personalEmail.address endsWith \"%1@example.com\"",
        "not (homeAddress.city = \"Paris\") and loyalty.points < %1",
        "person.birthDate < \"1980-01-01\" and consents.marketing.email.val = \"y\"",
        "loyalty.lastPurchaseAt >= \"2026-11-20T00:00:00Z\" and loyalty.tier != \"bronze\"",
        "homeAddress.postalCode startsWith \"75\" or personalEmail.address contains \"%1\"",
    };
    for (int i = 0; i < count; ++i) {
        Audience audience;
        audience.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        audience.name = QStringLiteral("bench-%1").arg(i);
        audience.rule = QString::fromUtf8(rules[i % std::size(rules)]);
        if (audience.rule.contains(QLatin1String("%1")))
            audience.rule = audience.rule.arg(i * 50);
        if (!store.insertAudience(audience)) {
            *error = store.lastError();
            return false;
        }
    }
    return true;
}

} // namespace

IngestRun runIngest(const QString &file, const QString &storePath, int batch, int audiences,
                    int maxBatchDelayMs)
{
    IngestRun run;
    QFile::remove(storePath);
    SqliteStore store(storePath);
    if (!store.open() || !addAudiences(store, audiences, &run.error)) {
        run.error = store.lastError();
        return run;
    }
    Segmenter segmenter(store);
    if (!segmenter.reload()) {
        run.error = segmenter.lastError();
        return run;
    }
    Ingestor ingestor(store);
    bool segmentationFailed = false;
    if (audiences > 0) {
        ingestor.setMergedCallback([&](const Fragment &, const MergeReport &report, QString *) {
            if (!segmenter.process(report))
                segmentationFailed = true;
            return true;
        });
    }
    ingestor.setBatchSize(batch);
    ingestor.setMaxBatchDelayMs(maxBatchDelayMs);
    QFile input(file);
    input.open(QIODevice::ReadOnly);
    NdjsonReader reader(&input);
    const auto threadCpu = [] {
        timespec now{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
    };
    const double cpuBefore = threadCpu();
    QElapsedTimer timer;
    timer.start();
    run.summary = ingestor.ingest(reader);
    run.seconds = double(timer.nsecsElapsed()) / 1e9;
    run.mergeCpuSeconds = threadCpu() - cpuBefore;
    run.ok = run.summary.ok() && !segmentationFailed;
    run.error = segmentationFailed ? segmenter.lastError() : run.summary.storeError;
    run.audiences = segmenter.ruleAudienceCount();
    run.segmentation = segmenter.counters();
    run.profiles = store.profileCount();
    return run;
}

} // namespace outflow::bench
