// outflow: the desktop application. Everything lives in outflow_ui.
#include "guiapp.h"

int main(int argc, char *argv[])
{
    return outflow::ui::runGui(argc, argv);
}
