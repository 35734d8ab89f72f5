// A destination as a whole: what the wizard and `destination add` check before
// saving (each refusal names its field), and its JSON in the store's config
// column (camelCase, no secret, errors naming the key).
#include "delivery/destinationconfig.h"
#include "delivery/destinationsecrets.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace outflow;
using namespace Qt::StringLiterals;

namespace {

Destination validDestination()
{
    Destination d;
    d.id = u"0b4f6c9e-1d2a-4c3b-9e8f-7a6b5c4d3e2f"_s;
    d.name = u"Acme CRM"_s;
    d.endpoint = QUrl(u"https://crm.example.com/hooks/profiles"_s);
    return d;
}

} // namespace

class TestDestinationJson final : public QObject
{
    Q_OBJECT

private slots:
    void wholeDestination_data()
    {
        QTest::addColumn<int>("mutation");
        QTest::addColumn<QString>("fieldPrefix");
        const QStringList prefixes{
            QString(),
            u"name: "_s,
            u"name: "_s,
            u"endpoint: "_s,
            u"headers: "_s,
            u"query: "_s,
            u"token-url: "_s,
            u"client-id: "_s,
            u"username: "_s,
            u"timeout-ms: "_s,
            u"max-retries: "_s,
            u"retry-schedule-ms: "_s,
            u"retry-schedule-ms: "_s,
            u"max-concurrency: "_s,
            u"alert: "_s,
            u"client-key: "_s,
        };
        for (int i = 0; i < prefixes.size(); ++i)
            QTest::addRow("%d %s", i, qPrintable(prefixes.at(i))) << i << prefixes.at(i);
    }

    void wholeDestination()
    {
        QFETCH(int, mutation);
        QFETCH(QString, fieldPrefix);
        Destination d = validDestination();
        switch (mutation) {
        case 0: // valid with OAuth2 and everything set
            d.auth = AuthType::OAuth2Password;
            d.tokenUrl = QUrl(u"https://auth.example/token"_s);
            d.clientId = u"client"_s;
            d.username = u"user"_s;
            d.alerts = knownAlertKinds();
            break;
        case 1:
            d.name = u"  "_s;
            break;
        case 2:
            d.name = u"two\nlines"_s;
            break;
        case 3:
            d.endpoint = QUrl();
            break;
        case 4:
            d.headers = {{u"Host"_s, u"x"_s}};
            break;
        case 5:
            d.query = u"a b"_s;
            break;
        case 6:
            d.auth = AuthType::OAuth2ClientCredentials;
            d.clientId = u"c"_s;
            break;
        case 7:
            d.auth = AuthType::OAuth2ClientCredentials;
            d.tokenUrl = QUrl(u"https://auth.example/token"_s);
            break;
        case 8:
            d.auth = AuthType::OAuth2Password;
            d.tokenUrl = QUrl(u"https://auth.example/token"_s);
            d.clientId = u"c"_s;
            break;
        case 9:
            d.timeoutMs = 10;
            break;
        case 10:
            d.maxRetries = 99;
            break;
        case 11:
            d.retryScheduleMs = {15000, -1};
            break;
        case 12:
            d.retryScheduleMs.clear();
            break;
        case 13:
            d.maxConcurrency = 0;
            break;
        case 14:
            d.alerts = {u"delivery-delay"_s, u"coffee-low"_s};
            break;
        case 15:
            d.clientKeyPath = u"/etc/outflow/key.pem"_s;
            break;
        }
        QString error;
        QCOMPARE(validateDestination(d, &error), fieldPrefix.isEmpty());
        QVERIFY2(fieldPrefix.isEmpty() ? error.isEmpty() : error.startsWith(fieldPrefix),
                 qPrintable(error));
    }

    void enumSpellings()
    {
        for (AuthType type : {AuthType::None, AuthType::Bearer, AuthType::OAuth2ClientCredentials,
                              AuthType::OAuth2Password})
            QCOMPARE(authTypeFromName(authTypeName(type)), type);
        QVERIFY(!authTypeFromName(u"Bearer"_s));
        QCOMPARE(credentialsPlacementFromName(u"basic"_s), CredentialsPlacement::BasicHeader);
        QCOMPARE(credentialsPlacementName(CredentialsPlacement::Body), u"body"_s);
        QVERIFY(!credentialsPlacementFromName(u"header"_s));
    }

