#include "app/paths.h"
#include "cli.h"
#include "command.h"
#include "store/sqlitestore.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

namespace outflow::cli {

// `outflowctl profiles [--count] [--identity NS:ID]`: looks profiles up.
int profilesCommand(Context &context)
{
    QCommandLineParser parser;
    const QCommandLineOption countOption(QStringLiteral("count"),
                                         Text::tr("Print how many profiles are stored."));
    const QCommandLineOption identityOption(QStringLiteral("identity"),
                                            Text::tr("Print the profile owning this identity."),
                                            QStringLiteral("NS:ID"));
    const QCommandLineOption whyOption(QStringLiteral("why"),
                                       Text::tr("Export history with reasons (not available yet)."),
                                       QStringLiteral("DESTINATION"));
    parser.addOptions({countOption, identityOption, whyOption});
    if (!parseCommandOptions(parser, context, QStringLiteral("profiles"), false))
        return ExitUsage;
    if (parser.isSet(whyOption)) {
        context.err << Text::tr("profiles: --why is not available yet in this version.") << '\n';
        return ExitUsage;
    }
    if (!parser.isSet(countOption) && !parser.isSet(identityOption)) {
        context.err << Text::tr("profiles: give --count or --identity NS:ID.") << '\n';
        return ExitUsage;
    }
    Identity identity;
    if (parser.isSet(identityOption)) {
        const QString value = parser.value(identityOption);
        const qsizetype colon = value.indexOf(QLatin1Char(':'));
        if (colon <= 0 || colon == value.size() - 1) {
            context.err
                << Text::tr(
                       "profiles: --identity must be NAMESPACE:ID, e.g. email:ana@example.com, "
                       "not '%1'.")
                       .arg(value)
                << '\n';
            return ExitUsage;
        }
        identity.ns = value.left(colon);
        identity.id = value.mid(colon + 1);
    }

    SqliteStore store(paths::resolveStorePath(context.storePath));
    if (!store.open()) {
        context.err << Text::tr("profiles: %1").arg(store.lastError()) << '\n';
        return ExitFailure;
    }
    if (parser.isSet(countOption)) {
        const qint64 count = store.profileCount();
        if (context.json)
            context.out << QJsonDocument(QJsonObject{{QStringLiteral("count"), count}})
                               .toJson(QJsonDocument::Compact)
                        << '\n';
        else
            context.out << count << '\n';
        return ExitSuccess;
    }
    const std::optional<qint64> id = store.owner(identity);
    const std::optional<Profile> profile = id ? store.profile(*id) : std::nullopt;
    if (!profile) {
        context.err << Text::tr("profiles: no profile has the identity %1:%2.")
                           .arg(identity.ns, identity.id)
                    << '\n';
        return ExitFailure;
    }
    QJsonObject document = profile->toXdm();
    document.insert(QStringLiteral("profileId"), profile->id);
    context.out << QJsonDocument(document).toJson(context.json ? QJsonDocument::Compact
                                                               : QJsonDocument::Indented);
    if (context.json)
        context.out << '\n';
    return ExitSuccess;
}

} // namespace outflow::cli
