#include "secretresult.h"

#include <QCoreApplication>

namespace outflow {

QString SecretResult::message() const
{
    switch (status) {
    case Status::Ok:
        return QCoreApplication::translate("SecretResult", "The secret is stored in the keychain.");
    case Status::NotFound:
        return QCoreApplication::translate("SecretResult",
                                           "No secret is stored for this item yet.");
    case Status::NoKeychain:
        return QCoreApplication::translate(
            "SecretResult",
            "No keychain is available (Secret Service, Keychain or Credential Manager). "
            "Start or install one, for example gnome-keyring or KWallet; Outflow never saves "
            "secrets anywhere else.");
    case Status::AccessDenied:
        return QCoreApplication::translate(
            "SecretResult", "The keychain is locked or refused access. Unlock it and try again.");
    case Status::Failed:
        break;
    }
    return QCoreApplication::translate("SecretResult", "The keychain reported an error: %1")
        .arg(detail);
}

QString SecretResult::statusId() const
{
    switch (status) {
    case Status::Ok:
        return QStringLiteral("ok");
    case Status::NotFound:
        return QStringLiteral("not-found");
    case Status::NoKeychain:
        return QStringLiteral("no-keychain");
    case Status::AccessDenied:
        return QStringLiteral("access-denied");
    case Status::Failed:
        break;
    }
    return QStringLiteral("failed");
}

} // namespace outflow
