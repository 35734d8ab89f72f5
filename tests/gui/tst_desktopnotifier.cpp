// The desktop notifier against a real session bus (tools/test.sh runs ctest
// in dbus-run-session): the test owns org.freedesktop.Notifications on its
// own bus connection, as a notification daemon would, and records each
// Notify it receives. Without that service the notifier must fall back.
#include "app/settings.h"
#include "app/translations.h"
#include "desktopnotifier.h"
#include "enginehost.h"
#include "mainwindow.h"

#include <QAction>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using outflow::Alert;
using outflow::AlertKind;
using outflow::Settings;
using outflow::ui::DesktopNotifier;

namespace {

const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");

struct NotifyCall
{
    QString appName;
    QString summary;
    QString body;
    QVariantMap hints;
    int expireTimeout = 0;
};

// The neighbour: the spec's Notify method, nothing else.
class FakeNotifications final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    QList<NotifyCall> calls;

public slots:
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon,
                const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int expireTimeout)
    {
        Q_UNUSED(replacesId)
        Q_UNUSED(appIcon)
        Q_UNUSED(actions)
        calls.append({appName, summary, body, hints, expireTimeout});
        return uint(calls.size());
    }
};

Alert makeAlert(AlertKind kind, const QString &destination, const QString &message)
{
    Alert alert;
    alert.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    alert.kind = kind;
    alert.destinationId = QStringLiteral("id-") + destination;
    alert.destinationName = destination;
    alert.raisedAt = 1'700'000'000'000;
    alert.updatedAt = alert.raisedAt;
    alert.message = message;
    return alert;
}

Alert failureRate(const QString &destination = QStringLiteral("Hook"))
{
    return makeAlert(AlertKind::DeliveryFailureRate, destination,
                     destination + QStringLiteral(": 12.0% of deliveries failed in the last 5 "
                                                  "minutes (threshold 5.0%)."));
}

} // namespace

