// The options shared by `outflowctl destination add` and `destination edit`.
#include "delivery/batchconfig.h"
#include "delivery/destinationconfig.h"
#include "destinationoptions_p.h"
#include "monitoring/alertrules.h"
#include "secretprompt.h"
#include "secrets/secretstore.h"

#include <QEventLoop>
#include <QUrl>

namespace outflow::cli {

namespace {

using Kind = DestinationSecrets::Kind;
using Ref = DestinationSecrets::Ref;

QCommandLineOption valued(const char *name, const QString &help, const char *valueName)
{
    return QCommandLineOption(QString::fromLatin1(name), help, QString::fromLatin1(valueName));
}

QCommandLineOption flag(const char *name, const QString &help)
{
    return QCommandLineOption(QString::fromLatin1(name), help);
}

QString promptFor(const Ref &ref)
{
    switch (ref.type) {
    case Ref::Type::Header:
        return Text::tr("Value of the secret header %1: ").arg(ref.name);
    case Ref::Type::Query:
        return Text::tr("Value of the secret query parameter %1: ").arg(ref.name);
    case Ref::Type::Auth:
        break;
    }
    switch (ref.kind) {
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

QString missingSecret(const QString &command, const Ref &ref)
{
    return Text::tr("%1: the %2 is required: set %3, or run on a terminal to be asked for it.")
        .arg(command, ref.label(), ref.environmentVariable());
}

// The plain headers of --headers, then (on an edit) the secret headers
// already there that the new text does not name.
bool applyHeaders(const QString &text, Destination &d, QString *problem)
{
    const std::optional<QList<HttpHeader>> typed = parseHeaders(text, problem);
    if (!typed)
        return false;
    QList<HttpHeader> headers = *typed;
    for (const HttpHeader &kept : std::as_const(d.headers)) {
        const bool named = std::any_of(headers.cbegin(), headers.cend(), [&](const HttpHeader &h) {
            return h.name.compare(kept.name, Qt::CaseInsensitive) == 0;
        });
        if (kept.secret && !named)
            headers.append(kept);
    }
    d.headers = headers;
    return true;
}

// The same for --query: secret parameters stay ("token=") unless named.
bool applyQuery(const QString &text, Destination &d, QString *problem)
{
    const std::optional<QString> typed = parseQuery(text, problem);
    if (!typed)
        return false;
    QList<QPair<QString, QString>> entries = splitQuery(*typed);
    QStringList secretNames;
    for (const auto &[name, value] : splitQuery(d.query)) {
        if (!d.secretQueryNames.contains(name))
            continue;
        const bool named = std::any_of(entries.cbegin(), entries.cend(),
                                       [&](const auto &entry) { return entry.first == name; });
        if (!named) {
            entries.append({name, value});
            secretNames << name;
        }
    }
    d.query = joinQuery(entries);
    d.secretQueryNames = secretNames;
    return true;
}

// --secret-header NAME: the header becomes secret (added when absent), its
// value read now.
bool applySecretHeader(const QString &name, Destination &d, QString *problem)
{
    const QString value = readSecretFor(Ref::header(name));
    if (value.isEmpty())
        return (*problem = missingSecret(QStringLiteral("secret-header"), Ref::header(name)),
                false);
    for (HttpHeader &header : d.headers) {
        if (header.name.compare(name, Qt::CaseInsensitive) == 0) {
            header = {header.name, value, true};
            return true;
        }
    }
    d.headers.append({name, value, true});
    return true;
}

// --secret-query NAME: the same for a query parameter. The value is
// percent-encoded as a query needs it (it is sent exactly so).
bool applySecretQuery(const QString &name, Destination &d, QString *problem)
{
    const QString raw = readSecretFor(Ref::query(name));
    if (raw.isEmpty())
        return (*problem = missingSecret(QStringLiteral("secret-query"), Ref::query(name)), false);
    const QString value = QString::fromLatin1(QUrl::toPercentEncoding(raw));
    QList<QPair<QString, QString>> entries = splitQuery(d.query);
    auto it = std::find_if(entries.begin(), entries.end(),
                           [&](const auto &entry) { return entry.first == name; });
    if (it == entries.end())
        entries.append({name, value});
    else
        it->second = value;
    d.query = joinQuery(entries);
    if (!d.secretQueryNames.contains(name))
        d.secretQueryNames << name;
    return true;
}

SecretResult readKeychain(SecretStore &keychain, const QString &key)
{
    SecretRequest *request = keychain.read(key);
    QEventLoop loop; // a command of its own: nothing else waits meanwhile
    SecretResult result;
    QObject::connect(request, &SecretRequest::finished, &loop, [&](const SecretResult &answer) {
        result = answer;
        loop.quit();
    });
    loop.exec();
    return result;
}

} // namespace

DestinationOptions::DestinationOptions()
    : name(valued("name", Text::tr("Destination name."), "N"))
    , endpoint(
          valued("endpoint", Text::tr("The URL exports are POSTed to (http or https)."), "URL"))
    , description(valued("description", Text::tr("Description."), "D"))
    , headers(valued("headers", Text::tr("Custom headers: \"h1:v1,h2:v2\"."), "H"))
    , query(valued("query", Text::tr("Query parameters: \"p1=v&p2=v\"."), "Q"))
    , auth(valued("auth", Text::tr("none, bearer, oauth2-client-credentials or oauth2-password."),
                  "TYPE"))
    , tokenUrl(valued("token-url", Text::tr("OAuth2 token endpoint."), "URL"))
    , clientId(valued("client-id", Text::tr("OAuth2 client id."), "ID"))
    , credentialsIn(valued("credentials-in",
                           Text::tr("Where the OAuth2 client credentials go: body or basic."),
                           "WHERE"))
    , username(valued("username", Text::tr("OAuth2 password grant user name."), "U"))
    , clientCert(
          valued("client-cert", Text::tr("Client certificate for mTLS (PEM or PKCS#12)."), "FILE"))
    , clientKey(
          valued("client-key", Text::tr("Private key of the client certificate (PEM)."), "FILE"))
    , caCert(valued("ca-cert", Text::tr("CA bundle the server must chain to (default: system)."),
                    "FILE"))
    , names(flag("include-segment-names",
                 Text::tr("Add each mapped audience's name to the exports.")))
    , noNames(flag("no-include-segment-names", Text::tr("Stop adding audience names (edit).")))
    , timestamps(flag("include-segment-timestamps",
                      Text::tr("Add each mapped audience's and mapping's times to the exports.")))
    , noTimestamps(
          flag("no-include-segment-timestamps", Text::tr("Stop adding those times (edit).")))
    , http2(flag("http2-prior-knowledge",
                 Text::tr("Speak HTTP/2 without upgrade to a cleartext endpoint.")))
    , noHttp2(flag("no-http2-prior-knowledge", Text::tr("Stop doing so (edit).")))
    , timeout(
          valued("timeout-ms", Text::tr("Request timeout in milliseconds (default 2000)."), "MS"))
    , retries(valued("max-retries", Text::tr("Retries of a failed request (default 2)."), "N"))
    , alert(valued("alert",
                   Text::tr("Subscribe to an alert kind; repeatable (on an edit, the kinds "
                            "given replace the subscriptions)."),
                   "KIND"))
    , noAlerts(flag("no-alerts", Text::tr("Unsubscribe from every alert kind (edit).")))
    , threshold(valued("alert-threshold",
                       Text::tr("Override an alert threshold, e.g. delivery-failure-rate=2% or "
                                "delivery-delay=5m; KEY= drops the override; repeatable."),
                       "KEY=VALUE"))
    , secretHeader(valued("secret-header",
                          Text::tr("A header whose value is secret (kept in the keychain), read "
                                   "from OUTFLOW_SECRET_HEADER_<NAME> or asked; repeatable."),
                          "NAME"))
    , secretQuery(valued("secret-query",
                         Text::tr("A query parameter whose value is secret, read from "
                                  "OUTFLOW_SECRET_QUERY_<NAME> or asked; repeatable."),
                         "NAME"))
    // --- Batched delivery (issue #22) ---
    , batchMaxExports(valued("batch-max-exports",
                             Text::tr("Exports per request: 1 (the default) sends one profile per "
                                      "request; more sends them in batches."),
                             "N"))
    , batchMaxAge(valued("batch-max-age",
                         Text::tr("How long the first export of a batch may wait for others, "
                                  "e.g. 250ms or 2s (default 1s)."),
                         "DURATION"))
    , batchMaxBytes(valued("batch-max-bytes",
                           Text::tr("Largest body of a batch, e.g. 512KiB or 1MiB (default 1MiB)."),
                           "SIZE"))
// --- end Batched delivery ---
{}

QList<QCommandLineOption> DestinationOptions::all() const
{
    return {name, endpoint, description, headers, query, auth, tokenUrl, clientId, credentialsIn,
            username, clientCert, clientKey, caCert, names, noNames, timestamps, noTimestamps,
            http2, noHttp2, timeout, retries, alert, noAlerts, threshold, secretHeader, secretQuery,
            // Batched delivery (issue #22)
            batchMaxExports, batchMaxAge, batchMaxBytes};
}

bool applyDestinationOptions(const QCommandLineParser &parser, const DestinationOptions &o,
                             Destination &d, QString *problem)
{
    if (parser.isSet(o.name))
        d.name = parser.value(o.name).trimmed();
    if (parser.isSet(o.description))
        d.description = parser.value(o.description);
    if (parser.isSet(o.endpoint)) {
        const std::optional<QUrl> endpoint = parseEndpointUrl(parser.value(o.endpoint), problem);
        if (!endpoint)
            return false;
        d.endpoint = *endpoint;
    }
    if (parser.isSet(o.headers) && !applyHeaders(parser.value(o.headers), d, problem))
        return false;
    if (parser.isSet(o.query) && !applyQuery(parser.value(o.query), d, problem))
        return false;
    if (parser.isSet(o.auth)) {
        const std::optional<AuthType> auth = authTypeFromName(parser.value(o.auth));
        if (!auth) {
            *problem = Text::tr("auth: unknown type '%1' (none, bearer, "
                                "oauth2-client-credentials, oauth2-password).")
                           .arg(parser.value(o.auth));
            return false;
        }
        d.auth = *auth;
    }
    if (parser.isSet(o.tokenUrl)) {
        QStringList warnings;
        const auto tokenUrl = parseTokenUrl(parser.value(o.tokenUrl), problem, &warnings);
        if (!tokenUrl)
            return false;
        d.tokenUrl = *tokenUrl;
    }
    if (parser.isSet(o.clientId))
        d.clientId = parser.value(o.clientId);
    if (parser.isSet(o.credentialsIn)) {
        const auto placement = credentialsPlacementFromName(parser.value(o.credentialsIn));
        if (!placement) {
            *problem = Text::tr("credentials-in: use body or basic, not '%1'.")
                           .arg(parser.value(o.credentialsIn));
            return false;
        }
        d.credentialsIn = *placement;
    }
    if (parser.isSet(o.username))
        d.username = parser.value(o.username);
    if (parser.isSet(o.clientCert))
        d.clientCertPath = parser.value(o.clientCert);
    if (parser.isSet(o.clientKey))
        d.clientKeyPath = parser.value(o.clientKey);
    if (parser.isSet(o.caCert))
        d.caCertPath = parser.value(o.caCert);
    const auto toggle = [&parser](const QCommandLineOption &on, const QCommandLineOption &off,
                                  bool &value) {
        if (parser.isSet(on))
            value = true;
        else if (parser.isSet(off))
            value = false;
    };
    toggle(o.names, o.noNames, d.includeSegmentNames);
    toggle(o.timestamps, o.noTimestamps, d.includeSegmentTimestamps);
    toggle(o.http2, o.noHttp2, d.http2PriorKnowledge);
    if (parser.isSet(o.timeout)) {
        const auto timeout = parseTimeoutMs(parser.value(o.timeout), problem);
        if (!timeout)
            return false;
        d.timeoutMs = *timeout;
    }
    if (parser.isSet(o.retries)) {
        const auto retries = parseMaxRetries(parser.value(o.retries), problem);
        if (!retries)
            return false;
        d.maxRetries = *retries;
    }
    // --- Batched delivery (issue #22) ---
    const std::pair<const QCommandLineOption &, std::optional<int> (*)(const QString &, QString *)>
        batching[] = {{o.batchMaxExports, &parseBatchMaxExports},
                      {o.batchMaxAge, &parseBatchMaxAge},
                      {o.batchMaxBytes, &parseBatchMaxBytes}};
    int *const batchFields[] = {&d.batchMaxExports, &d.batchMaxAgeMs, &d.batchMaxBytes};
    for (std::size_t i = 0; i < std::size(batching); ++i) {
        if (!parser.isSet(batching[i].first))
            continue;
        const std::optional<int> value =
            batching[i].second(parser.value(batching[i].first), problem);
        if (!value)
            return false;
        *batchFields[i] = *value;
    }
    // --- end Batched delivery ---
    if (parser.isSet(o.noAlerts) && parser.isSet(o.alert)) {
        *problem = Text::tr("no-alerts: not with --alert, which already replaces the "
                            "subscriptions.");
        return false;
    }
    if (parser.isSet(o.alert))
        d.alerts = parser.values(o.alert);
    else if (parser.isSet(o.noAlerts))
        d.alerts.clear();
    for (const QString &pair : parser.values(o.threshold)) {
        const qsizetype equals = pair.indexOf(u'=');
        if (equals <= 0) {
            *problem = Text::tr("alert-threshold: write KEY=VALUE (or KEY= to drop it), not '%1'.")
                           .arg(pair);
            return false;
        }
        const QString key = pair.left(equals).trimmed();
        const QString value = pair.mid(equals + 1).trimmed();
        if (!value.isEmpty()) {
            d.alertThresholds.insert(key, value);
        } else if (AlertRules::isThresholdKey(key)) {
            d.alertThresholds.remove(key); // back to the default
        } else {
            *problem = Text::tr("alert-threshold: unknown key '%1' (use one of %2).")
                           .arg(key, AlertRules::thresholdKeys().join(QLatin1String(", ")));
            return false;
        }
    }
    for (const QString &header : parser.values(o.secretHeader)) {
        if (!applySecretHeader(header.trimmed(), d, problem))
            return false;
    }
    for (const QString &parameter : parser.values(o.secretQuery)) {
        if (!applySecretQuery(parameter.trimmed(), d, problem))
            return false;
    }
    return validateDestination(d, problem);
}

QString readSecretFor(const Ref &ref)
{
    return readSecret(ref.environmentVariable(), promptFor(ref));
}

bool collectAuthSecrets(const QString &command, const Destination &destination,
                        SecretStore *keychain, DestinationSecrets *secrets,
                        DestinationSecrets *toWrite, QString *problem)
{
    for (const Kind kind : DestinationSecrets::usedBy(destination)) {
        const Ref ref = Ref::auth(kind);
        const bool inEnvironment =
            !qEnvironmentVariableIsEmpty(ref.environmentVariable().toLocal8Bit().constData());
        if (!inEnvironment && keychain) {
            const SecretResult stored = readKeychain(*keychain, ref.keychainKey(destination.id));
            if (stored.status == SecretResult::Status::Ok) {
                secrets->setValue(kind, stored.value);
                continue;
            }
            if (!stored.isNotFound()) {
                *problem = Text::tr("%1: the keychain could not be read: %2")
                               .arg(command, stored.message());
                return false;
            }
        }
        const QString value = readSecretFor(ref);
        if (value.isEmpty() && ref.isRequired()) {
            *problem = missingSecret(command, ref);
            return false;
        }
        secrets->setValue(kind, value);
        toWrite->setValue(kind, value);
    }
    return true;
}

} // namespace outflow::cli
