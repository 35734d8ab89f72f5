#pragma once

#include "activationdraft.h"

#include <QDialog>
#include <QList>

class QDialogButtonBox;
class QLabel;
class QTabWidget;

namespace outflow::ui {

class ActivationEditor;
class AudienceSelectionEditor;
class EngineHost;
class MappingEditor;
class TriggersEditor;

// Edit Activation: a mapped destination's dataflow in the activation
// wizard's editors, one tab each. OK saves the whole plan (after a
// confirmation naming the audiences it stops exporting): an added audience
// is backfilled alone, a removed one stops being exported, the rest keeps
// going as it was.
class ActivationDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivationDialog)

public:
    enum Tab { AudiencesTab, MappingTab, TriggersTab };

    // `choices`: Engine::readActivation's answer, with the dataflow.
    ActivationDialog(EngineHost &host, const ActivationChoices &choices, QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    AudienceSelectionEditor *audiencesEditor() const { return m_audiences; }
    MappingEditor *mappingEditor() const { return m_mapping; }
    TriggersEditor *triggersEditor() const { return m_triggers; }
    QLabel *errorLabel() const { return m_error; }
    bool isSaving() const { return m_saveRequest != 0; }

    // Asked before removing audiences: true to go on. A test replaces it.
    std::function<bool(const QStringList &removedNames)> confirmRemoval;

public slots:
    void accept() override;

signals:
    void activationSaved(const QString &destinationId);

private:
    void saved(quint64 requestId, const QString &error);
    void showError(const QString &error);

    EngineHost &m_host;
    ActivationDraft m_draft;
    AudienceSelectionEditor *m_audiences;
    MappingEditor *m_mapping;
    TriggersEditor *m_triggers;
    QList<ActivationEditor *> m_editors;
    QTabWidget *m_tabs;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    quint64 m_saveRequest = 0;
};

} // namespace outflow::ui
