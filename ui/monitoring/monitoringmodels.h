#pragma once

#include "models/keyedtablemodel.h"
#include "monitoring/monitoringreport.h"

namespace outflow::ui {

class LiveRates;

// How the Monitoring page writes its figures (one place, so that the table,
// the figures and the charts agree).
namespace monitoringtext {
QString count(qint64 value);
QString perSecond(double value);
QString perMinute(double perSecond);
QString duration(qint64 ms); // "850 ms", "12 s", "3 min 4 s", "2 h 5 min"
QString latency(qint64 ms);  // "—" when < 0
QString percent(double share);
} // namespace monitoringtext

// The Monitoring page's per-dataflow table: state and live rates, rows keyed
// by destination id, updated in place (no reset).
class DataflowMetricsModel final : public KeyedTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DataflowMetricsModel)

public:
    enum Column {
        Destination,
        State,
        DeliveredPerSecond,
        FailedPerMinute,
        RetriedPerMinute,
        LatencyP95,
        Backlog,
        OldestPending,
        DeadLetters,
        Backfill,
        ColumnCount
    };

    explicit DataflowMetricsModel(QObject *parent = nullptr);
    // The report's dataflows, with the live rates where a sender reported.
    void setFigures(const QList<DataflowReport> &dataflows, const LiveRates &rates);
};

// The reference's dataflow runs, one row per hour, newest first.
class HourlyRunsModel final : public KeyedTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HourlyRunsModel)

public:
    enum Column { Hour, Received, Activated, Excluded, Failed, ActivationRate, ColumnCount };

    explicit HourlyRunsModel(QObject *parent = nullptr);
    // Every dataflow's runs summed per hour (one dataflow: its own).
    void setRuns(const QList<DataflowReport> &dataflows);
};

} // namespace outflow::ui
