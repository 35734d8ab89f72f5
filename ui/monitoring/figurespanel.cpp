#include "figurespanel.h"

#include "monitoringmodels.h"

#include <QGridLayout>
#include <QLabel>

namespace outflow::ui {

using namespace monitoringtext;

FiguresPanel::FiguresPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("figuresPanel"));
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(18);
    addFigure(Figure::Received, tr("Profiles received:"), QStringLiteral("receivedValue"),
              tr("Profile updates that met an activation trigger"), 0, 0);
    addFigure(Figure::Created, tr("Exports created:"), QStringLiteral("createdValue"),
              tr("Exports queued for delivery"), 1, 0);
    addFigure(Figure::Excluded, tr("Excluded:"), QStringLiteral("excludedValue"),
              tr("Profiles left out, by reason"), 2, 0);
    addFigure(Figure::Suppressed, tr("Suppressed:"), QStringLiteral("suppressedValue"),
              tr("Changes not exported because their trigger is switched off"), 3, 0);
    addFigure(Figure::Delivered, tr("Delivered:"), QStringLiteral("deliveredValue"),
              tr("Exports the endpoint accepted (2xx)"), 0, 2);
    addFigure(Figure::Failed, tr("Failed:"), QStringLiteral("failedValue"),
              tr("Exports given up after their last attempt: dead letters, replayable"), 1, 2);
    addFigure(Figure::Retried, tr("Retried:"), QStringLiteral("retriedValue"),
              tr("Attempts that failed and were scheduled again"), 2, 2);
    addFigure(Figure::Backlog, tr("Backlog:"), QStringLiteral("backlogValue"),
              tr("Exports waiting now, and how long the oldest has waited"), 3, 2);
    addFigure(Figure::Latency, tr("Latency p50 / p95 / p99:"), QStringLiteral("latencyValue"),
              tr("From the change's commit to the endpoint's 2xx"), 0, 4);
    addFigure(Figure::Slo, tr("Delivered on time:"), QStringLiteral("sloValue"),
              tr("The share delivered within the destination's target (the reference promises "
                 "95 % within 10 minutes)"),
              1, 4);
    grid->setColumnStretch(5, 1);
}

void FiguresPanel::addFigure(Figure figure, const QString &caption, const QString &objectName,
                             const QString &toolTip, int row, int column)
{
    auto *grid = static_cast<QGridLayout *>(layout());
    auto *label = new QLabel(caption, this);
    auto *value = new QLabel(QStringLiteral("—"), this);
    value->setObjectName(objectName);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    value->setToolTip(toolTip);
    label->setToolTip(toolTip);
    label->setBuddy(value);
    value->setAccessibleName(QString(caption).remove(QLatin1Char(':')).trimmed());
    QFont bold = value->font();
    bold.setBold(true);
    value->setFont(bold);
    grid->addWidget(label, row, column);
    grid->addWidget(value, row, column + 1);
    m_values.insert(figure, value);
}

FiguresPanel::Totals FiguresPanel::add(const QList<DataflowReport> &dataflows)
{
    Totals totals;
    for (const DataflowReport &d : dataflows) {
        totals.figures.add(d.figures);
        totals.backlog += d.backlog;
        totals.oldestPendingMs = std::max(totals.oldestPendingMs, d.oldestPendingMs);
        totals.deadLetters += d.deadLetters;
        totals.sloTarget = d.sloTarget;
        totals.sloWithinMs = d.sloWithinMs;
    }
    return totals;
}

void FiguresPanel::setReports(const QList<DataflowReport> &dataflows)
{
    const Totals totals = add(dataflows);
    const MetricsBucket &f = totals.figures;
    m_values[Figure::Received]->setText(count(f.received));
    m_values[Figure::Created]->setText(count(f.created));
    m_values[Figure::Delivered]->setText(count(f.delivered));
    m_values[Figure::Suppressed]->setText(count(f.suppressed));
    m_values[Figure::Failed]->setText(count(f.failed));
    m_values[Figure::Retried]->setText(count(f.retried));
    QStringList reasons;
    for (auto it = f.excludedBy.cbegin(); it != f.excludedBy.cend(); ++it)
        reasons.append(tr("%1: %2").arg(it.key(), count(it.value())));
    reasons.sort();
    m_values[Figure::Excluded]->setText(
        reasons.isEmpty()
            ? count(f.excluded)
            : tr("%1 (%2)").arg(count(f.excluded), reasons.join(QStringLiteral(", "))));
    m_values[Figure::Backlog]->setText(
        totals.backlog > 0
            ? tr("%1, oldest %2").arg(count(totals.backlog), duration(totals.oldestPendingMs))
            : count(0));
    const auto percentile = [&f](double share) -> QString {
        return f.latency.isEmpty() ? QStringLiteral("—")
                                   : duration(f.latency.percentileMicros(share) / 1000);
    };
    m_values[Figure::Latency]->setText(
        tr("%1 / %2 / %3").arg(percentile(0.50), percentile(0.95), percentile(0.99)));
    const double attainment = f.delivered > 0 ? double(f.onTime) / double(f.delivered) : -1;
    const QString target =
        tr("target %1 within %2").arg(percent(totals.sloTarget), duration(totals.sloWithinMs));
    m_values[Figure::Slo]->setText(attainment < 0 ? tr("nothing delivered (%1)").arg(target)
                                                  : tr("%1 (%2)").arg(percent(attainment), target));
    QPalette palette = m_values[Figure::Slo]->palette();
    palette.setColor(QPalette::WindowText, attainment >= 0 && attainment < totals.sloTarget
                                               ? QColor(0xb0, 0x30, 0x20)
                                               : this->palette().color(QPalette::WindowText));
    m_values[Figure::Slo]->setPalette(palette);
}

} // namespace outflow::ui