    void jsonRoundTrip()
    {
        Destination d = validDestination();
        d.description = u"Profiles for the CRM"_s;
        d.endpoint = QUrl(u"https://crm.example.com/hooks?src=outflow"_s);
        d.headers = {{u"X-Api-Version"_s, u"3"_s}, {u"X-Empty"_s, QString()}};
        d.query = u"a=%2B&b=c"_s;
        d.auth = AuthType::OAuth2Password;
        d.tokenUrl = QUrl(u"https://auth.example/token?tenant=acme"_s);
        d.clientId = u"client:1"_s;
        d.credentialsIn = CredentialsPlacement::BasicHeader;
        d.username = u"ana"_s;
        d.clientCertPath = u"/certs/client.p12"_s;
        d.caCertPath = u"/certs/ca.pem"_s;
        d.includeSegmentNames = true;
        d.includeSegmentTimestamps = true;
        d.http2PriorKnowledge = true;
        d.timeoutMs = 5000;
        d.maxRetries = 3;
        d.retryScheduleMs = {1000, 2000, 4000};
        d.maxConcurrency = 64;
        d.alerts = {u"auth-failure"_s};
        d.enabled = false;
        d.createdAt = 1'700'000'000'123;
        d.updatedAt = 1'700'000'999'456;

        const QJsonObject json = destinationToJson(d);
        QString error;
        const std::optional<Destination> back = destinationFromJson(json, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(destinationToJson(*back), json);
        QCOMPARE(back->headers, d.headers);
        QCOMPARE(back->endpoint, d.endpoint);
        QCOMPARE(back->tokenUrl, d.tokenUrl);
        QCOMPARE(back->credentialsIn, CredentialsPlacement::BasicHeader);
        QCOMPARE(back->createdAt, d.createdAt);

        QCOMPARE(json.value(u"auth"_s).toString(), u"oauth2-password"_s);
        QCOMPARE(json.value(u"credentialsIn"_s).toString(), u"basic"_s);
        QCOMPARE(json.value(u"retryScheduleMs"_s).toArray().size(), 3);
        // camelCase, and nothing that could hold a secret ("secretQuery" holds
        // the names of the secret parameters, never their values).
        for (const QString &key : json.keys()) {
            QVERIFY2(!key.contains(u'_') && !key.contains(u'-') && key.at(0).isLower(),
                     qPrintable(key));
            if (key == u"secretQuery"_s)
                continue;
            QVERIFY2(!key.contains(u"secret"_s, Qt::CaseInsensitive) &&
                         !key.contains(u"password"_s, Qt::CaseInsensitive) &&
                         !key.contains(u"passphrase"_s, Qt::CaseInsensitive) && key != u"token"_s &&
                         key != u"bearerToken"_s,
                     qPrintable(key));
        }
    }

    // Secret headers and query parameters (DESIGN §6): the document keeps
    // their names and flags, never their values, whatever the caller holds.
    void secretValuesStayOutOfTheJson()
    {
        Destination d = validDestination();
        d.headers = {{u"X-Team"_s, u"growth"_s}, {u"X-Api-Key"_s, u"key-0123456789"_s, true}};
        d.query = u"p=1&token=tok-0123456789&flag"_s;
        d.secretQueryNames = {u"token"_s};
        const QJsonObject json = destinationToJson(d);
        const QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Compact);
        QVERIFY2(!text.contains("0123456789"), text.constData());
        QCOMPARE(json.value(u"query"_s).toString(), u"p=1&token=&flag"_s);
        QCOMPARE(json.value(u"secretQuery"_s).toArray(), QJsonArray{u"token"_s});
        QString error;
        const std::optional<Destination> back = destinationFromJson(json, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->headers.at(0), (HttpHeader{u"X-Team"_s, u"growth"_s, false}));
        QCOMPARE(back->headers.at(1), (HttpHeader{u"X-Api-Key"_s, QString(), true}));
        QCOMPARE(back->secretQueryNames, QStringList{u"token"_s});
        QVERIFY2(validateDestination(*back, &error), qPrintable(error));

        // The same split as the wizard and the CLI make before saving.
        Destination typed = d;
        const DestinationSecrets secrets = DestinationSecrets::extractInlineSecrets(typed);
        QCOMPARE(secrets.headerValues.value(u"X-Api-Key"_s), u"key-0123456789"_s);
        QCOMPARE(secrets.queryValues.value(u"token"_s), u"tok-0123456789"_s);
        QCOMPARE(typed.query, u"p=1&token=&flag"_s);
        QVERIFY(typed.headers.at(1).value.isEmpty());
        QCOMPARE(DestinationSecrets::keychainKeys(typed),
                 (QStringList{u"destination/"_s + d.id + u"/header/X-Api-Key"_s,
                              u"destination/"_s + d.id + u"/query/token"_s}));
        // An empty typed value keeps the keychain's: nothing to write.
        Destination untouched = typed;
        QVERIFY(DestinationSecrets::extractInlineSecrets(untouched).entries().isEmpty());
        // And back for sending.
        secrets.applyTo(typed);
        QCOMPARE(typed.query, d.query);
        QCOMPARE(typed.headers, d.headers);
    }

