#pragma once

#include "delivery/destinationstate.h"
#include "metricsbucket.h"

#include <functional>
#include <optional>
#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>

namespace outflow {

class Monitor;
class Store;
struct Destination;

// The spans the Monitoring page and `outflowctl status --window` show
// (issue #18): the last 15 minutes and 24 hours from the stored minutes, the
// last 7 days from the stored hours.
enum class MonitoringWindow : quint8 { FifteenMinutes, Day, Week };

class MonitoringWindows
{
    Q_DECLARE_TR_FUNCTIONS(MonitoringWindows)

public:
    // "15m", "24h", "7d": the CLI's --window values and the JSON's "window".
    static QString id(MonitoringWindow window);
    static std::optional<MonitoringWindow> fromId(QStringView id);
    // Translated, for people: "Last 15 minutes"…
    static QString label(MonitoringWindow window);
    static qint64 lengthMs(MonitoringWindow window);
    // Minutes for 15m and 24h, hours for 7d.
    static MetricsBucket::Resolution resolution(MonitoringWindow window);
    // How many periods of that resolution the window spans: 15, 1440, 168.
    // The last one is the period under way (the current minute or hour).
    static int periods(MonitoringWindow window);
    // The start of the window's first period, for a window ending `nowMs`.
    static qint64 startOf(MonitoringWindow window, qint64 nowMs);
    static QList<MonitoringWindow> all();
};

// One dataflow's figures over a window, with its live outbox, state and
// backfill: one row of the Monitoring page's table and of `status`.
struct DataflowReport
{
    QString destinationId;
    QString destinationName;
    QString dataflowId;
    bool enabled = true;
    DestinationState state = DestinationState::Healthy;

    // The window's figures: stored buckets plus, in the process that
    // records them, the unfinished minute (received, created, excluded with
    // excludedBy, suppressed, delivered, failed, retried, latency…).
    MetricsBucket figures;

    // The outbox now.
    qint64 backlog = 0;
    qint64 inFlight = 0;
    qint64 retrying = 0;
    qint64 deadLetters = 0;
    qint64 oldestPendingMs = 0; // age of the oldest export not delivered nor failed

    // "95 % within 10 min" (the destination's thresholds) over the window.
    double sloTarget = 0.95;
    qint64 sloWithinMs = 10LL * 60 * 1000;
    double sloAttainment = -1; // < 0: nothing delivered to judge

    // The newest backfill (0/0 when none).
    qint64 backfillDone = 0;
    qint64 backfillTotal = 0;
    bool backfillFinished = true;
    double backfillPerSecond = 0;
    qint64 backfillEtaMs = -1; // < 0: unknown

    // One bucket per minute (15m, 24h) or hour (7d) of the window, oldest
    // first, every period present (an empty bucket where nothing happened).
    // Filled only when asked for (series).
    QList<MetricsBucket> series;
    // The reference's hourly dataflow runs over the last 24 hours, newest
    // first, hours with nothing omitted. Filled only when asked for.
    QList<MetricsBucket> hourlyRuns;
};

// Every dataflow's report (or one destination's) at one moment.
struct MonitoringReport
{
    qint64 at = 0; // UNIX ms
    MonitoringWindow window = MonitoringWindow::FifteenMinutes;
    QList<DataflowReport> dataflows;
};

// Builds MonitoringReports from the store (and, in the engine's process,
// the Monitor's live unfinished minute): the one implementation behind the
// Monitoring page (Engine::readMonitoring) and `outflowctl status`.
class MonitoringReader
{
    Q_DECLARE_TR_FUNCTIONS(MonitoringReader)

public:
    struct Options
    {
        MonitoringWindow window = MonitoringWindow::FifteenMinutes;
        QString destinationId; // empty: every destination with a dataflow
        bool series = false;   // fill DataflowReport::series and hourlyRuns
    };
    // Why a destination's sender cannot run (the engine's supervisor knows;
    // the CLI asks the keychain), and its consecutive auth failures.
    using BlockOf = std::function<SenderBlock(const Destination &)>;
    using AuthFailuresOf = std::function<int(const QString &destinationId)>;

    MonitoringReader(Store &store, Monitor *monitor, qint64 nowMs);
    void setBlockOf(BlockOf blockOf) { m_blockOf = std::move(blockOf); }
    void setAuthFailuresOf(AuthFailuresOf authFailuresOf)
    {
        m_authFailuresOf = std::move(authFailuresOf);
    }

    // nullopt when the store failed: lastError(). A destination asked for
    // that does not exist (removed meanwhile) gives a report without rows;
    // one asked for without a dataflow gives its row with an empty
    // dataflowId, its state and zeros.
    std::optional<MonitoringReport> read(const Options &options);
    QString lastError() const { return m_error; }

    // The reference's hourly dataflow runs (DataflowReport::hourlyRuns): a
    // run's profiles "activated" are the exports its activation queued (a
    // profile update that met a trigger and had every mandatory attribute),
    // so that received = activated + excluded + suppressed; whether they
    // were then delivered or failed is MetricsBucket::delivered and failed.
    static qint64 activated(const MetricsBucket &run) { return run.created; }
    // activated ÷ received; < 0 when nothing was received.
    static double activationRate(const MetricsBucket &run);
    // A latency percentile in ms (the histogram bucket's upper bound, as
    // `status` prints it); -1 when nothing was delivered.
    static qint64 latencyMs(const MetricsBucket &bucket, double quantile);
    // onTime ÷ delivered (the reference's promise is about exports sent
    // successfully); < 0 when nothing was delivered.
    static double sloAttainment(const MetricsBucket &bucket);

private:
    // The figures of `dataflowId` over `periods` periods of `resolution`
    // ending with the current one: stored minutes (and, for hours, stored
    // hours), plus the recorder's minutes not stored yet. Each period in
    // `series` when given (every one present, oldest first); their sum in
    // `sum`. False when the store failed.
    bool collect(const QString &dataflowId, MetricsBucket::Resolution resolution, int periods,
                 MetricsBucket *sum, QList<MetricsBucket> *series);
    bool fill(DataflowReport &row, const Destination &destination, const Options &options);

    Store &m_store;
    Monitor *m_monitor;
    qint64 m_now;
    BlockOf m_blockOf;
    AuthFailuresOf m_authFailuresOf;
    QString m_error;
};

} // namespace outflow

Q_DECLARE_METATYPE(outflow::MonitoringReport)
Q_DECLARE_METATYPE(outflow::MonitoringWindow)
