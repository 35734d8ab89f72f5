#pragma once

#include <QWidget>

class QBoxLayout;
class QLabel;

namespace outflow::ui {

// A group of fields that checks itself, hosted by a wizard page or a dialog
// tab (GUI.md §1.1, KeePassXC's settings widgets): problem() names the first
// field that is wrong, warning() what to know that does not block, and the
// message under the fields follows every change(). Subclasses add load() and
// save() over the draft they edit (DestinationEditor, ActivationEditor).
class FormEditor : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FormEditor)

public:
    explicit FormEditor(QWidget *parent = nullptr);

    // The first problem with the fields, one sentence naming it; empty: none.
    virtual QString problem() const = 0;
    // Something to know that does not block (a token URL in cleartext, a
    // certificate expiring soon); empty: nothing.
    virtual QString warning() const { return {}; }
    // A check still to run (the TLS files are read after a pause in typing):
    // the page is not complete meanwhile. settle() runs it now.
    virtual bool isBusy() const { return false; }
    virtual void settle() {}

    QLabel *messageLabel() const { return m_message; }

signals:
    void changed();

protected:
    // Puts the message label at the bottom of `layout`'s owner; call once the
    // fields are laid out.
    void addMessageLabel(QBoxLayout *layout);
    void refreshMessage();
    // A form label for `buddy` (its mnemonic moves the focus there), which
    // also names the field for assistive technology.
    static QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent);

private:
    QLabel *m_message;
};

} // namespace outflow::ui
