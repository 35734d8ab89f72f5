// `outflowctl status --window W [--series]` (issue #18): the figures
// MonitoringReader reads for the Monitoring page, as JSON and as text.
#include "statuswindow_p.h"

#include <QDateTime>

namespace outflow::cli {

namespace {

QJsonValue nullIfNegative(qint64 value)
{
    return value < 0 ? QJsonValue() : QJsonValue(value);
}

QString isoTime(qint64 unixMs)
{
    return QDateTime::fromMSecsSinceEpoch(unixMs, Qt::UTC).toString(Qt::ISODate);
}

// For people: local time, to the minute.
QString localTime(const QJsonValue &iso)
{
    return QDateTime::fromString(iso.toString(), Qt::ISODate)
        .toLocalTime()
        .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString percent(double share)
{
    return QString::number(share * 100, 'f', 1) + QLatin1Char('%');
}

QString number(const QJsonObject &o, const char *key)
{
    const QJsonValue value = o.value(QLatin1String(key));
    return value.isNull() ? QStringLiteral("-") : QString::number(value.toInteger());
}

// Columns padded to their widest cell: the first left-aligned, the others
// (numbers) right-aligned.
void printTable(Context &context, const QStringList &headers, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QString &header : headers)
        widths.append(header.size());
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], row[c].size());
    }
    const auto line = [&](const QStringList &cells) {
        QString text = QStringLiteral("    ");
        for (qsizetype c = 0; c < cells.size(); ++c) {
            if (c > 0)
                text += QStringLiteral("  ");
            text += c == 0 ? cells[c].leftJustified(widths[c]) : cells[c].rightJustified(widths[c]);
        }
        context.out << text << '\n';
    };
    line(headers);
    for (const QStringList &row : rows)
        line(row);
}

} // namespace

QJsonObject latencyJson(const MetricsBucket &figures)
{
    return QJsonObject{
        {QStringLiteral("p50"), nullIfNegative(MonitoringReader::latencyMs(figures, 0.50))},
        {QStringLiteral("p95"), nullIfNegative(MonitoringReader::latencyMs(figures, 0.95))},
        {QStringLiteral("p99"), nullIfNegative(MonitoringReader::latencyMs(figures, 0.99))}};
}

QJsonObject sloJson(double target, qint64 withinMs, double attainment)
{
    return QJsonObject{
        {QStringLiteral("target"), target},
        {QStringLiteral("withinMs"), withinMs},
        {QStringLiteral("attainment"), attainment < 0 ? QJsonValue() : QJsonValue(attainment)}};
}

QJsonObject windowFiguresJson(const DataflowReport &row, MonitoringWindow window, qint64 nowMs)
{
    const MetricsBucket &f = row.figures;
    QJsonObject excludedBy;
    for (auto it = f.excludedBy.cbegin(); it != f.excludedBy.cend(); ++it)
        excludedBy.insert(it.key(), it.value());
    return QJsonObject{
        {QStringLiteral("from"), isoTime(MonitoringWindows::startOf(window, nowMs))},
        {QStringLiteral("to"), isoTime(nowMs)},
        {QStringLiteral("received"), f.received},
        {QStringLiteral("created"), f.created},
        {QStringLiteral("delivered"), f.delivered},
        {QStringLiteral("excluded"), f.excluded},
        {QStringLiteral("excludedBy"), excludedBy},
        {QStringLiteral("suppressed"), f.suppressed},
        {QStringLiteral("failed"), f.failed},
        {QStringLiteral("retried"), f.retried},
        {QStringLiteral("attempts"), f.attempts},
        {QStringLiteral("timeouts"), f.timeouts},
        {QStringLiteral("backlogMax"), f.backlogMax},
        {QStringLiteral("oldestPendingMaxMs"), f.oldestPendingMaxMs},
        {QStringLiteral("latencyMs"), latencyJson(f)},
        {QStringLiteral("slo"), sloJson(row.sloTarget, row.sloWithinMs, row.sloAttainment)}};
}

QJsonArray seriesJson(const DataflowReport &row)
{
    QJsonArray series;
    for (const MetricsBucket &b : row.series) {
        series.append(QJsonObject{
            {QStringLiteral("start"), isoTime(b.periodStart)},
            {QStringLiteral("received"), b.received},
            {QStringLiteral("created"), b.created},
            {QStringLiteral("excluded"), b.excluded},
            {QStringLiteral("suppressed"), b.suppressed},
            {QStringLiteral("delivered"), b.delivered},
            {QStringLiteral("failed"), b.failed},
            {QStringLiteral("retried"), b.retried},
            {QStringLiteral("attempts"), b.attempts},
            {QStringLiteral("p95Ms"), nullIfNegative(MonitoringReader::latencyMs(b, 0.95))},
            {QStringLiteral("backlogMax"), b.backlogMax},
            {QStringLiteral("oldestPendingMaxMs"), b.oldestPendingMaxMs}});
    }
    return series;
}

