#include "demofeed.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>

namespace outflow {

namespace {

const char *const kTiers[] = {"bronze", "silver", "gold"};

} // namespace

DemoFeed::DemoFeed(QList<Sample> samples, quint32 seed)
    : m_samples(std::move(samples))
    , m_random(seed)
    , m_seed(seed)
{}

std::optional<QList<DemoFeed::Sample>> DemoFeed::readSamples(QIODevice &ndjson, QString *error)
{
    QList<Sample> samples;
    qint64 line = 0;
    while (!ndjson.atEnd()) {
        const QByteArray text = ndjson.readLine().trimmed();
        ++line;
        if (text.isEmpty())
            continue;
        QJsonParseError parseError{};
        const QJsonObject object = QJsonDocument::fromJson(text, &parseError).object();
        if (parseError.error != QJsonParseError::NoError) {
            *error = tr("line %1: %2").arg(line).arg(parseError.errorString());
            return std::nullopt;
        }
        const QJsonObject identityMap = object.value(QLatin1String("identityMap")).toObject();
        if (identityMap.isEmpty())
            continue;
        Sample sample;
        sample.identityMap = identityMap;
        sample.email = object.value(QLatin1String("personalEmail"))
                           .toObject()
                           .value(QLatin1String("address"))
                           .toString();
        sample.firstName = object.value(QLatin1String("person"))
                               .toObject()
                               .value(QLatin1String("name"))
                               .toObject()
                               .value(QLatin1String("firstName"))
                               .toString();
        samples.append(sample);
    }
    if (samples.isEmpty()) {
        *error = tr("no profile with an identityMap");
        return std::nullopt;
    }
    return samples;
}

QByteArray DemoFeed::next()
{
    if (m_random.bounded(NewProfileEvery) == 0)
        return newProfile();
    return update(m_samples.at(int(m_random.bounded(quint32(m_samples.size())))));
}

QByteArray DemoFeed::update(const Sample &sample)
{
    QJsonObject loyalty{{QStringLiteral("points"), int(m_random.bounded(1000))}};
    if (m_random.bounded(10) == 0)
        loyalty.insert(QStringLiteral("tier"), QLatin1String(kTiers[m_random.bounded(3)]));
    QJsonObject fragment{{QStringLiteral("identityMap"), sample.identityMap},
                         {QStringLiteral("loyalty"), loyalty}};
    if (!sample.email.isEmpty())
        fragment.insert(QStringLiteral("personalEmail"),
                        QJsonObject{{QStringLiteral("address"), sample.email}});
    return QJsonDocument(fragment).toJson(QJsonDocument::Compact);
}

QByteArray DemoFeed::newProfile()
{
    ++m_newProfiles;
    const Sample &model = m_samples.at(int(m_random.bounded(quint32(m_samples.size()))));
    const QString firstName = model.firstName.isEmpty() ? QStringLiteral("Demo") : model.firstName;
    // The seed in the address: feeds of earlier runs made their own profiles.
    const QString email = QStringLiteral("%1.demo%2.%3@example.com")
                              .arg(firstName.toLower())
                              .arg(m_seed)
                              .arg(m_newProfiles);
    const QJsonObject fragment{
        {QStringLiteral("identityMap"),
         QJsonObject{{QStringLiteral("email"),
                      QJsonArray{QJsonObject{{QStringLiteral("id"), email},
                                             {QStringLiteral("primary"), true}}}}}},
        {QStringLiteral("person"),
         QJsonObject{
             {QStringLiteral("name"), QJsonObject{{QStringLiteral("firstName"), firstName}}}}},
        {QStringLiteral("personalEmail"), QJsonObject{{QStringLiteral("address"), email}}},
        {QStringLiteral("loyalty"),
         QJsonObject{{QStringLiteral("points"), int(m_random.bounded(1000))},
                     {QStringLiteral("tier"), QLatin1String(kTiers[m_random.bounded(3)])}}}};
    return QJsonDocument(fragment).toJson(QJsonDocument::Compact);
}

} // namespace outflow
