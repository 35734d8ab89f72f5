#pragma once

#include <QList>
#include <QString>
#include <QWidget>

class QPushButton;
class QStandardItemModel;
class QTableView;

namespace outflow::ui {

// Name/value pairs with a *secret* flag per row (custom headers and query
// parameters, DESIGN §6): a table with Add and Remove. A secret value is
// shown as •••• and edited with password echo; in the Edit dialog a stored
// secret is never loaded (its value is empty and the cell says it is in the
// keychain). Validation is the caller's (DestinationConfig's functions).
class KeyValueTableEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyValueTableEditor)

public:
    struct Entry
    {
        QString name;
        QString value;
        bool secret = false;
        bool stored = false; // a secret kept in the keychain; value empty unless retyped
        friend bool operator==(const Entry &, const Entry &) = default;
    };
    enum Column { NameColumn, ValueColumn, SecretColumn };

    KeyValueTableEditor(const QString &nameTitle, const QString &valueTitle,
                        QWidget *parent = nullptr);

    void setEntries(const QList<Entry> &entries);
    // Rows whose name is blank are left out.
    QList<Entry> entries() const;

    QTableView *view() const { return m_view; }
    QStandardItemModel *model() const { return m_model; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    // Appends an empty row and starts editing its name.
    void addRow();

signals:
    void changed();

private:
    void removeSelected();
    void appendRow(const Entry &entry);

    QStandardItemModel *m_model;
    QTableView *m_view;
    QPushButton *m_add;
    QPushButton *m_remove;
    bool m_loading = false;
};

} // namespace outflow::ui
