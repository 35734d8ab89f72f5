#pragma once

#include "model/destinationsummary.h"
#include "monitoring/alerttracker.h"

#include <QColor>
#include <QIcon>
#include <QList>
#include <QObject>
#include <QString>

class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace outflow::ui {

// Outflow in the system tray (issue #18): a coloured disc saying how the
// dataflows are, with the counts behind it in its tooltip; a click shows and
// raises the main window, its menu has Show Outflow and Quit. Fed by
// EngineHost::destinationsListed and the alert lists. Shown only where a
// system tray exists (QSystemTrayIcon::isSystemTrayAvailable()); the status
// is kept either way, and statusFor() computes it without any tray.
class TrayIcon final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayIcon)

public:
    // From the calmest to the most pressing; the worst one wins.
    enum class Level {
        Idle,    // grey: no destination enabled
        Healthy, // green
        Sending, // blue
        Warning, // amber: backlogged or retrying, or an alert not acknowledged
        Problem, // red: authentication failing, TLS problem, missing secret, or a
                 // delivery-failure or authentication alert not acknowledged
    };
    Q_ENUM(Level)

    struct Status
    {
        Level level = Level::Idle;
        QString toolTip; // "Outflow — 3 destinations: 2 healthy, 1 retrying; 1 active alert"
    };

    // The worst level of the enabled destinations' states and of the active
    // alerts not acknowledged (acknowledged ones only count in the tooltip).
    // Resolved alerts in `alerts` are ignored.
    static Status statusFor(const QList<DestinationSummary> &destinations,
                            const QList<Alert> &alerts);
    static Level levelOf(DestinationState state);
    static Level levelOf(AlertKind kind);
    static QColor colourOf(Level level);
    // A disc of the level's colour, drawn at the usual tray sizes.
    static QIcon iconFor(Level level);

    // `window` (not owned) is what a click and Show Outflow bring up.
    explicit TrayIcon(QWidget *window, QObject *parent = nullptr);

    Status status() const { return m_status; }
    // Nullptr where there is no system tray.
    QSystemTrayIcon *systemTrayIcon() const { return m_tray; }
    QMenu *menu() const { return m_menu; }

public slots:
    void setDestinations(const QList<outflow::DestinationSummary> &destinations);
    // Any list of alerts: the active ones count.
    void setAlerts(const QList<outflow::Alert> &alerts);
    // Shows, restores and raises the window.
    void showWindow();

signals:
    void statusChanged(const outflow::ui::TrayIcon::Status &status);

private:
    void update();

    QWidget *m_window;
    QMenu *m_menu;
    QSystemTrayIcon *m_tray = nullptr;
    QList<DestinationSummary> m_destinations;
    QList<Alert> m_alerts; // active only
    Status m_status;
    bool m_statusKnown = false;
};

} // namespace outflow::ui
