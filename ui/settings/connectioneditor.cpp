#include "connectioneditor.h"

#include "delivery/destinationconfig.h"
#include "destinationdraft.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace outflow::ui {

ConnectionEditor::ConnectionEditor(QWidget *parent)
    : DestinationEditor(parent)
    , m_name(new QLineEdit(this))
    , m_description(new QPlainTextEdit(this))
{
    auto *type = new QLabel(tr("HTTP API — each export is POSTed as JSON to your endpoint"), this);
    type->setObjectName(QStringLiteral("destinationTypeLabel"));
    m_name->setObjectName(QStringLiteral("nameLineEdit"));
    m_name->setMaxLength(DestinationConfig::MaxNameLength);
    m_name->setToolTip(tr("A name by which you will recognize this destination in the future."));
    m_name->setAccessibleName(tr("Name"));
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_description->setTabChangesFocus(true);
    m_description->setMaximumHeight(90);
    m_description->setToolTip(
        tr("A description that will help you identify this destination in the future."));
    m_description->setAccessibleName(tr("Description"));

    auto *form = new QFormLayout;
    auto *typeLabel = new QLabel(tr("Type:"), this);
    form->addRow(typeLabel, type);
    auto *nameLabel = new QLabel(tr("Na&me:"), this);
    nameLabel->setBuddy(m_name);
    form->addRow(nameLabel, m_name);
    auto *descriptionLabel = new QLabel(tr("&Description:"), this);
    descriptionLabel->setBuddy(m_description);
    form->addRow(descriptionLabel, m_description);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    addMessageLabel(layout);
    layout->addStretch();

    connect(m_name, &QLineEdit::textChanged, this, &DestinationEditor::changed);
    connect(m_description, &QPlainTextEdit::textChanged, this, &DestinationEditor::changed);
}

void ConnectionEditor::load(const DestinationDraft &draft)
{
    m_otherNames = draft.otherNames;
    m_name->setText(draft.destination.name);
    m_description->setPlainText(draft.destination.description);
}

void ConnectionEditor::save(DestinationDraft &draft) const
{
    draft.destination.name = m_name->text().trimmed();
    draft.destination.description = m_description->toPlainText().trimmed();
}

QString ConnectionEditor::problem() const
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return tr("Name: give the destination a name.");
    for (const QString &other : m_otherNames) {
        if (other.compare(name, Qt::CaseInsensitive) == 0)
            return tr("Name: a destination named “%1” already exists.").arg(other);
    }
    return {};
}

} // namespace outflow::ui
