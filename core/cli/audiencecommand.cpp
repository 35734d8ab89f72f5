// `outflowctl audience add|import|list|show|rename|edit|remove` (DESIGN §5).
#include "app/paths.h"
#include "audiencecommand_p.h"
#include "cli.h"
#include "command.h"
#include "engine/pipeline.h"
#include "segmentation/audienceservice.h"
#include "store/sqlitestore.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace outflow::cli {

namespace {

int addCommand(Context &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption nameOption(QStringLiteral("name"), Text::tr("Audience name."),
                                        QStringLiteral("N"));
    const QCommandLineOption ruleOption(QStringLiteral("rule"),
                                        Text::tr("Rule expression, e.g. 'loyalty.points > 100'."),
                                        QStringLiteral("EXPR"));
    const QCommandLineOption policyOption(QStringLiteral("merge-policy"),
                                          Text::tr("Merge policy id (default: default)."),
                                          QStringLiteral("P"), QStringLiteral("default"));
    const QCommandLineOption descriptionOption(QStringLiteral("description"),
                                               Text::tr("Description."), QStringLiteral("D"));
    parser.addOptions({nameOption, ruleOption, policyOption, descriptionOption});
    Context sub{arguments, context.json, context.storePath, context.out, context.err};
    if (const std::optional<int> exitCode =
            parseCommandOptions(parser, sub, QStringLiteral("audience add"), false))
        return *exitCode;
    if (!parser.isSet(nameOption) || !parser.isSet(ruleOption)) {
        context.err << Text::tr("audience add: give --name N and --rule EXPR.") << '\n';
        return ExitUsage;
    }
    AudienceStore store(context, QStringLiteral("audience add"));
    if (!store.open())
        return ExitFailure;
    AudienceService service(store.store);
    if (!store.attachPipeline(service))
        return ExitFailure;
    const std::optional<Audience> audience =
        service.create(parser.value(nameOption), parser.value(ruleOption),
                       parser.value(descriptionOption), parser.value(policyOption));
    if (!audience)
        return reportFailure(context, QStringLiteral("audience add"), service);
    const MembershipCounts counts = store.store.membershipCounts(audience->id);
    if (context.json) {
        context.out << QJsonDocument(audienceJson(*audience, counts)).toJson(QJsonDocument::Compact)
                    << '\n';
    } else {
        context.out << Text::tr("Audience “%1” created (id %2): %n profile(s) realized.", nullptr,
                                int(counts.realized))
                           .arg(audience->name, audience->id)
                    << '\n';
    }
    return ExitSuccess;
}

int listCommand(Context &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    Context sub{arguments, context.json, context.storePath, context.out, context.err};
    if (const std::optional<int> exitCode =
            parseCommandOptions(parser, sub, QStringLiteral("audience list"), false))
        return *exitCode;
    AudienceStore store(context, QStringLiteral("audience list"));
    if (!store.open())
        return ExitFailure;
    const QList<Audience> audiences = store.store.audiences();
    const QHash<QString, MembershipCounts> counts = store.store.allMembershipCounts();
    if (!store.store.lastError().isEmpty()) {
        context.err << Text::tr("audience list: %1").arg(store.store.lastError()) << '\n';
        return ExitFailure;
    }
    if (context.json) {
        QJsonArray list;
        for (const Audience &audience : audiences)
            list.append(audienceJson(audience, counts.value(audience.id)));
        context.out << QJsonDocument(list).toJson(QJsonDocument::Compact) << '\n';
        return ExitSuccess;
    }
    if (audiences.isEmpty()) {
        context.out << Text::tr("No audience yet: add one with 'outflowctl audience add'.") << '\n';
        return ExitSuccess;
    }
    context.out << Text::tr("ID\tNAME\tORIGIN\tMERGE POLICY\tREALIZED") << '\n';
    for (const Audience &audience : audiences) {
        context.out << audience.id << '\t' << audience.name << '\t'
                    << audienceOriginName(audience.origin) << '\t' << audience.mergePolicyId << '\t'
                    << counts.value(audience.id).realized << '\n';
    }
    return ExitSuccess;
}

int showCommand(Context &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("audience"), Text::tr("Audience id or name."));
    Context sub{arguments, context.json, context.storePath, context.out, context.err};
    if (const std::optional<int> exitCode =
            parseCommandOptions(parser, sub, QStringLiteral("audience show"), true))
        return *exitCode;
    if (parser.positionalArguments().size() != 1) {
        context.err << Text::tr("audience show: give exactly one audience id or name.") << '\n';
        return ExitUsage;
    }
    AudienceStore store(context, QStringLiteral("audience show"));
    if (!store.open())
        return ExitFailure;
    AudienceService service(store.store);
    const std::optional<Audience> audience = service.find(parser.positionalArguments().first());
    if (!audience)
        return reportFailure(context, QStringLiteral("audience show"), service);
    const MembershipCounts counts = store.store.membershipCounts(audience->id);
    if (context.json) {
        QJsonObject object = audienceJson(*audience, counts);
        object.insert(QStringLiteral("description"), audience->description);
        object.insert(QStringLiteral("rule"), audience->rule);
        object.insert(QStringLiteral("exited"), counts.exited);
        context.out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
        return ExitSuccess;
    }
    const auto time = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
    };
    context.out << Text::tr("Name: %1").arg(audience->name) << '\n'
                << Text::tr("Id: %1").arg(audience->id) << '\n'
                << Text::tr("Origin: %1").arg(audienceOriginName(audience->origin)) << '\n'
                << Text::tr("Description: %1").arg(audience->description) << '\n'
                << Text::tr("Merge policy: %1").arg(audience->mergePolicyId) << '\n';
    if (audience->isRuleAudience())
        context.out << Text::tr("Rule: %1").arg(audience->rule) << '\n';
    context.out << Text::tr("Realized: %1").arg(counts.realized) << '\n'
                << Text::tr("Exited: %1").arg(counts.exited) << '\n'
                << Text::tr("Created: %1").arg(time(audience->createdAt)) << '\n'
                << Text::tr("Updated: %1").arg(time(audience->updatedAt)) << '\n';
    return ExitSuccess;
}

} // namespace