    // A secret query value never shows in a validation error.
    void aBadSecretQueryValueIsNotQuoted()
    {
        Destination d = validDestination();
        d.query = u"token=bad value 0123456789&p=1"_s;
        d.secretQueryNames = {u"token"_s};
        QString error;
        QVERIFY(validateDestination(d, &error));
        d.secretQueryNames = {u"missing"_s};
        QVERIFY(!validateDestination(d, &error));
        QVERIFY2(error.startsWith(u"secret-query"_s) && !error.contains(u"0123456789"_s),
                 qPrintable(error));
    }

    void secretRefLabelsAndVariables()
    {
        using Ref = DestinationSecrets::Ref;
        QCOMPARE(Ref::fromLabel(u"header:X-Api-Key"_s), Ref::header(u"X-Api-Key"_s));
        QCOMPARE(Ref::fromLabel(u"query:api_key"_s), Ref::query(u"api_key"_s));
        QCOMPARE(Ref::fromLabel(u"bearer-token"_s),
                 Ref::auth(DestinationSecrets::Kind::BearerToken));
        QVERIFY(!Ref::fromLabel(u"header:"_s));
        QVERIFY(!Ref::fromLabel(u"token"_s));
        QCOMPARE(Ref::header(u"X-Api-Key"_s).environmentVariable(),
                 u"OUTFLOW_SECRET_HEADER_X_API_KEY"_s);
        QCOMPARE(Ref::query(u"api.key"_s).environmentVariable(), u"OUTFLOW_SECRET_QUERY_API_KEY"_s);
        QCOMPARE(Ref::query(u"t"_s).label(), u"query:t"_s);
    }

    void jsonMissingKeysTakeDefaults()
    {
        QString error;
        const std::optional<Destination> d =
            destinationFromJson({{u"name"_s, u"n"_s},
                                 {u"endpoint"_s, u"https://e.example/"_s},
                                 {u"someFutureKey"_s, 1}},
                                &error);
        QVERIFY2(d, qPrintable(error));
        QCOMPARE(d->timeoutMs, 2000);
        QCOMPARE(d->maxRetries, 2);
        QCOMPARE(d->retryScheduleMs, (QList<int>{15000, 30000}));
        QCOMPARE(d->auth, AuthType::None);
        QVERIFY(d->enabled);
    }

    void jsonErrorsNameTheKey_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("number as string")
            << QJsonObject{{u"timeoutMs"_s, u"2000"_s}} << u"timeoutMs: expected a whole number"_s;
        QTest::newRow("fraction") << QJsonObject{{u"maxRetries"_s, 1.5}}
                                  << u"maxRetries: expected a whole number"_s;
        QTest::newRow("beyond int")
            << QJsonObject{{u"timeoutMs"_s, 1e12}} << u"timeoutMs: expected a whole number"_s;
        QTest::newRow("auth spelling")
            << QJsonObject{{u"auth"_s, u"kerberos"_s}} << u"auth: unknown value \"kerberos\""_s;
        QTest::newRow("placement") << QJsonObject{{u"credentialsIn"_s, u"header"_s}}
                                   << u"credentialsIn: unknown value \"header\""_s;
        QTest::newRow("header entry")
            << QJsonObject{{u"headers"_s, QJsonArray{QJsonObject{{u"name"_s, 1}}}}}
            << u"headers: entry 1 has the wrong type"_s;
        QTest::newRow("alerts not a list")
            << QJsonObject{{u"alerts"_s, u"auth-failure"_s}} << u"alerts: expected a list"_s;
        QTest::newRow("bad URL") << QJsonObject{{u"endpoint"_s, u"http://exa mple/"_s}}
                                 << u"endpoint: not a valid URL"_s;
        QTest::newRow("bool") << QJsonObject{{u"enabled"_s, u"yes"_s}}
                              << u"enabled: expected true or false"_s;
    }

    void jsonErrorsNameTheKey()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, error);
        QString actualError;
        QVERIFY(!destinationFromJson(json, &actualError));
        QCOMPARE(actualError, error);
    }
};

QTEST_GUILESS_MAIN(TestDestinationJson)
#include "tst_destinationjson.moc"
