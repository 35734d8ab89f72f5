#include "pipeline.h"

#include "monitoring/metricsrecorder.h"
#include "segmentation/audienceservice.h"
#include "store/store.h"

namespace outflow {

Pipeline::Pipeline(Store &store, Activator::Clock clock)
    : m_store(store)
    , m_ownRecorder(std::make_unique<MetricsRecorder>())
    , m_segmenter(store)
    , m_activator(store, std::move(clock))
{
    m_segmenter.setTransitionCallback(
        [this](const MembershipTransition &transition) { m_activator.addTransition(transition); });
    m_activator.setRecorder(m_ownRecorder.get());
}

Pipeline::~Pipeline()
{
    storeMetrics(); // a failure has nowhere to go: the figures are only monitoring's
}

void Pipeline::setRecorder(MetricsRecorder *recorder)
{
    m_activator.setRecorder(recorder);
}

bool Pipeline::storeMetrics()
{
    QList<MetricsBucket> figures = m_ownRecorder->takeFinished(true);
    while (!figures.isEmpty()) {
        if (!m_store.addMetrics(figures.constFirst())) {
            m_error = m_store.lastError();
            for (const MetricsBucket &bucket : std::as_const(figures))
                m_ownRecorder->add(bucket); // into the current minute: counted, if late
            return false;
        }
        figures.removeFirst();
    }
    return true;
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
