// `outflowctl destination add` and `destination edit`: the options of DESIGN
// §5 (destinationoptions.cpp), validated before anything is written; secrets
// go to the keychain first, the destination row only once they are all saved
// (no half-configured destination). An edit keeps the destination's id, hence
// its dataflow and queued exports.
#include "cli.h"
#include "delivery/destinationconfig.h"
#include "delivery/destinationsaver.h"
#include "delivery/destinationsecrets.h"
#include "delivery/tlsconfig.h"
#include "destinationcommand_p.h"
#include "destinationoptions_p.h"
#include "secrets/secretstore.h"

#include <memory>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QUuid>

namespace outflow::cli {

namespace {

enum class Mode : quint8 { Add, Edit };

// The TLS files are read now: a wrong path or passphrase is named here, not
// at the first export.
bool checkTls(Context &context, const QString &command, const Destination &destination,
              const QString &passphrase)
{
    if (destination.clientCertPath.isEmpty() && destination.caCertPath.isEmpty())
        return true;
    const TlsConfig tls =
        TlsConfig::load(TlsSettings::fromDestination(destination, passphrase.toUtf8()));
    if (!tls.isValid()) {
        context.err << command << ": " << tls.errorString() << '\n';
        return false;
    }
    for (const QString &warning : tls.warnings())
        context.err << command << ": " << warning << '\n';
    return true;
}

// Removes keychain entries the edited destination no longer uses (a secret
// header made plain or removed, an authentication dropped); a refusal is
// reported, the edit stands.
void removeStale(Context &context, SecretStore *keychain, const QStringList &stale)
{
    auto pending = std::make_shared<qsizetype>(stale.size());
    if (stale.isEmpty())
        return QCoreApplication::exit(ExitSuccess);
    for (const QString &key : stale) {
        QObject::connect(keychain->remove(key), &SecretRequest::finished, keychain,
                         [&context, pending](const SecretResult &result) {
                             if (result.isError())
                                 context.err << Text::tr("destination edit: an unused secret stays "
                                                         "in the keychain: %1")
                                                    .arg(result.message())
                                             << '\n';
                             if (--*pending == 0) {
                                 context.err.flush();
                                 QCoreApplication::exit(ExitSuccess);
                             }
                         });
    }
}

// Writes the secrets, then the destination (DestinationSaver, shared with
// the app); either failing leaves nothing behind.
int save(Context &context, const QString &command, Mode mode, const Destination &destination,
         const DestinationSecrets &toWrite, const QStringList &stale)
{
    auto *keychain = new SecretStore(QCoreApplication::instance());
    const auto writer = [&context, command,
                         mode](const Destination &saved,
                               const std::function<void(const QString &)> &done) {
        DestinationStore store(context, command);
        if (!store.store.open())
            return done(store.store.lastError());
        const bool ok = mode == Mode::Add ? store.store.insertDestination(saved)
                                          : store.store.updateDestination(saved);
        done(ok ? QString() : store.store.lastError());
    };
    auto *saver = new DestinationSaver(*keychain, destination, toWrite, writer, keychain);
    QObject::connect(
        saver, &DestinationSaver::finished, keychain,
        [&context, command, mode, destination, keychain,
         stale](bool ok, DestinationSaver::Failure failure, const QString &error) {
            if (!ok) {
                context.err << (failure == DestinationSaver::Failure::Keychain
                                    ? Text::tr("%1: the keychain refused the secret: %2")
                                          .arg(command, error)
                                    : command + QStringLiteral(": ") + error)
                            << '\n';
                context.err.flush();
                QCoreApplication::exit(ExitFailure);
                return;
            }
            if (context.json)
                context.out
                    << QJsonDocument(destinationJson(destination)).toJson(QJsonDocument::Compact)
                    << '\n';
            else if (mode == Mode::Add)
                context.out << Text::tr("Destination “%1” added (id %2).")
                                   .arg(destination.name, destination.id)
                            << '\n';
            else
                context.out << Text::tr("Destination “%1” saved; its dataflow and queued exports "
                                        "are kept.")
                                   .arg(destination.name)
                            << '\n';
            context.out.flush();
            removeStale(context, keychain, stale);
        });
    // Queued: exit() only takes effect once the event loop runs, also when
    // there is no secret to save.
    QMetaObject::invokeMethod(saver, &DestinationSaver::start, Qt::QueuedConnection);
    return RunEventLoop;
}

int addOrEdit(Context &context, const QStringList &arguments, Mode mode)
{
    const QString command =
        mode == Mode::Add ? QStringLiteral("destination add") : QStringLiteral("destination edit");
    QCommandLineParser parser;
    const DestinationOptions options;
    parser.addOptions(options.all());
    if (mode == Mode::Edit)
        parser.addPositionalArgument(QStringLiteral("destination"), Text::tr("Id or name."));
    Context sub{arguments, context.json, context.storePath, context.out, context.err};
    if (const std::optional<int> exitCode =
            parseCommandOptions(parser, sub, command, mode == Mode::Edit))
        return *exitCode;

    Destination destination;
    std::optional<Destination> before;
    if (mode == Mode::Add) {
        if (!parser.isSet(options.name) || !parser.isSet(options.endpoint) ||
            parser.value(options.name).trimmed().isEmpty()) {
            context.err << Text::tr("destination add: give --name N and --endpoint URL.") << '\n';
            return ExitUsage;
        }
        destination.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        destination.createdAt = QDateTime::currentMSecsSinceEpoch();
    } else {
        if (parser.positionalArguments().size() != 1) {
            context.err << command << ": " << Text::tr("give exactly one destination id or name.")
                        << '\n';
            return ExitUsage;
        }
        DestinationStore store(context, command);
        if (!store.open())
            return ExitFailure;
        before = store.find(parser.positionalArguments().constFirst());
        if (!before)
            return store.store.lastError().isEmpty() ? ExitUsage : ExitFailure;
        destination = *before;
    }
    QString problem;
    if (!applyDestinationOptions(parser, options, destination, &problem)) {
        context.err << command << ": " << problem << '\n';
        return ExitUsage;
    }
    destination.updatedAt =
        std::max(QDateTime::currentMSecsSinceEpoch(), before ? before->updatedAt + 1 : qint64(0));

    // Secrets never come from argv: the environment or a no-echo prompt; on
    // an edit, the keychain's for those not given again.
    DestinationSecrets toWrite = DestinationSecrets::extractInlineSecrets(destination);
    DestinationSecrets secrets;
    std::unique_ptr<SecretStore> keychain;
    if (mode == Mode::Edit)
        keychain = std::make_unique<SecretStore>();
    if (!collectAuthSecrets(command, destination, keychain.get(), &secrets, &toWrite, &problem)) {
        context.err << problem << '\n';
        return ExitUsage;
    }
    if (!checkTls(context, command, destination, secrets.keyPassphrase))
        return ExitUsage;
    if (mode == Mode::Add) {
        DestinationStore store(context, command);
        if (!store.open())
            return ExitFailure;
        if (store.store.destinationByName(destination.name)) {
            context.err
                << command << ": "
                << Text::tr("a destination named “%1” already exists.").arg(destination.name)
                << '\n';
            return ExitUsage;
        }
    }
    QStringList stale;
    if (before) {
        const QStringList used = DestinationSecrets::keychainKeys(destination);
        for (const QString &key : DestinationSecrets::keychainKeys(*before)) {
            if (!used.contains(key))
                stale << key;
        }
    }
    return save(context, command, mode, destination, toWrite, stale);
}

} // namespace

int addDestination(Context &context, const QStringList &arguments)
{
    return addOrEdit(context, arguments, Mode::Add);
}

int editDestination(Context &context, const QStringList &arguments)
{
    return addOrEdit(context, arguments, Mode::Edit);
}

} // namespace outflow::cli
