// outflowctl: the headless twin of Outflow. Everything lives in outflow_core.
#include "app/unixsignals.h"
#include "cli/cli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    outflow::quitOnTerminationSignals(app);
    return outflow::cli::run(app);
}
