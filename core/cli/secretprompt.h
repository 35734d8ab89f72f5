#pragma once

#include <QString>

namespace outflow::cli {

// Reads one secret for outflowctl (DESIGN §5): from its OUTFLOW_* variable,
// else by a prompt on the terminal with echo off. Never from argv (the
// process list shows it). Returns a null string when neither is available
// (no variable and stdin is not a terminal).
QString readSecret(const QString &environmentVariable, const QString &prompt);

} // namespace outflow::cli
