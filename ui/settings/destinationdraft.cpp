#include "destinationdraft.h"

namespace outflow::ui {

bool DestinationDraft::needsSecret(DestinationSecrets::Kind kind) const
{
    return DestinationSecrets::usedBy(destination).contains(kind) &&
           DestinationSecrets::isRequired(kind) && !storedKinds.contains(kind);
}

DestinationDraft::Split DestinationDraft::split() const
{
    Split split{destination, {}};
    split.secrets = DestinationSecrets::extractInlineSecrets(split.destination);
    for (const DestinationSecrets::Kind kind : DestinationSecrets::usedBy(split.destination)) {
        if (const QString value = secrets.value(kind); !value.isEmpty())
            split.secrets.setValue(kind, value);
    }
    return split;
}

DestinationSaver::Secrets DestinationDraft::secretsToWrite() const
{
    const Split parts = split();
    return DestinationSaver::keyed(parts.destination.id, parts.secrets);
}

QStringList DestinationDraft::keychainKeysToForget() const
{
    if (!editing)
        return {};
    const QStringList used = DestinationSecrets::keychainKeys(split().destination);
    QStringList keys;
    for (const QString &key : DestinationSecrets::keychainKeys(original)) {
        if (!used.contains(key))
            keys.append(key);
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
    // Secret header and query values are typed inline: dropped the same way.
    const Split parts = split();
    destination.headers = parts.destination.headers;
    destination.query = parts.destination.query;
}

} // namespace outflow::ui
