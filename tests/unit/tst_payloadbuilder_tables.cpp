// PayloadBuilder, one table per part of the export (DESIGN §2).
#include "tst_payloadbuilder.h"

#include <QTest>

using namespace outflow;
using namespace outflow::test;
using namespace Qt::StringLiterals;

namespace {

// The audiences of the segmentMembership table: two merge policies.
const QHash<QString, Audience> &tableAudiences()
{
    static const QHash<QString, Audience> audiences = byId({
        audience("mapped-a", "Mapped A", "default", 1000, 2000),
        audience("mapped-b", "Mapped B", "default", 1100, 2100),
        audience("same-policy", "Same policy", "default", 1200, 2200),
        audience("other-policy", "Other policy", "other", 1300, 2300),
        audience("mapped-other", "Mapped other", "other", 1400, 2400),
    });
    return audiences;
}

// "audienceId status time" → a membership.
QList<Membership> membershipRows(const QStringList &rows)
{
    QList<Membership> result;
    for (const QString &row : rows) {
        const QStringList fields = row.split(u' ');
        result.append(membership(fields[0],
                                 fields[1] == u"exited" ? MembershipStatus::Exited
                                                        : MembershipStatus::Realized,
                                 fields[2]));
    }
    return result;
}

QJsonObject withoutIdentitiesAndMemberships(QJsonObject exported)
{
    exported.remove(u"identityMap");
    exported.remove(u"segmentMembership");
    return exported;
}

} // namespace

void TestPayloadBuilder::attributes_data()
{
    QTest::addColumn<QStringList>("paths");
    QTest::addColumn<QByteArray>("profile");
    QTest::addColumn<QByteArray>("expected");

    const QStringList person{u"person.name.firstName"_s, u"person.birthDate"_s};
    QTest::newRow("unmapped attributes left out")
        << person << json("{'person':{'name':{'firstName':'A','lastName':'B'},'gender':'male'}}")
        << json("{'person':{'name':{'firstName':'A'}}}");
    QTest::newRow("missing mapped attributes omitted")
        << person << json("{'person':{'birthDate':'1990-01-02'},'x':1}")
        << json("{'person':{'birthDate':'1990-01-02'}}");
    QTest::newRow("no mapped attribute present: no empty parents")
        << person << json("{'person':{'name':{'lastName':'B'}},'loyalty':{'points':3}}")
        << json("{}");
    QTest::newRow("object-valued path copied whole")
        << QStringList{u"person.name"_s}
        << json("{'person':{'name':{'firstName':'A','lastName':'B','x':{'y':[1]}},'g':1}}")
        << json("{'person':{'name':{'firstName':'A','lastName':'B','x':{'y':[1]}}}}");
    QTest::newRow("empty object at an object path kept")
        << QStringList{u"person.name"_s} << json("{'person':{'name':{}}}")
        << json("{'person':{'name':{}}}");
    QTest::newRow("object path covers a leaf path under it")
        << QStringList{u"person.name.firstName"_s, u"person.name"_s}
        << json("{'person':{'name':{'firstName':'A','lastName':'B'}}}")
        << json("{'person':{'name':{'firstName':'A','lastName':'B'}}}");
    QTest::newRow("arrays kept whole")
        << QStringList{u"tags"_s, u"orders"_s}
        << json("{'tags':['a', 'b',null],'orders':[{'sku':'x','n':[1,2]},[]],'other':[3]}")
        << json("{'tags':['a','b',null],'orders':[{'sku':'x','n':[1,2]},[]]}");
    QTest::newRow("scalars of every type") << QStringList{u"n"_s, u"t"_s, u"f"_s, u"d"_s}
                                           << json("{'n':-1.5e3,'t':true,'f':false,'d':0}")
                                           << json("{'n':-1.5e3,'t':true,'f':false,'d':0}");
    QTest::newRow("unicode and escaped strings survive")
        << QStringList{u"person.name.firstName"_s, u"note"_s}
        << QByteArray("{\"person\":{\"name\":{\"firstName\":\"Zo\xc3\xa9 \\u00e9\\\"\\\\\\n\"}},"
                      "\"note\":\"\xf0\x9f\x98\x80 \\ud83d\\ude00 \\/ \\t\"}")
        << QByteArray("{\"person\":{\"name\":{\"firstName\":\"Zo\xc3\xa9 \xc3\xa9\\\"\\\\\\n\"}},"
                      "\"note\":\"\xf0\x9f\x98\x80 \xf0\x9f\x98\x80 / \\t\"}");
    // Strings ending in an escaped backslash, escaped quotes, brackets in
    // strings: the walker must find each value's true end.
    QTest::newRow("escapes and brackets in skipped and copied values")
        << QStringList{u"z"_s, u"a"_s}
        << QByteArray("{\"x\":\"q\\\\\",\"y\":\"\\\"}{\",\"z\":[\"\\\\\\\"]\",{\"k\":\"}\"}],"
                      "\"a\":\"\\\\\"}")
        << QByteArray("{\"z\":[\"\\\\\\\"]\",{\"k\":\"}\"}],\"a\":\"\\\\\"}");
    QTest::newRow("key spelled with escapes matches its path")
        << QStringList{u"person.name.firstName"_s}
        << json("{'per\\u0073on':{'name':{'firstName':'A'}}}")
        << json("{'person':{'name':{'firstName':'A'}}}");
    QTest::newRow("null is absent")
        << QStringList{u"person.name"_s, u"email"_s}
        << json("{'person':{'name':{'firstName':null,'lastName':'B'}},'email':null}")
        << json("{'person':{'name':{'lastName':'B'}}}");
    QTest::newRow("leaf where the path goes deeper is absent")
        << QStringList{u"person.name.firstName"_s} << json("{'person':{'name':'A B'}}")
        << json("{}");
    QTest::newRow("identityMap and segmentMembership cannot be mapped")
        << QStringList{u"identityMap"_s, u"segmentMembership.ups"_s, u"a"_s}
        << json("{'identityMap':{'x':[]},'segmentMembership':{'ups':{}},'a':1}") << json("{'a':1}");
    QTest::newRow("spaces in the stored text")
        << QStringList{u"a.b"_s} << json(" { 'a' : { 'b' : [ 1 , 'x y' ] } } ")
        << json("{'a':{'b':[1,'x y']}}");
}

