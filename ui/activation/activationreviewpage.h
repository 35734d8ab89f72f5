#pragma once

#include <QWizardPage>

class QLabel;
class QPushButton;

namespace outflow::ui {

class EngineHost;
struct ActivationDraft;

// Review: the audiences (added and removed, when the dataflow exists), the
// mapped attributes with their flags, the triggers; the backfill's size,
// counted by the Engine (N realized profiles → N exports); Copy Command
// (the same activation with outflowctl); the save's error when Finish fails.
class ActivationReviewPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivationReviewPage)

public:
    ActivationReviewPage(EngineHost &host, ActivationDraft &draft, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    void setSaving(bool saving);
    void showSaveError(const QString &error);

    QLabel *summary() const { return m_summary; }
    QLabel *backfill() const { return m_backfill; }
    QLabel *saveError() const { return m_saveError; }
    // The outflowctl command line that makes the same activation.
    QString command() const;

    static QString summaryHtml(const ActivationDraft &draft);

signals:
    void backfillEstimated();

private:
    void showEstimate(quint64 requestId, qint64 profiles, const QString &error);

    EngineHost &m_host;
    ActivationDraft &m_draft;
    QLabel *m_summary;
    QLabel *m_backfill;
    QPushButton *m_copy;
    QLabel *m_saveError;
    quint64 m_estimateRequest = 0;
    bool m_saving = false;
};

} // namespace outflow::ui
