#include "activation/activationservice.h"
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

// The activation log of one profile for one destination, newest first.
int printWhy(Context &context, Store &store, const Profile &profile, const QString &destinationName)
{
    ActivationService service(store);
    const std::optional<Destination> destination = service.findDestination(destinationName);
    if (!destination) {
        context.err << Text::tr("profiles: %1").arg(service.lastError()) << '\n';
        return service.lastErrorKind() == ActivationService::ErrorKind::Input ? ExitUsage
                                                                              : ExitFailure;
    }
    const std::optional<Dataflow> dataflow = store.dataflowOfDestination(destination->id);
    const QList<ActivationRecord> records =
        dataflow ? store.activations(dataflow->id, profile.id, 1000) : QList<ActivationRecord>();
    if (!store.lastError().isEmpty()) {
        context.err << Text::tr("profiles: %1").arg(store.lastError()) << '\n';
        return ExitFailure;
    }
    QJsonArray history;
    for (const ActivationRecord &record : records) {
        QJsonObject entry{
            {QStringLiteral("time"),
             QDateTime::fromMSecsSinceEpoch(record.createdAt, Qt::UTC).toString(Qt::ISODateWithMs)},
            {QStringLiteral("outcome"), record.outcome == ActivationOutcome::Exported
                                            ? QStringLiteral("exported")
                                            : QStringLiteral("excluded")},
            {QStringLiteral("reason"), QJsonDocument::fromJson(record.reason).object()}};
        if (!record.exportId.isEmpty())
            entry.insert(QStringLiteral("exportId"), record.exportId);
        history.append(entry);
    }
    if (context.json) {
        context.out << QJsonDocument(history).toJson(QJsonDocument::Compact) << '\n';
        return ExitSuccess;
    }
    if (history.isEmpty()) {
        context.out << Text::tr("Profile %1 has no export decision for “%2”: none of its mapped "
                                "audiences, attributes or identities changed since the "
                                "destination was activated.")
                           .arg(profile.id)
                           .arg(destination->name)
                    << '\n';
        return ExitSuccess;
    }
    for (const QJsonValue &value : std::as_const(history)) {
        const QJsonObject entry = value.toObject();
        context.out << entry.value(QLatin1String("time")).toString() << '\t'
                    << entry.value(QLatin1String("outcome")).toString() << '\t'
                    << QJsonDocument(entry.value(QLatin1String("reason")).toObject())
                           .toJson(QJsonDocument::Compact)
                    << '\n';
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
        Text::tr("With --identity: why the profile was (or was not) sent to DESTINATION."),
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
        return printWhy(context, store, *profile, parser.value(whyOption));
    QJsonObject document = profile->toXdm();
    document.insert(QStringLiteral("profileId"), profile->id);
    context.out << QJsonDocument(document).toJson(context.json ? QJsonDocument::Compact
                                                               : QJsonDocument::Indented);
    if (context.json)
        context.out << '\n';
    return ExitSuccess;
}

} // namespace outflow::cli
