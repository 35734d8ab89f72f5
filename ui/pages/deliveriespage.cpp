#include "deliveriespage.h"

#include "deliverydetailpane.h"
#include "emptystatepage.h"
#include "enginehost.h"
#include "models/deliverylogmodel.h"
#include "widgets/tableviews.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QShowEvent>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <utility>

namespace outflow::ui {

DeliveriesPage::DeliveriesPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new DeliveryLogModel(this))
    , m_refreshTimer(new QTimer(this))
    , m_searchTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("deliveriesPage"));
    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("deliveriesStackedWidget"));
    m_emptyState = new EmptyStatePage(
        tr("Nothing delivered yet"),
        tr("Every delivery attempt appears here with its request and answer, secrets masked; "
           "failed exports can be replayed."),
        tr("Activate an audience to a destination: its exports are listed as they are sent."),
        m_stack);
    m_emptyState->setObjectName(QStringLiteral("deliveriesEmptyState"));
    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(createContent());
    m_stack->setCurrentWidget(m_emptyState);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    // Only while the page is shown (showEvent, hideEvent): no work hidden.
    m_refreshTimer->setInterval(RefreshMs);
    connect(m_refreshTimer, &QTimer::timeout, this, &DeliveriesPage::refreshNewer);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(300);
    connect(m_searchTimer, &QTimer::timeout, this, &DeliveriesPage::reload);
    updateActions();
}

DeliveriesPage::~DeliveriesPage() = default;

QWidget *DeliveriesPage::createToolbar()
{
    auto *bar = new QWidget(m_content);
    bar->setObjectName(QStringLiteral("deliveriesToolbar"));
    m_destination = new QComboBox(bar);
    m_destination->setObjectName(QStringLiteral("destinationComboBox"));
    m_destination->setAccessibleName(tr("Destination"));
    m_destination->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_destination->addItem(tr("All destinations"), QString());
    auto *destinationLabel = new QLabel(tr("&Destination:"), bar);
    destinationLabel->setBuddy(m_destination);

    m_outcome = new QComboBox(bar);
    m_outcome->setObjectName(QStringLiteral("outcomeComboBox"));
    m_outcome->setAccessibleName(tr("Outcome"));
    m_outcome->addItem(tr("All outcomes"), int(DeliveryLogQuery::Outcome::Any));
    m_outcome->addItem(tr("Delivered"), int(DeliveryLogQuery::Outcome::Delivered));
    m_outcome->addItem(tr("Retrying"), int(DeliveryLogQuery::Outcome::Retry));
    m_outcome->addItem(tr("Failed"), int(DeliveryLogQuery::Outcome::Failed));
    auto *outcomeLabel = new QLabel(tr("&Outcome:"), bar);
    outcomeLabel->setBuddy(m_outcome);

    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("deliverySearchLineEdit"));
    m_search->setAccessibleName(tr("Search by export ID or profile"));
    m_search->setPlaceholderText(
        tr("Export ID, profile ID or identity (email:someone@example.com)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(m_search->fontMetrics().horizontalAdvance(u'M') * 16);
    auto *searchLabel = new QLabel(tr("&Search:"), bar);
    searchLabel->setBuddy(m_search);

    m_mask = new QCheckBox(tr("Mas&k profile values"), bar);
    m_mask->setObjectName(QStringLiteral("maskProfilesCheckBox"));
    m_mask->setToolTip(tr("For screen sharing: identities and the values of exported profiles "
                          "show as •••"));

    connect(m_destination, &QComboBox::currentIndexChanged, this, [this] {
        updateActions();
        reload();
    });
    connect(m_outcome, &QComboBox::currentIndexChanged, this, &DeliveriesPage::reload);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchTimer->start(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchTimer->stop();
        reload();
    });
    connect(m_mask, &QCheckBox::toggled, this, [this](bool masked) {
        m_model->setProfilesMasked(masked);
        m_detail->setProfilesMasked(masked);
    });

    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(destinationLabel);
    layout->addWidget(m_destination);
    layout->addWidget(outcomeLabel);
    layout->addWidget(m_outcome);
    layout->addWidget(searchLabel);
    layout->addWidget(m_search, 1);
    return bar;
}

