// A destination as the store's `config` column holds it: JSON, camelCase keys,
// no secret (those are in the keychain, DESIGN §6).
#include "configerrors_p.h"
#include "destinationconfig.h"
#include "destinationsecrets.h"

#include <cmath>
#include <limits>
#include <QJsonArray>

namespace outflow {
namespace {

using config_p::fieldError;

QJsonArray toJsonArray(const QList<int> &values)
{
    QJsonArray array;
    for (int value : values)
        array.append(value);
    return array;
}

// Reads the keys of one object, remembering the first problem. Absent keys
// leave the default in place: rows written by older versions still load.
class JsonFields
{
public:
    explicit JsonFields(const QJsonObject &json)
        : m_json(json)
    {}

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

    void read(QLatin1StringView key, QString &out)
    {
        if (const QJsonValue value = present(key); !value.isUndefined()) {
            if (value.isString())
                out = value.toString();
            else
                wrongType(key, DestinationConfig::tr("a string"));
        }
    }

    void read(QLatin1StringView key, bool &out)
    {
        if (const QJsonValue value = present(key); !value.isUndefined()) {
            if (value.isBool())
                out = value.toBool();
            else
                wrongType(key, DestinationConfig::tr("true or false"));
        }
    }

    void read(QLatin1StringView key, qint64 &out)
    {
        if (const QJsonValue value = present(key); !value.isUndefined()) {
            if (!readInteger(value, std::numeric_limits<qint64>::min(),
                             std::numeric_limits<qint64>::max(), out))
                wrongType(key, DestinationConfig::tr("a whole number"));
        }
    }

    void read(QLatin1StringView key, int &out)
    {
        qint64 wide = out;
        read(key, wide);
        if (wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max())
            wrongType(key, DestinationConfig::tr("a whole number"));
        else
            out = int(wide);
    }

    void read(QLatin1StringView key, QUrl &out)
    {
        QString text;
        read(key, text);
        if (text.isEmpty())
            return;
        const QUrl url(text, QUrl::StrictMode);
        if (url.isValid())
            out = url;
        else
            fail(key, DestinationConfig::tr("not a valid URL"));
    }

    void read(QLatin1StringView key, QList<int> &out)
    {
        readArray(key, out, [](const QJsonValue &item, int &value) {
            qint64 wide = 0;
            if (!readInteger(item, std::numeric_limits<int>::min(), std::numeric_limits<int>::max(),
                             wide))
                return false;
            value = int(wide);
            return true;
        });
    }

    void read(QLatin1StringView key, QStringList &out)
    {
        readArray(key, out, [](const QJsonValue &item, QString &value) {
            value = item.toString();
            return item.isString();
        });
    }

    void read(QLatin1StringView key, QMap<QString, QString> &out)
    {
        const QJsonValue value = present(key);
        if (value.isUndefined())
            return;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!it.value().isString())
                return wrongType(key, DestinationConfig::tr("an object of strings"));
            out.insert(it.key(), it.value().toString());
        }
        if (!value.isObject())
            wrongType(key, DestinationConfig::tr("an object of strings"));
    }

    void read(QLatin1StringView key, QList<HttpHeader> &out)
    {
        readArray(key, out, [](const QJsonValue &item, HttpHeader &header) {
            const QJsonObject object = item.toObject();
            const QJsonValue name = object.value(QLatin1StringView("name"));
            const QJsonValue value = object.value(QLatin1StringView("value"));
            // Absent in stores written before secret headers (not secret).
            const QJsonValue secret = object.value(QLatin1StringView("secret"));
            header = {name.toString(), value.toString(), secret.toBool(false)};
            return item.isObject() && name.isString() && value.isString() &&
                   (secret.isUndefined() || secret.isNull() || secret.isBool());
        });
    }

    template<typename Enum>
    void readEnum(QLatin1StringView key, Enum &out,
                  std::optional<Enum> (*fromName)(const QString &))
    {
        QString name;
        read(key, name);
        if (name.isEmpty())
            return;
        if (const std::optional<Enum> value = fromName(name))
            out = *value;
        else
            fail(key, DestinationConfig::tr("unknown value %1").arg(config_p::quoted(name)));
    }

private:
    QJsonValue present(QLatin1StringView key) const
    {
        if (!ok())
            return QJsonValue(QJsonValue::Undefined);
        const QJsonValue value = m_json.value(key);
        return value.isNull() ? QJsonValue(QJsonValue::Undefined) : value;
    }

    static bool readInteger(const QJsonValue &value, qint64 min, qint64 max, qint64 &out)
    {
        if (!value.isDouble())
            return false;
        const double number = value.toDouble();
        if (std::trunc(number) != number || number < double(min) || number > double(max))
            return false;
        out = qint64(number);
        return true;
    }

    template<typename T, typename ReadItem>
    void readArray(QLatin1StringView key, QList<T> &out, ReadItem readItem)
    {
        const QJsonValue value = present(key);
        if (value.isUndefined())
            return;
        if (!value.isArray()) {
            wrongType(key, DestinationConfig::tr("a list"));
            return;
        }
        QList<T> items;
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            T item{};
            if (!readItem(array.at(i), item)) {
                fail(key, DestinationConfig::tr("entry %1 has the wrong type").arg(i + 1));
                return;
            }
            items << std::move(item);
        }
        out = std::move(items);
    }

    void wrongType(QLatin1StringView key, const QString &expected)
    {
        fail(key, DestinationConfig::tr("expected %1").arg(expected));
    }

    void fail(QLatin1StringView key, const QString &message)
    {
        if (ok())
            m_error = fieldError(QString(key), message);
    }

    const QJsonObject &m_json;
    QString m_error;
};

} // namespace

