// Rule path dependencies and equality (evaluation: ruleevaluation.cpp).
#include "rule.h"

namespace outflow {

namespace {

// `prefix` is `path` or one of its ancestors: "a.b" of "a.b" and "a.b.c", not of "a.bc".
bool isPathPrefix(QStringView prefix, QStringView path)
{
    return path.startsWith(prefix) && (path.size() == prefix.size() || path[prefix.size()] == u'.');
}

} // namespace

QStringList Rule::referencedPaths() const
{
    return m_paths;
}

bool Rule::dependsOnAnyOf(const QStringList &writtenPaths) const
{
    for (const QString &written : writtenPaths) {
        if (written.isEmpty())
            return true;
        for (const QString &path : m_paths) {
            if (isPathPrefix(written, path) || isPathPrefix(path, written))
                return true;
        }
    }
    return false;
}

bool operator==(const Rule &a, const Rule &b)
{
    return sameRuleNode(a.m_root, b.m_root);
}

} // namespace outflow
