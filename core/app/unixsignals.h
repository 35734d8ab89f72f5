#pragma once

class QCoreApplication;

namespace outflow {

// Turns SIGTERM, SIGINT and SIGHUP into a clean QCoreApplication::quit(), so
// that settings are saved and the store is closed when a service manager, a
// terminal or a test stops the process. The handler only writes one byte to a
// socket pair (async-signal-safe); the event loop does the rest.
void quitOnTerminationSignals(QCoreApplication &app);

} // namespace outflow
