// The Monitoring page's figures (issue #18) on a real store, at a clock the
// test sets: MonitoringReader's window sums over stored minutes and hours and
// the recorder's minutes not stored yet (each counted once), every period of
// a series present, the hourly runs, the SLO, the outbox, the state and the
// backfill; the new bucket columns (suppressed, backlog gauges) through the
// recorder, the Monitor's tick, the roll-up into hours, and schema version
// 13 on a store of version 10.
#include "activation/backfillestimate.h"
#include "model/dataflow.h"
#include "model/destination.h"
#include "monitoring/monitor.h"
#include "monitoring/monitoringreport.h"
#include "store/sqlitestore.h"
#include "support/rawconnection.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace outflow;
using namespace outflow::test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMinute = 60'000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kEpoch = 1'800'000'000'000; // a whole hour
// "Now": ten days on, 30 minutes and 20 seconds into an hour.
constexpr qint64 kHourNow = kEpoch + 240 * kHour;
constexpr qint64 kMinuteNow = kHourNow + 30 * kMinute;
constexpr qint64 kNow = kMinuteNow + 20'000;

const QString kFlow = u"flow-a"_s;

MetricsBucket bucket(qint64 periodStart, qint64 received,
                     MetricsBucket::Resolution resolution = MetricsBucket::Resolution::Minute)
{
    MetricsBucket b;
    b.dataflowId = kFlow;
    b.resolution = resolution;
    b.periodStart = periodStart;
    b.received = received;
    return b;
}

qint64 sum(const QList<MetricsBucket> &buckets, qint64 MetricsBucket::*field)
{
    qint64 total = 0;
    for (const MetricsBucket &b : buckets)
        total += b.*field;
    return total;
}

} // namespace

class TestMonitoringReport final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SqliteStore> m_store;
    qint64 m_now = kNow;

    QString path() const
    {
        return m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + u".sqlite"_s);
    }

    void addDestination(const QString &id, bool withDataflow,
                        const QMap<QString, QString> &thresholds = {})
    {
        Destination destination;
        destination.id = id;
        destination.name = u"Dest "_s + id;
        destination.endpoint = QUrl(u"http://127.0.0.1:9/in"_s);
        destination.alertThresholds = thresholds;
        QVERIFY2(m_store->insertDestination(destination), qPrintable(m_store->lastError()));
        if (!withDataflow)
            return;
        Dataflow dataflow;
        dataflow.id = u"flow-"_s + id;
        dataflow.destinationId = id;
        QVERIFY2(m_store->saveDataflow(dataflow), qPrintable(m_store->lastError()));
    }

    void store(const MetricsBucket &b)
    {
        QVERIFY2(m_store->addMetrics(b), qPrintable(m_store->lastError()));
    }

    MonitoringReport read(MonitoringReader &reader, MonitoringWindow window,
                          const QString &destinationId = u"a"_s, bool series = true)
    {
        MonitoringReader::Options options;
        options.window = window;
        options.destinationId = destinationId;
        options.series = series;
        const std::optional<MonitoringReport> report = reader.read(options);
        if (!report)
            qWarning() << reader.lastError();
        return report.value_or(MonitoringReport{});
    }

