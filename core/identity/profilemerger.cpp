#include "profilemerger.h"

#include "store/store.h"

#include <algorithm>
#include <QDateTime>
#include <QSet>

namespace outflow {
namespace {

// Fragments may list the same identity twice; the graph holds it once (the
// last mention's primary flag wins, as a later write would).
QList<Identity> distinctIdentities(const QList<Identity> &identities)
{
    QList<Identity> result;
    result.reserve(identities.size());
    for (const Identity &identity : identities) {
        const auto it = std::find(result.begin(), result.end(), identity);
        if (it == result.end())
            result.append(identity);
        else
            it->primary = identity.primary;
    }
    return result;
}

} // namespace

ProfileMerger::ProfileMerger(Store &store, Clock clock)
    : m_store(store)
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); }))
{}

namespace {

// Every leaf path of `value` under `path` ("{}" counts as a leaf: it is a write).
void appendLeafPaths(const QJsonValue &value, const QString &path, QStringList *written)
{
    const QJsonObject object = value.toObject();
    if (!value.isObject() || object.isEmpty()) {
        written->append(path);
        return;
    }
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        appendLeafPaths(it.value(), path + QLatin1Char('.') + it.key(), written);
}

} // namespace

void ProfileMerger::deepMerge(QJsonObject &target, const QJsonObject &source, const QString &prefix,
                              QStringList *written)
{
    for (auto it = source.constBegin(); it != source.constEnd(); ++it) {
        const QString path = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        const QJsonValue incoming = it.value();
        const auto existing = target.constFind(it.key());
        if (incoming.isObject() && existing != target.constEnd() && existing->isObject()) {
            // Both sides are objects: merge key by key.
            QJsonObject child = existing->toObject();
            const QJsonObject incomingObject = incoming.toObject();
            if (incomingObject.isEmpty() && written)
                written->append(path); // "{}" is a write of that object itself
            deepMerge(child, incomingObject, path, written);
            target.insert(it.key(), child);
        } else {
            // Nothing to merge with: the value (a whole subtree, an array, a
            // scalar) replaces what was there in one insert. Arrays are values:
            // replaced, never concatenated (DESIGN §1).
            target.insert(it.key(), incoming);
            if (written)
                appendLeafPaths(incoming, path, written);
        }
    }
}

std::optional<MergeReport> ProfileMerger::merge(const Fragment &fragment)
{
    const qint64 now = m_clock();
    const QList<Identity> identities = distinctIdentities(fragment.identities);
    const QList<qint64> owners = m_store.owners(identities);
    if (owners.isEmpty()) {
        Fragment distinct = fragment;
        distinct.identities = identities;
        return createProfile(distinct, now);
    }

    // Load every owning profile; the oldest (lowest id) survives.
    QList<Profile> profiles;
    profiles.reserve(owners.size());
    for (const qint64 id : owners) {
        std::optional<Profile> loaded = m_store.profile(id);
        if (!loaded)
            return std::nullopt;
        profiles.append(std::move(*loaded));
    }

    MergeReport report;
    report.profileId = profiles.first().id;
    report.mergedAt = now;
    Profile survivor = profiles.first();
    QSet<Identity> owned(survivor.identities.cbegin(), survivor.identities.cend());

    if (profiles.size() > 1) {
        // Attributes: deep-merge in order of last update, so the most recent
        // write of each path wins; not reported as written by this fragment.
        QList<const Profile *> byUpdate;
        for (const Profile &p : profiles)
            byUpdate.append(&p);
        std::stable_sort(byUpdate.begin(), byUpdate.end(), [](const Profile *a, const Profile *b) {
            return a->updatedAt < b->updatedAt;
        });
        QJsonObject merged;
        for (const Profile *p : byUpdate)
            deepMerge(merged, p->attributes);
        survivor.attributes = merged;

        for (qsizetype i = 1; i < profiles.size(); ++i) {
            const Profile &absorbed = profiles.at(i);
            if (!m_store.mergeProfiles(survivor.id, absorbed.id, now))
                return std::nullopt;
            report.mergedProfileIds.append(absorbed.id);
            for (const Identity &identity : absorbed.identities) {
                if (!owned.contains(identity)) {
                    owned.insert(identity);
                    survivor.identities.append(identity);
                    report.identitiesAdded.append(identity);
                }
            }
        }
    }

    // The fragment's identities: new ones join, known ones may change primary.
    QList<Identity> toWrite;
    for (const Identity &identity : identities) {
        const auto known =
            std::find(survivor.identities.begin(), survivor.identities.end(), identity);
        if (known == survivor.identities.end()) {
            survivor.identities.append(identity);
            report.identitiesAdded.append(identity);
            toWrite.append(identity);
        } else if (known->primary != identity.primary) {
            known->primary = identity.primary;
            report.identitiesUpdated.append(identity);
            toWrite.append(identity);
        }
    }
    if (!toWrite.isEmpty() && !m_store.addIdentities(survivor.id, toWrite))
        return std::nullopt;

    deepMerge(survivor.attributes, fragment.attributes, QString(), &report.writtenPaths);
    survivor.updatedAt = now;
    if (!m_store.updateProfile(survivor))
        return std::nullopt;
    return report;
}

std::optional<MergeReport> ProfileMerger::createProfile(const Fragment &fragment, qint64 now)
{
    Profile profile;
    profile.identities = fragment.identities;
    profile.createdAt = now;
    profile.updatedAt = now;
    MergeReport report;
    deepMerge(profile.attributes, fragment.attributes, QString(), &report.writtenPaths);
    const qint64 id = m_store.insertProfile(profile);
    if (id == 0)
        return std::nullopt;
    report.profileId = id;
    report.created = true;
    report.identitiesAdded = fragment.identities;
    report.mergedAt = now;
    return report;
}

} // namespace outflow
