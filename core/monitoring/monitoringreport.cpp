// The Monitoring page's and `outflowctl status --window`'s figures (issue
// #18): one reading of the store (and of the recorder's minutes not stored
// yet) per dataflow and window.
#include "monitoringreport.h"

#include "activation/backfillestimate.h"
#include "alertrules.h"
#include "model/destination.h"
#include "monitor.h"
#include "store/store.h"

#include <algorithm>

namespace outflow {

namespace {

constexpr qint64 MinuteMs = 60'000;
constexpr qint64 HourMs = 60 * MinuteMs;
constexpr int HourlyRuns = 24;

qint64 periodMs(MetricsBucket::Resolution resolution)
{
    return resolution == MetricsBucket::Resolution::Minute ? MinuteMs : HourMs;
}

} // namespace

// --- MonitoringWindows ---------------------------------------------------------

QList<MonitoringWindow> MonitoringWindows::all()
{
    return {MonitoringWindow::FifteenMinutes, MonitoringWindow::Day, MonitoringWindow::Week};
}

QString MonitoringWindows::id(MonitoringWindow window)
{
    switch (window) {
    case MonitoringWindow::FifteenMinutes:
        return QStringLiteral("15m");
    case MonitoringWindow::Day:
        return QStringLiteral("24h");
    case MonitoringWindow::Week:
        return QStringLiteral("7d");
    }
    return {};
}

std::optional<MonitoringWindow> MonitoringWindows::fromId(QStringView id)
{
    for (const MonitoringWindow window : all()) {
        if (id == MonitoringWindows::id(window))
            return window;
    }
    return std::nullopt;
}

QString MonitoringWindows::label(MonitoringWindow window)
{
    switch (window) {
    case MonitoringWindow::FifteenMinutes:
        return tr("Last 15 minutes");
    case MonitoringWindow::Day:
        return tr("Last 24 hours");
    case MonitoringWindow::Week:
        return tr("Last 7 days");
    }
    return {};
}

MetricsBucket::Resolution MonitoringWindows::resolution(MonitoringWindow window)
{
    return window == MonitoringWindow::Week ? MetricsBucket::Resolution::Hour
                                            : MetricsBucket::Resolution::Minute;
}

int MonitoringWindows::periods(MonitoringWindow window)
{
    switch (window) {
    case MonitoringWindow::FifteenMinutes:
        return 15;
    case MonitoringWindow::Day:
        return 24 * 60;
    case MonitoringWindow::Week:
        return 7 * 24;
    }
    return 0;
}

qint64 MonitoringWindows::lengthMs(MonitoringWindow window)
{
    return periods(window) * periodMs(resolution(window));
}

qint64 MonitoringWindows::startOf(MonitoringWindow window, qint64 nowMs)
{
    const MetricsBucket::Resolution r = resolution(window);
    return MetricsBucket::periodOf(nowMs, r) + periodMs(r) - lengthMs(window);
}

// --- MonitoringReader ----------------------------------------------------------

MonitoringReader::MonitoringReader(Store &store, Monitor *monitor, qint64 nowMs)
    : m_store(store)
    , m_monitor(monitor)
    , m_now(nowMs)
{}

double MonitoringReader::activationRate(const MetricsBucket &run)
{
    return run.received > 0 ? double(activated(run)) / double(run.received) : -1;
}

qint64 MonitoringReader::latencyMs(const MetricsBucket &bucket, double quantile)
{
    return bucket.latency.isEmpty() ? -1 : bucket.latency.percentileMicros(quantile) / 1000;
}

double MonitoringReader::sloAttainment(const MetricsBucket &bucket)
{
    return bucket.delivered > 0 ? double(bucket.onTime) / double(bucket.delivered) : -1;
}

bool MonitoringReader::collect(const QString &dataflowId, MetricsBucket::Resolution resolution,
                               int periods, MetricsBucket *sum, QList<MetricsBucket> *series)
{
    const qint64 period = periodMs(resolution);
    const qint64 last = MetricsBucket::periodOf(m_now, resolution);
    const qint64 first = last - qint64(periods - 1) * period;
    const qint64 end = last + period;
    *sum = MetricsBucket{};
    sum->dataflowId = dataflowId;
    sum->resolution = resolution;
    sum->periodStart = first;
    if (series) {
        series->clear();
        series->reserve(periods);
        for (int i = 0; i < periods; ++i) {
            MetricsBucket empty;
            empty.dataflowId = dataflowId;
            empty.resolution = resolution;
            empty.periodStart = first + i * period;
            series->append(empty);
        }
    }
    const auto add = [&](const MetricsBucket &bucket) {
        if (bucket.periodStart < first || bucket.periodStart >= end)
            return;
        sum->add(bucket);
        if (series)
            (*series)[(bucket.periodStart - first) / period].add(bucket);
    };
    // Minutes are kept 30 days (Monitor::MinuteRetentionMs), then rolled
    // into hours: a window of hours reads both (the minutes summed per hour
    // by the store), each row once.
    const bool hours = resolution == MetricsBucket::Resolution::Hour;
    for (const MetricsBucket &stored :
         hours ? m_store.minutesByHour(dataflowId, first, end)
               : m_store.metrics(dataflowId, MetricsBucket::Resolution::Minute, first, end))
        add(stored);
    if (!m_store.lastError().isEmpty())
        return false;
    if (hours) {
        for (const MetricsBucket &hour :
             m_store.metrics(dataflowId, MetricsBucket::Resolution::Hour, first, end))
            add(hour);
        if (!m_store.lastError().isEmpty())
            return false;
    }
    // In the engine's process: the minutes recorded but not stored yet (the
    // current one, and an ended one until the next tick stores it). The
    // Monitor's tick runs on this thread, so a minute is either here or in
    // the store, never both; what another process stored of the same minute
    // is its own figures, added above.
    if (m_monitor) {
        for (const MetricsBucket &minute : m_monitor->recorder().unstored(dataflowId))
            add(minute);
    }
    return true;
}

bool MonitoringReader::fill(DataflowReport &row, const Destination &destination,
                            const Options &options)
{
    row.destinationId = destination.id;
    row.destinationName = destination.name;
    row.enabled = destination.enabled;
    DestinationStateInputs inputs;
    inputs.enabled = destination.enabled;
    inputs.block = m_blockOf ? m_blockOf(destination) : SenderBlock::None;
    inputs.consecutiveAuthFailures = m_authFailuresOf ? m_authFailuresOf(destination.id) : 0;
    const AlertThresholds thresholds =
        AlertRules::thresholds(destination.alertThresholds).value_or(AlertThresholds{});
    row.sloTarget = thresholds.sloTarget;
    row.sloWithinMs = thresholds.sloTargetMs;

    const std::optional<Dataflow> dataflow = m_store.dataflowOfDestination(destination.id);
    if (!dataflow) {
        row.state = DestinationStates::judge(inputs);
        return m_store.lastError().isEmpty();
    }
    row.dataflowId = dataflow->id;

    const MetricsBucket::Resolution resolution = MonitoringWindows::resolution(options.window);
    const int periods = MonitoringWindows::periods(options.window);
    if (!collect(row.dataflowId, resolution, periods, &row.figures,
                 options.series ? &row.series : nullptr))
        return false;
    row.sloAttainment = sloAttainment(row.figures);

    const std::optional<OutboxSummary> outbox = m_store.outboxSummary(row.dataflowId);
    if (!outbox)
        return false;
    row.backlog = outbox->backlog();
    row.inFlight = outbox->sending;
    row.retrying = outbox->retrying;
    row.deadLetters = outbox->failed;
    row.oldestPendingMs =
        outbox->oldestCreatedAt > 0 ? std::max<qint64>(0, m_now - outbox->oldestCreatedAt) : 0;
    inputs.backlog = row.backlog;
    inputs.retrying = row.retrying;
    inputs.inFlight = int(row.inFlight);
    inputs.oldestPendingAgeMs = row.oldestPendingMs;
    row.state = DestinationStates::judge(inputs);

    const QList<Backfill> backfills = m_store.backfills(row.dataflowId);
    if (!m_store.lastError().isEmpty())
        return false;
    if (!backfills.isEmpty()) {
        const Backfill &newest = backfills.constFirst();
        const BackfillEstimate estimate = BackfillEstimate::of(newest, m_now);
        row.backfillDone = newest.done;
        row.backfillTotal = newest.total;
        row.backfillFinished = newest.finished;
        row.backfillPerSecond = estimate.perSecond;
        row.backfillEtaMs = estimate.etaMs.value_or(-1);
    }

    if (options.series) {
        // The last 24 hours by hour: the week's series holds them already.
        QList<MetricsBucket> hours;
        if (options.window == MonitoringWindow::Week) {
            hours = row.series.mid(row.series.size() - HourlyRuns);
        } else {
            MetricsBucket sum;
            if (!collect(row.dataflowId, MetricsBucket::Resolution::Hour, HourlyRuns, &sum, &hours))
                return false;
        }
        for (auto hour = hours.crbegin(); hour != hours.crend(); ++hour) {
            if (hour->hasActivity())
                row.hourlyRuns.append(*hour);
        }
    }
    return true;
}

std::optional<MonitoringReport> MonitoringReader::read(const Options &options)
{
    m_error.clear();
    MonitoringReport report;
    report.at = m_now;
    report.window = options.window;
    QList<Destination> destinations;
    if (options.destinationId.isEmpty()) {
        destinations = m_store.destinations();
    } else if (const std::optional<Destination> one = m_store.destination(options.destinationId)) {
        destinations.append(*one);
    }
    if (!m_store.lastError().isEmpty()) {
        m_error = tr("Could not read the destinations: %1").arg(m_store.lastError());
        return std::nullopt;
    }
    for (const Destination &destination : std::as_const(destinations)) {
        DataflowReport row;
        if (!fill(row, destination, options)) {
            m_error = tr("Could not read the figures of “%1”: %2")
                          .arg(destination.name, m_store.lastError());
            return std::nullopt;
        }
        // Listing every dataflow: a destination without one has no figures.
        if (!row.dataflowId.isEmpty() || !options.destinationId.isEmpty())
            report.dataflows.append(row);
    }
    return report;
}

} // namespace outflow
