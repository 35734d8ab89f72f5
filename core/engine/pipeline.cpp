#include "pipeline.h"

#include "segmentation/audienceservice.h"

namespace outflow {

Pipeline::Pipeline(Store &store, Activator::Clock clock)
    : m_segmenter(store)
    , m_activator(store, std::move(clock))
{
    m_segmenter.setTransitionCallback(
        [this](const MembershipTransition &transition) { m_activator.addTransition(transition); });
}

bool Pipeline::reload()
{
    m_error.clear();
    if (!m_segmenter.reload()) {
        m_error = m_segmenter.lastError();
        return false;
    }
    const QString ruleWarning = m_segmenter.lastError();
    if (!m_activator.reload()) {
        m_error = m_activator.lastError();
        return false;
    }
    m_error = ruleWarning;
    return true;
}

bool Pipeline::processMerge(const MergeReport &report)
{
    if (!m_segmenter.process(report)) {
        m_error = m_segmenter.lastError();
        return false;
    }
    if (!m_activator.processMerge(report)) {
        m_error = m_activator.lastError();
        return false;
    }
    return true;
}

void Pipeline::attach(AudienceService &service,
                      std::function<void(const MembershipTransition &)> observer)
{
    service.setTransitionCallback([this, observer = std::move(observer)](
                                      const MembershipTransition &transition, QString *error) {
        if (observer)
            observer(transition);
        m_activator.addTransition(transition);
        if (m_activator.flushTransitions())
            return true;
        *error = m_activator.lastError();
        return false;
    });
    service.setMergedCallback([this](const MergeReport &report, QString *error) {
        if (processMerge(report))
            return true;
        *error = m_error;
        return false;
    });
}

} // namespace outflow
