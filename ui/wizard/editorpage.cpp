#include "editorpage.h"

#include "settings/destinationdraft.h"
#include "settings/destinationeditor.h"

#include <QVBoxLayout>

namespace outflow::ui {

EditorPage::EditorPage(DestinationEditor *editor, DestinationDraft &draft, QWidget *parent)
    : EditorPage(
          editor, [editor, &draft] { editor->load(draft); },
          [editor, &draft] { editor->save(draft); }, parent)
{
    m_draft = &draft;
}

EditorPage::EditorPage(FormEditor *editor, std::function<void()> load, std::function<void()> save,
                       QWidget *parent)
    : QWizardPage(parent)
    , m_editor(editor)
    , m_load(std::move(load))
    , m_save(std::move(save))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(editor);
    connect(editor, &FormEditor::changed, this, &QWizardPage::completeChanged);
}

EditorPage *EditorPage::titled(const QString &title, const QString &subTitle)
{
    setTitle(title);
    setSubTitle(subTitle);
    setAccessibleName(title);
    return this;
}

void EditorPage::initializePage()
{
    m_load();
}

// Back keeps what was typed (in the draft, saved below) rather than QWizard's
// default of resetting fields.
void EditorPage::cleanupPage()
{
    m_save();
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
    m_save();
    return true;
}

} // namespace outflow::ui
