#pragma once

#include <initializer_list>
#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <string>
#include <vector>

namespace outflow {

// The attribute paths a merge wrote, dotted ("person.name.firstName"), in
// UTF-8, one after the other in a single buffer. A merge writes dozens of
// them; a QString each (an allocation and a UTF-16 conversion per path, a
// list that grows) was about a tenth of the ingest merge thread's
// instructions (callgrind, bench/README.md). A value type, safe to hand to
// another thread; a std::string holds the bytes because QByteArray::append()
// is a generic insert() in Qt 6.4, several times the cost of a copy.
class WrittenPaths
{
public:
    WrittenPaths() = default;
    WrittenPaths(std::initializer_list<QString> paths)
    {
        for (const QString &path : paths)
            append(path.toUtf8());
    }
    static WrittenPaths fromStringList(const QStringList &paths)
    {
        WrittenPaths written;
        for (const QString &path : paths)
            written.append(path.toUtf8());
        return written;
    }

    void append(QByteArrayView path)
    {
        m_bytes.append(path.data(), std::size_t(path.size()));
        m_ends.push_back(qsizetype(m_bytes.size()));
    }
    void reserve(qsizetype bytes, qsizetype paths)
    {
        m_bytes.reserve(std::size_t(bytes));
        m_ends.reserve(std::size_t(paths));
    }

    qsizetype size() const { return qsizetype(m_ends.size()); }
    bool isEmpty() const { return m_ends.empty(); }
    QByteArrayView at(qsizetype i) const
    {
        const qsizetype begin = i == 0 ? 0 : m_ends[std::size_t(i - 1)];
        return QByteArrayView(m_bytes.data() + begin, m_ends[std::size_t(i)] - begin);
    }

    class const_iterator
    {
    public:
        using value_type = QByteArrayView;
        using difference_type = qsizetype;
        const_iterator(const WrittenPaths *paths, qsizetype index)
            : m_paths(paths)
            , m_index(index)
        {}
        QByteArrayView operator*() const { return m_paths->at(m_index); }
        const_iterator &operator++()
        {
            ++m_index;
            return *this;
        }
        bool operator==(const const_iterator &other) const { return m_index == other.m_index; }
        bool operator!=(const const_iterator &other) const { return m_index != other.m_index; }

    private:
        const WrittenPaths *m_paths;
        qsizetype m_index;
    };
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, size()}; }

    QStringList toStringList() const
    {
        QStringList list;
        list.reserve(size());
        for (const QByteArrayView path : *this)
            list.append(QString::fromUtf8(path));
        return list;
    }

    friend bool operator==(const WrittenPaths &a, const WrittenPaths &b)
    {
        return a.m_ends == b.m_ends && a.m_bytes == b.m_bytes;
    }
    friend bool operator!=(const WrittenPaths &a, const WrittenPaths &b) { return !(a == b); }

private:
    std::string m_bytes;
    std::vector<qsizetype> m_ends; // where each path ends in m_bytes
};

} // namespace outflow
