#pragma once

#include "secrets/secretstore.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

namespace outflow::test {

// Every file of a folder (and its subfolders) holding `needle` in any of its
// bytes: where a secret must not be.
inline QStringList filesContaining(const QString &directory, const QByteArray &needle)
{
    QStringList found;
    QDirIterator it(directory, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            found << file.fileName();
    }
    return found;
}

// Waits for one request's result through the event loop (no sleeps).
inline SecretResult waitFor(SecretRequest *request, int timeoutMs = 20000)
{
    QSignalSpy spy(request, &SecretRequest::finished);
    if (!spy.wait(timeoutMs)) {
        SecretResult timedOut;
        timedOut.detail = QStringLiteral("no answer within %1 ms").arg(timeoutMs);
        return timedOut;
    }
    return spy.takeFirst().at(0).value<SecretResult>();
}

// The keychain tests' secret: derived from a seed so that the value itself
// appears in no source or binary, and tests/integration/secrets_not_on_disk
// can look for it on disk.
inline QString derivedTestSecret()
{
    const QByteArray seed = qgetenv("OUTFLOW_TEST_SECRET_SEED");
    return QStringLiteral("S3cr3t-") +
           QString::fromLatin1(QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex());
}

} // namespace outflow::test
