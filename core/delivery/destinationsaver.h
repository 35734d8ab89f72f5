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
    using Secrets = QList<QPair<DestinationSecrets::Kind, QString>>;
    // Writes the destination, then calls `done` with an empty string, or
    // with the reason it could not.
    using Writer = std::function<void(const Destination &destination,
                                      std::function<void(const QString &error)> done)>;
    enum class Failure : quint8 { None, Keychain, Store };
    Q_ENUM(Failure)

    DestinationSaver(SecretStore &keychain, Destination destination, Secrets secrets, Writer writer,
                     QObject *parent = nullptr);

    void start();

signals:
    // `error` names what failed; `failure` says where (the keychain refusing
    // a secret, or the store refusing the destination).
    void finished(bool ok, outflow::DestinationSaver::Failure failure, const QString &error);

private:
    struct Previous
    {
        DestinationSecrets::Kind kind;
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
