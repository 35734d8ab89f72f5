#pragma once

#include "monitoring/alertrules.h"

#include <optional>
#include <QSortFilterProxyModel>
#include <QString>

namespace outflow::ui {

// The Alerts page's filters over an AlertsModel (issue #18): by state, kind
// and destination. The model's rows stay where they are; only what the view
// shows changes, and sorting stays the view's (on AlertsModel::SortRole).
class AlertsFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsFilterModel)

public:
    enum class StateFilter { Active, Resolved, All };
    Q_ENUM(StateFilter)

    explicit AlertsFilterModel(QObject *parent = nullptr);

    StateFilter stateFilter() const { return m_state; }
    void setStateFilter(StateFilter state);
    // Nullopt: every kind.
    std::optional<AlertKind> kindFilter() const { return m_kind; }
    void setKindFilter(std::optional<AlertKind> kind);
    // An empty id: every destination.
    QString destinationFilter() const { return m_destinationId; }
    void setDestinationFilter(const QString &destinationId);
    // Whether the kind or destination filter hides anything (the state
    // filter is the page's main choice, not a narrowing).
    bool isNarrowed() const { return m_kind.has_value() || !m_destinationId.isEmpty(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    // By State: in the model's own order (the state's group, then newest
    // first), so that an alert inserted later still takes its place.
    bool lessThan(const QModelIndex &sourceLeft, const QModelIndex &sourceRight) const override;

private:
    StateFilter m_state = StateFilter::Active;
    std::optional<AlertKind> m_kind;
    QString m_destinationId;
};

} // namespace outflow::ui
