#pragma once

#include "model/dataflow.h"

#include <QAbstractTableModel>
#include <QList>

namespace outflow::ui {

// The attributes a dataflow exports, one row each: the XDM path, whether it
// is the unique identifier (one at most: checking one unchecks the other)
// and whether it is mandatory (a profile without it is excluded).
class MappedAttributesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MappedAttributesModel)

public:
    enum Column { Path, Identifier, Mandatory, ColumnCount };
    Q_ENUM(Column)

    explicit MappedAttributesModel(QObject *parent = nullptr);

    const QList<MappedAttribute> &attributes() const { return m_attributes; }
    void setAttributes(const QList<MappedAttribute> &attributes);
    bool contains(const QString &path) const;
    // Appends the path; false when it is mapped already.
    bool add(const QString &path);
    void remove(int row);
    bool hasIdentifier() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void attributesChanged();

private:
    QList<MappedAttribute> m_attributes;
};

} // namespace outflow::ui
