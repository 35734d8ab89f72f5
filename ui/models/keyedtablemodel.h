#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>
#include <QVariant>

namespace outflow::ui {

// A table whose rows are known by a key and replaced as a whole list, a few
// times a second, without resets (GUI.md §1.6, qBittorrent): rows gone are
// removed, new ones inserted where the list puts them, and only the cells
// that changed are announced. Each cell has the text shown and a raw value
// to sort by (SortRole), with an optional tooltip.
class KeyedTableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyedTableModel)

public:
    enum Role { SortRole = Qt::UserRole + 1, KeyRole };

    struct Cell
    {
        QString text;
        QVariant sortValue; // the raw value; the text when null
        QString toolTip;
        friend bool operator==(const Cell &, const Cell &) = default;
    };
    struct Row
    {
        QString key;
        QList<Cell> cells; // one per column
    };

    explicit KeyedTableModel(QStringList headers, QObject *parent = nullptr);

    // Makes the model hold `rows`, in their order.
    void setRows(const QList<Row> &rows);
    QString keyAt(int row) const;
    int rowOf(const QString &key) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    // Numbers right-aligned: columns from this one on (−1: none).
    void setFirstNumericColumn(int column) { m_firstNumeric = column; }
    // The header's tooltips, by column.
    void setHeaderToolTips(QStringList toolTips) { m_headerToolTips = std::move(toolTips); }

private:
    void updateRow(int row, const Row &fresh);

    QStringList m_headers;
    QStringList m_headerToolTips;
    QList<Row> m_rows;
    int m_firstNumeric = -1;
};

} // namespace outflow::ui
