#pragma once

#include "model/destinationsummary.h"

#include <QAbstractTableModel>
#include <QList>

namespace outflow::ui {

// The destinations as the Engine last reported them, one row each, kept in
// step without resets (GUI.md §3.5): a snapshot's new destinations are
// inserted, gone ones removed, changed ones updated in place, so that the
// selection and the scroll position survive every refresh. Qt::UserRole
// holds each cell's raw value for sorting; IdRole the destination's id.
class DestinationsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DestinationsModel)

public:
    enum Column {
        Name,
        State,
        Endpoint,
        Authentication,
        Audiences,
        DeliveredLastHour,
        FailedLastHour,
        Backlog,
        Alerts,
        ColumnCount
    };
    Q_ENUM(Column)
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit DestinationsModel(QObject *parent = nullptr);

    void setDestinations(const QList<DestinationSummary> &destinations);
    const QList<DestinationSummary> &destinations() const { return m_rows; }
    // The row of a destination, -1 when it is not listed.
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString authLabel(AuthType auth);

private:
    QVariant display(const DestinationSummary &row, int column) const;
    static QVariant sortValue(const DestinationSummary &row, int column);

    QList<DestinationSummary> m_rows; // in the order rows were added
};

} // namespace outflow::ui
