// RuleDependencies answers, for every rule of a set at once, what
// Rule::dependsOnAnyOf answers for each: checked against it on rules sharing
// paths, ancestors and quoted segments holding dots, for many written sets.
#include "segmentation/ruledependencies.h"
#include "segmentation/ruleparser.h"

#include <QTest>

using namespace outflow;

class TestRuleDependencies final : public QObject
{
    Q_OBJECT

private slots:
    void sameAnswersAsDependsOnAnyOf()
    {
        std::vector<Rule> rules;
        for (const char *text :
             {"person.name.firstName = \"x\" and not loyalty.points > 1", "loyalty.points > 5",
              "loyalty exists", "homeAddress.countryCode in [\"FR\"] or a.\"b.c\".d = 1",
              "identityMap.email exists", "person.name.firstName startsWith \"A\"",
              "x = 1 or x.y = 2"}) {
            const RuleParseResult parsed = parseRule(QString::fromUtf8(text));
            QVERIFY2(parsed, text);
            rules.push_back(parsed.rule());
        }
        std::vector<const Rule *> pointers;
        for (const Rule &rule : rules)
            pointers.push_back(&rule);
        RuleDependencies dependencies;
        dependencies.reset(pointers);

        const QStringList candidates{QStringLiteral("person"),
                                     QStringLiteral("person.name"),
                                     QStringLiteral("person.name.firstName"),
                                     QStringLiteral("person.name.firstName.x"),
                                     QStringLiteral("person.name.lastName"),
                                     QStringLiteral("person.nameX"),
                                     QStringLiteral("loyalty"),
                                     QStringLiteral("loyalty.points"),
                                     QStringLiteral("loyalty.pointsTotal"),
                                     QStringLiteral("loyalty.tier"),
                                     QStringLiteral("a.b"),
                                     QStringLiteral("a.b.c"),
                                     QStringLiteral("a.b.c.d.e"),
                                     QStringLiteral("a.bc"),
                                     QStringLiteral("identityMap"),
                                     QStringLiteral("x"),
                                     QStringLiteral("x.y.z"),
                                     QStringLiteral("homeAddress.city"),
                                     QStringLiteral("other")};
        // Every set of up to two candidates, and the whole profile.
        QList<QStringList> writtenSets{{}, {QString()}};
        for (const QString &a : candidates) {
            writtenSets.append({a});
            for (const QString &b : candidates)
                writtenSets.append({a, b});
        }
        int touched = 0;
        for (const QStringList &written : std::as_const(writtenSets)) {
            std::vector<char> needed(rules.size(), 0);
            const bool any = dependencies.mark(WrittenPaths::fromStringList(written), needed);
            bool expectedAny = false;
            for (size_t i = 0; i < rules.size(); ++i) {
                const bool expected = rules[i].dependsOnAnyOf(written);
                expectedAny = expectedAny || expected;
                touched += expected ? 1 : 0;
                QVERIFY2(bool(needed[i]) == expected,
                         qPrintable(written.join(u',') + QStringLiteral(" / rule %1").arg(i)));
            }
            QCOMPARE(any, expectedAny);
        }
        QVERIFY(touched > 100); // the sets do touch rules, not only miss them
    }

    // mark() only sets: what the caller marked before stays marked.
    void markOnlyAdds()
    {
        const Rule rule = parseRule(QStringLiteral("a = 1")).rule();
        const Rule other = parseRule(QStringLiteral("b = 1")).rule();
        RuleDependencies dependencies;
        dependencies.reset({&rule, &other});
        std::vector<char> needed{0, 1};
        QVERIFY(dependencies.mark({QStringLiteral("a")}, needed));
        QCOMPARE(needed, (std::vector<char>{1, 1}));
        std::vector<char> none{0, 0};
        QVERIFY(!dependencies.mark({QStringLiteral("c")}, none));
        QCOMPARE(none, (std::vector<char>{0, 0}));
    }
};

QTEST_GUILESS_MAIN(TestRuleDependencies)
#include "tst_ruledependencies.moc"
