#include "uilogging.h"

Q_LOGGING_CATEGORY(lcUi, "outflow.ui", QtInfoMsg)
