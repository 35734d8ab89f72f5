#pragma once

#include "monitoring/alertrules.h"

#include <QCoreApplication>
#include <QString>

namespace outflow::ui {

// What the administrator reads for each alert kind (the CLI and JSON use
// alertKindId() instead). In the ui so that core keeps no display texts it
// does not need; the notifier and the Alerts page share them.
class AlertTexts
{
    Q_DECLARE_TR_FUNCTIONS(AlertTexts)

public:
    static QString kindTitle(AlertKind kind);
};

} // namespace outflow::ui
