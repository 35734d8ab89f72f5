#include "timeserieschart.h"

#include <cmath>
#include <QChart>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QValueAxis>

namespace outflow::ui {

namespace {

// 1, 2, 5, 10, 20, 50… at or above `value`: a y range that reads well.
double niceCeiling(double value)
{
    if (value <= 1)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 5.0, 10.0}) {
        if (step * magnitude >= value)
            return step * magnitude;
    }
    return 10 * magnitude;
}

} // namespace

TimeSeriesChart::TimeSeriesChart(const QString &title, QWidget *parent)
    : QChartView(parent)
    , m_xAxis(new QValueAxis(this))
    , m_yAxis(new QValueAxis(this))
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation); // live data: never animate (GUI.md §1.5)
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->addAxis(m_xAxis, Qt::AlignBottom);
    chart->addAxis(m_yAxis, Qt::AlignLeft);
    m_xAxis->setLabelFormat(QStringLiteral("%g"));
    m_yAxis->setLabelFormat(QStringLiteral("%g"));
    m_yAxis->setRange(0, m_yMax);
    setChart(chart); // the view owns it
    setRenderHint(QPainter::Antialiasing);
    setAccessibleName(title);
    setFocusPolicy(Qt::NoFocus);
    setMinimumHeight(180);
}

int TimeSeriesChart::addSeries(const QString &name, const QColor &color, bool dotted)
{
    auto *series = new QLineSeries;
    series->setName(name);
    QPen pen(color);
    pen.setWidthF(dotted ? 1.0 : 2.0);
    if (dotted)
        pen.setStyle(Qt::DotLine);
    series->setPen(pen);
    series->setUseOpenGL(false);
    chart()->addSeries(series); // the chart owns it
    series->attachAxis(m_xAxis);
    series->attachAxis(m_yAxis);
    m_series.append(series);
    return int(m_series.size()) - 1;
}

void TimeSeriesChart::setSpan(double minutes, const QString &title)
{
    m_xAxis->setRange(minutes, 0);
    m_xAxis->setTitleText(title);
    m_xAxis->setTickCount(7);
}

void TimeSeriesChart::setYTitle(const QString &title)
{
    m_yAxis->setTitleText(title);
}

void TimeSeriesChart::setPoints(const QList<QList<QPointF>> &points)
{
    double highest = 0;
    QStringList latest;
    for (int i = 0; i < m_series.size() && i < points.size(); ++i) {
        m_series.at(i)->replace(points.at(i)); // one repaint, not one per point
        for (const QPointF &point : points.at(i))
            highest = std::max(highest, point.y());
        if (!points.at(i).isEmpty())
            latest << tr("%1 %2").arg(m_series.at(i)->name(),
                                      QLocale().toString(points.at(i).constLast().y(), 'g', 3));
    }
    // What a screen reader says of a picture: the latest value of each line.
    setAccessibleDescription(latest.isEmpty() ? tr("No data yet")
                                              : tr("Latest: %1").arg(latest.join(tr(", "))));
    // Grow at once past the top; shrink only below a quarter of it.
    const double wanted = niceCeiling(highest * 1.1);
    if (wanted > m_yMax || wanted < m_yMax / 4) {
        m_yMax = wanted;
        m_yAxis->setRange(0, m_yMax);
    }
}

} // namespace outflow::ui
