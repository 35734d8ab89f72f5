// Audiences: their own prepared statements, apart from the profile
// statements of the merge path (sqlitestatements.cpp); memberships in
// sqlitememberships.cpp.
#include "sqliteaudiences_p.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace outflow {

namespace {

// A null QString binds as SQL NULL; the text columns are NOT NULL.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

Audience audienceFromRow(const QSqlQuery &query)
{
    Audience audience;
    audience.id = query.value(0).toString();
    audience.name = query.value(1).toString();
    audience.description = query.value(2).toString();
    audience.origin =
        audienceOriginFromName(query.value(3).toString()).value_or(AudienceOrigin::Segmentation);
    audience.rule = query.value(4).toString();
    audience.mergePolicyId = query.value(5).toString();
    audience.createdAt = query.value(6).toLongLong();
    audience.updatedAt = query.value(7).toLongLong();
    return audience;
}

} // namespace

void SqliteStore::AudienceStatementsDeleter::operator()(AudienceStatements *statements) const
{
    delete statements;
}

SqliteStore::AudienceStatements *SqliteStore::audienceStatements()
{
    if (m_audienceStatements)
        return m_audienceStatements.get();
    if (!isOpen())
        return nullptr;
    std::unique_ptr<AudienceStatements, AudienceStatementsDeleter> statements(
        new AudienceStatements(m_db, m_statements->handle));
    QString error;
    if (!statements->prepare(&error)) {
        fail(QCoreApplication::translate("SqliteStore", "The store reported an error: %1")
                 .arg(error));
        return nullptr;
    }
    m_audienceStatements = std::move(statements);
    return m_audienceStatements.get();
}

std::optional<Audience> SqliteStore::readAudience(QSqlQuery &query)
{
    m_error.clear();
    if (!exec(query))
        return std::nullopt;
    std::optional<Audience> result;
    if (query.next())
        result = audienceFromRow(query);
    query.finish();
    return result;
}

// A clear message instead of SQLite's "UNIQUE constraint failed".
bool SqliteStore::checkAudienceName(const Audience &audience)
{
    const std::optional<Audience> existing = audienceByName(audience.name);
    if (!existing)
        return m_error.isEmpty();
    if (existing->id == audience.id)
        return true;
    return fail(QCoreApplication::translate("SqliteStore", "An audience named “%1” already exists.")
                    .arg(audience.name));
}

bool SqliteStore::insertAudience(const Audience &audience)
{
    AudienceStatements *s = audienceStatements();
    if (!s || !checkAudienceName(audience))
        return false;
    QSqlQuery &q = s->insertAudience;
    q.bindValue(0, audience.id);
    q.bindValue(1, text(audience.name));
    q.bindValue(2, text(audience.description));
    q.bindValue(3, audienceOriginName(audience.origin));
    q.bindValue(4, audience.isRuleAudience() ? QVariant(audience.rule)
                                             : QVariant(QMetaType(QMetaType::QString)));
    q.bindValue(5, text(audience.mergePolicyId));
    q.bindValue(6, audience.createdAt);
    q.bindValue(7, audience.updatedAt);
    return exec(q);
}

bool SqliteStore::updateAudience(const Audience &audience)
{
    AudienceStatements *s = audienceStatements();
    if (!s || !checkAudienceName(audience))
        return false;
    QSqlQuery &q = s->updateAudience;
    q.bindValue(0, text(audience.name));
    q.bindValue(1, text(audience.description));
    q.bindValue(2, audience.isRuleAudience() ? QVariant(audience.rule)
                                             : QVariant(QMetaType(QMetaType::QString)));
    q.bindValue(3, text(audience.mergePolicyId));
    q.bindValue(4, audience.updatedAt);
    q.bindValue(5, audience.id);
    if (!exec(q))
        return false;
    if (q.numRowsAffected() == 1)
        return true;
    return fail(QCoreApplication::translate("SqliteStore", "There is no audience with the id %1.")
                    .arg(audience.id));
}

bool SqliteStore::deleteAudience(const QString &id)
{
    AudienceStatements *s = audienceStatements();
    if (!s)
        return false;
    // Three statements, one atomic unit: a transaction of its own unless the
    // caller has one open. Its memberships go, and so does its place in the
    // dataflows that activated it (nothing would be exported for it again,
    // and the app would show an audience that no longer exists).
    const bool own = !m_inTransaction;
    if (own && !begin())
        return false;
    s->deleteMemberships.bindValue(0, id);
    s->deleteAudience.bindValue(0, id);
    s->unmapAudience.bindValue(QStringLiteral(":audience"), id);
    s->unmapAudience.bindValue(QStringLiteral(":now"), QDateTime::currentMSecsSinceEpoch());
    if (exec(s->deleteMemberships) && exec(s->unmapAudience) && exec(s->deleteAudience) &&
        (!own || commit())) {
        s->keysById.remove(id);
        return true;
    }
    if (own) {
        const QString error = m_error;
        rollback();
        m_error = error;
    }
    return false;
}

std::optional<Audience> SqliteStore::audience(const QString &id)
{
    AudienceStatements *s = audienceStatements();
    if (!s)
        return std::nullopt;
    s->byId.bindValue(0, id);
    return readAudience(s->byId);
}

std::optional<Audience> SqliteStore::audienceByName(const QString &name)
{
    AudienceStatements *s = audienceStatements();
    if (!s)
        return std::nullopt;
    s->byName.bindValue(0, name);
    return readAudience(s->byName);
}

QList<Audience> SqliteStore::audiences()
{
    QList<Audience> result;
    AudienceStatements *s = audienceStatements();
    if (!s)
        return result;
    m_error.clear();
    QSqlQuery &q = s->all;
    if (!exec(q))
        return result;
    while (q.next())
        result.append(audienceFromRow(q));
    q.finish();
    return result;
}

} // namespace outflow
