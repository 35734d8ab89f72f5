#pragma once

// Shared by the `outflowctl audience` subcommands (audiencecommand.cpp,
// audienceeditcommand.cpp).
#include "command.h"
#include "model/audience.h"
#include "store/sqlitestore.h"

#include <memory>
#include <QJsonObject>

namespace outflow {
class AudienceService;
struct MembershipTransition;
class Pipeline;
} // namespace outflow

namespace outflow::cli {

// The store of `--store`, opened with its error printed as "<command>: …".
struct AudienceStore
{
    AudienceStore(Context &context, QString command);
    ~AudienceStore();
    bool open();
    // Segmentation and activation for what `service` changes (Pipeline):
    // transitions queue their exports, imported new profiles are segmented.
    // False (message printed) when the store failed.
    bool attachPipeline(AudienceService &service,
                        std::function<void(const MembershipTransition &)> observer = {});

    SqliteStore store;
    std::unique_ptr<Pipeline> pipeline;

private:
    Context &m_context;
    QString m_command;
};

// {"id", "name", "origin", "mergePolicyId", "realized", "createdAt", "updatedAt"}
QJsonObject audienceJson(const Audience &audience, const MembershipCounts &counts);
// Prints the service's error; returns 2 for bad input, 1 for a store failure.
int reportFailure(Context &context, const QString &command, const AudienceService &service);

int importCommand(Context &context, const QStringList &arguments);
int renameCommand(Context &context, const QStringList &arguments);
int editCommand(Context &context, const QStringList &arguments);
int previewCommand(Context &context, const QStringList &arguments);
int removeCommand(Context &context, const QStringList &arguments);

} // namespace outflow::cli
