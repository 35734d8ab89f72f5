#pragma once

namespace outflow::ui {

// The whole `outflow` executable: options, display check, translations,
// main window, event loop. Returns the process exit code.
int runGui(int argc, char *argv[]);

} // namespace outflow::ui
