#include "ruleaudiencedialog.h"

#include "enginehost.h"
#include "ruleeditor.h"
#include "rulepreviewer.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace outflow::ui {

RuleAudienceDialog::RuleAudienceDialog(EngineHost &engine, std::optional<AudienceSummary> existing,
                                       QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_existing(std::move(existing))
    , m_name(new QLineEdit(this))
    , m_description(new QLineEdit(this))
    , m_mergePolicy(new QLineEdit(this))
    , m_rule(new RuleEditor(this))
    , m_count(new QLabel(this))
    , m_samples(new QListWidget(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
    , m_previewer(new RulePreviewer(engine, this))
{
    setObjectName(QStringLiteral("ruleAudienceDialog"));
    setWindowTitle(m_existing ? tr("Edit Audience “%1”").arg(m_existing->name)
                              : tr("New Rule Audience"));
    m_name->setObjectName(QStringLiteral("audienceNameLineEdit"));
    m_name->setAccessibleName(tr("Name"));
    m_description->setObjectName(QStringLiteral("audienceDescriptionLineEdit"));
    m_description->setAccessibleName(tr("Description"));
    m_mergePolicy->setObjectName(QStringLiteral("audienceMergePolicyLineEdit"));
    m_mergePolicy->setAccessibleName(tr("Merge policy"));
    m_mergePolicy->setToolTip(tr("Exports carry the other audiences sharing a merge policy with a "
                                 "mapped one; it cannot change once the audience exists."));
    m_count->setObjectName(QStringLiteral("audiencePreviewLabel"));
    m_count->setAccessibleName(tr("Matching profiles"));
    m_count->setWordWrap(true);
    m_samples->setObjectName(QStringLiteral("audienceSamplesListWidget"));
    m_samples->setAccessibleName(tr("Sample profiles"));
    m_samples->setMaximumHeight(m_samples->fontMetrics().height() * (RulePreviewer::Samples + 1));
    m_error->setObjectName(QStringLiteral("audienceSaveErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: palette(link-visited);"));
    m_error->hide();
    m_buttons->setObjectName(QStringLiteral("audienceDialogButtonBox"));
    m_buttons->button(QDialogButtonBox::Save)->setText(tr("&Save")); // not every theme has one

    if (m_existing) {
        m_name->setText(m_existing->name);
        m_description->setText(m_existing->description);
        m_mergePolicy->setText(m_existing->mergePolicyId);
        m_mergePolicy->setReadOnly(true);
        m_rule->setRule(m_existing->rule);
    } else {
        m_mergePolicy->setText(QStringLiteral("default"));
    }

    auto *form = new QFormLayout;
    const auto addRow = [this, form](const QString &text, QWidget *field,
                                     QWidget *buddy = nullptr) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy ? buddy : field);
        form->addRow(label, field);
    };
    addRow(tr("&Name:"), m_name);
    addRow(tr("&Description:"), m_description);
    addRow(tr("&Merge policy:"), m_mergePolicy);
    addRow(tr("&Rule:"), m_rule, m_rule->textEdit());
    addRow(tr("Matching:"), m_count);
    addRow(tr("Sam&ple profiles:"), m_samples);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setTabOrder(m_name, m_description);
    setTabOrder(m_description, m_mergePolicy);
    setTabOrder(m_mergePolicy, m_rule->textEdit());
    setTabOrder(m_rule->textEdit(), m_samples);
    setTabOrder(m_samples, m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &RuleAudienceDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RuleAudienceDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &RuleAudienceDialog::updateButtons);
    connect(m_rule, &RuleEditor::ruleChanged, this, [this](const QString &rule, bool valid) {
        m_previewer->setRule(rule, valid);
        updateButtons();
    });
    connect(m_previewer, &RulePreviewer::started, this, [this] {
        m_count->setText(tr("Counting…"));
        m_samples->clear();
    });
    connect(m_previewer, &RulePreviewer::cleared, this, [this] {
        m_previewCount = -1;
        m_count->setText(m_rule->rule().trimmed().isEmpty() ? tr("Type a rule to count.")
                                                            : tr("The rule does not parse."));
        m_samples->clear();
    });
    connect(m_previewer, &RulePreviewer::previewed, this, &RuleAudienceDialog::showPreview);
    connect(m_previewer, &RulePreviewer::failed, this, [this](const QString &error) {
        m_previewCount = -1;
        m_count->setText(tr("Could not count: %1").arg(error));
    });
    connect(&m_engine, &EngineHost::audienceOperationFinished, this,
            [this](quint64 requestId, const QString &audienceId, const QString &error) {
                if (requestId != m_saving)
                    return;
                m_saving = 0;
                if (!error.isEmpty()) {
                    showError(error);
                    return;
                }
                emit audienceSaved(audienceId);
                QDialog::accept();
            });
    // The first count at once for an existing rule (setRule ran before the
    // connection): the text and its state as they are now.
    m_previewer->setRule(m_rule->rule(), m_rule->isValid());
    updateButtons();
    resize(640, 520);
}

void RuleAudienceDialog::updateButtons()
{
    const bool idle = m_saving == 0;
    m_buttons->button(QDialogButtonBox::Save)
        ->setEnabled(idle && !m_name->text().trimmed().isEmpty() && m_rule->isValid());
    for (QWidget *field : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_description),
                           static_cast<QWidget *>(m_rule)})
        field->setEnabled(idle);
}

void RuleAudienceDialog::showPreview(const AudiencePreview &preview)
{
    m_previewCount = preview.matching;
    const QLocale locale;
    m_count->setText(
        tr("%1 of %2 profiles match (nothing is stored until you save).")
            .arg(locale.toString(preview.matching), locale.toString(preview.evaluated)));
    m_samples->clear();
    for (qsizetype i = 0; i < preview.sampleIds.size(); ++i)
        m_samples->addItem(
            tr("Profile %1 — %2")
                .arg(QString::number(preview.sampleIds.at(i)), preview.sampleLabels.value(i)));
}

void RuleAudienceDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    updateButtons();
}

void RuleAudienceDialog::accept()
{
    if (m_saving != 0)
        return;
    if (m_name->text().trimmed().isEmpty()) {
        showError(tr("The audience name is required."));
        m_name->setFocus();
        return;
    }
    if (!m_rule->isValid()) {
        showError(m_rule->rule().trimmed().isEmpty() ? tr("The rule is required.")
                                                     : tr("The rule does not parse."));
        m_rule->setFocus();
        return;
    }
    if (!m_existing) {
        m_saving = m_engine.createAudience(m_name->text(), m_description->text(),
                                           m_mergePolicy->text(), m_rule->rule());
    } else {
        AudienceChanges changes;
        if (m_name->text().trimmed() != m_existing->name)
            changes.name = m_name->text();
        if (m_description->text() != m_existing->description)
            changes.description = m_description->text();
        if (m_rule->rule() != m_existing->rule)
            changes.rule = m_rule->rule();
        if (!changes.name && !changes.description && !changes.rule) {
            QDialog::accept(); // nothing to save
            return;
        }
        m_saving = m_engine.editAudience(m_existing->id, changes);
    }
    showError({}); // and the fields wait for the answer
}

} // namespace outflow::ui
