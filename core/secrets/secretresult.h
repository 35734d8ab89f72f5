#pragma once

#include <QMetaType>
#include <QString>

namespace outflow {

// The outcome of one keychain operation, a value type safe to pass across
// threads and through queued signals. It never carries a secret except the
// value read by a successful read.
struct SecretResult
{
    enum class Status {
        Ok,           // done; for a read, `value` holds the secret
        NotFound,     // no secret stored under this key yet: not an error
        NoKeychain,   // no Secret Service / Keychain answers: nothing can be saved
        AccessDenied, // the keychain is locked or the user refused access
        Failed,       // anything else the backend reported
    };

    Status status = Status::Failed;
    QString value;
    QString detail; // the backend's own words, for logs and "details" panes

    bool isError() const { return status != Status::Ok && status != Status::NotFound; }
    bool isNotFound() const { return status == Status::NotFound; }

    // A translated, actionable sentence for the GUI and the CLI.
    QString message() const;
    // Stable identifier for --json output: "ok", "not-found", "no-keychain", …
    QString statusId() const;
};

} // namespace outflow

Q_DECLARE_METATYPE(outflow::SecretResult)
