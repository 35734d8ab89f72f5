#include "monitoringpage.h"

#include "emptystatepage.h"
#include "enginehost.h"
#include "monitoring/blockedbanner.h"
#include "monitoring/figurespanel.h"
#include "monitoring/monitoringmodels.h"
#include "monitoring/timeserieschart.h"
#include "widgets/tableviews.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace outflow::ui {

MonitoringPage::MonitoringPage(QWidget *parent)
    : QWidget(parent)
    , m_banner(new BlockedBanner(this))
    , m_scopeCombo(new QComboBox(this))
    , m_windowCombo(new QComboBox(this))
    , m_updatedLabel(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_emptyState(new EmptyStatePage(
          tr("Nothing to monitor yet"),
          tr("Live figures of each dataflow appear here: exports sent, failed, retried and late, "
             "backlog and delivery latency."),
          tr("Activate an audience to a destination to start a dataflow."), this))
    , m_figures(new FiguresPanel(this))
    , m_dataflowModel(new DataflowMetricsModel(this))
    , m_runsModel(new HourlyRunsModel(this))
    , m_dataflowView(new QTableView(this))
    , m_runsView(new QTableView(this))
    , m_sampleTimer(new QTimer(this))
    , m_reportTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("monitoringPage"));
    buildControls();
    m_sampleTimer->setInterval(SampleIntervalMs);
    connect(m_sampleTimer, &QTimer::timeout, this, &MonitoringPage::sample);
    m_reportTimer->setInterval(ReportIntervalMs);
    connect(m_reportTimer, &QTimer::timeout, this, &MonitoringPage::askReport);
    connect(m_banner, &BlockedBanner::enableRequested, this,
            &MonitoringPage::enableDestinationRequested);
    connect(m_banner, &BlockedBanner::editRequested, this,
            &MonitoringPage::destinationSettingsRequested);
}

MonitoringPage::~MonitoringPage() = default;

