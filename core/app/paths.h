#pragma once

#include <QString>

namespace outflow::paths {

// The embedded store shared by the GUI and outflowctl:
// <generic data folder>/Outflow/outflow.sqlite (~/.local/share/Outflow/… on Linux).
QString defaultStorePath();

// `--store PATH` when given, else $OUTFLOW_STORE, else the default; a
// relative path is made absolute (against the current folder).
QString resolveStorePath(const QString &option);

// Why `location` cannot be a store, or empty when it can. A URL
// ("postgresql://user@host/db") is refused until a store other than SQLite
// exists, instead of being taken for a relative file path (issue #21).
QString storeLocationProblem(const QString &location);

} // namespace outflow::paths
