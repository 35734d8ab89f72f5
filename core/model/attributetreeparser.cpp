// AttributeTree's reader: JSON text to a tree of keys and leaf texts.
#include "attributetree.h"
#include "jsontext.h"

#include <iterator>
#include <QJsonDocument>

namespace outflow {

namespace {

using jsontext::kMaxDepth;

} // namespace

// A recursive-descent reader of a JSON object that descends into objects only.
class AttributeTree::Parser
{
public:
    Parser(const QByteArray &text, AttributeTree &tree)
        : m_p(text.constData())
        , m_end(text.constData() + text.size())
        , m_tree(tree)
    {}

    bool document(Node &root)
    {
        m_scratch.clear(); // what a failed parse left; the capacity stays
        skipSpace();
        if (!object(root, 0))
            return false;
        skipSpace();
        return m_p == m_end;
    }

private:
    bool object(Node &node, int depth)
    {
        if (depth > kMaxDepth || !consume('{'))
            return false;
        node.object = true;
        skipSpace();
        if (consume('}'))
            return true;
        // The members wait on the scratch stack (above the enclosing
        // objects' ones) until the object ends, then move to a list of
        // exactly their size: one allocation per object, where push_back()
        // reallocated at 1, 2, 4, 8… members (malloc and free were a quarter
        // of the merge thread's time, perf).
        const size_t base = m_scratch.size();
        do {
            skipSpace();
            Node member;
            if (!key(member.key))
                return false;
            skipSpace();
            if (!consume(':'))
                return false;
            skipSpace();
            if (m_p < m_end && *m_p == '{') {
                if (!object(member, depth + 1))
                    return false;
            } else if (!leaf(member.leaf, depth + 1)) {
                return false;
            }
            m_scratch.push_back(std::move(member));
            skipSpace();
        } while (consume(','));
        if (!consume('}'))
            return false;
        node.members.reserve(m_scratch.size() - base);
        std::move(m_scratch.begin() + std::ptrdiff_t(base), m_scratch.end(),
                  std::back_inserter(node.members));
        m_scratch.resize(base);
        return true;
    }

    // A key is held decoded: two spellings of one key ("a" and "\u0061") are
    // the same member.
    bool key(QByteArrayView &out)
    {
        const char *begin = m_p + 1;
        bool escaped = false;
        if (!string(&escaped))
            return false;
        const QByteArrayView raw(begin, m_p - 1 - begin);
        if (!escaped) {
            out = raw;
            return true;
        }
        QByteArray decoded;
        if (!jsontext::unescape(raw, decoded))
            return false;
        m_tree.keep(decoded);
        out = m_tree.m_texts.back();
        return true;
    }

    bool leaf(QByteArrayView &out, int depth)
    {
        const char *begin = m_p;
        if (m_p == m_end)
            return false;
        if (*m_p == '"') {
            if (!string(nullptr))
                return false;
        } else if (*m_p == '[') {
            if (!array(depth))
                return false;
        } else {
            // A number, true, false or null: up to the next delimiter.
            while (m_p < m_end && *m_p != ',' && *m_p != '}' && *m_p != ']' && !isSpace(*m_p))
                ++m_p;
            if (m_p == begin)
                return false;
        }
        out = QByteArrayView(begin, m_p - begin);
        return true;
    }

    // Skips a whole array (its elements are part of the leaf's text).
    bool array(int depth) { return advance(jsontext::skipContainer(m_p, m_end, depth)); }

    // At an opening quote; leaves m_p after the closing one.
    bool string(bool *escaped) { return advance(jsontext::skipString(m_p, m_end, escaped)); }

    bool advance(const char *to)
    {
        if (!to)
            return false;
        m_p = to;
        return true;
    }

    static bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
    void skipSpace()
    {
        while (m_p < m_end && isSpace(*m_p))
            ++m_p;
    }
    bool consume(char c)
    {
        if (m_p < m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }

    const char *m_p;
    const char *m_end;
    AttributeTree &m_tree;
    // Reused from one parse to the next on a thread (its capacity, not its
    // nodes: each parse starts it empty).
    static thread_local std::vector<Node> m_scratch;
};

thread_local std::vector<AttributeTree::Node> AttributeTree::Parser::m_scratch;

bool AttributeTree::parse(const QByteArray &json)
{
    *this = AttributeTree();
    keep(json);
    Parser parser(m_texts.back(), *this);
    if (!parser.document(m_root)) {
        *this = AttributeTree();
        return false;
    }
    return true;
}

AttributeTree AttributeTree::fromObject(const QJsonObject &object)
{
    AttributeTree tree;
    tree.parse(QJsonDocument(object).toJson(QJsonDocument::Compact));
    return tree;
}

void AttributeTree::keep(const QByteArray &bytes)
{
    // Implicit sharing keeps the bytes alive and unchanged (a writer detaches),
    // except for QByteArray::fromRawData(), which owns nothing: copy that.
    if (!bytes.isEmpty() && !const_cast<QByteArray &>(bytes).data_ptr().d_ptr())
        m_texts.emplace_back(bytes.constData(), bytes.size());
    else
        m_texts.push_back(bytes);
}

} // namespace outflow
