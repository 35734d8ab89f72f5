#include "destinationstate.h"

namespace outflow {

DestinationState DestinationStates::judge(const DestinationStateInputs &inputs)
{
    if (!inputs.enabled)
        return DestinationState::Disabled;
    switch (inputs.block) {
    case SenderBlock::MissingSecret:
        return DestinationState::MissingSecret;
    case SenderBlock::Tls:
        return DestinationState::TlsProblem;
    case SenderBlock::Auth:
        return DestinationState::AuthFailing;
    case SenderBlock::Store:
    case SenderBlock::None:
        break;
    }
    if (inputs.consecutiveAuthFailures > 0)
        return DestinationState::AuthFailing;
    if (inputs.retrying > 0)
        return DestinationState::Retrying;
    if (inputs.backlog > 0 && inputs.oldestPendingAgeMs > BackloggedAfterMs)
        return DestinationState::Backlogged;
    if (inputs.inFlight > 0 || inputs.backlog > 0)
        return DestinationState::Sending;
    return DestinationState::Healthy;
}

QString DestinationStates::id(DestinationState state)
{
    switch (state) {
    case DestinationState::Healthy:
        return QStringLiteral("healthy");
    case DestinationState::Sending:
        return QStringLiteral("sending");
    case DestinationState::Backlogged:
        return QStringLiteral("backlogged");
    case DestinationState::Retrying:
        return QStringLiteral("retrying");
    case DestinationState::AuthFailing:
        return QStringLiteral("auth-failing");
    case DestinationState::TlsProblem:
        return QStringLiteral("tls-problem");
    case DestinationState::MissingSecret:
        return QStringLiteral("missing-secret");
    case DestinationState::Disabled:
        return QStringLiteral("disabled");
    }
    return {};
}

QString DestinationStates::label(DestinationState state)
{
    switch (state) {
    case DestinationState::Healthy:
        return tr("Healthy");
    case DestinationState::Sending:
        return tr("Sending");
    case DestinationState::Backlogged:
        return tr("Backlogged");
    case DestinationState::Retrying:
        return tr("Retrying");
    case DestinationState::AuthFailing:
        return tr("Authentication failing");
    case DestinationState::TlsProblem:
        return tr("TLS problem");
    case DestinationState::MissingSecret:
        return tr("Missing secret");
    case DestinationState::Disabled:
        return tr("Disabled");
    }
    return {};
}

QString DestinationStates::fix(DestinationState state)
{
    switch (state) {
    case DestinationState::MissingSecret:
        return tr("Enter the secret again (Edit, or outflowctl destination set-secret).");
    case DestinationState::TlsProblem:
        return tr("Choose certificate and key files that can be read and belong together (Edit).");
    case DestinationState::AuthFailing:
        return tr("Check the credentials and the token URL (Edit, then Send test).");
    case DestinationState::Backlogged:
        return tr("Exports wait longer than a minute: check the endpoint's answers (Monitoring).");
    case DestinationState::Retrying:
        return tr("The endpoint failed some requests: they are retried on their schedule.");
    case DestinationState::Disabled:
        return tr("Enable it to send its queued exports.");
    case DestinationState::Healthy:
    case DestinationState::Sending:
        break;
    }
    return {};
}

} // namespace outflow
