#include "monitor.h"

#include "app/logging.h"
#include "delivery/certificateinfo.h"
#include "delivery/tlsconfig.h"
#include "model/destination.h"
#include "store/store.h"

#include <QDateTime>
#include <QSslCertificate>

namespace outflow {

Monitor::Monitor(Store &store, MetricsRecorder &recorder, Clock clock)
    : m_store(store)
    , m_recorder(recorder)
    , m_clock(std::move(clock))
{}

qint64 Monitor::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

bool Monitor::storeError(const QString &context)
{
    m_error = tr("%1: %2").arg(context, m_store.lastError());
    return false;
}

bool Monitor::restore()
{
    const QList<Alert> active = m_store.alerts(true);
    if (!m_store.lastError().isEmpty())
        return storeError(tr("Could not read the alerts"));
    m_tracker.restore(active);
    return true;
}

void Monitor::setLiveValues(const QString &dataflowId, qint64 inFlight, qint64 backlog,
                            qint64 oldestPendingMs)
{
    m_live.insert(dataflowId, Live{inFlight, backlog, oldestPendingMs});
    m_recorder.recordBacklog(dataflowId, backlog, oldestPendingMs);
}

void Monitor::setConsecutiveAuthFailures(const QString &destinationId, int failures)
{
    m_authFailures.insert(destinationId, failures);
}

MetricsBucket Monitor::window(const QString &dataflowId, qint64 lengthMs)
{
    const qint64 end = now();
    MetricsBucket sum = m_recorder.current(dataflowId);
    // The current minute too: stored already when another process (a run
    // that stopped, or `status` beside a running engine) flushed it.
    const QList<MetricsBucket> stored =
        m_store.metrics(dataflowId, MetricsBucket::Resolution::Minute,
                        MetricsBucket::periodOf(end - lengthMs, MetricsBucket::Resolution::Minute),
                        sum.periodStart + 60'000);
    for (const MetricsBucket &minute : stored)
        sum.add(minute);
    return sum;
}

AlertThresholds Monitor::thresholdsOf(const Destination &destination)
{
    QString error;
    const std::optional<AlertThresholds> thresholds =
        AlertRules::thresholds(destination.alertThresholds, &error);
    if (thresholds)
        return *thresholds;
    // Checked when the destination was saved; a hand-edited store falls back.
    qCWarning(lcApp).noquote() << destination.name << ':' << error;
    return AlertThresholds{};
}

DataflowFiguresSnapshot Monitor::figures(const Destination &destination, const QString &dataflowId)
{
    DataflowFiguresSnapshot snapshot;
    snapshot.destinationId = destination.id;
    snapshot.destinationName = destination.name;
    snapshot.dataflowId = dataflowId;
    snapshot.lastHour = window(dataflowId, HourMs);
    const Live live = m_live.value(dataflowId);
    snapshot.inFlight = live.inFlight;
    snapshot.backlog = live.backlog;
    snapshot.oldestPendingMs = live.oldestPendingMs;
    // Exports still waiting past the target count as late (issue #7).
    const qint64 lateWaiting = live.oldestPendingMs > thresholdsOf(destination).sloTargetMs
                                   ? qMax<qint64>(1, live.backlog)
                                   : 0;
    const qint64 judged = snapshot.lastHour.delivered + snapshot.lastHour.failed + lateWaiting;
    if (judged > 0)
        snapshot.sloAttainment = double(snapshot.lastHour.onTime) / double(judged);
    return snapshot;
}

AlertAcknowledgement Monitor::acknowledge(Store &store, const QString &alertId, qint64 nowMs)
{
    using Outcome = AlertAcknowledgement::Outcome;
    AlertAcknowledgement result;
    const std::optional<Alert> stored = store.acknowledgeAlert(alertId, nowMs);
    if (!stored) {
        const bool failed = !store.lastError().isEmpty();
        result.outcome = failed ? Outcome::StoreFailed : Outcome::Unknown;
        result.error =
            failed ? tr("Could not acknowledge the alert %1: %2").arg(alertId, store.lastError())
                   : tr("No alert has the id %1.").arg(alertId);
        return result;
    }
    result.alert = *stored;
    if (!stored->isActive()) {
        result.outcome = Outcome::Resolved;
        result.error =
            tr("The alert %1 is resolved: there is nothing to acknowledge.").arg(alertId);
    } else {
        result.outcome =
            stored->acknowledgedAt == nowMs ? Outcome::Acknowledged : Outcome::AlreadyAcknowledged;
    }
    return result;
}

AlertAcknowledgement Monitor::acknowledge(const QString &alertId)
{
    const AlertAcknowledgement result = acknowledge(m_store, alertId, now());
    if (result.ok())
        m_tracker.acknowledge(alertId, result.alert.acknowledgedAt);
    return result;
}

bool Monitor::tick()
{
    m_error.clear();
    m_lastEvents.clear();
    for (const MetricsBucket &minute : m_recorder.takeFinished()) {
        if (!m_store.addMetrics(minute))
            return storeError(tr("Could not store the figures of a minute"));
    }
    const QList<Destination> destinations = m_store.destinations();
    if (!m_store.lastError().isEmpty())
        return storeError(tr("Could not read the destinations"));
    const qint64 time = now();
    for (const Destination &destination : destinations) {
        const std::optional<Dataflow> dataflow = m_store.dataflowOfDestination(destination.id);
        if (!dataflow)
            continue; // nothing flows to it: no figure to judge
        if (const auto live = m_live.constFind(dataflow->id); live != m_live.cend())
            m_recorder.recordBacklog(dataflow->id, live->backlog, live->oldestPendingMs);
        const DataflowFiguresSnapshot hour = figures(destination, dataflow->id);
        const MetricsBucket recent = window(dataflow->id, ShortWindowMs);
        DataflowFigures input;
        input.attempts = recent.attempts;
        input.failed = recent.failed + recent.retried;
        input.timeouts = recent.timeouts;
        input.received = hour.lastHour.received;
        input.excluded = hour.lastHour.excluded;
        input.sloAttainment = hour.sloAttainment;
        input.oldestPendingMs = hour.oldestPendingMs;
        input.consecutiveAuthFailures = m_authFailures.value(destination.id);
        input.enabled = destination.enabled;
        if (!destination.clientCertPath.isEmpty()) {
            // The certificate alone (PEM or DER) needs no passphrase; a
            // PKCS#12 bundle without one is read when it is not encrypted.
            const QList<QSslCertificate> certificates =
                QSslCertificate::fromPath(destination.clientCertPath, QSsl::Pem) +
                QSslCertificate::fromPath(destination.clientCertPath, QSsl::Der);
            const TlsConfig tls = certificates.isEmpty()
                                      ? TlsConfig::load(TlsSettings::fromDestination(destination))
                                      : TlsConfig();
            if (!certificates.isEmpty())
                input.certificateDaysLeft =
                    int(CertificateInfo::fromCertificate(certificates.first()).daysUntilExpiry());
            else if (tls.hasClientCertificate())
                input.certificateDaysLeft = int(tls.clientCertificate().daysUntilExpiry());
        }
        const QList<AlertCondition> verdicts =
            AlertRules::evaluate(destination.name, input, thresholdsOf(destination));
        const QList<AlertTracker::Event> events =
            m_tracker.apply(destination.id, destination.name, verdicts, time);
        QList<Alert> notify;
        for (const AlertTracker::Event &event : events) {
            if (!m_store.saveAlert(event.alert))
                return storeError(tr("Could not store an alert"));
            // Unsubscribed kinds are still evaluated and listed, not notified.
            if (event.change == AlertTracker::Change::Raised &&
                destination.alerts.contains(alertKindId(event.alert.kind)))
                notify.append(event.alert);
        }
        m_lastEvents << events;
        if (!notify.isEmpty()) {
            for (AlertNotifier *notifier : std::as_const(m_notifiers))
                notifier->notify(notify);
        }
    }
    return true;
}

bool Monitor::flush()
{
    for (const MetricsBucket &minute : m_recorder.takeFinished(true)) {
        if (!m_store.addMetrics(minute))
            return storeError(tr("Could not store the figures of a minute"));
    }
    return true;
}

bool Monitor::maintain()
{
    const qint64 time = now();
    if (m_store.rollUpMinutes(time - MinuteRetentionMs) < 0)
        return storeError(tr("Could not roll old figures into hours"));
    if (m_store.removeHoursBefore(time - HourRetentionMs) < 0)
        return storeError(tr("Could not remove figures older than a year"));
    return true;
}

} // namespace outflow
