#pragma once

#include "alertsfiltermodel.h"
#include "model/destinationsummary.h"
#include "monitoring/alerttracker.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QMenu;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace outflow::ui {

class AlertsModel;
class EmptyStatePage;

// The Alerts page: the active alerts (the resolved ones too, or only them,
// by the State filter), by kind and destination, unacknowledged first and
// newest first, with what to do about each; or the empty state while there
// is none. Acknowledge keeps the selected active alerts active but no longer
// announced; Alert Settings… opens the Edit dialog of the selected alert's
// destination (or of one picked from a menu) on its Alerts tab: its
// subscriptions and thresholds. A view: it asks for lists (alertsRequested,
// answered by setAlerts) and acts through signals. Asks are coalesced: one
// in flight at most, and changes reported meanwhile make one more ask when
// the answer arrives, so a burst of alert changes costs two reads, not one
// per change.
class AlertsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsPage)

public:
    using StateFilter = AlertsFilterModel::StateFilter;

    explicit AlertsPage(QWidget *parent = nullptr);

    AlertsModel *model() const { return m_model; }
    AlertsFilterModel *proxyModel() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QComboBox *stateComboBox() const { return m_stateCombo; }
    QComboBox *kindComboBox() const { return m_kindCombo; }
    QComboBox *destinationComboBox() const { return m_destinationCombo; }
    QPushButton *acknowledgeButton() const { return m_acknowledgeButton; }
    QPushButton *settingsButton() const { return m_settingsButton; }
    // Alert Settings…'s choice of destination when no alert says which.
    QMenu *destinationsMenu() const { return m_destinationsMenu; }
    QLabel *errorLabel() const { return m_error; }
    EmptyStatePage *emptyState() const { return m_emptyState; }

    StateFilter stateFilter() const { return m_proxy->stateFilter(); }
    void setStateFilter(StateFilter state);
    // Whether the asks include resolved alerts (State: Resolved or All).
    bool showsResolved() const;
    // True while the empty state is shown instead of the table.
    bool isEmptyStateShown() const;
    // The alerts selected in the table, in its order.
    QList<Alert> selectedAlerts() const;

public slots:
    // Asks for the list now, or once the answer in flight arrives.
    void refresh();
    // The answer to alertsRequested(). Resolved alerts are dropped when they
    // are not to be shown (an answer to an ask made before State went back
    // to Active).
    void setAlerts(const QList<outflow::Alert> &alerts);
    // The destinations there are now: Alert Settings… offers them, and the
    // Destination filter beside those the alerts name.
    void setDestinations(const QList<outflow::DestinationSummary> &destinations);
    // Why an acknowledgement failed, under the table; empty: nothing to say.
    void showError(const QString &message);
    // Acknowledge: the selected alerts that are active and not acknowledged yet.
    void acknowledgeSelected();
    // Alert Settings…: the selected alert's destination if it still exists,
    // else the menu of destinations.
    void openAlertSettings();

signals:
    void alertsRequested(bool includeResolved);
    void acknowledgeRequested(const QStringList &alertIds);
    void alertSettingsRequested(const QString &destinationId);

private:
    QWidget *createFilterBar();
    // Shows these alerts, without the resolved ones unless they are to be shown.
    void showAlerts(QList<Alert> alerts);
    void updateDestinationChoices();
    void updateEmptyState();
    void updateButtons();

    AlertsModel *m_model;
    AlertsFilterModel *m_proxy;
    QComboBox *m_stateCombo;
    QComboBox *m_kindCombo;
    QComboBox *m_destinationCombo;
    QPushButton *m_acknowledgeButton;
    QPushButton *m_settingsButton;
    QMenu *m_destinationsMenu;
    QStackedWidget *m_stack;
    EmptyStatePage *m_emptyState;
    QTableView *m_view;
    QLabel *m_error;
    // Destination names by id: those that exist, and those the alerts name.
    QHash<QString, QString> m_destinations;
    QHash<QString, QString> m_alertDestinations;
    bool m_inFlight = false;
    bool m_pending = false;
};

} // namespace outflow::ui
