#include "destinationsmodel.h"

#include <algorithm>
#include <QLocale>

namespace outflow::ui {

DestinationsModel::DestinationsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int DestinationsModel::rowOf(const QString &id) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return int(row);
    }
    return -1;
}

void DestinationsModel::setDestinations(const QList<DestinationSummary> &destinations)
{
    // Gone ones first, from the bottom up so that rows above keep their numbers.
    for (qsizetype row = m_rows.size() - 1; row >= 0; --row) {
        const QString &id = m_rows.at(row).id;
        const bool kept = std::any_of(destinations.cbegin(), destinations.cend(),
                                      [&id](const DestinationSummary &d) { return d.id == id; });
        if (kept)
            continue;
        beginRemoveRows({}, int(row), int(row));
        m_rows.removeAt(row);
        endRemoveRows();
    }
    for (const DestinationSummary &destination : destinations) {
        const int row = rowOf(destination.id);
        if (row < 0) {
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
            m_rows.append(destination);
            endInsertRows();
        } else if (!(m_rows.at(row) == destination)) {
            m_rows[row] = destination;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
}

int DestinationsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DestinationsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DestinationsModel::authLabel(AuthType auth)
{
    switch (auth) {
    case AuthType::None:
        return tr("None");
    case AuthType::Bearer:
        return tr("Bearer token");
    case AuthType::OAuth2ClientCredentials:
        return tr("OAuth2 client credentials");
    case AuthType::OAuth2Password:
        return tr("OAuth2 password");
    }
    return {};
}

QVariant DestinationsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DestinationSummary &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case Qt::ToolTipRole:
        if (column == State) {
            const QString fix = DestinationStates::fix(row.state);
            return row.problem.isEmpty() ? fix : row.problem + u'\n' + fix;
        }
        if (column == Audiences)
            return row.audiences.join(u'\n');
        return {};
    case Qt::TextAlignmentRole:
        if (column >= DeliveredLastHour)
            return int(Qt::AlignRight | Qt::AlignVCenter); // an int: what Qt 6.4 views read
        return {};
    case SortRole:
        return sortValue(row, column);
    case IdRole:
        return row.id;
    default:
        return {};
    }
}

QVariant DestinationsModel::display(const DestinationSummary &row, int column) const
{
    const QLocale locale;
    switch (column) {
    case Name:
        return row.name;
    case State:
        return DestinationStates::label(row.state);
    case Endpoint:
        return row.endpointHost;
    case Authentication:
        return authLabel(row.auth);
    case Audiences:
        return row.audiences.isEmpty() ? tr("None mapped")
                                       : row.audiences.join(QStringLiteral(", "));
    case DeliveredLastHour:
        return locale.toString(row.deliveredLastHour);
    case FailedLastHour:
        return locale.toString(row.failedLastHour);
    case Backlog:
        return locale.toString(row.backlog);
    case Alerts:
        return row.activeAlerts == 0 ? QString() : locale.toString(row.activeAlerts);
    default:
        return {};
    }
}

QVariant DestinationsModel::sortValue(const DestinationSummary &row, int column)
{
    switch (column) {
    case State:
        return int(row.state);
    case DeliveredLastHour:
        return row.deliveredLastHour;
    case FailedLastHour:
        return row.failedLastHour;
    case Backlog:
        return row.backlog;
    case Alerts:
        return row.activeAlerts;
    case Audiences:
        return row.audiences.size();
    case Endpoint:
        return row.endpointHost.toLower();
    case Authentication:
        return authLabel(row.auth).toLower();
    default:
        return QLocale().toLower(row.name);
    }
}

QVariant DestinationsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case State:
        return tr("State");
    case Endpoint:
        return tr("Endpoint");
    case Authentication:
        return tr("Authentication");
    case Audiences:
        return tr("Audiences");
    case DeliveredLastHour:
        return tr("Delivered (1 h)");
    case FailedLastHour:
        return tr("Failed (1 h)");
    case Backlog:
        return tr("Backlog");
    case Alerts:
        return tr("Alerts");
    default:
        return {};
    }
}

} // namespace outflow::ui
