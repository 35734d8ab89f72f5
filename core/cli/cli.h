#pragma once

class QCoreApplication;

namespace outflow::cli {

// Exit codes of outflowctl (DESIGN §5).
enum ExitCode : int {
    ExitSuccess = 0,
    ExitFailure = 1, // a runtime failure (keychain, network, store)
    ExitUsage = 2,   // bad usage or input; stderr names the offending part
};

// Runs `outflowctl` with app.arguments() and returns its exit code. Installs
// translations (--lang) itself, so main() stays a two-liner.
int run(QCoreApplication &app);

} // namespace outflow::cli
