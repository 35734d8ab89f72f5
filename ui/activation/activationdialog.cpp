#include "activationdialog.h"

#include "audiencechecklist.h"
#include "audienceselectioneditor.h"
#include "enginehost.h"
#include "mappingeditor.h"
#include "triggerseditor.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace outflow::ui {

ActivationDialog::ActivationDialog(EngineHost &host, const ActivationChoices &choices,
                                   QWidget *parent)
    : QDialog(parent)
    , m_host(host)
    , m_audiences(new AudienceSelectionEditor)
    , m_mapping(new MappingEditor(host))
    , m_triggers(new TriggersEditor)
    , m_tabs(new QTabWidget(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("activationDialog"));
    setWindowTitle(tr("Edit Activation — %1").arg(choices.destination.name));
    m_draft.choices = choices;
    if (choices.dataflow)
        m_draft.plan = ActivationPlan::of(*choices.dataflow);
    m_editors = {m_audiences, m_mapping, m_triggers};
    // No mnemonics on the tabs (they would collide with the fields');
    // Ctrl+Tab switches tabs.
    m_tabs->addTab(m_audiences, tr("Audiences"));
    m_tabs->addTab(m_mapping, tr("Mapping"));
    m_tabs->addTab(m_triggers, tr("When to activate"));
    m_tabs->setAccessibleName(tr("Activation settings"));
    m_error->setObjectName(QStringLiteral("activationError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    resize(900, 640);

    for (ActivationEditor *editor : std::as_const(m_editors))
        editor->load(m_draft);
    confirmRemoval = [this](const QStringList &names) {
        return QMessageBox::question(
                   this, tr("Stop Exporting Audiences"),
                   tr("Stop exporting %1 to %2? Their members are no longer exported; what was "
                      "sent stays sent.")
                       .arg(QLocale().createSeparatedList(names), m_draft.choices.destination.name),
                   QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Yes;
    };
    connect(m_audiences->checklist(), &AudienceChecklist::checkedChanged, this,
            [this] { m_mapping->setAudienceIds(m_audiences->checklist()->checkedIds()); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ActivationDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ActivationDialog::reject);
    connect(&m_host, &EngineHost::activationSaved, this, &ActivationDialog::saved);
}

void ActivationDialog::showError(const QString &error)
{
    m_error->setText(error);
    m_error->setAccessibleName(error);
    m_error->setVisible(!error.isEmpty());
}

void ActivationDialog::accept()
{
    if (isSaving())
        return;
    for (int tab = 0; tab < m_editors.size(); ++tab) {
        const QString problem = m_editors.at(tab)->problem();
        if (!problem.isEmpty()) {
            m_tabs->setCurrentIndex(tab);
            showError(problem);
            return;
        }
    }
    for (ActivationEditor *editor : std::as_const(m_editors))
        editor->save(m_draft);
    const QStringList removed = m_draft.removedAudiences();
    if (!removed.isEmpty() && !confirmRemoval(m_draft.audienceNames(removed)))
        return;
    showError({});
    m_buttons->setEnabled(false);
    m_saveRequest = m_host.saveActivation(m_draft.destinationId(), m_draft.plan);
}

void ActivationDialog::saved(quint64 requestId, const QString &error)
{
    if (requestId != m_saveRequest)
        return;
    m_saveRequest = 0;
    m_buttons->setEnabled(true);
    if (!error.isEmpty()) {
        showError(tr("Not saved: %1").arg(error));
        return;
    }
    emit activationSaved(m_draft.destinationId());
    QDialog::accept();
}

} // namespace outflow::ui