QWidget *DeliveriesPage::createContent()
{
    m_content = new QWidget(m_stack);
    m_content->setObjectName(QStringLiteral("deliveriesContent"));
    QWidget *toolbar = createToolbar();

    auto *top = new QWidget(m_content);
    m_view = new QTableView(top);
    m_view->setObjectName(QStringLiteral("deliveriesTableView"));
    m_view->setAccessibleName(tr("Delivery attempts, newest first"));
    m_view->setModel(m_model);
    setUpReadOnlyTable(m_view);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->horizontalHeader()->setSectionResizeMode(DeliveryLogModel::Reason,
                                                     QHeaderView::Stretch);
    // An export id's first characters tell it apart (and the search takes
    // a prefix); the whole id is in the tooltip, the detail and Copy.
    m_view->horizontalHeader()->setSectionResizeMode(DeliveryLogModel::ExportId,
                                                     QHeaderView::Interactive);
    m_view->setColumnWidth(
        DeliveryLogModel::ExportId,
        m_view->fontMetrics().horizontalAdvance(QStringLiteral("0123abcd-0123-4")) +
            m_view->fontMetrics().horizontalAdvance(u'…') * 3);

    m_loadMore = new QPushButton(tr("Load &More"), top);
    m_loadMore->setObjectName(QStringLiteral("loadMoreButton"));
    m_loadMore->setToolTip(tr("Append older deliveries to the table"));
    m_replaySelected = new QPushButton(tr("&Replay Selected"), top);
    m_replaySelected->setObjectName(QStringLiteral("replaySelectedButton"));
    m_replaySelected->setToolTip(tr("Queue the selected failed exports again, same export IDs"));
    m_replayAll = new QPushButton(tr("Replay &All Failed…"), top);
    m_replayAll->setObjectName(QStringLiteral("replayAllButton"));
    m_replayAll->setToolTip(tr("Queue every failed export of the chosen destination again"));
    m_copyId = new QPushButton(tr("&Copy Export ID"), top);
    m_copyId->setObjectName(QStringLiteral("copyExportIdButton"));
    m_showProfile = new QPushButton(tr("Show &Profile"), top);
    m_showProfile->setObjectName(QStringLiteral("showProfileButton"));
    m_showProfile->setToolTip(tr("Open the selected export's profile on the Profiles page"));
    m_status = new QLabel(top);
    m_status->setObjectName(QStringLiteral("deliveriesStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();

    connect(m_loadMore, &QPushButton::clicked, this, &DeliveriesPage::loadMore);
    connect(m_replaySelected, &QPushButton::clicked, this, &DeliveriesPage::replaySelected);
    connect(m_replayAll, &QPushButton::clicked, this, &DeliveriesPage::replayAllFailed);
    connect(m_copyId, &QPushButton::clicked, this, &DeliveriesPage::copyExportIds);
    connect(m_showProfile, &QPushButton::clicked, this, &DeliveriesPage::showProfile);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DeliveriesPage::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DeliveriesPage::showCurrentDetail);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_loadMore);
    buttons->addWidget(m_replaySelected);
    buttons->addWidget(m_replayAll);
    buttons->addWidget(m_copyId);
    buttons->addWidget(m_showProfile);
    buttons->addStretch(1);
    buttons->addWidget(m_mask);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_view, 1);
    topLayout->addLayout(buttons);
    topLayout->addWidget(m_status);

    m_detail = new DeliveryDetailPane(m_content);
    auto *splitter = new QSplitter(Qt::Vertical, m_content);
    splitter->setObjectName(QStringLiteral("deliveriesSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(top);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolbar);
    layout->addWidget(splitter, 1);
    return m_content;
}

void DeliveriesPage::setEngine(EngineHost *engine)
{
    if (m_engine)
        disconnect(m_engine, nullptr, this, nullptr);
    m_engine = engine;
    m_readRequest = m_detailRequest = m_countRequest = 0;
    m_replay = Replay();
    if (engine) {
        connect(engine, &EngineHost::deliveriesRead, this, &DeliveriesPage::onDeliveriesRead);
        connect(engine, &EngineHost::deliveryDetailRead, this, &DeliveriesPage::onDetailRead);
        connect(engine, &EngineHost::failedExportsCounted, this, &DeliveriesPage::onFailedCounted);
        connect(engine, &EngineHost::exportsReplayed, this, &DeliveriesPage::onReplayed);
        connect(engine, &EngineHost::destinationsListed, this,
                &DeliveriesPage::onDestinationsListed);
        connect(engine, &EngineHost::destinationsChanged, this, [this] {
            if (isVisible() && m_engine)
                m_engine->listDestinations();
        });
        if (isVisible()) {
            engine->listDestinations();
            reload();
            m_refreshTimer->start();
        }
    }
    updateActions();
}

bool DeliveriesPage::isEmptyStateShown() const
{
    return m_stack->currentWidget() == m_emptyState;
}

bool DeliveriesPage::isRefreshing() const
{
    return m_refreshTimer->isActive();
}

void DeliveriesPage::setDestinationFilter(const QString &destinationId)
{
    int index = m_destination->findData(destinationId);
    if (index < 0) { // not listed yet: named by its id until the list comes
        m_destination->addItem(destinationId, destinationId);
        index = m_destination->count() - 1;
    }
    m_destination->setCurrentIndex(index);
}

void DeliveriesPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_engine)
        return;
    if (!event->spontaneous())
        m_engine->listDestinations();
    if (m_model->rowCount() == 0)
        reload();
    else
        refreshNewer();
    m_refreshTimer->start();
}

void DeliveriesPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_refreshTimer->stop();
}

DeliveryLogQuery DeliveriesPage::query() const
{
    DeliveryLogQuery query;
    query.destinationId = m_destination->currentData().toString();
    query.outcome = DeliveryLogQuery::Outcome(m_outcome->currentData().toInt());
    query.search = m_search->text().trimmed();
    query.limit = PageSize;
    return query;
}

void DeliveriesPage::read(Read kind, const DeliveryLogQuery &query)
{
    if (!m_engine)
        return;
    m_readKind = kind;
    m_readRequest = m_engine->readDeliveries(query); // an older read's answer is dropped
}

void DeliveriesPage::reload()
{
    read(Read::Fresh, query());
}

// Every RefreshMs while shown: the entries newer than the newest row.
void DeliveriesPage::refreshNewer()
{
    if (!m_engine || m_readRequest != 0)
        return; // one read at a time; the next tick asks again
    if (m_model->rowCount() == 0) {
        reload();
        return;
    }
    DeliveryLogQuery newer = query();
    newer.afterId = m_model->newestId();
    read(Read::Newer, newer);
}

void DeliveriesPage::loadMore()
{
    DeliveryLogQuery older = query();
    older.beforeId = m_model->oldestId();
    older.limit = std::min(PageSize, m_model->capacity() - m_model->rowCount());
    if (older.limit > 0 && older.beforeId > 0)
        read(Read::Older, older);
}

void DeliveriesPage::onDeliveriesRead(quint64 requestId, const QList<DeliveryLogEntry> &entries,
                                      bool more, const QString &error)
{
    if (requestId != m_readRequest)
        return; // overtaken by a newer read
    m_readRequest = 0;
    if (!error.isEmpty()) {
        showStatus(error);
        return;
    }
    switch (m_readKind) {
    case Read::Fresh:
        m_model->replaceAll(entries);
        m_more = more;
        if (entries.isEmpty() && m_anyLog)
            showStatus(tr("No delivery matches these filters."));
        break;
    case Read::Newer:
        // More new entries than a page: the newest page, and the rest as
        // older rows to load, so that the table never has a gap.
        if (more) {
            m_model->replaceAll(entries);
            m_more = true;
        } else {
            m_model->prependNewer(entries);
        }
        // A new attempt of the export in the detail: its state changed.
        if (m_detail->hasDetail() &&
            std::any_of(entries.cbegin(), entries.cend(), [this](const DeliveryLogEntry &e) {
                return e.exportId == m_detail->detail().exportId;
            }))
            showCurrentDetail();
        break;
    case Read::Older: {
        const int added = m_model->appendOlder(entries);
        m_more = more || added < entries.size();
        break;
    }
    }
    if (!entries.isEmpty())
        m_anyLog = true;
    m_stack->setCurrentWidget(m_anyLog ? m_content : static_cast<QWidget *>(m_emptyState));
    updateActions();
    emit deliveriesShown();
}

void DeliveriesPage::showCurrentDetail()
{
    const QModelIndex current = m_view->currentIndex();
    if (!m_engine || !current.isValid())
        return;
    const DeliveryLogEntry &entry = m_model->entry(current.row());
    m_detailRequest = m_engine->readDeliveryDetail(entry.destinationId, entry.exportId);
    updateActions();
}

void DeliveriesPage::onDetailRead(quint64 requestId, const DeliveryDetail &detail,
                                  const QString &error)
{
    if (requestId != m_detailRequest)
        return;
    m_detailRequest = 0;
    if (!error.isEmpty())
        m_detail->clear(error);
    else
        m_detail->setDetail(detail);
    emit detailShown(detail.exportId);
}

void DeliveriesPage::onDestinationsListed(const QList<DestinationSummary> &destinations)
{
    const QString current = m_destination->currentData().toString();
    m_destinationNames.clear();
    {
        const QSignalBlocker blocker(m_destination);
        while (m_destination->count() > 1)
            m_destination->removeItem(1);
        for (const DestinationSummary &destination : destinations) {
            m_destination->addItem(destination.name, destination.id);
            m_destinationNames.insert(destination.id, destination.name);
        }
        m_destination->setCurrentIndex(std::max(0, m_destination->findData(current)));
    }
    if (m_destination->currentData().toString() != current) {
        updateActions();
        reload(); // the chosen destination is gone
    }
}

} // namespace outflow::ui
