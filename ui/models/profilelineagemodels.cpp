#include "profilelineagemodels.h"

#include <algorithm>
#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>

namespace outflow::ui {

namespace {

QString localTime(qint64 unixMs)
{
    if (unixMs <= 0)
        return {};
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(unixMs), QLocale::ShortFormat);
}

} // namespace

// --- identities -----------------------------------------------------------------

IdentitiesModel::IdentitiesModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void IdentitiesModel::setIdentities(const QList<Identity> &identities)
{
    beginResetModel();
    m_rows = identities;
    endResetModel();
}

int IdentitiesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int IdentitiesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IdentitiesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::UserRole))
        return {};
    const Identity &identity = m_rows.at(index.row());
    switch (index.column()) {
    case Namespace:
        return identity.ns;
    case Id:
        return identity.id;
    case Primary:
        if (role == Qt::UserRole)
            return identity.primary;
        return identity.primary ? tr("primary") : QString();
    default:
        return {};
    }
}

QVariant IdentitiesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Namespace:
        return tr("Namespace");
    case Id:
        return tr("Id");
    case Primary:
        return tr("Primary");
    default:
        return {};
    }
}

// --- memberships ----------------------------------------------------------------

MembershipsModel::MembershipsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void MembershipsModel::setMemberships(const QList<ProfileLineage::Membership> &memberships)
{
    beginResetModel();
    m_rows = memberships;
    endResetModel();
}

int MembershipsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MembershipsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MembershipsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const ProfileLineage::Membership &membership = m_rows.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == Audience)
        return membership.audienceId;
    if (role != Qt::DisplayRole && role != Qt::UserRole)
        return {};
    switch (index.column()) {
    case Audience:
        return membership.audienceName.isEmpty() ? membership.audienceId : membership.audienceName;
    case Status:
        if (role == Qt::UserRole)
            return int(membership.status);
        return membership.status == MembershipStatus::Realized ? tr("realized") : tr("exited");
    case QualificationTime: {
        if (role == Qt::UserRole)
            return membership.lastQualificationTime; // ISO: text order is time order
        const QDateTime time = QDateTime::fromString(membership.lastQualificationTime, Qt::ISODate);
        return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                              : membership.lastQualificationTime;
    }
    default:
        return {};
    }
}

QVariant MembershipsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Audience:
        return tr("Audience");
    case Status:
        return tr("Status");
    case QualificationTime:
        return tr("Qualified or exited at");
    default:
        return {};
    }
}

// --- history --------------------------------------------------------------------

ProfileHistoryModel::ProfileHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

QString ProfileHistoryModel::decisionName(ActivationOutcome kind)
{
    switch (kind) {
    case ActivationOutcome::Exported:
        return tr("exported");
    case ActivationOutcome::Excluded:
        return tr("excluded");
    case ActivationOutcome::Suppressed:
        return tr("suppressed");
    }
    return {};
}

void ProfileHistoryModel::setHistory(const QList<ProfileLineage::DestinationHistory> &destinations)
{
    beginResetModel();
    m_rows.clear();
    for (const ProfileLineage::DestinationHistory &history : destinations) {
        for (const ProfileLineage::Decision &decision : history.decisions)
            m_rows.append({history.destinationName, decision});
    }
    // Newest first across destinations (each one's list already is).
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row &a, const Row &b) {
        return a.decision.time != b.decision.time ? a.decision.time > b.decision.time
                                                  : a.decision.id > b.decision.id;
    });
    endResetModel();
}

int ProfileHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProfileHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProfileHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Row &row = m_rows.at(index.row());
    const ProfileLineage::Decision &decision = row.decision;
    if (role == Qt::ToolTipRole) {
        if (index.column() == Reason)
            return QString::fromUtf8(
                QJsonDocument(decision.reason).toJson(QJsonDocument::Indented));
        if (index.column() == Outcome) // the whole sentence, with the last error
            return decision.fateText();
        return {};
    }
    if (role == Qt::UserRole) {
        switch (index.column()) {
        case Time:
            return decision.time;
        case Decision:
            return int(decision.kind);
        case Outcome:
            return int(decision.fate);
        default:
            break;
        }
    } else if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case Time:
        return localTime(decision.time);
    case Destination:
        return row.destination;
    case Decision:
        return decisionName(decision.kind);
    case Reason:
        return decision.reasonText();
    case ExportId:
        return decision.exportId;
    case Outcome:
        return decision.fateText();
    default:
        return {};
    }
}

QVariant ProfileHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Destination:
        return tr("Destination");
    case Decision:
        return tr("Decision");
    case Reason:
        return tr("Reason or trigger");
    case ExportId:
        return tr("Export id");
    case Outcome:
        return tr("Outcome");
    default:
        return {};
    }
}

} // namespace outflow::ui
