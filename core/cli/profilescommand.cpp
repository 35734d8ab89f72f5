#include "activation/activationservice.h"
#include "activation/profilelineage.h"
#include "app/paths.h"
#include "cli.h"
#include "command.h"
#include "store/sqlitestore.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace outflow::cli {

namespace {

// The activation log of one profile for one destination, newest first: each
// decision (exported, excluded, suppressed by a switched-off trigger) with
// what became of its export (ProfileLineage, as the Profiles page shows it).
int printWhy(Context &context, Store &store, const Profile &profile, const Identity &identity,
             const QString &destinationName)
{
    ActivationService service(store);
    const std::optional<Destination> destination = service.findDestination(destinationName);
    if (!destination) {
        context.err << Text::tr("profiles: %1").arg(service.lastError()) << '\n';
        return service.lastErrorKind() == ActivationService::ErrorKind::Input ? ExitUsage
                                                                              : ExitFailure;
    }
    ProfileLineage::Scope scope;
    scope.destinationId = destination->id;
    scope.decisionsPerDestination = 1000;
    QString error;
    const std::optional<ProfileLineage> lineage =
        ProfileLineage::read(store, identity, scope, &error);
    if (!lineage) {
        context.err << Text::tr("profiles: %1").arg(error) << '\n';
        return ExitFailure;
    }
    const QList<ProfileLineage::Decision> decisions =
        lineage->destinations.isEmpty() ? QList<ProfileLineage::Decision>()
                                        : lineage->destinations.constFirst().decisions;
    QJsonArray history;
    for (const ProfileLineage::Decision &decision : decisions) {
        QJsonObject entry{{QStringLiteral("time"), lineageTime(decision.time)},
                          {QStringLiteral("outcome"), activationOutcomeName(decision.kind)},
                          {QStringLiteral("reason"), decision.reason}};
        if (!decision.exportId.isEmpty())
            entry.insert(QStringLiteral("exportId"), decision.exportId);
        if (decision.profileId != profile.id) // made before a merge into this profile
            entry.insert(QStringLiteral("profileId"), decision.profileId);
        if (decision.fate != ExportFate::None) {
            QJsonObject delivery{{QStringLiteral("status"), exportFateName(decision.fate)},
                                 {QStringLiteral("attempts"), decision.attempts},
                                 {QStringLiteral("replayed"), decision.replayed}};
            if (decision.fateAt > 0)
                delivery.insert(QStringLiteral("at"), lineageTime(decision.fateAt));
            if (decision.httpStatus > 0)
                delivery.insert(QStringLiteral("httpStatus"), decision.httpStatus);
            if (!decision.error.isEmpty())
                delivery.insert(QStringLiteral("error"), decision.error);
            entry.insert(QStringLiteral("delivery"), delivery);
        }
        history.append(entry);
    }
    if (context.json) {
        context.out << QJsonDocument(history).toJson(QJsonDocument::Compact) << '\n';
        return ExitSuccess;
    }
    if (decisions.isEmpty()) {
        context.out << Text::tr("Profile %1 has no export decision for “%2”: none of its mapped "
                                "audiences, attributes or identities changed since the "
                                "destination was activated.")
                           .arg(profile.id)
                           .arg(destination->name)
                    << '\n';
        return ExitSuccess;
    }
    // time, decision, reason (compact JSON), then for an export its id and
    // what became of it.
    for (const ProfileLineage::Decision &decision : decisions) {
        context.out << lineageTime(decision.time) << '\t' << activationOutcomeName(decision.kind)
                    << '\t' << QJsonDocument(decision.reason).toJson(QJsonDocument::Compact);
        if (!decision.exportId.isEmpty())
            context.out << '\t' << decision.exportId << '\t' << decision.fateText();
        context.out << '\n';
    }
    return ExitSuccess;
}

} // namespace

// `outflowctl profiles [--count] [--identity NS:ID [--why DESTINATION]]`:
// looks profiles up.
int profilesCommand(Context &context)
{
    QCommandLineParser parser;
    const QCommandLineOption countOption(QStringLiteral("count"),
                                         Text::tr("Print how many profiles are stored."));
    const QCommandLineOption identityOption(QStringLiteral("identity"),
                                            Text::tr("Print the profile owning this identity."),
                                            QStringLiteral("NS:ID"));
    const QCommandLineOption whyOption(
        QStringLiteral("why"),
        Text::tr("With --identity: why the profile was (or was not) sent to DESTINATION, and "
                 "what became of each export."),
        QStringLiteral("DESTINATION"));
    parser.addOptions({countOption, identityOption, whyOption});
    if (const std::optional<int> exitCode =
            parseCommandOptions(parser, context, QStringLiteral("profiles"), false))
        return *exitCode;
    if (parser.isSet(whyOption) && !parser.isSet(identityOption)) {
        context.err << Text::tr("profiles: --why needs --identity NS:ID.") << '\n';
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
    if (parser.isSet(whyOption))
        return printWhy(context, store, *profile, identity, parser.value(whyOption));
    QJsonObject document = profile->toXdm();
    document.insert(QStringLiteral("profileId"), profile->id);
    context.out << QJsonDocument(document).toJson(context.json ? QJsonDocument::Compact
                                                               : QJsonDocument::Indented);
    if (context.json)
        context.out << '\n';
    return ExitSuccess;
}

} // namespace outflow::cli