void TestPayloadBuilder::attributes()
{
    QFETCH(QStringList, paths);
    QFETCH(QByteArray, profile);
    QFETCH(QByteArray, expected);
    const PayloadBuilder builder(dataflow(paths), false, false, {});
    const QByteArray built = builder.build(profile, {identity("ecid", "1")}, {});
    COMPARE_JSON(withoutIdentitiesAndMemberships(parsed(built)), parsed(expected));
}

void TestPayloadBuilder::segmentMembership_data()
{
    QTest::addColumn<QStringList>("mappedIds");
    QTest::addColumn<QStringList>("memberships");
    QTest::addColumn<bool>("names");
    QTest::addColumn<bool>("timestamps");
    QTest::addColumn<QByteArray>("expectedUps");

    QTest::newRow("unmapped audience of another merge policy left out")
        << QStringList{u"mapped-a"_s}
        << QStringList{u"mapped-a realized 2022-01-11T21:24:39Z"_s,
                       u"other-policy realized 2022-01-11T21:24:39Z"_s}
        << false << false
        << json("{'mapped-a':{'lastQualificationTime':'2022-01-11T21:24:39Z',"
                "'status':'realized'}}");
    QTest::newRow("unmapped same-policy audience included, without name")
        << QStringList{u"mapped-a"_s}
        << QStringList{u"mapped-a realized 2022-01-11T21:24:39Z"_s,
                       u"same-policy realized 2022-01-11T21:24:39Z"_s}
        << true << false
        << json("{'mapped-a':{'lastQualificationTime':'2022-01-11T21:24:39Z',"
                "'status':'realized','name':'Mapped A'},"
                "'same-policy':{'lastQualificationTime':'2022-01-11T21:24:39Z',"
                "'status':'realized'}}");
    QTest::newRow("exited entries included, mapped or not")
        << QStringList{u"mapped-a"_s}
        << QStringList{u"mapped-a exited 2022-01-11T21:24:39Z"_s,
                       u"same-policy exited 2021-01-01T00:00:00Z"_s}
        << false << false
        << json("{'mapped-a':{'lastQualificationTime':'2022-01-11T21:24:39Z','status':'exited'},"
                "'same-policy':{'lastQualificationTime':'2021-01-01T00:00:00Z',"
                "'status':'exited'}}");
    QTest::newRow("timestamps on mapped audiences only")
        << QStringList{u"mapped-a"_s}
        << QStringList{u"mapped-a realized 2022-01-11T21:24:39Z"_s,
                       u"same-policy realized 2022-01-11T21:24:39Z"_s}
        << false << true
        << json("{'mapped-a':{'lastQualificationTime':'2022-01-11T21:24:39Z',"
                "'status':'realized','createdAt':1000,'updatedAt':2000,"
                "'mappingCreatedAt':10,'mappingUpdatedAt':20},"
                "'same-policy':{'lastQualificationTime':'2022-01-11T21:24:39Z',"
                "'status':'realized'}}");
    QTest::newRow("membership of an unknown audience left out")
        << QStringList{u"mapped-a"_s}
        << QStringList{u"mapped-a realized 2022-01-11T21:24:39Z"_s,
                       u"deleted-audience realized 2022-01-11T21:24:39Z"_s}
        << true << true
        << json("{'mapped-a':{'lastQualificationTime':'2022-01-11T21:24:39Z',"
                "'status':'realized','createdAt':1000,'updatedAt':2000,"
                "'mappingCreatedAt':10,'mappingUpdatedAt':20,'name':'Mapped A'}}");
    QTest::newRow("mapped audience missing from the store brings no merge policy")
        << QStringList{u"deleted-audience"_s, u"mapped-a"_s}
        << QStringList{u"deleted-audience realized 2022-01-11T21:24:39Z"_s,
                       u"other-policy realized 2022-01-11T21:24:39Z"_s,
                       u"mapped-a realized 2022-01-11T21:24:39Z"_s}
        << false << false
        << json("{'mapped-a':{'lastQualificationTime':'2022-01-11T21:24:39Z',"
                "'status':'realized'}}");
    QTest::newRow("every merge policy of a mapped audience counts")
        << QStringList{u"mapped-a"_s, u"mapped-other"_s}
        << QStringList{u"other-policy realized 2022-01-11T21:24:39Z"_s,
                       u"same-policy exited 2022-01-11T21:24:39Z"_s}
        << true << false
        << json("{'other-policy':{'lastQualificationTime':'2022-01-11T21:24:39Z',"
                "'status':'realized'},'same-policy':{'lastQualificationTime':"
                "'2022-01-11T21:24:39Z','status':'exited'}}");
    QTest::newRow("nothing to export: empty ups")
        << QStringList{u"mapped-a"_s}
        << QStringList{u"other-policy realized 2022-01-11T21:24:39Z"_s} << true << true
        << json("{}");
}

