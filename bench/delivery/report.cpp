#include "report.h"

#include <algorithm>
#include <QTextStream>

namespace outflow::bench {

namespace {

QString number(double value, int decimals)
{
    return value < 0 ? QStringLiteral("–") : QString::number(value, 'f', decimals);
}

double ratio(double value, double reference)
{
    return value > 0 && reference > 0 ? value / reference : -1;
}

double median(QList<double> values)
{
    values.removeIf([](double value) { return value < 0; });
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 ? values.at(middle) : (values.at(middle - 1) + values.at(middle)) / 2;
}

// The rate of the named client (or of the peer) among one repetition's rows.
double rateOf(const QList<Result> &rows, const QString &client, bool peer = false)
{
    for (const Result &row : rows) {
        if (row.ran && (peer ? row.role == ClientRole::Peer : row.client == client))
            return row.rate();
    }
    return -1;
}

// The fastest bare-QNAM row of one repetition (the floor the sender is held to).
const Result *bestFloor(const QList<Result> &rows)
{
    const Result *best = nullptr;
    for (const Result &row : rows) {
        if (row.ran && row.role == ClientRole::Floor && (!best || row.rate() > best->rate()))
            best = &row;
    }
    return best;
}

struct Ratios
{
    double wrk, h2load, peer, floor;
};

Ratios ratiosOf(const Result &row, const QList<Result> &rows)
{
    const Result *floor = bestFloor(rows);
    return {ratio(row.rate(), rateOf(rows, QStringLiteral("wrk"))),
            ratio(row.rate(), rateOf(rows, QStringLiteral("h2load"))),
            ratio(row.rate(), rateOf(rows, QString(), true)),
            ratio(row.rate(), floor ? floor->rate() : -1)};
}

// The sender's CPU per export above the fastest bare QNAM's (DESIGN §7: ≤ 40 µs).
QString cpuAboveFloor(const Result &row, const QList<Result> &rows)
{
    const Result *floor = bestFloor(rows);
    if (row.role != ClientRole::Sender || !floor || row.cpuMicrosPerRequest() < 0 ||
        floor->cpuMicrosPerRequest() < 0)
        return QString();
    return QStringLiteral("CPU %1%2 µs/req vs %3; ")
        .arg(row.cpuMicrosPerRequest() >= floor->cpuMicrosPerRequest() ? QStringLiteral("+")
                                                                       : QString())
        .arg(row.cpuMicrosPerRequest() - floor->cpuMicrosPerRequest(), 0, 'f', 0)
        .arg(floor->client);
}

// A batched sender row ("sender ×B", "sender ×B paced") against the ceilings
// posting batch bodies of the same size in the same run (issue #22).
QString batchCeilings(const Result &row, const QList<Result> &rows)
{
    if (row.role != ClientRole::Sender || !row.client.startsWith(QStringLiteral("sender ×")))
        return QString();
    const QString size = row.client.section(QLatin1Char(' '), 1, 1); // "×B"
    QString text;
    for (const char *ceiling : {"wrk", "h2load"}) {
        const double reference =
            rateOf(rows, QString::fromLatin1(ceiling) + QLatin1Char(' ') + size);
        if (reference > 0)
            text += QStringLiteral("%1 of %2 %3; ")
                        .arg(QString::number(row.rate() / reference, 'f', 2),
                             QString::fromLatin1(ceiling), size);
    }
    return text;
}

const QString Header =
    QStringLiteral("client              concurrency                              exports/s   p50 "
                   "ms   p95 ms   p99 ms"
                   "   CPU s  µs/req  RSS MiB  nginx CPU   ×wrk  ×h2load  ×peer  ×floor  note");

QString row(const QString &client, const QString &concurrency, const QString &rate, double p50,
            double p95, double p99, double cpu, double micros, double rss, double nginx,
            const Ratios &ratios, const QString &note)
{
    return QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11 %12 %13 %14  %15")
        .arg(client.leftJustified(19), concurrency.leftJustified(28), rate.rightJustified(22),
             number(p50, 2).rightJustified(8), number(p95, 2).rightJustified(8),
             number(p99, 2).rightJustified(8), number(cpu, 2).rightJustified(7),
             number(micros, 0).rightJustified(7), number(rss, 0).rightJustified(8))
        .arg(number(nginx * 100, 0)
                 .append(nginx < 0 ? QString() : QStringLiteral(" %"))
                 .rightJustified(10),
             number(ratios.wrk, 2).rightJustified(6), number(ratios.h2load, 2).rightJustified(8),
             number(ratios.peer, 2).rightJustified(6), number(ratios.floor, 2).rightJustified(7),
             note);
}

} // namespace

Report::Report(const QString &resultsFile)
    : m_file(resultsFile)
{
    if (!resultsFile.isEmpty())
        m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text);
}

