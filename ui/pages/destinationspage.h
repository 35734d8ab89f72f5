#pragma once

#include "delivery/destinationprobe.h"
#include "model/audiencesummary.h"
#include "model/destinationsummary.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace outflow::ui {

class DestinationsModel;
class EmptyStatePage;

// The Destinations page (issue #16): every destination with its state, its
// endpoint, authentication, mapped audiences and last hour's figures, kept
// live from the Engine's snapshots; Enable/Disable and Delete act on the
// selected one (Delete asks first, naming what goes). A blocked destination
// shows its reason and the action that fixes it under the table. A view: it
// asks, the main window drives the Engine.
class DestinationsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DestinationsPage)

public:
    explicit DestinationsPage(QWidget *parent = nullptr);

    DestinationsModel *model() const { return m_model; }
    // The selected destination's backfill (hidden when it has none running).
    QProgressBar *backfillBar() const { return m_backfill; }
    QTableView *view() const { return m_view; }
    bool isEmptyStateShown() const;
    // The selected destination's id, empty when none is.
    QString selectedId() const;
    void selectDestination(const QString &id);

    // For tests: Delete asks through this instead of a modal box when set.
    using Confirm = std::function<bool(const QString &question)>;
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }

public slots:
    void setDestinations(const QList<outflow::DestinationSummary> &destinations);
    void showOperationError(const QString &message);
    // What Send test found for a destination.
    void showTestResult(const QString &destinationId, const outflow::ProbeReport &report);
    // The audiences' realized members, for Activate now's confirmation.
    void setAudiences(const QList<outflow::AudienceSummary> &audiences);

signals:
    void enableRequested(const QString &id, bool enabled);
    void removeRequested(const QString &id);
    void testRequested(const QString &id);
    void newRequested();
    void editRequested(const QString &id);
    // The activation wizard (no audience mapped yet) or Edit Activation.
    void activationRequested(const QString &id);
    void activateNowRequested(const QString &destinationId, const QString &audienceId);

private:
    void updateSelection();
    void showBackfill(const DestinationSummary &destination);
    void fillActivateNowMenu();
    void activateNow(const QString &audienceId, const QString &audienceName);
    static QString etaText(qint64 ms);
    void toggleEnabled();
    void removeSelected();
    const DestinationSummary *selected() const;

    DestinationsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QStackedWidget *m_stack;
    EmptyStatePage *m_emptyState;
    QWidget *m_tablePage;
    QTableView *m_view;
    QPushButton *m_newButton;
    QPushButton *m_editButton;
    QPushButton *m_activationButton;
    QPushButton *m_activateNowButton;
    QPushButton *m_enableButton;
    QPushButton *m_deleteButton;
    QPushButton *m_testButton;
    QLabel *m_testResult;
    QLabel *m_details;
    QProgressBar *m_backfill;
    QLabel *m_error;
    Confirm m_confirm;
    QHash<QString, qint64> m_realized; // audience id → realized members
    QStringList m_activateNowKey;      // what the Activate Now menu was built from
};

} // namespace outflow::ui
