// Destination configuration as typed in the wizard and outflowctl: every
// refusal names its field (and its entry) and never echoes a secret-looking
// header value.
#include "delivery/destinationconfig.h"

#include <QJsonArray>
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

class TestDestinationConfig final : public QObject
{
    Q_OBJECT

private slots:
    void endpoint_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected"); // FullyEncoded; empty when refused
        QTest::addColumn<QString>("error");    // empty when accepted

        QTest::newRow("https") << u"https://example.com/hook"_s << u"https://example.com/hook"_s
                               << QString();
        QTest::newRow("blanks around, port, query")
            << u"  http://127.0.0.1:8080/x?a=%2b&b=%7e  "_s
            << u"http://127.0.0.1:8080/x?a=%2B&b=~"_s << QString();
        QTest::newRow("scheme and host case")
            << u"HTTPS://Example.COM/p"_s << u"https://example.com/p"_s << QString();
        QTest::newRow("IPv6") << u"http://[::1]:8080/"_s << u"http://[::1]:8080/"_s << QString();
        QTest::newRow("empty") << u"  "_s << QString()
                               << u"endpoint: an http:// or https:// URL is required"_s;
        QTest::newRow("ftp") << u"ftp://example.com/"_s << QString()
                             << u"endpoint: the scheme must be http or https, not \"ftp\""_s;
        QTest::newRow("no scheme") << u"example.com/hook"_s << QString()
                                   << u"endpoint: the URL must start with http:// or https://"_s;
        QTest::newRow("no host") << u"https:///hook"_s << QString()
                                 << u"endpoint: the URL has no host"_s;
        QTest::newRow("user info") << u"https://user:pw@example.com/"_s << QString()
                                   << u"endpoint: the URL must not contain a user name or "
                                      "password (they would show in logs): configure the "
                                      "authentication instead"_s;
        QTest::newRow("fragment") << u"https://example.com/#top"_s << QString()
                                  << u"endpoint: the URL must not contain a fragment (#…): it is "
                                     "never sent to the server"_s;
        QTest::newRow("space in host") << u"https://exa mple.com/"_s << QString()
                                       << u"endpoint: not a valid URL (Invalid hostname (contains "
                                          "invalid characters))"_s;
    }

    void endpoint()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QFETCH(QString, error);
        QString actualError;
        const std::optional<QUrl> url = parseEndpointUrl(input, &actualError);
        QCOMPARE(actualError, error);
        QCOMPARE(url.has_value(), error.isEmpty());
        if (url)
            QCOMPARE(url->toString(QUrl::FullyEncoded), expected);
    }

    void headers_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected"); // headersToString() of the result
        QTest::addColumn<QString>("error");

        QTest::newRow("none") << QString() << QString() << QString();
        QTest::newRow("one") << u"X-Api-Version:3"_s << u"X-Api-Version:3"_s << QString();
        QTest::newRow("blanks trimmed")
            << u" h1 : v 1 , h2:v2 "_s << u"h1:v 1,h2:v2"_s << QString();
        QTest::newRow("empty value") << u"X-Empty:"_s << u"X-Empty:"_s << QString();
        QTest::newRow("colon in value")
            << u"X-Origin:https://a.example/b"_s << u"X-Origin:https://a.example/b"_s << QString();
        QTest::newRow("tab and UTF-8 in value")
            << u"X-Note:caf\u00e9\tbar"_s << u"X-Note:caf\u00e9\tbar"_s << QString();
        QTest::newRow("token characters")
            << u"X-!#$%&'*+-.^_`|~9:1"_s << u"X-!#$%&'*+-.^_`|~9:1"_s << QString();

        QTest::newRow("space in name")
            << u"a:1,X Bad:1"_s << QString()
            << u"headers: entry 2 (\"X Bad:1\"): \"X Bad\" is not a valid header name: use "
               "letters, digits and !#$%&'*+-.^_`|~ only"_s;
        QTest::newRow("non-ASCII name")
            << u"\u00dcber:1"_s << QString()
            << u"headers: entry 1 (\"\u00dcber:1\"): \"\u00dcber\" is not a valid header name: "
               "use letters, digits and !#$%&'*+-.^_`|~ only"_s;
        QTest::newRow("two commas") << u"a:1,,b:2"_s << QString()
                                    << u"headers: entry 2 is empty (two commas in a row, or one "
                                       "at an end)"_s;
        QTest::newRow("trailing comma") << u"a:1,"_s << QString()
                                        << u"headers: entry 2 is empty (two commas in a row, or "
                                           "one at an end)"_s;
        QTest::newRow("no colon") << u"a:1,nocolon"_s << QString()
                                  << u"headers: entry 2 (\"nocolon\"): a colon must separate the "
                                     "header's name from its value"_s;
        QTest::newRow("no name") << u":v"_s << QString()
                                 << u"headers: entry 1 (\":v\"): the header has no name"_s;
        QTest::newRow("Authorization, any case, value hidden")
            << u"aUTHORIZATION:Bearer abc"_s << QString()
            << u"headers: entry 1 (\"aUTHORIZATION:••••\"): aUTHORIZATION comes from the "
               "destination's authentication settings and cannot be set as a header"_s;
        QTest::newRow("duplicate, any case") << u"X-A:1,x-a:2"_s << QString()
                                             << u"headers: entry 2 (\"x-a:2\"): x-a is already "
                                                "set by an earlier entry"_s;
        QTest::newRow("line break, key hidden")
            << u"X-Api-Key:abc\ndef"_s << QString()
            << u"headers: entry 1 (\"X-Api-Key:••••\"): the value contains a line break, which "
               "would split the request's headers"_s;
        QTest::newRow("carriage return") << u"X-A:a\rb"_s << QString()
                                         << u"headers: entry 1 (\"X-A:a\rb\"): the value contains "
                                            "a line break, which would split the request's "
                                            "headers"_s;
        QTest::newRow("NUL") << QString(u"X-A:a"_s + QChar(0) + u"b"_s) << QString()
                             << QString(u"headers: entry 1 (\"X-A:a"_s + QChar(0) +
                                        u"b\"): the value contains a NUL character"_s);
        QTest::newRow("bell") << u"X-A:a\u0007"_s << QString()
                              << u"headers: entry 1 (\"X-A:a\u0007\"): the value contains the "
                                 "control character U+0007"_s;

        const QStringList managed{u"Content-Length"_s,    u"content-type"_s,       u"HOST"_s,
                                  u"Transfer-Encoding"_s, u"Connection"_s,         u"Keep-Alive"_s,
                                  u"Upgrade"_s,           u"x-outflow-export-id"_s};
        for (const QString &name : managed) {
            QTest::addRow("managed %s", qPrintable(name))
                << name + u":1"_s << QString()
                << u"headers: entry 1 (\""_s + name + u":1\"): "_s + name +
                       u" is set by Outflow and cannot be configured"_s;
        }
    }

    void headers()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QFETCH(QString, error);
        QString actualError;
        const std::optional<QList<HttpHeader>> headers = parseHeaders(input, &actualError);
        QCOMPARE(actualError, error);
        QCOMPARE(headers.has_value(), error.isEmpty());
        if (headers)
            QCOMPARE(headersToString(*headers), expected);
    }

    void headerListsFollowTheSameRules()
    {
        QString error;
        QVERIFY(validateHeaders({{u"X-A"_s, u"1"_s}, {u"X-B"_s, QString()}}, &error));
        QVERIFY(!validateHeaders({{u"X-A"_s, u"1"_s}, {u"X-List"_s, u"a, b"_s}}, &error));
        QCOMPARE(error, u"headers: entry 2 (\"X-List:a, b\"): the value contains a comma, which "
                        "the \"h1:v1,h2:v2\" format cannot carry"_s);
        QVERIFY(!validateHeaders({{u"X-A"_s, u" 1"_s}}, &error));
        QCOMPARE(error, u"headers: entry 1 (\"X-A: 1\"): the value starts or ends with blanks"_s);
        QVERIFY(!validateHeaders({{u"Proxy-Authorization"_s, u"x"_s}}, &error));
        QVERIFY(error.startsWith(u"headers: entry 1 (\"Proxy-Authorization:••••\")"_s));
    }

    void longEntriesAreShortenedInErrors()
    {
        QString error;
        QVERIFY(!parseHeaders(u"X Long:"_s + QString(200, u'v'), &error));
        QVERIFY(error.startsWith(u"headers: entry 1 (\"X Long:vvv"_s));
        QVERIFY(error.contains(u"v…\"): "_s));
        QVERIFY(error.size() < 200);
    }

    void query_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected"); // normalized
        QTest::addColumn<QString>("error");

        QTest::newRow("none") << QString() << QString() << QString();
        QTest::newRow("two") << u"p1=v&p2=v"_s << u"p1=v&p2=v"_s << QString();
        QTest::newRow("leading ?") << u"?a=1"_s << u"a=1"_s << QString();
        QTest::newRow("encoded delimiters stay")
            << u"a=%2B%26%3D%25%20"_s << u"a=%2B%26%3D%25%20"_s << QString();
        QTest::newRow("hex case") << u"a=%2b%c3%a9"_s << u"a=%2B%C3%A9"_s << QString();
        QTest::newRow("unreserved decoded") << u"a=%7E%41%2d"_s << u"a=~A-"_s << QString();
        QTest::newRow("plus stays") << u"a=b+c"_s << u"a=b+c"_s << QString();
        QTest::newRow("flag and empty value") << u"flag&a="_s << u"flag&a="_s << QString();
        QTest::newRow("sub-delims") << u"a=!$'()*,;:@/?"_s << u"a=!$'()*,;:@/?"_s << QString();

        QTest::newRow("empty entry")
            << u"a=1&&b=2"_s << QString()
            << u"query: entry 2 is empty (two '&' in a row, or one at an end)"_s;
        QTest::newRow("trailing &")
            << u"a=1&"_s << QString()
            << u"query: entry 2 is empty (two '&' in a row, or one at an end)"_s;
        QTest::newRow("no name") << u"a=1&=v"_s << QString()
                                 << u"query: entry 2 (\"=v\"): the parameter has no name"_s;
        QTest::newRow("space") << u"name=John Doe"_s << QString()
                               << u"query: entry 1 (\"name=John Doe\"): a space cannot appear in "
                                  "a URL query: write it as %20 (or +, if the receiver decodes "
                                  "forms)"_s;
        QTest::newRow("non-ASCII")
            << u"city=Z\u00fcrich"_s << QString()
            << u"query: entry 1 (\"city=Z\u00fcrich\"): the character "
               "\"\u00fc\" cannot appear in a URL query: write it as %C3%BC"_s;
        QTest::newRow("emoji") << u"a=\U0001F600"_s << QString()
                               << u"query: entry 1 (\"a=\U0001F600\"): the character "
                                  "\"\U0001F600\" cannot appear in a URL query: write it as "
                                  "%F0%9F%98%80"_s;
        QTest::newRow("hash") << u"a=#x"_s << QString()
                              << u"query: entry 1 (\"a=#x\"): the character \"#\" cannot appear "
                                 "in a URL query: write it as %23"_s;
        QTest::newRow("bad escape") << u"a=1&b=%zz"_s << QString()
                                    << u"query: entry 2 (\"b=%zz\"): '%' must be followed by two "
                                       "hexadecimal digits (write a literal % as %25)"_s;
        QTest::newRow("short escape") << u"b=%4"_s << QString()
                                      << u"query: entry 1 (\"b=%4\"): '%' must be followed by "
                                         "two hexadecimal digits (write a literal % as %25)"_s;
    }

    void query()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QFETCH(QString, error);
        QString actualError;
        const std::optional<QString> query = parseQuery(input, &actualError);
        QCOMPARE(actualError, error);
        QCOMPARE(query.has_value(), error.isEmpty());
        if (query)
            QCOMPARE(*query, expected);
    }

    void requestUrlAppendsTheQuery_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("no query") << u"https://h.example/p"_s << QString()
                                  << QByteArray("https://h.example/p");
        QTest::newRow("query only") << u"https://h.example/p"_s << u"a=1&b=%2B"_s
                                    << QByteArray("https://h.example/p?a=1&b=%2B");
        QTest::newRow("after the endpoint's own")
            << u"https://h.example/p?x=1"_s << u"a=%26&c=d+e"_s
            << QByteArray("https://h.example/p?x=1&a=%26&c=d+e");
    }

    void requestUrlAppendsTheQuery()
    {
        QFETCH(QString, endpoint);
        QFETCH(QString, query);
        QFETCH(QByteArray, expected);
        Destination d = validDestination();
        d.endpoint = *parseEndpointUrl(endpoint, nullptr);
        d.query = *parseQuery(query, nullptr);
        QCOMPARE(requestUrl(d).toEncoded(), expected);
    }

    void tokenUrl_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QStringList>("warnings");
        QTest::newRow("https, one parameter")
            << u"https://auth.example/token?tenant=acme"_s << QString() << QStringList();
        QTest::newRow("two parameters")
            << u"https://auth.example/token?a=1&b=2"_s << QString()
            << QStringList{u"token-url: the URL has 2 query parameters; token endpoints are "
                           "expected to take at most one, and more may prevent connecting"_s};
        QTest::newRow("cleartext")
            << u"http://auth.example/token"_s << QString()
            << QStringList{u"token-url: the URL uses http, so the client secret and password "
                           "travel unencrypted; prefer https"_s};
        QTest::newRow("cleartext on loopback")
            << u"http://127.0.0.1:9000/token"_s << QString() << QStringList();
        QTest::newRow("localhost") << u"http://localhost/token"_s << QString() << QStringList();
        QTest::newRow("ftp") << u"ftp://auth.example/token"_s
                             << u"token-url: the scheme must be http or https, not \"ftp\""_s
                             << QStringList();
    }

    void tokenUrl()
    {
        QFETCH(QString, input);
        QFETCH(QString, error);
        QFETCH(QStringList, warnings);
        QString actualError;
        QStringList actualWarnings;
        const std::optional<QUrl> url = parseTokenUrl(input, &actualError, &actualWarnings);
        QCOMPARE(actualError, error);
        QCOMPARE(url.has_value(), error.isEmpty());
        QCOMPARE(actualWarnings, warnings);
    }

    void numbers_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("expected");
        QTest::addColumn<QString>("error");
        QTest::newRow("timeout") << u"timeout-ms"_s << u" 2000 "_s << 2000 << QString();
        QTest::newRow("timeout words")
            << u"timeout-ms"_s << u"2s"_s << 0 << u"timeout-ms: \"2s\" is not a whole number"_s;
        QTest::newRow("timeout low") << u"timeout-ms"_s << u"50"_s << 0
                                     << u"timeout-ms: 50 is out of range: use 100 to 300000"_s;
        QTest::newRow("timeout high") << u"timeout-ms"_s << u"300001"_s << 0
                                      << u"timeout-ms: 300001 is out of range: use 100 to 300000"_s;
        QTest::newRow("no retries") << u"max-retries"_s << u"0"_s << 0 << QString();
        QTest::newRow("retries high") << u"max-retries"_s << u"11"_s << 0
                                      << u"max-retries: 11 is out of range: use 0 to 10"_s;
        QTest::newRow("retries negative") << u"max-retries"_s << u"-1"_s << 0
                                          << u"max-retries: -1 is out of range: use 0 to 10"_s;
    }

    void numbers()
    {
        QFETCH(QString, field);
        QFETCH(QString, input);
        QFETCH(int, expected);
        QFETCH(QString, error);
        QString actualError;
        const std::optional<int> value = field == u"timeout-ms"_s
                                             ? parseTimeoutMs(input, &actualError)
                                             : parseMaxRetries(input, &actualError);
        QCOMPARE(actualError, error);
        QCOMPARE(value.value_or(0), expected);
    }
};

QTEST_GUILESS_MAIN(TestDestinationConfig)
#include "tst_destinationconfig.moc"
