#include "uitexts.h"

namespace outflow::ui {

QString UiTexts::probeSummary(const ProbeReport &report)
{
    QString text;
    if (report.ok()) {
        text = tr("Delivered: HTTP %1 in %2 ms%3.")
                   .arg(report.httpStatus)
                   .arg(report.latencyMs)
                   .arg(report.http2 ? tr(" over HTTP/2") : QString());
    } else {
        text = tr("Failed: %1").arg(report.error);
        if (report.httpStatus > 0)
            text += u' ' + tr("(HTTP %1 in %2 ms)").arg(report.httpStatus).arg(report.latencyMs);
    }
    if (!report.response.isEmpty())
        text += u'\n' + tr("Answer: %1").arg(report.response);
    return text;
}

} // namespace outflow::ui
