#include "audiencechecklist.h"

#include "audiencetablemodel.h"

namespace outflow::ui {

AudienceChecklist::AudienceChecklist(QObject *parent)
    : QIdentityProxyModel(parent)
{}

void AudienceChecklist::setCheckedIds(const QStringList &ids)
{
    if (ids == m_checked)
        return;
    m_checked = ids;
    if (rowCount() > 0)
        emit dataChanged(index(0, AudienceTableModel::Name),
                         index(rowCount() - 1, AudienceTableModel::Name), {Qt::CheckStateRole});
    emit checkedChanged();
}

Qt::ItemFlags AudienceChecklist::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QIdentityProxyModel::flags(index);
    if (index.isValid() && index.column() == AudienceTableModel::Name)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant AudienceChecklist::data(const QModelIndex &index, int role) const
{
    if (role == Qt::CheckStateRole && index.column() == AudienceTableModel::Name) {
        const QString id = index.data(AudienceTableModel::IdRole).toString();
        return m_checked.contains(id) ? Qt::Checked : Qt::Unchecked;
    }
    return QIdentityProxyModel::data(index, role);
}

bool AudienceChecklist::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != AudienceTableModel::Name)
        return QIdentityProxyModel::setData(index, value, role);
    const QString id = index.data(AudienceTableModel::IdRole).toString();
    const bool check = value.toInt() == Qt::Checked;
    if (check == m_checked.contains(id))
        return true;
    if (check)
        m_checked.append(id);
    else
        m_checked.removeAll(id);
    emit dataChanged(index, index, {Qt::CheckStateRole});
    emit checkedChanged();
    return true;
}

} // namespace outflow::ui