void TestPayloadBuilder::segmentMembership()
{
    QFETCH(QStringList, mappedIds);
    QFETCH(QStringList, memberships);
    QFETCH(bool, names);
    QFETCH(bool, timestamps);
    QFETCH(QByteArray, expectedUps);
    QList<MappedAudience> mappings;
    for (const QString &id : mappedIds)
        mappings.append(mapped(id, 10, 20));
    const PayloadBuilder builder(dataflow({}, mappings), names, timestamps, tableAudiences());
    const QJsonObject built = parsed(builder.build(QByteArrayLiteral("{}"), {identity("ecid", "1")},
                                                   membershipRows(memberships)));
    const QJsonObject segmentMembership = built.value(u"segmentMembership").toObject();
    QCOMPARE(segmentMembership.keys(), QStringList{u"ups"_s});
    COMPARE_JSON(segmentMembership.value(u"ups").toObject(), parsed(expectedUps));
}

void TestPayloadBuilder::identityMap_data()
{
    QTest::addColumn<QList<Identity>>("identities");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("grouped by namespace, in order of first appearance")
        << QList<Identity>{identity("email", "a@x.org"), identity("ecid", "1"),
                           identity("email", "b@x.org"), identity("crm", "C-1"),
                           identity("ecid", "2")}
        << json("{'email':[{'id':'a@x.org'},{'id':'b@x.org'}],'ecid':[{'id':'1'},{'id':'2'}],"
                "'crm':[{'id':'C-1'}]}");
    QTest::newRow("primary only when primary")
        << QList<Identity>{identity("ecid", "1"), identity("crm", "C-1", true)}
        << json("{'ecid':[{'id':'1'}],'crm':[{'id':'C-1','primary':true}]}");
    QTest::newRow("unicode and escapes in namespaces and ids")
        << QList<Identity>{identity(u"n\u00e9\"s", u"\"q\\\n\u00e9\U0001F600")}
        << QByteArray("{\"n\xc3\xa9\\\"s\":[{\"id\":\"\\\"q\\\\\\n\xc3\xa9\xf0\x9f\x98\x80\"}]}");
    QTest::newRow("no identity: empty map") << QList<Identity>{} << json("{}");
}

void TestPayloadBuilder::identityMap()
{
    QFETCH(QList<Identity>, identities);
    QFETCH(QByteArray, expected);
    const PayloadBuilder builder(dataflow({}), false, false, {});
    const QJsonObject built = parsed(builder.build(QByteArrayLiteral("{}"), identities, {}));
    COMPARE_JSON(built.value(u"identityMap").toObject(), parsed(expected));
}

