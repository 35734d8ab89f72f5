// `outflowctl destination add`: every option of DESIGN §5, validated before
// anything is written; secrets go to the keychain first, the destination row
// only once they are all saved (no half-configured destination).
#include "cli.h"
#include "delivery/destinationconfig.h"
#include "delivery/destinationsaver.h"
#include "delivery/destinationsecrets.h"
#include "delivery/tlsconfig.h"
#include "destinationcommand_p.h"
#include "secretprompt.h"
#include "secrets/secretstore.h"

#include <memory>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QUuid>

namespace outflow::cli {

namespace {

using Kind = DestinationSecrets::Kind;

struct Options
{
    QCommandLineOption name{QStringLiteral("name"), Text::tr("Destination name."),
                            QStringLiteral("N")};
    QCommandLineOption endpoint{QStringLiteral("endpoint"),
                                Text::tr("The URL exports are POSTed to (http or https)."),
                                QStringLiteral("URL")};
    QCommandLineOption description{QStringLiteral("description"), Text::tr("Description."),
                                   QStringLiteral("D")};
    QCommandLineOption headers{QStringLiteral("headers"),
                               Text::tr("Custom headers: \"h1:v1,h2:v2\"."), QStringLiteral("H")};
    QCommandLineOption query{QStringLiteral("query"), Text::tr("Query parameters: \"p1=v&p2=v\"."),
                             QStringLiteral("Q")};
    QCommandLineOption auth{QStringLiteral("auth"),
                            Text::tr("none, bearer, oauth2-client-credentials or oauth2-password."),
                            QStringLiteral("TYPE"), QStringLiteral("none")};
    QCommandLineOption tokenUrl{QStringLiteral("token-url"), Text::tr("OAuth2 token endpoint."),
                                QStringLiteral("URL")};
    QCommandLineOption clientId{QStringLiteral("client-id"), Text::tr("OAuth2 client id."),
                                QStringLiteral("ID")};
    QCommandLineOption credentialsIn{
        QStringLiteral("credentials-in"),
        Text::tr("Where the OAuth2 client credentials go: body or basic."), QStringLiteral("WHERE"),
        QStringLiteral("body")};
    QCommandLineOption username{QStringLiteral("username"),
                                Text::tr("OAuth2 password grant user name."), QStringLiteral("U")};
    QCommandLineOption clientCert{QStringLiteral("client-cert"),
                                  Text::tr("Client certificate for mTLS (PEM or PKCS#12)."),
                                  QStringLiteral("FILE")};
    QCommandLineOption clientKey{QStringLiteral("client-key"),
                                 Text::tr("Private key of the client certificate (PEM)."),
                                 QStringLiteral("FILE")};
    QCommandLineOption caCert{QStringLiteral("ca-cert"),
                              Text::tr("CA bundle the server must chain to (default: system)."),
                              QStringLiteral("FILE")};
    QCommandLineOption names{QStringLiteral("include-segment-names"),
                             Text::tr("Add each mapped audience's name to the exports.")};
    QCommandLineOption timestamps{
        QStringLiteral("include-segment-timestamps"),
        Text::tr("Add each mapped audience's and mapping's times to the exports.")};
    QCommandLineOption http2{QStringLiteral("http2-prior-knowledge"),
                             Text::tr("Speak HTTP/2 without upgrade to a cleartext endpoint.")};
    QCommandLineOption timeout{QStringLiteral("timeout-ms"),
                               Text::tr("Request timeout in milliseconds (default 2000)."),
                               QStringLiteral("MS"), QStringLiteral("2000")};
    QCommandLineOption retries{QStringLiteral("max-retries"),
                               Text::tr("Retries of a failed request (default 2)."),
                               QStringLiteral("N"), QStringLiteral("2")};
    QCommandLineOption alert{QStringLiteral("alert"),
                             Text::tr("Subscribe to an alert kind; repeatable."),
                             QStringLiteral("KIND")};
    QCommandLineOption threshold{
        QStringLiteral("alert-threshold"),
        Text::tr("Override an alert threshold, e.g. delivery-failure-rate=2% or "
                 "delivery-delay=5m; repeatable."),
        QStringLiteral("KEY=VALUE")};

