#include "alertspage.h"

#include "alertsmodel.h"
#include "emptystatepage.h"
#include "widgets/tableviews.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace outflow::ui {

AlertsPage::AlertsPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new AlertsModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_showResolved(new QCheckBox(tr("Show &resolved alerts"), this))
    , m_stack(new QStackedWidget(this))
    , m_emptyState(new EmptyStatePage(
          tr("No active alert"),
          tr("Alerts raised by your dataflows appear here, active first, with what to do about "
             "each."),
          tr("Every destination is watched for every kind of alert; the kinds it subscribes to "
             "(<b>outflowctl destination add --alert KIND</b>) are also announced on the "
             "desktop."),
          m_stack))
    , m_view(new QTableView(m_stack))
{
    setObjectName(QStringLiteral("alertsPage"));
    m_showResolved->setObjectName(QStringLiteral("showResolvedCheckBox"));
    m_stack->setObjectName(QStringLiteral("alertsStackedWidget"));
    m_emptyState->setObjectName(QStringLiteral("alertsEmptyState"));
    m_view->setObjectName(QStringLiteral("alertsTableView"));

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(AlertsModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortLocaleAware(true);

    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    // The proxy's sort is stable: by state, the model's newest-first order
    // stays within each state.
    m_view->sortByColumn(AlertsModel::State, Qt::AscendingOrder);
    setUpReadOnlyTable(m_view);
    // What to do takes the room left (the whole sentence is its tooltip); the
    // other columns fit their contents.
    m_view->horizontalHeader()->setSectionResizeMode(AlertsModel::WhatToDo, QHeaderView::Stretch);

    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(m_view);
    m_stack->setCurrentWidget(m_emptyState);

    // Above the stack: with no active alert, the resolved ones are one tick away.
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_showResolved);
    layout->addWidget(m_stack, 1);

    connect(m_showResolved, &QCheckBox::toggled, this, [this](bool showResolved) {
        // Unticked, the resolved rows go at once; ticked, they come with the answer.
        if (!showResolved)
            showAlerts(m_model->alerts());
        updateEmptyState();
        refresh();
    });
}

bool AlertsPage::showsResolved() const
{
    return m_showResolved->isChecked();
}

bool AlertsPage::isEmptyStateShown() const
{
    return m_stack->currentWidget() == m_emptyState;
}

void AlertsPage::refresh()
{
    if (m_inFlight) {
        m_pending = true;
        return;
    }
    m_inFlight = true;
    emit alertsRequested(showsResolved());
}

void AlertsPage::setAlerts(const QList<Alert> &alerts)
{
    m_inFlight = false;
    showAlerts(alerts);
    if (m_pending) {
        m_pending = false;
        refresh();
    }
}

void AlertsPage::showAlerts(QList<Alert> alerts)
{
    if (!showsResolved())
        alerts.removeIf([](const Alert &alert) { return !alert.isActive(); });
    m_model->setAlerts(std::move(alerts));
    updateEmptyState();
}

void AlertsPage::updateEmptyState()
{
    m_emptyState->setHeading(showsResolved() ? tr("No alert") : tr("No active alert"));
    m_stack->setCurrentWidget(m_model->rowCount() == 0 ? static_cast<QWidget *>(m_emptyState)
                                                       : m_view);
}

} // namespace outflow::ui
