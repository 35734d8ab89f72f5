#include "audiencetablemodel.h"

#include <QDateTime>
#include <QLocale>

namespace outflow::ui {

namespace {

bool sameIds(const QList<AudienceSummary> &a, const QList<AudienceSummary> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).id != b.at(i).id)
            return false;
    }
    return true;
}

} // namespace

AudienceTableModel::AudienceTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void AudienceTableModel::setAudiences(const QList<AudienceSummary> &audiences)
{
    if (!sameIds(m_audiences, audiences)) {
        beginResetModel();
        m_audiences = audiences;
        endResetModel();
        return;
    }
    for (qsizetype row = 0; row < audiences.size(); ++row) {
        if (m_audiences.at(row) == audiences.at(row))
            continue;
        m_audiences[row] = audiences.at(row);
        emit dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
    }
}

int AudienceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_audiences.size());
}

int AudienceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AudienceTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AudienceSummary &audience = m_audiences.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(audience, column);
    case Qt::ToolTipRole:
        if (column == Name && !audience.rule.isEmpty())
            return audience.rule;
        return {};
    case Qt::TextAlignmentRole:
        if (column == Realized || column == Exited)
            return int(Qt::AlignRight | Qt::AlignVCenter); // an int: what Qt 6.4 views read
        return {};
    case SortRole:
        return sortValue(audience, column);
    case IdRole:
        return audience.id;
    default:
        return {};
    }
}

QVariant AudienceTableModel::display(const AudienceSummary &audience, int column) const
{
    const QLocale locale;
    switch (column) {
    case Name:
        return audience.name;
    case Origin:
        return audience.origin == AudienceOrigin::Segmentation ? tr("Rule") : tr("Custom upload");
    case Realized:
        return locale.toString(audience.realized);
    case Exited:
        return locale.toString(audience.exited);
    case MergePolicy:
        return audience.mergePolicyId;
    case Updated:
        if (audience.updatedAt <= 0)
            return QString();
        return locale.toString(QDateTime::fromMSecsSinceEpoch(audience.updatedAt),
                               QLocale::ShortFormat);
    default:
        return {};
    }
}

QVariant AudienceTableModel::sortValue(const AudienceSummary &audience, int column)
{
    switch (column) {
    case Name:
        return audience.name;
    case Origin:
        return int(audience.origin);
    case Realized:
        return audience.realized;
    case Exited:
        return audience.exited;
    case MergePolicy:
        return audience.mergePolicyId;
    case Updated:
        return audience.updatedAt;
    default:
        return {};
    }
}

QVariant AudienceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Origin:
        return tr("Origin");
    case Realized:
        return tr("Realized");
    case Exited:
        return tr("Exited");
    case MergePolicy:
        return tr("Merge policy");
    case Updated:
        return tr("Updated");
    default:
        return {};
    }
}

} // namespace outflow::ui
