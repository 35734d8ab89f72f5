#pragma once

#include "model/audiencesummary.h"
#include "segmentation/audienceservice.h"

#include <optional>
#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace outflow::ui {

class EngineHost;
class RuleEditor;
class RulePreviewer;

// New / Edit rule audience (issue #17): name, description, merge policy
// (fixed once created, as `outflowctl audience add --merge-policy`), and the
// rule, highlighted and parsed as one types, with a live count of the
// profiles it would select and a few of them, computed by the Engine off the
// GUI thread. Save calls the Engine's createAudience / editAudience (the
// same AudienceService as `outflowctl audience add` / `edit`) and closes
// once it answers; an error stays in the dialog, the draft intact.
class RuleAudienceDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuleAudienceDialog)

public:
    // `existing` unset: a new audience.
    RuleAudienceDialog(EngineHost &engine, std::optional<AudienceSummary> existing,
                       QWidget *parent = nullptr);

    RuleEditor *ruleEditor() const { return m_rule; }
    RulePreviewer *previewer() const { return m_previewer; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *descriptionEdit() const { return m_description; }
    QLineEdit *mergePolicyEdit() const { return m_mergePolicy; }
    QLabel *previewLabel() const { return m_count; }
    QListWidget *samplesList() const { return m_samples; }
    QLabel *errorLabel() const { return m_error; }
    // The profiles the last preview counted (-1 before any).
    qint64 previewCount() const { return m_previewCount; }

public slots:
    // Save: validated here first (a name, a rule that parses), then by the Engine.
    void accept() override;

signals:
    // Saved: the audience's id (the dialog then closes).
    void audienceSaved(const QString &audienceId);

private:
    void updateButtons();
    void showPreview(const outflow::AudiencePreview &preview);
    void showError(const QString &message);

    EngineHost &m_engine;
    std::optional<AudienceSummary> m_existing;
    QLineEdit *m_name;
    QLineEdit *m_description;
    QLineEdit *m_mergePolicy;
    RuleEditor *m_rule;
    QLabel *m_count;
    QListWidget *m_samples;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    RulePreviewer *m_previewer;
    quint64 m_saving = 0; // the save request awaited
    qint64 m_previewCount = -1;
};

} // namespace outflow::ui
