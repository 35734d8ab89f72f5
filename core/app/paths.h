#pragma once

#include <QString>

namespace outflow::paths {

// The embedded store shared by the GUI and outflowctl:
// <generic data folder>/Outflow/outflow.sqlite (~/.local/share/Outflow/… on Linux).
QString defaultStorePath();

// `--store PATH` when given, else $OUTFLOW_STORE, else the default.
QString resolveStorePath(const QString &option);

} // namespace outflow::paths
