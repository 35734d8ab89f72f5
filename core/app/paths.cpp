#include "paths.h"

#include "app/appinfo.h"

#include <QStandardPaths>

namespace outflow::paths {

QString defaultStorePath()
{
    // Generic, not per-application: the GUI and outflowctl have different
    // application names but must open the same store.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QLatin1Char('/') + appinfo::displayName + QStringLiteral("/outflow.sqlite");
}

QString resolveStorePath(const QString &option)
{
    if (!option.isEmpty())
        return option;
    const QString fromEnvironment = qEnvironmentVariable("OUTFLOW_STORE");
    return fromEnvironment.isEmpty() ? defaultStorePath() : fromEnvironment;
}

} // namespace outflow::paths
