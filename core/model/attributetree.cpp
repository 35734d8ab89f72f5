#include "attributetree.h"

#include <cstring>
#include <QJsonDocument>
#include <string_view>
#include <type_traits>
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

void AttributeTree::merge(const AttributeTree &source, WrittenPaths *written)
{
    // The merged nodes point into the source's bytes from now on.
    m_texts.insert(m_texts.end(), source.m_texts.begin(), source.m_texts.end());
    std::string path;
    if (written)
        path.reserve(256);
    mergeInto(m_root, source.m_root, path, written);
}

void AttributeTree::merge(AttributeTree &&source, WrittenPaths *written)
{
    m_texts.insert(m_texts.end(), std::make_move_iterator(source.m_texts.begin()),
                   std::make_move_iterator(source.m_texts.end()));
    std::string path;
    if (written)
        path.reserve(256);
    mergeInto(m_root, source.m_root, path, written);
    source = AttributeTree();
}

// Source is `const Node` (copied from) or `Node` (moved from: its subtrees
// change owner without a copy of their member lists).
template<typename Source>
void AttributeTree::mergeInto(Node &target, Source &source, std::string &path,
                              WrittenPaths *written)
{
    constexpr bool moving = !std::is_const_v<Source>;
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

    // Into an empty object (a new profile, a new subtree), every incoming
    // member is new: one allocation, not a doubling every few members.
    if (target.members.empty())
        target.members.reserve(source.members.size());
    const size_t parentLength = path.size();
    for (auto &incoming : source.members) {
        if (written) {
            if (parentLength > 0)
                path.push_back('.');
            path.append(view(incoming.key));
        }
        Node *existing = find(incoming.key);
        if (incoming.object && existing && existing->object) {
            // Both sides are objects: merge key by key.
            if (incoming.members.empty() && written)
                written->append(QByteArrayView(path)); // "{}": a write of the object itself
            mergeInto(*existing, incoming, path, written);
        } else {
            // Nothing to merge with: the incoming value (a whole subtree, an
            // array, a scalar) replaces what was there.
            if (written)
                appendLeafPaths(incoming, path, written);
            if (existing) {
                if constexpr (moving)
                    *existing = std::move(incoming);
                else
                    *existing = incoming;
            } else {
                if constexpr (moving)
                    target.members.push_back(std::move(incoming));
                else
                    target.members.push_back(incoming);
                if (!index.empty())
                    index.emplace(view(target.members.back().key), target.members.size() - 1);
            }
        }
        if (written)
            path.resize(parentLength);
    }
}

AttributeTree::Found AttributeTree::find(std::span<const QByteArray> path) const
{
    const Node *node = &m_root;
    for (const QByteArray &key : path) {
        if (!node->object)
            return {};
        const Node *next = nullptr;
        for (auto it = node->members.rbegin(); it != node->members.rend(); ++it) {
            if (it->key == QByteArrayView(key)) {
                next = &*it;
                break;
            }
        }
        if (!next)
            return {};
        node = next;
    }
    if (node->object)
        return {Found::Kind::Object, {}};
    return {Found::Kind::Leaf, node->leaf};
}

void AttributeTree::appendLeafPaths(const Node &node, std::string &path, WrittenPaths *written)
{
    if (!node.object || node.members.empty()) {
        written->append(QByteArrayView(path));
        return;
    }
    const size_t length = path.size();
    for (const Node &member : node.members) {
        path.push_back('.');
        path.append(view(member.key));
        appendLeafPaths(member, path, written);
        path.resize(length);
    }
}

QByteArray AttributeTree::toJson() const
{
    QByteArray out(jsonSize(m_root), Qt::Uninitialized);
    char *const end = write(m_root, out.data());
    Q_ASSERT(end == out.data() + out.size());
    Q_UNUSED(end);
    return out;
}

QJsonObject AttributeTree::toObject() const
{
    return QJsonDocument::fromJson(toJson()).object();
}

qsizetype AttributeTree::jsonSize(const Node &node)
{
    qsizetype size = 2 + qsizetype(node.members.size()); // braces, commas and colons
    if (!node.members.empty())
        --size;
    for (const Node &member : node.members) {
        size += keySize(member.key) + 1;
        size += member.object ? jsonSize(member) : member.leaf.size();
    }
    return size;
}

// The key as a JSON string: quotes, and escapes for '"', '\\' and control bytes.
qsizetype AttributeTree::keySize(QByteArrayView key)
{
    qsizetype size = 2 + key.size();
    for (const char byte : key) {
        const auto c = static_cast<unsigned char>(byte);
        if (c == '"' || c == '\\')
            size += 1;
        else if (c < 0x20)
            size += 5;
    }
    return size;
}

char *AttributeTree::write(const Node &node, char *out)
{
    *out++ = '{';
    bool first = true;
    for (const Node &member : node.members) {
        if (!first)
            *out++ = ',';
        first = false;
        out = writeKey(member.key, out);
        *out++ = ':';
        if (member.object) {
            out = write(member, out);
        } else if (!member.leaf.isEmpty()) {
            std::memcpy(out, member.leaf.data(), size_t(member.leaf.size()));
            out += member.leaf.size();
        }
    }
    *out++ = '}';
    return out;
}

char *AttributeTree::writeKey(QByteArrayView key, char *out)
{
    static constexpr char hex[] = "0123456789abcdef";
    *out++ = '"';
    for (const char byte : key) {
        const auto c = static_cast<unsigned char>(byte);
        if (c >= 0x20 && c != '"' && c != '\\') {
            *out++ = byte;
        } else if (c == '"' || c == '\\') {
            *out++ = '\\';
            *out++ = byte;
        } else {
            // JSON text, not a C string: no terminator wanted.
            // NOLINTNEXTLINE(bugprone-not-null-terminated-result)
            std::memcpy(out, "\\u00", 4);
            out[4] = hex[c >> 4];
            out[5] = hex[c & 0xF];
            out += 6;
        }
    }
    *out++ = '"';
    return out;
}

} // namespace outflow