class TestDesktopNotifier final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(outflow::i18n::install(*qApp, QStringLiteral("en")));
        QVERIFY2(QDBusConnection::sessionBus().isConnected(),
                 "no session bus: run the tests with tools/test.sh (dbus-run-session)");
        // The other tests' assumptions: nobody else shows notifications here.
        QVERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(kService));
    }

    void init()
    {
        m_settingsFile = m_dir.filePath(
            QStringLiteral("%1.ini").arg(QString::fromLatin1(QTest::currentTestFunction())));
    }

    void cleanup() { stopFakeService(); }

    void oneAlertIsOneNotification()
    {
        QVERIFY(startFakeService());
        Settings settings(m_settingsFile);
        DesktopNotifier notifier(settings);
        QSignalSpy shown(&notifier, &DesktopNotifier::shown);
        const Alert alert = failureRate();

        notifier.notify({alert});

        QTRY_COMPARE(shown.size(), 1);
        QCOMPARE(shown.at(0).at(0).value<DesktopNotifier::Channel>(),
                 DesktopNotifier::Channel::DBus);
        QCOMPARE(m_fake->calls.size(), 1);
        const NotifyCall &call = m_fake->calls.first();
        QCOMPARE(call.summary, QStringLiteral("Delivery failure rate (Hook)"));
        QCOMPARE(call.body, alert.message);
        QCOMPARE(call.expireTimeout, -1);
        QVERIFY(!call.appName.isEmpty());
        QCOMPARE(call.hints.value(QStringLiteral("urgency")).toInt(), 1);
        QCOMPARE(shown.at(0).at(1).toString(), call.summary);
        QCOMPARE(shown.at(0).at(2).toString(), call.body);
    }

    // Messages from one connection arrive in order: the single alert sent
    // after the burst is the second Notify only if the burst made one.
    void severalAlertsAreOneSummary()
    {
        QVERIFY(startFakeService());
        Settings settings(m_settingsFile);
        DesktopNotifier notifier(settings);
        QSignalSpy shown(&notifier, &DesktopNotifier::shown);

        notifier.notify({failureRate(),
                         makeAlert(AlertKind::DeliveryDelay, QStringLiteral("Hook"),
                                   QStringLiteral("Hook: the oldest export has waited.")),
                         makeAlert(AlertKind::AuthFailure, QStringLiteral("CRM"),
                                   QStringLiteral("CRM: authentication failed."))});
        notifier.notify({failureRate(QStringLiteral("Marker"))});

        QTRY_COMPARE(shown.size(), 2);
        QCOMPARE(m_fake->calls.size(), 2);
        const NotifyCall &summary = m_fake->calls.at(0);
        QCOMPARE(summary.summary, QStringLiteral("3 alerts"));
        QCOMPARE(summary.body, QStringLiteral("Delivery failure rate (Hook), Delivery delay "
                                              "(Hook), Authentication failure (CRM). The Alerts "
                                              "page says what to do about each."));
        QCOMPARE(m_fake->calls.at(1).summary, QStringLiteral("Delivery failure rate (Marker)"));
    }

    void aLongBurstListsFiveAndCountsTheRest()
    {
        QList<Alert> burst;
        for (int i = 0; i < 7; ++i)
            burst << failureRate(QStringLiteral("D%1").arg(i));
        QCOMPARE(DesktopNotifier::titleFor(burst), QStringLiteral("7 alerts"));
        const QString body = DesktopNotifier::bodyFor(burst);
        QVERIFY2(body.contains(QLatin1String("(D4), and 2 more.")), qPrintable(body));
        QVERIFY2(!body.contains(QLatin1String("(D5)")), qPrintable(body));
    }

    // "Nothing happens" is shown by what happens next: the allowed alert
    // sent after the muted one is the only Notify.
    void theOffSwitchMutesNotifications()
    {
        QVERIFY(startFakeService());
        Settings settings(m_settingsFile);
        DesktopNotifier notifier(settings);
        QSignalSpy shown(&notifier, &DesktopNotifier::shown);

        settings.setValue(Settings::Key::NotificationsEnabled, false);
        notifier.notify({failureRate(QStringLiteral("Muted"))});
        settings.setValue(Settings::Key::NotificationsEnabled, true);
        notifier.notify({failureRate(QStringLiteral("Allowed"))});

        QTRY_COMPARE(shown.size(), 1);
        QCOMPARE(m_fake->calls.size(), 1);
        QCOMPARE(m_fake->calls.first().summary, QStringLiteral("Delivery failure rate (Allowed)"));
    }

    // No notification service on the bus: the tray's balloon when there is a
    // system tray, else a log line. Offscreen there is usually no tray; the
    // test asserts whichever the platform says.
    void withoutTheServiceItFallsBack()
    {
        Settings settings(m_settingsFile);
        DesktopNotifier notifier(settings);
        QSignalSpy shown(&notifier, &DesktopNotifier::shown);
        const bool tray = QSystemTrayIcon::isSystemTrayAvailable();
        qInfo() << "system tray available:" << tray;
        if (!tray) {
            QTest::ignoreMessage(QtInfoMsg,
                                 QRegularExpression(QStringLiteral("^No desktop notification")));
            QTest::ignoreMessage(
                QtInfoMsg, QRegularExpression(QStringLiteral(
                               "^Alert not shown .*Delivery failure rate \\(Hook\\) - Hook: ")));
        }

        notifier.notify({failureRate()});

        QTRY_COMPARE(shown.size(), 1);
        QCOMPARE(shown.at(0).at(0).value<DesktopNotifier::Channel>(),
                 tray ? DesktopNotifier::Channel::Tray : DesktopNotifier::Channel::Log);
        QCOMPARE(shown.at(0).at(1).toString(), QStringLiteral("Delivery failure rate (Hook)"));
    }

    // The app's wiring: the engine host's alerts reach the window's notifier.
    void theMainWindowNotifiesTheEnginesAlerts()
    {
        QVERIFY(startFakeService());
        Settings settings(m_settingsFile);
        outflow::ui::EngineHost engine(m_dir.filePath(QStringLiteral("store.sqlite")));
        outflow::ui::MainWindow window(settings);
        window.setEngine(&engine);
        QSignalSpy shown(window.notifier(), &DesktopNotifier::shown);

        emit engine.alertsRaised({failureRate()});

        QTRY_COMPARE(shown.size(), 1);
        QCOMPARE(m_fake->calls.size(), 1);
        QCOMPARE(m_fake->calls.first().summary, QStringLiteral("Delivery failure rate (Hook)"));
    }

    // Last: installs the French catalogue for the rest of the process.
    void frenchTitles()
    {
        QVERIFY(outflow::i18n::install(*qApp, QStringLiteral("fr")));
        const QList<Alert> two{failureRate(), failureRate(QStringLiteral("CRM"))};
        QCOMPARE(DesktopNotifier::titleFor(two), QStringLiteral("2 alertes"));
        QCOMPARE(DesktopNotifier::titleFor({two.first()}),
                 QStringLiteral("Taux d’échec de livraison (Hook)"));
    }

private:
    // On a connection of its own, so that every Notify crosses the bus.
    bool startFakeService()
    {
        m_connection = QDBusConnection::connectToBus(QDBusConnection::SessionBus,
                                                     QStringLiteral("fakeNotifications"));
        if (!m_connection.isConnected())
            return false;
        m_fake = std::make_unique<FakeNotifications>();
        return m_connection.registerObject(kPath, m_fake.get(), QDBusConnection::ExportAllSlots) &&
               m_connection.registerService(kService);
    }

    void stopFakeService()
    {
        if (!m_fake)
            return;
        m_connection.unregisterService(kService);
        m_connection.unregisterObject(kPath);
        QDBusConnection::disconnectFromBus(QStringLiteral("fakeNotifications"));
        m_connection = QDBusConnection(QString());
        m_fake.reset();
    }

    QTemporaryDir m_dir;
    QString m_settingsFile;
    QDBusConnection m_connection{QString()};
    std::unique_ptr<FakeNotifications> m_fake;
};

QTEST_MAIN(TestDesktopNotifier)
#include "tst_desktopnotifier.moc"
