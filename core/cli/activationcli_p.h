#pragma once
// What `activate`, `resend` and `status` share.
#include "activation/activationservice.h"
#include "cli.h"
#include "command.h"
#include "model/export.h"

#include <optional>
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
    return QJsonObject{{QStringLiteral("done"), backfill->done},
                       {QStringLiteral("total"), backfill->total},
                       {QStringLiteral("kind"), backfillKindName(backfill->kind)},
                       {QStringLiteral("finished"), backfill->finished}};
}

} // namespace outflow::cli
