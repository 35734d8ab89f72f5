#pragma once

#include "model/identity.h"

#include <optional>
#include <QStringView>
#include <vector>

namespace outflow {

// Identity → owning profile id, in memory, for the store's identity lookups
// (ProfileCache). Keys are 64-bit hashes of (namespace, id), not the strings:
// 16 bytes a slot instead of about 150 for two QStrings in a QHash, which
// keeps the index of a million profiles (≈ 2.7 M identities) in 64 MiB.
//
// What an answer means, given that the index was filled with every identity
// of the store (SqliteStore does that):
//  - Absent: no identity with this hash exists, so this identity has no owner
//    (exact: the common case of a fragment introducing a new person).
//  - A profile id: a hint, to be checked against that profile's identities
//    (two identities may share a hash; an entry may be stale after a
//    rollback until the index is rebuilt).
//  - Ambiguous: two identities of different profiles share the hash; only
//    the store can answer.
//
// Open addressing with linear probing in a power-of-two table; entries are
// never removed (identities move between profiles on merges, and are only
// deleted with the store).
class IdentityIndex
{
public:
    static constexpr qint64 Ambiguous = -1;
    // The table never grows past this many slots (64 MiB); inserting beyond
    // 70 % of it fails, and the caller stops using the index.
    static constexpr size_t DefaultMaxSlots = size_t(1) << 22;

    explicit IdentityIndex(size_t maxSlots = DefaultMaxSlots);

    static quint64 hash(QStringView ns, QStringView id);
    static quint64 hash(const Identity &identity) { return hash(identity.ns, identity.id); }

    // nullopt: no identity with this hash is indexed.
    std::optional<qint64> find(quint64 hash) const;
    // Records that an identity with this hash belongs to `profileId`. Another
    // profile already under the hash makes the entry Ambiguous. False when
    // the index is full (maxSlots): it is then cleared and stays empty.
    bool add(quint64 hash, qint64 profileId);
    // The identity moved from `from` to `to` (a profile merge): an entry
    // still naming `from` is updated; an ambiguous one stays so.
    void move(quint64 hash, qint64 from, qint64 to);

    void clear();
    size_t size() const { return m_size; }
    size_t memoryBytes() const { return m_slots.capacity() * sizeof(Slot); }

private:
    struct Slot
    {
        quint64 key = 0; // 0: empty (hash() never returns 0)
        qint64 profileId = 0;
    };
    size_t slotOf(quint64 hash) const;
    bool grow();

    std::vector<Slot> m_slots;
    size_t m_size = 0;
    size_t m_maxSlots;
};

} // namespace outflow
