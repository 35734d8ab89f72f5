#pragma once

#include "delivery/destinationprobe.h"

#include <QCoreApplication>

namespace outflow::ui {

// Texts more than one view shows.
class UiTexts
{
    Q_DECLARE_TR_FUNCTIONS(UiTexts)

public:
    // What one Send test found, in a sentence or two (redacted by the core).
    static QString probeSummary(const ProbeReport &report);
};

} // namespace outflow::ui
