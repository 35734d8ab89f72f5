#pragma once

#include "secretresult.h"

#include <chrono>
#include <QObject>

namespace QKeychain {
class Job;
}

namespace outflow {

// One asynchronous keychain operation. Emits finished() exactly once, then
// deletes itself (like QNetworkReply, but without the need to delete it).
class SecretRequest final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretRequest)

public:
    enum class Operation { Store, Read, Remove };
    Operation operation() const { return m_operation; }
    QString objectId() const { return m_objectId; }

signals:
    void finished(const outflow::SecretResult &result);

private:
    friend class SecretStore;
    SecretRequest(Operation operation, const QString &objectId, QObject *parent);
    Operation m_operation;
    QString m_objectId;
    QString m_secret; // only for Store, cleared once handed to the keychain
    bool m_retried = false;
};

// Secrets (bearer tokens, client secrets, passwords, key passphrases) live
// only in the OS keychain, under the application's service name and the id of
// the object they belong to. Every call is asynchronous and never blocks the
// caller's thread; there is no plaintext fallback: when no keychain answers the
// result says so (Status::NoKeychain) and nothing is written anywhere else.
//
// Use it from the main thread: QtKeychain's libsecret backend delivers its
// answers through the main GLib context, and a job started on another thread
// crashes when that answer arrives. The calls never block, so the GUI thread
// is the right place.
class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    explicit SecretStore(QObject *parent = nullptr);
    SecretStore(const QString &service, QObject *parent);

    SecretRequest *store(const QString &objectId, const QString &secret);
    SecretRequest *read(const QString &objectId);
    SecretRequest *remove(const QString &objectId);

    QString service() const { return m_service; }

    // Keyrings start late at login: a request that finds no backend is tried
    // once more after this delay before it reports NoKeychain.
    void setRetryDelay(std::chrono::milliseconds delay) { m_retryDelay = delay; }

private:
    SecretRequest *startRequest(SecretRequest::Operation operation, const QString &objectId,
                                const QString &secret);
    void startJob(SecretRequest *request);
    void onJobFinished(SecretRequest *request, QKeychain::Job *job);

    QString m_service;
    std::chrono::milliseconds m_retryDelay{500};
};

} // namespace outflow
