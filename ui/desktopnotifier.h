#pragma once

#include "monitoring/alerttracker.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QSystemTrayIcon;

namespace outflow {
class Settings;
} // namespace outflow

namespace outflow::ui {

// Shows newly raised alerts as desktop notifications (DESIGN §2, Alerts):
// through the freedesktop notification service on the session bus, else a
// tray icon's balloon, else a log line. Never blocks the GUI thread: the
// D-Bus call is asynchronous and the fallback is chosen from its answer.
// Lives on the GUI thread; fed by EngineHost::alertsRaised.
class DesktopNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopNotifier)

public:
    enum class Channel { DBus, Tray, Log };
    Q_ENUM(Channel)

    static constexpr int MaxListedAlerts = 5; // in a summary; the rest are counted
    static constexpr int DBusTimeoutMs = 5000;

    // `settings` (not owned) holds the off switch, read at every notify() so
    // that the menu's toggle applies at once.
    explicit DesktopNotifier(Settings &settings, QObject *parent = nullptr);
    ~DesktopNotifier() override;

    // The icon whose balloon is the fallback (not owned). Without one, the
    // notifier makes its own the first time it needs it.
    void setTrayIcon(QSystemTrayIcon *icon);

    // The notification's title and body for these alerts (one, or a summary).
    static QString titleFor(const QList<Alert> &raised);
    static QString bodyFor(const QList<Alert> &raised);

public slots:
    // Announces these alerts, but those already acknowledged.
    void notify(const QList<outflow::Alert> &alerts);

signals:
    // A notification went out through `channel` (for D-Bus: the service accepted it).
    void shown(outflow::ui::DesktopNotifier::Channel channel, const QString &title,
               const QString &body);

private:
    void sendOverDBus(const QString &title, const QString &body);
    void fallBack(const QString &title, const QString &body);

    Settings &m_settings;
    QPointer<QSystemTrayIcon> m_trayIcon;
    QSystemTrayIcon *m_ownTrayIcon = nullptr; // child of this
};

} // namespace outflow::ui
