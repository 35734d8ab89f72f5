#include "rulepreviewer.h"

#include "enginehost.h"

#include <QTimer>

namespace outflow::ui {

RulePreviewer::RulePreviewer(EngineHost &engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(DelayMs);
    connect(m_timer, &QTimer::timeout, this, &RulePreviewer::request);
    connect(&m_engine, &EngineHost::audiencePreviewed, this,
            [this](quint64 requestId, const AudiencePreview &preview, const QString &error) {
                if (requestId != m_pending)
                    return; // an older rule's answer
                m_pending = 0;
                if (error.isEmpty())
                    emit previewed(preview);
                else
                    emit failed(error);
            });
}

RulePreviewer::~RulePreviewer()
{
    cancel();
}

void RulePreviewer::setRule(const QString &rule, bool valid)
{
    if (!valid) {
        m_rule.clear();
        cancel();
        emit cleared();
        return;
    }
    if (rule == m_rule && isBusy())
        return;
    m_rule = rule;
    cancel();
    m_timer->start();
    emit started();
}

bool RulePreviewer::isBusy() const
{
    return m_timer->isActive() || m_pending != 0;
}

void RulePreviewer::request()
{
    m_pending = m_engine.previewAudienceRule(m_rule, Samples);
}

void RulePreviewer::cancel()
{
    m_timer->stop();
    if (m_pending != 0)
        m_engine.cancelAudiencePreview(std::exchange(m_pending, 0));
}

} // namespace outflow::ui
