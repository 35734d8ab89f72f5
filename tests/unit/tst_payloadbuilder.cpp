// PayloadBuilder: the JSON of one export (DESIGN §2). The reference's three
// examples as golden files (tests/data/payload), then one table per part of
// the export: attributes, segmentMembership, identityMap; mandatory paths.
#include "tst_payloadbuilder.h"

#include "testconfig.h"

#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

using namespace outflow;
using namespace outflow::test;
using namespace Qt::StringLiterals;

namespace {

QJsonObject golden(const QString &name)
{
    QFile file(QStringLiteral(OUTFLOW_TEST_DATA_DIR "/payload/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qWarning("cannot read %s", qPrintable(file.fileName()));
    return parsed(file.readAll());
}

// A small random JSON object over few keys, so that paths often hit.
QJsonValue randomValue(QRandomGenerator &random, int depth)
{
    static const QStringList keys{u"a"_s, u"b"_s, u"c"_s};
    switch (random.bounded(depth < 3 ? 6 : 4)) {
    case 0:
        return QJsonValue::Null;
    case 1:
        return random.bounded(1000);
    case 2:
        return u"s\"%1\u00e9"_s.arg(random.bounded(10));
    case 3:
        return QJsonArray{1, QJsonValue::Null, QJsonObject{{u"a"_s, QJsonValue::Null}}};
    default:
        QJsonObject object;
        for (const QString &key : keys) {
            if (random.bounded(3))
                object.insert(key, randomValue(random, depth + 1));
        }
        return object;
    }
}

// The selection rules on QJsonObject: what the selector must agree with.
QJsonValue withoutNullMembers(const QJsonValue &value)
{
    if (!value.isObject())
        return value;
    QJsonObject object;
    const QJsonObject source = value.toObject();
    for (auto it = source.begin(); it != source.end(); ++it) {
        if (!it.value().isNull())
            object.insert(it.key(), withoutNullMembers(it.value()));
    }
    return object;
}

QJsonValue valueAt(const QJsonObject &profile, const QStringList &segments)
{
    QJsonValue value = profile;
    for (const QString &segment : segments)
        value = value.isObject() ? value.toObject().value(segment) : QJsonValue::Undefined;
    return value;
}

void insertAt(QJsonObject &object, QStringList segments, const QJsonValue &value)
{
    const QString first = segments.takeFirst();
    if (segments.isEmpty()) {
        object.insert(first, value);
        return;
    }
    QJsonObject child = object.value(first).toObject();
    insertAt(child, segments, value);
    object.insert(first, child);
}

} // namespace

// The reference's first example: qualified for a mapped audience, member
// of two unmapped ones of the same merge policy, exited from a mapped one.
void TestPayloadBuilder::goldenFullExport()
{
    const auto audiences = byId({
        audience("7841ba61-23c1-4bb3-a495-00d3g5fe1e93", "Exited, mapped"),
        audience("59bd2fkd-3c48-4b18-bf56-4f5c5e6967ae", "Member, unmapped"),
        audience("947c1c46-008d-40b0-92ec-3af86eaf41c1", "Member, unmapped too"),
        audience("5114d758-ce71-43ba-b53e-e2a91d67b67f", "Qualified, mapped"),
        audience("b0000000-0000-4000-8000-000000000001", "Other policy", "other"),
    });
    const PayloadBuilder builder(
        dataflow({u"person.name.firstName"_s, u"person.name.lastName"_s, u"person.birthDate"_s,
                  u"personalEmail.address"_s},
                 {mapped("7841ba61-23c1-4bb3-a495-00d3g5fe1e93", 1, 2),
                  mapped("5114d758-ce71-43ba-b53e-e2a91d67b67f", 3, 4),
                  mapped("d0000000-0000-4000-8000-00000000dead", 5, 6)}), // deleted since
        false, false, audiences);
    const QByteArray attributes =
        json("{'person':{'name':{'firstName':'John','middleName':'Q','lastName':'Doe'},"
             "'gender':'male','birthDate':'YYYY-MM-DD'},'loyalty':{'points':1200},"
             "'personalEmail':{'address':'john.doe@acme.com','type':'personal'}}");
    const QList<Identity> identities{
        identity("ecid", "14575006536349286404619648085736425115"),
        identity("email_lc_sha256", "655332b5fa2aea4498bf7a290cff017cb4"),
        identity("ecid", "66478888669296734530114754794777368480"),
        identity("email_lc_sha256", "66baf76ef9de8b42df8903f00e0e3dc0b7"),
    };
    const QList<Membership> memberships{
        membership("7841ba61-23c1-4bb3-a495-00d3g5fe1e93", exited, "2022-01-11T21:24:39Z"),
        membership("59bd2fkd-3c48-4b18-bf56-4f5c5e6967ae", realized, "2022-01-02T23:37:33Z"),
        membership("b0000000-0000-4000-8000-000000000001", realized, "2022-01-03T00:00:00Z"),
        membership("947c1c46-008d-40b0-92ec-3af86eaf41c1", realized, "2021-08-25T23:37:33Z"),
        membership("d0000000-0000-4000-8000-00000000dead", realized, "2022-01-04T00:00:00Z"),
        membership("5114d758-ce71-43ba-b53e-e2a91d67b67f", realized, "2022-01-11T23:37:33Z"),
    };
    COMPARE_JSON(parsed(builder.build(attributes, identities, memberships)),
                 golden(u"reference-export.json"_s));
}

// With names (and timestamps, as the reference's example shows them): on
// the mapped audience only, not on the unmapped one of the same policy.
void TestPayloadBuilder::goldenSegmentNames()
{
    const auto audiences = byId({
        audience("5b998cb9-9488-4ec3-8d95-fa8338ced490", "First name equals John", "default",
                 1648553325000, 1648553330000),
        audience("354e086f-2e11-49a2-9e39-e5d9a76be683", "Unmapped", "default", 1, 2),
    });
    const PayloadBuilder builder(dataflow({}, {mapped("5b998cb9-9488-4ec3-8d95-fa8338ced490",
                                                      1649856570000, 1649856570000)}),
                                 true, true, audiences);
    const QByteArray built = builder.build(
        QByteArrayLiteral("{}"), {identity("ecid", "1")},
        {membership("5b998cb9-9488-4ec3-8d95-fa8338ced490", realized, "2019-04-15T02:41:50+0000"),
         membership("354e086f-2e11-49a2-9e39-e5d9a76be683", realized, "2020-04-15T02:41:50+0000")});
    const QJsonObject expected = golden(u"reference-segment-names.json"_s);
    COMPARE_JSON(parsed(built).value(u"segmentMembership").toObject(),
                 expected.value(u"segmentMembership").toObject());
}

void TestPayloadBuilder::goldenSegmentTimestamps()
{
    const auto audiences =
        byId({audience("5b998cb9-9488-4ec3-8d95-fa8338ced490", "First name equals John", "default",
                       1648553325000, 1648553330000)});
    const PayloadBuilder builder(dataflow({}, {mapped("5b998cb9-9488-4ec3-8d95-fa8338ced490",
                                                      1649856570000, 1649856570000)}),
                                 false, true, audiences);
    const QByteArray built = builder.build(
        QByteArrayLiteral("{}"), {identity("ecid", "1")},
        {membership("5b998cb9-9488-4ec3-8d95-fa8338ced490", realized, "2019-04-15T02:41:50+0000")});
    const QJsonObject expected = golden(u"reference-segment-timestamps.json"_s);
    COMPARE_JSON(parsed(built).value(u"segmentMembership").toObject(),
                 expected.value(u"segmentMembership").toObject());
}

// Random profiles and paths against the rules written on QJsonObject above.
void TestPayloadBuilder::selectionMatchesAJsonModel()
{
    QRandomGenerator random(5); // fixed: a failure is reproducible
    for (int round = 0; round < 2000; ++round) {
        const QJsonObject profile = randomValue(random, 3 - random.bounded(3)).toObject();
        QStringList paths;
        for (int n = 1 + random.bounded(3); n > 0; --n) {
            QStringList segments;
            for (int depth = 1 + random.bounded(3); depth > 0; --depth)
                segments.append(QString(QChar(u'a' + random.bounded(3))));
            paths.append(segments.join(u'.'));
        }
        QJsonObject expected;
        QStringList expectedMissing;
        for (const QString &path : paths) {
            const QJsonValue value = valueAt(profile, path.split(u'.'));
            if (value.isNull() || value.isUndefined()) {
                expectedMissing.append(path);
            } else {
                // Overlapping paths ("a", "a.b") insert the same value twice.
                insertAt(expected, path.split(u'.'), withoutNullMembers(value));
            }
        }
        const PayloadBuilder builder(dataflow({}, {}, paths), false, false, {});
        const QByteArray text = compact(profile);
        QJsonObject built = parsed(builder.build(text, {}, {}));
        built.remove(u"identityMap");
        built.remove(u"segmentMembership");
        const QByteArray context = paths.join(u' ').toUtf8() + " on " + text;
        QVERIFY2(built == expected,
                 QByteArray(context + jsonMismatch(built, expected)).constData());
        QCOMPARE(builder.missingMandatory(text), expectedMissing);
    }
}

QTEST_GUILESS_MAIN(TestPayloadBuilder)
