#pragma once

#include "model/writtenpaths.h"

#include <QByteArray>
#include <QList>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace outflow {

class Rule;

// Which rules of a set the written paths of a merge may change: for each rule,
// the answer of Rule::dependsOnAnyOf(), found by a few hash lookups per written
// path instead of comparing every written path with every path of every rule
// (a tenth of segmentation's instructions with 20 audiences, callgrind).
//
// A written path W touches a rule path P when W is P or an ancestor of P, or P
// is an ancestor of W (dot boundaries). So the index maps P and each of its
// ancestors to the rules reading at or under it, and P itself to the rules
// reading exactly it; W is looked up in the first, each ancestor of W in the
// second.
class RuleDependencies
{
public:
    // Indexes the rules; rule i of `rules` is index i in mark().
    void reset(const std::vector<const Rule *> &rules);

    // Sets needed[i] (sized by the caller to the rule count) for every rule
    // that depends on one of `writtenPaths`, leaving the others as they are;
    // true when any was set. An empty written path touches every rule.
    bool mark(const WrittenPaths &writtenPaths, std::vector<char> &needed) const;

private:
    // UTF-8, as the merge writes its paths.
    using Index = std::unordered_map<std::string_view, std::vector<int>>;
    static void add(Index &index, std::string_view path, int rule);
    static bool markAll(const Index &index, std::string_view path, std::vector<char> &needed);

    QList<QByteArray> m_paths; // owns the bytes the keys below view
    Index m_atOrUnder;         // a rule path or an ancestor of it → rules reading at or under it
    Index m_exactly;           // a rule path → rules reading it
};

} // namespace outflow
