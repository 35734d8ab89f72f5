// Evaluating audience rules on a profile's XDM (DESIGN §3): every operator on
// every type of value, missing paths, mismatched types, dates across time
// zones, precedence, and which written paths a rule depends on.
#include "model/attributetree.h"
#include "segmentation/isoinstant.h"
#include "segmentation/ruleparser.h"

#include <atomic>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <thread>
#include <vector>

using outflow::parseIsoInstant;
using outflow::parseRule;
using outflow::Rule;

// No raw string literal in this file: moc (6.4) loses its way in those holding
// an odd number of quotes. JSON is written with single quotes instead.

namespace {

// JSON written with ' for " (no escaped quotes needed in C++ literals).
QByteArray jsonText(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

QJsonObject json(const char *text)
{
    const QByteArray bytes = jsonText(text);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (!document.isObject())
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

const char *const profileText = "{"
                                " 'person': {"
                                "  'name': {'firstName': 'John', 'lastName': 'Doe'},"
                                "  'birthDate': '1990-05-17', 'vip': true, 'nickname': null,"
                                "  'odd key': {'x': 'odd'}"
                                " },"
                                " 'homeAddress': {'countryCode': 'FR', 'city': 'Paris'},"
                                " 'loyalty': {'points': 150, 'since': '2024-01-01T01:00:00+02:00'},"
                                " 'personalEmail': {'address': 'john@acme.com'},"
                                " 'tags': ['vip', 'early', 42, true, null, '2024-01-31'],"
                                " 'scores': [1, 2.5],"
                                " 'lastSeen': '2024-01-31T10:00:00Z',"
                                " 'notADate': '2024-02-30',"
                                " 'private': '\\uE000', 'emoji': '\\uD83D\\uDE00',"
                                " 'empty': '', 'zero': 0, 'obj': {}"
                                "}";

QJsonObject profile()
{
    return json(profileText);
}

} // namespace

class TestRuleEvaluator final : public QObject
{
    Q_OBJECT

private slots:
    void matches_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<bool>("expected");

        auto row = [](const char *rule, bool expected) {
            QTest::newRow(rule) << QString::fromUtf8(rule) << expected;
        };
        // Strings: code point order, case-sensitive.
        row("person.name.firstName = \"John\"", true);
        row("person.name.firstName = \"john\"", false);
        row("person.name.firstName != \"Jane\"", true);
        row("person.name.firstName != \"John\"", false);
        row("person.name.firstName < \"K\"", true);
        row("person.name.firstName < \"John\"", false);
        row("person.name.firstName <= \"John\"", true);
        row("person.name.firstName > \"Johm\"", true);
        row("person.name.firstName > \"Johnny\"", false);
        row("person.name.firstName >= \"Joho\"", false);
        row("person.name.firstName >= \"John\"", true);
        row("person.name.firstName startsWith \"Jo\"", true);
        row("person.name.firstName startsWith \"jo\"", false);
        row("person.name.firstName endsWith \"hn\"", true);
        row("person.name.firstName endsWith \"HN\"", false);
        row("person.name.firstName contains \"oh\"", true);
        row("person.name.firstName contains \"x\"", false);
        row("person.name.firstName in [\"Jane\", \"John\"]", true);
        row("person.name.firstName in [\"jane\", 1, true]", false);
        row("person.name.firstName in []", false);
        row("person.name.firstName exists", true);
        row("empty = \"\"", true);
        row("empty < \"\"", false);
        row("person.name.firstName > \"\"", true);
        row("empty startsWith \"\"", true);
        row("empty exists", true);
        row("private < \"\\uD83D\\uDE00\"", true); // U+E000 < U+1F600, unlike UTF-16 order
        row("emoji > \"\\uE000\"", true);
        row("person.\"odd key\".x = \"odd\"", true);
        // Numbers, as doubles.
        row("loyalty.points = 150", true);
        row("loyalty.points = 150.0", true);
        row("loyalty.points = 1.5e2", true);
        row("loyalty.points != 150", false);
        row("loyalty.points != 100", true);
        row("loyalty.points < 200", true);
        row("loyalty.points < 150", false);
        row("loyalty.points <= 150", true);
        row("loyalty.points > 149.5", true);
        row("loyalty.points > -1e3", true);
        row("loyalty.points >= 151", false);
        row("loyalty.points in [100, 150]", true);
        row("zero = -0", true);
        row("zero < 0.0001", true);
        // Booleans: = and != only (the parser rejects the rest).
        row("person.vip = true", true);
        row("person.vip = false", false);
        row("person.vip != false", true);
        row("person.vip != true", false);
        row("person.vip in [false, true]", true);
        row("person.vip exists", true);
        // Null.
        row("person.nickname = null", true);
        row("person.nickname != null", false);
        row("person.nickname exists", false);
        row("not person.nickname exists", true);
        row("person.nickname in [null]", true);
        row("person.nickname = \"x\"", false);
        row("person.nickname != \"x\"", false);
        row("loyalty.points = null", false);
        row("loyalty.points != null", true);
        // Missing paths: every predicate false, != and exists included.
        row("person.middleName = \"x\"", false);
        row("person.middleName != \"x\"", false);
        row("person.middleName exists", false);
        row("not person.middleName exists", true);
        row("not person.middleName = \"x\"", true);
        row("person.middleName < 3", false);
        row("person.middleName in [\"a\", null]", false);
        row("person.middleName contains \"a\"", false);
        row("person.middleName = null", false);
        row("person.middleName != null", false);
        row("nothing exists", false);
        row("person.name.firstName.x exists", false); // through a string
        row("tags.x exists", false);                  // through an array
        row("person.vip.x != 1", false);              // through a boolean
        // Objects compare to nothing.
        row("homeAddress = \"FR\"", false);
        row("homeAddress != \"FR\"", false);
        row("homeAddress exists", true);
        row("obj exists", true);
        row("homeAddress contains \"FR\"", false);
        row("obj = null", false);
        // Arrays: contains is element equality.
        row("tags contains \"vip\"", true);
        row("tags contains \"VIP\"", false);
        row("tags contains \"vi\"", false);
        row("tags contains 42", true);
        row("tags contains 42.0", true);
        row("tags contains true", true);
        row("tags contains false", false);
        row("tags contains null", true);
        row("tags contains \"2024-01-31T02:00:00+02:00\"", true); // element as a date
        row("scores contains 2.5", true);
        row("scores contains \"2.5\"", false);
        row("tags = \"vip\"", false);
        row("tags != \"vip\"", false);
        row("tags in [\"vip\"]", false);
        row("tags startsWith \"v\"", false);
        row("tags exists", true);
        // Type mismatches: false, != included.
        row("loyalty.points = \"150\"", false);
        row("loyalty.points != \"150\"", false);
        row("loyalty.points in [\"150\"]", false);
        row("loyalty.points contains 1", false);
        row("loyalty.points startsWith \"1\"", false);
        row("loyalty.points < \"2\"", false);
        row("person.name.firstName = 1", false);
        row("person.name.firstName != 1", false);
        row("person.name.firstName != true", false);
        row("person.vip = \"true\"", false);
        row("person.vip = 1", false);
        row("person.vip != 1", false);
        // Dates: compared as instants when the literal is a date.
        row("person.birthDate = \"1990-05-17\"", true);
        row("person.birthDate = \"1990-05-17T00:00:00Z\"", true);
        row("person.birthDate = \"1990-05-17T02:00:00+02:00\"", true);
        row("person.birthDate != \"1990-05-17T00:00:00.001Z\"", true);
        row("person.birthDate < \"1990-05-18\"", true);
        row("person.birthDate > \"1990-05-16T23:59:59Z\"", true);
        row("person.birthDate >= \"1990-05-17T00:00:00Z\"", true);
        row("person.birthDate <= \"1990-05-16\"", false);
        row("person.birthDate in [\"1989-01-01\", \"1990-05-17\"]", true);
        row("person.birthDate startsWith \"1990\"", true); // text
        // Date-times, across time zones.
        row("lastSeen = \"2024-01-31T12:00:00+02:00\"", true);
        row("lastSeen = \"2024-01-31T10:00:00\"", true); // no zone: UTC
        row("lastSeen = \"2024-01-31T05:00:00-05:00\"", true);
        row("lastSeen > \"2024-01-31\"", true);
        row("lastSeen < \"2024-02-01\"", true);
        row("lastSeen < \"2024-01-31T11:00:00+02:00\"", false); // 09:00Z
        row("lastSeen in [\"2024-01-31T11:00:00+01:00\"]", true);
        row("lastSeen != \"2024-01-31T10:00:00.000Z\"", false);
        row("loyalty.since < \"2024-01-01T00:00:00Z\"", true); // 2023-12-31T23:00Z
        row("loyalty.since = \"2023-12-31T23:00:00Z\"", true);
        row("loyalty.since > \"2023-12-31T23:30:00Z\"", false); // as text it would be greater
        row("loyalty.since > \"2023-12-31T22:59:59.999Z\"", true);
        // A date literal against no date: false.
        row("person.name.firstName < \"2024-01-01\"", false);
        row("person.name.firstName != \"2024-01-01\"", false);
        row("notADate = \"2024-02-30\"", true); // not a date: plain text
        row("notADate < \"2024-03-01\"", false);
        row("notADate != \"2024-03-01\"", false);
        row("loyalty.points < \"2024-01-01\"", false);
        // Precedence: not > and > or.
        row("person.vip = false and person.vip = false or person.vip = true", true);
        row("person.vip = true or person.vip = false and person.vip = false", true);
        row("(person.vip = true or person.vip = false) and person.vip = false", false);
        row("not person.vip = true or person.vip = true", true);
        row("not (person.vip = true or person.vip = true)", false);
        row("not not person.vip = true", true);
        // The design's examples.
        row("person.name.firstName = \"John\" and homeAddress.countryCode in [\"FR\", \"DE\"]",
            true);
        row("not (loyalty.points < 100) or personalEmail.address exists", true);
        row("personalEmail.address endsWith \"@acme.com\"", true);
    }
    void matches()
    {
        QFETCH(QString, rule);
        QFETCH(bool, expected);
        const auto result = parseRule(rule);
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message()));
        QCOMPARE(result.rule().matches(profile()), expected);
        // On the tree of the text as written (spaces, escapes), as a merge
        // hands it to segmentation.
        outflow::AttributeTree tree;
        QVERIFY(tree.parse(jsonText(profileText)));
        QCOMPARE(result.rule().matches(tree, {}), expected);
        // The canonical text means the same.
        const auto printed = parseRule(result.rule().toString());
        QVERIFY(printed);
        QCOMPARE(printed.rule().matches(profile()), expected);
    }

    void emptyProfile()
    {
        const QJsonObject empty;
        QVERIFY(!parseRule(QStringLiteral("a exists")).rule().matches(empty));
        QVERIFY(parseRule(QStringLiteral("not a = 1")).rule().matches(empty));
    }

    // One compiled rule, shared by threads that each evaluate their own
    // profiles (as the engine's workers do): every evaluation sees the rule whole.
    void sharedAcrossThreads()
    {
        const Rule rule = parseRule(QStringLiteral("person.name.firstName = \"John\" and "
                                                   "lastSeen > \"2024-01-31T11:00:00+02:00\""))
                              .rule();
        constexpr int Threads = 4;
        constexpr int Evaluations = 2000;
        std::atomic<int> matched = 0;
        std::vector<std::thread> threads;
        for (int t = 0; t < Threads; ++t) {
            threads.emplace_back([&matched, copy = rule] {
                const QJsonObject mine = profile();
                for (int i = 0; i < Evaluations; ++i)
                    matched += copy.matches(mine) ? 1 : 0;
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(matched.load(), Threads * Evaluations);
    }

    void isoInstant_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("ms");

        auto row = [](const char *text, bool valid, qint64 ms) {
            QTest::newRow(text) << QString::fromLatin1(text) << valid << ms;
        };
        row("1970-01-01", true, 0);
        row("1969-12-31T23:59:59.999Z", true, -1);
        row("2000-03-01", true, 951868800000);
        row("2024-02-29", true, 1709164800000);
        row("2024-01-01T00:00:00Z", true, 1704067200000);
        row("2024-01-01T02:00:00+02:00", true, 1704067200000);
        row("2024-01-01T02:00+0200", true, 1704067200000);
        row("2024-01-01T02:00:00+02", true, 1704067200000);
        row("2023-12-31T19:00:00-05:00", true, 1704067200000);
        row("2024-01-01T00:00:00", true, 1704067200000);
        row("2024-01-01T00:00:00.5Z", true, 1704067200500);
        row("2024-01-01T00:00:00.123456Z", true, 1704067200123);
        row("2023-02-29", false, 0);
        row("1900-02-29", false, 0);
        row("2024-13-01", false, 0);
        row("2024-00-10", false, 0);
        row("2024-04-31", false, 0);
        row("2024-1-01", false, 0);
        row("2024-01-01T24:00", false, 0);
        row("2024-01-01T10:60", false, 0);
        row("2024-01-01T10:00:60", false, 0);
        row("2024-01-01T10", false, 0);
        row("2024-01-01 10:00", false, 0);
        row("2024-01-01T10:00:00.", false, 0);
        row("2024-01-01T10:00:00Zx", false, 0);
        row("2024-01-01T10:00:00+2:00", false, 0);
        row("2024-01-01T10:00:00+02:0", false, 0);
        row("2024-01-01T10:00:00+24:00", false, 0);
        row("2024-01-01x", false, 0);
        row("", false, 0);
    }
    void isoInstant()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(qint64, ms);
        const std::optional<qint64> instant = parseIsoInstant(text);
        QCOMPARE(instant.has_value(), valid);
        // The same over UTF-8, as rules read an AttributeTree's strings.
        QCOMPARE(outflow::parseIsoInstantUtf8(text.toUtf8()), instant);
        if (valid)
            QCOMPARE(*instant, ms);
    }

    void dependsOnAnyOf_data()
    {
        QTest::addColumn<QStringList>("written");
        QTest::addColumn<bool>("expected");

        auto row = [](const char *name, QStringList written, bool expected) {
            QTest::newRow(name) << written << expected;
        };
        const auto s = [](const char *text) { return QString::fromLatin1(text); };
        row("nothing written", {}, false);
        row("the path itself", {s("person.name.firstName")}, true);
        row("an ancestor", {s("person")}, true);
        row("a closer ancestor", {s("person.name")}, true);
        row("a descendant", {s("person.name.firstName.x")}, true);
        row("a sibling", {s("person.name.lastName")}, false);
        row("a longer name", {s("person.nameX")}, false);
        row("a prefix of a name", {s("person.name.first")}, false);
        row("another top level", {s("homeAddress")}, false);
        row("the other path", {s("homeAddress"), s("loyalty.points")}, true);
        row("a name extending it", {s("loyalty.pointsTotal")}, false);
        row("the whole profile", {QString()}, true);
    }
    void dependsOnAnyOf()
    {
        QFETCH(QStringList, written);
        QFETCH(bool, expected);
        const Rule rule =
            parseRule(QStringLiteral("person.name.firstName = \"x\" and not loyalty.points > 1"))
                .rule();
        QCOMPARE(rule.dependsOnAnyOf(written), expected);
    }
};

QTEST_GUILESS_MAIN(TestRuleEvaluator)
#include "tst_ruleevaluator.moc"
