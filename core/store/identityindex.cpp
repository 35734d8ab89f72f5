#include "identityindex.h"

#include <QHashFunctions>

namespace outflow {

namespace {

constexpr size_t kInitialSlots = 1024;
// Linear probing stays short below this load.
constexpr size_t kMaxLoadPercent = 70;
// Fixed seeds: hashes are compared within one process only, but a fixed seed
// keeps them the same from run to run (reproducible benchmarks and tests).
constexpr size_t kNamespaceSeed = 0x9E3779B97F4A7C15ull;

} // namespace

IdentityIndex::IdentityIndex(size_t maxSlots)
    : m_maxSlots(maxSlots)
{}

quint64 IdentityIndex::hash(QStringView ns, QStringView id)
{
    // The namespace's hash seeds the id's: ("a", "bc") and ("ab", "c") differ.
    const quint64 h = qHash(id, qHash(ns, kNamespaceSeed));
    return h == 0 ? 1 : h;
}

size_t IdentityIndex::slotOf(quint64 hash) const
{
    const size_t mask = m_slots.size() - 1;
    size_t slot = size_t(hash) & mask;
    while (m_slots[slot].key != 0 && m_slots[slot].key != hash)
        slot = (slot + 1) & mask;
    return slot;
}

std::optional<qint64> IdentityIndex::find(quint64 hash) const
{
    if (m_slots.empty())
        return std::nullopt;
    const Slot &slot = m_slots[slotOf(hash)];
    if (slot.key == 0)
        return std::nullopt;
    return slot.profileId;
}

bool IdentityIndex::add(quint64 hash, qint64 profileId)
{
    if ((m_size + 1) * 100 > m_slots.size() * kMaxLoadPercent && !grow())
        return false;
    Slot &slot = m_slots[slotOf(hash)];
    if (slot.key == 0) {
        slot = {hash, profileId};
        ++m_size;
    } else if (slot.profileId != profileId) {
        slot.profileId = Ambiguous;
    }
    return true;
}

void IdentityIndex::move(quint64 hash, qint64 from, qint64 to)
{
    if (m_slots.empty())
        return;
    Slot &slot = m_slots[slotOf(hash)];
    if (slot.key != 0 && slot.profileId == from)
        slot.profileId = to;
}

bool IdentityIndex::grow()
{
    const size_t size = m_slots.empty() ? kInitialSlots : m_slots.size() * 2;
    if (size > m_maxSlots) {
        clear();
        return false;
    }
    std::vector<Slot> old(size);
    old.swap(m_slots);
    for (const Slot &slot : old) {
        if (slot.key != 0)
            m_slots[slotOf(slot.key)] = slot;
    }
    return true;
}

void IdentityIndex::clear()
{
    std::vector<Slot>().swap(m_slots); // gives the memory back
    m_size = 0;
}

} // namespace outflow
