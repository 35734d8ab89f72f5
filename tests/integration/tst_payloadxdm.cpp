// Every export validates against Adobe's XDM schemas (DESIGN §2): a few
// hundred varied PayloadBuilder exports go through tests/peers/validate-xdm.js
// (ajv over the field groups vendored in tests/data/xdm), and the validator
// proves it can fail.
//
// Not validated here: the reference's own examples. Its "birthDate":
// "YYYY-MM-DD" is a placeholder that fails `format: date`; its
// "2019-04-15T02:41:50+0000" lacks RFC 3339's offset colon, yet ajv-formats
// 3.0.1 accepts it (its time pattern makes the colon optional). Outflow
// writes "2022-01-11T21:24:39Z" (qualificationTime()), which is what we check.
#include "activation/payloadbuilder.h"
#include "model/profile.h"
#include "support/xdmvalidation.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace outflow;
using outflow::test::validateXdm;
using outflow::test::XdmValidation;
using namespace Qt::StringLiterals;

namespace {

// A store's worth of audiences: two merge policies, names that need escaping.
QHash<QString, Audience> makeAudiences()
{
    QHash<QString, Audience> audiences;
    for (int i = 0; i < 12; ++i) {
        Audience audience;
        audience.id = u"%1-2e11-49a2-9e39-e5d9a76be683"_s.arg(i, 8, 16, QLatin1Char('0'));
        audience.name =
            i % 3 ? u"Audience %1"_s.arg(i) : u"Fans \"SF\" \u00e9t\u00e9 \\ %1"_s.arg(i);
        audience.mergePolicyId = i < 8 ? u"default"_s : u"crm-first"_s;
        audience.createdAt = 1648553325000 + i;
        audience.updatedAt = 1648553330000 + i;
        audiences.insert(audience.id, audience);
    }
    return audiences;
}

Dataflow makeDataflow(const QList<QString> &audienceIds, int variant)
{
    Dataflow dataflow;
    for (const QString &id : audienceIds)
        dataflow.audiences.append({id, 1649856570000, 1649856570000 + variant});
    const QStringList paths =
        variant % 2
            ? QStringList{u"person.name"_s, u"person.birthDate"_s, u"person.gender"_s,
                          u"personalEmail.address"_s, u"mobilePhone.number"_s}
            : QStringList{u"person.name.firstName"_s, u"person.name.lastName"_s,
                          u"homeAddress.city"_s, u"homeAddress.postalCode"_s, u"personalEmail"_s};
    for (const QString &path : paths)
        dataflow.attributes.append({path, false, false});
    return dataflow;
}

} // namespace

class TestPayloadXdm : public QObject
{
    Q_OBJECT

private slots:
    void exportsValidateAgainstXdm();
    void validatorReportsInvalidExports();
};

void TestPayloadXdm::exportsValidateAgainstXdm()
{
    QRandomGenerator random(20240519); // fixed: a failure is reproducible
    const QHash<QString, Audience> audiences = makeAudiences();
    QStringList ids = audiences.keys();
    ids.sort(); // QHash's order changes with every run (random seed)
    const QStringList firstNames{u"John"_s, u"Zo\u00e9"_s, u"\u674e"_s, u"O\"Brien"_s};
    const QStringList namespaces{u"ecid"_s, u"email"_s, u"crmId"_s, u"phone"_s};

    QByteArray ndjson;
    int count = 0;
    for (int variant = 0; variant < 8; ++variant) {
        const bool names = variant & 1;
        const bool timestamps = variant & 2;
        const QList<QString> mapped =
            variant & 4 ? QList<QString>{ids[0], ids[9]} : QList<QString>{ids[1], ids[2], ids[3]};
        const PayloadBuilder builder(makeDataflow(mapped, variant), names, timestamps, audiences);
        for (int i = 0; i < 40; ++i) {
            const QString firstName = firstNames[random.bounded(firstNames.size())];
            QJsonObject person{
                {u"name"_s,
                 QJsonObject{{u"firstName"_s, firstName}, {u"lastName"_s, u"Doe %1"_s.arg(i)}}},
                {u"birthDate"_s, u"19%1-0%2-1%3"_s.arg(50 + i).arg(1 + i % 9).arg(i % 10)},
                {u"gender"_s, i % 2 ? u"female"_s : u"not_specified"_s}};
            Profile profile;
            QJsonObject attributes{{u"person"_s, person},
                                   {u"loyalty"_s, QJsonObject{{u"points"_s, i}}}};
            if (i % 3)
                attributes.insert(u"personalEmail"_s,
                                  QJsonObject{{u"address"_s, u"user%1@example.com"_s.arg(i)},
                                              {u"type"_s, u"personal"_s}});
            if (i % 4)
                attributes.insert(u"homeAddress"_s,
                                  QJsonObject{{u"city"_s, u"Saint-\u00c9tienne"_s},
                                              {u"postalCode"_s, u"42000"_s}});
            if (i % 5)
                attributes.insert(u"mobilePhone"_s, QJsonObject{{u"number"_s, u"+33 6 12"_s}});
            profile.setAttributes(attributes);

            QList<Identity> identities;
            for (int n = 1 + random.bounded(5); n > 0; --n)
                identities.append({namespaces[random.bounded(namespaces.size())],
                                   QString::number(random.generate64()), random.bounded(4) == 0});
            QList<Membership> memberships;
            for (const QString &id : ids) {
                if (random.bounded(3) == 0)
                    continue;
                memberships.append(
                    {0, id,
                     random.bounded(2) ? MembershipStatus::Realized : MembershipStatus::Exited,
                     qualificationTime(1640000000000 + random.bounded(1 << 30))});
            }
            const QByteArray exported =
                builder.build(profile.attributesJson, identities, memberships);
            QVERIFY(!exported.isEmpty());
            QVERIFY(!exported.contains('\n'));
            ndjson.append(exported).append('\n');
            ++count;
        }
    }

    const XdmValidation validation = validateXdm(ndjson);
    QVERIFY2(validation.exitCode == 0, qPrintable(validation.output));
    // Every line was read and judged, not an early exit that happened to be 0.
    QVERIFY2(validation.output.contains(u"%1 document(s), 0 invalid"_s.arg(count)),
             qPrintable(validation.output));
}

