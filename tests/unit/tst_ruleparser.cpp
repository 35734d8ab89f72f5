// The audience rule language (DESIGN §3): lexing and parsing, precedence,
// error positions and messages, canonical printing and its round trip, and
// the paths a rule references.
#include "segmentation/ruleparser.h"

#include <QTest>

using outflow::parseRule;
using outflow::Rule;
using outflow::RuleLiteral;
using outflow::RuleLogical;
using outflow::RuleNot;
using outflow::RuleParseError;
using outflow::RuleParser;

// No raw string literal in this file: moc (6.4) loses its way in those holding
// an odd number of quotes, and rules are full of quotes.

namespace {

// The rule, or a failure naming the parse error.
Rule parsed(const QString &text)
{
    const auto result = parseRule(text);
    if (!result)
        qFatal("unexpected parse error in %s: %s", qPrintable(text),
               qPrintable(result.error().message()));
    return result.rule();
}

} // namespace

class TestRuleParser final : public QObject
{
    Q_OBJECT

private slots:
    // Parses, prints the canonical text, and checks that the text parses back
    // to the same tree (and prints the same again).
    void roundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");

        auto row = [](const char *name, const char *text, const char *canonical) {
            QTest::newRow(name) << QString::fromUtf8(text) << QString::fromUtf8(canonical);
        };
        row("design example 1",
            "person.name.firstName = \"John\" and homeAddress.countryCode in [\"FR\", \"DE\"]",
            "person.name.firstName = \"John\" and homeAddress.countryCode in [\"FR\", \"DE\"]");
        row("design example 2", "not (loyalty.points < 100) or personalEmail.address exists",
            "not loyalty.points < 100 or personalEmail.address exists");
        row("design example 3", "personalEmail.address endsWith \"@acme.com\"",
            "personalEmail.address endsWith \"@acme.com\"");
        row("every comparison", "a=1 and b!=2 and c<3 and d<=4 and e>5 and f>=6",
            "a = 1 and b != 2 and c < 3 and d <= 4 and e > 5 and f >= 6");
        row("string operators", "a contains \"x\" or a startsWith \"y\" or a endsWith \"z\"",
            "a contains \"x\" or a startsWith \"y\" or a endsWith \"z\"");
        row("contains any value", "tags contains 42 or tags contains true or tags contains null",
            "tags contains 42 or tags contains true or tags contains null");
        row("or inside and keeps parentheses", "a = 1 and (b = 2 or c = 3)",
            "a = 1 and (b = 2 or c = 3)");
        row("and inside or loses them", "(a = 1 and b = 2) or c = 3", "a = 1 and b = 2 or c = 3");
        row("nested and is spliced", "a = 1 and (b = 2 and c = 3)", "a = 1 and b = 2 and c = 3");
        row("nested or is spliced", "((a = 1 or b = 2)) or (c = 3)", "a = 1 or b = 2 or c = 3");
        row("not of and", "not (a = 1 and b = 2)", "not (a = 1 and b = 2)");
        row("not of or", "not(a = 1 or b = 2)", "not (a = 1 or b = 2)");
        row("double not", "not not a exists", "not not a exists");
        row("not of parenthesised not", "not (not (a exists))", "not not a exists");
        row("literals", "a = true or b = false or c != null", "a = true or b = false or c != null");
        row("negative decimal with exponent", "a = -1.50e+2", "a = -150");
        row("decimal", "a > 0.1", "a > 0.1");
        row("large exponent", "a < 1E21", "a < 1e+21");
        row("small exponent", "a < 25e-5", "a < 0.00025");
        row("leading zeros", "a = 007", "a = 7");
        row("escapes", "a = \"q\\\"b\\\\s\\/\\n\\r\\t\\u00e9\\u0001\"",
            "a = \"q\\\"b\\\\s/\\n\\r\\t\xC3\xA9\\u0001\"");
        row("surrogate pair escape", "a = \"\\uD83D\\uDE00\"", "a = \"\xF0\x9F\x98\x80\"");
        row("lone surrogate stays escaped", "a = \"\\uD83Dx\"", "a = \"\\uD83Dx\"");
        row("quoted segments", "person.\"odd key\".x = 1", "person.\"odd key\".x = 1");
        row("plain quoted segment", "a.\"b\".c exists", "a.b.c exists");
        row("keyword segment", "a.\"in\".exists exists", "a.in.exists exists");
        row("keyword first segment of a path", "not.x exists", "not.x exists");
        row("quoted segment with dot and escapes", "a.\"b.c\\\"d\".\"\" exists",
            "a.\"b.c\\\"d\".\"\" exists");
        row("non-ASCII names", "personne.prénom = \"Zoé\"", "personne.prénom = \"Zoé\"");
        row("empty list", "a in []", "a in []");
        row("mixed list", "a in [1, \"x\", true, null, -2.5]", "a in [1, \"x\", true, null, -2.5]");
        row("multi-line with tabs and CRLF", "a=1\r\n\tand\n  b!=\"x\"", "a = 1 and b != \"x\"");
        row("dates", "d >= \"2024-01-31\" and d < \"2024-01-31T10:00:00+02:00\"",
            "d >= \"2024-01-31\" and d < \"2024-01-31T10:00:00+02:00\"");
    }
    void roundTrip()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        const Rule rule = parsed(text);
        QCOMPARE(rule.toString(), canonical);
        const Rule again = parsed(rule.toString());
        QVERIFY(again == rule);
        QCOMPARE(again.toString(), canonical);
    }

    // Two texts give the same tree, or not: `not` > `and` > `or`.
    void precedence_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("other");
        QTest::addColumn<bool>("same");

        auto row = [](const char *name, const char *text, const char *other, bool same) {
            QTest::newRow(name) << QString::fromUtf8(text) << QString::fromUtf8(other) << same;
        };
        row("and binds tighter than or", "a exists or b exists and c exists",
            "a exists or (b exists and c exists)", true);
        row("and binds tighter than or (not left)", "a exists or b exists and c exists",
            "(a exists or b exists) and c exists", false);
        row("and first", "a exists and b exists or c exists", "(a exists and b exists) or c exists",
            true);
        row("not binds tighter than and", "not a exists and b exists",
            "(not a exists) and b exists", true);
        row("not binds tighter than and (not around)", "not a exists and b exists",
            "not (a exists and b exists)", false);
        row("not binds tighter than or", "not a exists or b exists", "not (a exists or b exists)",
            false);
        row("and is associative", "(a exists and b exists) and c exists",
            "a exists and (b exists and c exists)", true);
        row("operand order matters", "a exists and b exists", "b exists and a exists", false);
        row("literal types differ", "a = 1", "a = \"1\"", false);
        row("numbers by value", "a = 1.0", "a = 1", true);
        row("strings by escapes", "a = \"\\u0041\"", "a = \"A\"", true);
        row("paths by segments", "a.\"b.c\" exists", "a.b.c exists", false);
        row("operators", "a < 1", "a <= 1", false);
        row("double not is kept", "not not a exists", "a exists", false);
    }
    void precedence()
    {
        QFETCH(QString, text);
        QFETCH(QString, other);
        QFETCH(bool, same);
        QCOMPARE(parsed(text) == parsed(other), same);
    }

    void shape()
    {
        // a or (not b and c): the tree, not only its printing.
        const Rule rule = parsed(QStringLiteral("a exists or not b exists and c exists"));
        const auto *top = std::get_if<RuleLogical>(&rule.root().value);
        QVERIFY(top);
        QCOMPARE(top->kind, RuleLogical::Kind::Or);
        QCOMPARE(top->operands.size(), std::size_t(2));
        const auto *right = std::get_if<RuleLogical>(&top->operands[1]->value);
        QVERIFY(right);
        QCOMPARE(right->kind, RuleLogical::Kind::And);
        QVERIFY(std::holds_alternative<RuleNot>(right->operands[0]->value));

        // Copies share the tree and stay equal.
        const Rule copy = rule;
        QCOMPARE(&copy.root(), &rule.root());
        QVERIFY(copy == rule);
    }

    void literals()
    {
        const Rule rule = parsed(QStringLiteral("d < \"2024-01-01T02:00:00+02:00\""));
        const auto &comparison = std::get<outflow::RuleComparison>(rule.root().value);
        const RuleLiteral &literal = comparison.operands.constFirst();
        QCOMPARE(literal.kind, RuleLiteral::Kind::String);
        QVERIFY(literal.instantMs.has_value());
        QCOMPARE(*literal.instantMs, qint64(1704067200000)); // 2024-01-01T00:00:00Z
        QVERIFY(!RuleLiteral::fromString(QStringLiteral("2024-02-30")).instantMs.has_value());
    }

    void errors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("found");
        QTest::addColumn<QString>("expected");

        auto row = [](const char *name, const char *text, int line, int column, const char *found,
                      const char *expected) {
            QTest::newRow(name) << QString::fromUtf8(text) << line << column
                                << QString::fromUtf8(found) << QString::fromUtf8(expected);
        };
        const char *condition = "a path, \"not\" or \"(\"";
        const char *andOrEnd = "\"and\", \"or\" or the end of the rule";
        row("empty rule", "", 1, 1, "", condition);
        row("blank rule", "  \t", 1, 4, "", condition);
        row("value missing", "person.name.firstName =", 1, 24, "", "a value after \"=\"");
        row("unterminated string", "a = \"abc", 1, 9, "",
            "a closing quote (\") for the string that starts at column 5");
        row("bad escape", "a = \"ab\\qc\"", 1, 8, "\\q",
            "an escape sequence (\\\" \\\\ \\/ \\n \\r \\t or \\uXXXX) after the backslash");
        row("bad unicode escape", "a = \"\\u12G4\"", 1, 6, "\\u12G",
            "four hexadecimal digits after \\u");
        row("missing ]", "a in [\"FR\", \"DE\"", 1, 17, "",
            "\",\" or \"]\" after a value of the list");
        row("missing comma", "a in [1 2]", 1, 9, "2", "\",\" or \"]\" after a value of the list");
        row("trailing comma", "a in [1,]", 1, 9, "]", "a value after \",\"");
        row("in without list", "a in \"FR\"", 1, 6, "\"FR\"", "\"[\" after \"in\"");
        row("trailing garbage", "a = 1 b = 2", 1, 7, "b", andOrEnd);
        row("unbalanced )", "a = 1 )", 1, 7, ")", andOrEnd);
        row("unknown character", "a = 1 # x", 1, 7, "#", andOrEnd);
        row("keywords are case-sensitive", "a = 1 AND b = 2", 1, 7, "AND", andOrEnd);
        row("unclosed (", "(a = 1 and b = 2", 1, 17, "",
            "\"and\", \"or\" or \")\" to close the \"(\" at line 1, column 1");
        row("no operator", "a and b", 1, 3, "and",
            "an operator (=, !=, <, <=, >, >=, in, exists, contains, startsWith or endsWith) "
            "after \"a\"");
        row("nothing after and", "a = 1 and", 1, 10, "", "a path, \"not\" or \"(\" after \"and\"");
        row("nothing after not", "not ", 1, 5, "", "a path, \"not\" or \"(\" after \"not\"");
        row("value is a path", "a = b", 1, 5, "b", "a value after \"=\"");
        row("ordering a boolean", "a < true", 1, 5, "true",
            "a number, a string or a date after \"<\"");
        row("ordering null", "a >= null", 1, 6, "null",
            "a number, a string or a date after \">=\"");
        row("startsWith a number", "a startsWith 3", 1, 14, "3", "a string after \"startsWith\"");
        row("lone minus", "a = -x", 1, 6, "x", "a digit after \"-\"");
        row("no decimals", "a = 1.", 1, 7, "", "a digit after the decimal point");
        row("no exponent", "a = 1e+", 1, 8, "", "a digit in the exponent");
        row("infinite number", "a = 1e999", 1, 5, "1e999", "a number between -1.7e308 and 1.7e308");
        row("lone !", "a ! 1", 1, 3, "!", "\"!=\"");
        row("==", "a == 1", 1, 4, "=", "a value after \"=\"");
        row("dot without name", "a. = 1", 1, 3, " ", "a name or a quoted name after \".\"");
        row("quoted first segment is a string", "\"a\".b = 1", 1, 1, "\"a\"", condition);
        row("multi-line: column on the third line", "a = 1\nand b = 2\nor c @ 3", 3, 6, "@",
            "an operator (=, !=, <, <=, >, >=, in, exists, contains, startsWith or endsWith) "
            "after \"c\"");
        row("multi-line: string cut by the end of its line", "a = 1 and\nb = \"abc\nor c exists", 2,
            9, "\n", "a closing quote (\") for the string that starts at column 5");
        row("multi-line: end of rule after a newline", "a = 1 or\n", 2, 1, "",
            "a path, \"not\" or \"(\" after \"or\"");
        row("columns count code points", "x = \"\xC3\xA9\xF0\x9F\x98\x80\" y", 1, 10, "y",
            andOrEnd);
        const QByteArray deep = QByteArray(RuleParser::MaxDepth + 1, '(')
                                    .append("a exists")
                                    .append(QByteArray(RuleParser::MaxDepth + 1, ')'));
        row("too deep", deep.constData(), 1, RuleParser::MaxDepth + 1, "(",
            "at most 64 nested parentheses and \"not\"");
        QByteArray nots;
        for (int i = 0; i <= RuleParser::MaxDepth; ++i)
            nots.append("not ");
        nots.append("a exists");
        row("too many nots", nots.constData(), 1, RuleParser::MaxDepth * 4 + 1, "not",
            "at most 64 nested parentheses and \"not\"");
    }
    void errors()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, found);
        QFETCH(QString, expected);

        const auto result = parseRule(text);
        QVERIFY(!result);
        const RuleParseError &error = result.error();
        QCOMPARE(error.expected, expected);
        QCOMPARE(error.found, found);
        QCOMPARE(error.line, line);
        QCOMPARE(error.column, column);
    }

    void depthLimitIsInclusive()
    {
        QByteArray deep = QByteArray(RuleParser::MaxDepth, '(');
        deep.append("a exists").append(QByteArray(RuleParser::MaxDepth, ')'));
        QVERIFY(parseRule(QString::fromLatin1(deep)));
    }

    void messages_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");

        QTest::newRow("end of rule")
            << QStringLiteral("person.name.firstName =")
            << QStringLiteral("line 1, column 24: expected a value after \"=\" but found end of "
                              "rule");
        QTest::newRow("end of line")
            << QStringLiteral("a = \"x\ny")
            << QStringLiteral("line 1, column 7: expected a closing quote (\") for the string "
                              "that starts at column 5 but found end of line");
        QTest::newRow("token") << QStringLiteral("a = 1 b")
                               << QStringLiteral("line 1, column 7: expected \"and\", \"or\" or "
                                                 "the end of the rule but found \"b\"");
        QTest::newRow("long token is cut")
            << QStringLiteral("a = 1 ") + QString(50, u'x')
            << QStringLiteral("line 1, column 7: expected \"and\", \"or\" or the end of the rule "
                              "but found \"") +
                   QString(39, u'x') + QStringLiteral("…\"");
    }
    void messages()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const auto result = parseRule(text);
        QVERIFY(!result);
        QCOMPARE(result.error().message(), message);
    }

    void referencedPaths_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("paths");

        QTest::newRow("one") << QStringLiteral("a.b = 1") << QStringList{QStringLiteral("a.b")};
        QTest::newRow("in order, each once")
            << QStringLiteral("a.b = 1 or (c exists and a.b < 3) or not d.\"e.f\" exists")
            << QStringList{QStringLiteral("a.b"), QStringLiteral("c"), QStringLiteral("d.e.f")};
        QTest::newRow("prefixes are distinct paths")
            << QStringLiteral("person exists and person.name exists")
            << QStringList{QStringLiteral("person"), QStringLiteral("person.name")};
    }
    void referencedPaths()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, paths);
        QCOMPARE(parsed(text).referencedPaths(), paths);
    }
};

QTEST_GUILESS_MAIN(TestRuleParser)
#include "tst_ruleparser.moc"
