// The monitoring stage on a real store: minutes stored and summed into
// windows, alerts raised once, kept single, resolved, stored across a
// restart, and notified only when subscribed (issue #7).
#include "model/dataflow.h"
#include "model/destination.h"
#include "monitoring/monitor.h"
#include "store/sqlitestore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace outflow;

namespace {

class RecordingNotifier : public AlertNotifier
{
public:
    void notify(const QList<Alert> &raised) override { received << raised; }
    QList<Alert> received;
};

constexpr qint64 kStart = 1'800'000'000'000; // a whole minute

} // namespace

class TestMonitor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SqliteStore> m_store;
    qint64 m_now = kStart;

    void addDestination(const QString &id, const QStringList &alerts)
    {
        Destination destination;
        destination.id = id;
        destination.name = QStringLiteral("Dest %1").arg(id);
        destination.endpoint = QUrl(QStringLiteral("http://127.0.0.1:9/in"));
        destination.alerts = alerts;
        QVERIFY2(m_store->insertDestination(destination), qPrintable(m_store->lastError()));
        Dataflow dataflow;
        dataflow.id = QStringLiteral("flow-") + id;
        dataflow.destinationId = id;
        QVERIFY2(m_store->saveDataflow(dataflow), qPrintable(m_store->lastError()));
    }

