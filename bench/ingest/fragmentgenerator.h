#pragma once

#include <QByteArray>
#include <QRandomGenerator>
#include <vector>

namespace outflow::bench {

// Realistic XDM fragments for `persons` people, each known by 2–3
// identities (email, crmId, and a phone for half of them). Most fragments
// carry one identity, so a person first appears as several profiles; about
// `linkShare` of them carry two identities of one person, which links (and
// merges) those profiles, as a login joining a CRM record would.
//
// Attributes are Steady by default, as customers' are: a person keeps a name,
// an address and a country; loyalty points only grow, a little with each
// update, and the tier follows them. Volatile draws points, tier and country
// anew for every fragment, a stress case for segmentation (most rules change
// their answer on most fragments).
class FragmentGenerator
{
public:
    enum class Attributes { Steady, Volatile };

    FragmentGenerator(int persons, double linkShare, quint32 seed,
                      Attributes attributes = Attributes::Steady);

    // One NDJSON line (without '\n'), about 400–600 bytes.
    QByteArray next();

private:
    QByteArray identity(int person, int which, bool primary) const;

    int m_persons;
    double m_linkShare;
    QRandomGenerator m_random;
    Attributes m_attributes;
    std::vector<int> m_points; // per person, when Steady
};

} // namespace outflow::bench
