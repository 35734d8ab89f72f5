#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringList>
#include <vector>

namespace outflow {

// Picks dotted attribute paths ("person.name.firstName", "personalEmail")
// out of a profile's attributes JSON text in one pass, without building a
// document: the members outside the paths are skipped over as text, the
// selected ones are copied as text. The export path calls it for every
// export, backfill a million times in a row (see PayloadBuilder).
//
// A path may name an object (copied whole) or a leaf; arrays are values
// (a path never goes into one). A member whose value is null is absent: XDM
// has no null fields, and writing null is how a fragment clears one.
class AttributeSelector
{
public:
    // Empty paths and paths with an empty segment ("a..b") select nothing.
    explicit AttributeSelector(const QStringList &paths = {});

    // Appends the selected members of `json` (a JSON object's text) to `out`
    // as comma-separated "key":value pairs, without braces, in the profile's
    // member order; objects on the way are kept only when they hold something
    // selected. The output is compact whatever the input's spacing. Returns
    // whether it appended anything. On a text that is not one JSON object
    // (unbalanced, unterminated, trailing bytes), false with `out` as it was
    // and `*ok` false; the spelling of skipped numbers and literals is not
    // checked: stored attributes were validated when they were written.
    bool appendSelected(QByteArrayView json, QByteArray &out, bool *ok = nullptr) const;

    // The paths, in constructor order, that have no non-null value in
    // `json`; all of them when `json` is not a JSON object.
    QStringList missing(QByteArrayView json) const;

private:
    class Walker;
    struct Node
    {
        QByteArray key;        // decoded UTF-8
        bool selected = false; // a path ends here
        std::vector<int> children;
    };
    const Node *child(const Node &node, QByteArrayView key) const;

    std::vector<Node> m_nodes{Node{}}; // [0]: the document's top level
    QStringList m_paths;               // the valid paths, as given
    std::vector<int> m_pathNodes;      // m_paths[i] ends at m_nodes[m_pathNodes[i]]
};

} // namespace outflow
