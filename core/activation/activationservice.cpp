#include "activationservice.h"

#include "backfillrunner.h"
#include "store/store.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QUuid>

namespace outflow {

ActivationService::ActivationService(Store &store, Clock clock)
    : m_store(store)
    , m_clock(std::move(clock))
{}

qint64 ActivationService::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

bool ActivationService::inputError(const QString &message)
{
    m_error = message;
    m_errorKind = ErrorKind::Input;
    return false;
}

bool ActivationService::storeError(const QString &context)
{
    m_error =
        context.isEmpty() ? m_store.lastError() : tr("%1: %2").arg(context, m_store.lastError());
    m_errorKind = ErrorKind::Store;
    return false;
}

QString ActivationService::checkAttributePath(const QString &path)
{
    // XDM field names: letters, digits, '_' (tenant fields start with it), '-'.
    static const QRegularExpression field(QStringLiteral("^[A-Za-z0-9_-]+$"));
    if (path.isEmpty())
        return tr("the path is empty");
    const QStringList fields = path.split(QLatin1Char('.'));
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (fields.at(i).isEmpty())
            return tr("field %1 is empty (a leading, trailing or double dot)").arg(i + 1);
        if (!field.match(fields.at(i)).hasMatch())
            return tr("field %1 (“%2”) may hold only letters, digits, '_' and '-'")
                .arg(i + 1)
                .arg(fields.at(i));
    }
    const QString first = fields.constFirst();
    if (first == QLatin1String("identityMap"))
        return tr("identities cannot be mapped: every export carries the whole identityMap");
    if (first == QLatin1String("segmentMembership"))
        return tr("memberships cannot be mapped: every export carries its segmentMembership");
    return {};
}

std::optional<Destination> ActivationService::findDestination(const QString &idOrName)
{
    m_errorKind = ErrorKind::None;
    m_error.clear();
    std::optional<Destination> destination = m_store.destination(idOrName);
    if (!destination && m_store.lastError().isEmpty())
        destination = m_store.destinationByName(idOrName);
    if (!destination && !m_store.lastError().isEmpty()) {
        storeError(tr("Could not read the destinations"));
        return std::nullopt;
    }
    if (!destination)
        inputError(tr("There is no destination with the id or name “%1”.").arg(idOrName));
    return destination;
}

std::optional<QString> ActivationService::audienceId(const QString &idOrName)
{
    std::optional<Audience> audience = m_store.audience(idOrName);
    if (!audience && m_store.lastError().isEmpty())
        audience = m_store.audienceByName(idOrName);
    if (!audience && !m_store.lastError().isEmpty()) {
        storeError(tr("Could not read the audiences"));
        return std::nullopt;
    }
    if (!audience) {
        inputError(tr("--audience: there is no audience with the id or name “%1”.").arg(idOrName));
        return std::nullopt;
    }
    return audience->id;
}

