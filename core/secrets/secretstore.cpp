#include "secretstore.h"

#include "app/appinfo.h"
#include "app/logging.h"

#include <algorithm>
#include <qt6keychain/keychain.h>
#include <QTimer>

namespace outflow {
namespace {

// QtKeychain 0.13 has no isAvailable(): a missing Secret Service shows up as
// NoBackendAvailable, or as OtherError carrying the D-Bus failure. Both mean
// "no keychain" to the person, never "try a plaintext file".
bool meansNoBackend(QKeychain::Error error, const QString &detail)
{
    if (error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented)
        return true;
    if (error != QKeychain::OtherError)
        return false;
    static const QStringList markers{
        QStringLiteral("org.freedesktop.DBus.Error"),
        QStringLiteral("org.freedesktop.secrets"),
        QStringLiteral("D-Bus"),
        QStringLiteral("DBus"),
        QStringLiteral("dbus"),
        QStringLiteral("Cannot autolaunch"),
        QStringLiteral("Could not connect"),
        QStringLiteral("No such file"),
        QStringLiteral("Connection refused"),
    };
    return std::any_of(markers.cbegin(), markers.cend(),
                       [&](const QString &m) { return detail.contains(m, Qt::CaseInsensitive); });
}

SecretResult::Status classify(QKeychain::Error error, const QString &detail)
{
    switch (error) {
    case QKeychain::NoError:
        return SecretResult::Status::Ok;
    case QKeychain::EntryNotFound:
        return SecretResult::Status::NotFound;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return SecretResult::Status::AccessDenied;
    default:
        break;
    }
    if (meansNoBackend(error, detail))
        return SecretResult::Status::NoKeychain;
    if (detail.contains(QStringLiteral("locked"), Qt::CaseInsensitive) ||
        detail.contains(QStringLiteral("dismissed"), Qt::CaseInsensitive) ||
        detail.contains(QStringLiteral("prompt"), Qt::CaseInsensitive))
        return SecretResult::Status::AccessDenied;
    return SecretResult::Status::Failed;
}

} // namespace

SecretRequest::SecretRequest(Operation operation, const QString &objectId, QObject *parent)
    : QObject(parent)
    , m_operation(operation)
    , m_objectId(objectId)
{}

SecretStore::SecretStore(QObject *parent)
    : SecretStore(QString(appinfo::keychainService), parent)
{}

SecretStore::SecretStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{
    qRegisterMetaType<SecretResult>();
}

SecretRequest *SecretStore::store(const QString &objectId, const QString &secret)
{
    return startRequest(SecretRequest::Operation::Store, objectId, secret);
}

SecretRequest *SecretStore::read(const QString &objectId)
{
    return startRequest(SecretRequest::Operation::Read, objectId, {});
}

SecretRequest *SecretStore::remove(const QString &objectId)
{
    return startRequest(SecretRequest::Operation::Remove, objectId, {});
}

SecretRequest *SecretStore::startRequest(SecretRequest::Operation operation,
                                         const QString &objectId, const QString &secret)
{
    auto *request = new SecretRequest(operation, objectId, this);
    request->m_secret = secret;
    if (objectId.trimmed().isEmpty()) {
        // Reported asynchronously like every other outcome, so callers have
        // one code path and can connect before the result arrives.
        QTimer::singleShot(0, request, [request] {
            SecretResult result;
            result.status = SecretResult::Status::Failed;
            result.detail = QStringLiteral("empty object id");
            emit request->finished(result);
            request->deleteLater();
        });
        return request;
    }
    // Start from the event loop so that the caller connects to finished() first.
    QTimer::singleShot(0, request, [this, request] { startJob(request); });
    return request;
}

// The job has no parent: QtKeychain's libsecret backend calls back into it
// when the Secret Service answers, so it must outlive a request (or store)
// deleted meanwhile, e.g. a window closed while its keychain check runs.
// autoDelete removes it once it finished; its finished() reaches the request
// only while the request exists.
void SecretStore::startJob(SecretRequest *request)
{
    QKeychain::Job *job = nullptr;
    switch (request->operation()) {
    case SecretRequest::Operation::Store: {
        auto *write = new QKeychain::WritePasswordJob(m_service);
        write->setTextData(request->m_secret);
        job = write;
        break;
    }
    case SecretRequest::Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case SecretRequest::Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    job->setKey(request->objectId());
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plaintext copy, whatever the backend
    connect(job, &QKeychain::Job::finished, request,
            [this, request](QKeychain::Job *finishedJob) { onJobFinished(request, finishedJob); });
    job->start();
}

void SecretStore::onJobFinished(SecretRequest *request, QKeychain::Job *job)
{
    SecretResult result;
    result.detail = job->error() == QKeychain::NoError ? QString() : job->errorString();
    result.status = classify(job->error(), result.detail);

    if (result.status == SecretResult::Status::NoKeychain && !request->m_retried) {
        request->m_retried = true;
        qCDebug(lcSecrets) << "No keychain answered for" << request->objectId()
                           << "; trying once more in" << m_retryDelay.count() << "ms";
        QTimer::singleShot(m_retryDelay, request, [this, request] { startJob(request); });
        return;
    }

    if (request->operation() == SecretRequest::Operation::Read &&
        result.status == SecretResult::Status::Ok) {
        result.value = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
    }
    if (result.isError()) {
        qCWarning(lcSecrets).noquote() << "Keychain operation on" << request->objectId()
                                       << "failed:" << result.statusId() << result.detail;
    }
    request->m_secret.fill(QLatin1Char('\0'));
    request->m_secret.clear();
    emit request->finished(result);
    request->deleteLater();
}

} // namespace outflow
