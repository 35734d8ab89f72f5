#pragma once

#include "monitoring/monitoringreport.h"

#include <QHash>
#include <QWidget>

class QLabel;

namespace outflow::ui {

// The Monitoring page's figures for the chosen window and dataflows
// (DESIGN §2 "Monitoring figures"): received, created, delivered, excluded
// with its reasons, suppressed, failed, retried, backlog and its oldest
// age, latency p50/p95/p99 and the SLO attainment. Each value is a label
// with an objectName ("deliveredValue"…) and its caption as buddy.
class FiguresPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FiguresPanel)

public:
    enum class Figure {
        Received,
        Created,
        Delivered,
        Excluded,
        Suppressed,
        Failed,
        Retried,
        Backlog,
        Latency,
        Slo
    };

    explicit FiguresPanel(QWidget *parent = nullptr);

    // The dataflows' figures, added up.
    void setReports(const QList<DataflowReport> &dataflows);
    QLabel *value(Figure figure) const { return m_values.value(figure); }

    // What the window's figures add up to (public: the page's tests read it).
    struct Totals
    {
        MetricsBucket figures;
        qint64 backlog = 0;
        qint64 oldestPendingMs = 0;
        qint64 deadLetters = 0;
        double sloTarget = 0.95;
        qint64 sloWithinMs = 0;
    };
    static Totals add(const QList<DataflowReport> &dataflows);

private:
    void addFigure(Figure figure, const QString &caption, const QString &objectName,
                   const QString &toolTip, int row, int column);

    QHash<Figure, QLabel *> m_values;
};

} // namespace outflow::ui
