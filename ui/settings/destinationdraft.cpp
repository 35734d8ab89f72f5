#include "destinationdraft.h"

namespace outflow::ui {

bool DestinationDraft::needsSecret(DestinationSecrets::Kind kind) const
{
    return DestinationSecrets::usedBy(destination).contains(kind) &&
           DestinationSecrets::isRequired(kind) && !storedKinds.contains(kind);
}

DestinationSaver::Secrets DestinationDraft::secretsToWrite() const
{
    DestinationSaver::Secrets written;
    for (const DestinationSecrets::Kind kind : DestinationSecrets::usedBy(destination)) {
        const QString value = secrets.value(kind);
        if (!value.isEmpty())
            written.append({kind, value});
    }
    return written;
}

QStringList DestinationDraft::keychainKeysToForget() const
{
    QStringList keys;
    const QList<DestinationSecrets::Kind> used = DestinationSecrets::usedBy(destination);
    for (const DestinationSecrets::Kind kind : storedKinds) {
        if (!used.contains(kind))
            keys.append(DestinationSecrets::keychainKey(destination.id, kind));
    }
    return keys;
}

void DestinationDraft::clearSecrets()
{
    // Overwritten in place before release (QString shares nothing here).
    for (QString *secret :
         {&secrets.bearerToken, &secrets.clientSecret, &secrets.password, &secrets.keyPassphrase}) {
        secret->fill(QChar(u'\0'));
        secret->clear();
    }
}

} // namespace outflow::ui
