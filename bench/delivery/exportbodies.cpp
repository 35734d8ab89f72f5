#include "exportbodies.h"

#include <QFile>
#include <QRandomGenerator>

namespace outflow::bench {

namespace {

const char *const FirstNames[] = {"Amélie",   "Bruno",  "Chloé", "David",  "Emma",
                                  "François", "Gaëlle", "Hugo",  "Inès",   "Jules",
                                  "Katia",    "Léo",    "Manon", "Nicolas"};
const char *const LastNames[] = {"Martin",  "Bernard", "Dubois", "Thomas", "Robert",
                                 "Richard", "Petit",   "Durand", "Leroy",  "Moreau"};
const char *const Cities[] = {"Paris", "Lyon", "Marseille", "Toulouse", "Nantes", "Lille"};
const char *const Tiers[] = {"bronze", "silver", "gold"};

// The audiences the exports carry: the first two are mapped to the dataflow
// (names and timestamps), the others only share its merge policy.
const char *const AudienceIds[] = {"5b998cb9-9488-4ec3-8d95-fa8338ced490",
                                   "a1c9e3f0-52d4-4c4e-9f0b-2a6b1e3d7c11",
                                   "0f4e8d2a-7b6c-4a9e-8d1f-3c2b5a6e9f04"};
const char *const AudienceNames[] = {"High-value customers", "Newsletter subscribers"};

QByteArray number(qint64 value)
{
    return QByteArray::number(value);
}

QByteArray makeBody(QRandomGenerator &random, int index)
{
    const auto pick = [&random](const auto &list) {
        return QByteArray(list[random.bounded(int(std::size(list)))]);
    };
    const QByteArray first = pick(FirstNames);
    const QByteArray last = pick(LastNames);
    const QByteArray crmId = "CRM-" + number(1000000 + index);
    const QByteArray email = first.toLower().toPercentEncoding() + '.' + last.toLower() + '.' +
                             number(index) + "@example.com";
    QByteArray json;
    json.reserve(1400);
    json += "{\"person\":{\"name\":{\"firstName\":\"" + first + "\",\"lastName\":\"" + last +
            "\"},\"birthDate\":\"19" + number(50 + random.bounded(50)) + "-0" +
            number(1 + random.bounded(9)) + "-1" + number(random.bounded(10)) + "\"}";
    json += ",\"personalEmail\":{\"address\":\"" + email + "\"}";
    json += ",\"homeAddress\":{\"street1\":\"" + number(1 + random.bounded(200)) +
            " rue de la République\",\"city\":\"" + pick(Cities) + "\",\"postalCode\":\"" +
            number(10000 + random.bounded(85000)) + "\",\"countryCode\":\"FR\"}";
    json += ",\"loyalty\":{\"points\":" + number(random.bounded(20000)) + ",\"tier\":\"" +
            pick(Tiers) + "\"}";
    json += ",\"segmentMembership\":{\"ups\":{";
    const qint64 qualified = 1764288000000 + random.bounded(30 * 86400) * qint64(1000);
    for (int a = 0; a < int(std::size(AudienceIds)); ++a) {
        json += (a ? ",\"" : "\"") + QByteArray(AudienceIds[a]) +
                "\":{\"lastQualificationTime\":\"2026-11-" + number(10 + random.bounded(18)) +
                "T0" + number(random.bounded(10)) + ":41:50Z\",\"status\":\"" +
                (random.bounded(5) ? "realized" : "exited") + '"';
        if (a < int(std::size(AudienceNames))) {
            json += ",\"createdAt\":1648553325000,\"updatedAt\":1648553330000"
                    ",\"mappingCreatedAt\":" +
                    number(qualified) + ",\"mappingUpdatedAt\":" + number(qualified) +
                    ",\"name\":\"" + AudienceNames[a] + '"';
        }
        json += '}';
    }
    json += "}},\"identityMap\":{\"email\":[{\"id\":\"" + email +
            "\",\"primary\":true}],\"crmId\":[{\"id\":\"" + crmId + "\"}]";
    if (index % 2 == 0)
        json += ",\"phone\":[{\"id\":\"+3361" + number(1000000 + index) + "\"}]";
    json += "}}";
    return json;
}

} // namespace

ExportBodies::ExportBodies(int poolSize, quint32 seed)
{
    QRandomGenerator random(seed);
    m_bodies.reserve(poolSize);
    for (int i = 0; i < poolSize; ++i)
        m_bodies.append(makeBody(random, i));
}

QByteArray ExportBodies::exportId(qint64 exportIndex)
{
    // Fixed prefix, index in the last group: readable in nginx's access log,
    // and the kill -9 harness counts distinct ids with sort -u.
    return QByteArrayLiteral("00000000-0000-4000-8000-") +
           QByteArray::number(exportIndex).rightJustified(12, '0');
}

double ExportBodies::averageBytes() const
{
    qint64 total = 0;
    for (const QByteArray &body : m_bodies)
        total += body.size();
    return m_bodies.isEmpty() ? 0 : double(total) / double(m_bodies.size());
}

bool ExportBodies::writeNdjson(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    for (const QByteArray &body : m_bodies) {
        if (file.write(body) < 0 || !file.putChar('\n'))
            return false;
    }
    return true;
}

bool ExportBodies::writeFirst(const QString &path) const
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(m_bodies.value(0)) == m_bodies.value(0).size();
}

} // namespace outflow::bench
