// The profile cache's side of the SQLite store (see SqliteStore and
// ProfileCache): the reads of the merge answered from memory inside a
// transaction, the identity index filled from one scan.
#include "profilecache.h"
#include "sqlitestore.h"
#include "sqlitestore_p.h"

#include <algorithm>

namespace outflow {

QList<qint64> SqliteStore::owners(const QList<Identity> &identities)
{
    if (identities.isEmpty() || !isOpen())
        return {};
    QList<qint64> ids;
    if (!m_inTransaction || !ensureIdentityIndex()) {
        ids = ownersFromSql(identities);
    } else {
        // The index answers "no owner" exactly; an id it gives is checked
        // against that profile's identities (loaded now, and cached: the
        // merge reads it next). Whatever it cannot settle goes to SQLite.
        QList<Identity> unsettled;
        for (const Identity &identity : identities) {
            const std::optional<qint64> hint = m_cache->index().find(IdentityIndex::hash(identity));
            if (!hint)
                continue;
            if (*hint != IdentityIndex::Ambiguous) {
                bool failed = false;
                const std::optional<Profile> owner = cachedProfile(*hint, &failed);
                if (failed)
                    return {};
                if (owner && owner->identities.contains(identity)) {
                    ids.append(*hint);
                    continue;
                }
            }
            unsettled.append(identity);
        }
        if (!unsettled.isEmpty()) {
            m_error.clear();
            const QList<qint64> fromSql = ownersFromSql(unsettled);
            if (!m_error.isEmpty())
                return {};
            ids.append(fromSql);
        }
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

std::optional<Profile> SqliteStore::profile(qint64 id)
{
    if (!isOpen())
        return std::nullopt;
    if (!m_inTransaction)
        return readProfile(id);
    bool failed = false;
    return cachedProfile(id, &failed);
}

// Copies share the cached text and identities (implicit sharing).
std::optional<Profile> SqliteStore::cachedProfile(qint64 id, bool *failed)
{
    if (const Profile *cached = m_cache->profile(id))
        return *cached;
    m_error.clear();
    std::optional<Profile> loaded = readProfile(id);
    if (loaded)
        m_cache->insert(*loaded);
    else
        *failed = !m_error.isEmpty();
    return loaded;
}

bool SqliteStore::ensureIdentityIndex()
{
    if (m_cache->indexComplete())
        return true;
    if (!m_cache->indexUsable())
        return false;
    // One scan of the identities' primary key, in key order: about a second
    // for the 2.7 M identities of a million profiles, once per connection
    // (and again only after a rollback or another connection's writes).
    m_cache->startIndex();
    SqliteStatement &statement = m_statements->allIdentities;
    const SqliteStatement::Use use(statement);
    while (statement.step()) {
        const quint64 hash = IdentityIndex::hash(statement.text16(0), statement.text16(1));
        if (!m_cache->indexIdentity(hash, statement.int64(2)))
            return false; // outgrew its bound: SQLite answers from now on
    }
    if (statement.failed())
        return false; // SQLite answers this time; the index is retried later
    m_cache->finishIndex();
    return m_cache->indexComplete();
}

} // namespace outflow
