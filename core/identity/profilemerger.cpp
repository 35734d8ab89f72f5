#include "profilemerger.h"

#include "store/store.h"

#include <algorithm>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QSet>

namespace outflow {
namespace {

// Fragments may list the same identity twice; the graph holds it once (the
// last mention that states a primary flag wins, as a later write would).
QList<Identity> distinctIdentities(const QList<Identity> &identities)
{
    QList<Identity> result;
    result.reserve(identities.size());
    for (const Identity &identity : identities) {
        const auto it = std::find(result.begin(), result.end(), identity);
        if (it == result.end()) {
            result.append(identity);
        } else if (identity.primaryStated) {
            it->primary = identity.primary;
            it->primaryStated = true;
        }
    }
    return result;
}

// One primary identity per namespace: the identity last stated primary in a
// namespace stays primary, the other identities of that namespace in
// `identities` are demoted. Returns the demoted ones.
QList<Identity> keepOnePrimaryPerNamespace(QList<Identity> &identities,
                                           const QList<Identity> &statedPrimary)
{
    QHash<QString, Identity> winners;
    for (const Identity &primary : statedPrimary)
        winners.insert(primary.ns, primary);
    QList<Identity> demoted;
    for (Identity &identity : identities) {
        const auto winner = winners.constFind(identity.ns);
        if (winner == winners.cend() || identity == *winner || !identity.primary)
            continue;
        identity.primary = false;
        demoted.append(identity);
    }
    return demoted;
}

} // namespace

ProfileMerger::ProfileMerger(Store &store, Clock clock)
    : m_store(store)
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); }))
{}

namespace {

// The fragment's attributes: its JSON text minus identityMap when the reader
// kept it (no serialisation), otherwise serialised once from the object.
AttributeTree fragmentAttributes(const Fragment &fragment)
{
    AttributeTree tree;
    if (!fragment.json.isEmpty() && tree.parse(fragment.json)) {
        tree.removeTopLevel("identityMap");
        return tree;
    }
    return AttributeTree::fromObject(fragment.attributes);
}

} // namespace

void ProfileMerger::deepMerge(QJsonObject &target, const QJsonObject &source, const QString &prefix,
                              QStringList *written)
{
    AttributeTree merged = AttributeTree::fromObject(target);
    WrittenPaths writtenHere;
    merged.merge(AttributeTree::fromObject(source), written ? &writtenHere : nullptr);
    target = merged.toObject();
    if (!written)
        return;
    for (const QString &path : writtenHere.toStringList())
        written->append(prefix.isEmpty() ? path : prefix + QLatin1Char('.') + path);
}

bool ProfileMerger::parseAttributes(const Profile &profile, AttributeTree &tree)
{
    if (tree.parse(profile.attributesJson))
        return true;
    m_error = QCoreApplication::translate("ProfileMerger",
                                          "The attributes of profile %1 are not a JSON object.")
                  .arg(profile.id);
    return false;
}

QString ProfileMerger::lastError() const
{
    return m_error.isEmpty() ? m_store.lastError() : m_error;
}

std::optional<MergeReport> ProfileMerger::merge(const Fragment &fragment)
{
    m_error.clear();
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
    AttributeTree tree;
    if (profiles.size() == 1 && !parseAttributes(survivor, tree))
        return std::nullopt;
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
        for (const Profile *p : byUpdate) {
            AttributeTree attributes;
            if (!parseAttributes(*p, attributes))
                return std::nullopt;
            tree.merge(std::move(attributes));
        }

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

    // The fragment's identities: new ones join, known ones change primary
    // only when the fragment states it (absence is not false).
    QList<Identity> toWrite;
    QList<Identity> statedPrimary;
    for (Identity identity : identities) {
        if (identity.primaryStated && identity.primary)
            statedPrimary.append(identity);
        const auto known =
            std::find(survivor.identities.begin(), survivor.identities.end(), identity);
        if (known == survivor.identities.end()) {
            identity.primaryStated = true;
            survivor.identities.append(identity);
            report.identitiesAdded.append(identity);
            toWrite.append(identity);
        } else if (identity.primaryStated && known->primary != identity.primary) {
            known->primary = identity.primary;
            report.identitiesUpdated.append(*known);
            toWrite.append(*known);
        }
    }
    for (const Identity &demoted : keepOnePrimaryPerNamespace(survivor.identities, statedPrimary)) {
        report.identitiesUpdated.append(demoted);
        const auto queued = std::find(toWrite.begin(), toWrite.end(), demoted);
        if (queued == toWrite.end())
            toWrite.append(demoted);
        else
            *queued = demoted; // a new identity demoted by a later one of the same fragment
    }
    if (!toWrite.isEmpty() && !m_store.addIdentities(survivor.id, toWrite))
        return std::nullopt;

    tree.merge(fragmentAttributes(fragment), &report.writtenPaths);
    survivor.attributesJson = tree.toJson();
    survivor.updatedAt = now;
    if (!m_store.updateProfile(survivor))
        return std::nullopt;
    report.attributesJson = survivor.attributesJson;
    report.identities = survivor.identities;
    report.attributes = std::make_shared<const AttributeTree>(std::move(tree));
    return report;
}

std::optional<MergeReport> ProfileMerger::createProfile(const Fragment &fragment, qint64 now)
{
    Profile profile;
    profile.identities = fragment.identities;
    QList<Identity> statedPrimary;
    for (Identity &identity : profile.identities) {
        if (identity.primaryStated && identity.primary)
            statedPrimary.append(identity);
        identity.primaryStated = true; // what is stored is stated
    }
    keepOnePrimaryPerNamespace(profile.identities, statedPrimary);
    profile.createdAt = now;
    profile.updatedAt = now;
    MergeReport report;
    AttributeTree tree;
    tree.merge(fragmentAttributes(fragment), &report.writtenPaths);
    profile.attributesJson = tree.toJson();
    const qint64 id = m_store.insertProfile(profile);
    if (id == 0)
        return std::nullopt;
    report.profileId = id;
    report.created = true;
    report.identitiesAdded = profile.identities;
    report.mergedAt = now;
    report.attributesJson = profile.attributesJson;
    report.identities = profile.identities;
    report.attributes = std::make_shared<const AttributeTree>(std::move(tree));
    return report;
}

} // namespace outflow
