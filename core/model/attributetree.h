#pragma once

#include "writtenpaths.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QStringList>
#include <span>
#include <string>
#include <vector>

namespace outflow {

// A profile's or a fragment's attributes as a JSON object parsed only down to
// its keys: every leaf (string, number, boolean, null, array) keeps the JSON
// text it was written with. Merging a fragment into a profile is then a walk
// over keys and a concatenation, where QJsonObject paid a full parse, a
// detach per nested write and a full serialisation for every fragment (about
// two thirds of the merge time, see bench/README.md).
//
// The tree refers to the bytes it was parsed from (and, after merge(), to the
// source's bytes); it keeps them alive itself. Not thread-safe; a value type
// for one merge, not for long-term storage.
class AttributeTree
{
public:
    // Parses a JSON text holding one object. The text was validated before
    // (by the NDJSON reader or when it was stored); anything that is not a
    // well-formed object still returns false and leaves the tree empty.
    bool parse(const QByteArray &json);
    static AttributeTree fromObject(const QJsonObject &object);

    bool isEmpty() const { return m_root.members.empty(); }
    // Drops a top-level member (a fragment's `identityMap`).
    void removeTopLevel(QByteArrayView key);

    // Deep merge, last write wins (DESIGN §1): objects merge key by key;
    // anything else (a scalar, an array, null, or an object meeting a
    // non-object) replaces what was there; arrays are never concatenated.
    // Appends each written leaf path, dotted, to `written` ("{}" is a write
    // of that object's own path). Same rules as ProfileMerger::deepMerge.
    void merge(const AttributeTree &source, WrittenPaths *written = nullptr);
    // The same, taking the source's subtrees instead of copying them; the
    // source is left empty.
    void merge(AttributeTree &&source, WrittenPaths *written = nullptr);

    // What a path of keys (decoded UTF-8) leads to, for rule evaluation on the
    // tree the merge built (no QJsonObject parsed again): nothing (a missing
    // key, or a leaf in the middle), an object, or a leaf's JSON text. Of
    // keys written twice in one object, the last counts, as in QJsonDocument.
    struct Found
    {
        enum class Kind : quint8 { Missing, Object, Leaf };
        Kind kind = Kind::Missing;
        QByteArrayView leaf;
    };
    Found find(std::span<const QByteArray> path) const;

    // Compact JSON text; members in the order they were first written.
    QByteArray toJson() const;
    QJsonObject toObject() const;

private:
    struct Node
    {
        QByteArrayView key;  // decoded UTF-8 (escapes resolved)
        QByteArrayView leaf; // JSON text of a leaf; empty for an object
        std::vector<Node> members;
        bool object = false;
    };

    class Parser;
    // `path` is the dotted path of `target`, in UTF-8, built in place (a
    // QString per key segment was a fifth of the merge thread's
    // instructions, and QByteArray::append() still a few percent: callgrind).
    template<typename Source>
    static void mergeInto(Node &target, Source &source, std::string &path, WrittenPaths *written);
    static void appendLeafPaths(const Node &node, std::string &path, WrittenPaths *written);
    // toJson() sizes its text exactly first, then writes it with plain
    // copies: a QByteArray::append() per piece was most of its cost.
    static qsizetype jsonSize(const Node &node);
    static qsizetype keySize(QByteArrayView key);
    static char *write(const Node &node, char *out);
    static char *writeKey(QByteArrayView key, char *out);
    void keep(const QByteArray &bytes);

    Node m_root{{}, {}, {}, true};
    std::vector<QByteArray> m_texts; // the bytes the views point into
};

} // namespace outflow
