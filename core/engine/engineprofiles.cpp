// The Engine's Profiles page operations (issue #17): a profile's lineage
// looked up by identity, and the identity namespaces for completion. Both
// read the Engine's store on its thread; the page only sees the answers.
#include "activation/profilelineage.h"
#include "engine.h"
#include "store/store.h"

namespace outflow {

void Engine::lookupProfile(quint64 requestId, const QString &identityNamespace,
                           const QString &identityId)
{
    if (!m_store) {
        emit profileLookedUp(requestId, {}, tr("The store is not open."));
        return;
    }
    Identity identity;
    identity.ns = identityNamespace.trimmed();
    identity.id = identityId.trimmed();
    if (identity.ns.isEmpty() || identity.id.isEmpty()) {
        emit profileLookedUp(requestId, {}, tr("Give an identity namespace and an id."));
        return;
    }
    QString error;
    const std::optional<ProfileLineage> lineage =
        ProfileLineage::read(*m_store, identity, ProfileLineage::Scope(), &error);
    emit profileLookedUp(requestId, lineage.value_or(ProfileLineage()),
                         lineage ? QString() : error);
}

void Engine::listIdentityNamespaces(quint64 requestId)
{
    emit identityNamespacesListed(requestId,
                                  m_store ? m_store->identityNamespaces() : QStringList());
}

} // namespace outflow
