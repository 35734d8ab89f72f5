#include "attributetree.h"

#include <QJsonDocument>
#include <string_view>
#include <unordered_map>

namespace outflow {

namespace {

// Objects up to this size are searched linearly on merge; larger ones get an
// index, so a fragment with thousands of keys stays linear.
constexpr size_t kLinearSearchMembers = 16;

std::string_view view(QByteArrayView bytes)
{
    return {bytes.data(), size_t(bytes.size())};
}

} // namespace

void AttributeTree::removeTopLevel(QByteArrayView key)
{
    std::erase_if(m_root.members, [key](const Node &member) { return member.key == key; });
}

void AttributeTree::merge(const AttributeTree &source, QStringList *written)
{
    // The merged nodes point into the source's bytes from now on.
    m_texts.insert(m_texts.end(), source.m_texts.begin(), source.m_texts.end());
    QString path;
    mergeInto(m_root, source.m_root, path, written);
}

void AttributeTree::mergeInto(Node &target, const Node &source, QString &path, QStringList *written)
{
    std::unordered_map<std::string_view, size_t> index;
    if (target.members.size() > kLinearSearchMembers) {
        for (size_t i = 0; i < target.members.size(); ++i)
            index.emplace(view(target.members[i].key), i);
    }
    const auto find = [&](QByteArrayView key) -> Node * {
        if (!index.empty()) {
            const auto it = index.find(view(key));
            return it == index.end() ? nullptr : &target.members[it->second];
        }
        for (Node &member : target.members) {
            if (member.key == key)
                return &member;
        }
        return nullptr;
    };

    const qsizetype parentLength = path.size();
    for (const Node &incoming : source.members) {
        if (parentLength > 0)
            path += QLatin1Char('.');
        path += QString::fromUtf8(incoming.key);
        Node *existing = find(incoming.key);
        if (incoming.object && existing && existing->object) {
            // Both sides are objects: merge key by key.
            if (incoming.members.empty() && written)
                written->append(path); // "{}" is a write of that object itself
            mergeInto(*existing, incoming, path, written);
        } else {
            // Nothing to merge with: the incoming value (a whole subtree, an
            // array, a scalar) replaces what was there.
            if (written)
                appendLeafPaths(incoming, path, written);
            if (existing) {
                *existing = incoming;
            } else {
                target.members.push_back(incoming);
                if (!index.empty())
                    index.emplace(view(incoming.key), target.members.size() - 1);
            }
        }
        path.truncate(parentLength);
    }
}

void AttributeTree::appendLeafPaths(const Node &node, QString &path, QStringList *written)
{
    if (!node.object || node.members.empty()) {
        written->append(path);
        return;
    }
    const qsizetype length = path.size();
    for (const Node &member : node.members) {
        path += QLatin1Char('.');
        path += QString::fromUtf8(member.key);
        appendLeafPaths(member, path, written);
        path.truncate(length);
    }
}

QByteArray AttributeTree::toJson() const
{
    QByteArray out;
    qsizetype size = 2;
    for (const QByteArray &text : m_texts)
        size += text.size();
    out.reserve(std::min<qsizetype>(size, 1 << 20));
    write(m_root, out);
    return out;
}

QJsonObject AttributeTree::toObject() const
{
    return QJsonDocument::fromJson(toJson()).object();
}

void AttributeTree::write(const Node &node, QByteArray &out)
{
    out.append('{');
    bool first = true;
    for (const Node &member : node.members) {
        if (!first)
            out.append(',');
        first = false;
        writeKey(member.key, out);
        out.append(':');
        if (member.object)
            write(member, out);
        else
            out.append(member.leaf);
    }
    out.append('}');
}

void AttributeTree::writeKey(QByteArrayView key, QByteArray &out)
{
    static constexpr char hex[] = "0123456789abcdef";
    out.append('"');
    qsizetype plain = 0; // start of the run not yet copied
    for (qsizetype i = 0; i < key.size(); ++i) {
        const auto c = static_cast<unsigned char>(key[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(key.sliced(plain, i - plain));
        plain = i + 1;
        if (c == '"' || c == '\\')
            out.append('\\').append(char(c));
        else
            out.append("\\u00").append(hex[c >> 4]).append(hex[c & 0xF]);
    }
    out.append(key.sliced(plain)).append('"');
}

} // namespace outflow