void Report::line(const QString &text)
{
    static QTextStream out(stdout);
    out << text << Qt::endl;
    if (m_file.isOpen()) {
        m_file.write(text.toUtf8() + '\n');
        m_file.flush();
    }
}

void Report::table(const QString &title, const QList<Result> &rows)
{
    line(title);
    line(Header);
    for (const Result &result : rows) {
        if (!result.ran) {
            line(QStringLiteral("%1 %2  %3")
                     .arg(result.client.leftJustified(19), result.concurrency.leftJustified(28),
                          result.note));
            continue;
        }
        QString note = cpuAboveFloor(result, rows) + batchCeilings(result, rows) + result.note;
        if (result.failures > 0)
            note += QStringLiteral(" %1 failed").arg(result.failures);
        line(row(result.client, result.concurrency, QString::number(qint64(result.rate())),
                 result.p50Ms, result.p95Ms, result.p99Ms, result.cpuSeconds,
                 result.cpuMicrosPerRequest(), result.peakRssMiB, result.nginxCpuShare,
                 ratiosOf(result, rows), note.trimmed()));
    }
    line();
}

void Report::summary(const QString &title, const QList<QList<Result>> &repetitions)
{
    line(title + QStringLiteral(" — median over %1 runs, exports/s as median (min–max)")
                     .arg(repetitions.size()));
    line(Header);
    QStringList clients;
    for (const QList<Result> &rows : repetitions) {
        for (const Result &result : rows) {
            if (!clients.contains(result.client))
                clients.append(result.client);
        }
    }
    for (const QString &client : std::as_const(clients)) {
        QList<double> rates, p50, p95, p99, cpu, micros, rss, nginx, toWrk, toH2load, toPeer,
            toFloor;
        QString concurrency, note;
        for (const QList<Result> &rows : repetitions) {
            for (const Result &result : rows) {
                if (result.client != client)
                    continue;
                concurrency = result.concurrency;
                if (!result.ran) {
                    note = result.note;
                    continue;
                }
                const Ratios ratios = ratiosOf(result, rows);
                rates << result.rate();
                p50 << result.p50Ms;
                p95 << result.p95Ms;
                p99 << result.p99Ms;
                cpu << result.cpuSeconds;
                micros << result.cpuMicrosPerRequest();
                rss << result.peakRssMiB;
                nginx << result.nginxCpuShare;
                toWrk << ratios.wrk;
                toH2load << ratios.h2load;
                toPeer << ratios.peer;
                toFloor << ratios.floor;
            }
        }
        if (rates.isEmpty()) {
            line(QStringLiteral("%1 %2  %3")
                     .arg(client.leftJustified(19), concurrency.leftJustified(28), note));
            continue;
        }
        const auto [low, high] = std::minmax_element(rates.cbegin(), rates.cend());
        const QString rate = QStringLiteral("%1 (%2–%3)")
                                 .arg(qint64(median(rates)))
                                 .arg(qint64(*low))
                                 .arg(qint64(*high));
        line(row(client, concurrency, rate, median(p50), median(p95), median(p99), median(cpu),
                 median(micros), median(rss), median(nginx),
                 {median(toWrk), median(toH2load), median(toPeer), median(toFloor)}, QString()));
    }
    line();
}

} // namespace outflow::bench
