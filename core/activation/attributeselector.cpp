#include "attributeselector.h"

#include "model/jsontext.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace outflow {

namespace {

// QJsonDocument's nesting limit (jsontext.h); also bounds the walker's recursion.
using jsontext::kMaxDepth;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// A key spelled with escapes ("\u0061"), decoded. Rare enough in attribute
// names to leave to QJsonDocument.
QByteArray decodedKey(QByteArrayView quoted)
{
    QByteArray array;
    array.reserve(quoted.size() + 2);
    array.append('[').append(quoted).append(']');
    return QJsonDocument::fromJson(array).array().at(0).toString().toUtf8();
}

} // namespace

// Reads one JSON text left to right. Every method that fails leaves the
// walker at an unspecified place; callers give up on the text then.
class AttributeSelector::Walker
{
public:
    Walker(const AttributeSelector &selector, QByteArrayView text)
        : m_selector(selector)
        , m_p(text.data())
        , m_end(text.data() + text.size())
    {}

    bool document(const Node &top, QByteArray &out)
    {
        skipSpace();
        if (!select(&top, out, 0))
            return false;
        skipSpace();
        return m_p == m_end;
    }

    bool document(const Node &top, std::vector<char> &present)
    {
        skipSpace();
        if (!mark(top, present, 0))
            return false;
        skipSpace();
        return m_p == m_end;
    }

private:
    // At an object; appends its members that `filter` selects (all of them
    // when `filter` is null: inside a selected object), comma-separated.
    bool select(const Node *filter, QByteArray &out, int depth)
    {
        if (depth > kMaxDepth || !consume('{'))
            return false;
        bool first = true;
        const auto separate = [&] {
            if (!first)
                out.append(',');
            first = false;
        };
        return members([&](QByteArrayView key, bool escaped) {
            const Node *next = filter ? m_selector.child(*filter, unquoted(key, escaped)) : nullptr;
            const bool whole = !filter || (next && next->selected);
            if (!whole && !next)
                return skipValue(depth);
            if (isNull())
                return skipValue(depth);
            if (peek() == '{') {
                const qsizetype mark = out.size();
                const bool wasFirst = first;
                separate();
                out.append(key).append(":{");
                const qsizetype inner = out.size();
                if (!select(whole ? nullptr : next, out, depth + 1))
                    return false;
                if (!whole && out.size() == inner) {
                    // Nothing selected inside: the path is absent here.
                    out.truncate(mark);
                    first = wasFirst;
                } else {
                    out.append('}');
                }
                return true;
            }
            if (!whole)
                return skipValue(depth); // a leaf where the path goes deeper
            separate();
            out.append(key).append(':');
            return copyValue(out, depth);
        });
    }

    // At an object; sets present[node] for every selected node found with a
    // non-null value under `filter`.
    bool mark(const Node &filter, std::vector<char> &present, int depth)
    {
        if (depth > kMaxDepth || !consume('{'))
            return false;
        return members([&](QByteArrayView key, bool escaped) {
            const Node *next = m_selector.child(filter, unquoted(key, escaped));
            if (!next || isNull())
                return skipValue(depth);
            if (next->selected)
                present[next - m_selector.m_nodes.data()] = 1;
            if (!next->children.empty() && peek() == '{')
                return mark(*next, present, depth + 1);
            return skipValue(depth);
        });
    }

    // After an object's '{': calls onMember(quoted key, has escapes) with the
    // walker at each member's value, then consumes the closing '}'.
    template<typename OnMember>
    bool members(OnMember onMember)
    {
        skipSpace();
        if (consume('}'))
            return true;
        do {
            skipSpace();
            const char *keyBegin = m_p;
            bool escaped = false;
            if (!string(&escaped))
                return false;
            const QByteArrayView key(keyBegin, m_p - keyBegin);
            skipSpace();
            if (!consume(':'))
                return false;
            skipSpace();
            if (m_p == m_end || !onMember(key, escaped))
                return false;
            skipSpace();
        } while (consume(','));
        return consume('}');
    }

