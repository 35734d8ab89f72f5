// `outflowctl alerts` as a user runs it (issue #18): the list, --all, the
// --json shape of DESIGN §5 (plus acknowledgedAt), the --kind and
// --destination filters, `alerts acknowledge ID`; and a destination's
// subscriptions and thresholds changed with `destination edit`
// (--no-alerts, --alert-threshold KEY=).
#include "model/destination.h"
#include "store/sqlitestore.h"
#include "support/processrunner.h"
#include "testconfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace outflow;
using namespace outflow::test;
using namespace Qt::StringLiterals;

namespace {

const QString cli = QStringLiteral(OUTFLOW_CLI_BINARY);
constexpr qint64 T0 = 1'700'000'000'000;
constexpr qint64 Hour = 3'600'000;

Alert alert(const QString &id, AlertKind kind, const QString &destinationId,
            const QString &destinationName, qint64 raisedAt, qint64 resolvedAt = 0)
{
    Alert a;
    a.id = id;
    a.kind = kind;
    a.destinationId = destinationId;
    a.destinationName = destinationName;
    a.state = resolvedAt > 0 ? Alert::State::Resolved : Alert::State::Active;
    a.raisedAt = a.updatedAt = raisedAt;
    a.resolvedAt = resolvedAt;
    a.message = u"%1: what to do about %2"_s.arg(destinationName, id);
    return a;
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

class TestCliAlerts final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;

    ProcessResult run(const QStringList &arguments)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"LANGUAGE"_s, u"en"_s);
        return runProcess(cli, QStringList{u"--store"_s, m_store} + arguments, environment);
    }

    QJsonArray json(const QStringList &arguments)
    {
        const ProcessResult result = run(QStringList{u"--json"_s} + arguments);
        if (result.exitCode != 0)
            qWarning().noquote() << result.err;
        return QJsonDocument::fromJson(result.out.toUtf8()).array();
    }

    static QStringList ids(const QJsonArray &alerts)
    {
        QStringList result;
        for (const QJsonValue &value : alerts)
            result << value[u"id"].toString();
        return result;
    }