AudienceStore::AudienceStore(Context &context, QString command)
    : store(paths::resolveStorePath(context.storePath))
    , m_context(context)
    , m_command(std::move(command))
{}

AudienceStore::~AudienceStore()
{
    pipeline.reset(); // before the store it refers to
}

bool AudienceStore::open()
{
    if (store.open())
        return true;
    m_context.err << m_command << ": " << store.lastError() << '\n';
    return false;
}

bool AudienceStore::attachPipeline(AudienceService &service,
                                   std::function<void(const MembershipTransition &)> observer)
{
    pipeline = std::make_unique<Pipeline>(store);
    const bool loaded = pipeline->reload();
    // Also when it loaded: a stored rule that no longer parses is named.
    if (!pipeline->lastError().isEmpty())
        m_context.err << m_command << ": " << pipeline->lastError() << '\n';
    if (!loaded)
        return false;
    pipeline->attach(service, std::move(observer));
    return true;
}

QJsonObject audienceJson(const Audience &audience, const MembershipCounts &counts)
{
    return QJsonObject{{QStringLiteral("id"), audience.id},
                       {QStringLiteral("name"), audience.name},
                       {QStringLiteral("origin"), audienceOriginName(audience.origin)},
                       {QStringLiteral("mergePolicyId"), audience.mergePolicyId},
                       {QStringLiteral("realized"), counts.realized},
                       {QStringLiteral("createdAt"), audience.createdAt},
                       {QStringLiteral("updatedAt"), audience.updatedAt}};
}

int reportFailure(Context &context, const QString &command, const AudienceService &service)
{
    context.err << command << ": " << service.lastError() << '\n';
    return service.lastErrorKind() == AudienceService::ErrorKind::Input ? ExitUsage : ExitFailure;
}

int audienceCommand(Context &context)
{
    const QStringList &args = context.arguments;
    const QString action = args.size() > 1 ? args.at(1) : QString();
    QStringList rest = args.mid(2);
    rest.prepend(QStringLiteral("outflowctl audience %1").arg(action));
    if (action == QLatin1String("add"))
        return addCommand(context, rest);
    if (action == QLatin1String("import"))
        return importCommand(context, rest);
    if (action == QLatin1String("list"))
        return listCommand(context, rest);
    if (action == QLatin1String("show"))
        return showCommand(context, rest);
    if (action == QLatin1String("rename"))
        return renameCommand(context, rest);
    if (action == QLatin1String("edit"))
        return editCommand(context, rest);
    if (action == QLatin1String("remove"))
        return removeCommand(context, rest);
    if (action == QLatin1String("preview"))
        return previewCommand(context, rest);
    if (action == QLatin1String("--help") || action == QLatin1String("-h")) {
        context.out << Text::tr("Usage: outflowctl audience ACTION [options]\n"
                                "  add --name N --rule EXPR [--merge-policy P] [--description D]\n"
                                "  import --name N --identity-column C --namespace NS FILE.csv\n"
                                "  list\n"
                                "  show ID|NAME\n"
                                "  rename ID|NAME --name NEW\n"
                                "  edit ID|NAME [--rule EXPR] [--description D]\n"
                                "  remove ID|NAME\n"
                                "  preview RULE [--samples N]\n"
                                "Each action takes --help for its options.")
                    << '\n';
        return ExitSuccess;
    }
    if (action.isEmpty())
        context.err << Text::tr("audience: give one of add, import, list, show, rename, edit, "
                                "remove, preview.")
                    << '\n';
    else
        context.err << Text::tr("audience: unknown action '%1'; give one of add, import, list, "
                                "show, rename, edit, remove, preview.")
                           .arg(action)
                    << '\n';
    return ExitUsage;
}

} // namespace outflow::cli