private slots:
    void init()
    {
        m_store = std::make_unique<SqliteStore>(path());
        QVERIFY2(m_store->open(), qPrintable(m_store->lastError()));
        m_now = kNow;
    }

    void windows()
    {
        QCOMPARE(MonitoringWindows::id(MonitoringWindow::FifteenMinutes), u"15m"_s);
        QCOMPARE(MonitoringWindows::id(MonitoringWindow::Day), u"24h"_s);
        QCOMPARE(MonitoringWindows::id(MonitoringWindow::Week), u"7d"_s);
        for (const MonitoringWindow window : MonitoringWindows::all())
            QCOMPARE(MonitoringWindows::fromId(MonitoringWindows::id(window)), window);
        QVERIFY(!MonitoringWindows::fromId(u"1h"));
        QCOMPARE(MonitoringWindows::label(MonitoringWindow::Day), u"Last 24 hours"_s);
        QCOMPARE(MonitoringWindows::lengthMs(MonitoringWindow::FifteenMinutes), 15 * kMinute);
        QCOMPARE(MonitoringWindows::lengthMs(MonitoringWindow::Week), 7 * 24 * kHour);
        QCOMPARE(MonitoringWindows::resolution(MonitoringWindow::Week),
                 MetricsBucket::Resolution::Hour);
        QCOMPARE(MonitoringWindows::startOf(MonitoringWindow::FifteenMinutes, kNow),
                 kMinuteNow - 14 * kMinute);
        QCOMPARE(MonitoringWindows::startOf(MonitoringWindow::Week, kNow), kHourNow - 167 * kHour);
    }

    // Stored minutes and hours at known times, and the recorder's minutes
    // not stored yet: each window sums what falls in it, each series has
    // every period, the hourly runs the hours with something in them.
    void windowsSumTheirBucketsOnce()
    {
        addDestination(u"a"_s, true, {{u"slo-target"_s, u"5m"_s}});
        // This minute, stored by another process (say, a `run` that stopped).
        MetricsBucket current = bucket(kMinuteNow, 0);
        current.delivered = current.onTime = 1;
        current.latency.record(100'000);
        store(current);
        MetricsBucket five = bucket(kMinuteNow - 5 * kMinute, 11);
        five.created = 8;
        five.excluded = 2;
        five.excludedBy.insert(u"missing-mandatory"_s, 2);
        five.suppressed = 1;
        five.attempts = 9;
        five.delivered = 8;
        five.onTime = 6;
        five.retried = 1;
        five.timeouts = 1;
        five.backlogMax = 7;
        five.oldestPendingMaxMs = 3000;
        for (int i = 1; i <= 8; ++i)
            five.latency.record(i * 10'000);
        store(five);
        MetricsBucket fourteen = bucket(kMinuteNow - 14 * kMinute, 1);
        fourteen.created = fourteen.delivered = fourteen.onTime = 1;
        fourteen.backlogMax = 20;
        store(fourteen);
        MetricsBucket fifteen = bucket(kMinuteNow - 15 * kMinute, 100); // out of 15m
        fifteen.backlogMax = 50;
        store(fifteen);
        MetricsBucket twoHours = bucket(kHourNow - 2 * kHour + 10 * kMinute, 5);
        twoHours.created = 4;
        twoHours.excluded = 1;
        twoHours.delivered = 3;
        twoHours.failed = 1;
        store(twoHours);
        store(bucket(kMinuteNow - 1439 * kMinute, 1000));  // the 24 hours' first minute
        store(bucket(kMinuteNow - 1440 * kMinute, 10000)); // out of 24h
        store(bucket(kHourNow - 100 * kHour, 100000, MetricsBucket::Resolution::Hour));
        store(bucket(kHourNow - 167 * kHour + 5 * kMinute, 1000000)); // the week's first hour
        store(bucket(kHourNow - 167 * kHour - kMinute, 10000000));    // out of 7d

        // The engine's recorder: a minute that ended (not stored until the
        // next tick) and the current one.
        MetricsRecorder recorder([this] { return m_now; });
        Monitor monitor(*m_store, recorder, [this] { return m_now; });
        m_now = kMinuteNow - kMinute + 1000;
        recorder.recordReceived(kFlow, 3);
        m_now = kNow;
        recorder.recordDelivered(kFlow, 50);
        recorder.recordDelivered(kFlow, 50);

        MonitoringReader reader(*m_store, &monitor, kNow);
        MonitoringReport report = read(reader, MonitoringWindow::FifteenMinutes);
        QCOMPARE(report.at, kNow);
        QCOMPARE(report.window, MonitoringWindow::FifteenMinutes);
        QCOMPARE(report.dataflows.size(), 1);
        DataflowReport row = report.dataflows.constFirst();
        QCOMPARE(row.destinationId, u"a"_s);
        QCOMPARE(row.destinationName, u"Dest a"_s);
        QCOMPARE(row.dataflowId, kFlow);
        QCOMPARE(row.figures.received, 11 + 1 + 3);
        QCOMPARE(row.figures.created, 9);
        QCOMPARE(row.figures.excluded, 2);
        QCOMPARE(row.figures.excludedBy.value(u"missing-mandatory"_s), 2);
        QCOMPARE(row.figures.suppressed, 1);
        QCOMPARE(row.figures.delivered, 1 + 8 + 1 + 2);
        QCOMPARE(row.figures.attempts, 9);
        QCOMPARE(row.figures.retried, 1);
        QCOMPARE(row.figures.timeouts, 1);
        QCOMPARE(row.figures.latency.count(), quint64(1 + 8 + 2));
        QCOMPARE(row.figures.backlogMax, 20); // the highest, not a sum
        QCOMPARE(row.figures.oldestPendingMaxMs, 3000);
        // SLO: the destination's thresholds; on time ÷ delivered.
        QCOMPARE(row.sloTarget, 0.95);
        QCOMPARE(row.sloWithinMs, 5 * kMinute);
        QCOMPARE(row.sloAttainment, 10.0 / 12.0);
        QCOMPARE(MonitoringReader::sloAttainment(row.figures), row.sloAttainment);
        QVERIFY(MonitoringReader::latencyMs(row.figures, 0.5) > 0);
        QCOMPARE(MonitoringReader::latencyMs(MetricsBucket{}, 0.5), -1);

        // The series: 15 minutes, oldest first, every one present.
        QCOMPARE(row.series.size(), 15);
        for (qsizetype i = 0; i < row.series.size(); ++i) {
            QCOMPARE(row.series[i].periodStart, kMinuteNow - (14 - i) * kMinute);
            QCOMPARE(row.series[i].resolution, MetricsBucket::Resolution::Minute);
            QCOMPARE(row.series[i].dataflowId, kFlow);
        }
        QCOMPARE(row.series[0].received, 1);
        QCOMPARE(row.series[0].backlogMax, 20);
        QCOMPARE(row.series[9].received, 11);
        QCOMPARE(row.series[13].received, 3);
        QCOMPARE(row.series[14].delivered, 3);
        QVERIFY(row.series[1].isEmpty()); // a gap: an empty bucket
        QCOMPARE(sum(row.series, &MetricsBucket::received), row.figures.received);

        // The hourly runs: this hour and the one two hours ago, newest first.
        QCOMPARE(row.hourlyRuns.size(), 2);
        QCOMPARE(row.hourlyRuns[0].periodStart, kHourNow);
        QCOMPARE(row.hourlyRuns[0].resolution, MetricsBucket::Resolution::Hour);
        QCOMPARE(row.hourlyRuns[0].received, 11 + 1 + 100 + 3);
        QCOMPARE(MonitoringReader::activated(row.hourlyRuns[0]), 9);
        QCOMPARE(row.hourlyRuns[1].periodStart, kHourNow - 2 * kHour);
        QCOMPARE(row.hourlyRuns[1].received, 5);
        QCOMPARE(MonitoringReader::activated(row.hourlyRuns[1]), 4);
        QCOMPARE(row.hourlyRuns[1].excluded, 1);
        QCOMPARE(row.hourlyRuns[1].failed, 1);
        QCOMPARE(MonitoringReader::activationRate(row.hourlyRuns[1]), 0.8);
        QCOMPARE(MonitoringReader::activationRate(MetricsBucket{}), -1.0);

        // 24 hours of minutes.
        row = read(reader, MonitoringWindow::Day).dataflows.value(0);
        QCOMPARE(row.figures.received, 15 + 100 + 5 + 1000);
        QCOMPARE(row.figures.backlogMax, 50);
        QCOMPARE(row.series.size(), 1440);
        QCOMPARE(row.series.constFirst().periodStart, kMinuteNow - 1439 * kMinute);
        QCOMPARE(row.series.constFirst().received, 1000);
        QCOMPARE(row.series.constLast().periodStart, kMinuteNow);
        QCOMPARE(row.series.constLast().delivered, 3);
        QCOMPARE(sum(row.series, &MetricsBucket::received), row.figures.received);
        QCOMPARE(row.hourlyRuns.size(), 2);

        // 7 days of hours: the minutes summed per hour, the rolled-up hours.
        row = read(reader, MonitoringWindow::Week).dataflows.value(0);
        QCOMPARE(row.figures.received, 15 + 100 + 5 + 1000 + 10000 + 100000 + 1000000);
        QCOMPARE(row.series.size(), 168);
        QCOMPARE(row.series.constFirst().periodStart, kHourNow - 167 * kHour);
        QCOMPARE(row.series.constFirst().resolution, MetricsBucket::Resolution::Hour);
        QCOMPARE(row.series.constFirst().received, 1000000);
        QCOMPARE(row.series[67].received, 100000);
        QCOMPARE(row.series[143].received, 11000); // the 24 hours' first minute and the one before
        QCOMPARE(row.series.constLast().periodStart, kHourNow);
        QCOMPARE(row.series.constLast().received, 115);
        QCOMPARE(sum(row.series, &MetricsBucket::received), row.figures.received);
        QCOMPARE(row.hourlyRuns.size(), 2);
        QCOMPARE(row.hourlyRuns[0].received, 115);
        QCOMPARE(row.hourlyRuns[1].received, 5);

        // Without series: the same sums, nothing else.
        const DataflowReport plain =
            read(reader, MonitoringWindow::FifteenMinutes, u"a"_s, false).dataflows.value(0);
        QCOMPARE(plain.figures.received, 15);
        QVERIFY(plain.series.isEmpty());
        QVERIFY(plain.hourlyRuns.isEmpty());

        // Once the Monitor stores the recorder's minutes, nothing changes:
        // counted once, in the store now.
        QVERIFY2(monitor.flush(), qPrintable(monitor.lastError()));
        QVERIFY(recorder.unstored(kFlow).isEmpty());
        row = read(reader, MonitoringWindow::FifteenMinutes).dataflows.value(0);
        QCOMPARE(row.figures.received, 15);
        QCOMPARE(row.figures.delivered, 12);
        // The CLI reads without a Monitor: the same, from the store alone.
        MonitoringReader storeOnly(*m_store, nullptr, kNow);
        QCOMPARE(
            read(storeOnly, MonitoringWindow::FifteenMinutes).dataflows.value(0).figures.delivered,
            12);
    }

    // The outbox now, the state (with the engine's or the keychain's word on
    // blocks and auth failures), the newest backfill; which destinations.
    void outboxStateBackfillAndDestinations()
    {
        addDestination(u"a"_s, true);
        addDestination(u"b"_s, false);
        QVERIFY(m_store->begin());
        for (int i = 0; i < 3; ++i) {
            OutboxExport row;
            row.exportId = u"export-%1"_s.arg(i);
            row.dataflowId = kFlow;
            row.profileId = i + 1;
            row.payload = "{}";
            row.reason = "{}";
            row.createdAt = row.nextAttemptAt = kNow - 5000 + i;
            QVERIFY2(m_store->enqueueExport(row), qPrintable(m_store->lastError()));
        }
        QVERIFY(m_store->commit());
        Backfill older;
        older.dataflowId = kFlow;
        older.total = older.done = 10;
        older.finished = true;
        older.createdAt = older.updatedAt = kNow - kHour;
        QVERIFY(m_store->saveBackfill(older) > 0);
        Backfill newest;
        newest.dataflowId = kFlow;
        newest.done = 40;
        newest.total = 100;
        newest.createdAt = kNow - 10'000;
        newest.updatedAt = kNow;
        QVERIFY(m_store->saveBackfill(newest) > 0);

        MonitoringReader reader(*m_store, nullptr, kNow);
        DataflowReport row = read(reader, MonitoringWindow::FifteenMinutes).dataflows.value(0);
        QCOMPARE(row.backlog, 3);
        QCOMPARE(row.inFlight, 0);
        QCOMPARE(row.retrying, 0);
        QCOMPARE(row.deadLetters, 0);
        QCOMPARE(row.oldestPendingMs, 5000);
        QCOMPARE(row.state, DestinationState::Sending);
        QCOMPARE(row.sloAttainment, -1.0); // nothing delivered
        QCOMPARE(row.backfillDone, 40);
        QCOMPARE(row.backfillTotal, 100);
        QVERIFY(!row.backfillFinished);
        const BackfillEstimate estimate = BackfillEstimate::of(newest, kNow);
        QCOMPARE(row.backfillPerSecond, estimate.perSecond);
        QVERIFY(estimate.etaMs);
        QCOMPARE(row.backfillEtaMs, *estimate.etaMs);

        reader.setAuthFailuresOf([](const QString &id) { return id == u"a"_s ? 3 : 0; });
        QCOMPARE(read(reader, MonitoringWindow::Day).dataflows.value(0).state,
                 DestinationState::AuthFailing);
        reader.setBlockOf([](const Destination &) { return SenderBlock::MissingSecret; });
        QCOMPARE(read(reader, MonitoringWindow::Day).dataflows.value(0).state,
                 DestinationState::MissingSecret);

        // Every destination: only those with a dataflow. One asked for
        // without a dataflow: its row, with its state. One gone: no row.
        MonitoringReport all = read(reader, MonitoringWindow::FifteenMinutes, QString());
        QCOMPARE(all.dataflows.size(), 1);
        QCOMPARE(all.dataflows[0].destinationId, u"a"_s);
        const DataflowReport b =
            read(reader, MonitoringWindow::FifteenMinutes, u"b"_s).dataflows.value(0);
        QCOMPARE(b.destinationId, u"b"_s);
        QVERIFY(b.dataflowId.isEmpty());
        QCOMPARE(b.state, DestinationState::MissingSecret);
        QVERIFY(b.series.isEmpty());
        MonitoringReader::Options gone;
        gone.destinationId = u"nope"_s;
        const std::optional<MonitoringReport> none = reader.read(gone);
        QVERIFY(none);
        QVERIFY(none->dataflows.isEmpty());
    }

    // The gauges keep the highest value of their minute: from the senders'
    // live values, and again at each tick for a minute without a snapshot.
    // Suppressed decisions count like the others.
    void gaugesAndSuppressedThroughTheRecorder()
    {
        addDestination(u"a"_s, true);
        MetricsRecorder recorder([this] { return m_now; });
        Monitor monitor(*m_store, recorder, [this] { return m_now; });
        recorder.recordBacklog(kFlow, 0, 0); // idle: no bucket at all
        QVERIFY(recorder.unstored(kFlow).isEmpty());
        monitor.setLiveValues(kFlow, 1, 40, 9000);
        monitor.setLiveValues(kFlow, 1, 12, 2000);
        recorder.recordSuppressed(kFlow, 2);
        MetricsBucket minute = recorder.current(kFlow);
        QCOMPARE(minute.backlogMax, 40);
        QCOMPARE(minute.oldestPendingMaxMs, 9000);
        QCOMPARE(minute.suppressed, 2);
        QVERIFY(!minute.isEmpty());

        // The next minute: no snapshot, but the tick carries the last one.
        m_now += kMinute;
        QVERIFY2(monitor.tick(), qPrintable(monitor.lastError()));
        QCOMPARE(recorder.current(kFlow).backlogMax, 12);
        QCOMPARE(recorder.current(kFlow).oldestPendingMaxMs, 2000);
        const QList<MetricsBucket> stored =
            m_store->metrics(kFlow, MetricsBucket::Resolution::Minute, 0, m_now);
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored[0].backlogMax, 40);
        QCOMPARE(stored[0].oldestPendingMaxMs, 9000);
        QCOMPARE(stored[0].suppressed, 2);

        // Stored twice into one minute (two processes): counts add, gauges max.
        MetricsBucket more = stored[0];
        more.backlogMax = 30;
        more.oldestPendingMaxMs = 10'000;
        more.suppressed = 1;
        QVERIFY(m_store->addMetrics(more));
        const MetricsBucket both =
            m_store->metrics(kFlow, MetricsBucket::Resolution::Minute, 0, m_now).value(0);
        QCOMPARE(both.backlogMax, 40);
        QCOMPARE(both.oldestPendingMaxMs, 10'000);
        QCOMPARE(both.suppressed, 3);

        MonitoringReader reader(*m_store, &monitor, m_now);
        const DataflowReport row =
            read(reader, MonitoringWindow::FifteenMinutes).dataflows.value(0);
        QCOMPARE(row.figures.backlogMax, 40);
        QCOMPARE(row.figures.suppressed, 3);
        QCOMPARE(row.series.constLast().backlogMax, 12);
        QCOMPARE(row.series[row.series.size() - 2].backlogMax, 40);
    }

    // Minutes rolled into hours keep the new columns: suppressed summed,
    // gauges at their highest.
    void rollUpCarriesSuppressedAndGauges()
    {
        addDestination(u"a"_s, true);
        MetricsBucket first = bucket(kEpoch + 5 * kMinute, 4);
        first.suppressed = 2;
        first.backlogMax = 4;
        first.oldestPendingMaxMs = 100;
        MetricsBucket second = bucket(kEpoch + 6 * kMinute, 6);
        second.suppressed = 3;
        second.backlogMax = 9;
        second.oldestPendingMaxMs = 50;
        store(first);
        store(second);
        QCOMPARE(m_store->rollUpMinutes(kEpoch + kHour), 2);
        QVERIFY(m_store->metrics(kFlow, MetricsBucket::Resolution::Minute, 0, kNow).isEmpty());
        const QList<MetricsBucket> hours =
            m_store->metrics(kFlow, MetricsBucket::Resolution::Hour, 0, kNow);
        QCOMPARE(hours.size(), 1);
        QCOMPARE(hours[0].periodStart, kEpoch);
        QCOMPARE(hours[0].received, 10);
        QCOMPARE(hours[0].suppressed, 5);
        QCOMPARE(hours[0].backlogMax, 9);
        QCOMPARE(hours[0].oldestPendingMaxMs, 100);
    }

    // A full week of minutes, one a minute: every hour of the week sums its
    // 60 minutes. (Prints how long the read took: the Engine's thread reads
    // this for the Monitoring page.)
    void aWeekOfMinutes()
    {
        addDestination(u"a"_s, true);
        QVERIFY(m_store->begin());
        const qint64 first = kHourNow - 167 * kHour;
        for (qint64 start = first; start <= kMinuteNow; start += kMinute) {
            MetricsBucket b = bucket(start, 1);
            b.delivered = b.onTime = 1;
            b.latency.record(20'000);
            const qint64 i = (start - first) / kMinute;
            b.backlogMax = i % 7;
            if (i % 100 == 0) {
                b.excluded = 1;
                b.excludedBy.insert(u"missing-mandatory"_s, 1);
            }
            if (i % 1000 == 0)
                b.excludedBy.insert(u"other"_s, 2);
            QVERIFY(m_store->addMetrics(b));
        }
        QVERIFY(m_store->commit());
        MonitoringReader reader(*m_store, nullptr, kNow);
        QElapsedTimer took;
        took.start();
        const DataflowReport row = read(reader, MonitoringWindow::Week).dataflows.value(0);
        qInfo("7 days of minutes with series and hourly runs read in %lld ms", took.elapsed());
        const qint64 minutes = (kMinuteNow - first) / kMinute + 1;
        QCOMPARE(row.figures.received, minutes);
        QCOMPARE(row.figures.latency.count(), quint64(minutes));
        QCOMPARE(row.figures.backlogMax, 6);
        QCOMPARE(row.figures.excluded, 101); // minutes 0, 100, … 10,000
        QCOMPARE(row.figures.excludedBy.value(u"missing-mandatory"_s), 101);
        QCOMPARE(row.figures.excludedBy.value(u"other"_s), 22);
        QCOMPARE(row.figures.onTime, minutes);
        QCOMPARE(row.series.size(), 168);
        for (qsizetype i = 0; i + 1 < row.series.size(); ++i)
            QCOMPARE(row.series[i].received, 60);
        QCOMPARE(row.series.constLast().received, 31);
        QCOMPARE(row.hourlyRuns.size(), 24);
        took.restart();
        const DataflowReport day = read(reader, MonitoringWindow::Day).dataflows.value(0);
        qInfo("24 hours of minutes with series and hourly runs read in %lld ms", took.elapsed());
        QCOMPARE(day.figures.received, 1440);
        QCOMPARE(day.sloAttainment, 1.0);
    }

    // Schema version 13 on a store of version 10: the stored figures stay,
    // the new columns read as zeros, and new rows carry them. (Whatever
    // other versions exist between them.)
    void migrationFromVersion10KeepsTheFigures()
    {
        const QString file = m_dir.filePath(u"version10.sqlite"_s);
        QList<Migration> before = SqliteStore::migrations();
        before.removeIf([](const Migration &migration) { return migration.version > 10; });
        {
            SqliteStore old(file, before);
            QVERIFY2(old.open(), qPrintable(old.lastError()));
            QCOMPARE(old.schemaVersion(), 10);
        }
        {
            RawConnection raw(file);
            QVERIFY(raw.exec(u"INSERT INTO destinations (id, name, config, enabled, created_at,"
                             u" updated_at) VALUES ('a', 'A', '{}', 1, 1, 1)"_s));
            QVERIFY(raw.exec(u"INSERT INTO dataflows (id, destination_id, config, created_at,"
                             u" updated_at) VALUES ('flow-a', 'a', '{}', 1, 1)"_s));
            QVERIFY(raw.exec(u"INSERT INTO metrics (dataflow_id, resolution, period_start,"
                             u" received, created, delivered, on_time, excluded_by, latency)"
                             u" VALUES ('flow-a', 'minute', %1, 7, 6, 5, 4,"
                             u" '{\"missing-mandatory\":1}', '')"_s.arg(kMinuteNow)));
        }
        SqliteStore store(file);
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        QVERIFY(store.schemaVersion() >= 13);
        QCOMPARE(store.schemaVersion(), SqliteStore::migrations().constLast().version);
        {
            RawConnection raw(file);
            QCOMPARE(raw.integer(u"SELECT COUNT(*) FROM schema_version WHERE version = 13"_s), 1);
        }
        const QList<MetricsBucket> rows =
            store.metrics(kFlow, MetricsBucket::Resolution::Minute, 0, kNow);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].received, 7);
        QCOMPARE(rows[0].created, 6);
        QCOMPARE(rows[0].delivered, 5);
        QCOMPARE(rows[0].onTime, 4);
        QCOMPARE(rows[0].excludedBy.value(u"missing-mandatory"_s), 1);
        QCOMPARE(rows[0].suppressed, 0);
        QCOMPARE(rows[0].backlogMax, 0);
        QCOMPARE(rows[0].oldestPendingMaxMs, 0);
        MetricsBucket added = bucket(kMinuteNow, 1);
        added.suppressed = 2;
        added.backlogMax = 8;
        QVERIFY2(store.addMetrics(added), qPrintable(store.lastError()));
        const MetricsBucket sum =
            store.metrics(kFlow, MetricsBucket::Resolution::Minute, 0, kNow).value(0);
        QCOMPARE(sum.received, 8);
        QCOMPARE(sum.suppressed, 2);
        QCOMPARE(sum.backlogMax, 8);
    }
};

QTEST_GUILESS_MAIN(TestMonitoringReport)
#include "tst_monitoringreport.moc"
