#pragma once

// The options of `outflowctl destination add` and `destination edit` (one
// table, one parser, one set of validation functions for both), and how the
// secrets they need are read: from OUTFLOW_* variables or a no-echo prompt,
// never from argv (DESIGN §5).
#include "command.h"
#include "delivery/destinationsecrets.h"
#include "model/destination.h"

#include <optional>
#include <QCommandLineOption>
#include <QCommandLineParser>

namespace outflow {
class SecretStore;
}

namespace outflow::cli {

struct DestinationOptions
{
    DestinationOptions();

    QCommandLineOption name, endpoint, description, headers, query, auth, tokenUrl, clientId,
        credentialsIn, username, clientCert, clientKey, caCert, names, noNames, timestamps,
        noTimestamps, http2, noHttp2, timeout, retries, alert, noAlerts, threshold, secretHeader,
        secretQuery;
    // --- Batched delivery (issue #22) ---
    QCommandLineOption batchMaxExports, batchMaxAge, batchMaxBytes;
    // --- end Batched delivery ---

    QList<QCommandLineOption> all() const;
};

// Changes the fields of `destination` whose options are given, and only
// those (`destination add` starts from a new Destination, `edit` from the
// stored one). On an edit, --headers and --query replace the plain entries;
// secret headers and query parameters stay unless the new text names them;
// --alert replaces the subscriptions and --no-alerts drops them all;
// --alert-threshold KEY=VALUE overrides a threshold and KEY= (no value)
// drops the override, back to the default.
// Secret values are read for --secret-header and --secret-query (variable or
// prompt). Then the whole destination is validated (validateDestination).
// False with *problem naming the option and what is wrong.
bool applyDestinationOptions(const QCommandLineParser &parser, const DestinationOptions &options,
                             Destination &destination, QString *problem);

// The authentication secrets `destination` needs, for `command`: each from
// its variable when set; else, when `keychain` is given (an edit), the value
// already in the keychain is kept (returned, to check the TLS files with, but
// not to write: *toWrite does not get it); else a no-echo prompt. A required
// secret found nowhere is an error naming its variable.
bool collectAuthSecrets(const QString &command, const Destination &destination,
                        SecretStore *keychain, DestinationSecrets *secrets,
                        DestinationSecrets *toWrite, QString *problem);

// Reads one secret (variable or prompt) for `ref`; a null string when
// neither gives one.
QString readSecretFor(const DestinationSecrets::Ref &ref);

} // namespace outflow::cli
