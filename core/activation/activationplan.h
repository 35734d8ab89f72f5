#pragma once

#include "activation/activationservice.h"
#include "model/audiencesummary.h"
#include "model/dataflow.h"
#include "model/destination.h"

#include <optional>
#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QStringList>

namespace outflow {

class Store;

// What a dataflow should be once saved, whole (the activation wizard and the
// Edit activation dialog edit one): where ActivationRequest says what to
// add and remove, a plan says what to end with.
struct ActivationPlan
{
    QStringList audienceIds;           // in the order they were picked
    QList<MappedAttribute> attributes; // at most one identifier
    ActivationTriggers triggers;

    static ActivationPlan of(const Dataflow &dataflow);
    friend bool operator==(const ActivationPlan &, const ActivationPlan &) = default;
};

// A field the Mapping step offers: an XDM field the product ships
// (resources/xdm), a path present in stored profiles, or both.
struct AttributeChoice
{
    QString path;
    QString title; // the XDM field's, else empty
    QString type;  // JSON type: "string", "integer", "boolean"…
    bool xdm = false;
    qint64 profiles = 0; // how many of the sampled profiles have it
};

// What the activation wizard starts from: the destination, its dataflow if
// any, every audience and the attribute choices.
struct ActivationChoices
{
    Destination destination;
    std::optional<Dataflow> dataflow;
    QList<AudienceSummary> audiences;
    QList<AttributeChoice> attributes; // by path
    qint64 sampledProfiles = 0;
};

// The live payload preview: one real profile realized in a planned
// audience, and the export the PayloadBuilder that sends would make of it.
struct PayloadPreview
{
    qint64 profileId = 0;         // 0: no planned audience has a realized member
    QString profileLabel;         // its primary identity, "namespace:id"
    QByteArray body;              // indented JSON
    QStringList missingMandatory; // not empty: this profile would be excluded
    QString error;
};

// The operations behind the activation wizard, over a Store; the Engine runs
// them on its thread. Applying a plan goes through ActivationService, as
// `outflowctl activate` does: the same validation, the same backfill.
class ActivationPlanner
{
    Q_DECLARE_TR_FUNCTIONS(ActivationPlanner)

public:
    // Profiles read to find which attribute paths they hold.
    static constexpr int SampledProfiles = 500;

    explicit ActivationPlanner(Store &store);

    std::optional<ActivationChoices> choices(const QString &destinationId);
    // The first realized member (after `afterProfileId`, wrapping around) of
    // the planned audiences, with its export.
    PayloadPreview preview(const QString &destinationId, const ActivationPlan &plan,
                           qint64 afterProfileId = 0);
    // Distinct profiles realized in the audiences: a backfill's exports.
    std::optional<qint64> realizedProfiles(const QStringList &audienceIds);

    // The request that turns `current` (none: a new dataflow) into `plan`:
    // audiences added and removed, every attribute mapped again with its
    // flags (so that a cleared flag is cleared), the triggers.
    static ActivationRequest requestFor(const QString &destinationId,
                                        const std::optional<Dataflow> &current,
                                        const ActivationPlan &plan);
    // `outflowctl activate` with the same effect on a new dataflow: the
    // wizard's Copy Command.
    static QStringList commandArguments(const QString &destinationName, const ActivationPlan &plan,
                                        const QStringList &audienceNames);
    // The first problem with the plan (no audience, a bad path, two
    // identifiers), naming it; empty when none.
    static QString problem(const ActivationPlan &plan);
    // The same, of the attributes alone (the Mapping step's).
    static QString attributesProblem(const QList<MappedAttribute> &attributes);

    QString lastError() const { return m_error; }

private:
    QList<AttributeChoice> attributeChoices(qint64 *sampled);

    Store &m_store;
    QString m_error;
};

// The XDM Individual Profile fields the product ships (resources/xdm,
// generated from Adobe's schemas by tools/xdm-fields.py), by path.
QList<AttributeChoice> shippedXdmFields();

} // namespace outflow

Q_DECLARE_METATYPE(outflow::ActivationPlan)
Q_DECLARE_METATYPE(outflow::ActivationChoices)
Q_DECLARE_METATYPE(outflow::PayloadPreview)
