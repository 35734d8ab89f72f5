#pragma once

#include "alertrules.h"
#include "alerttracker.h"
#include "metricsbucket.h"
#include "metricsrecorder.h"

#include <functional>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

namespace outflow {

class Store;
struct Destination;

// Receives the alerts a destination is subscribed to (DESIGN §2): the GUI
// shows desktop notifications, outflowctl prints a line and may run a
// command. Called on the Monitor's thread.
class AlertNotifier
{
public:
    virtual ~AlertNotifier() = default;
    virtual void notify(const QList<Alert> &raised) = 0;
};

// What monitoring knows of a dataflow now, for `status` and the GUI.
struct DataflowFiguresSnapshot
{
    QString destinationId;
    QString destinationName;
    QString dataflowId;
    MetricsBucket lastHour; // stored minutes and the current one, summed
    qint64 inFlight = 0;
    qint64 backlog = 0;
    qint64 oldestPendingMs = 0;
    double sloAttainment = -1; // < 0: nothing to judge yet
};

// What acknowledging an alert did (Monitor::acknowledge).
struct AlertAcknowledgement
{
    enum class Outcome : quint8 {
        Acknowledged,        // now
        AlreadyAcknowledged, // earlier: its first acknowledgement's time stays
        Resolved,            // no longer active: nothing to acknowledge
        Unknown,             // no alert has this id
        StoreFailed,
    };
    Outcome outcome = Outcome::Unknown;
    Alert alert;   // as stored, unless Unknown or StoreFailed
    QString error; // Resolved, Unknown, StoreFailed: a sentence naming the id

    bool ok() const { return error.isEmpty(); }
};

// The monitoring stage (issue #7): stores the recorder's finished minutes,
// rolls old minutes into hours, evaluates the alert rules per destination,
// keeps the alerts' lifecycle in the store and hands newly raised alerts of
// subscribed kinds to the notifiers. Runs on the Engine's thread, driven by
// tick() (every few seconds); live values arrive from the senders.
class Monitor
{
    Q_DECLARE_TR_FUNCTIONS(Monitor)

public:
    using Clock = std::function<qint64()>; // UNIX ms

    static constexpr qint64 ShortWindowMs = 5LL * 60 * 1000;
    static constexpr qint64 HourMs = 60LL * 60 * 1000;
    static constexpr qint64 MinuteRetentionMs = 30LL * 24 * HourMs;
    static constexpr qint64 HourRetentionMs = 365LL * 24 * HourMs;

    Monitor(Store &store, MetricsRecorder &recorder, Clock clock = {});

    // Loads the active alerts (so that a restart raises none twice).
    bool restore();
    void addNotifier(AlertNotifier *notifier) { m_notifiers.append(notifier); }

    // Live values of a dataflow (from its sender's snapshots); the backlog
    // and the oldest export's age also go into the current minute's gauges
    // (and again at every tick(), so that a minute without a snapshot still
    // carries the backlog that stood through it).
    void setLiveValues(const QString &dataflowId, qint64 inFlight, qint64 backlog,
                       qint64 oldestPendingMs);
    // Token endpoint errors and 401/403 answers in a row, per destination.
    void setConsecutiveAuthFailures(const QString &destinationId, int failures);

    // Stores finished minutes, evaluates every destination's alerts, stores
    // their changes and notifies. False when the store failed (lastError()).
    bool tick();
    // Stores every recorded figure, the unfinished minute too (at shutdown).
    bool flush();
    // Rolls minutes older than 30 days into hours, drops hours older than a year.
    bool maintain();

    DataflowFiguresSnapshot figures(const Destination &destination, const QString &dataflowId);
    // The recorder whose unfinished minutes this Monitor stores.
    MetricsRecorder &recorder() const { return m_recorder; }
    // Acknowledges the active alert `alertId` in the store and in this
    // monitor's tracker (its updates keep the acknowledgement; the next
    // alert of its kind starts without). Acknowledged alerts stay active but
    // are not announced again.
    AlertAcknowledgement acknowledge(const QString &alertId);
    // The same in the store alone (outflowctl, beside a running engine whose
    // own updates keep the stored acknowledgement: Store::saveAlert).
    static AlertAcknowledgement acknowledge(Store &store, const QString &alertId, qint64 nowMs);
    // Every alert change of the last tick().
    const QList<AlertTracker::Event> &lastEvents() const { return m_lastEvents; }
    QString lastError() const { return m_error; }

private:
    struct Live
    {
        qint64 inFlight = 0;
        qint64 backlog = 0;
        qint64 oldestPendingMs = 0;
    };

    MetricsBucket window(const QString &dataflowId, qint64 lengthMs);
    static AlertThresholds thresholdsOf(const Destination &destination);
    qint64 now() const;
    bool storeError(const QString &context);

    Store &m_store;
    MetricsRecorder &m_recorder;
    Clock m_clock;
    AlertTracker m_tracker;
    QList<AlertNotifier *> m_notifiers;
    QHash<QString, Live> m_live;        // by dataflow
    QHash<QString, int> m_authFailures; // by destination
    QList<AlertTracker::Event> m_lastEvents;
    QString m_error;
};

} // namespace outflow
