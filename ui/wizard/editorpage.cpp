#include "editorpage.h"

#include "settings/destinationdraft.h"
#include "settings/destinationeditor.h"

#include <QVBoxLayout>

namespace outflow::ui {

EditorPage::EditorPage(DestinationEditor *editor, DestinationDraft &draft, QWidget *parent)
    : QWizardPage(parent)
    , m_editor(editor)
    , m_draft(draft)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(editor);
    connect(editor, &DestinationEditor::changed, this, &QWizardPage::completeChanged);
}

void EditorPage::initializePage()
{
    m_editor->load(m_draft);
}

// Back keeps what was typed (in the draft, saved below) rather than QWizard's
// default of resetting fields.
void EditorPage::cleanupPage()
{
    m_editor->save(m_draft);
}

bool EditorPage::isComplete() const
{
    return !m_editor->isBusy() && m_editor->problem().isEmpty();
}

bool EditorPage::validatePage()
{
    m_editor->settle();
    if (!isComplete())
        return false;
    m_editor->save(m_draft);
    return true;
}

} // namespace outflow::ui
