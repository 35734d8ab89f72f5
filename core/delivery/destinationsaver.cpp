#include "destinationsaver.h"

#include "secrets/secretstore.h"

#include <QPointer>

namespace outflow {

DestinationSaver::DestinationSaver(SecretStore &keychain, Destination destination, Secrets secrets,
                                   Writer writer, QObject *parent)
    : QObject(parent)
    , m_keychain(keychain)
    , m_destination(std::move(destination))
    , m_pending(std::move(secrets))
    , m_writer(std::move(writer))
{}

DestinationSaver::DestinationSaver(SecretStore &keychain, Destination destination,
                                   const DestinationSecrets &secrets, Writer writer,
                                   QObject *parent)
    : DestinationSaver(keychain, destination, keyed(destination.id, secrets), std::move(writer),
                       parent)
{}

DestinationSaver::Secrets DestinationSaver::keyed(const QString &destinationId,
                                                  const DestinationSecrets &secrets)
{
    Secrets keyedSecrets;
    for (const auto &[ref, value] : secrets.entries())
        keyedSecrets.append({ref.keychainKey(destinationId), value});
    return keyedSecrets;
}

DestinationSaver::Secrets
DestinationSaver::keyed(const QString &destinationId,
                        const QList<QPair<DestinationSecrets::Kind, QString>> &secrets)
{
    Secrets keyedSecrets;
    for (const auto &[kind, value] : secrets)
        keyedSecrets.append({DestinationSecrets::keychainKey(destinationId, kind), value});
    return keyedSecrets;
}

void DestinationSaver::start()
{
    saveNext();
}

// Each secret: its previous value read first (to put back on failure), then
// the new one written.
void DestinationSaver::saveNext()
{
    if (m_pending.isEmpty()) {
        const QPointer<DestinationSaver> self(this);
        m_writer(m_destination, [self](const QString &error) {
            if (!self)
                return;
            if (error.isEmpty()) {
                emit self->finished(true, Failure::None, {});
                self->deleteLater();
                return;
            }
            self->rollBack(Failure::Store, error);
        });
        return;
    }
    const SecretWrite next = m_pending.takeFirst();
    const QString value = next.value;
    const QString key = next.key;
    SecretRequest *read = m_keychain.read(key);
    connect(read, &SecretRequest::finished, this, [this, value, key](const SecretResult &previous) {
        if (previous.isError())
            return rollBack(Failure::Keychain, previous.message());
        SecretRequest *write = m_keychain.store(key, value);
        connect(write, &SecretRequest::finished, this,
                [this, key, previous](const SecretResult &result) {
                    if (result.isError())
                        return rollBack(Failure::Keychain, result.message());
                    m_written.append({key, !previous.isNotFound(), previous.value});
                    saveNext();
                });
    });
}

void DestinationSaver::rollBack(Failure failure, const QString &error)
{
    m_pending.clear();
    restoreNext(failure, error);
}

void DestinationSaver::restoreNext(Failure failure, const QString &error)
{
    if (m_written.isEmpty()) {
        emit finished(false, failure, error);
        deleteLater();
        return;
    }
    const Previous previous = m_written.takeLast();
    SecretRequest *request = previous.existed ? m_keychain.store(previous.key, previous.value)
                                              : m_keychain.remove(previous.key);
    // A restore the keychain refuses leaves that entry as the save wrote it:
    // nothing more can be done, and the failure reported is the first one.
    connect(request, &SecretRequest::finished, this,
            [this, failure, error](const SecretResult &) { restoreNext(failure, error); });
}

} // namespace outflow
