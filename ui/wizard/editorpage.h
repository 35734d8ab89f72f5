#pragma once

#include <QWizardPage>

namespace outflow::ui {

class DestinationEditor;
struct DestinationDraft;

// A wizard page that hosts one shared editor (GUI.md §1.1, KeePassXC's
// NewDatabaseWizardPage): it loads the draft when shown, is complete while
// the editor finds no problem, and writes the fields back on Next.
class EditorPage : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EditorPage)

public:
    EditorPage(DestinationEditor *editor, DestinationDraft &draft, QWidget *parent = nullptr);

    DestinationEditor *editor() const { return m_editor; }

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;

protected:
    DestinationDraft &draft() const { return m_draft; }

private:
    DestinationEditor *m_editor;
    DestinationDraft &m_draft;
};

} // namespace outflow::ui
