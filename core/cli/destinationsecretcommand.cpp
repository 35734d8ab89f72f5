// `outflowctl destination set-secret N KIND`: replaces (rotates) one secret
// of a destination without recreating it (DESIGN §6). The value comes from
// its OUTFLOW_* variable or a no-echo prompt, never argv. The keychain entry
// is written first, then the destination's updatedAt is bumped in the store:
// a running engine's sender sync sees the destination changed and restarts
// its sender with the secrets read afresh, from its next request on.
#include "cli.h"
#include "delivery/destinationsaver.h"
#include "delivery/destinationsecrets.h"
#include "delivery/tlsconfig.h"
#include "destinationcommand_p.h"
#include "destinationoptions_p.h"
#include "secrets/secretstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QUrl>

namespace outflow::cli {

namespace {

using Ref = DestinationSecrets::Ref;

// The destination's own spelling of `wanted` (header names are
// case-insensitive), or nullopt when it does not use that secret.
std::optional<Ref> usedSecret(const Destination &destination, const Ref &wanted)
{
    for (const Ref &ref : DestinationSecrets::refsOf(destination)) {
        const bool same = ref.type == wanted.type &&
                          (ref.type == Ref::Type::Auth ? ref.kind == wanted.kind
                           : ref.type == Ref::Type::Header
                               ? ref.name.compare(wanted.name, Qt::CaseInsensitive) == 0
                               : ref.name == wanted.name);
        if (same)
            return ref;
    }
    return std::nullopt;
}

} // namespace

int setDestinationSecret(Context &context, const QStringList &arguments)
{
    const QString command = QStringLiteral("destination set-secret");
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("destination"), Text::tr("Id or name."));
    parser.addPositionalArgument(QStringLiteral("kind"),
                                 Text::tr("bearer-token, client-secret, password, "
                                          "key-passphrase, header:NAME or query:NAME."));
    Context sub{arguments, context.json, context.storePath, context.out, context.err};
    if (const std::optional<int> exitCode = parseCommandOptions(parser, sub, command, true))
        return *exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        context.err << command << ": " << Text::tr("give a destination and the kind of secret.")
                    << '\n';
        return ExitUsage;
    }
    const std::optional<Ref> wanted = Ref::fromLabel(positional.at(1));
    if (!wanted) {
        context.err << command << ": "
                    << Text::tr("unknown kind “%1”: use bearer-token, client-secret, password, "
                                "key-passphrase, header:NAME or query:NAME.")
                           .arg(positional.at(1))
                    << '\n';
        return ExitUsage;
    }
    DestinationStore store(context, command);
    if (!store.open())
        return ExitFailure;
    std::optional<Destination> destination = store.find(positional.at(0));
    if (!destination)
        return store.store.lastError().isEmpty() ? ExitUsage : ExitFailure;
    const std::optional<Ref> ref = usedSecret(*destination, *wanted);
    if (!ref) {
        context.err << command << ": "
                    << Text::tr("“%1” has no %2: change its settings with 'outflowctl "
                                "destination edit' (--auth, --secret-header, --secret-query).")
                           .arg(destination->name, wanted->label())
                    << '\n';
        return ExitUsage;
    }
    QString value = readSecretFor(*ref);
    if (value.isEmpty()) {
        context.err << Text::tr("%1: the %2 is required: set %3, or run on a terminal to be "
                                "asked for it.")
                           .arg(command, ref->label(), ref->environmentVariable())
                    << '\n';
        return ExitUsage;
    }
    if (ref->type == Ref::Type::Query) // sent as written in the query
        value = QString::fromLatin1(QUrl::toPercentEncoding(value));
    // A wrong passphrase is named now, not at the first export.
    if (*ref == Ref::auth(DestinationSecrets::Kind::KeyPassphrase)) {
        const TlsConfig tls =
            TlsConfig::load(TlsSettings::fromDestination(*destination, value.toUtf8()));
        if (!tls.isValid()) {
            context.err << command << ": " << tls.errorString() << '\n';
            return ExitUsage;
        }
    }
    destination->updatedAt =
        std::max(QDateTime::currentMSecsSinceEpoch(), destination->updatedAt + 1);
    store.store.close();

    auto *keychain = new SecretStore(QCoreApplication::instance());
    const auto writer = [&context, command](const Destination &saved,
                                            const std::function<void(const QString &)> &done) {
        DestinationStore again(context, command);
        if (!again.store.open())
            return done(again.store.lastError());
        done(again.store.updateDestination(saved) ? QString() : again.store.lastError());
    };
    auto *saver = new DestinationSaver(
        *keychain, *destination, {{ref->keychainKey(destination->id), value}}, writer, keychain);
    QObject::connect(saver, &DestinationSaver::finished, keychain,
                     [&context, command, name = destination->name, label = ref->label()](
                         bool ok, DestinationSaver::Failure, const QString &error) {
                         if (ok)
                             context.out << Text::tr("Secret %1 of “%2” replaced; a running "
                                                     "engine uses it from its next sync.")
                                                .arg(label, name)
                                         << '\n';
                         else
                             context.err << command << ": " << error << '\n';
                         context.out.flush();
                         context.err.flush();
                         QCoreApplication::exit(ok ? ExitSuccess : ExitFailure);
                     });
    QMetaObject::invokeMethod(saver, &DestinationSaver::start, Qt::QueuedConnection);
    return RunEventLoop;
}

} // namespace outflow::cli
