#include "deliverylogmodel.h"

#include "delivery/deliveryinspection.h"

#include <algorithm>
#include <QDateTime>
#include <QLocale>

namespace outflow::ui {

DeliveryLogModel::DeliveryLogModel(QObject *parent, int capacity)
    : QAbstractTableModel(parent)
    , m_capacity(std::max(1, capacity))
{}

void DeliveryLogModel::prependNewer(const QList<DeliveryLogEntry> &entries)
{
    if (entries.isEmpty())
        return;
    // More than the model holds: only the newest ones count.
    const qsizetype count = std::min<qsizetype>(entries.size(), m_capacity);
    const qsizetype keep = std::min<qsizetype>(m_rows.size(), m_capacity - count);
    if (keep < m_rows.size()) {
        beginRemoveRows({}, int(keep), int(m_rows.size() - 1));
        m_rows.resize(keep);
        endRemoveRows();
    }
    beginInsertRows({}, 0, int(count - 1));
    m_rows = entries.first(count) + m_rows;
    endInsertRows();
}

int DeliveryLogModel::appendOlder(const QList<DeliveryLogEntry> &entries)
{
    const qsizetype room = m_capacity - m_rows.size();
    const qsizetype count = std::min<qsizetype>(entries.size(), room);
    if (count <= 0)
        return 0;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + count - 1));
    m_rows.append(entries.first(count));
    endInsertRows();
    return int(count);
}

void DeliveryLogModel::replaceAll(const QList<DeliveryLogEntry> &entries)
{
    clear();
    appendOlder(entries);
}

void DeliveryLogModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginRemoveRows({}, 0, int(m_rows.size() - 1));
    m_rows.clear();
    endRemoveRows();
}

void DeliveryLogModel::setProfilesMasked(bool masked)
{
    if (m_masked == masked)
        return;
    m_masked = masked;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Profile), index(int(m_rows.size() - 1), Profile));
}

int DeliveryLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DeliveryLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DeliveryLogModel::outcomeText(const DeliveryLogEntry &entry)
{
    if (entry.isSuperseded())
        return tr("Not sent again");
    switch (entry.outcome) {
    case DeliveryOutcome::Delivered:
        return tr("Delivered");
    case DeliveryOutcome::Retry:
        return tr("Retrying");
    case DeliveryOutcome::Failed:
        return tr("Failed");
    }
    return {};
}

QString DeliveryLogModel::reasonText(const DeliveryLogEntry &entry)
{
    return entry.error.simplified();
}

QVariant DeliveryLogModel::display(const DeliveryLogEntry &entry, int column) const
{
    switch (column) {
    case Time:
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(entry.attemptedAt),
                                  QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case Destination:
        return entry.destinationName;
    case ExportId:
        return entry.exportId;
    case Profile:
        return m_masked ? maskIdentity(entry.profileIdentity) : entry.profileIdentity;
    case Outcome:
        return outcomeText(entry);
    case Status:
        return entry.httpStatus > 0 ? QVariant(entry.httpStatus) : QVariant(QString());
    case Attempt:
        return entry.attempt;
    case Latency:
        return entry.isSuperseded() ? QString() : tr("%1 ms").arg(entry.latencyMs);
    case Lane:
        switch (entry.lane) {
        case ExportLane::Live:
            return tr("live");
        case ExportLane::Backfill:
            return tr("backfill");
        case ExportLane::Replay:
            return tr("replay");
        }
        return {};
    case Reason:
        return reasonText(entry);
    default:
        return {};
    }
}

QVariant DeliveryLogModel::sortValue(const DeliveryLogEntry &entry, int column)
{
    switch (column) {
    case Time:
        return entry.id; // the log's order
    case Status:
        return entry.httpStatus;
    case Attempt:
        return entry.attempt;
    case Latency:
        return entry.latencyMs;
    case Outcome:
        return int(entry.outcome);
    default:
        return {};
    }
}

QVariant DeliveryLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DeliveryLogEntry &entry = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        return display(entry, index.column());
    }
    case Qt::ToolTipRole:
        if (index.column() == ExportId)
            return entry.exportId;
        if (index.column() == Reason || index.column() == Outcome) {
            const QString reason = entry.error;
            return reason.isEmpty() ? QVariant() : QVariant(reason);
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Status || index.column() == Attempt || index.column() == Latency)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole: {
        const QVariant value = sortValue(entry, index.column());
        return value.isValid() ? value : display(entry, index.column());
    }
    case IdRole:
        return entry.id;
    case ExportIdRole:
        return entry.exportId;
    case DestinationIdRole:
        return entry.destinationId;
    case ReplayableRole:
        return entry.outcome == DeliveryOutcome::Failed && !entry.isSuperseded();
    default:
        return {};
    }
}

QVariant DeliveryLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Destination:
        return tr("Destination");
    case ExportId:
        return tr("Export ID");
    case Profile:
        return tr("Profile");
    case Outcome:
        return tr("Outcome");
    case Status:
        return tr("Status");
    case Attempt:
        return tr("Attempt");
    case Latency:
        return tr("Latency");
    case Lane:
        return tr("Lane");
    case Reason:
        return tr("Reason");
    default:
        return {};
    }
}

} // namespace outflow::ui