QJsonObject destinationToJson(const Destination &destination)
{
    // Whatever the caller holds, secret values never reach the document
    // (the store, `destination show`): they belong in the keychain.
    Destination d = destination;
    DestinationSecrets::extractInlineSecrets(d);
    QJsonArray headers;
    for (const HttpHeader &header : d.headers)
        headers.append(QJsonObject{{QStringLiteral("name"), header.name},
                                   {QStringLiteral("value"), header.value},
                                   {QStringLiteral("secret"), header.secret}});
    QJsonObject thresholdsJson;
    for (auto it = d.alertThresholds.cbegin(); it != d.alertThresholds.cend(); ++it)
        thresholdsJson.insert(it.key(), it.value());
    return QJsonObject{
        {QStringLiteral("id"), d.id},
        {QStringLiteral("name"), d.name},
        {QStringLiteral("description"), d.description},
        {QStringLiteral("endpoint"), d.endpoint.toString(QUrl::FullyEncoded)},
        {QStringLiteral("headers"), headers},
        {QStringLiteral("query"), d.query},
        {QStringLiteral("secretQuery"), QJsonArray::fromStringList(d.secretQueryNames)},
        {QStringLiteral("auth"), authTypeName(d.auth)},
        {QStringLiteral("tokenUrl"), d.tokenUrl.toString(QUrl::FullyEncoded)},
        {QStringLiteral("clientId"), d.clientId},
        {QStringLiteral("credentialsIn"), credentialsPlacementName(d.credentialsIn)},
        {QStringLiteral("username"), d.username},
        {QStringLiteral("clientCertPath"), d.clientCertPath},
        {QStringLiteral("clientKeyPath"), d.clientKeyPath},
        {QStringLiteral("caCertPath"), d.caCertPath},
        {QStringLiteral("includeSegmentNames"), d.includeSegmentNames},
        {QStringLiteral("includeSegmentTimestamps"), d.includeSegmentTimestamps},
        {QStringLiteral("http2PriorKnowledge"), d.http2PriorKnowledge},
        {QStringLiteral("timeoutMs"), d.timeoutMs},
        {QStringLiteral("maxRetries"), d.maxRetries},
        {QStringLiteral("retryScheduleMs"), toJsonArray(d.retryScheduleMs)},
        {QStringLiteral("maxConcurrency"), d.maxConcurrency},
        // --- Batched delivery (issue #22) ---
        {QStringLiteral("batchMaxExports"), d.batchMaxExports},
        {QStringLiteral("batchMaxAgeMs"), d.batchMaxAgeMs},
        {QStringLiteral("batchMaxBytes"), d.batchMaxBytes},
        // --- end Batched delivery ---
        {QStringLiteral("alerts"), QJsonArray::fromStringList(d.alerts)},
        {QStringLiteral("alertThresholds"), thresholdsJson},
        {QStringLiteral("enabled"), d.enabled},
        {QStringLiteral("createdAt"), d.createdAt},
        {QStringLiteral("updatedAt"), d.updatedAt},
    };
}

std::optional<Destination> destinationFromJson(const QJsonObject &json, QString *error)
{
    Destination d;
    JsonFields fields(json);
    using L = QLatin1StringView;
    fields.read(L("id"), d.id);
    fields.read(L("name"), d.name);
    fields.read(L("description"), d.description);
    fields.read(L("endpoint"), d.endpoint);
    fields.read(L("headers"), d.headers);
    fields.read(L("query"), d.query);
    fields.read(L("secretQuery"), d.secretQueryNames);
    fields.readEnum(L("auth"), d.auth, &authTypeFromName);
    fields.read(L("tokenUrl"), d.tokenUrl);
    fields.read(L("clientId"), d.clientId);
    fields.readEnum(L("credentialsIn"), d.credentialsIn, &credentialsPlacementFromName);
    fields.read(L("username"), d.username);
    fields.read(L("clientCertPath"), d.clientCertPath);
    fields.read(L("clientKeyPath"), d.clientKeyPath);
    fields.read(L("caCertPath"), d.caCertPath);
    fields.read(L("includeSegmentNames"), d.includeSegmentNames);
    fields.read(L("includeSegmentTimestamps"), d.includeSegmentTimestamps);
    fields.read(L("http2PriorKnowledge"), d.http2PriorKnowledge);
    fields.read(L("timeoutMs"), d.timeoutMs);
    fields.read(L("maxRetries"), d.maxRetries);
    fields.read(L("retryScheduleMs"), d.retryScheduleMs);
    fields.read(L("maxConcurrency"), d.maxConcurrency);
    // --- Batched delivery (issue #22) ---
    fields.read(L("batchMaxExports"), d.batchMaxExports);
    fields.read(L("batchMaxAgeMs"), d.batchMaxAgeMs);
    fields.read(L("batchMaxBytes"), d.batchMaxBytes);
    // --- end Batched delivery ---
    fields.read(L("alerts"), d.alerts);
    fields.read(L("alertThresholds"), d.alertThresholds);
    fields.read(L("enabled"), d.enabled);
    fields.read(L("createdAt"), d.createdAt);
    fields.read(L("updatedAt"), d.updatedAt);
    if (!fields.ok())
        return config_p::fail(error, fields.error());
    return d;
}

} // namespace outflow
