#include "keyvaluetableeditor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace outflow::ui {

namespace {

constexpr int StoredRole = Qt::UserRole + 1;

// Secret values: bullets in the cell, password echo while editing.
class ValueDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (!isSecret(index))
            return;
        const QString value = index.data(Qt::EditRole).toString();
        if (!value.isEmpty())
            option->text = QStringLiteral("••••");
        else if (index.data(StoredRole).toBool())
            option->text = KeyValueTableEditor::tr("Stored in the keychain — type to replace");
    }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override
    {
        QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
        if (auto *line = qobject_cast<QLineEdit *>(editor); line && isSecret(index)) {
            line->setEchoMode(QLineEdit::Password);
            line->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
        }
        return editor;
    }

private:
    static bool isSecret(const QModelIndex &index)
    {
        return index.siblingAtColumn(KeyValueTableEditor::SecretColumn).data(Qt::CheckStateRole) ==
               Qt::Checked;
    }
};

} // namespace

KeyValueTableEditor::KeyValueTableEditor(const QString &nameTitle, const QString &valueTitle,
                                         QWidget *parent)
    : QWidget(parent)
    , m_model(new QStandardItemModel(0, 3, this))
    , m_view(new QTableView(this))
    , m_add(new QPushButton(tr("Add"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
{
    m_model->setHorizontalHeaderLabels({nameTitle, valueTitle, tr("Secret")});
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(ValueColumn, new ValueDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_view->setTabKeyNavigation(false); // Tab leaves the table, arrows move in it
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(SecretColumn, QHeaderView::ResizeToContents);
    m_view->setMinimumHeight(110);
    m_add->setToolTip(tr("Add a row"));
    m_remove->setToolTip(tr("Remove the selected row"));
    m_remove->setEnabled(false);

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, &KeyValueTableEditor::addRow);
    connect(m_remove, &QPushButton::clicked, this, &KeyValueTableEditor::removeSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_remove->setEnabled(m_view->selectionModel()->hasSelection()); });
    connect(m_model, &QStandardItemModel::itemChanged, this, [this](QStandardItem *item) {
        if (m_loading)
            return;
        // A value retyped over a stored secret replaces it.
        if (item->column() == ValueColumn && !item->text().isEmpty())
            item->setData(false, StoredRole);
        if (item->column() == SecretColumn) // repaint the value as bullets or text
            emit m_model->dataChanged(item->index().siblingAtColumn(ValueColumn),
                                      item->index().siblingAtColumn(ValueColumn));
        emit changed();
    });
}

void KeyValueTableEditor::appendRow(const Entry &entry)
{
    auto *name = new QStandardItem(entry.name);
    auto *value = new QStandardItem(entry.value);
    value->setData(entry.stored, StoredRole);
    auto *secret = new QStandardItem;
    secret->setCheckable(true);
    secret->setEditable(false);
    secret->setCheckState(entry.secret ? Qt::Checked : Qt::Unchecked);
    secret->setToolTip(tr("Keep this value in the keychain: it is never stored, logged or shown."));
    m_model->appendRow({name, value, secret});
}

void KeyValueTableEditor::setEntries(const QList<Entry> &entries)
{
    m_loading = true;
    m_model->removeRows(0, m_model->rowCount());
    for (const Entry &entry : entries)
        appendRow(entry);
    m_loading = false;
    emit changed();
}

QList<KeyValueTableEditor::Entry> KeyValueTableEditor::entries() const
{
    QList<Entry> entries;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        Entry entry;
        entry.name = m_model->item(row, NameColumn)->text().trimmed();
        entry.value = m_model->item(row, ValueColumn)->text();
        entry.secret = m_model->item(row, SecretColumn)->checkState() == Qt::Checked;
        entry.stored = m_model->item(row, ValueColumn)->data(StoredRole).toBool();
        if (!entry.name.isEmpty())
            entries.append(entry);
    }
    return entries;
}

void KeyValueTableEditor::addRow()
{
    m_loading = true;
    appendRow({});
    m_loading = false;
    const QModelIndex name = m_model->index(m_model->rowCount() - 1, NameColumn);
    m_view->setCurrentIndex(name);
    m_view->edit(name);
    emit changed();
}

void KeyValueTableEditor::removeSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    m_model->removeRow(rows.constFirst().row());
    emit changed();
}

} // namespace outflow::ui
