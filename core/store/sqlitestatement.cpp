#include "sqlitestatement.h"

#include <sqlite3.h>

namespace outflow {

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement); // a no-op on nullptr
}

bool SqliteStatement::prepare(sqlite3 *db, QByteArrayView sql)
{
    sqlite3_finalize(m_statement);
    m_statement = nullptr;
    m_boundTexts.clear();
    m_db = db;
    // PERSISTENT: prepared once per connection and used for its whole life.
    return sqlite3_prepare_v3(db, sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT,
                              &m_statement, nullptr) == SQLITE_OK;
}

void SqliteStatement::forgetText(int index)
{
    if (std::size_t(index) < m_boundTexts.size())
        m_boundTexts[std::size_t(index)].reset();
}

void SqliteStatement::bind(int index, qint64 value)
{
    forgetText(index);
    sqlite3_bind_int64(m_statement, index, value);
}

void SqliteStatement::bind(int index, QByteArrayView utf8)
{
    forgetText(index);
    bindUtf8(index, utf8);
}

void SqliteStatement::bindUtf8(int index, QByteArrayView utf8)
{
    // A null view would bind NULL; an empty text is still a text.
    sqlite3_bind_text(m_statement, index, utf8.isNull() ? "" : utf8.data(), int(utf8.size()),
                      SQLITE_TRANSIENT);
}

void SqliteStatement::bind(int index, const QString &text)
{
    // With setKeepsBindings(), a text bound again as it was (the same shared
    // data, as the destination id of every delivery-log row) is not
    // converted and copied again. The copy kept in m_boundTexts holds that
    // data alive, so no other text can be allocated at its address meanwhile.
    const auto slot = std::size_t(index);
    if (!m_keepsBindings) {
        bindText(index, text);
        return;
    }
    if (slot < m_boundTexts.size()) {
        const std::optional<QString> &bound = m_boundTexts[slot];
        if (bound && bound->constData() == text.constData() && bound->size() == text.size())
            return;
    } else {
        m_boundTexts.resize(slot + 1);
    }
    m_boundTexts[slot] = text;
    bindText(index, text);
}

void SqliteStatement::bindText(int index, const QString &text)
{
    // Most texts bound per row (ids, lanes, states, short messages) are
    // ASCII: copied through a stack buffer, they cost no QByteArray.
    constexpr qsizetype stackBytes = 128;
    if (text.size() <= stackBytes) {
        char ascii[stackBytes];
        const QChar *units = text.constData();
        qsizetype i = 0;
        for (; i < text.size() && units[i].unicode() < 0x80; ++i)
            ascii[i] = char(units[i].unicode());
        if (i == text.size()) {
            bindUtf8(index, QByteArrayView(ascii, i));
            return;
        }
    }
    const QByteArray utf8 = text.toUtf8();
    bindUtf8(index, QByteArrayView(utf8));
}

void SqliteStatement::bindNull(int index)
{
    forgetText(index);
    sqlite3_bind_null(m_statement, index);
}

bool SqliteStatement::step()
{
    const int result = sqlite3_step(m_statement);
    if (result == SQLITE_ROW)
        return true;
    m_failed = result != SQLITE_DONE;
    return false;
}

qint64 SqliteStatement::int64(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

QByteArray SqliteStatement::bytes(int column) const
{
    // text() before bytes(): the documented order that avoids a conversion.
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return QByteArray(data, sqlite3_column_bytes(m_statement, column));
}

QString SqliteStatement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_statement, column));
}

QStringView SqliteStatement::text16(int column) const
{
    const auto *data = static_cast<const char16_t *>(sqlite3_column_text16(m_statement, column));
    return QStringView(data, sqlite3_column_bytes16(m_statement, column) / 2);
}

void SqliteStatement::reset()
{
    if (!m_statement)
        return;
    sqlite3_reset(m_statement);
    if (!m_keepsBindings) {
        sqlite3_clear_bindings(m_statement);
        m_boundTexts.clear();
    }
    m_failed = false;
}

QString SqliteStatement::errorMessage() const
{
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString();
}

} // namespace outflow
