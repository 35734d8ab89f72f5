// Destinations and dataflows (the outbox and the activation log are in
// sqliteoutbox.cpp). Their statements are prepared on first use, as the
// audiences' (sqliteaudiences.cpp).
#include "delivery/destinationconfig.h"
#include "sqliteactivation_p.h"
#include "sqlitestore.h"
#include "sqlitestore_p.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace outflow {

namespace {

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

// The config column is delivery/destinationjson.cpp's document; the
// columns of their own (id, name, enabled, times) win over its copies. A
// config that no longer reads keeps the defaults: the destination still lists
// and can be fixed or removed.
Destination destinationFromRow(const QSqlQuery &q)
{
    const QJsonObject config = QJsonDocument::fromJson(q.value(2).toByteArray()).object();
    Destination destination = destinationFromJson(config, nullptr).value_or(Destination{});
    destination.id = q.value(0).toString();
    destination.name = q.value(1).toString();
    destination.enabled = q.value(3).toBool();
    destination.createdAt = q.value(4).toLongLong();
    destination.updatedAt = q.value(5).toLongLong();
    return destination;
}

Dataflow dataflowFromRow(const QSqlQuery &q)
{
    Dataflow dataflow;
    dataflowConfigFromJson(QJsonDocument::fromJson(q.value(2).toByteArray()).object(), &dataflow);
    dataflow.id = q.value(0).toString();
    dataflow.destinationId = q.value(1).toString();
    dataflow.createdAt = q.value(3).toLongLong();
    dataflow.updatedAt = q.value(4).toLongLong();
    return dataflow;
}

} // namespace

void SqliteStore::ActivationStatementsDeleter::operator()(ActivationStatements *statements) const
{
    delete statements;
}

SqliteStore::ActivationStatements *SqliteStore::activationStatements()
{
    if (m_activationStatements)
        return m_activationStatements.get();
    if (!isOpen())
        return nullptr;
    std::unique_ptr<ActivationStatements, ActivationStatementsDeleter> statements(
        new ActivationStatements(m_db, m_statements->handle));
    QString error;
    if (!statements->prepare(&error)) {
        fail(QCoreApplication::translate("SqliteStore", "The store reported an error: %1")
                 .arg(error));
        return nullptr;
    }
    m_activationStatements = std::move(statements);
    return m_activationStatements.get();
}

// --- destinations ----------------------------------------------------------------

bool SqliteStore::checkDestinationName(const Destination &destination)
{
    const std::optional<Destination> existing = destinationByName(destination.name);
    if (!existing)
        return m_error.isEmpty();
    if (existing->id == destination.id)
        return true;
    return fail(
        QCoreApplication::translate("SqliteStore", "A destination named “%1” already exists.")
            .arg(destination.name));
}

bool SqliteStore::insertDestination(const Destination &destination)
{
    ActivationStatements *s = activationStatements();
    if (!s || !checkDestinationName(destination))
        return false;
    QSqlQuery &q = s->insertDestination;
    q.bindValue(0, destination.id);
    q.bindValue(1, text(destination.name));
    q.bindValue(2, QString::fromUtf8(compactJson(destinationToJson(destination))));
    q.bindValue(3, destination.enabled ? 1 : 0);
    q.bindValue(4, destination.createdAt);
    q.bindValue(5, destination.updatedAt);
    return exec(q);
}

bool SqliteStore::updateDestination(const Destination &destination)
{
    ActivationStatements *s = activationStatements();
    if (!s || !checkDestinationName(destination))
        return false;
    QSqlQuery &q = s->updateDestination;
    q.bindValue(0, text(destination.name));
    q.bindValue(1, QString::fromUtf8(compactJson(destinationToJson(destination))));
    q.bindValue(2, destination.enabled ? 1 : 0);
    q.bindValue(3, destination.updatedAt);
    q.bindValue(4, destination.id);
    if (!exec(q))
        return false;
    if (q.numRowsAffected() == 1)
        return true;
    return fail(
        QCoreApplication::translate("SqliteStore", "There is no destination with the id %1.")
            .arg(destination.id));
}

bool SqliteStore::deleteDestination(const QString &id)
{
    ActivationStatements *s = activationStatements();
    if (!s)
        return false;
    // The dataflow and everything of it go with the destination (ON DELETE
    // CASCADE), but for the claims of its exports (see sweepClaims).
    const bool ownTransaction = !m_inTransaction;
    if (ownTransaction && !begin())
        return false;
    s->deleteDestination.bindValue(0, id);
    if (!exec(s->deleteDestination) || !sweepClaims() || (ownTransaction && !commit())) {
        if (ownTransaction)
            rollback();
        return false;
    }
    return true;
}

std::optional<Destination> SqliteStore::destination(const QString &id)
{
    ActivationStatements *s = activationStatements();
    if (!s)
        return std::nullopt;
    s->destinationById.bindValue(0, id);
    const QList<Destination> rows = readRows<Destination>(s->destinationById, destinationFromRow);
    return rows.isEmpty() ? std::nullopt : std::optional<Destination>(rows.first());
}

std::optional<Destination> SqliteStore::destinationByName(const QString &name)
{
    ActivationStatements *s = activationStatements();
    if (!s)
        return std::nullopt;
    s->destinationByName.bindValue(0, name);
    const QList<Destination> rows = readRows<Destination>(s->destinationByName, destinationFromRow);
    return rows.isEmpty() ? std::nullopt : std::optional<Destination>(rows.first());
}

QList<Destination> SqliteStore::destinations()
{
    ActivationStatements *s = activationStatements();
    if (!s)
        return {};
    return readRows<Destination>(s->allDestinations, destinationFromRow);
}

// --- dataflows -------------------------------------------------------------------

bool SqliteStore::saveDataflow(const Dataflow &dataflow)
{
    ActivationStatements *s = activationStatements();
    if (!s)
        return false;
    QSqlQuery &q = s->saveDataflow;
    q.bindValue(0, dataflow.id);
    q.bindValue(1, dataflow.destinationId);
    q.bindValue(2, QString::fromUtf8(compactJson(dataflowConfigToJson(dataflow))));
    q.bindValue(3, dataflow.createdAt);
    q.bindValue(4, dataflow.updatedAt);
    return exec(q);
}

std::optional<Dataflow> SqliteStore::dataflowOfDestination(const QString &destinationId)
{
    ActivationStatements *s = activationStatements();
    if (!s)
        return std::nullopt;
    s->dataflowOf.bindValue(0, destinationId);
    const QList<Dataflow> rows = readRows<Dataflow>(s->dataflowOf, dataflowFromRow);
    return rows.isEmpty() ? std::nullopt : std::optional<Dataflow>(rows.first());
}

QList<Dataflow> SqliteStore::dataflows()
{
    ActivationStatements *s = activationStatements();
    if (!s)
        return {};
    return readRows<Dataflow>(s->allDataflows, dataflowFromRow);
}

} // namespace outflow
