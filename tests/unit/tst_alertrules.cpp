// The alert kinds' conditions at their edges, and the lifecycle: raised once,
// single while the condition lasts, resolved when it clears (issue #7).
#include "monitoring/alertrules.h"
#include "monitoring/alerttracker.h"

#include <QTest>

using namespace outflow;

namespace {

bool isActive(const QList<AlertCondition> &verdicts, AlertKind kind)
{
    for (const AlertCondition &verdict : verdicts) {
        if (verdict.kind == kind)
            return verdict.active;
    }
    return false;
}

QList<AlertKind> activeKinds(const QList<AlertCondition> &verdicts)
{
    QList<AlertKind> kinds;
    for (const AlertCondition &verdict : verdicts) {
        if (verdict.active)
            kinds.append(verdict.kind);
    }
    return kinds;
}

} // namespace

class TestAlertRules : public QObject
{
    Q_OBJECT

private slots:
    void identifiersRoundTrip()
    {
        QCOMPARE(allAlertKinds().size(), 8);
        for (const AlertKind kind : allAlertKinds())
            QCOMPARE(alertKindFromId(alertKindId(kind)), std::optional<AlertKind>(kind));
        QCOMPARE(alertKindId(AlertKind::ActivationSkippedRate),
                 QStringLiteral("activation-skipped-rate"));
        QVERIFY(!alertKindFromId(u"delivery-failure"));
    }

    void quietFiguresRaiseNothing()
    {
        DataflowFigures figures;
        figures.attempts = 1000;
        figures.received = 1000;
        figures.sloAttainment = 0.99;
        figures.certificateDaysLeft = 90;
        QVERIFY(activeKinds(AlertRules::evaluate(QStringLiteral("CRM"), figures)).isEmpty());
    }

    void thresholdsAtTheirEdges_data()
    {
        QTest::addColumn<DataflowFigures>("figures");
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("active");
        const auto row = [](const char *name, DataflowFigures f, AlertKind kind, bool active) {
            QTest::newRow(name) << f << int(kind) << active;
        };
        DataflowFigures f;
        f.received = 1000;
        f.excluded = 10; // exactly 1 %
        row("skipped exactly 1 %", f, AlertKind::ActivationSkippedRate, false);
        f.excluded = 11;
        row("skipped just above 1 %", f, AlertKind::ActivationSkippedRate, true);
        f = {};
        f.attempts = 100;
        f.failed = 5;
        row("failures exactly 5 %", f, AlertKind::DeliveryFailureRate, false);
        f.failed = 6;
        row("failures above 5 %", f, AlertKind::DeliveryFailureRate, true);
        f.attempts = 10; // too few attempts for a rate
        f.failed = 10;
        row("failures over too few attempts", f, AlertKind::DeliveryFailureRate, false);
        f = {};
        f.attempts = 100;
        f.timeouts = 10;
        row("timeouts exactly 10 %", f, AlertKind::EndpointTimeouts, false);
        f.timeouts = 11;
        row("timeouts above 10 %", f, AlertKind::EndpointTimeouts, true);
        f = {};
        f.oldestPendingMs = 10 * 60 * 1000;
        row("oldest pending exactly 10 min", f, AlertKind::DeliveryDelay, false);
        f.oldestPendingMs += 1;
        row("oldest pending above 10 min", f, AlertKind::DeliveryDelay, true);
        f = {};
        f.sloAttainment = 0.95;
        row("SLO exactly met", f, AlertKind::SloAtRisk, false);
        f.sloAttainment = 0.949;
        row("SLO missed", f, AlertKind::SloAtRisk, true);
        f.sloAttainment = -1;
        row("SLO without data", f, AlertKind::SloAtRisk, false);
        f = {};
        f.consecutiveAuthFailures = 2;
        row("two auth failures", f, AlertKind::AuthFailure, false);
        f.consecutiveAuthFailures = 3;
        row("three auth failures", f, AlertKind::AuthFailure, true);
        f = {};
        f.certificateDaysLeft = 31;
        row("certificate in 31 days", f, AlertKind::CertificateExpiry, false);
        f.certificateDaysLeft = 30;
        row("certificate in 30 days", f, AlertKind::CertificateExpiry, true);
        f.certificateDaysLeft = -2;
        row("certificate expired", f, AlertKind::CertificateExpiry, true);
        f.certificateDaysLeft.reset();
        row("no client certificate", f, AlertKind::CertificateExpiry, false);
        f = {};
        f.enabled = false;
        row("disabled", f, AlertKind::DestinationDisabled, true);
    }

