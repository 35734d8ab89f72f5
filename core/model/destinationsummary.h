#pragma once

#include "delivery/destinationstate.h"
#include "model/destination.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace outflow {

// One row of the app's Destinations page (issue #16): what an administrator
// sees of a destination at a glance, as the Engine judged it. A value, sent
// queued to the GUI; it holds no secret.
struct DestinationSummary
{
    QString id;
    QString name;
    QString endpointHost; // host[:port] of the endpoint, no path or query
    AuthType auth = AuthType::None;
    bool enabled = true;
    QStringList audiences;   // mapped audience names, by name
    QStringList audienceIds; // their ids, in the same order
    qint64 deliveredLastHour = 0;
    qint64 failedLastHour = 0;
    qint64 backlog = 0;
    int activeAlerts = 0;
    DestinationState state = DestinationState::Healthy;
    // Why a blocked destination cannot send, as its sender said (empty
    // otherwise); DestinationStates::fix() says what to do about it.
    QString problem;
    // How many keychain entries the destination uses (what removing it
    // deletes beside its dataflow and queued exports).
    int keychainEntries = 0;
    // The newest backfill (or Activate now) of its dataflow: progress, its
    // rate and the time left (BackfillEstimate); total 0: none.
    qint64 backfillDone = 0;
    qint64 backfillTotal = 0;
    bool backfillFinished = true;
    double backfillPerSecond = 0;
    qint64 backfillEtaMs = -1; // -1: unknown or finished

    friend bool operator==(const DestinationSummary &, const DestinationSummary &) = default;
};

} // namespace outflow

Q_DECLARE_METATYPE(outflow::DestinationSummary)
