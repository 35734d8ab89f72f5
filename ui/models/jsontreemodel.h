#pragma once

#include <memory>
#include <QAbstractItemModel>
#include <QJsonValue>

namespace outflow::ui {

// A read-only tree over one JSON document (the Profiles page's merged
// profile): an object's members and an array's elements are the children of
// their row. Columns: the key (a member's name, an element's "[i]"), the
// value (scalars as text, containers summarised), and its JSON type. The
// whole tree is built once by setJson(), a reset: a profile is replaced, never
// edited.
class JsonTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsonTreeModel)

public:
    enum Column { Key, Value, Type, ColumnCount };
    Q_ENUM(Column)
    // A row's path from the root, e.g. "person.name.firstName" or
    // "identityMap.email[0].id".
    static constexpr int PathRole = Qt::UserRole;

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;

    void setJson(const QJsonValue &json);
    QJsonValue json() const { return m_json; }
    // The index of a path (PathRole's form) in column 0; invalid if absent.
    QModelIndex indexOfPath(const QString &path) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Node;
    static void build(Node *node, const QJsonValue &value);
    QString typeName(const QJsonValue &value) const;
    QString valueText(const Node &node) const;

    QJsonValue m_json;
    std::unique_ptr<Node> m_root;
};

} // namespace outflow::ui
