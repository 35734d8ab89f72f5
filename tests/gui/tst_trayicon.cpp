// The tray icon's status (issue #18): the worst of the destinations' states
// and of the alerts not acknowledged, as a colour and a tooltip, computed
// without any system tray (offscreen has none); the disc drawn in that
// colour; the object fed like the main window feeds it.
#include "app/translations.h"
#include "trayicon.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>
#include <QWidget>

using namespace outflow;
using outflow::ui::TrayIcon;
using Level = TrayIcon::Level;
using namespace Qt::StringLiterals;

namespace {

QList<DestinationSummary> destinations(const QList<DestinationState> &states)
{
    QList<DestinationSummary> list;
    for (const DestinationState state : states) {
        DestinationSummary summary;
        summary.id = u"d%1"_s.arg(list.size());
        summary.name = u"Destination %1"_s.arg(list.size());
        summary.state = state;
        summary.enabled = state != DestinationState::Disabled;
        list.append(summary);
    }
    return list;
}

Alert alert(AlertKind kind, bool acknowledged = false, bool resolved = false)
{
    Alert a;
    a.id = u"alert-%1"_s.arg(int(kind));
    a.kind = kind;
    a.destinationId = u"d0"_s;
    a.raisedAt = 1000;
    a.acknowledgedAt = acknowledged ? 2000 : 0;
    a.state = resolved ? Alert::State::Resolved : Alert::State::Active;
    a.resolvedAt = resolved ? 3000 : 0;
    return a;
}

} // namespace

