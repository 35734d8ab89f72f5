#pragma once

#include "delivery/destinationprobe.h"

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QPushButton;

namespace outflow::ui {

class EngineHost;
struct DestinationDraft;

// Review: everything the wizard will save, secrets as ••••; Send test (one
// sample export through the real sender, the outbox untouched) with its
// status, latency and a redacted excerpt; the save's error when Finish
// fails; and whether to go on to activating audiences once it is saved.
class ReviewPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewPage)

public:
    ReviewPage(EngineHost &host, DestinationDraft &draft, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    void setSaving(bool saving);
    void showSaveError(const QString &error);

    QLabel *summary() const { return m_summary; }
    QPushButton *testButton() const { return m_test; }
    QLabel *testResult() const { return m_testResult; }
    QLabel *saveError() const { return m_saveError; }
    // Checked: the activation wizard opens once the destination is saved.
    QCheckBox *activateNextBox() const { return m_activateNext; }

    // The summary as text, for a test or a screen reader.
    static QString summaryHtml(const DestinationDraft &draft);

private:
    void sendTest();
    void showTestResult(quint64 requestId, const ProbeReport &report);

    EngineHost &m_host;
    DestinationDraft &m_draft;
    QLabel *m_summary;
    QPushButton *m_test;
    QLabel *m_testResult;
    QCheckBox *m_activateNext;
    QLabel *m_saveError;
    quint64 m_testRequest = 0;
    bool m_saving = false;
};

} // namespace outflow::ui
