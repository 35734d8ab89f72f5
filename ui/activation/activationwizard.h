#pragma once

#include "activationdraft.h"

#include <QWizard>

namespace outflow::ui {

class ActivationReviewPage;
class AudienceSelectionEditor;
class EditorPage;
class EngineHost;
class MappingEditor;
class TriggersEditor;

// Activate audiences (DESIGN §8, issue #17), after a destination is
// connected: Audiences → Mapping → When to activate → Review. The editors
// are the Edit activation dialog's. Nothing is written before Finish;
// Finish saves the dataflow (Engine::saveActivation, as `outflowctl
// activate`), which starts the backfill, and closes once it is saved; an
// error stays on the Review page.
class ActivationWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivationWizard)

public:
    enum PageId { AudiencesPage, MappingPage, TriggersPage, ReviewPageId };
    Q_ENUM(PageId)

    // `choices`: Engine::readActivation's answer for the destination.
    ActivationWizard(EngineHost &host, const ActivationChoices &choices, QWidget *parent = nullptr);

    const ActivationDraft &draft() const { return m_draft; }
    AudienceSelectionEditor *audiencesEditor() const { return m_audiences; }
    MappingEditor *mappingEditor() const { return m_mapping; }
    TriggersEditor *triggersEditor() const { return m_triggers; }
    ActivationReviewPage *reviewPage() const { return m_review; }
    bool isSaving() const { return m_saveRequest != 0; }

public slots:
    void accept() override;
    void reject() override;

signals:
    void activationSaved(const QString &destinationId);

private:
    void saved(quint64 requestId, const QString &error);

    EngineHost &m_host;
    ActivationDraft m_draft;
    AudienceSelectionEditor *m_audiences;
    MappingEditor *m_mapping;
    TriggersEditor *m_triggers;
    ActivationReviewPage *m_review;
    quint64 m_saveRequest = 0;
};

} // namespace outflow::ui
