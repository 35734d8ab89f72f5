#include "mappingeditor.h"

#include "activationdraft.h"
#include "mappedattributesmodel.h"
#include "payloadpreviewpanel.h"
#include "widgets/tableviews.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace outflow::ui {

namespace {

constexpr int PathRole = Qt::UserRole;
constexpr int LeafRole = Qt::UserRole + 1;

QWidget *column(QWidget *parent)
{
    auto *widget = new QWidget(parent);
    auto *layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    return widget;
}

} // namespace

MappingEditor::MappingEditor(EngineHost &host, QWidget *parent)
    : ActivationEditor(parent)
    , m_filter(new QLineEdit(this))
    , m_tree(new QTreeView(this))
    , m_path(new QLineEdit(this))
    , m_add(new QPushButton(tr("&Add"), this))
    , m_pathCheck(new QLabel(this))
    , m_mappedView(new QTableView(this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_preview(new PayloadPreviewPanel(host, this))
    , m_fields(new QStandardItemModel(this))
    , m_fieldFilter(new QSortFilterProxyModel(this))
    , m_mapped(new MappedAttributesModel(this))
{
    m_filter->setObjectName(QStringLiteral("fieldFilter"));
    m_filter->setPlaceholderText(tr("e.g. email"));
    m_filter->setClearButtonEnabled(true);
    m_fields->setHorizontalHeaderLabels({tr("Field"), tr("Type"), tr("Profiles")});
    m_fields->setHeaderData(2, Qt::Horizontal,
                            tr("How many of the sampled stored profiles have it"), Qt::ToolTipRole);
    m_fieldFilter->setSourceModel(m_fields);
    m_fieldFilter->setRecursiveFilteringEnabled(true);
    m_fieldFilter->setFilterRole(PathRole);
    m_fieldFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_tree->setObjectName(QStringLiteral("fieldTree"));
    m_tree->setModel(m_fieldFilter);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_tree->setToolTip(tr("Enter or a double click maps the field"));
    m_path->setObjectName(QStringLiteral("typedPath"));
    m_path->setPlaceholderText(tr("e.g. person.name.firstName"));
    m_add->setObjectName(QStringLiteral("addAttributeButton"));
    m_add->setEnabled(false);
    m_pathCheck->setObjectName(QStringLiteral("pathCheck"));
    m_pathCheck->setWordWrap(true);
    m_pathCheck->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_pathCheck->hide();
    m_mappedView->setObjectName(QStringLiteral("mappedAttributes"));
    m_mappedView->setModel(m_mapped);
    setUpReadOnlyTable(m_mappedView);
    m_mappedView->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_mappedView->horizontalHeader()->setSectionResizeMode(MappedAttributesModel::Path,
                                                           QHeaderView::Stretch);
    m_mappedView->setToolTip(tr("Space checks the Identifier or Mandatory box under the cursor"));
    m_remove->setObjectName(QStringLiteral("removeAttributeButton"));
    m_remove->setEnabled(false);

    QWidget *left = column(this);
    auto *leftLayout = static_cast<QVBoxLayout *>(left->layout());
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(buddyLabel(tr("F&ilter fields:"), m_filter, left));
    filterRow->addWidget(m_filter, 1);
    leftLayout->addLayout(filterRow);
    leftLayout->addWidget(buddyLabel(tr("&XDM fields:"), m_tree, left));
    leftLayout->addWidget(m_tree, 1);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(buddyLabel(tr("T&yped path:"), m_path, left));
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_add);
    leftLayout->addLayout(pathRow);
    leftLayout->addWidget(m_pathCheck);

    QWidget *mappedColumn = column(this);
    auto *mappedLayout = static_cast<QVBoxLayout *>(mappedColumn->layout());
    auto *mappedHead = new QHBoxLayout;
    mappedHead->addWidget(buddyLabel(tr("&Mapped attributes:"), m_mappedView, mappedColumn), 1);
    mappedHead->addWidget(m_remove);
    mappedLayout->addLayout(mappedHead);
    mappedLayout->addWidget(m_mappedView, 1);
    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(mappedColumn);
    right->addWidget(m_preview);
    right->setChildrenCollapsible(false);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setChildrenCollapsible(false);
    // The field names need room as much as the preview does.
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    addMessageLabel(layout);
    setTabOrder(m_filter, m_tree);
    setTabOrder(m_tree, m_path);
    setTabOrder(m_path, m_add);
    setTabOrder(m_add, m_remove);
    setTabOrder(m_remove, m_mappedView);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_fieldFilter->setFilterFixedString(text);
        if (!text.isEmpty())
            m_tree->expandAll();
    });
    // Enter in the tree is handled by eventFilter(), a double click here.
    connect(m_tree, &QTreeView::doubleClicked, this, &MappingEditor::addCurrentField);
    connect(m_path, &QLineEdit::textChanged, this, &MappingEditor::refreshPathCheck);
    m_path->installEventFilter(this);
    m_tree->installEventFilter(this);
    connect(m_add, &QPushButton::clicked, this, &MappingEditor::addTypedPath);
    connect(m_remove, &QPushButton::clicked, this, &MappingEditor::removeSelected);
    connect(m_mappedView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { m_remove->setEnabled(current.isValid()); });
    connect(m_mapped, &MappedAttributesModel::attributesChanged, this, &MappingEditor::planChanged);
}

