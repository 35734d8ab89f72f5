#pragma once

#include "segmentation/audienceservice.h"

#include <QObject>

class QTimer;

namespace outflow::ui {

class EngineHost;

// The rule editor's live count (issue #17): once typing pauses (DelayMs), asks
// the Engine what the rule selects (EngineHost::previewAudienceRule, off the
// GUI thread, the same AudienceService::preview as `outflowctl audience
// preview`) and passes on the answer to the newest request only: an answer
// to an older rule is dropped by its request id.
class RulePreviewer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RulePreviewer)

public:
    static constexpr int DelayMs = 300;
    static constexpr int Samples = 5;

    explicit RulePreviewer(EngineHost &engine, QObject *parent = nullptr);
    ~RulePreviewer() override;

    // A new rule to count (`valid`: it parses); an invalid or empty one
    // cancels the running count and emits cleared().
    void setRule(const QString &rule, bool valid);
    // True between a rule and its answer (waiting or counting).
    bool isBusy() const;
    // The request whose answer is awaited (0: none).
    quint64 pendingRequest() const { return m_pending; }

signals:
    void started();
    void previewed(const outflow::AudiencePreview &preview);
    void failed(const QString &error);
    void cleared();

private:
    void request();
    void cancel();

    EngineHost &m_engine;
    QTimer *m_timer;
    QString m_rule;
    quint64 m_pending = 0;
};

} // namespace outflow::ui
