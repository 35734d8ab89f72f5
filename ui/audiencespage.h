#pragma once

#include "model/audiencesummary.h"

#include <functional>
#include <optional>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace outflow::ui {

class AudienceImportDialog;
class AudienceTableModel;
class EmptyStatePage;
class EngineHost;
class RuleAudienceDialog;

// The Audiences page (issue #17): a sortable table of the audiences with
// their member counts (or the empty state while there is none), kept from
// the Engine's snapshots; New and Edit open the rule audience dialog,
// Rename asks for a name, Delete asks first (naming the destinations that
// map the audience), Import CSV opens the upload dialog. Every change goes
// through the Engine (EngineHost), which reloads the audiences after it.
class AudiencesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AudiencesPage)

public:
    explicit AudiencesPage(QWidget *parent = nullptr);
    ~AudiencesPage() override;

    // The Engine the actions drive (none: they are disabled).
    void setEngine(EngineHost *engine);

    AudienceTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxyModel() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    // True while the empty state is shown instead of the table.
    bool isEmptyStateShown() const;
    QString selectedId() const;
    void selectAudience(const QString &id);

    // The actions, as their buttons run them; the dialogs are returned
    // (shown, deleted on close) for tests.
    RuleAudienceDialog *newAudience();
    RuleAudienceDialog *editSelected();
    AudienceImportDialog *importCsv();
    void renameSelected();
    void removeSelected();

    // For tests: Delete asks through this, Rename through that, instead of
    // a modal box when set. AskName answers nullopt for Cancel.
    using Confirm = std::function<bool(const QString &question)>;
    using AskName = std::function<std::optional<QString>(const QString &current)>;
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    void setAskName(AskName askName) { m_askName = std::move(askName); }

public slots:
    void setAudiences(const QList<outflow::AudienceSummary> &audiences);
    // An action failed (empty: clears the message).
    void showOperationError(const QString &message);

private:
    void updateButtons();
    std::optional<AudienceSummary> selected() const;
    void confirmRemoval(const QString &audienceId, const QStringList &destinations);
    void connectEngine();

    AudienceTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QStackedWidget *m_stack;
    EmptyStatePage *m_emptyState;
    QWidget *m_tablePage;
    QTableView *m_view;
    QLabel *m_hint;
    QPushButton *m_newButton;
    QPushButton *m_editButton;
    QPushButton *m_renameButton;
    QPushButton *m_deleteButton;
    QPushButton *m_importButton;
    QLabel *m_error;
    QPointer<EngineHost> m_engine;
    QList<QMetaObject::Connection> m_engineConnections;
    Confirm m_confirm;
    AskName m_askName;
    QString m_pendingSelection;         // a saved audience, selected once listed
    quint64 m_usageRequest = 0;         // the Delete confirmation's usage read
    QHash<quint64, QString> m_requests; // rename and delete requests awaited
};

} // namespace outflow::ui
