#pragma once

#include <optional>
#include <QDateTime>
#include <QString>

namespace outflow {

// Where an audience's members come from (DESIGN §1).
enum class AudienceOrigin : quint8 {
    Segmentation, // a rule (DESIGN §3), evaluated on every merge
    CustomUpload, // a CSV import; never evaluated by rules
};

// The stored and exported spelling: "segmentation", "custom-upload".
inline QString audienceOriginName(AudienceOrigin origin)
{
    return origin == AudienceOrigin::Segmentation ? QStringLiteral("segmentation")
                                                  : QStringLiteral("custom-upload");
}

inline std::optional<AudienceOrigin> audienceOriginFromName(QStringView name)
{
    if (name == QLatin1String("segmentation"))
        return AudienceOrigin::Segmentation;
    if (name == QLatin1String("custom-upload"))
        return AudienceOrigin::CustomUpload;
    return std::nullopt;
}

struct Audience
{
    QString id; // UUID, without braces
    QString name;
    QString description;
    AudienceOrigin origin = AudienceOrigin::Segmentation;
    QString rule; // the rule text of a segmentation audience; empty for uploads
    QString mergePolicyId = QStringLiteral("default");
    qint64 createdAt = 0; // UNIX ms
    qint64 updatedAt = 0; // UNIX ms

    bool isRuleAudience() const { return origin == AudienceOrigin::Segmentation; }
};

enum class MembershipStatus : quint8 { Realized, Exited };

inline QString membershipStatusName(MembershipStatus status)
{
    return status == MembershipStatus::Realized ? QStringLiteral("realized")
                                                : QStringLiteral("exited");
}

// One profile in one audience (DESIGN §1): realized when it entered, exited
// when it left, with the time of that transition.
struct Membership
{
    qint64 profileId = 0;
    QString audienceId;
    MembershipStatus status = MembershipStatus::Realized;
    QString lastQualificationTime; // ISO-8601 UTC, seconds, "2022-01-11T21:24:39Z"

    bool isRealized() const { return status == MembershipStatus::Realized; }
};

// A change of status: what the activation stage exports (DESIGN §2, rule 1).
struct MembershipTransition
{
    qint64 profileId = 0;
    QString audienceId;
    bool entered = false; // true: now realized; false: now exited
    QString time;         // its lastQualificationTime
};

// The lastQualificationTime form of a UNIX ms time: UTC, second precision,
// "Z" suffix. Text order is time order, which retention relies on.
inline QString qualificationTime(qint64 unixMs)
{
    return QDateTime::fromMSecsSinceEpoch(unixMs, Qt::UTC).toString(Qt::ISODate);
}

} // namespace outflow
