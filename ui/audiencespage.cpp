#include "audiencespage.h"

#include "audiencetablemodel.h"
#include "emptystatepage.h"
#include "widgets/tableviews.h"

#include <algorithm>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace outflow::ui {

AudiencesPage::AudiencesPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new AudienceTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_stack(new QStackedWidget(this))
    , m_emptyState(new EmptyStatePage(
          tr("No audience yet"),
          tr("Rule audiences and uploaded CSV audiences appear here with their member counts."),
          tr("Create one with <b>New…</b> or <b>Import CSV…</b> above, or with <b>outflowctl "
             "audience add</b> or <b>outflowctl audience import</b>."),
          m_stack))
    , m_tablePage(new QWidget(m_stack))
    , m_view(new QTableView(m_tablePage))
    , m_hint(new QLabel(m_tablePage))
    , m_newButton(new QPushButton(tr("&New…"), this))
    , m_editButton(new QPushButton(tr("Ed&it…"), this))
    , m_renameButton(new QPushButton(tr("&Rename…"), this))
    , m_deleteButton(new QPushButton(tr("De&lete…"), this))
    , m_importButton(new QPushButton(tr("Import &CSV…"), this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("audiencesPage"));
    m_stack->setObjectName(QStringLiteral("audiencesStackedWidget"));
    m_emptyState->setObjectName(QStringLiteral("audiencesEmptyState"));
    m_view->setObjectName(QStringLiteral("audiencesTableView"));
    m_view->setAccessibleName(tr("Audiences"));
    m_hint->setObjectName(QStringLiteral("audiencesHintLabel"));
    m_newButton->setObjectName(QStringLiteral("audienceNewButton"));
    m_newButton->setToolTip(tr("Create a rule audience"));
    m_editButton->setObjectName(QStringLiteral("audienceEditButton"));
    m_editButton->setToolTip(tr("Change the selected rule audience's name, description or rule"));
    m_renameButton->setObjectName(QStringLiteral("audienceRenameButton"));
    m_deleteButton->setObjectName(QStringLiteral("audienceDeleteButton"));
    m_importButton->setObjectName(QStringLiteral("audienceImportButton"));
    m_importButton->setToolTip(
        tr("Create or replace a custom-upload audience from a CSV file of identities"));
    m_error->setObjectName(QStringLiteral("audiencesErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: palette(link-visited);"));
    m_error->hide();

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(AudienceTableModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortLocaleAware(true);

    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AudienceTableModel::Name, Qt::AscendingOrder);
    setUpReadOnlyTable(m_view);
    // The name takes the room left; the other columns fit their contents
    // (a date-time cut to "11/28/26 11:…" says nothing).
    m_view->horizontalHeader()->setSectionResizeMode(AudienceTableModel::Name,
                                                     QHeaderView::Stretch);

    m_hint->setText(tr("Add a rule audience with <b>outflowctl audience add --name N --rule "
                       "EXPR</b>, or upload members with <b>outflowctl audience import</b>."));
    m_hint->setTextFormat(Qt::RichText);
    m_hint->setWordWrap(true);
    m_hint->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *tableLayout = new QVBoxLayout(m_tablePage);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_view, 1);
    tableLayout->addWidget(m_hint);

    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(m_tablePage);
    m_stack->setCurrentWidget(m_emptyState);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_newButton);
    buttons->addWidget(m_editButton);
    buttons->addWidget(m_renameButton);
    buttons->addWidget(m_deleteButton);
    buttons->addWidget(m_importButton);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_error);
    setTabOrder(m_newButton, m_editButton);
    setTabOrder(m_editButton, m_renameButton);
    setTabOrder(m_renameButton, m_deleteButton);
    setTabOrder(m_deleteButton, m_importButton);
    setTabOrder(m_importButton, m_view);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AudiencesPage::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AudiencesPage::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &AudiencesPage::updateButtons);
    connect(m_newButton, &QPushButton::clicked, this, &AudiencesPage::newAudience);
    connect(m_editButton, &QPushButton::clicked, this, &AudiencesPage::editSelected);
    connect(m_view, &QTableView::activated, this, [this] {
        if (m_editButton->isEnabled())
            editSelected();
    });
    connect(m_renameButton, &QPushButton::clicked, this, &AudiencesPage::renameSelected);
    connect(m_deleteButton, &QPushButton::clicked, this, &AudiencesPage::removeSelected);
    connect(m_importButton, &QPushButton::clicked, this, &AudiencesPage::importCsv);
    updateButtons();
}

AudiencesPage::~AudiencesPage() = default;

bool AudiencesPage::isEmptyStateShown() const
{
    return m_stack->currentWidget() == m_emptyState;
}

void AudiencesPage::setAudiences(const QList<AudienceSummary> &audiences)
{
    const QString selection = selectedId();
    m_model->setAudiences(audiences);
    m_stack->setCurrentWidget(audiences.isEmpty() ? static_cast<QWidget *>(m_emptyState)
                                                  : m_tablePage);
    const bool pendingListed =
        std::any_of(audiences.cbegin(), audiences.cend(), [this](const AudienceSummary &audience) {
            return audience.id == m_pendingSelection;
        });
    if (!m_pendingSelection.isEmpty() && pendingListed)
        selectAudience(std::exchange(m_pendingSelection, QString()));
    else if (!selection.isEmpty() && selectedId() != selection)
        selectAudience(selection); // kept across a reset
    updateButtons();
}

QString AudiencesPage::selectedId() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid()
               ? current.siblingAtColumn(0).data(AudienceTableModel::IdRole).toString()
               : QString();
}

void AudiencesPage::selectAudience(const QString &id)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (index.data(AudienceTableModel::IdRole).toString() == id) {
            m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                 QItemSelectionModel::Rows);
            return;
        }
    }
}

std::optional<AudienceSummary> AudiencesPage::selected() const
{
    const QString id = selectedId();
    for (const AudienceSummary &audience : m_model->audiences()) {
        if (audience.id == id)
            return audience;
    }
    return std::nullopt;
}

void AudiencesPage::updateButtons()
{
    const std::optional<AudienceSummary> audience = selected();
    const bool engine = !m_engine.isNull();
    m_newButton->setEnabled(engine);
    m_importButton->setEnabled(engine);
    m_editButton->setEnabled(engine && audience &&
                             audience->origin == AudienceOrigin::Segmentation);
    m_renameButton->setEnabled(engine && audience);
    m_deleteButton->setEnabled(engine && audience && m_usageRequest == 0);
}

void AudiencesPage::showOperationError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

} // namespace outflow::ui
