#pragma once

#include <QLineEdit>

class QAction;

namespace outflow::ui {

// A field for a secret (GUI.md §1.3, KeePassXC's PasswordWidget): password
// echo, a reveal toggle inside the field, no input-method history. In the
// Edit dialog a stored secret is never loaded: the placeholder says it is in
// the keychain, and only a value typed over it is written.
class SecretLineEdit final : public QLineEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretLineEdit)

public:
    explicit SecretLineEdit(QWidget *parent = nullptr);
    ~SecretLineEdit() override;

    // Shows "Stored in the keychain — type to replace" while empty.
    void setStoredInKeychain(bool stored);
    bool isStoredInKeychain() const { return m_stored; }
    bool isRevealed() const;
    QAction *revealAction() const { return m_reveal; }

private:
    void setRevealed(bool revealed);

    QAction *m_reveal;
    bool m_stored = false;
};

} // namespace outflow::ui
