#include "authenticationeditor.h"

#include "delivery/destinationconfig.h"
#include "destinationdraft.h"
#include "widgets/secretlineedit.h"

#include <QComboBox>
#include <QCryptographicHash>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace outflow::ui {

namespace {

using Kind = DestinationSecrets::Kind;

enum Page { NoFields, BearerFields, OAuth2Fields };

} // namespace

AuthenticationEditor::AuthenticationEditor(QWidget *parent)
    : DestinationEditor(parent)
    , m_type(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_bearerToken(new SecretLineEdit(this))
    , m_tokenUrl(new QLineEdit(this))
    , m_clientId(new QLineEdit(this))
    , m_clientSecret(new SecretLineEdit(this))
    , m_credentialsIn(new QComboBox(this))
    , m_username(new QLineEdit(this))
    , m_password(new SecretLineEdit(this))
{
    m_type->setObjectName(QStringLiteral("authTypeCombo"));
    m_type->addItem(tr("None"), int(AuthType::None));
    m_type->addItem(tr("Bearer token"), int(AuthType::Bearer));
    m_type->addItem(tr("OAuth 2 with password"), int(AuthType::OAuth2Password));
    m_type->addItem(tr("OAuth 2 with client credentials"), int(AuthType::OAuth2ClientCredentials));
    m_bearerToken->setObjectName(QStringLiteral("bearerTokenEdit"));
    m_bearerToken->setToolTip(tr("The token sent in the Authorization header of every export."));
    m_tokenUrl->setObjectName(QStringLiteral("tokenUrlEdit"));
    m_tokenUrl->setPlaceholderText(QStringLiteral("https://auth.example.com/oauth2/token"));
    m_tokenUrl->setToolTip(tr("The URL the access token is requested from. It may carry at "
                              "most one query parameter."));
    m_clientId->setObjectName(QStringLiteral("clientIdEdit"));
    m_clientSecret->setObjectName(QStringLiteral("clientSecretEdit"));
    m_credentialsIn->setObjectName(QStringLiteral("credentialsInCombo"));
    m_credentialsIn->addItem(tr("Body form encoded"), int(CredentialsPlacement::Body));
    m_credentialsIn->addItem(tr("Basic authorization"), int(CredentialsPlacement::BasicHeader));
    m_credentialsIn->setToolTip(tr("Body form encoded: the client id and secret go in the token "
                                   "request's body. Basic authorization: in its Authorization "
                                   "header."));
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));

    auto *typeForm = new QFormLayout;
    typeForm->addRow(buddyLabel(tr("&Authentication:"), m_type, this), m_type);

    m_pages->addWidget(new QWidget(m_pages)); // NoFields
    auto *bearer = new QWidget(m_pages);
    auto *bearerForm = new QFormLayout(bearer);
    bearerForm->setContentsMargins(0, 0, 0, 0);
    bearerForm->addRow(buddyLabel(tr("Bearer &token:"), m_bearerToken, bearer), m_bearerToken);
    m_pages->addWidget(bearer);
    auto *oauth2 = new QWidget(m_pages);
    auto *oauth2Form = new QFormLayout(oauth2);
    oauth2Form->setContentsMargins(0, 0, 0, 0);
    oauth2Form->addRow(buddyLabel(tr("Token &URL:"), m_tokenUrl, oauth2), m_tokenUrl);
    oauth2Form->addRow(buddyLabel(tr("Client &ID:"), m_clientId, oauth2), m_clientId);
    oauth2Form->addRow(buddyLabel(tr("Client &secret:"), m_clientSecret, oauth2), m_clientSecret);
    m_credentialsInLabel = buddyLabel(tr("Send client &credentials as:"), m_credentialsIn, oauth2);
    oauth2Form->addRow(m_credentialsInLabel, m_credentialsIn);
    m_usernameLabel = buddyLabel(tr("Us&ername:"), m_username, oauth2);
    oauth2Form->addRow(m_usernameLabel, m_username);
    m_passwordLabel = buddyLabel(tr("&Password:"), m_password, oauth2);
    oauth2Form->addRow(m_passwordLabel, m_password);
    m_pages->addWidget(oauth2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(typeForm);
    layout->addWidget(m_pages);
    addMessageLabel(layout);
    layout->addStretch();

    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        showFieldsOfType();
        emit changed();
    });
    for (QLineEdit *field : {static_cast<QLineEdit *>(m_bearerToken), m_tokenUrl, m_clientId,
                             static_cast<QLineEdit *>(m_clientSecret), m_username,
                             static_cast<QLineEdit *>(m_password)})
        connect(field, &QLineEdit::textChanged, this, &DestinationEditor::changed);
    connect(m_credentialsIn, &QComboBox::currentIndexChanged, this, &DestinationEditor::changed);
    showFieldsOfType();
}

