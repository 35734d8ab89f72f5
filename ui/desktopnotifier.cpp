#include "desktopnotifier.h"

#include "alerttexts.h"
#include "app/appinfo.h"
#include "app/settings.h"
#include "uilogging.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QGuiApplication>
#include <QIcon>
#include <QStringList>
#include <QSystemTrayIcon>
#include <QVariantMap>

namespace outflow::ui {
namespace {

// The freedesktop.org Desktop Notifications specification's names.
QString notificationsService()
{
    return QStringLiteral("org.freedesktop.Notifications");
}

QString alertTitle(const Alert &alert)
{
    QString kind = AlertTexts::kindTitle(alert.kind);
    if (alert.destinationName.isEmpty())
        return kind;
    return DesktopNotifier::tr("%1 (%2)", "alert kind (destination)")
        .arg(kind, alert.destinationName);
}

} // namespace

DesktopNotifier::DesktopNotifier(Settings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{}

DesktopNotifier::~DesktopNotifier() = default;

void DesktopNotifier::setTrayIcon(QSystemTrayIcon *icon)
{
    m_trayIcon = icon;
}

QString DesktopNotifier::titleFor(const QList<Alert> &raised)
{
    if (raised.size() == 1)
        return alertTitle(raised.first());
    return tr("%n alert(s)", nullptr, int(raised.size()));
}

QString DesktopNotifier::bodyFor(const QList<Alert> &raised)
{
    if (raised.size() == 1) {
        const Alert &alert = raised.first();
        return alert.message.isEmpty() ? alertTitle(alert) : alert.message;
    }
    // A burst (a destination going down raises several kinds at once) is one
    // notification: a stack of near-identical popups would hide each other.
    QStringList titles;
    for (const Alert &alert : raised.first(qMin(raised.size(), qsizetype(MaxListedAlerts))))
        titles << alertTitle(alert);
    const int more = int(raised.size()) - int(titles.size());
    if (more > 0)
        titles << tr("and %n more", nullptr, more);
    return tr("%1. The Alerts page says what to do about each.")
        .arg(titles.join(QStringLiteral(", ")));
}

void DesktopNotifier::notify(const QList<Alert> &alerts)
{
    // An acknowledged alert has been seen: it is not announced again.
    QList<Alert> raised = alerts;
    raised.removeIf([](const Alert &alert) { return alert.isAcknowledged(); });
    if (raised.isEmpty())
        return;
    if (!m_settings.notificationsEnabled()) {
        qCDebug(lcUi) << "Desktop notifications are off;" << raised.size() << "alert(s) not shown";
        return;
    }
    const QString title = titleFor(raised);
    const QString body = bodyFor(raised);
    if (!QDBusConnection::sessionBus().isConnected()) {
        fallBack(title, body);
        return;
    }
    sendOverDBus(title, body);
}

// Asynchronous: the answer (or its absence) decides between "shown" and the
// fallback, so a missing or hung notification service never stalls the GUI.
// The bus may start an installed but idle notification daemon (D-Bus
// activation), as notify-send lets it; the timeout bounds that wait.
void DesktopNotifier::sendOverDBus(const QString &title, const QString &body)
{
    QDBusMessage call = QDBusMessage::createMethodCall(
        notificationsService(), QStringLiteral("/org/freedesktop/Notifications"),
        notificationsService(), QStringLiteral("Notify"));
    const QVariantMap hints{
        {QStringLiteral("desktop-entry"), QString(appinfo::appId)},
        {QStringLiteral("urgency"), QVariant::fromValue(uchar(1))}, // normal: a byte, per the spec
    };
    QString appName = QGuiApplication::applicationDisplayName();
    if (appName.isEmpty())
        appName = QString(appinfo::displayName);
    call << appName << uint(0) << QString(appinfo::appId) << title << body << QStringList() << hints
         << qint32(-1);
    const QDBusPendingCall pending = QDBusConnection::sessionBus().asyncCall(call, DBusTimeoutMs);
    auto *watcher = new QDBusPendingCallWatcher(pending, this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, title, body](QDBusPendingCallWatcher *finished) {
                finished->deleteLater();
                const QDBusPendingReply<uint> reply = *finished;
                if (reply.isError()) {
                    qCInfo(lcUi) << "No desktop notification service:" << reply.error().name();
                    fallBack(title, body);
                    return;
                }
                emit shown(Channel::DBus, title, body);
            });
}

void DesktopNotifier::fallBack(const QString &title, const QString &body)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        QSystemTrayIcon *icon = m_trayIcon.data();
        if (!icon) {
            if (!m_ownTrayIcon) {
                QIcon appIcon = QGuiApplication::windowIcon();
                if (appIcon.isNull())
                    appIcon = QIcon(QStringLiteral(":/icons/outflow.svg"));
                m_ownTrayIcon = new QSystemTrayIcon(appIcon, this);
                m_ownTrayIcon->setToolTip(QString(appinfo::displayName));
            }
            // A balloon needs a visible icon; it stays for the next alerts.
            m_ownTrayIcon->show();
            icon = m_ownTrayIcon;
        }
        icon->showMessage(title, body, QSystemTrayIcon::Warning);
        emit shown(Channel::Tray, title, body);
        return;
    }
    // Nowhere to show it: the alert stays in the store and the Alerts page.
    // Titles and messages carry names and figures, never secrets.
    qCInfo(lcUi).noquote() << "Alert not shown (no notification service, no system tray):" << title
                           << "-" << body;
    emit shown(Channel::Log, title, body);
}

} // namespace outflow::ui
