#include "mainwindow.h"

#include "aboutdialog.h"
#include "alertspage.h"
#include "app/appinfo.h"
#include "app/settings.h"
#include "audiencespage.h"
#include "desktopnotifier.h"
#include "enginehost.h"
#include "pages/destinationspage.h"
#include "pages/profilespage.h"
#include "secrets/secretstore.h"
#include "storemaintenancedialog.h"
#include "widgets/filedialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTimer>

namespace outflow::ui {

MainWindow::MainWindow(Settings &settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_navigationModel(new QStandardItemModel(this))
    , m_navigation(new QListView(this))
    , m_pages(new QStackedWidget(this))
    , m_keychainStatus(new QLabel(this))
    , m_demoStatus(new QLabel(this))
    , m_ingestStatus(new QLabel(this))
    , m_notifier(new DesktopNotifier(settings, this))
    , m_secrets(new SecretStore(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QString(appinfo::displayName));

    m_navigation->setObjectName(QStringLiteral("navigationListView"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setModel(m_navigationModel);
    m_navigation->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_navigation->setSelectionMode(QAbstractItemView::SingleSelection);
    m_navigation->setIconSize(QSize(24, 24));
    m_navigation->setSpacing(2);
    m_pages->setObjectName(QStringLiteral("pagesStackedWidget"));

    createPages();
    createMenus();

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({180, 720});
    setCentralWidget(splitter);

    m_keychainStatus->setObjectName(QStringLiteral("keychainStatusLabel"));
    m_keychainStatus->setText(tr("Keychain: checking…"));
    m_demoStatus->setObjectName(QStringLiteral("demoStatusLabel"));
    m_demoStatus->hide();
    m_ingestStatus->setObjectName(QStringLiteral("ingestStatusLabel"));
    m_ingestStatus->hide();
    statusBar()->addWidget(m_demoStatus);
    statusBar()->addWidget(m_ingestStatus);
    statusBar()->addPermanentWidget(m_keychainStatus);

    connect(m_navigation->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!current.isValid())
                    return;
                m_pages->setCurrentIndex(current.row());
                if (current.row() == int(Page::Destinations) && m_engine && m_storeOpen)
                    m_engine->listDestinations();
                // outflowctl may have changed them since the last snapshot.
                if (current.row() == int(Page::Audiences) && m_engine && m_storeOpen)
                    m_engine->refreshAudiences();
                // `outflowctl run` on the same store may have raised some.
                if (current.row() == int(Page::Alerts) && m_engine && m_storeOpen)
                    m_alertsPage->refresh();
            });

    // Every ask is answered, even without an engine, so that the page's
    // coalescing never waits for an answer that cannot come.
    connect(m_alertsPage, &AlertsPage::alertsRequested, this, [this](bool includeResolved) {
        if (m_engine)
            m_engine->refreshAlerts(includeResolved);
        else
            m_alertsPage->setAlerts({});
    });

    resize(1180, 700); // the Destinations table's nine columns fit, in French too
    restoreState();
    checkKeychain();
}

MainWindow::~MainWindow() = default;

void MainWindow::showProfile(const QString &identityNamespace, const QString &identityId)
{
    showPage(Page::Profiles);
    m_profilesPage->showProfile(identityNamespace, identityId);
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    m_newDestinationAction = fileMenu->addAction(tr("&Connect a Destination…"), this,
                                                 &MainWindow::openDestinationWizard);
    m_newDestinationAction->setObjectName(QStringLiteral("newDestinationAction"));
    m_newDestinationAction->setShortcut(QKeySequence::New);
    m_newDestinationAction->setEnabled(false); // until the store is open
    fileMenu->addSeparator();
    // Both work while the engine runs, and also when it refused a damaged store.
    m_checkStoreAction = fileMenu->addAction(tr("&Check Store…"), this, &MainWindow::checkStore);
    m_checkStoreAction->setObjectName(QStringLiteral("checkStoreAction"));
    m_checkStoreAction->setEnabled(false); // until there is an engine
    m_checkStoreAction->setToolTip(tr("Verify every page of the store and its references"));
    m_backupStoreAction =
        fileMenu->addAction(tr("&Back Up Store…"), this, &MainWindow::backUpStore);
    m_backupStoreAction->setObjectName(QStringLiteral("backupStoreAction"));
    m_backupStoreAction->setEnabled(false);
    m_backupStoreAction->setToolTip(tr("Copy the store into a new file while Outflow runs"));
    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(QIcon::fromTheme(QStringLiteral("application-exit")),
                                              tr("&Quit"), qApp, &QApplication::quit);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setObjectName(QStringLiteral("quitAction"));

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    const QList<QKeySequence> shortcuts{Qt::CTRL | Qt::Key_1, Qt::CTRL | Qt::Key_2,
                                        Qt::CTRL | Qt::Key_3, Qt::CTRL | Qt::Key_4,
                                        Qt::CTRL | Qt::Key_5, Qt::CTRL | Qt::Key_6};
    for (int row = 0; row < PageCount; ++row) {
        QAction *action = viewMenu->addAction(m_navigationModel->item(row)->text(), this,
                                              [this, row] { showPage(static_cast<Page>(row)); });
        action->setShortcut(shortcuts.at(row));
    }

    QMenu *toolsMenu = menuBar()->addMenu(tr("&Tools"));
    m_ingestAction = toolsMenu->addAction(tr("Local &Ingest Endpoint"));
    m_ingestAction->setObjectName(QStringLiteral("ingestAction"));
    m_ingestAction->setCheckable(true);
    m_ingestAction->setChecked(m_settings.value(Settings::Key::IngestEnabled).toBool());
    m_ingestAction->setEnabled(false); // until the store is open
    m_ingestAction->setToolTip(
        tr("Accept profile fragments on http://127.0.0.1:%1/v1/fragments (bearer token: "
           "outflowctl ingest-token)")
            .arg(m_settings.ingestPort()));
    connect(m_ingestAction, &QAction::toggled, this, &MainWindow::setIngestEnabled);

    // The off switch: alerts are still raised and listed, only not announced.
    toolsMenu->addSeparator();
    m_notificationsAction = toolsMenu->addAction(tr("Desktop &Notifications for Alerts"));
    m_notificationsAction->setObjectName(QStringLiteral("notificationsAction"));
    m_notificationsAction->setCheckable(true);
    m_notificationsAction->setChecked(m_settings.notificationsEnabled());
    m_notificationsAction->setToolTip(tr("Announce each new alert with a desktop notification"));
    connect(m_notificationsAction, &QAction::toggled, this, [this](bool enabled) {
        m_settings.setValue(Settings::Key::NotificationsEnabled, enabled);
        m_settings.sync();
    });

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *aboutAction = helpMenu->addAction(tr("&About %1").arg(appinfo::displayName), this,
                                               &MainWindow::showAbout);
    aboutAction->setObjectName(QStringLiteral("aboutAction"));
    helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

MainWindow::Page MainWindow::currentPage() const
{
    return static_cast<Page>(m_pages->currentIndex());
}

void MainWindow::showPage(Page page)
{
    const int row = static_cast<int>(page);
    if (row < 0 || row >= PageCount)
        return;
    m_navigation->setCurrentIndex(m_navigationModel->index(row, 0));
    m_pages->setCurrentIndex(row);
}

void MainWindow::setDemoReceiver(const QUrl &url)
{
    m_demoStatus->setText(tr("Demo receiver: %1").arg(url.toDisplayString()));
    m_demoStatus->setVisible(url.isValid());
}

void MainWindow::setEngine(EngineHost *engine)
{
    m_engine = engine;
    m_checkStoreAction->setEnabled(true);
    m_backupStoreAction->setEnabled(true);
    connect(engine, &EngineHost::storeOpened, this, [this] {
        m_storeOpen = true;
        m_newDestinationAction->setEnabled(true);
        m_ingestAction->setEnabled(true);
        if (m_ingestAction->isChecked())
            setIngestEnabled(true);
        m_alertsPage->refresh();
        m_engine->listDestinations();
    });
    // The page's figures live: a snapshot every 2 s while it is shown, and at
    // once when a destination changes (here or through outflowctl).
    auto *destinationsTimer = new QTimer(this);
    destinationsTimer->setInterval(DestinationsRefreshMs);
    connect(destinationsTimer, &QTimer::timeout, this, [this] {
        if (m_storeOpen && currentPage() == Page::Destinations && isVisible())
            m_engine->listDestinations();
    });
    destinationsTimer->start();
    connect(engine, &EngineHost::destinationsChanged, this, [this] {
        if (m_storeOpen)
            m_engine->listDestinations();
    });
    connect(engine, &EngineHost::deliveryProblem, this, [this] {
        if (m_storeOpen)
            m_engine->listDestinations();
    });
    connect(engine, &EngineHost::destinationsListed, m_destinationsPage,
            &DestinationsPage::setDestinations);
    connectDestinationPage(engine);
    connectPages(engine);
    connect(engine, &EngineHost::failed, this, [this](const QString &message) {
        statusBar()->showMessage(message);
        if (!m_storeOpen)
            showStoreRefused(message);
        if (m_storeOpen && m_ingestAction->isChecked())
            showIngestStatus(tr("Ingest: stopped"), message);
    });
    connect(engine, &EngineHost::ingestEndpointStarted, this, [this](quint16 port) {
        showIngestStatus(tr("Ingest: http://127.0.0.1:%1/v1/fragments").arg(port),
                         tr("Bearer token: outflowctl ingest-token"));
    });
}

void MainWindow::checkStore()
{
    if (!m_engine)
        return;
    auto *dialog = new StoreMaintenanceDialog(m_engine, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::backUpStore()
{
    if (!m_engine)
        return;
    const QFileInfo store(m_engine->storePath());
    const QString proposed = store.absoluteDir().filePath(
        tr("outflow-backup-%1.sqlite").arg(QDate::currentDate().toString(Qt::ISODate)));
    const QString target = FileDialog::saveFileName(this, tr("Back Up Store"), proposed,
                                                    tr("Outflow stores (*.sqlite);;All files (*)"));
    if (target.isEmpty())
        return;
    auto *dialog = new StoreMaintenanceDialog(m_engine, target, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

// The store could not be opened (damaged, newer, not a store): said where it
// cannot be missed, with the check one click away.
void MainWindow::showStoreRefused(const QString &message)
{
    auto *box = new QMessageBox(QMessageBox::Critical, tr("The store cannot be opened"), message,
                                QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("storeRefusedMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *check = box->addButton(tr("&Check Store…"), QMessageBox::ActionRole);
    connect(check, &QPushButton::clicked, this, &MainWindow::checkStore);
    box->open();
}

void MainWindow::setIngestEnabled(bool enabled)
{
    m_settings.setValue(Settings::Key::IngestEnabled, enabled);
    if (!m_engine || !m_storeOpen)
        return;
    if (enabled) {
        showIngestStatus(tr("Ingest: starting…"));
        m_engine->startIngestEndpoint(quint16(m_settings.ingestPort()));
    } else {
        m_engine->stopIngestEndpoint();
        showIngestStatus(QString());
    }
}

void MainWindow::showIngestStatus(const QString &text, const QString &toolTip)
{
    m_ingestStatus->setText(text);
    m_ingestStatus->setToolTip(toolTip);
    m_ingestStatus->setVisible(!text.isEmpty());
    emit ingestStatusChanged(text);
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::restoreState()
{
    restoreGeometry(m_settings.value(Settings::Key::MainWindowGeometry).toByteArray());
    QMainWindow::restoreState(m_settings.value(Settings::Key::MainWindowState).toByteArray());
    const int last = m_settings.value(Settings::Key::LastPage).toInt();
    showPage(static_cast<Page>(last >= 0 && last < PageCount ? last : 0));
}

void MainWindow::saveState()
{
    m_settings.setValue(Settings::Key::MainWindowGeometry, saveGeometry());
    m_settings.setValue(Settings::Key::MainWindowState, QMainWindow::saveState());
    m_settings.setValue(Settings::Key::LastPage, static_cast<int>(currentPage()));
    m_settings.sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    QMainWindow::closeEvent(event);
}

// Reads a key that is never written: "not found" proves a keychain answers.
// Asynchronous, so a slow or absent keyring never stalls the window.
void MainWindow::checkKeychain()
{
    SecretRequest *request = m_secrets->read(QStringLiteral("outflow/keychain-probe"));
    connect(request, &SecretRequest::finished, this, &MainWindow::showKeychainResult);
}

void MainWindow::showKeychainResult(const SecretResult &result)
{
    const bool available = !result.isError();
    m_keychainStatus->setText(available ? tr("Keychain: available")
                                        : tr("Keychain: not available"));
    m_keychainStatus->setToolTip(available ? tr("Secrets are stored in the system keychain.")
                                           : result.message());
    if (!available)
        statusBar()->showMessage(result.message());
    emit keychainChecked(available);
}

} // namespace outflow::ui