private slots:
    void init()
    {
        m_store = std::make_unique<SqliteStore>(m_dir.filePath(
            QStringLiteral("%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction()))));
        QVERIFY2(m_store->open(), qPrintable(m_store->lastError()));
        m_now = kStart;
    }

    void minutesAreStoredAndSummedIntoWindows()
    {
        addDestination(QStringLiteral("a"), {});
        MetricsRecorder recorder([this] { return m_now; });
        Monitor monitor(*m_store, recorder, [this] { return m_now; });
        for (int minute = 0; minute < 3; ++minute) {
            m_now = kStart + minute * 60'000 + 5'000;
            recorder.recordReceived(QStringLiteral("flow-a"), 10);
            recorder.recordCreated(QStringLiteral("flow-a"), 9);
            recorder.recordExcluded(QStringLiteral("flow-a"), QStringLiteral("missing-mandatory"));
            recorder.recordAttempt(QStringLiteral("flow-a"), false);
            recorder.recordDelivered(QStringLiteral("flow-a"), 40);
            QVERIFY2(monitor.tick(), qPrintable(monitor.lastError()));
        }
        // Two finished minutes stored; the third is still in memory.
        QCOMPARE(m_store
                     ->metrics(QStringLiteral("flow-a"), MetricsBucket::Resolution::Minute, 0,
                               kStart + 3'600'000)
                     .size(),
                 2);
        Destination destination = *m_store->destination(QStringLiteral("a"));
        const DataflowFiguresSnapshot snapshot =
            monitor.figures(destination, QStringLiteral("flow-a"));
        QCOMPARE(snapshot.lastHour.received, qint64(30));
        QCOMPARE(snapshot.lastHour.created, qint64(27));
        QCOMPARE(snapshot.lastHour.excludedBy.value(QStringLiteral("missing-mandatory")),
                 qint64(3));
        QCOMPARE(snapshot.lastHour.latency.count(), quint64(3));
        QCOMPARE(snapshot.sloAttainment, 1.0);

        // Thirty days on, the minutes become one hour bucket with the same sums.
        m_now = kStart + Monitor::MinuteRetentionMs + 3'600'000;
        recorder.takeFinished(true); // drop the in-memory minute for this check
        QVERIFY2(monitor.maintain(), qPrintable(monitor.lastError()));
        QVERIFY(
            m_store->metrics(QStringLiteral("flow-a"), MetricsBucket::Resolution::Minute, 0, m_now)
                .isEmpty());
        const QList<MetricsBucket> hours =
            m_store->metrics(QStringLiteral("flow-a"), MetricsBucket::Resolution::Hour, 0, m_now);
        QCOMPARE(hours.size(), 1);
        QCOMPARE(hours[0].received, qint64(20));
        QCOMPARE(hours[0].latency.count(), quint64(2));
    }

    void anAlertIsRaisedOnceNotifiedWhenSubscribedAndResolved()
    {
        addDestination(QStringLiteral("sub"), {QStringLiteral("activation-skipped-rate")});
        addDestination(QStringLiteral("unsub"), {});
        MetricsRecorder recorder([this] { return m_now; });
        RecordingNotifier notifier;
        {
            Monitor monitor(*m_store, recorder, [this] { return m_now; });
            monitor.addNotifier(&notifier);
            QVERIFY(monitor.restore());
            for (const QString &flow : {QStringLiteral("flow-sub"), QStringLiteral("flow-unsub")}) {
                recorder.recordReceived(flow, 100);
                recorder.recordExcluded(flow, QStringLiteral("missing-mandatory"));
                recorder.recordExcluded(flow, QStringLiteral("missing-mandatory"));
            }
            QVERIFY2(monitor.tick(), qPrintable(monitor.lastError()));
            QCOMPARE(m_store->alerts(true).size(), 2); // both evaluated and stored
            QCOMPARE(notifier.received.size(), 1);     // only the subscribed one notified
            QCOMPARE(notifier.received[0].destinationId, QStringLiteral("sub"));
            QCOMPARE(notifier.received[0].kind, AlertKind::ActivationSkippedRate);

            m_now += 10'000; // still above 1 %: no new alert, no new notification
            QVERIFY(monitor.tick());
            QCOMPARE(m_store->alerts(true).size(), 2);
            QCOMPARE(notifier.received.size(), 1);
        }
        // A restart remembers the active alerts: nothing raised twice.
        Monitor restarted(*m_store, recorder, [this] { return m_now; });
        restarted.addNotifier(&notifier);
        QVERIFY(restarted.restore());
        m_now += 10'000;
        QVERIFY(restarted.tick());
        QCOMPARE(notifier.received.size(), 1);
        QCOMPARE(m_store->alerts(false).size(), 2);

        // An hour later the excluded share is gone: both resolve.
        m_now += 2 * Monitor::HourMs;
        QVERIFY(restarted.tick());
        QVERIFY(m_store->alerts(true).isEmpty());
        const QList<Alert> all = m_store->alerts(false);
        QCOMPARE(all.size(), 2);
        for (const Alert &alert : all) {
            QCOMPARE(alert.state, Alert::State::Resolved);
            QCOMPARE(alert.resolvedAt, m_now);
            QVERIFY(alert.message.contains(QLatin1String("excluded")));
        }
    }

    void aDisabledDestinationRaisesItsAlert()
    {
        addDestination(QStringLiteral("off"), {QStringLiteral("destination-disabled")});
        Destination destination = *m_store->destination(QStringLiteral("off"));
        destination.enabled = false;
        QVERIFY(m_store->updateDestination(destination));
        MetricsRecorder recorder([this] { return m_now; });
        RecordingNotifier notifier;
        Monitor monitor(*m_store, recorder, [this] { return m_now; });
        monitor.addNotifier(&notifier);
        QVERIFY(monitor.tick());
        QCOMPARE(notifier.received.size(), 1);
        QCOMPARE(notifier.received[0].kind, AlertKind::DestinationDisabled);
        QCOMPARE(monitor.lastEvents().size(), 1);
    }

    // Issue #18: an acknowledgement is stored, kept by the alert's updates
    // (also when another process made it: the store keeps it whatever the
    // tracker knows), survives a restart and the resolution; a resolved or
    // unknown alert cannot be acknowledged.
    void anAcknowledgementIsStoredAndKept()
    {
        addDestination(QStringLiteral("a"), {QStringLiteral("activation-skipped-rate")});
        addDestination(QStringLiteral("b"), {});
        MetricsRecorder recorder([this] { return m_now; });
        RecordingNotifier notifier;
        Monitor monitor(*m_store, recorder, [this] { return m_now; });
        monitor.addNotifier(&notifier);
        QVERIFY(monitor.restore());
        const auto skip = [&recorder](const QString &flow, int excluded) {
            recorder.recordReceived(flow, 100);
            for (int i = 0; i < excluded; ++i)
                recorder.recordExcluded(flow, QStringLiteral("missing-mandatory"));
        };
        skip(QStringLiteral("flow-a"), 2);
        skip(QStringLiteral("flow-b"), 2);
        QVERIFY2(monitor.tick(), qPrintable(monitor.lastError()));
        const auto alertOf = [this](const QString &destinationId) {
            for (const Alert &alert : m_store->alerts(false)) {
                if (alert.destinationId == destinationId)
                    return alert;
            }
            return Alert();
        };
        const QString a = alertOf(QStringLiteral("a")).id;
        const QString b = alertOf(QStringLiteral("b")).id;
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        QCOMPARE(alertOf(QStringLiteral("a")).acknowledgedAt, qint64(0));

        using Outcome = AlertAcknowledgement::Outcome;
        const AlertAcknowledgement unknown = monitor.acknowledge(QStringLiteral("no-such-id"));
        QCOMPARE(unknown.outcome, Outcome::Unknown);
        QVERIFY2(unknown.error.contains(QLatin1String("no-such-id")), qPrintable(unknown.error));

        m_now += 1000;
        const qint64 acknowledgedAt = m_now;
        const AlertAcknowledgement first = monitor.acknowledge(a);
        QVERIFY2(first.ok(), qPrintable(first.error));
        QCOMPARE(first.outcome, Outcome::Acknowledged);
        QCOMPARE(first.alert.acknowledgedAt, acknowledgedAt);
        QVERIFY(first.alert.isActive());
        m_now += 1000;
        const AlertAcknowledgement second = monitor.acknowledge(a);
        QCOMPARE(second.outcome, Outcome::AlreadyAcknowledged);
        QCOMPARE(second.alert.acknowledgedAt, acknowledgedAt);
        // Another process (outflowctl alerts acknowledge) acknowledges b in the store alone.
        QCOMPARE(Monitor::acknowledge(*m_store, b, m_now).outcome, Outcome::Acknowledged);

        // Worse figures: both alerts updated, both acknowledgements kept, nothing notified.
        m_now += 10'000;
        skip(QStringLiteral("flow-a"), 5);
        skip(QStringLiteral("flow-b"), 5);
        QVERIFY(monitor.tick());
        QCOMPARE(monitor.lastEvents().size(), 2);
        for (const AlertTracker::Event &event : monitor.lastEvents())
            QCOMPARE(event.change, AlertTracker::Change::Updated);
        QCOMPARE(alertOf(QStringLiteral("a")).acknowledgedAt, acknowledgedAt);
        QCOMPARE(alertOf(QStringLiteral("b")).acknowledgedAt, m_now - 10'000);
        QCOMPARE(notifier.received.size(), 1);

        // A restart restores it; the resolution keeps it; resolved, no more acknowledging.
        Monitor restarted(*m_store, recorder, [this] { return m_now; });
        QVERIFY(restarted.restore());
        QCOMPARE(restarted.acknowledge(a).outcome, Outcome::AlreadyAcknowledged);
        m_now += 2 * Monitor::HourMs;
        QVERIFY(restarted.tick());
        const Alert resolved = alertOf(QStringLiteral("a"));
        QVERIFY(!resolved.isActive());
        QCOMPARE(resolved.acknowledgedAt, acknowledgedAt);
        const AlertAcknowledgement late = restarted.acknowledge(a);
        QCOMPARE(late.outcome, Outcome::Resolved);
        QVERIFY2(late.error.contains(a), qPrintable(late.error));
    }
};

QTEST_GUILESS_MAIN(TestMonitor)
#include "tst_monitor.moc"
