#pragma once

#include "activation/activator.h"
#include "identity/mergereport.h"
#include "segmentation/segmenter.h"

#include <QCoreApplication>
#include <QString>

namespace outflow {

class AudienceService;
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
    Segmenter m_segmenter;
    Activator m_activator;
    QString m_error;
};

} // namespace outflow
