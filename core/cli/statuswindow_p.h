#pragma once
// `outflowctl status --window W [--series]` (issue #18): a dataflow's
// figures over a window from MonitoringReader, as JSON and as text.
#include "command.h"
#include "monitoring/monitoringreport.h"

#include <QJsonArray>
#include <QJsonObject>

namespace outflow::cli {

// {"p50", "p95", "p99"} in ms, null when nothing was delivered.
QJsonObject latencyJson(const MetricsBucket &figures);
// {"target", "withinMs", "attainment"}; attainment null when < 0.
QJsonObject sloJson(double target, qint64 withinMs, double attainment);
// "windowFigures": received, created, delivered, excluded, excludedBy,
// suppressed, failed, retried, attempts, timeouts, latencyMs, slo,
// backlogMax, oldestPendingMaxMs, from and to (ISO times).
QJsonObject windowFiguresJson(const DataflowReport &row, MonitoringWindow window, qint64 nowMs);
// "series": one object a period, oldest first.
QJsonArray seriesJson(const DataflowReport &row);
// "hourlyRuns": one object an hour with something in it, newest first.
QJsonArray hourlyRunsJson(const DataflowReport &row);

// The window's lines of `status` in text, from its JSON (printed in place
// of the last hour's); the series and the hourly runs as tables when there.
void printWindowText(Context &context, const QJsonObject &status);

} // namespace outflow::cli
