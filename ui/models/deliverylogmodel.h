#pragma once

#include "model/delivery.h"

#include <QAbstractTableModel>
#include <QList>

namespace outflow::ui {

// Delivery log entries, newest first, bounded like qBittorrent's log model
// (GUI.md §1.6): a live refresh inserts its rows at the top and removes the
// oldest ones past the capacity; Load More appends older rows at the bottom
// while there is room. Never reset: rows are inserted and removed, so the
// selection and the scroll position survive every refresh. The Deliveries
// page's table and its detail's attempts table both show one.
class DeliveryLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeliveryLogModel)

public:
    enum Column {
        Time,
        Destination,
        ExportId,
        Profile,
        Outcome,
        Status,
        Attempt,
        Latency,
        Lane,
        Reason,
        ColumnCount
    };
    Q_ENUM(Column)
    static constexpr int SortRole = Qt::UserRole; // each cell's raw value
    static constexpr int IdRole = Qt::UserRole + 1;
    static constexpr int ExportIdRole = Qt::UserRole + 2;
    static constexpr int DestinationIdRole = Qt::UserRole + 3;
    // True for a failed attempt whose export may still be a dead letter
    // (what Replay Selected acts on): failed, and not superseded.
    static constexpr int ReplayableRole = Qt::UserRole + 4;
    static constexpr int DefaultCapacity = 5000;

    explicit DeliveryLogModel(QObject *parent = nullptr, int capacity = DefaultCapacity);

    int capacity() const { return m_capacity; }
    bool isFull() const { return m_rows.size() >= m_capacity; }
    // Entries newer than every row (newest first): inserted at the top, the
    // oldest rows past the capacity removed.
    void prependNewer(const QList<DeliveryLogEntry> &entries);
    // Entries older than every row (newest first): appended while there is
    // room; returns how many were.
    int appendOlder(const QList<DeliveryLogEntry> &entries);
    // Every row removed, then `entries` inserted (two steps, no reset).
    void replaceAll(const QList<DeliveryLogEntry> &entries);
    void clear();

    const DeliveryLogEntry &entry(int row) const { return m_rows.at(row); }
    const QList<DeliveryLogEntry> &entries() const { return m_rows; }
    qint64 newestId() const { return m_rows.isEmpty() ? 0 : m_rows.constFirst().id; }
    qint64 oldestId() const { return m_rows.isEmpty() ? 0 : m_rows.constLast().id; }

    // Screen sharing: the Profile column shows "ns:•••".
    void setProfilesMasked(bool masked);
    bool profilesMasked() const { return m_masked; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "Delivered", "Retrying", "Failed", "Not sent again", translated.
    static QString outcomeText(const DeliveryLogEntry &entry);
    // What the Reason column shows: the error sentence, or nothing for a 2xx.
    static QString reasonText(const DeliveryLogEntry &entry);

private:
    QVariant display(const DeliveryLogEntry &entry, int column) const;
    static QVariant sortValue(const DeliveryLogEntry &entry, int column);

    const int m_capacity;
    QList<DeliveryLogEntry> m_rows; // newest first
    bool m_masked = false;
};

} // namespace outflow::ui
