#include "ruledependencies.h"

#include "rule.h"

#include <algorithm>

namespace outflow {

namespace {

std::string_view view(QByteArrayView bytes)
{
    return {bytes.data(), size_t(bytes.size())};
}

} // namespace

void RuleDependencies::reset(const std::vector<const Rule *> &rules)
{
    m_atOrUnder.clear();
    m_exactly.clear();
    m_paths.clear();
    for (const Rule *rule : rules) {
        for (const QString &path : rule->referencedPaths())
            m_paths.append(path.toUtf8());
    }
    // Keys view m_paths' characters: filled only once it no longer changes.
    qsizetype next = 0;
    for (int i = 0; i < int(rules.size()); ++i) {
        const qsizetype count = rules[size_t(i)]->referencedPaths().size();
        for (qsizetype p = next; p < next + count; ++p) {
            const std::string_view path = view(m_paths.at(p));
            add(m_exactly, path, i);
            add(m_atOrUnder, path, i);
            for (size_t dot = path.find('.'); dot != std::string_view::npos;
                 dot = path.find('.', dot + 1)) {
                add(m_atOrUnder, path.substr(0, dot), i);
            }
        }
        next += count;
    }
}

void RuleDependencies::add(Index &index, std::string_view path, int rule)
{
    std::vector<int> &rules = index[path];
    if (std::find(rules.begin(), rules.end(), rule) == rules.end())
        rules.push_back(rule);
}

bool RuleDependencies::markAll(const Index &index, std::string_view path, std::vector<char> &needed)
{
    const auto it = index.find(path);
    if (it == index.end())
        return false;
    for (const int rule : it->second)
        needed[size_t(rule)] = 1;
    return true;
}

bool RuleDependencies::mark(const WrittenPaths &writtenPaths, std::vector<char> &needed) const
{
    bool any = false;
    for (const QByteArrayView written : writtenPaths) {
        if (written.isEmpty()) {
            std::fill(needed.begin(), needed.end(), 1);
            return !needed.empty();
        }
        const std::string_view path = view(written);
        any = markAll(m_atOrUnder, path, needed) || any;
        for (size_t dot = path.find('.'); dot != std::string_view::npos;
             dot = path.find('.', dot + 1)) {
            any = markAll(m_exactly, path.substr(0, dot), needed) || any;
        }
    }
    return any;
}

} // namespace outflow
