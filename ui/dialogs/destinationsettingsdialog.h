#pragma once

#include "settings/destinationdraft.h"

#include <QDialog>
#include <QList>

class QDialogButtonBox;
class QLabel;
class QTabWidget;

namespace outflow::ui {

class DestinationEditor;
class EngineHost;

// Edit a destination (issue #16): the wizard's editors in tabs, over a draft
// read from the store. Secrets are never loaded: their fields say they are in
// the keychain, and only the ones retyped are written. OK checks every tab
// and shows the first that refuses (KeePassXC's settings dialog), then saves
// the secrets, then the destination; its dataflow and queued exports stay,
// and its sender restarts with the new settings at once.
class DestinationSettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DestinationSettingsDialog)

public:
    enum Tab { ConnectionTab, AuthenticationTab, DetailsTab, TlsTab, AlertsTab };
    Q_ENUM(Tab)

    DestinationSettingsDialog(EngineHost &host, const QString &destinationId,
                              const QStringList &otherNames, QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    // Opens on this tab (the Alerts page's Alert Settings…: AlertsTab).
    void setCurrentTab(Tab tab);
    Tab currentTab() const;
    DestinationEditor *editor(Tab tab) const { return m_editors.at(tab); }
    QLabel *errorLabel() const { return m_error; }
    bool isLoaded() const { return m_loaded; }
    bool isSaving() const { return m_saveRequest != 0; }

public slots:
    void accept() override;

signals:
    void destinationSaved(const QString &id, const QString &name);

private:
    void loaded(quint64 requestId, const Destination &destination, const QString &error);
    void saved(quint64 requestId, bool ok, bool keychainRefused, const QString &error);
    void showError(const QString &error);

    EngineHost &m_host;
    DestinationDraft m_draft;
    QTabWidget *m_tabs;
    QList<DestinationEditor *> m_editors; // by Tab
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    quint64 m_readRequest = 0;
    quint64 m_saveRequest = 0;
    bool m_loaded = false;
};

} // namespace outflow::ui
