// MainWindow's pages: their navigation entries, and how each is fed by the
// engine. Every page is a view; the Engine (through EngineHost) answers.
#include "alertspage.h"
#include "audiencespage.h"
#include "desktopnotifier.h"
#include "dialogs/destinationsettingsdialog.h"
#include "enginehost.h"
#include "mainwindow.h"
#include "pages/deliveriespage.h"
#include "pages/destinationspage.h"
#include "pages/monitoringpage.h"
#include "pages/profilespage.h"
#include "trayicon.h"

#include <QListView>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QSystemTrayIcon>
#include <QTimer>

namespace outflow::ui {

void MainWindow::createPages()
{
    struct PageEntry
    {
        QString title;
        QString icon;
        QWidget *widget;
    };
    m_destinationsPage = new DestinationsPage(m_pages);
    m_audiencesPage = new AudiencesPage(m_pages);
    m_profilesPage = new ProfilesPage(m_pages);
    m_monitoringPage = new MonitoringPage(m_pages);
    m_deliveriesPage = new DeliveriesPage(m_pages);
    m_alertsPage = new AlertsPage(m_pages);
    // In Page's order.
    const PageEntry pages[PageCount] = {
        {tr("Destinations"), QStringLiteral("network-server"), m_destinationsPage},
        {tr("Audiences"), QStringLiteral("system-users"), m_audiencesPage},
        {tr("Profiles"), QStringLiteral("avatar-default"), m_profilesPage},
        {tr("Monitoring"), QStringLiteral("utilities-system-monitor"), m_monitoringPage},
        {tr("Deliveries"), QStringLiteral("mail-send"), m_deliveriesPage},
        {tr("Alerts"), QStringLiteral("dialog-warning"), m_alertsPage},
    };
    for (const PageEntry &page : pages) {
        auto *item = new QStandardItem(QIcon::fromTheme(page.icon), page.title);
        item->setEditable(false);
        m_navigationModel->appendRow(item);
        m_pages->addWidget(page.widget);
    }
}

void MainWindow::connectPages(EngineHost *engine)
{
    m_profilesPage->setEngine(engine);
    connect(engine, &EngineHost::profileCountChanged, this, [this](qint64 count) {
        m_profilesPage->setEmptyStateHeading(
            count == 0 ? tr("No profile yet")
                       : tr("%n profile(s) in the store", nullptr, int(count)));
    });
    connect(engine, &EngineHost::audiencesChanged, m_audiencesPage, &AudiencesPage::setAudiences);
    connect(engine, &EngineHost::storeOpened, this, [this, engine] {
        m_audiencesPage->setEngine(engine); // issue #17
        m_monitoringPage->setEngine(engine);
        m_deliveriesPage->setEngine(engine);
    });
    connect(m_deliveriesPage, &DeliveriesPage::profileRequested, this, &MainWindow::showProfile);
    // The Monitoring banner's fixes: Enable at once, or the destination's settings.
    connect(m_monitoringPage, &MonitoringPage::enableDestinationRequested, engine,
            [engine](const QString &destinationId) {
                engine->setDestinationEnabled(destinationId, true);
            });
    connect(m_monitoringPage, &MonitoringPage::destinationSettingsRequested, this,
            &MainWindow::openDestinationSettings);
    connect(engine, &EngineHost::alertsRaised, m_notifier, &DesktopNotifier::notify);
    // Kept current even while hidden: alerts change at most once per monitor
    // tick, and the page coalesces the asks.
    connect(engine, &EngineHost::alertsChanged, m_alertsPage, &AlertsPage::refresh);
    connect(engine, &EngineHost::alertsListed, m_alertsPage, &AlertsPage::setAlerts);
    connectAlerts(engine);
}

void MainWindow::connectAlerts(EngineHost *engine)
{
    connect(engine, &EngineHost::destinationsListed, m_alertsPage, &AlertsPage::setDestinations);
    connect(m_alertsPage, &AlertsPage::acknowledgeRequested, this, [this](const QStringList &ids) {
        for (const QString &id : ids)
            m_acknowledgements.insert(m_engine->acknowledgeAlert(id));
    });
    // alertsChanged() follows a success: the page lists them again.
    connect(engine, &EngineHost::alertAcknowledged, this,
            [this](quint64 request, const QString &error) {
                if (m_acknowledgements.remove(request) && !error.isEmpty())
                    m_alertsPage->showError(error);
            });
    connect(m_alertsPage, &AlertsPage::alertSettingsRequested, this,
            &MainWindow::openAlertSettings);

    m_trayIcon = new TrayIcon(this, this);
    if (QSystemTrayIcon *tray = m_trayIcon->systemTrayIcon())
        m_notifier->setTrayIcon(tray); // its balloon, where no notification service answers
    connect(engine, &EngineHost::destinationsListed, m_trayIcon, &TrayIcon::setDestinations);
    connect(engine, &EngineHost::alertsListed, m_trayIcon, &TrayIcon::setAlerts);
    if (!m_trayIcon->systemTrayIcon())
        return;
    // The tray's states stay live while the Destinations page, which asks
    // every 2 s, is not shown.
    auto *trayTimer = new QTimer(this);
    trayTimer->setInterval(TrayRefreshMs);
    connect(trayTimer, &QTimer::timeout, this, [this] {
        if (m_storeOpen && !(currentPage() == Page::Destinations && isVisible()))
            m_engine->listDestinations();
    });
    trayTimer->start();
}

DestinationSettingsDialog *MainWindow::openAlertSettings(const QString &destinationId)
{
    DestinationSettingsDialog *dialog = openDestinationSettings(destinationId);
    if (dialog)
        dialog->setCurrentTab(DestinationSettingsDialog::AlertsTab);
    return dialog;
}

} // namespace outflow::ui
