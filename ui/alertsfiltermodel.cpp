#include "alertsfiltermodel.h"

#include "alertsmodel.h"

namespace outflow::ui {

AlertsFilterModel::AlertsFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

void AlertsFilterModel::setStateFilter(StateFilter state)
{
    if (state == m_state)
        return;
    m_state = state;
    invalidateRowsFilter();
}

void AlertsFilterModel::setKindFilter(std::optional<AlertKind> kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    invalidateRowsFilter();
}

void AlertsFilterModel::setDestinationFilter(const QString &destinationId)
{
    if (destinationId == m_destinationId)
        return;
    m_destinationId = destinationId;
    invalidateRowsFilter();
}

bool AlertsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex row = sourceModel()->index(sourceRow, 0, sourceParent);
    const bool active = row.data(AlertsModel::ActiveRole).toBool();
    if ((m_state == StateFilter::Active && !active) || (m_state == StateFilter::Resolved && active))
        return false;
    if (m_kind && row.data(AlertsModel::KindRole).toInt() != int(*m_kind))
        return false;
    return m_destinationId.isEmpty() ||
           row.data(AlertsModel::DestinationIdRole).toString() == m_destinationId;
}

bool AlertsFilterModel::lessThan(const QModelIndex &sourceLeft,
                                 const QModelIndex &sourceRight) const
{
    if (sourceLeft.column() == AlertsModel::State && sourceRight.column() == AlertsModel::State)
        return sourceLeft.row() < sourceRight.row();
    return QSortFilterProxyModel::lessThan(sourceLeft, sourceRight);
}

} // namespace outflow::ui
