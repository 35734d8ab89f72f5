#include "realizedprofiles.h"

#include "model/audience.h"
#include "model/profile.h"
#include "store/store.h"

#include <QElapsedTimer>
#include <QUuid>

namespace outflow::bench {

namespace {

const char *const kFirstNames[] = {"Ana", "John", "Zoé", "Mehdi", "Ingrid", "Kenji", "Lucía"};
const char *const kCities[] = {"Lyon", "Paris", "Berlin", "Madrid", "Nantes", "Lille"};

QByteArray attributesOf(qint64 i)
{
    const QByteArray n = QByteArray::number(i);
    const char *firstName = kFirstNames[i % std::size(kFirstNames)];
    const char *city = kCities[i % std::size(kCities)];
    return QByteArray(R"({"person":{"name":{"firstName":")") + firstName +
           R"(","lastName":"Lastname)" + n + R"("},"birthDate":"19)" +
           QByteArray::number(50 + i % 50) + "-0" + QByteArray::number(1 + i % 9) + "-1" +
           QByteArray::number(i % 10) + R"(","gender":"not_specified"},)" +
           R"("personalEmail":{"address":"customer)" + n +
           R"(@example.com","type":"personal","primary":true},)" +
           R"("mobilePhone":{"number":"+33 6 12 )" + n.right(6) + R"("},)" +
           R"("homeAddress":{"street1":")" + n + R"( rue de la République","city":")" + city +
           R"(","postalCode":"69)" + n.right(3) + R"(","countryCode":"FR"},)" +
           R"("loyalty":{"points":)" + QByteArray::number(100 + i % 5000) +
           R"(,"tier":"gold","lastPurchaseAt":"2026-11-2)" + QByteArray::number(i % 8) +
           R"(T10:00:00Z"},"consents":{"marketing":{"email":{"val":"y"}}}})";
}

Audience audience(const char *name, const char *rule, const char *mergePolicy, qint64 now)
{
    Audience a;
    a.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    a.name = QString::fromLatin1(name);
    a.rule = QString::fromLatin1(rule);
    a.mergePolicyId = QString::fromLatin1(mergePolicy);
    a.createdAt = a.updatedAt = now;
    return a;
}

} // namespace

RealizedProfiles storeRealizedProfiles(Store &store, qint64 count, int batch, QString *error)
{
    RealizedProfiles result;
    const qint64 now = 1'764'000'000'000;
    const Audience gold = audience("Gold", "loyalty.points >= 100", "default", now);
    const Audience silver = audience("Silver", "loyalty.points >= 2500", "default", now);
    const Audience crm = audience("Crm", "loyalty.tier = \"gold\"", "crm", now);
    for (const Audience &a : {gold, silver, crm}) {
        if (!store.insertAudience(a)) {
            *error = store.lastError();
            return result;
        }
    }
    const QString time = qualificationTime(now);
    QElapsedTimer timer;
    timer.start();
    for (qint64 first = 0; first < count; first += batch) {
        if (!store.begin()) {
            *error = store.lastError();
            return result;
        }
        for (qint64 i = first; i < qMin(count, first + batch); ++i) {
            Profile profile;
            profile.attributesJson = attributesOf(i);
            profile.identities = {
                {QStringLiteral("email"), QStringLiteral("customer%1@example.com").arg(i), true},
                {QStringLiteral("crmId"), QStringLiteral("CRM-%1").arg(i), false}};
            if (i % 2)
                profile.identities.append(
                    {QStringLiteral("phone"), QStringLiteral("+336120%1").arg(i), false});
            profile.createdAt = profile.updatedAt = now;
            const qint64 id = store.insertProfile(profile);
            bool ok =
                id != 0 && store.setMembership({id, gold.id, MembershipStatus::Realized, time});
            if (ok && i % 2 == 0)
                ok = store.setMembership({id, silver.id, MembershipStatus::Realized, time});
            if (ok && i % 3 == 0)
                ok = store.setMembership({id, crm.id, MembershipStatus::Realized, time});
            if (!ok) {
                *error = store.lastError();
                store.rollback();
                return result;
            }
            result.memberships += 1 + (i % 2 == 0) + (i % 3 == 0);
        }
        if (!store.commit()) {
            *error = store.lastError();
            store.rollback();
            return result;
        }
    }
    result.seconds = double(timer.nsecsElapsed()) / 1e9;
    result.profiles = count;
    result.mappedAudienceId = gold.id;
    return result;
}

} // namespace outflow::bench