std::optional<ActivationSummary> ActivationService::activate(const ActivationRequest &request)
{
    const std::optional<Destination> destination = findDestination(request.destination);
    if (!destination)
        return std::nullopt;
    // Every input checked before anything is written.
    QStringList add, remove;
    for (const QString &name : request.audiences) {
        const std::optional<QString> id = audienceId(name);
        if (!id)
            return std::nullopt;
        if (!add.contains(*id))
            add.append(*id);
    }
    for (const QString &name : request.removeAudiences) {
        const std::optional<QString> id = audienceId(name);
        if (!id)
            return std::nullopt;
        remove.append(*id);
    }
    QStringList paths = request.attributes;
    paths << request.removeAttributes << request.mandatory;
    if (!request.identifier.isEmpty())
        paths << request.identifier;
    for (const QString &path : std::as_const(paths)) {
        const QString problem = checkAttributePath(path);
        if (!problem.isEmpty()) {
            inputError(tr("--attribute “%1”: %2.").arg(path, problem));
            return std::nullopt;
        }
    }

    const qint64 time = now();
    ActivationSummary summary;
    std::optional<Dataflow> existing = m_store.dataflowOfDestination(destination->id);
    if (!existing && !m_store.lastError().isEmpty()) {
        storeError(tr("Could not read the dataflow"));
        return std::nullopt;
    }
    summary.created = !existing;
    Dataflow dataflow = existing.value_or(Dataflow{});
    if (summary.created) {
        dataflow.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        dataflow.destinationId = destination->id;
        dataflow.createdAt = time;
    }
    dataflow.audiences.removeIf(
        [&](const MappedAudience &mapped) { return remove.contains(mapped.audienceId); });
    for (MappedAudience &mapped : dataflow.audiences) {
        if (add.contains(mapped.audienceId))
            mapped.mappingUpdatedAt = time; // re-mapped: kept, its mapping touched
    }
    for (const QString &id : std::as_const(add)) {
        const bool mapped =
            std::any_of(dataflow.audiences.cbegin(), dataflow.audiences.cend(),
                        [&](const MappedAudience &m) { return m.audienceId == id; });
        if (!mapped && !remove.contains(id)) {
            dataflow.audiences.append({id, time, time});
            summary.mappedNow.append(id);
        }
    }
    dataflow.attributes.removeIf([&](const MappedAttribute &mapped) {
        return request.removeAttributes.contains(mapped.path);
    });
    const auto attribute = [&](const QString &path) -> MappedAttribute & {
        for (MappedAttribute &mapped : dataflow.attributes) {
            if (mapped.path == path)
                return mapped;
        }
        dataflow.attributes.append({path, false, false});
        return dataflow.attributes.last();
    };
    for (const QString &path : request.attributes)
        attribute(path);
    for (const QString &path : request.mandatory)
        attribute(path).mandatory = true;
    if (!request.identifier.isEmpty()) {
        for (MappedAttribute &mapped : dataflow.attributes)
            mapped.identifier = false;
        attribute(request.identifier).identifier = true;
    }
    if (request.triggers)
        dataflow.triggers = *request.triggers;
    dataflow.updatedAt = time;

    if (!m_store.begin()) {
        storeError({});
        return std::nullopt;
    }
    bool ok = m_store.saveDataflow(dataflow);
    if (ok && !summary.mappedNow.isEmpty()) {
        // Backfill: the profiles already realized in the newly mapped audiences.
        summary.backfill = BackfillRunner::create(m_store, dataflow.id, summary.mappedNow,
                                                  Backfill::Kind::Backfill, time);
        ok = summary.backfill.has_value();
    }
    if (!ok || !m_store.commit()) {
        storeError(tr("Could not save the dataflow"));
        const QString error = m_error;
        m_store.rollback();
        m_error = error;
        return std::nullopt;
    }
    summary.dataflow = dataflow;
    return summary;
}

std::optional<Backfill> ActivationService::resend(const QString &destinationName,
                                                  const QString &audience)
{
    const std::optional<Destination> destination = findDestination(destinationName);
    if (!destination)
        return std::nullopt;
    const std::optional<QString> id = audienceId(audience);
    if (!id)
        return std::nullopt;
    const std::optional<Dataflow> dataflow = m_store.dataflowOfDestination(destination->id);
    const bool mapped =
        dataflow && std::any_of(dataflow->audiences.cbegin(), dataflow->audiences.cend(),
                                [&](const MappedAudience &m) { return m.audienceId == *id; });
    if (!mapped) {
        if (!m_store.lastError().isEmpty())
            storeError(tr("Could not read the dataflow"));
        else
            inputError(tr("--audience: “%1” is not mapped to the destination “%2”.")
                           .arg(audience, destination->name));
        return std::nullopt;
    }
    std::optional<Backfill> backfill =
        BackfillRunner::create(m_store, dataflow->id, {*id}, Backfill::Kind::Resend, now());
    if (!backfill)
        storeError({});
    return backfill;
}

std::optional<DataflowStatus> ActivationService::status(const Destination &destination)
{
    DataflowStatus status;
    status.destination = destination;
    const std::optional<Dataflow> dataflow = m_store.dataflowOfDestination(destination.id);
    if (!dataflow) {
        if (!m_store.lastError().isEmpty())
            storeError(tr("Could not read the dataflow"));
        else
            inputError(tr("The destination “%1” has no dataflow: activate audiences to it first.")
                           .arg(destination.name));
        return std::nullopt;
    }
    status.dataflow = *dataflow;
    status.counters = m_store.dataflowCounters(dataflow->id);
    status.backlog = m_store.outboxCount(dataflow->id);
    const QList<Backfill> backfills = m_store.backfills(dataflow->id);
    if (!backfills.isEmpty())
        status.backfill = backfills.constFirst();
    if (!m_store.lastError().isEmpty() || status.backlog < 0) {
        storeError(tr("Could not read the dataflow's figures"));
        return std::nullopt;
    }
    return status;
}

} // namespace outflow
