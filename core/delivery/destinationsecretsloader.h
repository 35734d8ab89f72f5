#pragma once

#include "delivery/destinationsecrets.h"
#include "model/destination.h"

#include <functional>
#include <optional>
#include <QCoreApplication>
#include <QObject>

namespace outflow {

class SecretStore;

// Reads the secrets a destination uses (DestinationSecrets::refsOf) from the
// keychain and calls `done` once, in `context`'s thread: the secrets, or
// nullopt and a message naming what is missing (never a value). A missing
// optional secret (the key passphrase of an unencrypted key) is no error.
// On the main thread only, as SecretStore.
void readDestinationSecrets(SecretStore &store, const Destination &destination, QObject *context,
                            std::function<void(std::optional<DestinationSecrets>, QString)> done);

// The Engine's source of secrets: it runs on a worker thread (GUI) where the
// keychain cannot answer, so it asks with Engine::secretsNeeded() and this
// object, on the main thread, answers with Engine::setDestinationSecrets()
// or Engine::destinationSecretsUnavailable(): connect them (queued).
class DestinationSecretsLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DestinationSecretsLoader)

public:
    explicit DestinationSecretsLoader(SecretStore &store, QObject *parent = nullptr);

public slots:
    void load(const outflow::Destination &destination);

signals:
    void loaded(const QString &destinationId, const outflow::DestinationSecrets &secrets);
    void unavailable(const QString &destinationId, const QString &message);

private:
    SecretStore &m_store;
};

} // namespace outflow