class TestTrayIcon final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(i18n::install(*qApp, u"en"_s));
        QApplication::setApplicationDisplayName(u"Outflow"_s);
    }

    void worstStateAndTooltip_data()
    {
        using S = DestinationState;
        QTest::addColumn<QList<DestinationSummary>>("destinations");
        QTest::addColumn<QList<Alert>>("alerts");
        QTest::addColumn<Level>("level");
        QTest::addColumn<QString>("toolTip");
        QTest::newRow("no destination")
            << QList<DestinationSummary>() << QList<Alert>() << Level::Idle
            << u"Outflow — no destination; no active alert"_s;
        QTest::newRow("only disabled")
            << destinations({S::Disabled}) << QList<Alert>() << Level::Idle
            << u"Outflow — 1 destination: 1 disabled; no active alert"_s;
        QTest::newRow("healthy") << destinations({S::Healthy, S::Healthy}) << QList<Alert>()
                                 << Level::Healthy
                                 << u"Outflow — 2 destinations: 2 healthy; no active alert"_s;
        QTest::newRow("sending") << destinations({S::Healthy, S::Sending, S::Disabled})
                                 << QList<Alert>() << Level::Sending
                                 << u"Outflow — 3 destinations: 1 healthy, 1 sending, 1 disabled; "
                                    u"no active alert"_s;
        QTest::newRow("retrying, an alert")
            << destinations({S::Healthy, S::Healthy, S::Retrying})
            << QList<Alert>{alert(AlertKind::DeliveryDelay)} << Level::Warning
            << u"Outflow — 3 destinations: 2 healthy, 1 retrying; 1 active alert"_s;
        QTest::newRow("backlogged")
            << destinations({S::Backlogged}) << QList<Alert>() << Level::Warning
            << u"Outflow — 1 destination: 1 backlogged; no active alert"_s;
        QTest::newRow("warning alert")
            << destinations({S::Healthy}) << QList<Alert>{alert(AlertKind::SloAtRisk)}
            << Level::Warning << u"Outflow — 1 destination: 1 healthy; 1 active alert"_s;
        QTest::newRow("failure alert")
            << destinations({S::Sending})
            << QList<Alert>{alert(AlertKind::DeliveryFailureRate), alert(AlertKind::DeliveryDelay)}
            << Level::Problem << u"Outflow — 1 destination: 1 sending; 2 active alerts"_s;
        QTest::newRow("acknowledged alerts only count")
            << destinations({S::Healthy})
            << QList<Alert>{alert(AlertKind::DeliveryFailureRate, true),
                            alert(AlertKind::DeliveryDelay, true)}
            << Level::Healthy
            << u"Outflow — 1 destination: 1 healthy; 2 active alerts (2 acknowledged)"_s;
        QTest::newRow("resolved alerts do not count")
            << destinations({S::Healthy})
            << QList<Alert>{alert(AlertKind::AuthFailure, false, true)} << Level::Healthy
            << u"Outflow — 1 destination: 1 healthy; no active alert"_s;
        QTest::newRow("auth failing")
            << destinations({S::Healthy, S::AuthFailing}) << QList<Alert>() << Level::Problem
            << u"Outflow — 2 destinations: 1 healthy, 1 failing to authenticate; no active alert"_s;
        QTest::newRow("tls and secret")
            << destinations({S::TlsProblem, S::MissingSecret}) << QList<Alert>() << Level::Problem
            << u"Outflow — 2 destinations: 1 with a TLS problem, 1 missing a secret; no active "
               u"alert"_s;
        QTest::newRow("auth alert")
            << destinations({S::Healthy}) << QList<Alert>{alert(AlertKind::AuthFailure)}
            << Level::Problem << u"Outflow — 1 destination: 1 healthy; 1 active alert"_s;
    }

    void worstStateAndTooltip()
    {
        QFETCH(QList<DestinationSummary>, destinations);
        QFETCH(QList<Alert>, alerts);
        QFETCH(Level, level);
        QFETCH(QString, toolTip);
        const TrayIcon::Status status = TrayIcon::statusFor(destinations, alerts);
        QCOMPARE(status.level, level);
        QCOMPARE(status.toolTip, toolTip);
    }

    // Each level its colour: grey, green, blue, amber, red; the disc's
    // middle is that colour at every size, its corners transparent.
    void theDiscIsTheLevelsColour()
    {
        const QList<Level> levels{Level::Idle, Level::Healthy, Level::Sending, Level::Warning,
                                  Level::Problem};
        QSet<QRgb> colours;
        for (const Level level : levels) {
            const QColor colour = TrayIcon::colourOf(level);
            colours.insert(colour.rgb());
            const QIcon icon = TrayIcon::iconFor(level);
            for (const int size : {16, 22, 32}) {
                const QImage image = icon.pixmap(size, size).toImage();
                QCOMPARE(image.size(), QSize(size, size));
                QCOMPARE(image.pixelColor(size / 2, size / 2).rgb(), colour.rgb());
                QCOMPARE(image.pixelColor(0, 0).alpha(), 0);
            }
        }
        QCOMPARE(colours.size(), 5);
        QVERIFY(TrayIcon::colourOf(Level::Problem).red() > 200);
        QVERIFY(TrayIcon::colourOf(Level::Healthy).green() >
                TrayIcon::colourOf(Level::Healthy).red());
        QVERIFY(TrayIcon::colourOf(Level::Sending).blue() >
                TrayIcon::colourOf(Level::Sending).red());
    }

    // Fed as the main window feeds it; a click's Show Outflow brings the window up.
    void followsItsInputs()
    {
        QWidget window;
        TrayIcon tray(&window);
        // Offscreen has no system tray: the status is kept all the same.
        QCOMPARE(tray.systemTrayIcon() != nullptr, QSystemTrayIcon::isSystemTrayAvailable());
        QCOMPARE(tray.status().level, Level::Idle);
        QSignalSpy changed(&tray, &TrayIcon::statusChanged);
        tray.setDestinations(destinations({DestinationState::Healthy}));
        QCOMPARE(tray.status().level, Level::Healthy);
        QCOMPARE(changed.size(), 1);
        tray.setDestinations(destinations({DestinationState::Healthy}));
        QCOMPARE(changed.size(), 1); // nothing new, nothing said
        tray.setAlerts(
            {alert(AlertKind::AuthFailure), alert(AlertKind::DeliveryDelay, false, true)});
        QCOMPARE(tray.status().level, Level::Problem);
        tray.setAlerts({alert(AlertKind::AuthFailure, true)}); // acknowledged
        QCOMPARE(tray.status().level, Level::Healthy);
        QVERIFY(tray.status().toolTip.contains(u"(1 acknowledged)"_s));

        const QList<QAction *> actions = tray.menu()->actions();
        QCOMPARE(actions.first()->text(), u"&Show Outflow"_s);
        QCOMPARE(actions.last()->text(), u"&Quit"_s);
        QVERIFY(!window.isVisible());
        actions.first()->trigger();
        QVERIFY(window.isVisible());
    }

    void tooltipInFrench()
    {
        QVERIFY(i18n::install(*qApp, u"fr"_s));
        const TrayIcon::Status status =
            TrayIcon::statusFor(destinations({DestinationState::Healthy, DestinationState::Healthy,
                                              DestinationState::Retrying}),
                                {alert(AlertKind::DeliveryDelay)});
        QVERIFY(i18n::install(*qApp, u"en"_s));
        QCOMPARE(status.toolTip, u"Outflow — 3 destinations : 2 en bonne santé, 1 en nouvelle "
                                 u"tentative ; 1 alerte active"_s);
    }
};

QTEST_MAIN(TestTrayIcon)
#include "tst_trayicon.moc"
