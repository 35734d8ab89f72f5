#include "audiencespage.h"

#include "audiencetablemodel.h"
#include "emptystatepage.h"
#include "widgets/tableviews.h"

#include <QHeaderView>
#include <QLabel>
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
          tr("Create one with <b>outflowctl audience add</b> or <b>outflowctl audience "
             "import</b>."),
          m_stack))
    , m_tablePage(new QWidget(m_stack))
    , m_view(new QTableView(m_tablePage))
    , m_hint(new QLabel(m_tablePage))
{
    setObjectName(QStringLiteral("audiencesPage"));
    m_stack->setObjectName(QStringLiteral("audiencesStackedWidget"));
    m_emptyState->setObjectName(QStringLiteral("audiencesEmptyState"));
    m_view->setObjectName(QStringLiteral("audiencesTableView"));
    m_hint->setObjectName(QStringLiteral("audiencesHintLabel"));

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

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
}

bool AudiencesPage::isEmptyStateShown() const
{
    return m_stack->currentWidget() == m_emptyState;
}

void AudiencesPage::setAudiences(const QList<AudienceSummary> &audiences)
{
    m_model->setAudiences(audiences);
    m_stack->setCurrentWidget(audiences.isEmpty() ? static_cast<QWidget *>(m_emptyState)
                                                  : m_tablePage);
}

} // namespace outflow::ui
