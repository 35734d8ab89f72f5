#include "destinationwizard.h"

#include "authpage.h"
#include "editorpage.h"
#include "enginehost.h"
#include "reviewpage.h"
#include "settings/alertseditor.h"
#include "settings/connectioneditor.h"
#include "settings/detailseditor.h"
#include "settings/tlseditor.h"

#include <QAbstractButton>
#include <QUuid>

namespace outflow::ui {

namespace {

EditorPage *editorPageFor(DestinationEditor *editor, DestinationDraft &draft, const QString &title,
                          const QString &subTitle)
{
    return (new EditorPage(editor, draft))->titled(title, subTitle);
}

} // namespace

DestinationWizard::DestinationWizard(EngineHost &host, const QStringList &existingNames,
                                     QWidget *parent)
    : QWizard(parent)
    , m_host(host)
    , m_auth(new AuthPage(host, m_draft))
    , m_review(new ReviewPage(host, m_draft))
{
    setObjectName(QStringLiteral("destinationWizard"));
    setWindowTitle(tr("Connect a Destination"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);
    m_draft.destination.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_draft.otherNames = existingNames;
    // The reference's default alerts: failures and delays are what an
    // administrator must hear about.
    m_draft.destination.alerts = {QStringLiteral("delivery-failure-rate"),
                                  QStringLiteral("delivery-delay"), QStringLiteral("auth-failure")};

    setPage(ConnectPage,
            editorPageFor(new ConnectionEditor, m_draft, tr("Connect"),
                          tr("An HTTP API destination receives each profile export as a JSON "
                             "POST request.")));
    setPage(AuthenticatePage, m_auth);
    setPage(DetailsPage, editorPageFor(new DetailsEditor, m_draft, tr("Destination details"),
                                       tr("Where the exports go and what travels with them.")));
    setPage(TlsPage,
            editorPageFor(new TlsEditor, m_draft, tr("TLS"),
                          tr("The authorities the server's certificate must chain to, and the "
                             "client certificate presented for mutual TLS.")));
    setPage(AlertsPage, editorPageFor(new AlertsEditor, m_draft, tr("Alerts"),
                                      tr("What Outflow tells you about this dataflow.")));
    setPage(ReviewPageId, m_review);
    setStartId(ConnectPage);
    resize(760, 620);

    connect(&m_host, &EngineHost::destinationSaved, this, &DestinationWizard::saved);
}

DestinationWizard::~DestinationWizard()
{
    m_auth->cancelCheck();
}

EditorPage *DestinationWizard::editorPage(PageId id) const
{
    return qobject_cast<EditorPage *>(page(id));
}

int DestinationWizard::nextId() const
{
    switch (currentId()) {
    case ConnectPage:
        return AuthenticatePage;
    case AuthenticatePage:
        return DetailsPage;
    case DetailsPage:
        return m_draft.wantsTls ? TlsPage : AlertsPage;
    case TlsPage:
        return AlertsPage;
    case AlertsPage:
        return ReviewPageId;
    default:
        return -1;
    }
}

// Finish: the keychain, then the store; the wizard closes once both are done.
void DestinationWizard::accept()
{
    if (isSaving())
        return;
    if (!m_draft.wantsTls) {
        m_draft.destination.clientCertPath.clear();
        m_draft.destination.clientKeyPath.clear();
        m_draft.destination.caCertPath.clear();
        m_draft.secrets.keyPassphrase.clear();
    }
    m_review->setSaving(true);
    button(QWizard::BackButton)->setEnabled(false);
    button(QWizard::CancelButton)->setEnabled(false);
    m_saveRequest = m_host.saveDestination(m_draft.split().destination, m_draft.secretsToWrite());
}

void DestinationWizard::saved(quint64 requestId, bool ok, bool keychainRefused,
                              const QString &error)
{
    if (requestId != m_saveRequest)
        return;
    m_saveRequest = 0;
    m_review->setSaving(false);
    button(QWizard::BackButton)->setEnabled(true);
    button(QWizard::CancelButton)->setEnabled(true);
    if (!ok) {
        m_review->showSaveError(
            keychainRefused
                ? tr("Not saved: the system keychain refused the secrets (%1). Outflow keeps "
                     "secrets nowhere else; unlock or install a keychain (GNOME Keyring, KWallet) "
                     "and press Finish again.")
                      .arg(error)
                : tr("Not saved: %1").arg(error));
        return;
    }
    const QString id = m_draft.destination.id;
    const QString name = m_draft.destination.name;
    m_draft.clearSecrets();
    emit destinationSaved(id, name);
    QWizard::accept();
}

void DestinationWizard::reject()
{
    if (isSaving())
        return; // a save under way finishes or rolls back first
    m_auth->cancelCheck();
    m_draft.clearSecrets();
    QWizard::reject();
}

} // namespace outflow::ui
