#pragma once

#include "delivery/destinationsecrets.h"
#include "model/destination.h"

#include <functional>
#include <QList>
#include <QObject>
#include <QPair>

namespace outflow {

class SecretStore;

// Saves a destination with the secrets typed for it (DESIGN §6; issue #16):
// the secrets into the keychain first, one after the other, then the
// destination through `Writer` (the store itself in outflowctl, the Engine
// in the app). When a secret or the destination cannot be saved, every
// secret this save wrote is put back as it was (removed, or its previous
// value restored when it replaced one), so nothing is left half saved. Only
// the secrets given are written: an edit that retypes one secret leaves the
// others as they are. One implementation for the CLI and the app.
//
// Asynchronous; use it on the main thread (SecretStore's rule). Emits
// finished() once, then deletes itself.
class DestinationSaver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DestinationSaver)

public:
    // One keychain entry to write: its key (DestinationSecrets::Ref::keychainKey)
    // and its new value.
    struct SecretWrite
    {
        QString key;
        QString value;
    };
    using Secrets = QList<SecretWrite>;
    // The entries of `secrets` with a value (DestinationSecrets::entries()),
    // keyed for `destinationId`: what the wizard or `destination add|edit`
    // collected, e.g. extractInlineSecrets() plus the typed token.
    static Secrets keyed(const QString &destinationId, const DestinationSecrets &secrets);
    // Authentication secrets by kind, for callers that only have those.
    static Secrets keyed(const QString &destinationId,
                         const QList<QPair<DestinationSecrets::Kind, QString>> &secrets);
    // Writes the destination, then calls `done` with an empty string, or
    // with the reason it could not.
    using Writer = std::function<void(const Destination &destination,
                                      std::function<void(const QString &error)> done)>;
    enum class Failure : quint8 { None, Keychain, Store };
    Q_ENUM(Failure)

    DestinationSaver(SecretStore &keychain, Destination destination, Secrets secrets, Writer writer,
                     QObject *parent = nullptr);
    // The same with every non-empty value of `secrets`.
    DestinationSaver(SecretStore &keychain, Destination destination,
                     const DestinationSecrets &secrets, Writer writer, QObject *parent = nullptr);

    void start();

signals:
    // `error` names what failed; `failure` says where (the keychain refusing
    // a secret, or the store refusing the destination).
    void finished(bool ok, outflow::DestinationSaver::Failure failure, const QString &error);

private:
    struct Previous
    {
        QString key;
        bool existed = false;
        QString value;
    };

    void saveNext();
    void rollBack(Failure failure, const QString &error);
    void restoreNext(Failure failure, const QString &error);

    SecretStore &m_keychain;
    Destination m_destination;
    Secrets m_pending;
    Writer m_writer;
    QList<Previous> m_written; // what each written secret replaced
};

} // namespace outflow
