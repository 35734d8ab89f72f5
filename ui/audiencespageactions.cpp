// The Audiences page's actions (issue #17): the dialogs, Rename and Delete,
// driven through the Engine (EngineHost).
#include "audiences/audienceimportdialog.h"
#include "audiences/ruleaudiencedialog.h"
#include "audiencespage.h"
#include "audiencetablemodel.h"
#include "enginehost.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>

namespace outflow::ui {

void AudiencesPage::setEngine(EngineHost *engine)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_engineConnections))
        disconnect(connection);
    m_engineConnections.clear();
    m_engine = engine;
    if (engine)
        connectEngine();
    updateButtons();
}

void AudiencesPage::connectEngine()
{
    m_engineConnections.append(
        connect(m_engine, &EngineHost::audienceOperationFinished, this,
                [this](quint64 requestId, const QString &, const QString &error) {
                    if (m_requests.remove(requestId) > 0)
                        showOperationError(error);
                }));
    m_engineConnections.append(
        connect(m_engine, &EngineHost::audienceUsageRead, this,
                [this](quint64 requestId, const QString &audienceId,
                       const QStringList &destinations, const QString &error) {
                    if (requestId != m_usageRequest)
                        return;
                    m_usageRequest = 0;
                    updateButtons();
                    if (!error.isEmpty())
                        showOperationError(error);
                    else
                        confirmRemoval(audienceId, destinations);
                }));
}

RuleAudienceDialog *AudiencesPage::newAudience()
{
    if (!m_engine)
        return nullptr;
    showOperationError({});
    auto *dialog = new RuleAudienceDialog(*m_engine, std::nullopt, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &RuleAudienceDialog::audienceSaved, this, [this](const QString &id) {
        m_pendingSelection = id; // selected once a snapshot lists it (one follows the save)
    });
    dialog->show();
    return dialog;
}

RuleAudienceDialog *AudiencesPage::editSelected()
{
    const std::optional<AudienceSummary> audience = selected();
    if (!m_engine || !audience || audience->origin != AudienceOrigin::Segmentation)
        return nullptr;
    showOperationError({});
    auto *dialog = new RuleAudienceDialog(*m_engine, audience, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->show();
    return dialog;
}

AudienceImportDialog *AudiencesPage::importCsv()
{
    if (!m_engine)
        return nullptr;
    showOperationError({});
    auto *dialog = new AudienceImportDialog(*m_engine, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    if (const std::optional<AudienceSummary> audience = selected();
        audience && audience->origin == AudienceOrigin::CustomUpload)
        dialog->nameEdit()->setText(audience->name); // a re-upload, most likely
    dialog->show();
    return dialog;
}

void AudiencesPage::renameSelected()
{
    const std::optional<AudienceSummary> audience = selected();
    if (!m_engine || !audience)
        return;
    std::optional<QString> name;
    if (m_askName) {
        name = m_askName(audience->name);
    } else {
        bool ok = false;
        const QString typed = QInputDialog::getText(this, tr("Rename Audience"), tr("New &name:"),
                                                    QLineEdit::Normal, audience->name, &ok);
        if (ok)
            name = typed;
    }
    if (!name || name->trimmed() == audience->name)
        return;
    showOperationError({});
    m_requests.insert(m_engine->renameAudience(audience->id, *name), audience->id);
}

// Delete asks the Engine first which destinations map the audience, so that
// the confirmation names what its removal changes.
void AudiencesPage::removeSelected()
{
    const std::optional<AudienceSummary> audience = selected();
    if (!m_engine || !audience || m_usageRequest != 0)
        return;
    showOperationError({});
    m_usageRequest = m_engine->readAudienceUsage(audience->id);
    updateButtons();
}

void AudiencesPage::confirmRemoval(const QString &audienceId, const QStringList &destinations)
{
    QString name = audienceId;
    for (const AudienceSummary &audience : m_model->audiences()) {
        if (audience.id == audienceId)
            name = audience.name;
    }
    QString question = tr("Delete the audience “%1”? Its members exit it.").arg(name);
    if (!destinations.isEmpty())
        question += u' ' + tr("It is mapped to the dataflow of %1: their exits are exported "
                              "there, then it is no longer exported.")
                               .arg(QLocale().createSeparatedList(destinations));
    const bool confirmed = m_confirm
                               ? m_confirm(question)
                               : QMessageBox::question(this, tr("Delete Audience"), question,
                                                       QMessageBox::Yes | QMessageBox::Cancel,
                                                       QMessageBox::Cancel) == QMessageBox::Yes;
    if (!confirmed || !m_engine)
        return;
    m_requests.insert(m_engine->removeAudience(audienceId), audienceId);
}

} // namespace outflow::ui
