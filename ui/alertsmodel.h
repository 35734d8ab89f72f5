#pragma once

#include "monitoring/alerttracker.h"

#include <QAbstractTableModel>
#include <QList>

namespace outflow::ui {

// The alerts as the Engine last listed them, one row each: active alerts
// not acknowledged first, then the acknowledged ones, then the resolved ones,
// the newest first within each group (what needs the administrator now comes
// before what was seen or already cleared). Qt::UserRole holds each cell's
// raw value (times in UNIX ms) so that a proxy sorts on it; the State column's
// is the group alone (AlertsFilterModel sorts that column in the model's
// order, newest first within each group). A new list never resets the model (GUI.md §1.6): rows
// are removed, moved, inserted and changed, so views keep their selection.
class AlertsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsModel)

public:
    enum Column { State, Kind, Destination, Raised, Resolved, WhatToDo, ColumnCount };
    Q_ENUM(Column)
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int IdRole = Qt::UserRole + 1;
    // For filters (AlertsFilterModel), on any column of a row.
    static constexpr int KindRole = Qt::UserRole + 2;          // int(AlertKind)
    static constexpr int DestinationIdRole = Qt::UserRole + 3; // QString
    static constexpr int ActiveRole = Qt::UserRole + 4;        // bool
    static constexpr int AcknowledgedRole = Qt::UserRole + 5;  // bool

    explicit AlertsModel(QObject *parent = nullptr);

    // Orders the alerts as above and makes the rows match them: the rows of
    // alerts gone are removed, moved ones move, new ones are inserted, and
    // rows whose shown values changed emit dataChanged.
    void setAlerts(QList<Alert> alerts);
    const QList<Alert> &alerts() const { return m_alerts; }
    // The alert of a row of this model.
    const Alert &alertAt(int row) const { return m_alerts.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void replaceRow(int row, const Alert &alert);
    QVariant display(const Alert &alert, int column) const;
    static QVariant sortValue(const Alert &alert, int column);

    QList<Alert> m_alerts;
};

} // namespace outflow::ui
