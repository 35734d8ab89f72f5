#include "paths.h"

#include "app/appinfo.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>
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
    QString location = option.isEmpty() ? qEnvironmentVariable("OUTFLOW_STORE") : option;
    if (location.isEmpty())
        return defaultStorePath();
    if (location == QLatin1String(":memory:") || !storeLocationProblem(location).isEmpty())
        return location; // refused by whoever checks storeLocationProblem()
    return QFileInfo(location).absoluteFilePath();
}

QString storeLocationProblem(const QString &location)
{
    // scheme "://": RFC 3986's scheme syntax; a Windows drive ("C:\\") has no "//".
    static const QRegularExpression url(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*)://"));
    const QRegularExpressionMatch match = url.match(location);
    if (!match.hasMatch())
        return {};
    return QCoreApplication::translate("Paths",
                                       "'%1' is a URL, and Outflow's store is an SQLite file for "
                                       "now (a %2 store is not supported yet): give a file path.")
        .arg(location, match.captured(1));
}

} // namespace outflow::paths
