#include "destinationspage.h"

#include "emptystatepage.h"
#include "models/destinationsmodel.h"
#include "uitexts.h"
#include "widgets/tableviews.h"

#include <algorithm>
#include <limits>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace outflow::ui {

DestinationsPage::DestinationsPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new DestinationsModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_stack(new QStackedWidget(this))
    , m_emptyState(new EmptyStatePage(
          tr("No destination yet"),
          tr("Each HTTP endpoint you connect appears here with its state, its dataflow and the "
             "exports sent, failed and retried."),
          tr("Connect one below, or with <b>outflowctl destination add --name N --endpoint "
             "URL</b>: it appears here within seconds."),
          m_stack))
    , m_tablePage(new QWidget(m_stack))
    , m_view(new QTableView(m_tablePage))
    , m_newButton(new QPushButton(tr("&New…"), m_tablePage))
    , m_editButton(new QPushButton(tr("Ed&it…"), m_tablePage))
    , m_activationButton(new QPushButton(tr("Activate &Audiences…"), m_tablePage))
    , m_activateNowButton(new QPushButton(tr("Activate N&ow"), m_tablePage))
    , m_enableButton(new QPushButton(tr("&Disable"), m_tablePage))
    , m_deleteButton(new QPushButton(tr("De&lete…"), m_tablePage))
    , m_testButton(new QPushButton(tr("&Send Test"), m_tablePage))
    , m_testResult(new QLabel(m_tablePage))
    , m_details(new QLabel(m_tablePage))
    , m_backfill(new QProgressBar(m_tablePage))
    , m_error(new QLabel(m_tablePage))
{
    setObjectName(QStringLiteral("destinationsPage"));
    m_emptyState->setObjectName(QStringLiteral("destinationsEmptyState"));
    m_view->setObjectName(QStringLiteral("destinationsTableView"));
    m_view->setAccessibleName(tr("Destinations"));
    m_newButton->setObjectName(QStringLiteral("destinationNewButton"));
    m_newButton->setToolTip(tr("Connect a destination"));
    m_editButton->setObjectName(QStringLiteral("destinationEditButton"));
    m_activationButton->setObjectName(QStringLiteral("destinationActivationButton"));
    m_activationButton->setToolTip(
        tr("Choose the audiences this destination receives, the attributes each export carries "
           "and when to export"));
    m_activateNowButton->setObjectName(QStringLiteral("destinationActivateNowButton"));
    m_activateNowButton->setToolTip(
        tr("Export every current member of a mapped audience to this destination again"));
    m_activateNowButton->setMenu(new QMenu(m_activateNowButton));
    m_enableButton->setObjectName(QStringLiteral("destinationEnableButton"));
    m_deleteButton->setObjectName(QStringLiteral("destinationDeleteButton"));
    m_testButton->setObjectName(QStringLiteral("destinationTestButton"));
    m_testButton->setToolTip(tr("Send one sample export now, as the dataflow would, without "
                                "touching the queue"));
    m_testResult->setObjectName(QStringLiteral("destinationTestResultLabel"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult->hide();
    m_details->setObjectName(QStringLiteral("destinationDetailsLabel"));
    m_backfill->setObjectName(QStringLiteral("destinationBackfillBar"));
    m_backfill->setAccessibleName(tr("Backfill progress"));
    m_backfill->hide();
    m_error->setObjectName(QStringLiteral("destinationErrorLabel"));

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(DestinationsModel::SortRole);
    m_proxy->setSortLocaleAware(true);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(DestinationsModel::Name, Qt::AscendingOrder);
    setUpReadOnlyTable(m_view);
    // Every column fits its contents (a stretched one in the middle was
    // squeezed to "…" once the others took the width); the last takes the rest.
    m_view->horizontalHeader()->setStretchLastSection(true);

    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: palette(link-visited);"));
    m_error->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_newButton);
    buttons->addWidget(m_editButton);
    buttons->addWidget(m_testButton);
    buttons->addWidget(m_activationButton);
    buttons->addWidget(m_activateNowButton);
    buttons->addWidget(m_enableButton);
    buttons->addWidget(m_deleteButton);
    buttons->addStretch(1);
    auto *tableLayout = new QVBoxLayout(m_tablePage);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addLayout(buttons);
    tableLayout->addWidget(m_view, 1);
    tableLayout->addWidget(m_details);
    tableLayout->addWidget(m_backfill);
    tableLayout->addWidget(m_testResult);
    tableLayout->addWidget(m_error);
    setTabOrder(m_newButton, m_editButton);
    setTabOrder(m_editButton, m_testButton);
    setTabOrder(m_testButton, m_activationButton);
    setTabOrder(m_activationButton, m_activateNowButton);
    setTabOrder(m_activateNowButton, m_enableButton);
    setTabOrder(m_enableButton, m_deleteButton);
    setTabOrder(m_deleteButton, m_view);

    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(m_tablePage);
    m_stack->setCurrentWidget(m_emptyState);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DestinationsPage::updateSelection);
    // A snapshot changes the selected row's state and figures in place.
    connect(m_model, &QAbstractItemModel::dataChanged, this, &DestinationsPage::updateSelection);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &DestinationsPage::updateSelection);
    QPushButton *connectButton = m_emptyState->addActionButton(tr("&Connect a Destination…"));
    connectButton->setObjectName(QStringLiteral("connectDestinationButton"));
    connect(connectButton, &QPushButton::clicked, this, &DestinationsPage::newRequested);
    connect(m_newButton, &QPushButton::clicked, this, &DestinationsPage::newRequested);
    connect(m_editButton, &QPushButton::clicked, this, [this] {
        if (const DestinationSummary *destination = selected())
            emit editRequested(destination->id);
    });
    connect(m_view, &QTableView::activated, this, [this] {
        if (const DestinationSummary *destination = selected())
            emit editRequested(destination->id);
    });
    connect(m_activationButton, &QPushButton::clicked, this, [this] {
        if (const DestinationSummary *destination = selected())
            emit activationRequested(destination->id);
    });
    connect(m_enableButton, &QPushButton::clicked, this, &DestinationsPage::toggleEnabled);
    connect(m_deleteButton, &QPushButton::clicked, this, &DestinationsPage::removeSelected);
    connect(m_testButton, &QPushButton::clicked, this, [this] {
        if (const DestinationSummary *destination = selected()) {
            m_testButton->setEnabled(false); // one test at a time, until its answer
            m_testResult->setText(tr("Sending a test export to “%1”…").arg(destination->name));
            m_testResult->show();
            emit testRequested(destination->id);
        }
    });
    updateSelection();
}

