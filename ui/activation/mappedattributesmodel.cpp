#include "mappedattributesmodel.h"

namespace outflow::ui {

MappedAttributesModel::MappedAttributesModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void MappedAttributesModel::setAttributes(const QList<MappedAttribute> &attributes)
{
    beginResetModel();
    m_attributes = attributes;
    endResetModel();
    emit attributesChanged();
}

bool MappedAttributesModel::contains(const QString &path) const
{
    return std::any_of(
        m_attributes.cbegin(), m_attributes.cend(),
        [&path](const MappedAttribute &attribute) { return attribute.path == path; });
}

bool MappedAttributesModel::add(const QString &path)
{
    if (path.isEmpty() || contains(path))
        return false;
    const int row = int(m_attributes.size());
    beginInsertRows({}, row, row);
    m_attributes.append({path, false, false});
    endInsertRows();
    emit attributesChanged();
    return true;
}

void MappedAttributesModel::remove(int row)
{
    if (row < 0 || row >= m_attributes.size())
        return;
    beginRemoveRows({}, row, row);
    m_attributes.removeAt(row);
    endRemoveRows();
    emit attributesChanged();
}

bool MappedAttributesModel::hasIdentifier() const
{
    return std::any_of(m_attributes.cbegin(), m_attributes.cend(),
                       [](const MappedAttribute &attribute) { return attribute.identifier; });
}

int MappedAttributesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_attributes.size());
}

int MappedAttributesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags MappedAttributesModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() != Path)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant MappedAttributesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MappedAttribute &attribute = m_attributes.at(index.row());
    switch (index.column()) {
    case Path:
        return role == Qt::DisplayRole || role == Qt::EditRole ? attribute.path : QVariant();
    case Identifier:
        if (role == Qt::CheckStateRole)
            return attribute.identifier ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::AccessibleTextRole)
            return attribute.identifier ? tr("Unique identifier") : tr("Not the identifier");
        return {};
    case Mandatory:
        if (role == Qt::CheckStateRole)
            return attribute.mandatory ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::AccessibleTextRole)
            return attribute.mandatory ? tr("Mandatory") : tr("Optional");
        return {};
    default:
        return {};
    }
}

bool MappedAttributesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !index.isValid() || index.column() == Path)
        return false;
    const bool on = value.toInt() == Qt::Checked;
    if (index.column() == Mandatory) {
        m_attributes[index.row()].mandatory = on;
        emit dataChanged(index, index, {Qt::CheckStateRole});
    } else {
        // One identifier at most: checking one moves the mark.
        for (qsizetype row = 0; row < m_attributes.size(); ++row)
            m_attributes[row].identifier = on && row == index.row();
        emit dataChanged(this->index(0, Identifier), this->index(rowCount() - 1, Identifier),
                         {Qt::CheckStateRole});
    }
    emit attributesChanged();
    return true;
}

QVariant MappedAttributesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Path:
        return tr("XDM path");
    case Identifier:
        return tr("Identifier");
    case Mandatory:
        return tr("Mandatory");
    default:
        return {};
    }
}

} // namespace outflow::ui
