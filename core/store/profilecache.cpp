#include "profilecache.h"

#include <algorithm>

namespace outflow {

namespace {

// Per profile: QCache node and QHash entry, the Profile, its QList block.
constexpr qint64 kProfileOverhead = 160;
// Per identity: the Identity in the list, two QString blocks.
constexpr qint64 kIdentityOverhead = 3 * 32;

} // namespace

ProfileCache::ProfileCache(qint64 maxBytes, size_t maxIndexSlots)
    : m_profiles(maxBytes)
    , m_index(maxIndexSlots)
{}

qint64 ProfileCache::costOf(const Profile &profile)
{
    qint64 cost = kProfileOverhead + profile.attributesJson.size();
    for (const Identity &identity : profile.identities)
        cost += kIdentityOverhead + 2 * (identity.ns.size() + identity.id.size());
    return cost;
}

const Profile *ProfileCache::profile(qint64 id)
{
    return m_profiles.object(id);
}

void ProfileCache::insert(const Profile &profile)
{
    // QCache takes ownership, and deletes at once an entry costlier than the
    // whole cache (a profile of more than maxBytes is simply not kept).
    m_profiles.insert(profile.id, new Profile(profile), costOf(profile));
}

void ProfileCache::updateAttributes(qint64 id, const QByteArray &attributesJson, qint64 updatedAt)
{
    // Taken out and put back: its cost changes with its text.
    Profile *profile = m_profiles.take(id);
    if (!profile)
        return;
    profile->attributesJson = attributesJson;
    profile->updatedAt = updatedAt;
    m_profiles.insert(id, profile, costOf(*profile));
}

void ProfileCache::created(const Profile &profile)
{
    index(profile.id, profile.identities);
    insert(profile);
}

void ProfileCache::index(qint64 id, const QList<Identity> &identities)
{
    // An incomplete index is not kept up to date: it is rebuilt whole.
    if (!m_indexComplete)
        return;
    for (const Identity &identity : identities) {
        if (!m_index.add(IdentityIndex::hash(identity), id)) {
            m_indexOverflowed = true;
            m_indexComplete = false;
            return;
        }
    }
}

void ProfileCache::addIdentities(qint64 id, const QList<Identity> &identities)
{
    index(id, identities);
    Profile *profile = m_profiles.take(id);
    if (!profile)
        return;
    for (const Identity &identity : identities) {
        const auto known =
            std::find(profile->identities.begin(), profile->identities.end(), identity);
        if (known == profile->identities.end())
            profile->identities.append(identity);
        else
            known->primary = identity.primary;
    }
    m_profiles.insert(id, profile, costOf(*profile));
}

void ProfileCache::merge(qint64 survivor, const Profile &absorbed)
{
    for (const Identity &identity : absorbed.identities)
        m_index.move(IdentityIndex::hash(identity), absorbed.id, survivor);
    m_profiles.remove(absorbed.id);
    Profile *profile = m_profiles.take(survivor);
    if (!profile)
        return;
    // The store appends the absorbed identities after the survivor's, in
    // their order; the two sets are disjoint (an identity has one owner).
    profile->identities.append(absorbed.identities);
    m_profiles.insert(survivor, profile, costOf(*profile));
}

void ProfileCache::remove(qint64 id)
{
    m_profiles.remove(id);
}

void ProfileCache::startIndex()
{
    m_index.clear();
    m_indexComplete = false;
}

bool ProfileCache::indexIdentity(quint64 hash, qint64 profileId)
{
    if (m_indexOverflowed)
        return false;
    if (m_index.add(hash, profileId))
        return true;
    m_indexOverflowed = true;
    return false;
}

void ProfileCache::clear()
{
    m_profiles.clear();
    m_index.clear();
    m_indexComplete = false;
}

} // namespace outflow
