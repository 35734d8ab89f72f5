#pragma once

#include <optional>
#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace outflow {

// One prepared statement on the sqlite3 C API, for the statements every
// merged fragment runs. QtSql costs more than the statement itself on a point
// lookup: a QVariant per bound value and column, a QSqlRecord and QSqlError
// per execution (about half of the merge path's instructions in callgrind).
// The connection stays QtSql's: this runs on the very sqlite3 handle of the
// store's QSqlDatabase (SqliteStore checks the library is the same one).
//
// Owns its sqlite3_stmt; reset() after every use (Use does it) so that no
// statement holds a read snapshot between calls.
class SqliteStatement
{
public:
    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // On failure returns false; the connection's message is in errorMessage().
    bool prepare(sqlite3 *db, QByteArrayView sql);
    bool isPrepared() const { return m_statement != nullptr; }

    // reset() clears every parameter unless this is set: for statements
    // that bind all their parameters on every use and see the same texts
    // again and again (see bind(int, const QString &)).
    void setKeepsBindings(bool keeps) { m_keepsBindings = keeps; }

    // Parameters are 1-based, as in SQLite.
    void bind(int index, qint64 value);
    void bind(int index, QByteArrayView utf8); // TEXT, copied by SQLite
    void bind(int index, const QString &text);
    void bindNull(int index);
    void bindBlobAsText(int index, const QByteArray &utf8) { bind(index, QByteArrayView(utf8)); }

    // True when a row is available; false at the end or on error (see failed()).
    bool step();
    bool failed() const { return m_failed; }
    qint64 int64(int column) const;
    bool isNull(int column) const;
    QByteArray bytes(int column) const; // TEXT or BLOB as stored (UTF-8 for TEXT)
    QString text(int column) const;
    // The column as UTF-16, without a copy: valid until the next step() or reset().
    QStringView text16(int column) const;
    void reset();

    sqlite3 *connection() const { return m_db; }
    QString errorMessage() const;

    // Resets the statement when it goes out of scope, whatever the path.
    class Use
    {
    public:
        explicit Use(SqliteStatement &statement)
            : m_statement(statement)
        {}
        ~Use() { m_statement.reset(); }
        Use(const Use &) = delete;
        Use &operator=(const Use &) = delete;

    private:
        SqliteStatement &m_statement;
    };

private:
    void bindUtf8(int index, QByteArrayView utf8);
    void bindText(int index, const QString &text);
    void forgetText(int index);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    bool m_failed = false;
    bool m_keepsBindings = false;
    std::vector<std::optional<QString>> m_boundTexts; // by parameter (see bind)
};

} // namespace outflow