void TestPayloadBuilder::missingMandatory_data()
{
    QTest::addColumn<QStringList>("mandatory");
    QTest::addColumn<QByteArray>("profile");
    QTest::addColumn<QStringList>("missing");

    const QStringList both{u"person.name.lastName"_s, u"personalEmail.address"_s};
    QTest::newRow("all present") << both
                                 << json("{'personalEmail':{'address':'a@x.org'},"
                                         "'person':{'name':{'lastName':'B'}}}")
                                 << QStringList{};
    QTest::newRow("one absent") << both << json("{'person':{'name':{'lastName':'B'}}}")
                                << QStringList{u"personalEmail.address"_s};
    QTest::newRow("null counts as absent")
        << both << json("{'personalEmail':{'address':null},'person':{'name':{'lastName':''}}}")
        << QStringList{u"personalEmail.address"_s};
    QTest::newRow("empty profile: all, in mapping order") << both << json("{}") << both;
    QTest::newRow("leaf where an object is expected")
        << both << json("{'person':'B','personalEmail':{'address':'a@x.org'}}")
        << QStringList{u"person.name.lastName"_s};
    QTest::newRow("an object path and a leaf under it")
        << QStringList{u"person.name"_s, u"person.name.firstName"_s}
        << json("{'person':{'name':{'lastName':'B'}}}") << QStringList{u"person.name.firstName"_s};
    QTest::newRow("no mandatory path") << QStringList{} << json("{}") << QStringList{};
}

void TestPayloadBuilder::missingMandatory()
{
    QFETCH(QStringList, mandatory);
    QFETCH(QByteArray, profile);
    QFETCH(QStringList, missing);
    // An optional mapped path, absent too, is never reported.
    const PayloadBuilder builder(dataflow({u"loyalty.points"_s}, {}, mandatory), false, false, {});
    QCOMPARE(builder.missingMandatory(profile), missing);
}

// The byte order documented in payloadbuilder.h: attributes in the profile's
// order, then segmentMembership, then identityMap; no spaces.
void TestPayloadBuilder::compactInDocumentedOrder()
{
    const PayloadBuilder builder(dataflow({u"a"_s, u"b.x"_s}, {mapped("mapped-a", 3000, 4000)}),
                                 true, true, tableAudiences());
    const QByteArray built =
        builder.build(json("{'b':{'x':[1, 2],'y':0},'a':'\xc3\xa9'}"),
                      {identity("crm", "1", true), identity("email", "e")},
                      {membership("mapped-a", MembershipStatus::Realized, "2022-01-11T21:24:39Z")});
    QCOMPARE(built,
             json("{'b':{'x':[1,2]},'a':'\xc3\xa9','segmentMembership':{'ups':{'mapped-a':"
                  "{'lastQualificationTime':'2022-01-11T21:24:39Z','status':'realized',"
                  "'createdAt':1000,'updatedAt':2000,'mappingCreatedAt':3000,"
                  "'mappingUpdatedAt':4000,'name':'Mapped A'}}},"
                  "'identityMap':{'crm':[{'id':'1','primary':true}],'email':[{'id':'e'}]}}"));
}

void TestPayloadBuilder::escapedNamesAndIdsRoundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("quote and backslash") << u"a\"b\\c"_s;
    QTest::newRow("control characters") << u"\u0001\u001f\b\f\n\r\t"_s;
    QTest::newRow("accents, CJK, emoji") << u"\u00e9\u4e2d\U0001F600"_s;
    QTest::newRow("JSON look-alike") << u"\"},{\"x\":\"y"_s;
}

// Whatever an audience name, audience id, identity or time holds, the export
// is JSON and gives the text back.
void TestPayloadBuilder::escapedNamesAndIdsRoundTrip()
{
    QFETCH(QString, text);
    Audience named = audience(text, text);
    const PayloadBuilder builder(dataflow({}, {mapped(text)}), true, false, byId({named}));
    const QJsonObject built =
        parsed(builder.build(QByteArrayLiteral("{}"), {identity(text, text)},
                             {membership(text, MembershipStatus::Exited, text)}));
    const QJsonObject entry = built[u"segmentMembership"][u"ups"][text].toObject();
    QCOMPARE(entry.value(u"name").toString(), text);
    QCOMPARE(entry.value(u"lastQualificationTime").toString(), text);
    QCOMPARE(built[u"identityMap"][text][qsizetype(0)][u"id"].toString(), text);
}

void TestPayloadBuilder::malformedAttributesBuildNothing()
{
    const PayloadBuilder builder(dataflow({u"a"_s}, {}, {u"b"_s}), false, false, {});
    for (const QByteArray &text : {QByteArray(), QByteArray("[]"), QByteArray("{\"a\":1"),
                                   QByteArray("{\"a\":1} x"), QByteArray(3000, '{')}) {
        QVERIFY2(builder.build(text, {identity("ecid", "1")}, {}).isEmpty(),
                 text.left(20).constData());
        QCOMPARE(builder.missingMandatory(text), QStringList{u"b"_s});
    }
    QVERIFY(!builder.build(QByteArrayLiteral("{}"), {}, {}).isEmpty());
}