private slots:
    // Two destinations (Hook was called Old hook when one of its alerts was
    // raised), two active alerts and a resolved one.
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_store =
            m_dir.filePath(u"%1.sqlite"_s.arg(QString::fromLatin1(QTest::currentTestFunction())));
        SqliteStore store(m_store);
        QVERIFY2(store.open(), qPrintable(store.lastError()));
        for (const auto &[id, name] : {std::pair{u"d-crm"_s, u"Crm"_s}, {u"d-hook"_s, u"Hook"_s}}) {
            Destination destination;
            destination.id = id;
            destination.name = name;
            destination.endpoint = QUrl(u"http://127.0.0.1:9/in"_s);
            QVERIFY2(store.insertDestination(destination), qPrintable(store.lastError()));
        }
        for (const Alert &a :
             {alert(u"alert-old"_s, AlertKind::DeliveryDelay, u"d-crm"_s, u"Crm"_s, T0),
              alert(u"alert-new"_s, AlertKind::DeliveryFailureRate, u"d-hook"_s, u"Old hook"_s,
                    T0 + Hour),
              alert(u"alert-resolved"_s, AlertKind::AuthFailure, u"d-hook"_s, u"Hook"_s,
                    T0 + 2 * Hour, T0 + 3 * Hour)})
            QVERIFY2(store.saveAlert(a), qPrintable(store.lastError()));
    }

    void listsActiveOrEveryAlert()
    {
        ProcessResult active = run({u"alerts"_s});
        QCOMPARE(active.exitCode, 0);
        QStringList lines = active.out.trimmed().split(u'\n');
        QCOMPARE(lines.size(), 2);
        // Newest first, each with what `alerts acknowledge` needs.
        QVERIFY2(lines.at(0).startsWith(iso(T0 + Hour)), qPrintable(lines.at(0)));
        for (const QString &part : {u"alert-new"_s, u"delivery-failure-rate"_s, u"Old hook"_s,
                                    u"active"_s, u"what to do about alert-new"_s})
            QVERIFY2(lines.at(0).contains(part), qPrintable(lines.at(0)));
        QVERIFY2(lines.at(1).contains(u"alert-old"_s), qPrintable(lines.at(1)));

        const ProcessResult all = run({u"alerts"_s, u"--all"_s});
        QCOMPARE(all.exitCode, 0);
        lines = all.out.trimmed().split(u'\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines.at(0).contains(u"alert-resolved"_s) &&
                     lines.at(0).contains(u"resolved "_s + iso(T0 + 3 * Hour)),
                 qPrintable(lines.at(0)));
    }

    void jsonHasTheDesignsShape()
    {
        const QJsonArray all = json({u"alerts"_s, u"--all"_s});
        QCOMPARE(ids(all), (QStringList{u"alert-resolved"_s, u"alert-new"_s, u"alert-old"_s}));
        for (const QJsonValue &value : all) {
            const QJsonObject object = value.toObject();
            for (const QString &key :
                 {u"id"_s, u"kind"_s, u"destination"_s, u"state"_s, u"raisedAt"_s, u"resolvedAt"_s,
                  u"message"_s, u"acknowledgedAt"_s})
                QVERIFY2(object.contains(key), qPrintable(key));
        }
        const QJsonObject resolved = all.at(0).toObject();
        QCOMPARE(resolved[u"kind"].toString(), u"auth-failure"_s);
        QCOMPARE(resolved[u"destination"].toString(), u"Hook"_s);
        QCOMPARE(resolved[u"state"].toString(), u"resolved"_s);
        QCOMPARE(resolved[u"raisedAt"].toString(), iso(T0 + 2 * Hour));
        QCOMPARE(resolved[u"resolvedAt"].toString(), iso(T0 + 3 * Hour));
        QCOMPARE(resolved[u"message"].toString(), u"Hook: what to do about alert-resolved"_s);
        const QJsonObject active = all.at(1).toObject();
        QCOMPARE(active[u"state"].toString(), u"active"_s);
        QVERIFY(active[u"resolvedAt"].isNull());
        QVERIFY(active[u"acknowledgedAt"].isNull());
        // Without --all: the active ones.
        QCOMPARE(ids(json({u"alerts"_s})), (QStringList{u"alert-new"_s, u"alert-old"_s}));
    }

    void filtersByKindAndDestination()
    {
        QCOMPARE(ids(json({u"alerts"_s, u"--kind"_s, u"delivery-delay"_s})),
                 QStringList{u"alert-old"_s});
        QCOMPARE(ids(json({u"alerts"_s, u"--all"_s, u"--kind"_s, u"auth-failure"_s})),
                 QStringList{u"alert-resolved"_s});
        // By its name now: also the alert raised when Hook had another name.
        QCOMPARE(ids(json({u"alerts"_s, u"--all"_s, u"--destination"_s, u"Hook"_s})),
                 (QStringList{u"alert-resolved"_s, u"alert-new"_s}));
        // By the name an alert kept (a destination renamed or removed since).
        QCOMPARE(ids(json({u"alerts"_s, u"--destination"_s, u"Old hook"_s})),
                 QStringList{u"alert-new"_s});
        QCOMPARE(
            ids(json({u"alerts"_s, u"--destination"_s, u"Crm"_s, u"--kind"_s, u"auth-failure"_s})),
            QStringList());
        const ProcessResult none =
            run({u"alerts"_s, u"--destination"_s, u"Crm"_s, u"--kind"_s, u"auth-failure"_s});
        QCOMPARE(none.exitCode, 0);
        QCOMPARE(none.out.trimmed(), u"No active alert matches."_s);

        const ProcessResult badKind = run({u"alerts"_s, u"--kind"_s, u"late"_s});
        QCOMPARE(badKind.exitCode, 2);
        QVERIFY2(badKind.err.contains(u"--kind"_s) && badKind.err.contains(u"'late'"_s) &&
                     badKind.err.contains(u"delivery-delay"_s),
                 qPrintable(badKind.err));
        const ProcessResult stray = run({u"alerts"_s, u"acknowledged"_s});
        QCOMPARE(stray.exitCode, 2);
        QVERIFY2(stray.err.contains(u"'acknowledged'"_s), qPrintable(stray.err));
    }

    void acknowledgeKeepsTheAlertActive()
    {
        const ProcessResult acknowledged = run({u"alerts"_s, u"acknowledge"_s, u"alert-new"_s});
        QVERIFY2(acknowledged.exitCode == 0, qPrintable(acknowledged.err));
        QVERIFY2(acknowledged.out.contains(u"alert-new"_s), qPrintable(acknowledged.out));
        const QJsonObject after =
            json({u"alerts"_s, u"--kind"_s, u"delivery-failure-rate"_s}).at(0).toObject();
        QCOMPARE(after[u"state"].toString(), u"active"_s);
        const QDateTime at =
            QDateTime::fromString(after[u"acknowledgedAt"].toString(), Qt::ISODate);
        QVERIFY2(at.isValid(), qPrintable(after[u"acknowledgedAt"].toString()));
        QVERIFY(qAbs(at.secsTo(QDateTime::currentDateTimeUtc())) < 120);
        const ProcessResult text = run({u"alerts"_s});
        QVERIFY2(
            text.out.contains(u"active, acknowledged "_s + after[u"acknowledgedAt"].toString()),
            qPrintable(text.out));

        // Again: fine, the first time stays.
        const ProcessResult again = run({u"alerts"_s, u"acknowledge"_s, u"alert-new"_s});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains(u"already"_s), qPrintable(again.out));
        QCOMPARE(json({u"alerts"_s, u"--kind"_s, u"delivery-failure-rate"_s})
                     .at(0)[u"acknowledgedAt"]
                     .toString(),
                 after[u"acknowledgedAt"].toString());
        // --json: the alert as it now is.
        const ProcessResult asJson =
            run({u"--json"_s, u"alerts"_s, u"acknowledge"_s, u"alert-new"_s});
        QCOMPARE(QJsonDocument::fromJson(asJson.out.toUtf8())[u"id"].toString(), u"alert-new"_s);

        // Unknown, resolved, or no id at all: bad input, named.
        const ProcessResult unknown = run({u"alerts"_s, u"acknowledge"_s, u"no-such-alert"_s});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(u"no-such-alert"_s), qPrintable(unknown.err));
        const ProcessResult resolved = run({u"alerts"_s, u"acknowledge"_s, u"alert-resolved"_s});
        QCOMPARE(resolved.exitCode, 2);
        QVERIFY2(resolved.err.contains(u"alert-resolved"_s) && resolved.err.contains(u"resolved"_s),
                 qPrintable(resolved.err));
        QVERIFY(json({u"alerts"_s, u"--all"_s, u"--kind"_s, u"auth-failure"_s})
                    .at(0)[u"acknowledgedAt"]
                    .isNull());
        const ProcessResult missing = run({u"alerts"_s, u"acknowledge"_s});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(u"acknowledge"_s), qPrintable(missing.err));
    }

    // `destination edit`: --alert replaces the subscriptions, --no-alerts
    // drops them, --alert-threshold KEY= drops an override; errors name the option.
    void subscriptionsAndThresholdsFromTheCommandLine()
    {
        const auto stored = [this] {
            SqliteStore store(m_store);
            if (!store.open())
                return Destination();
            return store.destinationByName(u"Crm"_s).value_or(Destination());
        };
        ProcessResult edit =
            run({u"destination"_s, u"edit"_s, u"Crm"_s, u"--alert"_s, u"delivery-delay"_s,
                 u"--alert"_s, u"auth-failure"_s, u"--alert-threshold"_s, u"delivery-delay=5m"_s,
                 u"--alert-threshold"_s, u"auth-failure=4"_s});
        QVERIFY2(edit.exitCode == 0, qPrintable(edit.err));
        QCOMPARE(stored().alerts, (QStringList{u"delivery-delay"_s, u"auth-failure"_s}));
        QCOMPARE(stored().alertThresholds, (QMap<QString, QString>{{u"delivery-delay"_s, u"5m"_s},
                                                                   {u"auth-failure"_s, u"4"_s}}));

        edit = run(
            {u"destination"_s, u"edit"_s, u"Crm"_s, u"--alert-threshold"_s, u"delivery-delay="_s});
        QVERIFY2(edit.exitCode == 0, qPrintable(edit.err));
        QCOMPARE(stored().alertThresholds, (QMap<QString, QString>{{u"auth-failure"_s, u"4"_s}}));
        QCOMPARE(stored().alerts.size(), 2); // untouched

        edit = run({u"destination"_s, u"edit"_s, u"Crm"_s, u"--no-alerts"_s});
        QVERIFY2(edit.exitCode == 0, qPrintable(edit.err));
        QVERIFY(stored().alerts.isEmpty());
        QCOMPARE(stored().alertThresholds.size(), 1);

        const QList<QPair<QStringList, QString>> bad{
            {{u"--no-alerts"_s, u"--alert"_s, u"auth-failure"_s}, u"no-alerts"_s},
            {{u"--alert-threshold"_s, u"nonsense="_s}, u"alert-threshold"_s},
            {{u"--alert-threshold"_s, u"=5m"_s}, u"alert-threshold"_s},
            {{u"--alert"_s, u"late"_s}, u"alert"_s},
        };
        for (const auto &[options, named] : bad) {
            const ProcessResult refused =
                run(QStringList{u"destination"_s, u"edit"_s, u"Crm"_s} + options);
            QCOMPARE(refused.exitCode, 2);
            QVERIFY2(refused.err.contains(named), qPrintable(refused.err));
        }
        QVERIFY(stored().alerts.isEmpty()); // nothing half-written
    }
};

QTEST_GUILESS_MAIN(TestCliAlerts)
#include "tst_cli_alerts.moc"
