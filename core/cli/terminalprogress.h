#pragma once

#include <QElapsedTimer>
#include <QString>
#include <QTextStream>

namespace outflow::cli {

// "label 42 %" on one line of stderr, rewritten in place, for the long
// operations of outflowctl (a large CSV import, a rule edit over every
// profile). Only on a terminal: a script reading stderr gets the messages
// that matter (bad rows, errors), not a stream of carriage returns.
class TerminalProgress
{
public:
    TerminalProgress(QTextStream &err, QString label);
    ~TerminalProgress(); // clears the line it wrote, if any

    void update(qint64 done, qint64 total);

    // For the tests: whether updates are shown at all.
    static bool isShown();

private:
    QTextStream &m_err;
    QString m_label;
    QElapsedTimer m_sinceLast;
    bool m_shown;
    bool m_wrote = false;
    int m_lastPercent = -1;
};

} // namespace outflow::cli
