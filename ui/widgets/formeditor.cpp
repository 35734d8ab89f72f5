#include "formeditor.h"

#include <QBoxLayout>
#include <QLabel>

namespace outflow::ui {

FormEditor::FormEditor(QWidget *parent)
    : QWidget(parent)
    , m_message(new QLabel(this))
{
    m_message->setObjectName(QStringLiteral("editorMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    connect(this, &FormEditor::changed, this, &FormEditor::refreshMessage);
}

void FormEditor::addMessageLabel(QBoxLayout *layout)
{
    layout->addWidget(m_message);
}

QLabel *FormEditor::buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    buddy->setAccessibleName(QString(text).remove(u'&').remove(u':').trimmed());
    return label;
}

void FormEditor::refreshMessage()
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
