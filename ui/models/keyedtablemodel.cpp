#include "keyedtablemodel.h"

#include <QSet>

namespace outflow::ui {

KeyedTableModel::KeyedTableModel(QStringList headers, QObject *parent)
    : QAbstractTableModel(parent)
    , m_headers(std::move(headers))
{}

void KeyedTableModel::setRows(const QList<Row> &rows)
{
    QSet<QString> wanted;
    for (const Row &row : rows)
        wanted.insert(row.key);
    // Rows gone first, from the bottom, each range in one go.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (wanted.contains(m_rows.at(row).key))
            continue;
        int first = row;
        while (first > 0 && !wanted.contains(m_rows.at(first - 1).key))
            --first;
        beginRemoveRows({}, first, row);
        m_rows.remove(first, row - first + 1);
        endRemoveRows();
        row = first;
    }
    // Then walk the wanted order: a row in place is updated; a new one (or
    // one that moved) is inserted at its place, its old copy removed.
    for (int i = 0; i < rows.size(); ++i) {
        const Row &fresh = rows.at(i);
        if (i < m_rows.size() && m_rows.at(i).key == fresh.key) {
            updateRow(i, fresh);
            continue;
        }
        const int old = rowOf(fresh.key);
        if (old >= 0) {
            beginRemoveRows({}, old, old);
            m_rows.removeAt(old);
            endRemoveRows();
        }
        beginInsertRows({}, i, i);
        m_rows.insert(i, fresh);
        endInsertRows();
    }
}

void KeyedTableModel::updateRow(int row, const Row &fresh)
{
    Row &current = m_rows[row];
    int first = -1;
    int last = -1;
    for (int column = 0; column < fresh.cells.size(); ++column) {
        if (column < current.cells.size() && current.cells.at(column) == fresh.cells.at(column))
            continue;
        if (first < 0)
            first = column;
        last = column;
    }
    if (first < 0 && current.cells.size() == fresh.cells.size())
        return;
    current = fresh;
    if (first >= 0)
        emit dataChanged(index(row, first), index(row, last));
}

QString KeyedTableModel::keyAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).key : QString();
}

int KeyedTableModel::rowOf(const QString &key) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).key == key)
            return row;
    }
    return -1;
}

int KeyedTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int KeyedTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

QVariant KeyedTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == KeyRole)
        return row.key;
    if (index.column() >= row.cells.size())
        return {};
    const Cell &cell = row.cells.at(index.column());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return cell.text;
    case Qt::ToolTipRole:
        return cell.toolTip.isEmpty() ? QVariant() : QVariant(cell.toolTip);
    case SortRole:
        return cell.sortValue.isNull() ? QVariant(cell.text) : cell.sortValue;
    case Qt::TextAlignmentRole:
        if (m_firstNumeric >= 0 && index.column() >= m_firstNumeric)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant KeyedTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_headers.size())
        return {};
    if (role == Qt::DisplayRole)
        return m_headers.at(section);
    if (role == Qt::ToolTipRole && section < m_headerToolTips.size())
        return m_headerToolTips.at(section);
    return {};
}

} // namespace outflow::ui