    void thresholdsAtTheirEdges()
    {
        QFETCH(DataflowFigures, figures);
        QFETCH(int, kind);
        QFETCH(bool, active);
        const QList<AlertCondition> verdicts = AlertRules::evaluate(QStringLiteral("CRM"), figures);
        QCOMPARE(isActive(verdicts, AlertKind(kind)), active);
        QCOMPARE(activeKinds(verdicts).size(), active ? 1 : 0); // no other kind fires
        for (const AlertCondition &verdict : verdicts) {
            if (verdict.active) // a sentence naming the destination
                QVERIFY2(verdict.message.startsWith(QLatin1String("CRM")),
                         qPrintable(verdict.message));
        }
    }

    void customThresholdsApply()
    {
        DataflowFigures f;
        f.received = 100;
        f.excluded = 3;
        AlertThresholds lenient;
        lenient.skippedRate = 0.05;
        QVERIFY(isActive(AlertRules::evaluate(QStringLiteral("CRM"), f),
                         AlertKind::ActivationSkippedRate));
        QVERIFY(!isActive(AlertRules::evaluate(QStringLiteral("CRM"), f, lenient),
                          AlertKind::ActivationSkippedRate));
    }

    void anAlertIsRaisedOnceUpdatedAndResolved()
    {
        AlertTracker tracker;
        DataflowFigures f;
        f.oldestPendingMs = 11 * 60 * 1000;
        auto events = tracker.apply(QStringLiteral("d1"), QStringLiteral("CRM"),
                                    AlertRules::evaluate(QStringLiteral("CRM"), f), 1000);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].change, AlertTracker::Change::Raised);
        QCOMPARE(events[0].alert.kind, AlertKind::DeliveryDelay);
        QCOMPARE(events[0].alert.raisedAt, qint64(1000));
        const QString id = events[0].alert.id;

        // The same figures again: nothing new, still one active alert.
        events = tracker.apply(QStringLiteral("d1"), QStringLiteral("CRM"),
                               AlertRules::evaluate(QStringLiteral("CRM"), f), 2000);
        QVERIFY(events.isEmpty());
        QCOMPARE(tracker.active().size(), 1);

        // Worse figures: an update of the same alert.
        f.oldestPendingMs = 20 * 60 * 1000;
        events = tracker.apply(QStringLiteral("d1"), QStringLiteral("CRM"),
                               AlertRules::evaluate(QStringLiteral("CRM"), f), 3000);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].change, AlertTracker::Change::Updated);
        QCOMPARE(events[0].alert.id, id);
        QCOMPARE(events[0].alert.raisedAt, qint64(1000));

        // Cleared: resolved with its time; raised anew (another id) later.
        f.oldestPendingMs = 0;
        events = tracker.apply(QStringLiteral("d1"), QStringLiteral("CRM"),
                               AlertRules::evaluate(QStringLiteral("CRM"), f), 4000);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].change, AlertTracker::Change::Resolved);
        QCOMPARE(events[0].alert.resolvedAt, qint64(4000));
        QVERIFY(tracker.active().isEmpty());
        f.oldestPendingMs = 11 * 60 * 1000;
        events = tracker.apply(QStringLiteral("d1"), QStringLiteral("CRM"),
                               AlertRules::evaluate(QStringLiteral("CRM"), f), 5000);
        QCOMPARE(events.size(), 1);
        QVERIFY(events[0].alert.id != id);
    }

    // Issue #18: an acknowledged alert keeps its acknowledgement (its first
    // time) through its updates and its resolution; the next alert of its
    // kind starts unacknowledged.
    void anAcknowledgementLastsAsLongAsItsAlert()
    {
        AlertTracker tracker;
        DataflowFigures f;
        f.oldestPendingMs = 11 * 60 * 1000;
        const auto evaluate = [&f] { return AlertRules::evaluate(QStringLiteral("CRM"), f); };
        auto events = tracker.apply(QStringLiteral("d1"), QStringLiteral("CRM"), evaluate(), 1000);
        QCOMPARE(events.size(), 1);
        const QString id = events[0].alert.id;
        QCOMPARE(events[0].alert.acknowledgedAt, qint64(0));
        QVERIFY(!tracker.acknowledge(QStringLiteral("no-such-alert"), 1500));

        const std::optional<Alert> acknowledged = tracker.acknowledge(id, 1500);
        QVERIFY(acknowledged);
        QCOMPARE(acknowledged->acknowledgedAt, qint64(1500));
        QVERIFY(acknowledged->isActive());
        QCOMPARE(tracker.acknowledge(id, 1800)->acknowledgedAt, qint64(1500)); // the first stays

        f.oldestPendingMs = 20 * 60 * 1000;
        events = tracker.apply(QStringLiteral("d1"), QStringLiteral("CRM"), evaluate(), 2000);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].change, AlertTracker::Change::Updated);
        QCOMPARE(events[0].alert.acknowledgedAt, qint64(1500));
        QCOMPARE(tracker.active().value(0).acknowledgedAt, qint64(1500));

        f.oldestPendingMs = 0;
        events = tracker.apply(QStringLiteral("d1"), QStringLiteral("CRM"), evaluate(), 3000);
        QCOMPARE(events[0].change, AlertTracker::Change::Resolved);
        QCOMPARE(events[0].alert.acknowledgedAt, qint64(1500));
        QVERIFY(!tracker.acknowledge(id, 3500)); // resolved: no longer active

        f.oldestPendingMs = 11 * 60 * 1000;
        events = tracker.apply(QStringLiteral("d1"), QStringLiteral("CRM"), evaluate(), 4000);
        QCOMPARE(events[0].change, AlertTracker::Change::Raised);
        QVERIFY(events[0].alert.id != id);
        QCOMPARE(events[0].alert.acknowledgedAt, qint64(0));
        QVERIFY(!events[0].alert.isAcknowledged());

        // As JSON: an ISO time, null while not acknowledged.
        QVERIFY(alertToJson(events[0].alert).value(u"acknowledgedAt").isNull());
        QCOMPARE(alertToJson(*acknowledged).value(u"acknowledgedAt").toString(),
                 QStringLiteral("1970-01-01T00:00:01Z"));
    }

    void destinationsAreTrackedApartAndRestored()
    {
        AlertTracker tracker;
        DataflowFigures disabled;
        disabled.enabled = false;
        tracker.apply(QStringLiteral("d1"), QStringLiteral("A"),
                      AlertRules::evaluate(QStringLiteral("A"), disabled), 1);
        tracker.apply(QStringLiteral("d2"), QStringLiteral("B"),
                      AlertRules::evaluate(QStringLiteral("B"), disabled), 1);
        QCOMPARE(tracker.active().size(), 2);

        AlertTracker restarted;
        restarted.restore(tracker.active());
        const auto events = restarted.apply(QStringLiteral("d1"), QStringLiteral("A"),
                                            AlertRules::evaluate(QStringLiteral("A"), disabled), 2);
        QVERIFY(events.isEmpty()); // not raised a second time after a restart
        const auto forgotten = restarted.forget(QStringLiteral("d2"), 3);
        QCOMPARE(forgotten.size(), 1);
        QCOMPARE(forgotten[0].change, AlertTracker::Change::Resolved);
        QCOMPARE(restarted.active().size(), 1);
    }
};

Q_DECLARE_METATYPE(DataflowFigures)

QTEST_GUILESS_MAIN(TestAlertRules)
#include "tst_alertrules.moc"
