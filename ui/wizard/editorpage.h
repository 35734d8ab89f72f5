#pragma once

#include <functional>
#include <QWizardPage>

namespace outflow::ui {

class DestinationEditor;
class FormEditor;
struct DestinationDraft;

// A wizard page that hosts one shared editor (GUI.md §1.1, KeePassXC's
// NewDatabaseWizardPage): it loads the draft when shown, is complete while
// the editor finds no problem, and writes the fields back on Next.
class EditorPage : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditorPage)

public:
    // A destination editor over the destination wizard's draft.
    EditorPage(DestinationEditor *editor, DestinationDraft &draft, QWidget *parent = nullptr);
    // Any editor: `load` fills it from its draft, `save` writes it back.
    EditorPage(FormEditor *editor, std::function<void()> load, std::function<void()> save,
               QWidget *parent = nullptr);

    FormEditor *editor() const { return m_editor; }
    // Sets the title (also the page's accessible name) and the subtitle.
    EditorPage *titled(const QString &title, const QString &subTitle);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;

protected:
    DestinationDraft &draft() const { return *m_draft; }

private:
    FormEditor *m_editor;
    DestinationDraft *m_draft = nullptr;
    std::function<void()> m_load;
    std::function<void()> m_save;
};

} // namespace outflow::ui
