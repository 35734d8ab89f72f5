// AttributeTree: the merge path's JSON object, parsed to its keys only. The
// merge rules themselves are checked against stored profiles in
// tst_profilemerger; here: parsing, text fidelity, keys and the large-object path.
#include "model/attributetree.h"

#include <QJsonDocument>
#include <QTest>
#include <string>

using outflow::AttributeTree;

namespace {

AttributeTree tree(const QByteArray &json)
{
    AttributeTree parsed;
    if (!parsed.parse(json))
        qWarning("could not parse %s", json.constData());
    return parsed;
}

QByteArray merged(const QByteArray &target, const QByteArray &source,
                  QStringList *written = nullptr)
{
    AttributeTree result = tree(target);
    outflow::WrittenPaths paths;
    result.merge(tree(source), written ? &paths : nullptr);
    if (written)
        written->append(paths.toStringList());
    return result.toJson();
}

} // namespace

class TestAttributeTree : public QObject
{
    Q_OBJECT

private slots:
    void roundTripsCompactText_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("compact");
        QTest::newRow("empty") << QByteArray("{}") << QByteArray("{}");
        QTest::newRow("spaces") << QByteArray(" { \"a\" : 1 ,\n\t\"b\" :{ \"c\":[1, 2] } }\r\n")
                                << QByteArray("{\"a\":1,\"b\":{\"c\":[1, 2]}}");
        // Leaves keep their text: number spelling, string escapes, nested
        // objects inside arrays are never re-encoded.
        QTest::newRow("leaves verbatim")
            << QByteArray("{\"n\":1.50e0,\"s\":\"a\\u00e9\\\"b\",\"t\":true,\"z\":null,"
                          "\"arr\":[{\"x\":\"]}\"},[]]}")
            << QByteArray("{\"n\":1.50e0,\"s\":\"a\\u00e9\\\"b\",\"t\":true,\"z\":null,"
                          "\"arr\":[{\"x\":\"]}\"},[]]}");
        QTest::newRow("order kept")
            << QByteArray("{\"z\":1,\"a\":2}") << QByteArray("{\"z\":1,\"a\":2}");
    }
    void roundTripsCompactText()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, compact);
        AttributeTree parsed;
        QVERIFY(parsed.parse(input));
        QCOMPARE(parsed.toJson(), compact);
        QVERIFY(QJsonDocument::fromJson(parsed.toJson()).isObject());
    }

    void refusesWhatIsNotAnObject_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::newRow("empty text") << QByteArray();
        QTest::newRow("array") << QByteArray("[1]");
        QTest::newRow("string") << QByteArray("\"x\"");
        QTest::newRow("unclosed") << QByteArray("{\"a\":1");
        QTest::newRow("unclosed string") << QByteArray("{\"a\":\"x}");
        QTest::newRow("no colon") << QByteArray("{\"a\" 1}");
        QTest::newRow("no value") << QByteArray("{\"a\":}");
        QTest::newRow("trailing") << QByteArray("{} x");
        QTest::newRow("unclosed array") << QByteArray("{\"a\":[1,2}");
        QTest::newRow("bad key escape") << QByteArray("{\"\\q\":1}");
        QTest::newRow("too deep") << QByteArray(2000, '{');
    }
    void refusesWhatIsNotAnObject()
    {
        QFETCH(QByteArray, input);
        AttributeTree parsed;
        QVERIFY(!parsed.parse(input));
        QVERIFY(parsed.isEmpty());
        QCOMPARE(parsed.toJson(), QByteArray("{}"));
    }

    void escapedKeysAreTheSameMember()
    {
        QStringList written;
        QCOMPARE(merged("{\"ab\":1}", "{\"a\\u0062\":2}", &written), QByteArray("{\"ab\":2}"));
        QCOMPARE(written, QStringList{QStringLiteral("ab")});
        // A key that needs escaping is written escaped again.
        QCOMPARE(merged("{}", "{\"q\\\"\\\\\\n\":1}"), QByteArray("{\"q\\\"\\\\\\u000a\":1}"));
        QVERIFY(QJsonDocument::fromJson(merged("{}", "{\"q\\\"\\\\\\n\":1}"))
                    .object()
                    .contains(QStringLiteral("q\"\\\n")));
        // A surrogate pair decodes to one code point in the written path.
        written.clear();
        merged("{}", "{\"\\ud83d\\ude42\":1}", &written);
        QCOMPARE(written, QStringList{QStringLiteral("🙂")});
    }

    void mergeReportsEveryWrittenLeaf()
    {
        QStringList written;
        const QByteArray result =
            merged("{\"p\":{\"a\":1,\"b\":{\"c\":2}},\"keep\":true}",
                   "{\"p\":{\"b\":{\"c\":2,\"d\":[1]},\"e\":{}},\"new\":{}}", &written);
        QCOMPARE(QJsonDocument::fromJson(result).object(),
                 QJsonDocument::fromJson("{\"p\":{\"a\":1,\"b\":{\"c\":2,\"d\":[1]},\"e\":{}},"
                                         "\"keep\":true,\"new\":{}}")
                     .object());
        QCOMPARE(written, (QStringList{QStringLiteral("p.b.c"), QStringLiteral("p.b.d"),
                                       QStringLiteral("p.e"), QStringLiteral("new")}));
    }

    void writtenPathsKeepEachPathApart()
    {
        outflow::WrittenPaths written;
        written.append("a");
        written.append(""); // the whole object written
        written.append("b.c");
        written.append("\xc3\xa9t\xc3\xa9"); // "été", UTF-8
        QCOMPARE(written.size(), 4);
        QCOMPARE(written.at(1), QByteArrayView());
        QCOMPARE(written.at(2), QByteArrayView("b.c"));
        QCOMPARE(written.toStringList(),
                 (QStringList{QStringLiteral("a"), QString(), QStringLiteral("b.c"),
                              QStringLiteral("\u00e9t\u00e9")}));
        QVERIFY(outflow::WrittenPaths::fromStringList(written.toStringList()) == written);
        // The same bytes cut at another place are other paths.
        outflow::WrittenPaths one, other;
        one.append("ab");
        one.append("c");
        other.append("a");
        other.append("bc");
        QVERIFY(one != other);
        QStringList iterated;
        for (const QByteArrayView path : written)
            iterated.append(QString::fromUtf8(path));
        QCOMPARE(iterated, written.toStringList());
    }

    void scalarsAndObjectsReplaceEachOther()
    {
        QCOMPARE(merged("{\"a\":{\"x\":1}}", "{\"a\":5}"), QByteArray("{\"a\":5}"));
        QCOMPARE(merged("{\"a\":5}", "{\"a\":{\"x\":1}}"), QByteArray("{\"a\":{\"x\":1}}"));
        QCOMPARE(merged("{\"a\":[1,2]}", "{\"a\":[3]}"), QByteArray("{\"a\":[3]}"));
        QCOMPARE(merged("{\"a\":1}", "{\"a\":null}"), QByteArray("{\"a\":null}"));
    }

    void largeObjectsMergeByIndex()
    {
        // Above the linear-search size the merge indexes the target's keys.
        QByteArray target = "{";
        QByteArray source = "{";
        for (int i = 0; i < 200; ++i) {
            const QByteArray key = "\"k" + QByteArray::number(i) + "\":";
            target.append(i ? "," : "").append(key).append(QByteArray::number(i));
            if (i % 2 == 0)
                source.append(i ? "," : "").append(key).append("-1");
        }
        source.append(",\"extra\":0}");
        target.append('}');
        QStringList written;
        const QJsonObject result =
            QJsonDocument::fromJson(merged(target, source, &written)).object();
        QCOMPARE(result.size(), 201);
        QCOMPARE(result.value(QStringLiteral("k0")).toInt(), -1);
        QCOMPARE(result.value(QStringLiteral("k1")).toInt(), 1);
        QCOMPARE(result.value(QStringLiteral("k198")).toInt(), -1);
        QCOMPARE(result.value(QStringLiteral("extra")).toInt(), 0);
        QCOMPARE(written.size(), 101);
    }

    void movingMergeEqualsCopyingMerge_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("source");
        QTest::newRow("into nothing")
            << QByteArray("{}") << QByteArray(R"({"a":{"b":{"c":1},"d":[1]},"e":"x"})");
        QTest::newRow("nested, some keys known")
            << QByteArray(R"({"a":{"b":{"c":1,"k":2}},"z":0})")
            << QByteArray(R"({"a":{"b":{"c":3},"n":{"m":{}}},"y":{"w":null}})");
        QTest::newRow("object meets scalar")
            << QByteArray(R"({"a":{"x":1},"b":5})") << QByteArray(R"({"a":5,"b":{"x":{"y":1}}})");
        QByteArray wideTarget = "{", wideSource = "{";
        for (int i = 0; i < 40; ++i) {
            const QByteArray key = "\"k" + QByteArray::number(i) + "\":";
            wideTarget.append(i ? "," : "").append(key).append("{\"v\":1}");
            if (i % 3 == 0)
                wideSource.append(i ? "," : "").append(key).append("{\"w\":{\"u\":2}}");
        }
        QTest::newRow("above the linear search")
            << wideTarget.append('}') << wideSource.append(",\"new\":{\"n\":1}}");
    }

    void movingMergeEqualsCopyingMerge()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, source);
        AttributeTree copied = tree(target);
        outflow::WrittenPaths copiedPaths;
        const AttributeTree kept = tree(source);
        copied.merge(kept, &copiedPaths);

        AttributeTree moved = tree(target);
        outflow::WrittenPaths movedPaths;
        {
            AttributeTree taken = tree(source);
            moved.merge(std::move(taken), &movedPaths);
            QVERIFY(taken.isEmpty()); // NOLINT(bugprone-use-after-move): left empty, as documented
        } // the moved-from tree is gone; `moved` keeps the bytes it points into
        QCOMPARE(moved.toJson(), copied.toJson());
        QCOMPARE(movedPaths.toStringList(), copiedPaths.toStringList());
        QVERIFY(!copiedPaths.isEmpty());
        // The copying merge left its source whole.
        QCOMPARE(kept.toJson(), tree(source).toJson());
    }

    void removesTopLevelMembersOnly()
    {
        AttributeTree parsed = tree("{\"identityMap\":{\"e\":[]},\"x\":{\"identityMap\":1}}");
        parsed.removeTopLevel("identityMap");
        QCOMPARE(parsed.toJson(), QByteArray("{\"x\":{\"identityMap\":1}}"));
    }

    void outlivesTheBytesItWasParsedFrom()
    {
        AttributeTree result;
        {
            QByteArray source("{\"a\":\"first\"}");
            QVERIFY(result.parse(source));
            source.replace("first", "other"); // detaches: the tree's bytes stay
        }
        {
            std::string raw = "{\"b\":\"raw\"}";
            AttributeTree fromRaw;
            QVERIFY(fromRaw.parse(QByteArray::fromRawData(raw.data(), qsizetype(raw.size()))));
            result.merge(fromRaw);
            std::fill(raw.begin(), raw.end(), 'X'); // raw data is not owned: must have been copied
        } // `fromRaw` is gone; `result` kept what its nodes point into
        QCOMPARE(result.toJson(), QByteArray("{\"a\":\"first\",\"b\":\"raw\"}"));
    }
};

QTEST_GUILESS_MAIN(TestAttributeTree)
#include "tst_attributetree.moc"
