#include "alertspage.h"

#include "alertsmodel.h"
#include "alerttexts.h"
#include "emptystatepage.h"
#include "widgets/tableviews.h"

#include <algorithm>
#include <QCollator>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace outflow::ui {

AlertsPage::AlertsPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new AlertsModel(this))
    , m_proxy(new AlertsFilterModel(this))
    , m_stateCombo(new QComboBox(this))
    , m_kindCombo(new QComboBox(this))
    , m_destinationCombo(new QComboBox(this))
    , m_acknowledgeButton(new QPushButton(tr("&Acknowledge"), this))
    , m_settingsButton(new QPushButton(tr("Alert Setti&ngs…"), this))
    , m_destinationsMenu(new QMenu(m_settingsButton))
    , m_stack(new QStackedWidget(this))
    , m_emptyState(new EmptyStatePage(
          tr("No active alert"),
          tr("Alerts raised by your dataflows appear here, those not acknowledged first, with "
             "what to do about each."),
          tr("Every destination is watched for every kind of alert; the kinds it subscribes to "
             "are also announced on the desktop. <b>Alert Settings…</b> chooses them and their "
             "thresholds per destination (<b>outflowctl destination edit NAME --alert "
             "KIND</b>)."),
          m_stack))
    , m_view(new QTableView(m_stack))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("alertsPage"));
    m_stack->setObjectName(QStringLiteral("alertsStackedWidget"));
    m_emptyState->setObjectName(QStringLiteral("alertsEmptyState"));
    m_view->setObjectName(QStringLiteral("alertsTableView"));
    m_view->setAccessibleName(tr("Alerts"));
    m_acknowledgeButton->setObjectName(QStringLiteral("alertAcknowledgeButton"));
    m_acknowledgeButton->setToolTip(
        tr("Keep the selected alerts active until their condition clears, without announcing "
           "them again (outflowctl alerts acknowledge ID)"));
    m_settingsButton->setObjectName(QStringLiteral("alertSettingsButton"));
    m_settingsButton->setToolTip(
        tr("Choose the alerts a destination subscribes to and their thresholds: the selected "
           "alert's destination, or one from a list"));
    m_destinationsMenu->setObjectName(QStringLiteral("alertSettingsMenu"));
    m_error->setObjectName(QStringLiteral("alertsErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: palette(link-visited);"));
    m_error->hide();

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(AlertsModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortLocaleAware(true);

    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    // By state, the proxy keeps the model's order: newest first within each state.
    m_view->sortByColumn(AlertsModel::State, Qt::AscendingOrder);
    setUpReadOnlyTable(m_view);
    // Several at once: a burst of alerts is acknowledged in one go.
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // What to do takes the room left (the whole sentence is its tooltip); the
    // other columns fit their contents.
    m_view->horizontalHeader()->setSectionResizeMode(AlertsModel::WhatToDo, QHeaderView::Stretch);

    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(m_view);
    m_stack->setCurrentWidget(m_emptyState);

    // Above the stack: with no active alert, the resolved ones are one choice away.
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(createFilterBar());
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_error);
    // From the keyboard as on screen: the filters, the actions, then the table.
    setTabOrder(m_stateCombo, m_kindCombo);
    setTabOrder(m_kindCombo, m_destinationCombo);
    setTabOrder(m_destinationCombo, m_acknowledgeButton);
    setTabOrder(m_acknowledgeButton, m_settingsButton);
    setTabOrder(m_settingsButton, m_view);

    connect(m_acknowledgeButton, &QPushButton::clicked, this, &AlertsPage::acknowledgeSelected);
    connect(m_settingsButton, &QPushButton::clicked, this, &AlertsPage::openAlertSettings);
    connect(m_destinationsMenu, &QMenu::triggered, this,
            [this](QAction *action) { emit alertSettingsRequested(action->data().toString()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AlertsPage::updateButtons);
    // A refresh may acknowledge or resolve a selected alert.
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &AlertsPage::updateButtons);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &AlertsPage::updateButtons);
    updateButtons();
}

