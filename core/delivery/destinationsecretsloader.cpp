#include "destinationsecretsloader.h"

#include "secrets/secretstore.h"

#include <memory>

namespace outflow {

void readDestinationSecrets(SecretStore &store, const Destination &destination, QObject *context,
                            std::function<void(std::optional<DestinationSecrets>, QString)> done)
{
    const QList<DestinationSecrets::Ref> refs = DestinationSecrets::refsOf(destination);
    struct Reading
    {
        DestinationSecrets secrets;
        qsizetype waiting = 0;
        QStringList problems;
    };
    auto reading = std::make_shared<Reading>();
    reading->waiting = refs.size();
    if (refs.isEmpty()) {
        QMetaObject::invokeMethod(
            context, [done] { done(DestinationSecrets(), QString()); }, Qt::QueuedConnection);
        return;
    }
    const QString name = destination.name;
    for (const DestinationSecrets::Ref &ref : refs) {
        SecretRequest *request = store.read(ref.keychainKey(destination.id));
        QObject::connect(
            request, &SecretRequest::finished, context,
            [reading, ref, name, done](const SecretResult &result) {
                if (result.status == SecretResult::Status::Ok) {
                    reading->secrets.setValue(ref, result.value);
                } else if (result.isNotFound()) {
                    if (ref.isRequired())
                        reading->problems
                            << DestinationSecretsLoader::tr("its %1 is not in the keychain")
                                   .arg(ref.label());
                } else {
                    reading->problems
                        << DestinationSecretsLoader::tr("its %1 could not be read: %2")
                               .arg(ref.label(), result.message());
                }
                if (--reading->waiting > 0)
                    return;
                if (reading->problems.isEmpty())
                    done(reading->secrets, QString());
                else
                    done(std::nullopt,
                         DestinationSecretsLoader::tr("The destination “%1” cannot send: %2.")
                             .arg(name, reading->problems.join(QStringLiteral("; "))));
            });
    }
}

DestinationSecretsLoader::DestinationSecretsLoader(SecretStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    qRegisterMetaType<DestinationSecrets>();
    qRegisterMetaType<Destination>();
}

void DestinationSecretsLoader::load(const Destination &destination)
{
    readDestinationSecrets(m_store, destination, this,
                           [this, id = destination.id](std::optional<DestinationSecrets> secrets,
                                                       const QString &problem) {
                               if (secrets)
                                   emit loaded(id, *secrets);
                               else
                                   emit unavailable(id, problem);
                           });
}

} // namespace outflow
