#pragma once

#include "monitoring/alerttracker.h"

#include <QAbstractTableModel>
#include <QList>

namespace outflow::ui {

// The alerts as the Engine last listed them, one row each: active alerts
// first, the newest first within each group (what needs the administrator
// now comes before what already cleared). Qt::UserRole holds each cell's raw
// value (times in UNIX ms) so that a proxy sorts on it; the State column sorts
// on the state alone, so that a stable sort keeps the newest first within
// each state.
class AlertsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsModel)

public:
    enum Column { State, Kind, Destination, Raised, Resolved, WhatToDo, ColumnCount };
    Q_ENUM(Column)
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit AlertsModel(QObject *parent = nullptr);

    // Orders the alerts (active first, newest first). Rows whose ids and
    // order are unchanged are updated in place (dataChanged), so that an
    // alert's new figures keep the selection; otherwise the model is reset.
    void setAlerts(QList<Alert> alerts);
    const QList<Alert> &alerts() const { return m_alerts; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const Alert &alert, int column) const;
    static QVariant sortValue(const Alert &alert, int column);

    QList<Alert> m_alerts;
};

} // namespace outflow::ui
