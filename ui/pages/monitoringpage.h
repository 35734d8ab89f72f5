#pragma once

#include "model/destinationsummary.h"
#include "monitoring/liverates.h"
#include "monitoring/monitoringreport.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QStackedWidget;
class QTableView;
class QTimer;

namespace outflow::ui {

class BlockedBanner;
class DataflowMetricsModel;
class EmptyStatePage;
class EngineHost;
class FiguresPanel;
class HourlyRunsModel;
class TimeSeriesChart;

// The Monitoring page (issue #18, DESIGN §8): for every dataflow or one, the
// figures of the last 15 minutes, 24 hours or 7 days; live charts of
// exports/s (delivered, failed, retried), latency and backlog; the
// per-dataflow table with state, rates and backfill; the reference's hourly
// dataflow runs; and a banner naming the destinations that cannot deliver.
//
// Inputs are snapshots: the senders' DeliveryMetrics (kept, newest per
// destination, sampled once a second) and MonitoringReports the Engine
// builds from the store (asked every two seconds, one ask in flight). Both
// timers run only while the page is visible; each chart's series is
// replaced once per update (GUI.md §3.5).
class MonitoringPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MonitoringPage)

public:
    explicit MonitoringPage(QWidget *parent = nullptr);
    ~MonitoringPage() override;

    // Not owned; called once the store is open.
    void setEngine(EngineHost *engine);

    enum Chart { ExportsChart, LatencyChart, BacklogChart, ChartCount };
    TimeSeriesChart *chart(Chart chart) const { return m_charts[chart]; }
    FiguresPanel *figuresPanel() const { return m_figures; }
    DataflowMetricsModel *dataflowModel() const { return m_dataflowModel; }
    HourlyRunsModel *hourlyRunsModel() const { return m_runsModel; }
    QTableView *dataflowView() const { return m_dataflowView; }
    QTableView *hourlyRunsView() const { return m_runsView; }
    QComboBox *windowComboBox() const { return m_windowCombo; }
    QComboBox *scopeComboBox() const { return m_scopeCombo; }
    BlockedBanner *banner() const { return m_banner; }
    bool isEmptyStateShown() const;
    // True while the page samples and asks (only while it is visible).
    bool isSampling() const;
    // The newest report shown (window, dataflows).
    const MonitoringReport &report() const { return m_report; }

    static constexpr int SampleIntervalMs = 1000;
    static constexpr int ReportIntervalMs = 2000;

signals:
    // The banner's actions: MainWindow enables, or opens the settings.
    void enableDestinationRequested(const QString &destinationId);
    void destinationSettingsRequested(const QString &destinationId);
    // Each report applied (tests wait for it).
    void reportShown();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void buildControls();
    void askReport();
    void applyReport(quint64 requestId, const outflow::MonitoringReport &report,
                     const QString &error);
    void setDestinations(const QList<outflow::DestinationSummary> &destinations);
    void sample();
    void updateCharts();
    // The dataflows in scope (one, or all).
    QList<DataflowReport> scoped() const;
    QString scopeId() const;
    MonitoringWindow window() const;

    QPointer<EngineHost> m_engine;
    LiveRates m_rates;
    MonitoringReport m_report;
    quint64 m_pendingReport = 0; // the ask in flight, 0: none
    qint64 m_lastSeriesAt = 0;   // when a report last carried the series
    bool m_seriesWanted = true;
    int m_asksSinceDestinations = 0;

    BlockedBanner *m_banner;
    QComboBox *m_scopeCombo;
    QComboBox *m_windowCombo;
    QLabel *m_updatedLabel;
    QStackedWidget *m_stack;
    EmptyStatePage *m_emptyState;
    FiguresPanel *m_figures;
    TimeSeriesChart *m_charts[ChartCount] = {};
    DataflowMetricsModel *m_dataflowModel;
    HourlyRunsModel *m_runsModel;
    QTableView *m_dataflowView;
    QTableView *m_runsView;
    QTimer *m_sampleTimer;
    QTimer *m_reportTimer;
};

} // namespace outflow::ui
