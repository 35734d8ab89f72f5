#include "destinationsettingsdialog.h"

#include "enginehost.h"
#include "settings/alertseditor.h"
#include "settings/authenticationeditor.h"
#include "settings/connectioneditor.h"
#include "settings/detailseditor.h"
#include "settings/tlseditor.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace outflow::ui {

DestinationSettingsDialog::DestinationSettingsDialog(EngineHost &host, const QString &destinationId,
                                                     const QStringList &otherNames, QWidget *parent)
    : QDialog(parent)
    , m_host(host)
    , m_tabs(new QTabWidget(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("destinationSettingsDialog"));
    setWindowTitle(tr("Edit Destination"));
    m_draft.editing = true;
    m_draft.otherNames = otherNames;
    auto *details = new DetailsEditor;
    details->setTlsSwitchVisible(false);
    m_editors = {new ConnectionEditor, new AuthenticationEditor, details, new TlsEditor,
                 new AlertsEditor};
    // No mnemonics on the tabs: they would collide with the fields' (Alt+A is
    // already Authentication's type); Ctrl+Tab and Ctrl+PgDown switch tabs.
    m_tabs->addTab(m_editors.at(ConnectionTab), tr("Connection"));
    m_tabs->addTab(m_editors.at(AuthenticationTab), tr("Authentication"));
    m_tabs->addTab(m_editors.at(DetailsTab), tr("Details"));
    m_tabs->addTab(m_editors.at(TlsTab), tr("TLS"));
    m_tabs->addTab(m_editors.at(AlertsTab), tr("Alerts"));
    m_tabs->setAccessibleName(tr("Destination settings"));
    m_tabs->setEnabled(false);
    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setText(tr("Reading the destination…"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    resize(760, 640);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &DestinationSettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &DestinationSettingsDialog::reject);
    connect(&m_host, &EngineHost::destinationRead, this, &DestinationSettingsDialog::loaded);
    connect(&m_host, &EngineHost::destinationSaved, this, &DestinationSettingsDialog::saved);
    m_readRequest = m_host.readDestination(destinationId);
}

void DestinationSettingsDialog::loaded(quint64 requestId, const Destination &destination,
                                       const QString &error)
{
    if (requestId != m_readRequest)
        return;
    m_readRequest = 0;
    if (!error.isEmpty()) {
        showError(error);
        return;
    }
    m_draft.destination = destination;
    m_draft.original = destination;
    m_draft.storedKinds = DestinationSecrets::usedBy(destination);
    m_draft.wantsTls = true;
    for (DestinationEditor *editor : std::as_const(m_editors))
        editor->load(m_draft);
    m_loaded = true;
    m_tabs->setEnabled(true);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    showError({});
}

void DestinationSettingsDialog::setCurrentTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

DestinationSettingsDialog::Tab DestinationSettingsDialog::currentTab() const
{
    return Tab(m_tabs->currentIndex());
}

void DestinationSettingsDialog::showError(const QString &error)
{
    m_error->setText(error);
    m_error->setAccessibleName(error);
    m_error->setVisible(!error.isEmpty());
}

void DestinationSettingsDialog::accept()
{
    if (!m_loaded || isSaving())
        return;
    for (int tab = 0; tab < m_editors.size(); ++tab) {
        m_editors.at(tab)->settle();
        const QString problem = m_editors.at(tab)->problem();
        if (!problem.isEmpty()) {
            m_tabs->setCurrentIndex(tab);
            showError(problem);
            return;
        }
    }
    for (DestinationEditor *editor : std::as_const(m_editors))
        editor->save(m_draft);
    showError({});
    m_buttons->setEnabled(false);
    m_saveRequest = m_host.saveDestination(m_draft.split().destination, m_draft.secretsToWrite());
}

void DestinationSettingsDialog::saved(quint64 requestId, bool ok, bool keychainRefused,
                                      const QString &error)
{
    if (requestId != m_saveRequest)
        return;
    m_saveRequest = 0;
    m_buttons->setEnabled(true);
    if (!ok) {
        showError(keychainRefused
                      ? tr("Not saved: the system keychain refused the secrets (%1).").arg(error)
                      : tr("Not saved: %1").arg(error));
        return;
    }
    // A change of authentication leaves secrets nothing uses any more.
    m_host.forgetSecrets(m_draft.keychainKeysToForget());
    m_draft.clearSecrets();
    emit destinationSaved(m_draft.destination.id, m_draft.destination.name);
    QDialog::accept();
}

} // namespace outflow::ui