QWidget *AlertsPage::createFilterBar()
{
    m_stateCombo->setObjectName(QStringLiteral("alertStateComboBox"));
    m_stateCombo->addItem(tr("Active"), int(StateFilter::Active));
    m_stateCombo->addItem(tr("Resolved"), int(StateFilter::Resolved));
    m_stateCombo->addItem(tr("All", "alerts of every state"), int(StateFilter::All));
    m_kindCombo->setObjectName(QStringLiteral("alertKindComboBox"));
    m_kindCombo->addItem(tr("All kinds"));
    for (const AlertKind kind : allAlertKinds())
        m_kindCombo->addItem(AlertTexts::kindTitle(kind), int(kind));
    m_destinationCombo->setObjectName(QStringLiteral("alertDestinationComboBox"));
    m_destinationCombo->addItem(tr("All destinations"), QString());
    m_destinationCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    const auto labelled = [this, row](const QString &text, QComboBox *combo) {
        auto *label = new QLabel(text, this);
        label->setBuddy(combo);
        row->addWidget(label);
        row->addWidget(combo);
    };
    labelled(tr("&State:"), m_stateCombo);
    labelled(tr("&Kind:"), m_kindCombo);
    labelled(tr("&Destination:"), m_destinationCombo);
    row->addStretch(1);
    row->addWidget(m_acknowledgeButton);
    row->addWidget(m_settingsButton);

    connect(m_stateCombo, &QComboBox::currentIndexChanged, this,
            [this] { setStateFilter(StateFilter(m_stateCombo->currentData().toInt())); });
    connect(m_kindCombo, &QComboBox::currentIndexChanged, this, [this] {
        const QVariant kind = m_kindCombo->currentData();
        m_proxy->setKindFilter(kind.isValid() ? std::optional(AlertKind(kind.toInt()))
                                              : std::nullopt);
        updateEmptyState();
    });
    connect(m_destinationCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setDestinationFilter(m_destinationCombo->currentData().toString());
        updateEmptyState();
    });
    return bar;
}

void AlertsPage::setStateFilter(StateFilter state)
{
    const bool askedResolved = showsResolved();
    {
        const QSignalBlocker blocker(m_stateCombo);
        m_stateCombo->setCurrentIndex(m_stateCombo->findData(int(state)));
    }
    m_proxy->setStateFilter(state);
    // Back to Active: the resolved rows go at once; otherwise they come with the answer.
    if (state == StateFilter::Active)
        showAlerts(m_model->alerts());
    updateEmptyState();
    if (showsResolved() != askedResolved)
        refresh();
}

bool AlertsPage::showsResolved() const
{
    return m_proxy->stateFilter() != StateFilter::Active;
}

bool AlertsPage::isEmptyStateShown() const
{
    return m_stack->currentWidget() == m_emptyState;
}

QList<Alert> AlertsPage::selectedAlerts() const
{
    QList<Alert> alerts;
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &row : std::as_const(rows))
        alerts.append(m_model->alertAt(m_proxy->mapToSource(row).row()));
    return alerts;
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
    for (const Alert &alert : std::as_const(alerts)) {
        if (!alert.destinationId.isEmpty())
            m_alertDestinations.insert(alert.destinationId, alert.destinationName);
    }
    m_model->setAlerts(std::move(alerts));
    updateDestinationChoices();
    updateEmptyState();
    updateButtons();
}

void AlertsPage::setDestinations(const QList<DestinationSummary> &destinations)
{
    QHash<QString, QString> names;
    for (const DestinationSummary &destination : destinations)
        names.insert(destination.id, destination.name);
    if (names == m_destinations)
        return;
    m_destinations = names;
    QList<QPair<QString, QString>> sorted; // name, id
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        sorted.append({it.value(), it.key()});
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(sorted.begin(), sorted.end(),
              [&collator](const auto &a, const auto &b) { return collator(a.first, b.first); });
    m_destinationsMenu->clear();
    for (const auto &[name, id] : std::as_const(sorted)) {
        // A name's own "&" is not a mnemonic.
        QAction *action = m_destinationsMenu->addAction(
            QString(name).replace(QLatin1Char('&'), QLatin1String("&&")));
        action->setData(id);
    }
    updateDestinationChoices();
    updateButtons();
}

