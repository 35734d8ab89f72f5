#pragma once

#include "model/dataflow.h"
#include "model/destination.h"
#include "model/export.h"

#include <functional>
#include <optional>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace outflow {

class Store;

// What an administrator asks of a dataflow (outflowctl activate, the wizard's
// audience and attribute pages). Additive: listed audiences and attributes
// join the mapping, the remove lists leave it; an attribute listed again is
// re-mapped with the given flags.
struct ActivationRequest
{
    QString destination;   // id or name
    QStringList audiences; // ids or names, to map
    QStringList removeAudiences;
    QStringList attributes; // XDM paths, to map
    QStringList removeAttributes;
    QString identifier;                         // a mapped (or listed) path: the unique identifier
    QStringList mandatory;                      // mapped (or listed) paths a profile must have
    std::optional<ActivationTriggers> triggers; // unset: unchanged (all on for a new dataflow)
};

struct ActivationSummary
{
    Dataflow dataflow;
    bool created = false;  // a new dataflow
    QStringList mappedNow; // audience ids newly mapped (backfilled)
    std::optional<Backfill> backfill;
};

// One dataflow's figures (outflowctl status): the activation counters, the
// outbox backlog and the latest backfill.
struct DataflowStatus
{
    Destination destination;
    Dataflow dataflow;
    QHash<QString, qint64> counters; // received, created, excluded, excluded:<reason>…
    qint64 backlog = 0;
    std::optional<Backfill> backfill; // the newest
};

// Dataflow configuration over a Store, each operation one transaction.
class ActivationService
{
    Q_DECLARE_TR_FUNCTIONS(ActivationService)

public:
    using Clock = std::function<qint64()>; // UNIX ms
    enum class ErrorKind { None, Input, Store };

    explicit ActivationService(Store &store, Clock clock = {});

    // Checks an XDM attribute path: dot-separated field names, not under
    // identityMap or segmentMembership (the builder writes those). An empty
    // string when valid, else what is wrong.
    static QString checkAttributePath(const QString &path);

    std::optional<Destination> findDestination(const QString &idOrName);
    // Validates every name and path first: nothing is written on bad input.
    std::optional<ActivationSummary> activate(const ActivationRequest &request);
    // Re-exports every profile realized in the audience ("Activate now").
    std::optional<Backfill> resend(const QString &destination, const QString &audience);
    std::optional<DataflowStatus> status(const Destination &destination);

    QString lastError() const { return m_error; }
    ErrorKind lastErrorKind() const { return m_errorKind; }

private:
    bool inputError(const QString &message);
    bool storeError(const QString &context);
    std::optional<QString> audienceId(const QString &idOrName);
    qint64 now() const;

    Store &m_store;
    Clock m_clock;
    QString m_error;
    ErrorKind m_errorKind = ErrorKind::None;
};

} // namespace outflow
