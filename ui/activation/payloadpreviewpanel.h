#pragma once

#include "activation/activationplan.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace outflow::ui {

class EngineHost;

// The Mapping step's live preview: the export the PayloadBuilder that sends
// would make for one real profile realized in the planned audiences, asked
// of the Engine once edits pause (GUI.md §1.2: the answer of a superseded
// request is dropped). "Another profile" moves to the next member.
class PayloadPreviewPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PayloadPreviewPanel)

public:
    explicit PayloadPreviewPanel(EngineHost &host, QWidget *parent = nullptr);

    // Asks for a preview of this plan once edits pause.
    void setPlan(const QString &destinationId, const ActivationPlan &plan);

    const PayloadPreview &preview() const { return m_preview; }
    QPlainTextEdit *body() const { return m_body; }
    QLabel *caption() const { return m_caption; }
    QPushButton *anotherButton() const { return m_another; }

signals:
    // A preview arrived and is shown.
    void previewShown();

private:
    void request(qint64 afterProfileId);
    void show(quint64 requestId, const PayloadPreview &preview);

    static constexpr int DebounceMs = 300;

    EngineHost &m_host;
    QLabel *m_caption;
    QPlainTextEdit *m_body;
    QPushButton *m_another;
    QTimer *m_debounce;
    QString m_destinationId;
    ActivationPlan m_plan;
    PayloadPreview m_preview;
    quint64 m_request = 0;
};

} // namespace outflow::ui
