#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

namespace outflow {

// Why a destination's sender cannot run (SenderSupervisor): each has its fix.
enum class SenderBlock : quint8 {
    None,
    MissingSecret, // the keychain has no secret it needs (or cannot be read)
    Tls,           // its certificate, key or CA bundle cannot be used
    Auth,          // its authentication cannot be set up
    Store,         // its store could not be opened
};

// The one state of a destination that the app's Destinations page and
// `outflowctl status` both show (issue #16), from the most to the least
// pressing: a blocked or disabled destination says so before its figures do.
enum class DestinationState : quint8 {
    Healthy,       // enabled, nothing waiting
    Sending,       // exports in flight or queued, none late
    Backlogged,    // the oldest queued export waits longer than BackloggedAfterMs
    Retrying,      // exports wait for a retry after a failure
    AuthFailing,   // the token endpoint or the receiver refuses the credentials
    TlsProblem,    // the TLS files cannot be used
    MissingSecret, // a secret is missing from the keychain
    Disabled,      // switched off by the administrator
};

// What the state is judged from: the destination, its sender, its figures.
struct DestinationStateInputs
{
    bool enabled = true;
    SenderBlock block = SenderBlock::None;
    qint64 backlog = 0;
    qint64 retrying = 0;
    int inFlight = 0;
    qint64 oldestPendingAgeMs = 0;
    int consecutiveAuthFailures = 0;
};

class DestinationStates
{
    Q_DECLARE_TR_FUNCTIONS(DestinationStates)

public:
    // Queued exports older than this make a destination backlogged: the
    // reference's delivery-delay alert's default threshold.
    static constexpr qint64 BackloggedAfterMs = 60'000;

    static DestinationState judge(const DestinationStateInputs &inputs);
    // Stable identifiers for the CLI's JSON: "healthy", "sending", "backlogged",
    // "retrying", "auth-failing", "tls-problem", "missing-secret", "disabled".
    static QString id(DestinationState state);
    // Translated, for people: "Healthy", "Missing secret"…
    static QString label(DestinationState state);
    // What fixes it, translated; empty for the states that need nothing.
    static QString fix(DestinationState state);
};

} // namespace outflow

Q_DECLARE_METATYPE(outflow::DestinationState)
