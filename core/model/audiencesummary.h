#pragma once

#include "audience.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace outflow {

// What the GUI shows of one audience: a value snapshot the Engine reads on
// its thread and sends, queued, to the Audiences page (DESIGN §4).
struct AudienceSummary
{
    QString id;
    QString name;
    AudienceOrigin origin = AudienceOrigin::Segmentation;
    QString rule; // empty for uploads
    QString mergePolicyId;
    qint64 realized = 0;
    qint64 exited = 0;
    qint64 createdAt = 0; // UNIX ms
    qint64 updatedAt = 0; // UNIX ms
    QString description;

    friend bool operator==(const AudienceSummary &, const AudienceSummary &) = default;
};

} // namespace outflow

Q_DECLARE_METATYPE(outflow::AudienceSummary)
