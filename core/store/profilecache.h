#pragma once

#include "identityindex.h"
#include "model/profile.h"

#include <QCache>
#include <QList>

namespace outflow {

// What the store keeps in memory of profiles and the identity graph, so that
// merging a fragment costs no random b-tree read (bench/README.md, ingest):
//
//  - an IdentityIndex of every identity of the store (built by the store
//    with one scan, then kept up to date by its writes), answering "owned by
//    no one" exactly and "owned by profile P" as a hint checked against P;
//  - the most recently used profiles (attributes, identities, times), bounded
//    by an estimate of their bytes (a QCache: least recently used first out).
//
// Write-through: the store writes every change to SQLite at once and mirrors
// it here, so the cache never holds anything the database does not. It is
// only as good as the last validation, which is the store's job (SqliteStore
// checks a generation number at each begin() and clears the cache when
// another connection changed profiles; a rollback clears it too).
//
// No SQL here: the SQLite store owns one, a PostgreSQL store could too.
class ProfileCache
{
public:
    // Small on purpose: enough for the profiles of the fragments being
    // merged (read to check an index hint, then merged and written). A
    // 64 MiB cache measured slower than none at all on 400,000 fragments
    // (25 s against 17.5 s): at that scale it mostly evicted, its entries
    // competing with SQLite's page cache, which the writes need anyway.
    static constexpr qint64 DefaultMaxBytes = 1024 * 1024;

    explicit ProfileCache(qint64 maxBytes = DefaultMaxBytes,
                          size_t maxIndexSlots = IdentityIndex::DefaultMaxSlots);

    // --- profiles -------------------------------------------------------------
    // The cached profile, or nullptr; marks it most recently used.
    const Profile *profile(qint64 id);
    // Caches a profile as stored (a copy; its data is implicitly shared).
    void insert(const Profile &profile);
    // A profile the store has just created: cached, and its identities indexed.
    void created(const Profile &profile);
    void updateAttributes(qint64 id, const QByteArray &attributesJson, qint64 updatedAt);
    // As the store's addIdentities(): a new identity is appended, a known one
    // has its primary flag updated. Also indexes them.
    void addIdentities(qint64 id, const QList<Identity> &identities);
    // `absorbed` (as it was before the merge) joined `survivor`: its
    // identities follow the survivor's, in order, and point to it in the index.
    void merge(qint64 survivor, const Profile &absorbed);
    void remove(qint64 id);

    // --- the identity index ---------------------------------------------------
    // True once the store filled the index with every identity it holds.
    bool indexComplete() const { return m_indexComplete; }
    // False once the index outgrew its bound: the store answers from SQL then.
    bool indexUsable() const { return !m_indexOverflowed; }
    // Filling the index (the store's scan): start, add every identity, finish.
    void startIndex();
    bool indexIdentity(quint64 hash, qint64 profileId);
    void finishIndex() { m_indexComplete = !m_indexOverflowed; }
    const IdentityIndex &index() const { return m_index; }

    // Forgets everything (index included: it is rebuilt on next use, unless
    // it outgrew its bound, which stays known).
    void clear();

    qint64 maxBytes() const { return m_profiles.maxCost(); }
    qint64 bytes() const { return m_profiles.totalCost(); }
    qsizetype count() const { return m_profiles.count(); }

    // The cost charged for a profile: its text plus an estimate of the
    // allocations around it (QCache node, QList, two QStrings an identity).
    static qint64 costOf(const Profile &profile);

private:
    void index(qint64 id, const QList<Identity> &identities);

    QCache<qint64, Profile> m_profiles;
    IdentityIndex m_index;
    bool m_indexComplete = false;
    bool m_indexOverflowed = false;
};

} // namespace outflow
