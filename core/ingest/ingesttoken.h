#pragma once

#include "secrets/secretresult.h"

#include <functional>
#include <QByteArray>
#include <QObject>

namespace outflow {

class SecretStore;

// The bearer token of the local ingest endpoint lives in the keychain under
// this object id; it is created (32 random bytes, base64url) the first time
// it is needed, and replaced on request.
inline constexpr QLatin1StringView IngestTokenObjectId{"ingest-token"};

QByteArray generateIngestToken();

// Reads the token, creating and storing one when none exists yet (or always,
// with `rotate`). `done` receives the token, or an empty token and the
// keychain's result when it could not be read or saved: the endpoint must not
// start without one.
void obtainIngestToken(
    SecretStore &secrets, bool rotate, QObject *context,
    std::function<void(const QByteArray &token, const SecretResult &result)> done);

} // namespace outflow
