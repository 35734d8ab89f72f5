// DeliveriesPage's actions on the selected rows: replay (selected, or every
// failed export of a destination, each after a confirmation naming the
// count), Copy Export ID and Show Profile, and the status line they report on.
#include "deliveriespage.h"
#include "enginehost.h"
#include "models/deliverylogmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <utility>

namespace outflow::ui {

QList<int> DeliveriesPage::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

void DeliveriesPage::updateActions()
{
    const QList<int> rows = selectedRows();
    const bool replaying = !m_replay.requests.isEmpty() || m_countRequest != 0;
    const bool replayable = std::any_of(rows.cbegin(), rows.cend(), [this](int row) {
        return m_model->index(row, 0).data(DeliveryLogModel::ReplayableRole).toBool();
    });
    m_replaySelected->setEnabled(m_engine && replayable && !replaying);
    const bool oneDestination = !m_destination->currentData().toString().isEmpty();
    m_replayAll->setEnabled(m_engine && oneDestination && !replaying);
    m_replayAll->setToolTip(oneDestination
                                ? tr("Queue every failed export of the chosen destination again")
                                : tr("Choose a destination first: a replay acts on one "
                                     "destination's failed exports"));
    m_copyId->setEnabled(!rows.isEmpty());
    const QModelIndex current = m_view->currentIndex();
    m_showProfile->setEnabled(current.isValid() &&
                              !m_model->entry(current.row()).profileIdentity.isEmpty());
    m_loadMore->setEnabled(m_engine && m_more && !m_model->isFull());
}

void DeliveriesPage::confirm(const QString &title, const QString &question,
                             const std::function<void()> &accepted)
{
    // Window-modal and asynchronous: no nested event loop (GUI.md §1.2).
    auto *box = new QMessageBox(QMessageBox::Question, title, question,
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("replayConfirmationBox"));
    box->setInformativeText(tr("The same export IDs are sent again. A failed export whose "
                               "profile has a newer export is not: the endpoint keeps the "
                               "newer state."));
    box->button(QMessageBox::Yes)->setText(tr("&Replay"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [accepted](int result) {
        if (result == QMessageBox::Yes)
            accepted();
    });
    box->open();
}

void DeliveriesPage::replaySelected()
{
    QHash<QString, QStringList> byDestination;
    QStringList names;
    qint64 count = 0;
    for (const int row : selectedRows()) {
        const DeliveryLogEntry &entry = m_model->entry(row);
        if (entry.outcome != DeliveryOutcome::Failed || entry.isSuperseded())
            continue;
        QStringList &ids = byDestination[entry.destinationId];
        if (ids.contains(entry.exportId))
            continue;
        ids.append(entry.exportId);
        ++count;
        if (!names.contains(entry.destinationName))
            names.append(entry.destinationName);
    }
    if (count == 0)
        return;
    QStringList quoted;
    for (const QString &name : std::as_const(names))
        quoted.append(QStringLiteral("“%1”").arg(name));
    const QString question =
        names.size() == 1
            ? tr("Replay %n failed export(s) of “%1”?", nullptr, int(count)).arg(names.constFirst())
            : tr("Replay %n failed export(s) of %1?", nullptr, int(count))
                  .arg(QLocale().createSeparatedList(quoted));
    confirm(tr("Replay Selected"), question, [this, byDestination] { startReplay(byDestination); });
}

void DeliveriesPage::replayAllFailed()
{
    const QString destinationId = m_destination->currentData().toString();
    if (!m_engine || destinationId.isEmpty())
        return;
    m_countRequest = m_engine->countFailedExports(destinationId);
    updateActions();
}

void DeliveriesPage::onFailedCounted(quint64 requestId, const QString &destinationId, qint64 count,
                                     const QString &error)
{
    if (requestId != m_countRequest)
        return;
    m_countRequest = 0;
    updateActions();
    const QString name = m_destinationNames.value(destinationId, destinationId);
    if (!error.isEmpty()) {
        showStatus(error);
        return;
    }
    if (count <= 0) {
        showStatus(tr("“%1” has no failed export to replay.").arg(name));
        return;
    }
    confirm(tr("Replay All Failed"),
            tr("Replay all %n failed export(s) of “%1”?", nullptr, int(count)).arg(name),
            [this, destinationId] {
                startReplay({{destinationId, QStringList()}});
            });
}

void DeliveriesPage::startReplay(const QHash<QString, QStringList> &exportsByDestination)
{
    if (!m_engine || !m_replay.requests.isEmpty())
        return;
    m_replay = Replay();
    for (auto it = exportsByDestination.cbegin(); it != exportsByDestination.cend(); ++it) {
        m_replay.asked += it.value().size();
        m_replay.requests.append(m_engine->replayExports(it.key(), it.value()));
    }
    showStatus(tr("Replaying…"));
    updateActions();
}

void DeliveriesPage::onReplayed(quint64 requestId, qint64 replayed, qint64 superseded,
                                const QString &error)
{
    if (!m_replay.requests.removeOne(requestId))
        return;
    m_replay.replayed += replayed;
    m_replay.superseded += superseded;
    if (!error.isEmpty())
        m_replay.errors.append(error);
    if (!m_replay.requests.isEmpty())
        return;
    const Replay done = std::exchange(m_replay, Replay());
    QString text =
        tr("%n queued again", nullptr, int(done.replayed)) + QStringLiteral("; ") +
        tr("%n not sent again: a newer export replaced each", nullptr, int(done.superseded));
    // Selected rows whose export is no longer a dead letter (delivered or
    // replayed since the row was read).
    if (const qint64 gone = done.asked - done.replayed - done.superseded;
        done.asked > 0 && gone > 0)
        text +=
            QStringLiteral("; ") + tr("%n no longer failed, left as it was", nullptr, int(gone));
    text += u'.';
    if (!done.errors.isEmpty())
        text = done.errors.join(u' ');
    showStatus(text);
    updateActions();
    // The superseded ones are logged: show them, and the selected export's new state.
    refreshNewer();
    showCurrentDetail();
    emit replayFinished(done.replayed, done.superseded);
}

void DeliveriesPage::copyExportIds()
{
    QStringList ids;
    for (const int row : selectedRows()) {
        const QString &id = m_model->entry(row).exportId;
        if (!ids.contains(id))
            ids.append(id);
    }
    if (ids.isEmpty())
        return;
    QApplication::clipboard()->setText(ids.join(u'\n'));
    showStatus(tr("%n export ID(s) copied.", nullptr, int(ids.size())));
}

void DeliveriesPage::showProfile()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const QString identity = m_model->entry(current.row()).profileIdentity;
    const qsizetype colon = identity.indexOf(u':');
    if (colon <= 0)
        return;
    emit profileRequested(identity.left(colon), identity.mid(colon + 1));
}

void DeliveriesPage::showStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

} // namespace outflow::ui
