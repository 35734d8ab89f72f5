// bench/segmentation: fragments/s merged *and* evaluated against rule
// audiences (20 by default, of mixed operators), beside the ingest-only figure
// measured in the same run on the same file (DESIGN §7). See bench/README.md.
#include "../common/benchsupport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
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
    const QCommandLineOption audiencesOption(QStringLiteral("audiences"),
                                             QStringLiteral("Rule audiences (default 20)."),
                                             QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption volatileOption(
        QStringLiteral("volatile"),
        QStringLiteral("Draw points, tier and country anew for every fragment (stress case)."));
    const QCommandLineOption dirOption(QStringLiteral("dir"),
                                       QStringLiteral("Work folder (default: a temporary one)."),
                                       QStringLiteral("DIR"));
    // For callgrind and perf: the run with audiences alone (no reference).
    const QCommandLineOption segmentedOnlyOption(
        QStringLiteral("segmented-only"),
        QStringLiteral("Skip the ingest-only reference and commit by count only (profiling "
                       "runs)."));
    parser.addOptions({fragmentsOption, personsOption, audiencesOption, volatileOption, dirOption,
                       segmentedOnlyOption});
    parser.process(app);
    const qint64 fragments = parser.value(fragmentsOption).toLongLong();
    const int persons = parser.value(personsOption).toInt();
    const int audiences = parser.value(audiencesOption).toInt();
    const auto attributes = parser.isSet(volatileOption) ? FragmentGenerator::Attributes::Volatile
                                                         : FragmentGenerator::Attributes::Steady;

    QTemporaryDir temporary;
    const QString dir = parser.isSet(dirOption) ? parser.value(dirOption) : temporary.path();
    const QString file = dir + QStringLiteral("/fragments.ndjson");
    const qint64 bytes = writeFragments(file, fragments, persons, 0.1, attributes);
    if (bytes < 0)
        return 1;
    out() << "input: " << fragments << " fragments over " << persons << " people ("
          << (parser.isSet(volatileOption) ? "volatile" : "steady") << " attributes), "
          << bytes / (1024 * 1024) << " MiB NDJSON" << Qt::endl;

    const int batch = Ingestor::DefaultBatchSize;
    const bool segmentedOnly = parser.isSet(segmentedOnlyOption);
    IngestRun reference;
    if (!segmentedOnly) {
        reference = runIngest(file, dir + QStringLiteral("/ingest-only.sqlite"), batch, 0);
        if (!reference.ok) {
            out() << "ingest failed: " << reference.error << Qt::endl;
            return 1;
        }
        out() << "reference, ingest only:   " << qint64(reference.rate()) << " fragments/s ("
              << QString::number(reference.seconds, 'f', 1) << " s); merge thread CPU "
              << QString::number(reference.mergeCpuSeconds * 1e6 / fragments, 'f', 1)
              << " us a fragment" << Qt::endl;
    }

    const QString storePath = dir + QStringLiteral("/segmented.sqlite");
    // Profiling runs commit by count only (see runIngest()), so that their
    // instruction counts do not depend on how slow the profiler is.
    const IngestRun run =
        runIngest(file, storePath, batch, audiences,
                  segmentedOnly ? 24 * 3600 * 1000 : Ingestor::DefaultMaxBatchDelayMs);
    if (!run.ok) {
        out() << "ingest with audiences failed: " << run.error << Qt::endl;
        return 1;
    }
    const Segmenter::Counters &seg = run.segmentation;
    out() << "merged + evaluated:       " << qint64(run.rate()) << " fragments/s against "
          << run.audiences << " rule audiences (" << QString::number(run.seconds, 'f', 1) << " s)"
          << Qt::endl;
    out() << "  " << seg.evaluations << " evaluations, " << seg.skipped
          << " fragments without a rule to evaluate, " << seg.membershipReads
          << " membership reads; transitions: " << seg.entered << " entered, " << seg.exited
          << " exited (" << QString::number(double(seg.entered + seg.exited) / fragments, 'f', 2)
          << " a fragment)" << Qt::endl;
    out() << "  merge thread CPU: "
          << QString::number(run.mergeCpuSeconds * 1e6 / fragments, 'f', 1) << " us a fragment"
          << Qt::endl;
    out() << "  store: " << storeBytes(storePath) / (1024 * 1024) << " MiB; peak RSS "
          << QString::number(peakRssMiB(), 'f', 0) << " MiB" << Qt::endl;
    if (!segmentedOnly) {
        // DESIGN §7 states the target against the same run's ingest alone.
        const double ratio = run.rate() / reference.rate();
        out() << "ratio: merged + evaluated / ingest only = " << QString::number(ratio, 'f', 3)
              << "; target >= 0.7: " << (ratio >= 0.7 ? "met" : "NOT met") << Qt::endl;
    }
    return 0;
}