bool MappingEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return ActivationEditor::eventFilter(watched, event);
    const int key = static_cast<QKeyEvent *>(event)->key();
    if (key != Qt::Key_Return && key != Qt::Key_Enter)
        return ActivationEditor::eventFilter(watched, event);
    if (watched == m_path && !m_path->text().trimmed().isEmpty()) {
        addTypedPath();
        return true;
    }
    if (watched == m_tree && m_tree->currentIndex().isValid()) {
        addCurrentField();
        return true;
    }
    return ActivationEditor::eventFilter(watched, event);
}

void MappingEditor::load(const ActivationDraft &draft)
{
    m_destinationId = draft.destinationId();
    m_audienceIds = draft.plan.audienceIds;
    m_triggers = draft.plan.triggers;
    fillTree(draft.choices.attributes);
    m_mapped->setAttributes(draft.plan.attributes); // asks for a preview
}

void MappingEditor::save(ActivationDraft &draft) const
{
    draft.plan.attributes = m_mapped->attributes();
}

QString MappingEditor::problem() const
{
    return ActivationPlanner::attributesProblem(m_mapped->attributes());
}

QString MappingEditor::warning() const
{
    if (m_mapped->attributes().isEmpty())
        return tr("No attribute is mapped: each export will carry only the profile's identities "
                  "and audience memberships.");
    if (!m_mapped->hasIdentifier())
        return tr("No attribute is the unique identifier. One is recommended, so that the "
                  "receiver can tell profiles apart: check one in the Identifier column.");
    return {};
}

void MappingEditor::fillTree(const QList<AttributeChoice> &choices)
{
    m_fields->removeRows(0, m_fields->rowCount());
    QHash<QString, QStandardItem *> nodes;
    const QLocale locale;
    for (const AttributeChoice &choice : choices) {
        const QStringList segments = choice.path.split(u'.');
        QStandardItem *parent = m_fields->invisibleRootItem();
        QString prefix;
        for (qsizetype i = 0; i < segments.size(); ++i) {
            prefix += (i == 0 ? QString() : QStringLiteral(".")) + segments.at(i);
            const bool leaf = i == segments.size() - 1;
            QStandardItem *&node = nodes[prefix];
            if (!node) {
                node = new QStandardItem(segments.at(i));
                node->setData(prefix, PathRole);
                auto *type = new QStandardItem;
                auto *count = new QStandardItem;
                type->setData(prefix, PathRole);
                count->setData(prefix, PathRole);
                count->setData(int(Qt::AlignRight | Qt::AlignVCenter), Qt::TextAlignmentRole);
                parent->appendRow({node, type, count});
            }
            if (leaf) {
                node->setData(true, LeafRole);
                node->setToolTip(choice.title.isEmpty() ? choice.path
                                                        : choice.title + u'\n' + choice.path);
                const int row = node->row();
                parent->child(row, 1)->setText(choice.type);
                if (choice.profiles > 0)
                    parent->child(row, 2)->setText(locale.toString(choice.profiles));
            }
            parent = node;
        }
    }
}

void MappingEditor::addCurrentField()
{
    const QModelIndex current = m_tree->currentIndex().siblingAtColumn(0);
    if (!current.data(LeafRole).toBool()) {
        m_tree->setExpanded(current, !m_tree->isExpanded(current));
        return;
    }
    m_mapped->add(current.data(PathRole).toString());
}

bool MappingEditor::addTypedPath()
{
    const QString path = m_path->text().trimmed();
    if (!ActivationService::checkAttributePath(path).isEmpty() || !m_mapped->add(path))
        return false;
    m_path->clear();
    return true;
}

void MappingEditor::removeSelected()
{
    const QModelIndex current = m_mappedView->currentIndex();
    if (current.isValid())
        m_mapped->remove(current.row());
    m_remove->setEnabled(m_mappedView->currentIndex().isValid());
}

void MappingEditor::refreshPathCheck()
{
    const QString path = m_path->text().trimmed();
    QString problem;
    if (!path.isEmpty()) {
        problem = ActivationService::checkAttributePath(path);
        if (problem.isEmpty() && m_mapped->contains(path))
            problem = tr("already mapped");
    }
    m_pathCheck->setText(problem.isEmpty() ? QString() : tr("Typed path: %1.").arg(problem));
    m_pathCheck->setVisible(!problem.isEmpty());
    m_add->setEnabled(!path.isEmpty() && problem.isEmpty());
}

void MappingEditor::setAudienceIds(const QStringList &audienceIds)
{
    if (audienceIds == m_audienceIds)
        return;
    m_audienceIds = audienceIds;
    planChanged();
}

void MappingEditor::planChanged()
{
    refreshPathCheck();
    ActivationPlan plan;
    plan.audienceIds = m_audienceIds;
    plan.attributes = m_mapped->attributes();
    plan.triggers = m_triggers;
    m_preview->setPlan(m_destinationId, plan);
    emit changed();
}

} // namespace outflow::ui