bool DestinationsPage::isEmptyStateShown() const
{
    return m_stack->currentWidget() == m_emptyState;
}

void DestinationsPage::setDestinations(const QList<DestinationSummary> &destinations)
{
    m_model->setDestinations(destinations);
    m_stack->setCurrentWidget(destinations.isEmpty() ? static_cast<QWidget *>(m_emptyState)
                                                     : m_tablePage);
    if (!selected() && m_proxy->rowCount() > 0)
        m_view->setCurrentIndex(m_proxy->index(0, 0));
    updateSelection();
}

void DestinationsPage::showOperationError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void DestinationsPage::showTestResult(const QString &destinationId, const ProbeReport &report)
{
    const int row = m_model->rowOf(destinationId);
    const QString name = row < 0 ? destinationId : m_model->destinations().at(row).name;
    const QString text = tr("Test of “%1”: %2").arg(name, UiTexts::probeSummary(report));
    m_testResult->setText(text);
    m_testResult->show();
    m_testButton->setEnabled(selected() != nullptr);
}

QString DestinationsPage::selectedId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(DestinationsModel::IdRole).toString() : QString();
}

void DestinationsPage::selectDestination(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_view->setCurrentIndex(m_proxy->mapFromSource(m_model->index(row, 0)));
}

const DestinationSummary *DestinationsPage::selected() const
{
    const int row = m_model->rowOf(selectedId());
    return row < 0 || selectedId().isEmpty() ? nullptr : &m_model->destinations().at(row);
}

void DestinationsPage::updateSelection()
{
    const DestinationSummary *destination = selected();
    m_enableButton->setEnabled(destination != nullptr);
    m_editButton->setEnabled(destination != nullptr);
    m_activationButton->setEnabled(destination != nullptr);
    m_activationButton->setText(destination && !destination->audienceIds.isEmpty()
                                    ? tr("Edit &Activation…")
                                    : tr("Activate &Audiences…"));
    fillActivateNowMenu();
    if (m_testResult->text().isEmpty() || !m_testResult->text().endsWith(u'…'))
        m_testButton->setEnabled(destination != nullptr);
    m_deleteButton->setEnabled(destination != nullptr);
    if (!destination) {
        m_details->clear();
        m_backfill->hide();
        return;
    }
    m_enableButton->setText(destination->enabled ? tr("&Disable") : tr("&Enable"));
    // The state in words, why it is blocked, and what fixes it.
    QStringList lines{
        tr("<b>%1</b>: %2")
            .arg(destination->name.toHtmlEscaped(), DestinationStates::label(destination->state))};
    if (!destination->problem.isEmpty())
        lines << destination->problem.toHtmlEscaped();
    if (const QString fix = DestinationStates::fix(destination->state); !fix.isEmpty())
        lines << fix.toHtmlEscaped();
    m_details->setText(lines.join(QStringLiteral("<br>")));
    showBackfill(*destination);
}