void AuthenticationEditor::showFieldsOfType()
{
    const auto type = AuthType(m_type->currentData().toInt());
    m_pages->setCurrentIndex(type == AuthType::None     ? NoFields
                             : type == AuthType::Bearer ? BearerFields
                                                        : OAuth2Fields);
    const bool password = type == AuthType::OAuth2Password;
    for (QWidget *widget :
         {static_cast<QWidget *>(m_usernameLabel), static_cast<QWidget *>(m_username),
          static_cast<QWidget *>(m_passwordLabel), static_cast<QWidget *>(m_password)})
        widget->setVisible(password);
}

void AuthenticationEditor::load(const DestinationDraft &draft)
{
    const Destination &d = draft.destination;
    m_editing = draft.editing;
    m_storedKinds.clear();
    for (const Kind kind : draft.storedKinds)
        m_storedKinds.append(int(kind));
    m_type->setCurrentIndex(m_type->findData(int(d.auth)));
    m_tokenUrl->setText(d.tokenUrl.toString());
    m_clientId->setText(d.clientId);
    m_credentialsIn->setCurrentIndex(m_credentialsIn->findData(int(d.credentialsIn)));
    m_username->setText(d.username);
    // Secrets: what was typed in this draft (Back then Next), never the keychain's.
    m_bearerToken->setText(draft.secrets.bearerToken);
    m_clientSecret->setText(draft.secrets.clientSecret);
    m_password->setText(draft.secrets.password);
    m_bearerToken->setStoredInKeychain(m_storedKinds.contains(int(Kind::BearerToken)));
    m_clientSecret->setStoredInKeychain(m_storedKinds.contains(int(Kind::ClientSecret)));
    m_password->setStoredInKeychain(m_storedKinds.contains(int(Kind::Password)));
    showFieldsOfType();
}

void AuthenticationEditor::save(DestinationDraft &draft) const
{
    Destination &d = draft.destination;
    d.auth = AuthType(m_type->currentData().toInt());
    const bool oauth2 =
        d.auth == AuthType::OAuth2ClientCredentials || d.auth == AuthType::OAuth2Password;
    QString ignored;
    d.tokenUrl = oauth2 ? parseTokenUrl(m_tokenUrl->text(), &ignored).value_or(QUrl()) : QUrl();
    d.clientId = oauth2 ? m_clientId->text().trimmed() : QString();
    d.credentialsIn = CredentialsPlacement(m_credentialsIn->currentData().toInt());
    d.username = d.auth == AuthType::OAuth2Password ? m_username->text().trimmed() : QString();
    draft.secrets.bearerToken = d.auth == AuthType::Bearer ? m_bearerToken->text() : QString();
    draft.secrets.clientSecret = oauth2 ? m_clientSecret->text() : QString();
    draft.secrets.password = d.auth == AuthType::OAuth2Password ? m_password->text() : QString();
}

QString AuthenticationEditor::problem() const
{
    const auto type = AuthType(m_type->currentData().toInt());
    const auto missing = [this](const SecretLineEdit *field, Kind kind) {
        return field->text().isEmpty() && !m_storedKinds.contains(int(kind));
    };
    if (type == AuthType::Bearer && missing(m_bearerToken, Kind::BearerToken))
        return tr("Bearer token: type the token.");
    if (type != AuthType::OAuth2ClientCredentials && type != AuthType::OAuth2Password)
        return {};
    QString error;
    if (!parseTokenUrl(m_tokenUrl->text(), &error))
        return error;
    if (m_clientId->text().trimmed().isEmpty())
        return tr("Client ID: type the client id the token endpoint knows this client by.");
    if (missing(m_clientSecret, Kind::ClientSecret))
        return tr("Client secret: type the client secret.");
    if (type == AuthType::OAuth2Password) {
        if (m_username->text().trimmed().isEmpty())
            return tr("Username: type the user the token is requested for.");
        if (missing(m_password, Kind::Password))
            return tr("Password: type the user's password.");
    }
    return {};
}

QString AuthenticationEditor::warning() const
{
    const auto type = AuthType(m_type->currentData().toInt());
    if (type != AuthType::OAuth2ClientCredentials && type != AuthType::OAuth2Password)
        return {};
    QString error;
    QStringList warnings;
    parseTokenUrl(m_tokenUrl->text(), &error, &warnings);
    return warnings.join(u' ');
}

QByteArray AuthenticationEditor::fingerprint() const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &part :
         {m_type->currentData().toString(), m_tokenUrl->text(), m_clientId->text(),
          m_credentialsIn->currentData().toString(), m_username->text(), m_clientSecret->text(),
          m_password->text(), m_bearerToken->text()}) {
        hash.addData(part.toUtf8());
        hash.addData(QByteArrayView("\n", 1));
    }
    return hash.result();
}

} // namespace outflow::ui
