#include "destination.h"

#include <QJsonArray>
#include <QJsonObject>

namespace outflow {

namespace {

QString str(const QJsonObject &config, QLatin1String key)
{
    return config.value(key).toString();
}

} // namespace

std::optional<AuthType> authTypeFromName(QStringView name)
{
    for (const AuthType type : {AuthType::None, AuthType::Bearer, AuthType::OAuth2ClientCredentials,
                                AuthType::OAuth2Password}) {
        if (name == authTypeName(type))
            return type;
    }
    return std::nullopt;
}

QJsonObject destinationConfigToJson(const Destination &d)
{
    QJsonArray headers;
    for (const HttpHeader &header : d.headers)
        headers.append(QJsonObject{{QStringLiteral("name"), header.name},
                                   {QStringLiteral("value"), header.value}});
    QJsonArray schedule;
    for (const int delay : d.retryScheduleMs)
        schedule.append(delay);
    return QJsonObject{
        {QStringLiteral("description"), d.description},
        {QStringLiteral("endpoint"), d.endpoint.toString(QUrl::FullyEncoded)},
        {QStringLiteral("headers"), headers},
        {QStringLiteral("query"), d.query},
        {QStringLiteral("auth"), authTypeName(d.auth)},
        {QStringLiteral("tokenUrl"), d.tokenUrl.toString(QUrl::FullyEncoded)},
        {QStringLiteral("clientId"), d.clientId},
        {QStringLiteral("credentialsIn"), d.credentialsIn == CredentialsPlacement::BasicHeader
                                              ? QStringLiteral("basic")
                                              : QStringLiteral("body")},
        {QStringLiteral("username"), d.username},
        {QStringLiteral("clientCert"), d.clientCertPath},
        {QStringLiteral("clientKey"), d.clientKeyPath},
        {QStringLiteral("caCert"), d.caCertPath},
        {QStringLiteral("includeSegmentNames"), d.includeSegmentNames},
        {QStringLiteral("includeSegmentTimestamps"), d.includeSegmentTimestamps},
        {QStringLiteral("http2PriorKnowledge"), d.http2PriorKnowledge},
        {QStringLiteral("timeoutMs"), d.timeoutMs},
        {QStringLiteral("maxRetries"), d.maxRetries},
        {QStringLiteral("retryScheduleMs"), schedule},
        {QStringLiteral("maxConcurrency"), d.maxConcurrency},
        {QStringLiteral("alerts"), QJsonArray::fromStringList(d.alerts)},
    };
}

void destinationConfigFromJson(const QJsonObject &config, Destination *d)
{
    const Destination defaults;
    d->description = str(config, QLatin1String("description"));
    d->endpoint = QUrl(str(config, QLatin1String("endpoint")), QUrl::StrictMode);
    d->headers.clear();
    for (const QJsonValue &entry : config.value(QLatin1String("headers")).toArray()) {
        const QJsonObject header = entry.toObject();
        d->headers.append(
            {str(header, QLatin1String("name")), str(header, QLatin1String("value"))});
    }
    d->query = str(config, QLatin1String("query"));
    d->auth = authTypeFromName(str(config, QLatin1String("auth"))).value_or(AuthType::None);
    d->tokenUrl = QUrl(str(config, QLatin1String("tokenUrl")), QUrl::StrictMode);
    d->clientId = str(config, QLatin1String("clientId"));
    d->credentialsIn = str(config, QLatin1String("credentialsIn")) == QLatin1String("basic")
                           ? CredentialsPlacement::BasicHeader
                           : CredentialsPlacement::Body;
    d->username = str(config, QLatin1String("username"));
    d->clientCertPath = str(config, QLatin1String("clientCert"));
    d->clientKeyPath = str(config, QLatin1String("clientKey"));
    d->caCertPath = str(config, QLatin1String("caCert"));
    d->includeSegmentNames = config.value(QLatin1String("includeSegmentNames")).toBool();
    d->includeSegmentTimestamps = config.value(QLatin1String("includeSegmentTimestamps")).toBool();
    d->http2PriorKnowledge = config.value(QLatin1String("http2PriorKnowledge")).toBool();
    d->timeoutMs = config.value(QLatin1String("timeoutMs")).toInt(defaults.timeoutMs);
    d->maxRetries = config.value(QLatin1String("maxRetries")).toInt(defaults.maxRetries);
    if (config.contains(QLatin1String("retryScheduleMs"))) {
        d->retryScheduleMs.clear();
        for (const QJsonValue &delay : config.value(QLatin1String("retryScheduleMs")).toArray())
            d->retryScheduleMs.append(delay.toInt());
    }
    d->maxConcurrency =
        config.value(QLatin1String("maxConcurrency")).toInt(defaults.maxConcurrency);
    d->alerts.clear();
    for (const QJsonValue &kind : config.value(QLatin1String("alerts")).toArray())
        d->alerts.append(kind.toString());
}

} // namespace outflow