QJsonArray hourlyRunsJson(const DataflowReport &row)
{
    QJsonArray runs;
    for (const MetricsBucket &run : row.hourlyRuns) {
        const double rate = MonitoringReader::activationRate(run);
        runs.append(QJsonObject{
            {QStringLiteral("hour"), isoTime(run.periodStart)},
            {QStringLiteral("received"), run.received},
            {QStringLiteral("activated"), MonitoringReader::activated(run)},
            {QStringLiteral("excluded"), run.excluded},
            {QStringLiteral("suppressed"), run.suppressed},
            {QStringLiteral("failed"), run.failed},
            {QStringLiteral("delivered"), run.delivered},
            {QStringLiteral("activationRate"), rate < 0 ? QJsonValue() : QJsonValue(rate)}});
    }
    return runs;
}

void printWindowText(Context &context, const QJsonObject &status)
{
    const std::optional<MonitoringWindow> window =
        MonitoringWindows::fromId(status.value(QLatin1String("window")).toString());
    if (!window)
        return;
    const QString label = MonitoringWindows::label(*window);
    const QJsonObject f = status.value(QLatin1String("windowFigures")).toObject();
    context.out << Text::tr("  %1: received %2, created %3, excluded %4, suppressed %5; "
                            "delivered %6, failed %7, retried %8, timed out %9 of %10 attempts")
                       .arg(label, number(f, "received"), number(f, "created"),
                            number(f, "excluded"), number(f, "suppressed"), number(f, "delivered"),
                            number(f, "failed"), number(f, "retried"), number(f, "timeouts"))
                       .arg(number(f, "attempts"))
                << '\n';
    context.out << Text::tr("  highest backlog %1, oldest waiting export at most %2 ms")
                       .arg(number(f, "backlogMax"), number(f, "oldestPendingMaxMs"))
                << '\n';
    const QJsonObject latency = f.value(QLatin1String("latencyMs")).toObject();
    if (!latency.value(QLatin1String("p50")).isNull())
        context.out << Text::tr("  latency from commit to 2xx: p50 %1 ms, p95 %2 ms, p99 %3 ms")
                           .arg(number(latency, "p50"), number(latency, "p95"),
                                number(latency, "p99"))
                    << '\n';
    const QJsonObject slo = f.value(QLatin1String("slo")).toObject();
    const QString target = Text::tr("%1 within %2 s")
                               .arg(percent(slo.value(QLatin1String("target")).toDouble()))
                               .arg(slo.value(QLatin1String("withinMs")).toInteger() / 1000);
    const QJsonValue attainment = slo.value(QLatin1String("attainment"));
    context.out << (attainment.isNull()
                        ? Text::tr("  SLO (%1): nothing delivered to judge").arg(target)
                        : Text::tr("  SLO (%1): %2 of the exports delivered")
                              .arg(target, percent(attainment.toDouble())))
                << '\n';

    if (const QJsonValue seriesValue = status.value(QLatin1String("series"));
        seriesValue.isArray()) {
        QList<QStringList> rows;
        for (const QJsonValue &value : seriesValue.toArray()) {
            const QJsonObject b = value.toObject();
            bool empty = true;
            for (const char *key : {"received", "created", "excluded", "suppressed", "delivered",
                                    "failed", "retried", "attempts", "backlogMax"})
                empty = empty && b.value(QLatin1String(key)).toInteger() == 0;
            if (empty)
                continue;
            rows.append({localTime(b.value(QLatin1String("start"))), number(b, "received"),
                         number(b, "created"), number(b, "excluded"), number(b, "suppressed"),
                         number(b, "delivered"), number(b, "failed"), number(b, "retried"),
                         number(b, "p95Ms"), number(b, "backlogMax")});
        }
        context.out << (MonitoringWindows::resolution(*window) == MetricsBucket::Resolution::Hour
                            ? Text::tr("  per hour, oldest first (hours with nothing left out):")
                            : Text::tr("  per minute, oldest first (minutes with nothing left "
                                       "out):"))
                    << '\n';
        if (rows.isEmpty())
            context.out << "    " << Text::tr("nothing happened in this window") << '\n';
        else
            printTable(context,
                       {Text::tr("start"), Text::tr("received"), Text::tr("created"),
                        Text::tr("excluded"), Text::tr("suppressed"), Text::tr("delivered"),
                        Text::tr("failed"), Text::tr("retried"), Text::tr("p95 ms"),
                        Text::tr("backlog")},
                       rows);
    }
    if (const QJsonValue runsValue = status.value(QLatin1String("hourlyRuns"));
        runsValue.isArray()) {
        context.out << Text::tr("  hourly runs of the last 24 hours, newest first:") << '\n';
        QList<QStringList> rows;
        for (const QJsonValue &value : runsValue.toArray()) {
            const QJsonObject run = value.toObject();
            const QJsonValue rate = run.value(QLatin1String("activationRate"));
            rows.append({localTime(run.value(QLatin1String("hour"))), number(run, "received"),
                         number(run, "activated"), number(run, "excluded"), number(run, "failed"),
                         number(run, "delivered"),
                         rate.isNull() ? QStringLiteral("-") : percent(rate.toDouble())});
        }
        if (rows.isEmpty())
            context.out << "    " << Text::tr("no run in the last 24 hours") << '\n';
        else
            printTable(context,
                       {Text::tr("hour"), Text::tr("received"), Text::tr("activated"),
                        Text::tr("excluded"), Text::tr("failed"), Text::tr("delivered"),
                        Text::tr("activation rate")},
                       rows);
    }
}

} // namespace outflow::cli
