#include "alertsmodel.h"

#include "alerttexts.h"

#include <algorithm>
#include <QDateTime>
#include <QLocale>

namespace outflow::ui {

namespace {

bool sameIds(const QList<Alert> &a, const QList<Alert> &b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(),
                      [](const Alert &x, const Alert &y) { return x.id == y.id; });
}

// What a row shows; the figures are not shown, so their change alone is no
// reason to repaint.
bool sameRow(const Alert &a, const Alert &b)
{
    return a.state == b.state && a.kind == b.kind && a.destinationName == b.destinationName &&
           a.raisedAt == b.raisedAt && a.resolvedAt == b.resolvedAt && a.message == b.message;
}

QString localTime(qint64 ms)
{
    if (ms <= 0)
        return QString();
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}

} // namespace

AlertsModel::AlertsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void AlertsModel::setAlerts(QList<Alert> alerts)
{
    // The id breaks ties so that two alerts raised in the same millisecond
    // keep their rows from one snapshot to the next.
    std::sort(alerts.begin(), alerts.end(), [](const Alert &a, const Alert &b) {
        if (a.isActive() != b.isActive())
            return a.isActive();
        if (a.raisedAt != b.raisedAt)
            return a.raisedAt > b.raisedAt;
        return a.id < b.id;
    });
    if (!sameIds(m_alerts, alerts)) {
        beginResetModel();
        m_alerts = std::move(alerts);
        endResetModel();
        return;
    }
    for (qsizetype row = 0; row < alerts.size(); ++row) {
        const bool changed = !sameRow(m_alerts.at(row), alerts.at(row));
        m_alerts[row] = alerts.at(row);
        if (changed)
            emit dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
    }
}

int AlertsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_alerts.size());
}

int AlertsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Alert &alert = m_alerts.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(alert, column);
    case Qt::ToolTipRole:
        // The message is long and the table does not wrap: whole in the tooltip.
        if (column == WhatToDo)
            return alert.message;
        // The identifier `outflowctl destination add --alert` takes.
        if (column == Kind)
            return alertKindId(alert.kind);
        return {};
    case SortRole:
        return sortValue(alert, column);
    case IdRole:
        return alert.id;
    default:
        return {};
    }
}

QVariant AlertsModel::display(const Alert &alert, int column) const
{
    switch (column) {
    case State:
        return alert.isActive() ? tr("Active") : tr("Resolved");
    case Kind:
        return AlertTexts::kindTitle(alert.kind);
    case Destination:
        // An alert outlives a renamed or removed destination: its id then.
        return alert.destinationName.isEmpty() ? alert.destinationId : alert.destinationName;
    case Raised:
        return localTime(alert.raisedAt);
    case Resolved:
        return alert.isActive() ? QString() : localTime(alert.resolvedAt);
    case WhatToDo:
        return alert.message;
    default:
        return {};
    }
}

QVariant AlertsModel::sortValue(const Alert &alert, int column)
{
    switch (column) {
    case State:
        return alert.isActive() ? 0 : 1;
    case Kind:
        return AlertTexts::kindTitle(alert.kind);
    case Destination:
        return alert.destinationName.isEmpty() ? alert.destinationId : alert.destinationName;
    case Raised:
        return alert.raisedAt;
    case Resolved:
        return alert.isActive() ? qint64(0) : alert.resolvedAt;
    case WhatToDo:
        return alert.message;
    default:
        return {};
    }
}

QVariant AlertsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case State:
        return tr("State");
    case Kind:
        return tr("Kind");
    case Destination:
        return tr("Destination");
    case Raised:
        return tr("Raised");
    case Resolved:
        return tr("Resolved", "when the alert cleared");
    case WhatToDo:
        return tr("What to do");
    default:
        return {};
    }
}

} // namespace outflow::ui
