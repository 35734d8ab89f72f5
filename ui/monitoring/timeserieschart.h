#pragma once

#include <QChartView>
#include <QList>
#include <QPointF>

class QLineSeries;
class QValueAxis;

namespace outflow::ui {

// One live chart of the Monitoring page (GUI.md §1.5): a few line series
// over a time axis of minutes before now, no animation, each series
// replaced in one call per update, and a y range that grows when exceeded
// and shrinks only when the data falls well below it (no jumping axis).
class TimeSeriesChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimeSeriesChart)

public:
    explicit TimeSeriesChart(const QString &title, QWidget *parent = nullptr);

    // Returns the series' index. A dotted series is secondary (p50, p99).
    int addSeries(const QString &name, const QColor &color, bool dotted = false);
    QLineSeries *series(int index) const { return m_series.at(index); }
    int seriesCount() const { return int(m_series.size()); }
    // The x axis: from `minutes` ago (negative) to now, with its title.
    void setSpan(double minutes, const QString &title);
    void setYTitle(const QString &title);
    // Replaces every series' points (one list per series, in order), then
    // fits the y range.
    void setPoints(const QList<QList<QPointF>> &points);

    double yMax() const { return m_yMax; }

private:
    QList<QLineSeries *> m_series;
    QValueAxis *m_xAxis;
    QValueAxis *m_yAxis;
    double m_yMax = 1;
};

} // namespace outflow::ui
