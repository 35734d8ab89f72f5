// `outflowctl status [DESTINATION] [--window W] [--series]` (DESIGN §5;
// issues #5, #7 and #18): per dataflow, the lifetime counters, the last
// hour's figures with latency percentiles and SLO attainment, the live
// outbox and the active alerts; destinations without a dataflow yet with
// their state (issue #16). The state, the outbox and a window's figures come
// from MonitoringReader, as the app's Monitoring page has them.
#include "activationcli_p.h"
#include "app/paths.h"
#include "cli.h"
#include "command.h"
#include "delivery/destinationsecrets.h"
#include "delivery/destinationstate.h"
#include "delivery/tlsconfig.h"
#include "monitoring/alertrules.h"
#include "monitoring/monitor.h"
#include "monitoring/monitoringreport.h"
#include "secrets/secretstore.h"
#include "statuswindow_p.h"
#include "store/sqlitestore.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace outflow::cli {

namespace {

// The last hour from the stored minutes; the live values from the outbox
// (another process may be sending: its unfinished minute is not stored yet).
QJsonObject lastHourJson(Monitor &monitor, const Destination &destination,
                         const DataflowReport &row)
{
    monitor.setLiveValues(row.dataflowId, row.inFlight, row.backlog, row.oldestPendingMs);
    const DataflowFiguresSnapshot figures = monitor.figures(destination, row.dataflowId);
    const MetricsBucket &hour = figures.lastHour;
    const AlertThresholds thresholds =
        AlertRules::thresholds(destination.alertThresholds).value_or(AlertThresholds{});
    return QJsonObject{{QStringLiteral("received"), hour.received},
                       {QStringLiteral("created"), hour.created},
                       {QStringLiteral("excluded"), hour.excluded},
                       {QStringLiteral("attempts"), hour.attempts},
                       {QStringLiteral("delivered"), hour.delivered},
                       {QStringLiteral("failed"), hour.failed},
                       {QStringLiteral("retried"), hour.retried},
                       {QStringLiteral("timeouts"), hour.timeouts},
                       {QStringLiteral("latencyMs"), latencyJson(hour)},
                       {QStringLiteral("slo"), sloJson(thresholds.sloTarget, thresholds.sloTargetMs,
                                                       figures.sloAttainment)}};
}

QString percent(const QJsonValue &share)
{
    return QString::number(share.toDouble() * 100, 'f', 1) + QLatin1Char('%');
}

// Why the destination's sender could not start, judged here as an engine
// would: a secret the keychain does not hold, TLS files that cannot be used.
SenderBlock blockOf(SecretStore &keychain, const Destination &destination)
{
    for (const DestinationSecrets::Ref &ref : DestinationSecrets::refsOf(destination)) {
        if (!ref.isRequired())
            continue;
        SecretRequest *request = keychain.read(ref.keychainKey(destination.id));
        QEventLoop loop; // a command of its own: nothing else waits meanwhile
        SecretResult result;
        QObject::connect(request, &SecretRequest::finished, &loop, [&](const SecretResult &answer) {
            result = answer;
            loop.quit();
        });
        loop.exec();
        if (result.status != SecretResult::Status::Ok || result.value.isEmpty())
            return SenderBlock::MissingSecret;
    }
    if (!destination.clientCertPath.isEmpty() || !destination.caCertPath.isEmpty()) {
        // Without the key passphrase: an encrypted key is judged by the engine.
        const TlsConfig tls = TlsConfig::load(TlsSettings::fromDestination(destination, {}));
        if (!tls.isValid() && tls.problem() != TlsConfig::Problem::PassphraseRequired &&
            tls.problem() != TlsConfig::Problem::WrongPassphrase)
            return SenderBlock::Tls;
    }
    return SenderBlock::None;
}

// A destination without a dataflow: its state, and every figure of the
// others at zero (`dataflow` null), so that scripts read one shape.
QJsonObject withoutDataflowJson(const Destination &destination, const DataflowReport &row,
                                const QJsonArray &alerts)
{
    const DestinationState state = row.state;
    QJsonObject json{{QStringLiteral("destination"), destination.name},
                     {QStringLiteral("state"), DestinationStates::id(state)},
                     {QStringLiteral("stateLabel"), DestinationStates::label(state)},
                     {QStringLiteral("stateFix"), DestinationStates::fix(state)},
                     {QStringLiteral("dataflow"), QJsonValue()},
                     {QStringLiteral("enabled"), destination.enabled},
                     {QStringLiteral("excludedBy"), QJsonObject()},
                     {QStringLiteral("backfill"),
                      QJsonObject{{QStringLiteral("done"), 0}, {QStringLiteral("total"), 0}}},
                     {QStringLiteral("latencyMs"), latencyJson(MetricsBucket{})},
                     {QStringLiteral("slo"), sloJson(row.sloTarget, row.sloWithinMs, -1)},
                     {QStringLiteral("alerts"), alerts}};
    for (const char *figure :
         {"received", "created", "excluded", "suppressed", "delivered", "failed", "retried",
          "backlog", "deadLetters", "oldestPendingMs", "inFlight"})
        json.insert(QLatin1String(figure), 0);
    return json;
}

// A destination with a dataflow: its lifetime counters (the store's), the
// outbox now, its state and newest backfill.
QJsonObject dataflowJson(const DataflowStatus &status, const DataflowReport &row,
                         const QJsonArray &alerts)
{
    QJsonObject excludedBy;
    for (auto it = status.counters.cbegin(); it != status.counters.cend(); ++it) {
        if (it.key().startsWith(QLatin1String("excluded:")))
            excludedBy.insert(it.key().mid(9), it.value());
    }
    const auto count = [&](const char *name) {
        return status.counters.value(QString::fromLatin1(name));
    };
    return QJsonObject{{QStringLiteral("destination"), status.destination.name},
                       {QStringLiteral("state"), DestinationStates::id(row.state)},
                       {QStringLiteral("stateLabel"), DestinationStates::label(row.state)},
                       {QStringLiteral("stateFix"), DestinationStates::fix(row.state)},
                       {QStringLiteral("dataflow"), status.dataflow.id},
                       {QStringLiteral("enabled"), status.destination.enabled},
                       {QStringLiteral("received"), count("received")},
                       {QStringLiteral("created"), count("created")},
                       {QStringLiteral("excluded"), count("excluded")},
                       {QStringLiteral("excludedBy"), excludedBy},
                       {QStringLiteral("suppressed"), count("suppressed")},
                       {QStringLiteral("delivered"), count("delivered")},
                       {QStringLiteral("failed"), count("failed")},
                       {QStringLiteral("retried"), count("retried")},
                       {QStringLiteral("backlog"), row.backlog},
                       {QStringLiteral("deadLetters"), row.deadLetters},
                       {QStringLiteral("oldestPendingMs"), row.oldestPendingMs},
                       {QStringLiteral("backfill"), backfillJson(status.backfill)},
                       {QStringLiteral("inFlight"), row.inFlight},
                       {QStringLiteral("alerts"), alerts}};
}

QString integer(const QJsonObject &o, const char *key)
{
    return QString::number(o.value(QLatin1String(key)).toInteger());
}

void printLastHour(Context &context, const QJsonObject &s)
{
    const auto n = integer;
    const QJsonObject hour = s.value(QLatin1String("lastHour")).toObject();
    const QJsonObject latency = hour.value(QLatin1String("latencyMs")).toObject();
    context.out << Text::tr("  last hour: delivered %1, failed %2, retried %3, timed out %4 of %5 "
                            "attempts")
                       .arg(n(hour, "delivered"), n(hour, "failed"), n(hour, "retried"),
                            n(hour, "timeouts"), n(hour, "attempts"))
                << '\n';
    if (!latency.value(QLatin1String("p50")).isNull())
        context.out << Text::tr("  latency from commit to 2xx: p50 %1 ms, p95 %2 ms, p99 %3 ms")
                           .arg(n(latency, "p50"), n(latency, "p95"), n(latency, "p99"))
                    << '\n';
    const QJsonObject slo = hour.value(QLatin1String("slo")).toObject();
    const QString target = Text::tr("%1 within %2 s")
                               .arg(percent(slo.value(QLatin1String("target"))))
                               .arg(slo.value(QLatin1String("withinMs")).toInteger() / 1000);
    context.out << (slo.value(QLatin1String("attainment")).isNull()
                        ? Text::tr("  SLO (%1): nothing to judge in the last hour").arg(target)
                        : Text::tr("  SLO (%1): %2 over the last hour")
                              .arg(target, percent(slo.value(QLatin1String("attainment")))))
                << '\n';
}

void printBackfillAndAlerts(Context &context, const QJsonObject &s)
{
    const QJsonObject backfill = s.value(QLatin1String("backfill")).toObject();
    QString pace;
    if (const double perSecond = backfill.value(QLatin1String("perSecond")).toDouble();
        perSecond > 0) {
        const QJsonValue eta = backfill.value(QLatin1String("etaMs"));
        pace = eta.isDouble() ? Text::tr(" (%1 profiles/s, about %2 s left)")
                                    .arg(perSecond)
                                    .arg((eta.toInteger() + 999) / 1000)
                              : Text::tr(" (%1 profiles/s)").arg(perSecond);
    }
    context.out << Text::tr("  backfill: %1 done of %2%3")
                       .arg(backfill.value(QLatin1String("done")).toInteger())
                       .arg(backfill.value(QLatin1String("total")).toInteger())
                       .arg(pace)
                << '\n';
    const QJsonArray alerts = s.value(QLatin1String("alerts")).toArray();
    for (const auto &alert : alerts) {
        const QJsonObject a = alert.toObject();
        context.out << Text::tr("  alert %1 (since %2): %3")
                           .arg(a.value(QLatin1String("kind")).toString(),
                                a.value(QLatin1String("raisedAt")).toString(),
                                a.value(QLatin1String("message")).toString())
                    << '\n';
    }
}

void printText(Context &context, const QJsonObject &s)
{
    if (s.value(QLatin1String("dataflow")).isNull()) {
        context.out << Text::tr("%1: %2").arg(s.value(QLatin1String("destination")).toString(),
                                              s.value(QLatin1String("stateLabel")).toString())
                    << '\n';
        if (const QString fix = s.value(QLatin1String("stateFix")).toString(); !fix.isEmpty())
            context.out << "  " << fix << '\n';
        context.out << "  "
                    << Text::tr("No dataflow yet: map audiences with 'outflowctl activate %1 "
                                "--audience …'.")
                           .arg(s.value(QLatin1String("destination")).toString())
                    << '\n';
        return;
    }
    const auto n = integer;
    context.out << Text::tr("%1 (dataflow %2): %3")
                       .arg(s.value(QLatin1String("destination")).toString(),
                            s.value(QLatin1String("dataflow")).toString(),
                            s.value(QLatin1String("stateLabel")).toString())
                << '\n';
    if (const QString fix = s.value(QLatin1String("stateFix")).toString(); !fix.isEmpty())
        context.out << "  " << fix << '\n';
    context.out << Text::tr("  profile updates that met a trigger: %1; exports created: %2; "
                            "excluded: %3; suppressed by a switched-off trigger: %4; waiting "
                            "to be sent: %5")
                       .arg(n(s, "received"), n(s, "created"), n(s, "excluded"), n(s, "suppressed"),
                            n(s, "backlog"))
                << '\n';
    const QJsonObject excludedBy = s.value(QLatin1String("excludedBy")).toObject();
    for (auto it = excludedBy.begin(); it != excludedBy.end(); ++it)
        context.out << Text::tr("  excluded (%1): %2").arg(it.key()).arg(it.value().toInteger())
                    << '\n';
    context.out << Text::tr("  delivered %1, retried %2, failed %3; dead letters kept %4, "
                            "oldest waiting export %5 ms")
                       .arg(n(s, "delivered"), n(s, "retried"), n(s, "failed"), n(s, "deadLetters"),
                            n(s, "oldestPendingMs"))
                << '\n';
    if (s.contains(QLatin1String("window"))) {
        printWindowText(context, s); // in place of the last hour
    } else {
        printLastHour(context, s);
    }
    printBackfillAndAlerts(context, s);
}

} // namespace

