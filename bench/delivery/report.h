#pragma once

// The table of bench/delivery: one row per client and configuration, with
// the ratios to the ceilings and the peer of the same configuration and
// repetition, and a summary over repetitions (median and spread).
#include "benchclient.h"

#include <QFile>
#include <QString>
#include <QStringList>

namespace outflow::bench {

// Everything printed goes to stdout and, when given, to the results file.
class Report
{
public:
    explicit Report(const QString &resultsFile);
    void line(const QString &text = QString());

    // One repetition of one configuration: its rows, ratios computed here.
    void table(const QString &title, const QList<Result> &rows);
    // Every repetition of one configuration, grouped by client.
    void summary(const QString &title, const QList<QList<Result>> &repetitions);

private:
    QFile m_file;
};

} // namespace outflow::bench
