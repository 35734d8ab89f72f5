#pragma once

#include "monitoring/alerttracker.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace outflow::ui {

class AlertsModel;
class EmptyStatePage;

// The Alerts page: the active alerts (every alert with "Show resolved
// alerts"), active first and newest first, with what to do about each; or the
// empty state while there is none. A view: it asks for lists
// (alertsRequested, answered by setAlerts) and reads nothing itself. Asks are
// coalesced: one in flight at most, and changes reported meanwhile make one
// more ask when the answer arrives, so a burst of alert changes costs two
// reads, not one per change.
class AlertsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsPage)

public:
    explicit AlertsPage(QWidget *parent = nullptr);

    AlertsModel *model() const { return m_model; }
    QSortFilterProxyModel *proxyModel() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QCheckBox *showResolvedCheckBox() const { return m_showResolved; }
    EmptyStatePage *emptyState() const { return m_emptyState; }
    bool showsResolved() const;
    // True while the empty state is shown instead of the table.
    bool isEmptyStateShown() const;

public slots:
    // Asks for the list now, or once the answer in flight arrives.
    void refresh();
    // The answer to alertsRequested(). Resolved alerts are dropped when they
    // are not to be shown (an answer to an ask made before the box was unticked).
    void setAlerts(const QList<outflow::Alert> &alerts);

signals:
    void alertsRequested(bool includeResolved);

private:
    // Shows these alerts, without the resolved ones unless they are to be shown.
    void showAlerts(QList<Alert> alerts);
    void updateEmptyState();

    AlertsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QCheckBox *m_showResolved;
    QStackedWidget *m_stack;
    EmptyStatePage *m_emptyState;
    QTableView *m_view;
    bool m_inFlight = false;
    bool m_pending = false;
};

} // namespace outflow::ui
