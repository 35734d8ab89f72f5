#include "activationwizard.h"

#include "activationreviewpage.h"
#include "audienceselectioneditor.h"
#include "enginehost.h"
#include "mappingeditor.h"
#include "triggerseditor.h"
#include "wizard/editorpage.h"

#include <QAbstractButton>

namespace outflow::ui {

namespace {

EditorPage *pageFor(ActivationEditor *editor, ActivationDraft &draft, const QString &title,
                    const QString &subTitle)
{
    return (new EditorPage(
                editor, [editor, &draft] { editor->load(draft); },
                [editor, &draft] { editor->save(draft); }))
        ->titled(title, subTitle);
}

} // namespace

ActivationWizard::ActivationWizard(EngineHost &host, const ActivationChoices &choices,
                                   QWidget *parent)
    : QWizard(parent)
    , m_host(host)
    , m_audiences(new AudienceSelectionEditor)
    , m_mapping(new MappingEditor(host))
    , m_triggers(new TriggersEditor)
    , m_review(new ActivationReviewPage(host, m_draft))
{
    setObjectName(QStringLiteral("activationWizard"));
    setWindowTitle(tr("Activate Audiences — %1").arg(choices.destination.name));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);
    m_draft.choices = choices;
    if (choices.dataflow)
        m_draft.plan = ActivationPlan::of(*choices.dataflow);

    setPage(AudiencesPage,
            pageFor(m_audiences, m_draft, tr("Audiences"),
                    tr("The audiences whose members %1 receives. Their current members are "
                       "backfilled, then each change is exported.")
                        .arg(choices.destination.name.toHtmlEscaped())));
    setPage(MappingPage, pageFor(m_mapping, m_draft, tr("Mapping"),
                                 tr("The profile attributes each export carries, as XDM paths. The "
                                    "identities and the audience memberships always travel.")));
    setPage(TriggersPage, pageFor(m_triggers, m_draft, tr("When to activate"),
                                  tr("The changes that export a member again.")));
    setPage(ReviewPageId, m_review);
    setStartId(AudiencesPage);
    resize(900, 640);

    connect(&m_host, &EngineHost::activationSaved, this, &ActivationWizard::saved);
}

void ActivationWizard::accept()
{
    if (isSaving())
        return;
    m_review->setSaving(true);
    button(QWizard::BackButton)->setEnabled(false);
    button(QWizard::CancelButton)->setEnabled(false);
    m_saveRequest = m_host.saveActivation(m_draft.destinationId(), m_draft.plan);
}

void ActivationWizard::saved(quint64 requestId, const QString &error)
{
    if (requestId != m_saveRequest)
        return;
    m_saveRequest = 0;
    m_review->setSaving(false);
    button(QWizard::BackButton)->setEnabled(true);
    button(QWizard::CancelButton)->setEnabled(true);
    if (!error.isEmpty()) {
        m_review->showSaveError(tr("Not saved: %1").arg(error));
        return;
    }
    emit activationSaved(m_draft.destinationId());
    QWizard::accept();
}

void ActivationWizard::reject()
{
    if (isSaving())
        return; // the save under way finishes first
    QWizard::reject();
}

} // namespace outflow::ui
