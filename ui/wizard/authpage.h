#pragma once

#include "editorpage.h"

#include <QByteArray>

class QLabel;
class QProgressBar;
class QPushButton;

namespace outflow::ui {

class AuthenticationEditor;
class EngineHost;

// Authenticate, with the token check of GUI.md §1.2/§3.2: for OAuth2, Next
// first asks the token endpoint for a token (the Engine does it, off the GUI
// thread) and moves on only when one is issued. Meanwhile a busy bar and a
// Cancel button; a refusal is shown inline with the endpoint's status and
// OAuth2 error. An edit, Cancel or Back drops the request (its late answer is
// ignored) and a check that passed counts only for the values it checked.
class AuthPage final : public EditorPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthPage)

public:
    AuthPage(EngineHost &host, DestinationDraft &draft, QWidget *parent = nullptr);

    bool isChecking() const { return m_request != 0; }
    QLabel *checkMessage() const { return m_message; }
    QPushButton *cancelCheckButton() const { return m_cancel; }

    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;

    void cancelCheck();

private:
    void tokenChecked(quint64 requestId, const QString &error);
    void setChecking(bool checking);

    EngineHost &m_host;
    AuthenticationEditor *m_auth;
    QProgressBar *m_busy;
    QPushButton *m_cancel;
    QLabel *m_message;
    quint64 m_request = 0;
    QByteArray m_passed; // the fingerprint of the values a token was issued for
};

} // namespace outflow::ui
