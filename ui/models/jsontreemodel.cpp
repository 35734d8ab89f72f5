#include "jsontreemodel.h"

#include <QJsonArray>
#include <QJsonObject>
#include <vector>

namespace outflow::ui {

struct JsonTreeModel::Node
{
    Node *parent = nullptr;
    int row = 0;      // among its parent's children
    QString key;      // member name, or "[i]" for an array element
    QString path;     // from the root
    QJsonValue value; // for scalars; containers keep their children instead
    QJsonValue::Type type = QJsonValue::Null;
    qsizetype size = 0; // members or elements of a container
    std::vector<std::unique_ptr<Node>> children;
};

JsonTreeModel::JsonTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{}

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::setJson(const QJsonValue &json)
{
    beginResetModel();
    m_json = json;
    m_root = std::make_unique<Node>();
    build(m_root.get(), json);
    endResetModel();
}

void JsonTreeModel::build(Node *node, const QJsonValue &value)
{
    node->type = value.type();
    const auto add = [node](const QString &key, const QString &path, const QJsonValue &child) {
        auto item = std::make_unique<Node>();
        item->parent = node;
        item->row = int(node->children.size());
        item->key = key;
        item->path = path;
        build(item.get(), child);
        node->children.push_back(std::move(item));
    };
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        node->size = object.size();
        for (auto it = object.begin(); it != object.end(); ++it) {
            add(it.key(),
                node->path.isEmpty() ? it.key() : node->path + QLatin1Char('.') + it.key(),
                it.value());
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        node->size = array.size();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString key = QStringLiteral("[%1]").arg(i);
            add(key, node->path + key, array.at(i));
        }
    } else {
        node->value = value;
    }
}

QModelIndex JsonTreeModel::indexOfPath(const QString &path) const
{
    std::vector<const Node *> pending{m_root.get()};
    while (!pending.empty()) {
        const Node *node = pending.back();
        pending.pop_back();
        for (const auto &child : node->children) {
            if (child->path == path)
                return createIndex(child->row, 0, child.get());
            if (path.startsWith(child->path))
                pending.push_back(child.get());
        }
    }
    return {};
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    const Node *node =
        parent.isValid() ? static_cast<const Node *>(parent.internalPointer()) : m_root.get();
    if (parent.isValid() && parent.column() != 0)
        return {};
    if (size_t(row) >= node->children.size())
        return {};
    return createIndex(row, column, node->children.at(size_t(row)).get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *node = static_cast<const Node *>(child.internalPointer());
    const Node *parent = node->parent;
    if (!parent || parent == m_root.get())
        return {};
    return createIndex(parent->row, 0, const_cast<Node *>(parent));
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    const Node *node =
        parent.isValid() ? static_cast<const Node *>(parent.internalPointer()) : m_root.get();
    return int(node->children.size());
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString JsonTreeModel::typeName(const QJsonValue &value) const
{
    switch (value.type()) {
    case QJsonValue::Null:
        return tr("null");
    case QJsonValue::Bool:
        return tr("boolean");
    case QJsonValue::Double:
        return tr("number");
    case QJsonValue::String:
        return tr("string");
    case QJsonValue::Array:
        return tr("array");
    case QJsonValue::Object:
        return tr("object");
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QString JsonTreeModel::valueText(const Node &node) const
{
    switch (node.type) {
    case QJsonValue::Object:
        return tr("{%n member(s)}", nullptr, int(node.size));
    case QJsonValue::Array:
        return tr("[%n element(s)]", nullptr, int(node.size));
    case QJsonValue::Bool:
        return node.value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double number = node.value.toDouble();
        const qint64 integer = node.value.toInteger();
        return double(integer) == number ? QString::number(integer)
                                         : QString::number(number, 'g', 17);
    }
    case QJsonValue::String:
        return node.value.toString();
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Undefined:
        break;
    }
    return {};
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node &node = *static_cast<const Node *>(index.internalPointer());
    if (role == PathRole)
        return node.path;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Key:
        return role == Qt::ToolTipRole ? node.path : node.key;
    case Value:
        return valueText(node);
    case Type: {
        QJsonValue sample = node.value;
        if (node.type == QJsonValue::Object)
            sample = QJsonObject();
        else if (node.type == QJsonValue::Array)
            sample = QJsonArray();
        return typeName(sample);
    }
    default:
        return {};
    }
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Key:
        return tr("Key");
    case Value:
        return tr("Value");
    case Type:
        return tr("Type");
    default:
        return {};
    }
}

} // namespace outflow::ui