void MonitoringPage::buildControls()
{
    m_scopeCombo->setObjectName(QStringLiteral("scopeComboBox"));
    m_scopeCombo->addItem(tr("All dataflows"), QString());
    m_scopeCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_windowCombo->setObjectName(QStringLiteral("windowComboBox"));
    for (const MonitoringWindow w :
         {MonitoringWindow::FifteenMinutes, MonitoringWindow::Day, MonitoringWindow::Week})
        m_windowCombo->addItem(MonitoringWindows::label(w), int(w));
    auto *scopeLabel = new QLabel(tr("&Dataflows:"), this);
    scopeLabel->setBuddy(m_scopeCombo);
    auto *windowLabel = new QLabel(tr("&Window:"), this);
    windowLabel->setBuddy(m_windowCombo);
    m_updatedLabel->setObjectName(QStringLiteral("updatedLabel"));
    m_updatedLabel->setForegroundRole(QPalette::PlaceholderText);
    const auto rescope = [this] {
        m_seriesWanted = true; // the new scope's or window's history
        updateCharts();
        m_figures->setReports(scoped());
        m_runsModel->setRuns(scoped());
        askReport();
    };
    connect(m_scopeCombo, &QComboBox::currentIndexChanged, this, rescope);
    connect(m_windowCombo, &QComboBox::currentIndexChanged, this, rescope);

    auto *bar = new QHBoxLayout;
    bar->addWidget(scopeLabel);
    bar->addWidget(m_scopeCombo);
    bar->addSpacing(12);
    bar->addWidget(windowLabel);
    bar->addWidget(m_windowCombo);
    bar->addStretch(1);
    bar->addWidget(m_updatedLabel);

    m_charts[ExportsChart] = new TimeSeriesChart(tr("Exports per second"), this);
    m_charts[ExportsChart]->addSeries(tr("Delivered"), QColor(0x2e, 0x7d, 0x32));
    m_charts[ExportsChart]->addSeries(tr("Failed"), QColor(0xc6, 0x28, 0x28));
    m_charts[ExportsChart]->addSeries(tr("Retried"), QColor(0xef, 0x8f, 0x00));
    m_charts[LatencyChart] = new TimeSeriesChart(tr("Latency (ms)"), this);
    m_charts[LatencyChart]->addSeries(tr("p95"), QColor(0x15, 0x65, 0xc0));
    m_charts[LatencyChart]->addSeries(tr("p50"), QColor(0x15, 0x65, 0xc0), true);
    m_charts[LatencyChart]->addSeries(tr("p99"), QColor(0x6a, 0x1b, 0x9a), true);
    m_charts[BacklogChart] = new TimeSeriesChart(tr("Backlog (exports waiting)"), this);
    m_charts[BacklogChart]->addSeries(tr("Backlog"), QColor(0x55, 0x55, 0x55));
    const QString objectNames[ChartCount] = {QStringLiteral("exportsChart"),
                                             QStringLiteral("latencyChart"),
                                             QStringLiteral("backlogChart")};
    auto *charts = new QWidget(this);
    auto *chartRow = new QHBoxLayout(charts);
    chartRow->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < ChartCount; ++i) {
        m_charts[i]->setObjectName(objectNames[i]);
        chartRow->addWidget(m_charts[i]);
    }

    auto *dataflowProxy = new QSortFilterProxyModel(this);
    dataflowProxy->setSourceModel(m_dataflowModel);
    dataflowProxy->setSortRole(KeyedTableModel::SortRole);
    dataflowProxy->setDynamicSortFilter(true);
    m_dataflowView->setObjectName(QStringLiteral("dataflowTableView"));
    m_dataflowView->setAccessibleName(tr("Dataflows"));
    m_dataflowView->setModel(dataflowProxy);
    m_runsView->setObjectName(QStringLiteral("hourlyRunsTableView"));
    m_runsView->setAccessibleName(tr("Hourly dataflow runs"));
    m_runsView->setModel(m_runsModel);
    for (QTableView *view : {m_dataflowView, m_runsView}) {
        setUpReadOnlyTable(view);
    }
    m_dataflowView->setSortingEnabled(true);
    m_dataflowView->sortByColumn(DataflowMetricsModel::Destination, Qt::AscendingOrder);
    m_dataflowView->horizontalHeader()->setStretchLastSection(true);
    // ResizeToContents sizes the columns at the first layout only: rows
    // that arrive later (the first report, a new hour) size them again.
    connect(m_runsModel, &QAbstractItemModel::rowsInserted, m_runsView,
            &QTableView::resizeColumnsToContents);
    connect(m_dataflowModel, &QAbstractItemModel::rowsInserted, m_dataflowView,
            &QTableView::resizeColumnsToContents);
    auto *dataflowLabel = new QLabel(tr("Dataflows &now:"), this);
    dataflowLabel->setBuddy(m_dataflowView);
    auto *runsLabel = new QLabel(tr("Dataflow &runs by hour (last 24 hours):"), this);
    runsLabel->setBuddy(m_runsView);
    auto *tables = new QSplitter(Qt::Horizontal, this);
    tables->setObjectName(QStringLiteral("monitoringTablesSplitter"));
    for (const auto &[label, view] :
         {std::pair{dataflowLabel, m_dataflowView}, std::pair{runsLabel, m_runsView}}) {
        auto *box = new QWidget(tables);
        auto *column = new QVBoxLayout(box);
        column->setContentsMargins(0, 0, 0, 0);
        column->addWidget(label);
        column->addWidget(view);
        tables->addWidget(box);
    }
    tables->setStretchFactor(0, 3);
    tables->setStretchFactor(1, 2);

    auto *content = new QWidget(this);
    auto *contentColumn = new QVBoxLayout(content);
    contentColumn->setContentsMargins(0, 0, 0, 0);
    auto *split = new QSplitter(Qt::Vertical, content);
    split->addWidget(charts);
    split->addWidget(tables);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    contentColumn->addWidget(m_figures);
    contentColumn->addWidget(split, 1);
    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(content);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);
    setTabOrder(m_scopeCombo, m_windowCombo);
    setTabOrder(m_windowCombo, m_dataflowView);
    setTabOrder(m_dataflowView, m_runsView);
}

void MonitoringPage::setEngine(EngineHost *engine)
{
    if (m_engine)
        return;
    m_engine = engine;
    connect(engine, &EngineHost::deliveryMetrics, this,
            [this](const DeliveryMetrics &metrics) { m_rates.update(metrics); });
    connect(engine, &EngineHost::monitoringRead, this, &MonitoringPage::applyReport);
    connect(engine, &EngineHost::destinationsListed, this, &MonitoringPage::setDestinations);
    if (isVisible()) {
        engine->listDestinations();
        askReport();
    }
}

bool MonitoringPage::isEmptyStateShown() const
{
    return m_stack->currentWidget() == m_emptyState;
}

