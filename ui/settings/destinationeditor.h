#pragma once

#include <QString>
#include <QWidget>

class QBoxLayout;
class QLabel;

namespace outflow::ui {

struct DestinationDraft;

// One part of a destination's settings, shared by the wizard (one page each)
// and the Edit dialog (one tab each): GUI.md §1.1, KeePassXC's settings
// widgets. load() fills the fields from the draft, save() writes them back;
// problem() checks what is typed with the same functions as the CLI
// (DestinationConfig) and names the field. The message under the fields
// follows every change.
class DestinationEditor : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DestinationEditor)

public:
    explicit DestinationEditor(QWidget *parent = nullptr);

    virtual void load(const DestinationDraft &draft) = 0;
    virtual void save(DestinationDraft &draft) const = 0;
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