// "All destinations", then every destination that exists or that an alert
// names, by name; the chosen one stays chosen.
void AlertsPage::updateDestinationChoices()
{
    QHash<QString, QString> names = m_alertDestinations;
    names.insert(m_destinations);          // a renamed destination: its current name
    QList<QPair<QString, QString>> wanted; // name (its id when unnamed), id
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        wanted.append({it.value().isEmpty() ? it.key() : it.value(), it.key()});
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(wanted.begin(), wanted.end(),
              [&collator](const auto &a, const auto &b) { return collator(a.first, b.first); });
    bool same = m_destinationCombo->count() == wanted.size() + 1;
    for (int i = 0; same && i < int(wanted.size()); ++i)
        same = m_destinationCombo->itemText(i + 1) == wanted.at(i).first &&
               m_destinationCombo->itemData(i + 1).toString() == wanted.at(i).second;
    if (same)
        return;
    const QString chosen = m_destinationCombo->currentData().toString();
    {
        const QSignalBlocker blocker(m_destinationCombo);
        while (m_destinationCombo->count() > 1)
            m_destinationCombo->removeItem(1);
        for (const auto &[name, id] : std::as_const(wanted))
            m_destinationCombo->addItem(name, id);
        m_destinationCombo->setCurrentIndex(qMax(0, m_destinationCombo->findData(chosen)));
    }
    // Gone from both lists: every destination again.
    if (m_destinationCombo->currentData().toString() != chosen) {
        m_proxy->setDestinationFilter(QString());
        updateEmptyState();
    }
}

void AlertsPage::updateEmptyState()
{
    QString heading;
    if (m_proxy->isNarrowed())
        heading = tr("No alert matches these filters");
    else if (stateFilter() == StateFilter::Active)
        heading = tr("No active alert");
    else if (stateFilter() == StateFilter::Resolved)
        heading = tr("No resolved alert");
    else
        heading = tr("No alert");
    m_emptyState->setHeading(heading);
    m_stack->setCurrentWidget(m_proxy->rowCount() == 0 ? static_cast<QWidget *>(m_emptyState)
                                                       : m_view);
}

void AlertsPage::updateButtons()
{
    const QList<Alert> selected = selectedAlerts();
    const bool acknowledgeable =
        std::any_of(selected.cbegin(), selected.cend(),
                    [](const Alert &a) { return a.isActive() && !a.isAcknowledged(); });
    m_acknowledgeButton->setEnabled(acknowledgeable);
    m_settingsButton->setEnabled(!m_destinations.isEmpty());
}

void AlertsPage::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setAccessibleName(message);
    m_error->setVisible(!message.isEmpty());
}

void AlertsPage::acknowledgeSelected()
{
    QStringList ids;
    for (const Alert &alert : selectedAlerts()) {
        if (alert.isActive() && !alert.isAcknowledged())
            ids << alert.id;
    }
    if (ids.isEmpty())
        return;
    showError(QString());
    emit acknowledgeRequested(ids);
}

void AlertsPage::openAlertSettings()
{
    for (const Alert &alert : selectedAlerts()) {
        if (m_destinations.contains(alert.destinationId)) {
            emit alertSettingsRequested(alert.destinationId);
            return;
        }
    }
    if (m_destinationsMenu->isEmpty())
        return;
    // Not exec(): no nested event loop; the choice comes back through triggered().
    m_destinationsMenu->popup(m_settingsButton->mapToGlobal(QPoint(0, m_settingsButton->height())));
}

} // namespace outflow::ui
