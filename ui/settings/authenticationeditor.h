#pragma once

#include "destinationeditor.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;

namespace outflow::ui {

class SecretLineEdit;

// Authenticate: none, bearer token, OAuth2 password grant or OAuth2 client
// credentials (in the form body or a Basic Authorization header), with the
// reference's help texts and the token URL's warnings (DESIGN §2).
class AuthenticationEditor final : public DestinationEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthenticationEditor)

public:
    explicit AuthenticationEditor(QWidget *parent = nullptr);

    void load(const DestinationDraft &draft) override;
    void save(DestinationDraft &draft) const override;
    QString problem() const override;
    QString warning() const override;

    // What a token check depends on: a check that passed for another value
    // no longer counts (GUI.md §3.2). Hashed: the secrets are not kept in it.
    QByteArray fingerprint() const;

private:
    void showFieldsOfType();

    QComboBox *m_type;
    QStackedWidget *m_pages;
    SecretLineEdit *m_bearerToken;
    QLineEdit *m_tokenUrl;
    QLineEdit *m_clientId;
    SecretLineEdit *m_clientSecret;
    QComboBox *m_credentialsIn;
    QLabel *m_credentialsInLabel;
    QLineEdit *m_username;
    QLabel *m_usernameLabel;
    SecretLineEdit *m_password;
    QLabel *m_passwordLabel;
    bool m_editing = false;
    QList<int> m_storedKinds; // DestinationSecrets::Kind values in the keychain
};

} // namespace outflow::ui
