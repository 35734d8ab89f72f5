#pragma once

#include <QHash>
#include <QMainWindow>
#include <QSet>
#include <QUrl>

class QDialog;
class QLabel;
class QListView;
class QStackedWidget;
class QStandardItemModel;

namespace outflow {
class Settings;
class SecretStore;
struct SecretResult;
} // namespace outflow

namespace outflow::ui {

class AlertsPage;
class DestinationSettingsDialog;
class DestinationWizard;
class DeliveriesPage;
class DestinationsPage;
class MonitoringPage;
class AudiencesPage;
class DesktopNotifier;
class EngineHost;
class ProfilesPage;
class TrayIcon;

// The shell: navigation on the left, one page per area on the right, the
// keychain state in the status bar. Pages are views the Engine feeds; the
// window itself never talks SQL or HTTP.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum class Page { Destinations, Audiences, Profiles, Monitoring, Deliveries, Alerts };
    Q_ENUM(Page)
    static constexpr int PageCount = 6;

    explicit MainWindow(Settings &settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    Page currentPage() const;
    void showPage(Page page);
    QStandardItemModel *navigationModel() const { return m_navigationModel; }
    // Shows the engine's new alerts on the desktop (owned by the window).
    DesktopNotifier *notifier() const { return m_notifier; }
    // The system tray's status of the dataflows (owned by the window; made
    // by setEngine(), nullptr before).
    TrayIcon *trayIcon() const { return m_trayIcon; }

    // Shown in the status bar so that a demo user knows where exports go.
    void setDemoReceiver(const QUrl &url);

    // Connects the window to the engine (not owned): store state and the
    // local ingest endpoint, started now when the settings enable it; new
    // alerts to the desktop notifier; the pages to the lists they show.
    void setEngine(EngineHost *engine);

    // The destination wizard and the Edit dialog (mainwindowdestinations.cpp),
    // window-modal, deleted on close; returned for tests. Nullptr without an
    // open store.
    DestinationWizard *openDestinationWizard();
    DestinationSettingsDialog *openDestinationSettings(const QString &destinationId);
    // The Edit dialog on its Alerts tab: subscriptions and thresholds
    // (the Alerts page's Alert Settings…, mainwindowpages.cpp).
    DestinationSettingsDialog *openAlertSettings(const QString &destinationId);
    // Reads the destination's activation, then opens the activation wizard
    // (no dataflow yet) or the Edit Activation dialog; activationOpened()
    // says which.
    void openActivation(const QString &destinationId);
    // The Profiles page, showing the profile owning this identity ("Show
    // profile" from other pages).
    void showProfile(const QString &identityNamespace, const QString &identityId);

public slots:
    void saveState();
    void showAbout();

signals:
    void keychainChecked(bool available);
    void ingestStatusChanged(const QString &status);
    // openActivation() opened the activation wizard or the Edit Activation
    // dialog (or failed: nullptr, the error on the Destinations page).
    void activationOpened(QDialog *window);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void createPages();
    void restoreState();
    void checkKeychain();
    void showKeychainResult(const SecretResult &result);
    void setIngestEnabled(bool enabled);
    void showIngestStatus(const QString &text, const QString &toolTip = {});
    void checkStore();
    void backUpStore();
    void showStoreRefused(const QString &message);
    void connectDestinationPage(EngineHost *engine);
    // Feeds the other pages (mainwindowpages.cpp).
    void connectPages(EngineHost *engine);
    // The Alerts page's actions and the tray icon (mainwindowpages.cpp).
    void connectAlerts(EngineHost *engine);
    QStringList destinationNames(const QString &exceptId = {}) const;

    Settings &m_settings;
    QStandardItemModel *m_navigationModel;
    QListView *m_navigation;
    QStackedWidget *m_pages;
    static constexpr int DestinationsRefreshMs = 2000;
    DestinationsPage *m_destinationsPage = nullptr;
    QHash<quint64, QString> m_destinationTests; // Send test requests: destination ids
    quint64 m_activationRead = 0;               // openActivation()'s read
    QString m_pendingSelection;                 // a destination just saved, selected once listed
    AudiencesPage *m_audiencesPage = nullptr;
    AlertsPage *m_alertsPage = nullptr;
    ProfilesPage *m_profilesPage = nullptr;
    MonitoringPage *m_monitoringPage = nullptr;
    DeliveriesPage *m_deliveriesPage = nullptr;
    QLabel *m_keychainStatus;
    QLabel *m_demoStatus;
    QLabel *m_ingestStatus;
    QAction *m_ingestAction = nullptr;
    QAction *m_notificationsAction = nullptr;
    QAction *m_checkStoreAction = nullptr;
    QAction *m_newDestinationAction = nullptr;
    QAction *m_backupStoreAction = nullptr;
    DesktopNotifier *m_notifier;
    TrayIcon *m_trayIcon = nullptr;
    static constexpr int TrayRefreshMs = 5000;
    QSet<quint64> m_acknowledgements; // the Alerts page's, by request id
    EngineHost *m_engine = nullptr;
    bool m_storeOpen = false;
    SecretStore *m_secrets;
};

} // namespace outflow::ui
