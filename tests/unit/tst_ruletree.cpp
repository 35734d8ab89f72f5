// Rules evaluated on an AttributeTree, as segmentation does after a merge
// (Rule::matches(tree, identities)): leaves are decoded from the JSON text as
// the fragment wrote it (escapes, number spellings, spaces, nested arrays,
// keys written twice), and identityMap comes from the identities. Every
// answer must be the one the same rule gives on the QJsonDocument of that
// text, the profile's XDM as Profile::toXdm() makes it.
#include "model/attributetree.h"
#include "model/profile.h"
#include "segmentation/ruleparser.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace outflow;

// No raw string literal in this file: moc (6.4) loses its way in those holding
// an odd number of quotes. JSON is written with single quotes instead.

namespace {

QByteArray jsonText(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

// Unusual but valid spellings, as a fragment may carry them.
const char *const attributesText =
    "{ 'name' : 'caf\\u00e9' , 'slash': 'a\\/b', 'quote': 'say \\'hi\\'',"
    "  'points': 1.5E+2, 'small': 25e-1, 'negative': -0.0, 'big': 12345678901234567890,"
    "  'list': [ 'a,b' , [ 'x', ']' ], { 'k': ']' }, 'q\\'uote', 7 , false,null ],"
    "  'empties': [ ], 'dup': 1, 'dup': 2,"
    "  'nested': { 'a': { 'b': 'deep' }, 'a': { 'c': 'last' } },"
    "  'when': '2024-01-31T11:00:00+01:00', 'identityMap': { 'fake': [ 'x' ] } }";

QList<Identity> identities()
{
    return {{QStringLiteral("email"), QStringLiteral("a@x.org"), true},
            {QStringLiteral("crmId"), QStringLiteral("C-1"), false},
            {QStringLiteral("email"), QStringLiteral("b@x.org"), false}};
}

} // namespace

class TestRuleTree final : public QObject
{
    Q_OBJECT

private slots:
    void sameAnswersAsOnTheXdmObject_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<bool>("expected");
        auto row = [](const char *rule, bool expected) {
            QTest::newRow(rule) << QString::fromUtf8(rule) << expected;
        };
        // Escapes are resolved before comparing.
        row("name = \"café\"", true);
        row("name startsWith \"caf\\u00e9\"", true);
        row("name > \"cafe\"", true);
        row("slash = \"a/b\"", true);
        row("quote contains \"\\\"hi\\\"\"", true);
        row("quote = \"say \\\"hi\\\"\"", true);
        // Numbers in any spelling.
        row("points = 150", true);
        row("points >= 150.0", true);
        row("small = 2.5", true);
        row("negative = 0", true);
        row("negative < 0", false);
        row("big > 12345678901234500000", true);
        row("big = 12345678901234567890", true);
        // Arrays: elements found whole, whatever they hold.
        row("list contains \"a,b\"", true);
        row("list contains \"a\"", false);
        row("list contains \"x\"", false);
        row("list contains \"]\"", false);
        row("list contains \"q\\\"uote\"", true);
        row("list contains 7", true);
        row("list contains false", true);
        row("list contains null", true);
        row("list exists", true);
        row("list != null", true);
        row("list = \"a,b\"", false);
        row("empties contains null", false);
        row("empties exists", true);
        // A key written twice: the last one counts.
        row("dup = 2", true);
        row("dup = 1", false);
        row("nested.a.c = \"last\"", true);
        row("nested.a.b exists", false);
        row("nested.a exists", true);
        row("nested.a = null", false);
        row("nested.a != null", true);
        // Dates compared as instants.
        row("when = \"2024-01-31T10:00:00Z\"", true);
        row("when < \"2024-01-31T10:00:01Z\"", true);
        // identityMap: the identities', not the attributes' own.
        row("identityMap exists", true);
        row("identityMap.email exists", true);
        row("identityMap.crmId != null", true);
        row("identityMap.fake exists", false);
        row("identityMap.phone exists", false);
        row("identityMap.email contains \"a@x.org\"", false);
        row("identityMap.email.id exists", false);
        row("identityMap = null", false);
        row("not identityMap.phone exists and identityMap.email exists", true);
    }
    void sameAnswersAsOnTheXdmObject()
    {
        QFETCH(QString, rule);
        QFETCH(bool, expected);
        const RuleParseResult parsed = parseRule(rule);
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message()));
        AttributeTree tree;
        QVERIFY(tree.parse(jsonText(attributesText)));
        QCOMPARE(parsed.rule().matches(tree, identities()), expected);

        Profile profile;
        profile.attributesJson = jsonText(attributesText);
        profile.identities = identities();
        QVERIFY(!profile.attributes().isEmpty());
        QCOMPARE(parsed.rule().matches(profile.toXdm()), expected);
    }

    // Without identities, toXdm() still makes an identityMap: an empty object.
    void noIdentities()
    {
        AttributeTree tree;
        QVERIFY(tree.parse(QByteArrayLiteral("{\"a\":1}")));
        for (const auto &[text, expected] :
             {std::pair{"identityMap exists", true}, std::pair{"identityMap.email exists", false},
              std::pair{"a = 1 and identityMap != null", true}}) {
            const Rule rule = parseRule(QString::fromUtf8(text)).rule();
            QCOMPARE(rule.matches(tree, {}), expected);
            Profile profile;
            profile.attributesJson = QByteArrayLiteral("{\"a\":1}");
            QCOMPARE(rule.matches(profile.toXdm()), expected);
        }
    }
};

QTEST_GUILESS_MAIN(TestRuleTree)
#include "tst_ruletree.moc"
