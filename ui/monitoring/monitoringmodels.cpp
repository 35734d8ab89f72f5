#include "monitoringmodels.h"

#include "liverates.h"

#include <QDateTime>
#include <QLocale>
#include <QMap>

namespace outflow::ui {

namespace monitoringtext {

QString count(qint64 value)
{
    return QLocale().toString(value);
}

QString perSecond(double value)
{
    return QCoreApplication::translate("MonitoringText", "%1/s")
        .arg(QLocale().toString(value, 'f', value < 10 ? 1 : 0));
}

QString perMinute(double perSecond)
{
    const double value = perSecond * 60;
    return QCoreApplication::translate("MonitoringText", "%1/min")
        .arg(QLocale().toString(value, 'f', value < 10 ? 1 : 0));
}

QString duration(qint64 ms)
{
    if (ms < 1000)
        return QCoreApplication::translate("MonitoringText", "%1 ms").arg(ms);
    const qint64 seconds = ms / 1000;
    if (seconds < 60)
        return QCoreApplication::translate("MonitoringText", "%1 s").arg(seconds);
    // Whole minutes and hours read as such: "10 min", not "10 min 0 s".
    if (seconds < 3600 && seconds % 60 == 0)
        return QCoreApplication::translate("MonitoringText", "%1 min").arg(seconds / 60);
    if (seconds < 3600)
        return QCoreApplication::translate("MonitoringText", "%1 min %2 s")
            .arg(seconds / 60)
            .arg(seconds % 60);
    if (seconds % 3600 < 60)
        return QCoreApplication::translate("MonitoringText", "%1 h").arg(seconds / 3600);
    return QCoreApplication::translate("MonitoringText", "%1 h %2 min")
        .arg(seconds / 3600)
        .arg(seconds % 3600 / 60);
}

QString latency(qint64 ms)
{
    return ms < 0 ? QStringLiteral("—") : duration(ms);
}

QString percent(double share)
{
    return share < 0 ? QStringLiteral("—")
                     : QCoreApplication::translate("MonitoringText", "%1 %")
                           .arg(QLocale().toString(share * 100, 'f', 1));
}

} // namespace monitoringtext

using namespace monitoringtext;

DataflowMetricsModel::DataflowMetricsModel(QObject *parent)
    : KeyedTableModel({tr("Destination"), tr("State"), tr("Delivered"), tr("Failed"), tr("Retried"),
                       tr("Latency p95"), tr("Backlog"), tr("Oldest waiting"), tr("Dead letters"),
                       tr("Backfill")},
                      parent)
{
    setObjectName(QStringLiteral("dataflowMetricsModel"));
    setFirstNumericColumn(DeliveredPerSecond);
    setHeaderToolTips({{},
                       {},
                       tr("Exports delivered per second, now"),
                       tr("Exports given up (dead letters) per minute, now"),
                       tr("Attempts that will be retried, per minute, now"),
                       tr("95 % of the exports delivered in the last seconds took at most this "
                          "long from their change's commit to the 2xx"),
                       tr("Exports waiting to be sent, retried or answered"),
                       tr("How long the oldest waiting export has waited"),
                       tr("Failed exports kept for replay (Deliveries page)"),
                       tr("The newest backfill: profiles exported of those realized")});
}

void DataflowMetricsModel::setFigures(const QList<DataflowReport> &dataflows,
                                      const LiveRates &rates)
{
    QList<Row> rows;
    rows.reserve(dataflows.size());
    for (const DataflowReport &d : dataflows) {
        const LiveSample live = rates.latest(d.destinationId);
        QString backfill;
        if (d.backfillTotal > 0) {
            backfill = tr("%1 of %2").arg(count(d.backfillDone), count(d.backfillTotal));
            if (!d.backfillFinished && d.backfillEtaMs >= 0)
                backfill = tr("%1, about %2 left").arg(backfill, duration(d.backfillEtaMs));
        }
        const QString fix = DestinationStates::fix(d.state);
        rows.append(
            Row{d.destinationId,
                {Cell{d.destinationName, {}, {}},
                 Cell{DestinationStates::label(d.state), int(d.state), fix},
                 Cell{perSecond(live.deliveredPerSecond), live.deliveredPerSecond, {}},
                 Cell{perMinute(live.failedPerSecond), live.failedPerSecond, {}},
                 Cell{perMinute(live.retriedPerSecond), live.retriedPerSecond, {}},
                 Cell{latency(live.p95Ms), live.p95Ms, {}}, Cell{count(d.backlog), d.backlog, {}},
                 Cell{d.backlog > 0 ? duration(d.oldestPendingMs) : QStringLiteral("—"),
                      d.oldestPendingMs,
                      {}},
                 Cell{count(d.deadLetters), d.deadLetters, {}},
                 Cell{backfill.isEmpty() ? QStringLiteral("—") : backfill,
                      d.backfillTotal > 0 ? double(d.backfillDone) / double(d.backfillTotal) : -1.0,
                      {}}}});
    }
    setRows(rows);
}

HourlyRunsModel::HourlyRunsModel(QObject *parent)
    : KeyedTableModel({tr("Hour"), tr("Profiles received"), tr("Activated"), tr("Excluded"),
                       tr("Failed"), tr("Activation rate")},
                      parent)
{
    setObjectName(QStringLiteral("hourlyRunsModel"));
    setFirstNumericColumn(Received);
    setHeaderToolTips({{},
                       tr("Profile updates that met an activation trigger"),
                       tr("Exports created for them"),
                       tr("Left out: a mandatory attribute was missing"),
                       tr("Exports given up after their last attempt"),
                       tr("Activated ÷ received")});
}

void HourlyRunsModel::setRuns(const QList<DataflowReport> &dataflows)
{
    QMap<qint64, MetricsBucket> byHour; // ascending
    for (const DataflowReport &d : dataflows) {
        for (const MetricsBucket &run : d.hourlyRuns)
            byHour[run.periodStart].add(run);
    }
    QList<Row> rows;
    const QList<qint64> hours = byHour.keys(); // ascending: shown newest first
    for (auto hour = hours.crbegin(); hour != hours.crend(); ++hour) {
        const MetricsBucket &run = byHour[*hour];
        const double rate = run.received > 0 ? double(run.created) / double(run.received) : -1;
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(*hour);
        rows.append(Row{QString::number(*hour),
                        {Cell{QLocale().toString(start, QLocale::ShortFormat), *hour, {}},
                         Cell{count(run.received), run.received, {}},
                         Cell{count(run.created), run.created, {}},
                         Cell{count(run.excluded), run.excluded, {}},
                         Cell{count(run.failed), run.failed, {}}, Cell{percent(rate), rate, {}}}});
    }
    setRows(rows);
}

} // namespace outflow::ui
