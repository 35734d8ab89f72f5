#pragma once

#include "activation/profilelineage.h"

#include <QAbstractTableModel>
#include <QList>

namespace outflow::ui {

// The Profiles page's tables over one ProfileLineage (issue #17), each
// replaced whole when another profile is looked up. Qt::UserRole holds a
// cell's raw value for sorting.

// A profile's identities: namespace, id, primary.
class IdentitiesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IdentitiesModel)

public:
    enum Column { Namespace, Id, Primary, ColumnCount };
    Q_ENUM(Column)

    explicit IdentitiesModel(QObject *parent = nullptr);
    void setIdentities(const QList<Identity> &identities);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Identity> m_rows;
};

// A profile's memberships: audience, status, qualification (or exit) time.
class MembershipsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MembershipsModel)

public:
    enum Column { Audience, Status, QualificationTime, ColumnCount };
    Q_ENUM(Column)

    explicit MembershipsModel(QObject *parent = nullptr);
    void setMemberships(const QList<ProfileLineage::Membership> &memberships);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<ProfileLineage::Membership> m_rows;
};

// Every destination's decisions for the profile, newest first: time,
// destination, decision, its reason (missing attributes, switched-off
// triggers, the triggers that applied), export id, and what became of the
// export.
class ProfileHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileHistoryModel)

public:
    enum Column { Time, Destination, Decision, Reason, ExportId, Outcome, ColumnCount };
    Q_ENUM(Column)

    explicit ProfileHistoryModel(QObject *parent = nullptr);
    void setHistory(const QList<ProfileLineage::DestinationHistory> &destinations);

    static QString decisionName(ActivationOutcome kind);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString destination;
        ProfileLineage::Decision decision;
    };
    QList<Row> m_rows;
};

} // namespace outflow::ui
