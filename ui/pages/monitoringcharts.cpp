// MonitoringPage's charts: the stored series of the window (per minute or
// per hour) and, for the last 15 minutes, the live one-second samples after
// them. Each series is replaced in one call per update (GUI.md §1.5).
#include "monitoring/liverates.h"
#include "monitoring/timeserieschart.h"
#include "monitoringpage.h"

#include <QDateTime>

namespace outflow::ui {

namespace {

struct Span
{
    double unitMs;   // one x unit
    double units;    // the window in x units
    qint64 bucketMs; // one stored bucket
    QString axisTitle;
};

Span spanOf(MonitoringWindow window)
{
    switch (window) {
    case MonitoringWindow::FifteenMinutes:
        return {60'000.0, 15, 60'000, MonitoringPage::tr("minutes before now")};
    case MonitoringWindow::Day:
        return {3'600'000.0, 24, 60'000, MonitoringPage::tr("hours before now")};
    case MonitoringWindow::Week:
        return {86'400'000.0, 7, 3'600'000, MonitoringPage::tr("days before now")};
    }
    return {60'000.0, 15, 60'000, {}};
}

// The dataflows' series added up period by period (the same periods: the
// Engine fills every one).
QList<MetricsBucket> summed(const QList<DataflowReport> &dataflows)
{
    QList<MetricsBucket> sum;
    for (const DataflowReport &d : dataflows) {
        if (sum.isEmpty()) {
            sum = d.series;
            continue;
        }
        for (int i = 0; i < sum.size() && i < d.series.size(); ++i) {
            const qint64 backlog = sum.at(i).backlogMax + d.series.at(i).backlogMax;
            sum[i].add(d.series.at(i));
            sum[i].backlogMax = backlog; // dataflows wait side by side: their backlogs add
        }
    }
    return sum;
}

} // namespace

void MonitoringPage::updateCharts()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const Span span = spanOf(window());
    const bool live = window() == MonitoringWindow::FifteenMinutes;
    const MetricsRing &ring = m_rates.ring(scopeId());
    // Stored periods end where the live samples begin.
    const qint64 liveFrom = live && ring.size() > 0 ? ring.at(0).atMs : now + 1;
    QList<QList<QPointF>> exports(3), latency(3), backlog(1);
    for (const MetricsBucket &b : summed(scoped())) {
        // None the live samples cover; the period under way counts for the
        // time it has lasted (a rate, not a drop).
        const qint64 end = b.periodStart + span.bucketMs;
        if (end > liveFrom || end < now - qint64(span.units * span.unitMs))
            continue;
        const double seconds = double(qMax<qint64>(1000, qMin(end, now) - b.periodStart)) / 1000;
        const double x = double((b.periodStart + qMin(end, now)) / 2 - now) / span.unitMs;
        exports[0].append({x, double(b.delivered) / seconds});
        exports[1].append({x, double(b.failed) / seconds});
        exports[2].append({x, double(b.retried) / seconds});
        if (!b.latency.isEmpty()) {
            latency[0].append({x, double(b.latency.percentileMicros(0.95)) / 1000.0});
            latency[1].append({x, double(b.latency.percentileMicros(0.50)) / 1000.0});
            latency[2].append({x, double(b.latency.percentileMicros(0.99)) / 1000.0});
        }
        backlog[0].append({x, double(b.backlogMax)});
    }
    if (live) {
        const qint64 spanMs = qint64(span.units * span.unitMs);
        using F = MetricsRing::Figure;
        exports[0] += ring.points(F::Delivered, now, spanMs);
        exports[1] += ring.points(F::Failed, now, spanMs);
        exports[2] += ring.points(F::Retried, now, spanMs);
        latency[0] += ring.points(F::P95, now, spanMs);
        latency[1] += ring.points(F::P50, now, spanMs);
        latency[2] += ring.points(F::P99, now, spanMs);
        backlog[0] += ring.points(F::Backlog, now, spanMs);
    }
    for (TimeSeriesChart *chart : m_charts)
        chart->setSpan(-span.units, span.axisTitle);
    m_charts[ExportsChart]->setPoints(exports);
    m_charts[LatencyChart]->setPoints(latency);
    m_charts[BacklogChart]->setPoints(backlog);
}

} // namespace outflow::ui