void TestPayloadXdm::validatorReportsInvalidExports()
{
    const QHash<QString, Audience> audiences = makeAudiences();
    const QString mappedId = u"00000000-2e11-49a2-9e39-e5d9a76be683"_s;
    QVERIFY(audiences.contains(mappedId));
    Dataflow dataflow = makeDataflow({mappedId}, 1);
    const PayloadBuilder builder(dataflow, true, true, audiences);
    Profile profile;
    profile.setAttributes({{u"person"_s, QJsonObject{{u"birthDate"_s, u"1985-04-12"_s}}}});
    const QByteArray valid =
        builder.build(profile.attributesJson, {{u"ecid"_s, u"1"_s, true}},
                      {{0, mappedId, MembershipStatus::Realized, qualificationTime(0)}});

    // One line, one defect each; the first is the valid export itself.
    const QList<QPair<QByteArray, QString>> cases{
        {valid, {}},
        {QByteArray(valid).replace("\"realized\"", "\"maybe\""),
         u"/status: must be equal to one"_s},
        {QByteArray(valid).replace("\"id\":\"1\"", "\"id\":1"),
         u"/identityMap/ecid/0/id: must be string"_s},
        {QByteArray(valid).replace("\"primary\":true", "\"primary\":\"yes\""),
         u"/identityMap/ecid/0/primary: must be boolean"_s},
        {QByteArray(valid).replace("1970-01-01T00:00:00Z", "yesterday"),
         u"/lastQualificationTime: must match format \"date-time\""_s},
        {QByteArray(valid).replace("1985-04-12", "YYYY-MM-DD"),
         u"/person/birthDate: must match format \"date\""_s},
        {QByteArray(valid).replace("\"birthDate\"", "\"birthdate\""),
         u"/person: unknown property \"birthdate\""_s},
    };
    QByteArray ndjson;
    for (const auto &[document, expected] : cases) {
        QVERIFY2(document != valid || expected.isEmpty(), "a defect was not introduced");
        ndjson.append(document).append('\n');
    }
    const XdmValidation validation = validateXdm(ndjson);
    QCOMPARE(validation.exitCode, 1);
    QVERIFY2(!validation.output.contains(u"line 1:"_s), qPrintable(validation.output));
    for (int line = 2; line <= cases.size(); ++line) {
        QVERIFY2(validation.output.contains(u"line %1: invalid"_s.arg(line)),
                 qPrintable(validation.output));
        QVERIFY2(validation.output.contains(cases[line - 1].second), qPrintable(validation.output));
    }
    QVERIFY2(validation.output.contains(
                 u"%1 document(s), %2 invalid"_s.arg(cases.size()).arg(cases.size() - 1)),
             qPrintable(validation.output));
}

QTEST_GUILESS_MAIN(TestPayloadXdm)
#include "tst_payloadxdm.moc"
