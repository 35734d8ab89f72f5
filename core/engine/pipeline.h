#pragma once

#include "activation/activator.h"
#include "identity/mergereport.h"
#include "segmentation/segmenter.h"

#include <memory>
#include <QCoreApplication>
#include <QString>

namespace outflow {

class AudienceService;
class MetricsRecorder;
class Store;

// The stages after a merge, wired once for every caller (the Engine, each
// outflowctl command): segmentation, then activation, inside the merge's
// transaction (DESIGN §4: fragment → merge → segmentation → activation
// decision → payload → outbox). Audience operations plug in through
// attach(): their transitions are activated, the profiles an import creates
// are segmented and activated. One instance per Store (thread).
class Pipeline
{
    Q_DECLARE_TR_FUNCTIONS(Pipeline)

public:
    explicit Pipeline(Store &store, Activator::Clock clock = {});
    // Stores what its own recorder still holds (see storeMetrics()).
    ~Pipeline();
    Q_DISABLE_COPY_MOVE(Pipeline)

    // Where the activation's figures (profiles received, exports created,
    // excluded, suppressed) are counted: by default the pipeline's own
    // recorder, which storeMetrics() adds to the store's minutes, so that
    // an outflowctl command that ingests or edits audiences shows on the
    // Monitoring page like the engine's own work; the Engine passes its
    // recorder, whose Monitor stores it.
    void setRecorder(MetricsRecorder *recorder);
    // Adds the own recorder's figures, the current minute's included, to
    // the stored minutes (added up with what other processes stored) and
    // forgets them. False, with lastError(), when the store failed: the
    // figures not stored are kept for the next call.
    bool storeMetrics();

    // Loads the rule audiences and the dataflows. False when the store
    // failed; a stored rule that no longer parses is skipped and named in
    // lastError() while the rest loads (true).
    bool reload();

    // After one merged fragment: segmentation, then the export decisions.
    bool processMerge(const MergeReport &report);

    // `observer`, when given, also sees each of the service's transitions.
    void attach(AudienceService &service,
                std::function<void(const MembershipTransition &)> observer = {});

    Segmenter &segmenter() { return m_segmenter; }
    Activator &activator() { return m_activator; }
    QString lastError() const { return m_error; }

private:
    Store &m_store;
    std::unique_ptr<MetricsRecorder> m_ownRecorder;
    Segmenter m_segmenter;
    Activator m_activator;
    QString m_error;
};

} // namespace outflow
