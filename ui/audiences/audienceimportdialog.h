#pragma once

#include "segmentation/audienceservice.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace outflow::ui {

class EngineHost;

// Import CSV (issue #17, DESIGN §3): a file with a header row; the identity
// column and its namespace are picked from that header; the Engine imports
// it off the GUI thread (the same AudienceService::import as `outflowctl
// audience import`) in one transaction, with a progress bar and Cancel
// (which rolls it back: the previous member set stays). Bad rows are listed
// with their line numbers; the others are imported.
class AudienceImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AudienceImportDialog)

public:
    explicit AudienceImportDialog(EngineHost &engine, QWidget *parent = nullptr);

    // Reads the file's header into the column and namespace choices.
    void setFile(const QString &path);
    void startImport();
    // Stops the running import: nothing it did is kept.
    void cancelImport();
    bool isImporting() const { return m_importing != 0; }

    QLineEdit *fileEdit() const { return m_file; }
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *columnCombo() const { return m_column; }
    QComboBox *namespaceCombo() const { return m_namespace; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *importButton() const { return m_importButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QLabel *statusLabel() const { return m_status; }
    // The rejected rows: line, problem.
    QTableWidget *errorsTable() const { return m_errors; }

public slots:
    // Esc or Close while importing cancels the import first.
    void reject() override;

signals:
    // The import ended: imported (with bad rows perhaps), cancelled or failed.
    void importFinished(bool imported, bool cancelled);

private:
    void browse();
    void updateButtons();
    void showResult(const outflow::AudienceImportSummary &summary, bool cancelled,
                    const QString &error);

    EngineHost &m_engine;
    QLineEdit *m_file;
    QPushButton *m_browse;
    QLineEdit *m_name;
    QComboBox *m_column;
    QComboBox *m_namespace;
    QProgressBar *m_progress;
    QLabel *m_status;
    QTableWidget *m_errors;
    QDialogButtonBox *m_buttons;
    QPushButton *m_importButton;
    QPushButton *m_cancelButton;
    quint64 m_importing = 0;
    bool m_namespaceEdited = false; // else it follows the column's name
};

} // namespace outflow::ui
