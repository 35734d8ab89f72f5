#include "trayicon.h"

#include "app/appinfo.h"

#include <algorithm>
#include <array>
#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QStringList>
#include <QSystemTrayIcon>
#include <QWidget>

namespace outflow::ui {

namespace {

// "2 healthy", "1 retrying"…: how many destinations are in a state.
QString stateCount(DestinationState state, int count)
{
    switch (state) {
    case DestinationState::Healthy:
        return TrayIcon::tr("%n healthy", "destinations", count);
    case DestinationState::Sending:
        return TrayIcon::tr("%n sending", "destinations", count);
    case DestinationState::Backlogged:
        return TrayIcon::tr("%n backlogged", "destinations", count);
    case DestinationState::Retrying:
        return TrayIcon::tr("%n retrying", "destinations", count);
    case DestinationState::AuthFailing:
        return TrayIcon::tr("%n failing to authenticate", "destinations", count);
    case DestinationState::TlsProblem:
        return TrayIcon::tr("%n with a TLS problem", "destinations", count);
    case DestinationState::MissingSecret:
        return TrayIcon::tr("%n missing a secret", "destinations", count);
    case DestinationState::Disabled:
        return TrayIcon::tr("%n disabled", "destinations", count);
    }
    return {};
}

constexpr std::array kStates{DestinationState::Healthy,       DestinationState::Sending,
                             DestinationState::Backlogged,    DestinationState::Retrying,
                             DestinationState::AuthFailing,   DestinationState::TlsProblem,
                             DestinationState::MissingSecret, DestinationState::Disabled};

} // namespace

TrayIcon::Level TrayIcon::levelOf(DestinationState state)
{
    switch (state) {
    case DestinationState::Healthy:
        return Level::Healthy;
    case DestinationState::Sending:
        return Level::Sending;
    case DestinationState::Backlogged:
    case DestinationState::Retrying:
        return Level::Warning;
    case DestinationState::AuthFailing:
    case DestinationState::TlsProblem:
    case DestinationState::MissingSecret:
        return Level::Problem;
    case DestinationState::Disabled:
        break; // the administrator's choice: nothing to watch
    }
    return Level::Idle;
}

TrayIcon::Level TrayIcon::levelOf(AlertKind kind)
{
    // Exports failing or refused: red. The rest warns of what may come.
    return kind == AlertKind::DeliveryFailureRate || kind == AlertKind::AuthFailure
               ? Level::Problem
               : Level::Warning;
}

TrayIcon::Status TrayIcon::statusFor(const QList<DestinationSummary> &destinations,
                                     const QList<Alert> &alerts)
{
    Status status;
    std::array<int, kStates.size()> counts{};
    for (const DestinationSummary &destination : destinations) {
        ++counts.at(std::size_t(destination.state));
        status.level = std::max(status.level, levelOf(destination.state));
    }
    int active = 0;
    int acknowledged = 0;
    for (const Alert &alert : alerts) {
        if (!alert.isActive())
            continue;
        ++active;
        if (alert.isAcknowledged())
            ++acknowledged; // seen: no longer calls for attention
        else
            status.level = std::max(status.level, levelOf(alert.kind));
    }

    const QString app = QApplication::applicationDisplayName().isEmpty()
                            ? QString(appinfo::displayName)
                            : QApplication::applicationDisplayName();
    QString alertsText =
        active == 0 ? tr("no active alert") : tr("%n active alert(s)", nullptr, active);
    if (acknowledged > 0)
        alertsText =
            tr("%1 (%n acknowledged)", "active alerts (how many acknowledged)", acknowledged)
                .arg(alertsText);
    if (destinations.isEmpty()) {
        status.toolTip =
            tr("%1 — no destination; %2", "app — no destination; alerts").arg(app, alertsText);
        return status;
    }
    QStringList states;
    for (const DestinationState state : kStates) {
        if (const int count = counts.at(std::size_t(state)); count > 0)
            states << stateCount(state, count);
    }
    status.toolTip = tr("%1 — %2: %3; %4", "app — destinations: their states; alerts")
                         .arg(app, tr("%n destination(s)", nullptr, int(destinations.size())),
                              states.join(tr(", ", "between destination states")), alertsText);
    return status;
}

QColor TrayIcon::colourOf(Level level)
{
    switch (level) {
    case Level::Idle:
        return QColor(0x9e, 0x9e, 0x9e);
    case Level::Healthy:
        return QColor(0x2e, 0x9d, 0x4f);
    case Level::Sending:
        return QColor(0x1e, 0x6f, 0xd9);
    case Level::Warning:
        return QColor(0xf0, 0xa2, 0x02);
    case Level::Problem:
        return QColor(0xd3, 0x2f, 0x2f);
    }
    return Qt::gray;
}

QIcon TrayIcon::iconFor(Level level)
{
    QIcon icon;
    const QColor fill = colourOf(level);
    for (const int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        // A darker rim keeps the disc visible on a panel of the same colour.
        const qreal rim = qMax(1.0, size / 16.0);
        painter.setPen(QPen(fill.darker(140), rim));
        painter.setBrush(fill);
        const qreal margin = size / 8.0;
        painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin));
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

TrayIcon::TrayIcon(QWidget *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_menu(new QMenu(window))
{
    setObjectName(QStringLiteral("trayIcon"));
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    QAction *show =
        m_menu->addAction(tr("&Show %1").arg(appinfo::displayName), this, &TrayIcon::showWindow);
    show->setObjectName(QStringLiteral("trayShowAction"));
    m_menu->addSeparator();
    QAction *quit = m_menu->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setObjectName(QStringLiteral("trayQuitAction"));
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(this);
        m_tray->setContextMenu(m_menu);
        connect(m_tray, &QSystemTrayIcon::activated, this,
                [this](QSystemTrayIcon::ActivationReason reason) {
                    if (reason == QSystemTrayIcon::Trigger ||
                        reason == QSystemTrayIcon::DoubleClick)
                        showWindow();
                });
    }
    update();
    if (m_tray)
        m_tray->show();
}

void TrayIcon::setDestinations(const QList<DestinationSummary> &destinations)
{
    m_destinations = destinations;
    update();
}

void TrayIcon::setAlerts(const QList<Alert> &alerts)
{
    m_alerts.clear();
    std::copy_if(alerts.cbegin(), alerts.cend(), std::back_inserter(m_alerts),
                 [](const Alert &alert) { return alert.isActive(); });
    update();
}

void TrayIcon::showWindow()
{
    if (!m_window)
        return;
    m_window->show();
    m_window->setWindowState((m_window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    m_window->raise();
    m_window->activateWindow();
}

void TrayIcon::update()
{
    const Status status = statusFor(m_destinations, m_alerts);
    if (m_statusKnown && status.level == m_status.level && status.toolTip == m_status.toolTip)
        return;
    const bool levelChanged = !m_statusKnown || status.level != m_status.level;
    m_status = status;
    m_statusKnown = true;
    if (m_tray) {
        if (levelChanged)
            m_tray->setIcon(iconFor(status.level));
        m_tray->setToolTip(status.toolTip);
    }
    emit statusChanged(status);
}

} // namespace outflow::ui
