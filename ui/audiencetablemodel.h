#pragma once

#include "model/audiencesummary.h"

#include <QAbstractTableModel>
#include <QList>

namespace outflow::ui {

// The audiences as the Engine last reported them, one row each. Qt::UserRole
// holds each cell's raw value (numbers as numbers, times in UNIX ms) so that
// a proxy sorts on it.
class AudienceTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AudienceTableModel)

public:
    enum Column { Name, Origin, Realized, Exited, MergePolicy, Updated, ColumnCount };
    Q_ENUM(Column)
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit AudienceTableModel(QObject *parent = nullptr);

    // Rows whose id set and order are unchanged are updated in place
    // (dataChanged); otherwise the model is reset.
    void setAudiences(const QList<AudienceSummary> &audiences);
    const QList<AudienceSummary> &audiences() const { return m_audiences; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const AudienceSummary &audience, int column) const;
    static QVariant sortValue(const AudienceSummary &audience, int column);

    QList<AudienceSummary> m_audiences;
};

} // namespace outflow::ui