int statusCommand(Context &context)
{
    const QString command = QStringLiteral("status");
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("destination"), Text::tr("Id or name."));
    const QCommandLineOption windowOption(
        QStringLiteral("window"),
        Text::tr("Also show the figures of the last 15 minutes, 24 hours or 7 days "
                 "(\"window\" and \"windowFigures\" in --json) in place of the last hour's."),
        QStringLiteral("15m|24h|7d"));
    const QCommandLineOption seriesOption(
        QStringLiteral("series"),
        Text::tr("With the window (15m unless --window says otherwise): its figures per minute "
                 "(per hour for 7d) and the hourly runs of the last 24 hours."));
    parser.addOption(windowOption);
    parser.addOption(seriesOption);
    if (const std::optional<int> exitCode = parseCommandOptions(parser, context, command, true))
        return *exitCode;
    if (parser.positionalArguments().size() > 1) {
        context.err << Text::tr("status: give at most one destination.") << '\n';
        return ExitUsage;
    }
    std::optional<MonitoringWindow> window;
    if (parser.isSet(windowOption)) {
        window = MonitoringWindows::fromId(parser.value(windowOption));
        if (!window) {
            context.err << Text::tr("status: --window: “%1” is not a window; give 15m, 24h or 7d.")
                               .arg(parser.value(windowOption))
                        << '\n';
            return ExitUsage;
        }
    }
    const bool series = parser.isSet(seriesOption);
    if (series && !window)
        window = MonitoringWindow::FifteenMinutes;
    SqliteStore store(paths::resolveStorePath(context.storePath));
    if (!store.open()) {
        context.err << command << ": " << store.lastError() << '\n';
        return ExitFailure;
    }
    ActivationService service(store);
    MetricsRecorder noLiveFigures; // this process records nothing: the stored minutes tell
    Monitor monitor(store, noLiveFigures);
    const QList<Alert> activeAlerts = store.alerts(true);
    SecretStore keychain;
    QList<Destination> destinations;
    if (parser.positionalArguments().isEmpty()) {
        destinations = store.destinations();
    } else if (const auto one = service.findDestination(parser.positionalArguments().first())) {
        destinations.append(*one);
    } else {
        return reportFailure(context, command, service);
    }
    const auto alertsOf = [&activeAlerts](const QString &destinationId) {
        QJsonArray alerts;
        for (const Alert &alert : activeAlerts) {
            if (alert.destinationId == destinationId)
                alerts.append(alertToJson(alert));
        }
        return alerts;
    };
    // The figures the app's Monitoring page reads (issue #18), with the
    // state judged as an engine would: the keychain asked here, an active
    // auth-failure alert standing for the failures in a row.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    MonitoringReader reader(store, nullptr, now);
    reader.setBlockOf(
        [&keychain](const Destination &destination) { return blockOf(keychain, destination); });
    reader.setAuthFailuresOf([&activeAlerts](const QString &destinationId) {
        for (const Alert &alert : activeAlerts) {
            if (alert.destinationId == destinationId && alert.kind == AlertKind::AuthFailure)
                return 1;
        }
        return 0;
    });
    QJsonArray list;
    for (const Destination &destination : std::as_const(destinations)) {
        MonitoringReader::Options options;
        options.window = window.value_or(MonitoringWindow::FifteenMinutes);
        options.destinationId = destination.id;
        options.series = series;
        const std::optional<MonitoringReport> report = reader.read(options);
        if (!report) {
            context.err << command << ": " << reader.lastError() << '\n';
            return ExitFailure;
        }
        if (report->dataflows.isEmpty())
            continue; // removed meanwhile
        const DataflowReport &row = report->dataflows.constFirst();
        QJsonObject json;
        const std::optional<DataflowStatus> status = service.status(destination);
        if (!status) {
            if (service.lastErrorKind() != ActivationService::ErrorKind::Input ||
                !parser.positionalArguments().isEmpty())
                return reportFailure(context, command, service);
            // Listing all: a destination without a dataflow has no figures,
            // but it has a state (a missing secret, disabled…).
            json = withoutDataflowJson(destination, row, alertsOf(destination.id));
        } else {
            json = dataflowJson(*status, row, alertsOf(destination.id));
            // The last hour, as the alerts judge it; its latency and SLO
            // also at the top (DESIGN §5).
            const QJsonObject lastHour = lastHourJson(monitor, destination, row);
            json.insert(QStringLiteral("lastHour"), lastHour);
            json.insert(QStringLiteral("latencyMs"), lastHour.value(QLatin1String("latencyMs")));
            json.insert(QStringLiteral("slo"), lastHour.value(QLatin1String("slo")));
        }
        if (window) {
            json.insert(QStringLiteral("window"), MonitoringWindows::id(*window));
            json.insert(QStringLiteral("windowFigures"), windowFiguresJson(row, *window, now));
        }
        if (series) {
            json.insert(QStringLiteral("series"), seriesJson(row));
            json.insert(QStringLiteral("hourlyRuns"), hourlyRunsJson(row));
        }
        list.append(json);
    }
    if (context.json) {
        context.out << QJsonDocument(list).toJson(QJsonDocument::Compact) << '\n';
        return ExitSuccess;
    }
    if (list.isEmpty()) {
        context.out << Text::tr("No destination yet: add one with 'outflowctl destination add'.")
                    << '\n';
        return ExitSuccess;
    }
    for (const auto &value : std::as_const(list))
        printText(context, value.toObject());
    return ExitSuccess;
}

} // namespace outflow::cli
