#pragma once

#include <optional>
#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>
#include <QString>

class QIODevice;

namespace outflow {

// Fragments that keep a demo moving (issue #18; `outflowctl demo-feed`, run
// by tools/run.sh --demo): updates of the sample profiles, and now and then
// a new profile. Each update writes a sample profile's loyalty points (its
// tier changes one time in ten: Gold members enter and exit) and, when the
// profile has one, its email address again: a mapped attribute written, so
// every realized member exports at each update. A new profile has a name,
// an email address and a tier: it enters the sample audiences. Pure: the
// caller merges the fragments; the same seed makes the same fragments.
class DemoFeed
{
    Q_DECLARE_TR_FUNCTIONS(DemoFeed)

public:
    static constexpr int NewProfileEvery = 40; // on average, one fragment in this many

    // The sample profiles: their identityMap, email address and first name.
    struct Sample
    {
        QJsonObject identityMap;
        QString email; // empty: none
        QString firstName;
    };

    DemoFeed(QList<Sample> samples, quint32 seed);

    // The profiles of an NDJSON file of fragments (the sample's
    // profiles.ndjson), one per line with an identityMap; nullopt with
    // *error naming the line when none is usable or a line is not JSON.
    static std::optional<QList<Sample>> readSamples(QIODevice &ndjson, QString *error);

    // The next fragment, as one compact JSON line (no newline).
    QByteArray next();
    qint64 newProfiles() const { return m_newProfiles; }

private:
    QByteArray update(const Sample &sample);
    QByteArray newProfile();

    QList<Sample> m_samples;
    QRandomGenerator m_random;
    quint32 m_seed;
    qint64 m_newProfiles = 0;
};

} // namespace outflow
