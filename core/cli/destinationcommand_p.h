#pragma once

// Shared by the `outflowctl destination` subcommands (destinationcommand.cpp,
// destinationsavecommand.cpp, destinationsecretcommand.cpp).
#include "app/paths.h"
#include "command.h"
#include "delivery/certificateinfo.h"
#include "model/destination.h"
#include "store/sqlitestore.h"

#include <optional>
#include <QJsonObject>

namespace outflow::cli {

// {"id", "name", "endpoint", "enabled", "auth"}: DESIGN §5, no secret.
QJsonObject destinationJson(const Destination &destination);

// A certificate for `destination show` and `destination test`: JSON
// {"subject", "commonName", "subjectAltNames", "issuer", "notBefore",
// "notAfter", "daysLeft", "expired", "sha256"}, and indented text lines.
QJsonObject certificateJson(const CertificateInfo &info);
QString certificateText(const CertificateInfo &info);

// The store of `--store`, its errors printed as "<command>: …".
struct DestinationStore
{
    DestinationStore(Context &context, QString command)
        : store(paths::resolveStorePath(context.storePath))
        , context(context)
        , command(std::move(command))
    {}

    bool open()
    {
        if (store.open())
            return true;
        failed();
        return false;
    }
    // Prints the store's error; returns the exit code of a store failure.
    int failed()
    {
        context.err << command << ": " << store.lastError() << '\n';
        return ExitFailure;
    }
    // By id, else by name; prints why when there is none.
    std::optional<Destination> find(const QString &idOrName)
    {
        std::optional<Destination> found = store.destination(idOrName);
        if (!found && store.lastError().isEmpty())
            found = store.destinationByName(idOrName);
        if (!found && store.lastError().isEmpty())
            context.err
                << command << ": "
                << Text::tr("there is no destination with the id or name “%1”.").arg(idOrName)
                << '\n';
        else if (!found)
            failed();
        return found;
    }

    SqliteStore store;
    Context &context;
    QString command;
};

int addDestination(Context &context, const QStringList &arguments);
int showDestination(Context &context, const Destination &destination);
int editDestination(Context &context, const QStringList &arguments);
int setDestinationSecret(Context &context, const QStringList &arguments);

} // namespace outflow::cli