    QList<QCommandLineOption> all() const
    {
        return {name,       endpoint,      description, headers,    query,     auth,     tokenUrl,
                clientId,   credentialsIn, username,    clientCert, clientKey, caCert,   names,
                timestamps, http2,         timeout,     retries,    alert,     threshold};
    }
};

// The destination the options describe; nullopt with *problem naming the
// option and what is wrong.
std::optional<Destination> destinationFrom(const QCommandLineParser &parser, const Options &o,
                                           QString *problem)
{
    Destination d;
    d.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    d.name = parser.value(o.name).trimmed();
    d.description = parser.value(o.description);
    const std::optional<QUrl> endpoint = parseEndpointUrl(parser.value(o.endpoint), problem);
    if (!endpoint)
        return std::nullopt;
    d.endpoint = *endpoint;
    if (parser.isSet(o.headers)) {
        const auto headers = parseHeaders(parser.value(o.headers), problem);
        if (!headers)
            return std::nullopt;
        d.headers = *headers;
    }
    if (parser.isSet(o.query)) {
        const auto query = parseQuery(parser.value(o.query), problem);
        if (!query)
            return std::nullopt;
        d.query = *query;
    }
    const std::optional<AuthType> auth = authTypeFromName(parser.value(o.auth));
    if (!auth) {
        *problem = Text::tr("auth: unknown type '%1' (none, bearer, oauth2-client-credentials, "
                            "oauth2-password).")
                       .arg(parser.value(o.auth));
        return std::nullopt;
    }
    d.auth = *auth;
    if (parser.isSet(o.tokenUrl)) {
        QStringList warnings;
        const auto tokenUrl = parseTokenUrl(parser.value(o.tokenUrl), problem, &warnings);
        if (!tokenUrl)
            return std::nullopt;
        d.tokenUrl = *tokenUrl;
    }
    d.clientId = parser.value(o.clientId);
    const auto placement = credentialsPlacementFromName(parser.value(o.credentialsIn));
    if (!placement) {
        *problem = Text::tr("credentials-in: use body or basic, not '%1'.")
                       .arg(parser.value(o.credentialsIn));
        return std::nullopt;
    }
    d.credentialsIn = *placement;
    d.username = parser.value(o.username);
    d.clientCertPath = parser.value(o.clientCert);
    d.clientKeyPath = parser.value(o.clientKey);
    d.caCertPath = parser.value(o.caCert);
    d.includeSegmentNames = parser.isSet(o.names);
    d.includeSegmentTimestamps = parser.isSet(o.timestamps);
    d.http2PriorKnowledge = parser.isSet(o.http2);
    const auto timeout = parseTimeoutMs(parser.value(o.timeout), problem);
    const auto retries = timeout ? parseMaxRetries(parser.value(o.retries), problem) : std::nullopt;
    if (!timeout || !retries)
        return std::nullopt;
    d.timeoutMs = *timeout;
    d.maxRetries = *retries;
    d.alerts = parser.values(o.alert);
    for (const QString &pair : parser.values(o.threshold)) {
        const qsizetype equals = pair.indexOf(u'=');
        if (equals <= 0) {
            *problem = Text::tr("alert-threshold: write KEY=VALUE, not '%1'.").arg(pair);
            return std::nullopt;
        }
        d.alertThresholds.insert(pair.left(equals).trimmed(), pair.mid(equals + 1).trimmed());
    }
    d.createdAt = d.updatedAt = QDateTime::currentMSecsSinceEpoch();
    if (!validateDestination(d, problem))
        return std::nullopt;
    return d;
}

QString promptFor(Kind kind)
{
    switch (kind) {
    case Kind::BearerToken:
        return Text::tr("Bearer token: ");
    case Kind::ClientSecret:
        return Text::tr("OAuth2 client secret: ");
    case Kind::Password:
        return Text::tr("OAuth2 password: ");
    case Kind::KeyPassphrase:
        return Text::tr("Client key passphrase (empty if none): ");
    }
    return {};
}

} // namespace

int addDestination(Context &context, const QStringList &arguments)
{
    const QString command = QStringLiteral("destination add");
    QCommandLineParser parser;
    const Options options;
    parser.addOptions(options.all());
    Context sub{arguments, context.json, context.storePath, context.out, context.err};
    if (const std::optional<int> exitCode = parseCommandOptions(parser, sub, command, false))
        return *exitCode;
    if (!parser.isSet(options.name) || !parser.isSet(options.endpoint) ||
        parser.value(options.name).trimmed().isEmpty()) {
        context.err << Text::tr("destination add: give --name N and --endpoint URL.") << '\n';
        return ExitUsage;
    }
    QString problem;
    const std::optional<Destination> destination = destinationFrom(parser, options, &problem);
    if (!destination) {
        context.err << command << ": " << problem << '\n';
        return ExitUsage;
    }

    // Secrets never come from argv: the environment or a no-echo prompt.
    DestinationSaver::Secrets secrets;
    QByteArray passphrase;
    for (const Kind kind : DestinationSecrets::usedBy(*destination)) {
        const QString value =
            readSecret(DestinationSecrets::environmentVariable(kind), promptFor(kind));
        if (value.isEmpty() && DestinationSecrets::isRequired(kind)) {
            context.err << Text::tr("destination add: the %1 is required: set %2, or run on a "
                                    "terminal to be asked for it.")
                               .arg(DestinationSecrets::kindName(kind),
                                    DestinationSecrets::environmentVariable(kind))
                        << '\n';
            return ExitUsage;
        }
        if (kind == Kind::KeyPassphrase)
            passphrase = value.toUtf8();
        if (!value.isEmpty())
            secrets.append({kind, value});
    }
    // The TLS files are read now: a wrong path or passphrase is named here,
    // not at the first export.
    if (!destination->clientCertPath.isEmpty() || !destination->caCertPath.isEmpty()) {
        const TlsConfig tls =
            TlsConfig::load(TlsSettings::fromDestination(*destination, passphrase));
        if (!tls.isValid()) {
            context.err << command << ": " << tls.errorString() << '\n';
            return ExitUsage;
        }
        for (const QString &warning : tls.warnings())
            context.err << command << ": " << warning << '\n';
    }
    {
        DestinationStore store(context, command);
        if (!store.open())
            return ExitFailure;
        if (store.store.destinationByName(destination->name)) {
            context.err
                << command << ": "
                << Text::tr("a destination named “%1” already exists.").arg(destination->name)
                << '\n';
            return ExitUsage;
        }
    }
    // The keychain first, then the store; either failing leaves nothing
    // behind (DestinationSaver, shared with the app).
    auto *keychain = new SecretStore(QCoreApplication::instance());
    const auto writer = [&context, command](const Destination &saved,
                                            const std::function<void(const QString &)> &done) {
        DestinationStore store(context, command);
        if (!store.store.open())
            return done(store.store.lastError());
        if (!store.store.insertDestination(saved))
            return done(store.store.lastError());
        done({});
    };
    auto *saver = new DestinationSaver(*keychain, *destination, secrets, writer, keychain);
    QObject::connect(
        saver, &DestinationSaver::finished, keychain,
        [&context, command, destination = *destination](bool ok, DestinationSaver::Failure failure,
                                                        const QString &error) {
            if (!ok) {
                context.err << (failure == DestinationSaver::Failure::Keychain
                                    ? Text::tr("destination add: the keychain refused the "
                                               "secret: %1")
                                          .arg(error)
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
            else
                context.out << Text::tr("Destination “%1” added (id %2).")
                                   .arg(destination.name, destination.id)
                            << '\n';
            context.out.flush();
            QCoreApplication::exit(ExitSuccess);
        });
    // Queued: exit() only takes effect once the event loop runs, also when
    // there is no secret to save.
    QMetaObject::invokeMethod(saver, &DestinationSaver::start, Qt::QueuedConnection);
    return RunEventLoop;
}

} // namespace outflow::cli
