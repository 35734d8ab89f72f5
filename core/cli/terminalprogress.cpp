#include "terminalprogress.h"

#include <algorithm>
#include <unistd.h>

namespace outflow::cli {

namespace {
constexpr qint64 kIntervalMs = 200; // enough to see it move, not enough to flicker
}

TerminalProgress::TerminalProgress(QTextStream &err, QString label)
    : m_err(err)
    , m_label(std::move(label))
    , m_shown(isShown())
{}

TerminalProgress::~TerminalProgress()
{
    if (m_wrote)
        m_err << "\r\x1b[K" << Qt::flush; // back to the start, erase to the end
}

bool TerminalProgress::isShown()
{
    return isatty(STDERR_FILENO) == 1;
}

void TerminalProgress::update(qint64 done, qint64 total)
{
    if (!m_shown || total <= 0)
        return;
    if (m_sinceLast.isValid() && m_sinceLast.elapsed() < kIntervalMs)
        return;
    const int percent = int(std::clamp<qint64>(done * 100 / total, 0, 100));
    if (percent == m_lastPercent)
        return;
    m_sinceLast.start();
    m_lastPercent = percent;
    m_wrote = true;
    m_err << '\r' << m_label << ' ' << percent << " %" << Qt::flush;
}

} // namespace outflow::cli
