#include "cli.h"
#include "command.h"
#include "secrets/secretstore.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace outflow::cli {

// `outflowctl keychain [check]`: reads a key that is never written. "Not
// found" proves that a keychain answered; anything else is the typed error
// the administrator must fix before any secret can be saved.
int keychainCommand(Context &context)
{
    const QStringList args = context.arguments.mid(1);
    if (args.size() > 1 || (args.size() == 1 && args.first() != QLatin1String("check"))) {
        context.err << QCoreApplication::translate("outflowctl",
                                                   "keychain: unexpected argument '%1' (use: "
                                                   "keychain check).")
                           .arg(args.value(args.size() - 1))
                    << '\n';
        return ExitUsage;
    }
    auto *store = new SecretStore(QCoreApplication::instance());
    SecretRequest *request = store->read(QStringLiteral("outflowctl/keychain-probe"));
    QObject::connect(
        request, &SecretRequest::finished, store, [&context, store](const SecretResult &result) {
            const bool available = !result.isError();
            if (context.json) {
                const QJsonObject object{
                    {QStringLiteral("available"), available},
                    {QStringLiteral("status"), result.statusId()},
                    {QStringLiteral("service"), store->service()},
                    {QStringLiteral("message"), available ? QString() : result.message()}};
                context.out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
            } else if (available) {
                context.out << QCoreApplication::translate("outflowctl",
                                                           "The keychain answers (service %1).")
                                   .arg(store->service())
                            << '\n';
            } else {
                context.err << result.message() << '\n';
                if (!result.detail.isEmpty())
                    context.err << "  " << result.detail << '\n';
            }
            context.out.flush();
            context.err.flush();
            QCoreApplication::exit(available ? ExitSuccess : ExitFailure);
        });
    return RunEventLoop;
}

} // namespace outflow::cli
