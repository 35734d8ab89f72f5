#include "authpage.h"

#include "enginehost.h"
#include "settings/authenticationeditor.h"
#include "settings/destinationdraft.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWizard>

namespace outflow::ui {

AuthPage::AuthPage(EngineHost &host, DestinationDraft &draft, QWidget *parent)
    : EditorPage(new AuthenticationEditor, draft, parent)
    , m_host(host)
    , m_auth(static_cast<AuthenticationEditor *>(editor()))
    , m_busy(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel the &check"), this))
    , m_message(new QLabel(this))
{
    setTitle(tr("Authenticate"));
    setAccessibleName(title());
    setSubTitle(tr("How Outflow proves who it is to your endpoint. Secrets go to the system "
                   "keychain, never to disk."));
    m_busy->setRange(0, 0);
    m_busy->setMaximumHeight(12);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Requesting a token"));
    m_cancel->setObjectName(QStringLiteral("cancelTokenCheckButton"));
    m_message->setObjectName(QStringLiteral("tokenCheckMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *row = new QHBoxLayout;
    row->addWidget(m_busy, 1);
    row->addWidget(m_cancel);
    auto *layout = static_cast<QVBoxLayout *>(this->layout());
    layout->addLayout(row);
    layout->addWidget(m_message);
    setChecking(false);
    m_message->hide();

    connect(&m_host, &EngineHost::tokenChecked, this, &AuthPage::tokenChecked);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        cancelCheck();
        m_message->setText(tr("Check cancelled: press Next to try again."));
        m_message->setStyleSheet({});
        m_message->show();
    });
    // An edit makes the running check pointless and the last verdict stale.
    connect(m_auth, &DestinationEditor::changed, this, [this] {
        if (isChecking())
            cancelCheck();
        m_message->hide();
    });
}

void AuthPage::setChecking(bool checking)
{
    m_busy->setVisible(checking);
    m_cancel->setVisible(checking);
    emit completeChanged();
}

void AuthPage::cancelCheck()
{
    if (m_request == 0)
        return;
    m_host.cancelTokenCheck(m_request);
    m_request = 0;
    setChecking(false);
}

void AuthPage::cleanupPage()
{
    cancelCheck();
    EditorPage::cleanupPage();
}

bool AuthPage::isComplete() const
{
    return !isChecking() && EditorPage::isComplete();
}

bool AuthPage::validatePage()
{
    if (!EditorPage::validatePage())
        return false;
    const AuthType type = draft().destination.auth;
    if (type != AuthType::OAuth2ClientCredentials && type != AuthType::OAuth2Password)
        return true; // nothing can be checked without sending an export
    if (m_passed == m_auth->fingerprint())
        return true;
    m_message->setText(tr("Requesting a token from %1…").arg(draft().destination.tokenUrl.host()));
    m_message->setStyleSheet({});
    m_message->show();
    m_request = m_host.checkToken(draft().destination, draft().secrets);
    setChecking(true);
    m_cancel->setFocus();
    return false;
}

void AuthPage::tokenChecked(quint64 requestId, const QString &error)
{
    if (requestId != m_request)
        return; // cancelled, or an earlier check: ignored
    m_request = 0;
    setChecking(false);
    if (!error.isEmpty()) {
        m_message->setText(tr("No token: %1").arg(error));
        m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
        m_message->show();
        return;
    }
    m_passed = m_auth->fingerprint();
    m_message->setText(tr("The token endpoint issued a token."));
    m_message->setStyleSheet({});
    wizard()->next(); // validatePage() runs again and now passes
}

} // namespace outflow::ui