    QByteArray unquoted(QByteArrayView quoted, bool escaped)
    {
        if (escaped)
            return decodedKey(quoted);
        // No copy: the view lives as long as the text being walked.
        return QByteArray::fromRawData(quoted.data() + 1, quoted.size() - 2);
    }

    // Copies a non-object value: strings and numbers as they are, arrays
    // without the spaces between their tokens.
    bool copyValue(QByteArray &out, int depth)
    {
        const char *begin = m_p;
        if (!skipValue(depth))
            return false;
        if (*begin != '[') {
            out.append(QByteArrayView(begin, m_p - begin));
            return true;
        }
        for (const char *p = begin; p < m_p;) {
            if (*p == '"') {
                const char *stringBegin = p++;
                while (*p != '"')
                    p += *p == '\\' ? 2 : 1; // well-formed: skipValue checked it
                ++p;
                out.append(QByteArrayView(stringBegin, p - stringBegin));
            } else {
                if (!isSpace(*p))
                    out.append(*p);
                ++p;
            }
        }
        return true;
    }

    bool skipValue(int depth)
    {
        if (m_p == m_end)
            return false;
        if (*m_p == '"')
            return string(nullptr);
        if (*m_p == '{' || *m_p == '[')
            return container(depth);
        // A number, true, false or null: up to the next delimiter.
        const char *begin = m_p;
        while (m_p < m_end && *m_p != ',' && *m_p != '}' && *m_p != ']' && !isSpace(*m_p))
            ++m_p;
        return m_p != begin;
    }

    bool container(int depth) { return advance(jsontext::skipContainer(m_p, m_end, depth)); }
    bool string(bool *escaped) { return advance(jsontext::skipString(m_p, m_end, escaped)); }

    bool advance(const char *to)
    {
        if (!to)
            return false;
        m_p = to;
        return true;
    }

    bool isNull() const { return m_end - m_p >= 4 && QByteArrayView(m_p, 4) == "null"; }
    char peek() const { return m_p < m_end ? *m_p : '\0'; }
    void skipSpace()
    {
        while (m_p < m_end && isSpace(*m_p))
            ++m_p;
    }
    bool consume(char c)
    {
        if (m_p == m_end || *m_p != c)
            return false;
        ++m_p;
        return true;
    }

    const AttributeSelector &m_selector;
    const char *m_p;
    const char *m_end;
};

AttributeSelector::AttributeSelector(const QStringList &paths)
{
    for (const QString &path : paths) {
        const QList<QByteArray> segments = path.toUtf8().split('.');
        if (segments.contains(QByteArray()))
            continue;
        int node = 0;
        for (const QByteArray &segment : segments) {
            const Node *existing = child(m_nodes[node], segment);
            if (existing) {
                node = int(existing - m_nodes.data());
                continue;
            }
            m_nodes.push_back(Node{segment, false, {}});
            const int added = int(m_nodes.size() - 1);
            m_nodes[node].children.push_back(added);
            node = added;
        }
        m_nodes[node].selected = true;
        m_paths.append(path);
        m_pathNodes.push_back(node);
    }
}

const AttributeSelector::Node *AttributeSelector::child(const Node &node, QByteArrayView key) const
{
    for (const int index : node.children) {
        if (m_nodes[index].key == key)
            return &m_nodes[index];
    }
    return nullptr;
}

bool AttributeSelector::appendSelected(QByteArrayView json, QByteArray &out, bool *ok) const
{
    const qsizetype before = out.size();
    Walker walker(*this, json);
    const bool wellFormed = walker.document(m_nodes.front(), out);
    if (ok)
        *ok = wellFormed;
    if (!wellFormed)
        out.truncate(before);
    return out.size() > before;
}

QStringList AttributeSelector::missing(QByteArrayView json) const
{
    if (m_paths.isEmpty())
        return {};
    std::vector<char> present(m_nodes.size(), 0);
    Walker walker(*this, json);
    if (!walker.document(m_nodes.front(), present))
        return m_paths;
    QStringList absent;
    for (qsizetype i = 0; i < m_paths.size(); ++i) {
        if (!present[m_pathNodes[i]])
            absent.append(m_paths[i]);
    }
    return absent;
}

} // namespace outflow
