#pragma once
// What `activate`, `resend` and `status` share.
#include "activation/activationservice.h"
#include "activation/backfillestimate.h"
#include "cli.h"
#include "command.h"
#include "model/export.h"

#include <cmath>
#include <optional>
#include <QDateTime>
#include <QJsonObject>

namespace outflow::cli {

inline int reportFailure(Context &context, const QString &command, const ActivationService &service)
{
    context.err << command << ": " << service.lastError() << '\n';
    return service.lastErrorKind() == ActivationService::ErrorKind::Input ? ExitUsage : ExitFailure;
}

inline QJsonObject backfillJson(const std::optional<Backfill> &backfill)
{
    if (!backfill)
        return QJsonObject{{QStringLiteral("done"), 0}, {QStringLiteral("total"), 0}};
    const BackfillEstimate estimate =
        BackfillEstimate::of(*backfill, QDateTime::currentMSecsSinceEpoch());
    return QJsonObject{
        {QStringLiteral("done"), backfill->done},
        {QStringLiteral("total"), backfill->total},
        {QStringLiteral("kind"), backfillKindName(backfill->kind)},
        {QStringLiteral("finished"), backfill->finished},
        {QStringLiteral("perSecond"), std::round(estimate.perSecond * 10) / 10},
        {QStringLiteral("etaMs"), estimate.etaMs ? QJsonValue(*estimate.etaMs) : QJsonValue()}};
}

} // namespace outflow::cli
