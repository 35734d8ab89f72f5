#include "audienceselectioneditor.h"

#include "activationdraft.h"
#include "audiencechecklist.h"
#include "audiencetablemodel.h"
#include "widgets/tableviews.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace outflow::ui {

AudienceSelectionEditor::AudienceSelectionEditor(QWidget *parent)
    : ActivationEditor(parent)
    , m_search(new QLineEdit(this))
    , m_view(new QTableView(this))
    , m_count(new QLabel(this))
    , m_audiences(new AudienceTableModel(this))
    , m_checklist(new AudienceChecklist(this))
    , m_filter(new QSortFilterProxyModel(this))
{
    m_search->setObjectName(QStringLiteral("audienceSearch"));
    m_search->setPlaceholderText(tr("Search audiences by name"));
    m_search->setClearButtonEnabled(true);
    m_checklist->setSourceModel(m_audiences);
    m_filter->setSourceModel(m_checklist);
    m_filter->setFilterKeyColumn(AudienceTableModel::Name);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setSortRole(AudienceTableModel::SortRole);
    m_filter->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_view->setObjectName(QStringLiteral("audienceChoices"));
    m_view->setModel(m_filter);
    setUpReadOnlyTable(m_view);
    // Space and a click on the box check a row; nothing else edits.
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AudienceTableModel::Name, Qt::AscendingOrder);
    m_view->hideColumn(AudienceTableModel::Exited);
    m_view->horizontalHeader()->setSectionResizeMode(AudienceTableModel::Name,
                                                     QHeaderView::Stretch);
    m_count->setObjectName(QStringLiteral("audienceSelectionCount"));

    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(buddyLabel(tr("&Search:"), m_search, this));
    searchRow->addWidget(m_search, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(searchRow);
    layout->addWidget(
        buddyLabel(tr("&Audiences to export (Space checks the current one):"), m_view, this));
    layout->addWidget(m_view, 1);
    layout->addWidget(m_count);
    addMessageLabel(layout);
    setTabOrder(m_search, m_view);

    connect(m_search, &QLineEdit::textChanged, m_filter,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_checklist, &AudienceChecklist::checkedChanged, this, [this] {
        refreshCount();
        emit changed();
    });
}

void AudienceSelectionEditor::load(const ActivationDraft &draft)
{
    m_audiences->setAudiences(draft.choices.audiences);
    m_checklist->setCheckedIds(draft.plan.audienceIds);
    if (m_filter->rowCount() > 0 && !m_view->currentIndex().isValid())
        m_view->setCurrentIndex(m_filter->index(0, AudienceTableModel::Name));
    refreshCount();
    refreshMessage();
}

void AudienceSelectionEditor::save(ActivationDraft &draft) const
{
    draft.plan.audienceIds = m_checklist->checkedIds();
}

QString AudienceSelectionEditor::problem() const
{
    if (m_audiences->audiences().isEmpty())
        return tr("There is no audience yet: create one on the Audiences page, or with "
                  "outflowctl audience add, then come back.");
    if (m_checklist->checkedIds().isEmpty())
        return tr("Select at least one audience to activate.");
    return {};
}

bool AudienceSelectionEditor::setChecked(const QString &name, bool checked)
{
    for (int row = 0; row < m_checklist->rowCount(); ++row) {
        const QModelIndex index = m_checklist->index(row, AudienceTableModel::Name);
        if (index.data().toString() == name)
            return m_checklist->setData(index, checked ? Qt::Checked : Qt::Unchecked,
                                        Qt::CheckStateRole);
    }
    return false;
}

void AudienceSelectionEditor::refreshCount()
{
    qint64 realized = 0;
    const QStringList checked = m_checklist->checkedIds();
    for (const AudienceSummary &audience : m_audiences->audiences()) {
        if (checked.contains(audience.id))
            realized += audience.realized;
    }
    const int audiences = int(checked.size());
    const int memberships = int(realized);
    m_count->setText(tr("%n audience(s) selected", nullptr, audiences) + QStringLiteral(" · ") +
                     tr("%n realized membership(s)", nullptr, memberships));
}

} // namespace outflow::ui
