#include "alertsmodel.h"

#include "alerttexts.h"

#include <algorithm>
#include <QDateTime>
#include <QLocale>
#include <QSet>

namespace outflow::ui {

namespace {

// What a row shows; the figures are not shown, so their change alone is no
// reason to repaint.
bool sameRow(const Alert &a, const Alert &b)
{
    return a.state == b.state && a.kind == b.kind && a.destinationName == b.destinationName &&
           a.raisedAt == b.raisedAt && a.resolvedAt == b.resolvedAt &&
           a.acknowledgedAt == b.acknowledgedAt && a.message == b.message;
}

// Active and not acknowledged, acknowledged, resolved.
int group(const Alert &alert)
{
    return !alert.isActive() ? 2 : alert.isAcknowledged() ? 1 : 0;
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
        if (group(a) != group(b))
            return group(a) < group(b);
        if (a.raisedAt != b.raisedAt)
            return a.raisedAt > b.raisedAt;
        return a.id < b.id;
    });
    // The rows of alerts gone, a run at a time from the bottom.
    QSet<QString> kept;
    kept.reserve(alerts.size());
    for (const Alert &alert : std::as_const(alerts))
        kept.insert(alert.id);
    for (int last = int(m_alerts.size()) - 1; last >= 0;) {
        if (kept.contains(m_alerts.at(last).id)) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !kept.contains(m_alerts.at(first - 1).id))
            --first;
        beginRemoveRows({}, first, last);
        m_alerts.remove(first, last - first + 1);
        endRemoveRows();
        last = first - 1;
    }
    // Then row by row in the new order: in place, moved up from below, or new.
    for (int row = 0; row < int(alerts.size()); ++row) {
        const Alert &alert = alerts.at(row);
        if (row < int(m_alerts.size()) && m_alerts.at(row).id == alert.id) {
            replaceRow(row, alert);
            continue;
        }
        int from = -1;
        for (int below = row + 1; below < int(m_alerts.size()) && from < 0; ++below) {
            if (m_alerts.at(below).id == alert.id)
                from = below;
        }
        if (from >= 0) {
            beginMoveRows({}, from, from, {}, row);
            m_alerts.move(from, row);
            endMoveRows();
            replaceRow(row, alert);
        } else {
            beginInsertRows({}, row, row);
            m_alerts.insert(row, alert);
            endInsertRows();
        }
    }
}

void AlertsModel::replaceRow(int row, const Alert &alert)
{
    const bool changed = !sameRow(m_alerts.at(row), alert);
    m_alerts[row] = alert;
    if (changed)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
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
        if (column == State && alert.isAcknowledged())
            return alert.isActive()
                       ? tr("Acknowledged on %1: active until its condition clears, no longer "
                            "announced.")
                             .arg(localTime(alert.acknowledgedAt))
                       : tr("Acknowledged on %1.").arg(localTime(alert.acknowledgedAt));
        // The identifier `outflowctl destination add --alert` takes.
        if (column == Kind)
            return alertKindId(alert.kind);
        return {};
    case SortRole:
        return sortValue(alert, column);
    case IdRole:
        return alert.id;
    case KindRole:
        return int(alert.kind);
    case DestinationIdRole:
        return alert.destinationId;
    case ActiveRole:
        return alert.isActive();
    case AcknowledgedRole:
        return alert.isAcknowledged();
    default:
        return {};
    }
}

QVariant AlertsModel::display(const Alert &alert, int column) const
{
    switch (column) {
    case State:
        return !alert.isActive()        ? tr("Resolved")
               : alert.isAcknowledged() ? tr("Acknowledged", "an active alert")
                                        : tr("Active");
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
        return group(alert);
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
