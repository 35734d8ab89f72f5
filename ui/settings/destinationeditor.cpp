#include "destinationeditor.h"

#include <QBoxLayout>
#include <QLabel>

namespace outflow::ui {

DestinationEditor::DestinationEditor(QWidget *parent)
    : QWidget(parent)
    , m_message(new QLabel(this))
{
    m_message->setObjectName(QStringLiteral("editorMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    connect(this, &DestinationEditor::changed, this, &DestinationEditor::refreshMessage);
}

void DestinationEditor::addMessageLabel(QBoxLayout *layout)
{
    layout->addWidget(m_message);
}

QLabel *DestinationEditor::buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    buddy->setAccessibleName(QString(text).remove(u'&').remove(u':').trimmed());
    return label;
}

void DestinationEditor::refreshMessage()
{
    const QString error = problem();
    const QString note = error.isEmpty() ? warning() : QString();
    const QString text = error.isEmpty() ? note : error;
    m_message->setText(text);
    m_message->setStyleSheet(error.isEmpty() ? QStringLiteral("color: #8a5a00;")
                                             : QStringLiteral("color: #b00020;"));
    m_message->setAccessibleName(text);
    m_message->setVisible(!text.isEmpty());
}

} // namespace outflow::ui
