#pragma once

// For store tests: a plain QtSql connection to the store file.
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace outflow::test {

// A connection of its own, beside the store, to set up and inspect what the
// Store interface does not expose (yet): memberships, schema details.
class RawConnection
{
public:
    explicit RawConnection(const QString &path)
        : m_name(QStringLiteral("raw-%1").arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawConnection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    RawConnection(const RawConnection &) = delete;
    RawConnection &operator=(const RawConnection &) = delete;

    bool exec(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name));
        return query.exec(sql);
    }
    QVariant value(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name));
        return query.exec(sql) && query.next() ? query.value(0) : QVariant();
    }
    qint64 integer(const QString &sql) { return value(sql).toLongLong(); }
    // The first column of every row.
    QStringList column(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name));
        query.setForwardOnly(true);
        QStringList values;
        if (query.exec(sql)) {
            while (query.next())
                values.append(query.value(0).toString());
        }
        return values;
    }
    QString text(const QString &sql) { return value(sql).toString(); }

private:
    static inline int s_count = 0;
    QString m_name;
};

} // namespace outflow::test
