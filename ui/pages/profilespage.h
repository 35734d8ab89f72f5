#pragma once

#include "activation/profilelineage.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTreeView;

namespace outflow::ui {

class EmptyStatePage;
class EngineHost;
class IdentitiesModel;
class JsonTreeModel;
class MembershipsModel;
class ProfileHistoryModel;

// The Profiles page (issue #17): a profile looked up by any identity
// (namespace, with completion from those in use, and id), then shown as the
// merged profile's JSON tree, its identities, its memberships, and per
// destination each export decision with what became of the export
// (ProfileLineage, as `outflowctl profiles --why`). Every read goes through
// the EngineHost; an answer to an older lookup is dropped.
class ProfilesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfilesPage)

public:
    explicit ProfilesPage(QWidget *parent = nullptr);
    ~ProfilesPage() override;

    // Not owned. Lookups and the namespaces' completion go to it.
    void setEngine(EngineHost *engine);
    // Fills the identity fields and looks the profile up: what another page
    // calls to show a profile ("Show profile").
    void showProfile(const QString &identityNamespace, const QString &identityId);
    // Looks up the identity typed in the fields (Return in them, Look Up).
    void lookUp();
    // Asks the engine for the namespaces in use again (completion).
    void refreshNamespaces();
    // The empty state's heading (the main window says how many profiles
    // are stored).
    void setEmptyStateHeading(const QString &heading);

    // The profile shown (profileId 0: none yet).
    const ProfileLineage &lineage() const { return m_lineage; }
    bool isProfileShown() const;

signals:
    // A lookup was answered: shown, or its error in the page.
    void profileShown(qint64 profileId);
    void lookupFailed(const QString &error);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onProfileLookedUp(quint64 requestId, const ProfileLineage &lineage, const QString &error);
    void onNamespacesListed(quint64 requestId, const QStringList &namespaces);
    QWidget *createLookupBar();
    QWidget *createContent();
    void updateLookUpButton();

    QPointer<EngineHost> m_engine;
    quint64 m_lookupRequest = 0;     // the lookup whose answer is awaited; 0: none
    quint64 m_namespacesRequest = 0; // likewise for the namespaces
    ProfileLineage m_lineage;

    JsonTreeModel *m_jsonModel;
    IdentitiesModel *m_identitiesModel;
    MembershipsModel *m_membershipsModel;
    ProfileHistoryModel *m_historyModel;

    QComboBox *m_namespace = nullptr;
    QLineEdit *m_id = nullptr;
    QPushButton *m_lookUp = nullptr;
    QLabel *m_status = nullptr;
    QStackedWidget *m_stack = nullptr;
    EmptyStatePage *m_emptyState = nullptr;
    QWidget *m_content = nullptr;
    QLabel *m_summary = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTreeView *m_tree = nullptr;
    QTableView *m_identities = nullptr;
    QTableView *m_memberships = nullptr;
    QTableView *m_history = nullptr;
};

} // namespace outflow::ui