void DestinationsPage::setAudiences(const QList<AudienceSummary> &audiences)
{
    m_realized.clear();
    for (const AudienceSummary &audience : audiences)
        m_realized.insert(audience.id, audience.realized);
}

// One entry per mapped audience of the selected destination.
void DestinationsPage::fillActivateNowMenu()
{
    QMenu *menu = m_activateNowButton->menu();
    const DestinationSummary *destination = selected();
    // Rebuilt only when it changes: snapshots arrive every few seconds, maybe
    // while the menu is open.
    const QStringList key = destination ? QStringList{destination->id} + destination->audiences +
                                              destination->audienceIds
                                        : QStringList();
    if (key == m_activateNowKey && !menu->isEmpty())
        return;
    m_activateNowKey = key;
    menu->clear();
    if (destination) {
        for (qsizetype i = 0; i < destination->audienceIds.size(); ++i) {
            const QString id = destination->audienceIds.at(i);
            const QString name = destination->audiences.value(i, id);
            QAction *action = menu->addAction(name);
            action->setObjectName(QStringLiteral("activateNow-") + id);
            connect(action, &QAction::triggered, this, [this, id, name] { activateNow(id, name); });
        }
    }
    m_activateNowButton->setEnabled(!menu->isEmpty());
}

// Asks first, naming how many exports it makes.
void DestinationsPage::activateNow(const QString &audienceId, const QString &audienceName)
{
    const DestinationSummary *destination = selected();
    if (!destination)
        return;
    const int members = int(m_realized.value(audienceId));
    const QString question =
        tr("Export the %n current member(s) of “%1” to “%2” again?", nullptr, members)
            .arg(audienceName, destination->name) +
        u'\n' + tr("Each gets a new export, sent after the exports already queued.");
    const bool confirmed = m_confirm
                               ? m_confirm(question)
                               : QMessageBox::question(this, tr("Activate Now"), question,
                                                       QMessageBox::Yes | QMessageBox::Cancel,
                                                       QMessageBox::Cancel) == QMessageBox::Yes;
    if (confirmed)
        emit activateNowRequested(destination->id, audienceId);
}

// A running backfill (or Activate now): how far, how fast, how long still.
void DestinationsPage::showBackfill(const DestinationSummary &destination)
{
    const bool running = !destination.backfillFinished && destination.backfillTotal > 0;
    m_backfill->setVisible(running);
    if (!running)
        return;
    // The total is an upper bound taken when it started: never past 100 %.
    const qint64 total = std::max(destination.backfillTotal, destination.backfillDone);
    m_backfill->setRange(0, int(std::min<qint64>(total, std::numeric_limits<int>::max())));
    m_backfill->setValue(int(std::min<qint64>(destination.backfillDone, m_backfill->maximum())));
    const qint64 etaMs = destination.backfillEtaMs;
    const QString pace =
        destination.backfillPerSecond <= 0 ? tr("starting")
        : etaMs >= 0
            ? tr("%1 profiles/s, about %2 left")
                  .arg(QLocale().toString(destination.backfillPerSecond, 'f', 1), etaText(etaMs))
            : tr("%1 profiles/s").arg(QLocale().toString(destination.backfillPerSecond, 'f', 1));
    m_backfill->setFormat(
        tr("Backfill: %1 of %2 profiles (%3)")
            .arg(QLocale().toString(destination.backfillDone), QLocale().toString(total), pace));
}

QString DestinationsPage::etaText(qint64 ms)
{
    const qint64 seconds = (ms + 999) / 1000;
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min").arg((seconds + 59) / 60);
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600 + 59) / 60);
}

void DestinationsPage::toggleEnabled()
{
    if (const DestinationSummary *destination = selected()) {
        showOperationError({});
        emit enableRequested(destination->id, !destination->enabled);
    }
}

void DestinationsPage::removeSelected()
{
    const DestinationSummary *destination = selected();
    if (!destination)
        return;
    const QString id = destination->id;
    const QString question =
        tr("Delete the destination “%1”? Its dataflow goes with it (%2 mapped audience(s)), %3 "
           "queued export(s) are dropped unsent, and its %4 keychain entry(ies) are removed. "
           "This cannot be undone.")
            .arg(destination->name)
            .arg(destination->audiences.size())
            .arg(destination->backlog)
            .arg(destination->keychainEntries);
    const bool confirmed = m_confirm
                               ? m_confirm(question)
                               : QMessageBox::question(this, tr("Delete Destination"), question,
                                                       QMessageBox::Yes | QMessageBox::Cancel,
                                                       QMessageBox::Cancel) == QMessageBox::Yes;
    if (!confirmed)
        return;
    showOperationError({});
    emit removeRequested(id);
}

} // namespace outflow::ui
