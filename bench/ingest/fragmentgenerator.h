#pragma once

#include <QByteArray>
#include <QRandomGenerator>

namespace outflow::bench {

// Realistic XDM fragments for `persons` people, each known by 2–3
// identities (email, crmId, and a phone for half of them). Most fragments
// carry one identity, so a person first appears as several profiles; about
// `linkShare` of them carry two identities of one person, which links (and
// merges) those profiles, as a login joining a CRM record would.
class FragmentGenerator
{
public:
    FragmentGenerator(int persons, double linkShare, quint32 seed);

    // One NDJSON line (without '\n'), about 400–600 bytes.
    QByteArray next();

private:
    QByteArray identity(int person, int which, bool primary) const;

    int m_persons;
    double m_linkShare;
    QRandomGenerator m_random;
};

} // namespace outflow::bench
