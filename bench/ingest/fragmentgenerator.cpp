#include "fragmentgenerator.h"

namespace outflow::bench {
namespace {

const char *const firstNames[] = {"Ana",     "Bruno", "Chloé",  "David", "Emma",  "Félix",
                                  "Gabriel", "Hugo",  "Inès",   "Jules", "Karim", "Léa",
                                  "Manon",   "Noah",  "Olivia", "Paul"};
const char *const lastNames[] = {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard",
                                 "Petit",  "Durand",  "Leroy",  "Moreau", "Simon",  "Laurent"};
const char *const cities[] = {"Paris", "Lyon", "Berlin", "Austin", "Madrid", "Brussels", "Lisbon"};
const char *const countries[] = {"FR", "FR", "DE", "US", "ES", "BE", "PT"};
const char *const tiers[] = {"bronze", "silver", "gold"};

} // namespace

FragmentGenerator::FragmentGenerator(int persons, double linkShare, quint32 seed,
                                     Attributes attributes)
    : m_persons(persons)
    , m_linkShare(linkShare)
    , m_random(seed)
    , m_attributes(attributes)
{
    if (attributes == Attributes::Steady) {
        m_points.resize(size_t(persons));
        for (int &points : m_points)
            points = int(m_random.bounded(2000));
    }
}

QByteArray FragmentGenerator::identity(int person, int which, bool primary) const
{
    QByteArray out;
    switch (which) {
    case 0:
        out.append("\"email\":[{\"id\":\"person")
            .append(QByteArray::number(person))
            .append("@example.com\"");
        break;
    case 1:
        out.append("\"crmId\":[{\"id\":\"CRM-")
            .append(QByteArray::number(qint64(person) * 7919 % 10000019))
            .append('"');
        break;
    default:
        out.append("\"phone\":[{\"id\":\"+3360")
            .append(QByteArray::number(10000000 + person))
            .append('"');
        break;
    }
    return out.append(",\"primary\":").append(primary ? "true" : "false").append("}]");
}

QByteArray FragmentGenerator::next()
{
    const int person = int(m_random.bounded(m_persons));
    const int identityKinds = person % 2 == 0 ? 3 : 2; // half of them have a phone
    const int first = int(m_random.bounded(identityKinds));
    QByteArray identities = identity(person, first, first == 0);
    if (m_random.generateDouble() < m_linkShare) {
        const int second = (first + 1 + int(m_random.bounded(identityKinds - 1))) % identityKinds;
        identities.append(',').append(identity(person, second, second == 0));
    }
    const bool steady = m_attributes == Attributes::Steady;
    const int country = steady ? person % int(std::size(countries))
                               : int(m_random.bounded(int(std::size(countries))));
    int points = 0;
    if (steady)
        points = m_points[size_t(person)] += int(m_random.bounded(30));
    else
        points = int(m_random.bounded(5000));
    const int tier = steady ? (points < 1000   ? 0
                               : points < 3000 ? 1
                                               : 2)
                            : int(m_random.bounded(3));
    const QByteArray number = QByteArray::number(person);
    QByteArray line;
    line.reserve(640);
    line.append("{\"identityMap\":{").append(identities).append("},");
    line.append("\"person\":{\"name\":{\"firstName\":\"")
        .append(firstNames[person % std::size(firstNames)]);
    line.append("\",\"lastName\":\"").append(lastNames[(person / 16) % std::size(lastNames)]);
    line.append("\"},\"birthDate\":\"19").append(QByteArray::number(50 + person % 50));
    line.append("-0")
        .append(QByteArray::number(1 + person % 9))
        .append("-1")
        .append(QByteArray::number(person % 10));
    line.append("\",\"gender\":\"").append(person % 2 ? "female" : "male").append("\"},");
    line.append("\"personalEmail\":{\"address\":\"person")
        .append(number)
        .append("@example.com\"},");
    line.append("\"homeAddress\":{\"street1\":\"").append(QByteArray::number(1 + person % 200));
    line.append(" rue de la Paix\",\"city\":\"").append(cities[country]);
    line.append("\",\"postalCode\":\"").append(QByteArray::number(75000 + person % 999));
    line.append("\",\"countryCode\":\"").append(countries[country]);
    line.append("\"},\"loyalty\":{\"points\":").append(QByteArray::number(points));
    line.append(",\"tier\":\"").append(tiers[tier]);
    line.append("\",\"lastPurchaseAt\":\"2026-11-")
        .append(QByteArray::number(10 + m_random.bounded(18)));
    line.append("T10:12:00Z\"},\"consents\":{\"marketing\":{\"email\":{\"val\":\"");
    line.append(person % 3 ? "y" : "n").append("\"}}}}");
    return line;
}

} // namespace outflow::bench
