#pragma once

// A store with the whole activation path wired as outflowctl and the Engine
// wire it (DESIGN §4: fragment → merge → segmentation → activation →
// outbox): a real SQLite file, the Ingestor with the Pipeline after each
// merge, the AudienceService attached to the same Pipeline, and the
// ActivationService for destinations and dataflows. One clock, set by the
// test. Shared by tst_activator and tst_backfill.
#include "activation/activationservice.h"
#include "engine/pipeline.h"
#include "ingest/ingestor.h"
#include "ingest/ndjsonreader.h"
#include "segmentation/audienceservice.h"
#include "store/sqlitestore.h"

#include <QBuffer>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace outflow::test {

class ActivationWorld
{
public:
    static constexpr qint64 StartMs = 1'700'000'000'000;

    explicit ActivationWorld(const QString &storePath)
        : store(storePath)
        , pipeline(store, [this] { return now; })
        , ingestor(store, [this] { return now; })
        , audiences(store, [this] { return now; })
        , activation(store, [this] { return now; })
    {
        ingestor.setMergedCallback(
            [this](const Fragment &, const MergeReport &report, QString *error) {
                return pipeline.processMerge(report) || (*error = pipeline.lastError(), false);
            });
        pipeline.attach(audiences);
    }

    // Opens the store and loads the (empty) pipeline; lastError says why not.
    bool open()
    {
        if (!store.open()) {
            lastError = store.lastError();
            return false;
        }
        return reload();
    }

    // What the Engine does after a dataflow or an audience changed.
    bool reload()
    {
        if (pipeline.reload())
            return true;
        lastError = pipeline.lastError();
        return false;
    }

    // A rule audience, evaluated on every stored profile now and on every
    // merge after.
    std::optional<Audience> createAudience(const QString &name, const QString &rule,
                                           const QString &mergePolicy = QStringLiteral("default"))
    {
        const std::optional<Audience> audience = audiences.create(name, rule, {}, mergePolicy);
        if (!audience)
            lastError = audiences.lastError();
        // As the Engine does after an audience change: segmentation evaluates it from now on.
        else if (!reload())
            return std::nullopt;
        return audience;
    }

    QString audienceId(const QString &name)
    {
        const std::optional<Audience> audience = store.audienceByName(name);
        return audience ? audience->id : QString();
    }

    // A destination without secrets, sending to `endpoint` when set (else to
    // a port nothing listens on); returns its id, empty on failure.
    QString addDestination(const QString &name, bool includeNames = false,
                           bool includeTimestamps = false, bool enabled = true)
    {
        Destination destination;
        destination.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        destination.name = name;
        destination.endpoint = endpoint.isEmpty()
                                   ? QUrl(QStringLiteral("http://127.0.0.1:9/") + name)
                                   : endpoint;
        destination.includeSegmentNames = includeNames;
        destination.includeSegmentTimestamps = includeTimestamps;
        destination.enabled = enabled;
        destination.createdAt = destination.updatedAt = now;
        if (store.insertDestination(destination))
            return destination.id;
        lastError = store.lastError();
        return {};
    }

    // Maps audiences (by name) and attributes to the destination's dataflow,
    // then reloads the pipeline as the Engine does; the dataflow id or empty.
    QString activate(const ActivationRequest &request)
    {
        const std::optional<ActivationSummary> summary = activation.activate(request);
        if (!summary) {
            lastError = activation.lastError();
            return {};
        }
        return reload() ? summary->dataflow.id : QString();
    }

    // Ingests NDJSON fragments as `outflowctl ingest` does (one transaction
    // for all of them here: the batch is larger than any test's input).
    bool ingest(const QByteArray &ndjson)
    {
        QBuffer buffer;
        buffer.setData(ndjson);
        buffer.open(QIODevice::ReadOnly);
        NdjsonReader reader(&buffer);
        const IngestSummary summary = ingestor.ingest(reader);
        if (!summary.ok()) {
            lastError = summary.storeError;
            return false;
        }
        if (!summary.errors.isEmpty()) {
            lastError = summary.errors.constFirst().error;
            return false;
        }
        return true;
    }

    // The whole outbox of a dataflow, in sequence order.
    QList<OutboxExport> outbox(const QString &dataflowId)
    {
        return store.outbox(dataflowId, 0, 1'000'000);
    }

    // Stores `count` profiles straight through the Store (no ingest, no
    // segmentation): identity email:seed<first + i>@example.com, a first
    // name, realized in `audienceId`. Returns their ids, ascending; empty on
    // failure.
    QList<qint64> seedRealized(const QString &audienceId, int count, int first = 0)
    {
        QList<qint64> ids;
        if (!store.begin()) {
            lastError = store.lastError();
            return {};
        }
        const QString time = qualificationTime(now);
        for (int i = first; i < first + count; ++i) {
            Profile profile;
            profile.attributesJson = QByteArray(R"({"person":{"name":{"firstName":"Seed )") +
                                     QByteArray::number(i) + R"("}},"loyalty":{"points":500}})";
            profile.identities = {
                {QStringLiteral("email"), QStringLiteral("seed%1@example.com").arg(i), true}};
            profile.createdAt = profile.updatedAt = now;
            const qint64 id = store.insertProfile(profile);
            if (id == 0 ||
                !store.setMembership({id, audienceId, MembershipStatus::Realized, time})) {
                lastError = store.lastError();
                store.rollback();
                return {};
            }
            ids.append(id);
        }
        if (!store.commit()) {
            lastError = store.lastError();
            store.rollback();
            return {};
        }
        return ids;
    }

    qint64 profileOf(const QString &ns, const QString &id)
    {
        return store.owner(Identity{ns, id, false}).value_or(0);
    }

    SqliteStore store;
    qint64 now = StartMs;
    QUrl endpoint; // of the destinations addDestination() makes; empty: nothing listens
    Pipeline pipeline;
    Ingestor ingestor;
    AudienceService audiences;
    ActivationService activation;
    QString lastError;
};

// One fragment line: `attributes` (a JSON object's text, may be "{}") with
// the identities "ns:id" (the first is primary).
inline QByteArray fragmentLine(const QStringList &identities, const QByteArray &attributes)
{
    QJsonObject identityMap;
    for (qsizetype i = 0; i < identities.size(); ++i) {
        const qsizetype colon = identities[i].indexOf(QLatin1Char(':'));
        const QString ns = identities[i].left(colon);
        QJsonArray ids = identityMap.value(ns).toArray();
        ids.append(QJsonObject{{QStringLiteral("id"), identities[i].mid(colon + 1)},
                               {QStringLiteral("primary"), i == 0}});
        identityMap.insert(ns, ids);
    }
    QJsonObject fragment = QJsonDocument::fromJson(attributes).object();
    fragment.insert(QStringLiteral("identityMap"), identityMap);
    return QJsonDocument(fragment).toJson(QJsonDocument::Compact) + '\n';
}

inline QJsonObject jsonObject(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

} // namespace outflow::test
