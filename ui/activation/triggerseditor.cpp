#include "triggerseditor.h"

#include "activationdraft.h"

#include <QCheckBox>
#include <QLabel>
#include <QVBoxLayout>

namespace outflow::ui {

namespace {

QLabel *explanation(const QString &text, QCheckBox *box, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setIndent(24); // under the box's text
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->setAccessibleDescription(text);
    return label;
}

} // namespace

TriggersEditor::TriggersEditor(QWidget *parent)
    : ActivationEditor(parent)
    , m_attribute(new QCheckBox(tr("&Attribute changes"), this))
    , m_segmentation(new QCheckBox(tr("A&udience changes"), this))
    , m_identity(new QCheckBox(tr("&Identity changes"), this))
{
    m_attribute->setObjectName(QStringLiteral("attributeTrigger"));
    m_segmentation->setObjectName(QStringLiteral("segmentationTrigger"));
    m_identity->setObjectName(QStringLiteral("identityTrigger"));
    auto *intro = new QLabel(tr("Only members that changed in one of these ways are exported: "
                                "exports are incremental. Every mapped attribute is sent each "
                                "time, whatever changed."),
                             this);
    intro->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(8);
    layout->addWidget(m_attribute);
    layout->addWidget(explanation(
        tr("A mapped attribute was written on a member, for instance added to the profile. Any "
           "write counts, even of the same value."),
        m_attribute, this));
    layout->addWidget(m_segmentation);
    layout->addWidget(explanation(
        tr("The profile qualified for a mapped audience (realized) or left it (exiting)."),
        m_segmentation, this));
    layout->addWidget(m_identity);
    layout->addWidget(explanation(
        tr("The profile's identity map changed, for instance a new identity was added to a "
           "profile already in a mapped audience."),
        m_identity, this));
    layout->addStretch(1);
    addMessageLabel(layout);
    for (QCheckBox *box : {m_attribute, m_segmentation, m_identity})
        connect(box, &QCheckBox::toggled, this, &TriggersEditor::changed);
}

void TriggersEditor::load(const ActivationDraft &draft)
{
    m_attribute->setChecked(draft.plan.triggers.attribute);
    m_segmentation->setChecked(draft.plan.triggers.segmentation);
    m_identity->setChecked(draft.plan.triggers.identity);
    refreshMessage();
}

void TriggersEditor::save(ActivationDraft &draft) const
{
    draft.plan.triggers = {m_attribute->isChecked(), m_segmentation->isChecked(),
                           m_identity->isChecked()};
}

QString TriggersEditor::warning() const
{
    if (!m_attribute->isChecked() && !m_segmentation->isChecked() && !m_identity->isChecked())
        return tr("With every kind of change off, only the backfill and Activate Now export "
                  "anything.");
    if (!m_segmentation->isChecked())
        return tr("With audience changes off, a profile that leaves a mapped audience is not "
                  "exported: the receiver never learns it exited.");
    return {};
}

} // namespace outflow::ui
