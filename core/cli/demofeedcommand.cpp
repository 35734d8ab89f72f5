// `outflowctl demo-feed FILE.ndjson [--rate N] [--count N] [--seed S]`: keeps
// merging DemoFeed's fragments into the store, as `ingest` would, so that a
// demo's dataflows move while the app runs beside it (tools/run.sh --demo).
#include "app/paths.h"
#include "cli.h"
#include "command.h"
#include "demo/demofeed.h"
#include "engine/pipeline.h"
#include "ingest/fragmentparser.h"
#include "ingest/ingestor.h"
#include "store/sqlitestore.h"

#include <limits>
#include <memory>
#include <QCommandLineParser>
#include <QDateTime>
#include <QFile>
#include <QTimer>

namespace outflow::cli {

namespace {

constexpr int TickMs = 250;
constexpr int ReloadEveryTicks = 8; // audiences and dataflows changed meanwhile apply within 2 s
constexpr int MaxRate = 10'000;

// What the timer's ticks share; owned by the timer's lambda.
struct Feed
{
    Feed(const QString &storePath, QList<DemoFeed::Sample> samples, quint32 seed)
        : store(storePath)
        , pipeline(store)
        , ingestor(store)
        , feed(std::move(samples), seed)
    {}

    SqliteStore store;
    Pipeline pipeline;
    Ingestor ingestor;
    DemoFeed feed;
    FragmentParser parser;
    double due = 0; // fragments owed, fractions included
    qint64 written = 0;
    qint64 ticks = 0;
};

std::optional<qint64> positive(const QString &text, qint64 maximum)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    return ok && value >= 0 && value <= maximum ? std::optional(value) : std::nullopt;
}

} // namespace

int demoFeedCommand(Context &context)
{
    QCommandLineParser parser;
    const QCommandLineOption rateOption(
        QStringLiteral("rate"),
        Text::tr("Fragments per second (default 20, at most %1).").arg(MaxRate),
        QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption countOption(
        QStringLiteral("count"), Text::tr("Stop after this many fragments (default: never)."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
                                        Text::tr("Seed of the fragments (default: the time)."),
                                        QStringLiteral("S"));
    parser.addOptions({rateOption, countOption, seedOption});
    parser.addPositionalArgument(QStringLiteral("file"),
                                 Text::tr("The sample profiles (NDJSON) whose fragments to vary."));
    if (const std::optional<int> exitCode =
            parseCommandOptions(parser, context, QStringLiteral("demo-feed"), true))
        return *exitCode;
    if (parser.positionalArguments().size() != 1) {
        context.err << Text::tr("demo-feed: give one FILE.ndjson of sample profiles.") << '\n';
        return ExitUsage;
    }
    const std::optional<qint64> rate = positive(parser.value(rateOption), MaxRate);
    if (!rate || *rate == 0) {
        context.err << Text::tr("demo-feed: --rate must be a number from 1 to %1, not '%2'.")
                           .arg(MaxRate)
                           .arg(parser.value(rateOption))
                    << '\n';
        return ExitUsage;
    }
    const std::optional<qint64> count =
        positive(parser.value(countOption), std::numeric_limits<qint64>::max());
    if (!count) {
        context.err << Text::tr("demo-feed: --count must be a whole number, not '%1'.")
                           .arg(parser.value(countOption))
                    << '\n';
        return ExitUsage;
    }
    const std::optional<qint64> seed =
        parser.isSet(seedOption) ? positive(parser.value(seedOption), 0xffffffff)
                                 : std::optional(QDateTime::currentSecsSinceEpoch() & 0xffffffff);
    if (!seed) {
        context.err << Text::tr("demo-feed: --seed must be a whole number, not '%1'.")
                           .arg(parser.value(seedOption))
                    << '\n';
        return ExitUsage;
    }
    const QString name = parser.positionalArguments().constFirst();
    QFile file(name);
    if (!file.open(QIODevice::ReadOnly)) {
        context.err << Text::tr("demo-feed: cannot read '%1': %2").arg(name, file.errorString())
                    << '\n';
        return ExitUsage;
    }
    QString problem;
    std::optional<QList<DemoFeed::Sample>> samples = DemoFeed::readSamples(file, &problem);
    if (!samples) {
        context.err << Text::tr("demo-feed: %1: %2").arg(name, problem) << '\n';
        return ExitUsage;
    }

    auto feed = std::make_shared<Feed>(paths::resolveStorePath(context.storePath),
                                       std::move(*samples), quint32(*seed));
    if (!feed->store.open()) {
        context.err << Text::tr("demo-feed: %1").arg(feed->store.lastError()) << '\n';
        return ExitFailure;
    }
    if (!feed->pipeline.reload()) {
        context.err << Text::tr("demo-feed: %1").arg(feed->pipeline.lastError()) << '\n';
        return ExitFailure;
    }
    feed->ingestor.setMergedCallback(
        [pipeline = &feed->pipeline](const Fragment &, const MergeReport &report, QString *error) {
            return pipeline->processMerge(report) || (*error = pipeline->lastError(), false);
        });
    context.out << Text::tr("Feeding %1 fragments a second into %2 (stop with Ctrl+C).")
                       .arg(*rate)
                       .arg(feed->store.path())
                << Qt::endl;

    auto *timer = new QTimer(QCoreApplication::instance());
    timer->setInterval(TickMs);
    QObject::connect(
        timer, &QTimer::timeout, timer, [&context, feed, rate = *rate, count = *count, timer] {
            // Every 2 s: the audiences and dataflows changed meanwhile, and
            // the figures counted so far onto the Monitoring page.
            if (++feed->ticks % ReloadEveryTicks == 0 &&
                (!feed->pipeline.storeMetrics() || !feed->pipeline.reload()))
                context.err << Text::tr("demo-feed: %1").arg(feed->pipeline.lastError())
                            << Qt::endl;
            feed->due += double(rate) * TickMs / 1000.0;
            qint64 batch = qint64(feed->due);
            if (count > 0)
                batch = qMin(batch, count - feed->written);
            QList<Fragment> fragments;
            for (qint64 i = 0; i < batch; ++i) {
                ReadRecord record = feed->parser.parseLine(feed->feed.next(), 0);
                if (record.fragment)
                    fragments.append(std::move(*record.fragment));
            }
            QString error;
            if (!feed->ingestor.mergeAll(fragments, &error)) {
                // Another process may hold the store for a while: the next tick tries again.
                context.err << Text::tr("demo-feed: %1").arg(error) << Qt::endl;
                return;
            }
            feed->due -= double(batch);
            feed->written += batch;
            if (count > 0 && feed->written >= count) {
                timer->stop();
                context.out << Text::tr("Merged %1 fragments (%2 new profiles).")
                                   .arg(feed->written)
                                   .arg(feed->feed.newProfiles())
                            << Qt::endl;
                QCoreApplication::exit(ExitSuccess);
            }
        });
    timer->start();
    return RunEventLoop;
}

} // namespace outflow::cli