bool MonitoringPage::isSampling() const
{
    return m_sampleTimer->isActive() || m_reportTimer->isActive();
}

void MonitoringPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_sampleTimer->start();
    m_reportTimer->start();
    if (m_engine) {
        m_engine->listDestinations();
        askReport();
    }
}

void MonitoringPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    // Nothing is sampled, asked or drawn while hidden: the charts' history
    // comes back from the stored minutes when the page shows again.
    m_sampleTimer->stop();
    m_reportTimer->stop();
    m_rates.clear();
    m_seriesWanted = true;
}

MonitoringWindow MonitoringPage::window() const
{
    return MonitoringWindow(m_windowCombo->currentData().toInt());
}

QString MonitoringPage::scopeId() const
{
    return m_scopeCombo->currentData().toString();
}

QList<DataflowReport> MonitoringPage::scoped() const
{
    if (m_report.window != window())
        return {};
    const QString id = scopeId();
    if (id.isEmpty())
        return m_report.dataflows;
    QList<DataflowReport> one;
    for (const DataflowReport &d : m_report.dataflows) {
        if (d.destinationId == id)
            one.append(d);
    }
    return one;
}

void MonitoringPage::askReport()
{
    if (!m_engine || m_pendingReport != 0)
        return; // one ask in flight: a slow store never queues them up
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // The series cost more to read: at once after a change of window, then
    // every minute for the minutes, every ten for the hours.
    const qint64 every = window() == MonitoringWindow::Week ? 600'000 : 60'000;
    const bool series = m_seriesWanted || now - m_lastSeriesAt >= every;
    m_pendingReport = m_engine->readMonitoring(window(), QString(), series);
    if (++m_asksSinceDestinations >= 5) { // the banner's states, every ten seconds
        m_asksSinceDestinations = 0;
        m_engine->listDestinations();
    }
}

void MonitoringPage::applyReport(quint64 requestId, const MonitoringReport &report,
                                 const QString &error)
{
    if (requestId != m_pendingReport)
        return;
    m_pendingReport = 0;
    if (!error.isEmpty()) {
        m_updatedLabel->setText(error);
        return;
    }
    if (report.window != window()) { // asked before the window changed
        askReport();
        return;
    }
    // A report without series keeps the series already shown.
    const bool withSeries =
        std::any_of(report.dataflows.cbegin(), report.dataflows.cend(),
                    [](const DataflowReport &d) { return !d.series.isEmpty(); });
    MonitoringReport previous = std::move(m_report);
    m_report = report;
    if (withSeries || report.dataflows.isEmpty()) {
        m_lastSeriesAt = report.at;
        m_seriesWanted = false;
    } else if (previous.window == report.window) {
        for (DataflowReport &d : m_report.dataflows) {
            for (const DataflowReport &old : std::as_const(previous.dataflows)) {
                if (old.destinationId == d.destinationId) {
                    d.series = old.series;
                    d.hourlyRuns = old.hourlyRuns;
                }
            }
        }
    }
    m_stack->setCurrentWidget(m_report.dataflows.isEmpty() ? static_cast<QWidget *>(m_emptyState)
                                                           : m_stack->widget(1));
    for (const DataflowReport &d : std::as_const(m_report.dataflows)) {
        if (m_scopeCombo->findData(d.destinationId) < 0)
            m_scopeCombo->addItem(d.destinationName, d.destinationId);
    }
    m_figures->setReports(scoped());
    m_dataflowModel->setFigures(m_report.dataflows, m_rates);
    m_runsModel->setRuns(scoped());
    updateCharts();
    m_updatedLabel->setText(
        tr("Updated %1")
            .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(report.at).time(),
                                    QLocale::ShortFormat)));
    emit reportShown();
}

void MonitoringPage::setDestinations(const QList<DestinationSummary> &destinations)
{
    m_banner->setDestinations(destinations);
    for (const DestinationSummary &d : destinations) {
        const int index = m_scopeCombo->findData(d.id);
        if (index < 0)
            m_scopeCombo->addItem(d.name, d.id);
        else if (m_scopeCombo->itemText(index) != d.name)
            m_scopeCombo->setItemText(index, d.name);
    }
}

void MonitoringPage::sample()
{
    m_rates.sample(QDateTime::currentMSecsSinceEpoch());
    m_dataflowModel->setFigures(m_report.dataflows, m_rates);
    if (window() == MonitoringWindow::FifteenMinutes)
        updateCharts();
}

} // namespace outflow::ui
