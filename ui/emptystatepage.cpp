#include "emptystatepage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace outflow::ui {

EmptyStatePage::EmptyStatePage(const QString &heading, const QString &whatAppears,
                               const QString &howToBegin, QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(heading, this))
    , m_whatAppears(new QLabel(whatAppears, this))
    , m_howToBegin(new QLabel(howToBegin, this))
{
    m_heading->setObjectName(QStringLiteral("headingLabel"));
    m_whatAppears->setObjectName(QStringLiteral("whatAppearsLabel"));
    m_howToBegin->setObjectName(QStringLiteral("howToBeginLabel"));

    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.4);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);

    for (QLabel *label : {m_heading, m_whatAppears, m_howToBegin}) {
        label->setAlignment(Qt::AlignHCenter);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setMaximumWidth(560);
    }
    m_howToBegin->setTextFormat(Qt::RichText);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(m_heading, 0, Qt::AlignHCenter);
    layout->addSpacing(12);
    layout->addWidget(m_whatAppears, 0, Qt::AlignHCenter);
    layout->addSpacing(8);
    layout->addWidget(m_howToBegin, 0, Qt::AlignHCenter);
    layout->addStretch(3);
}

QString EmptyStatePage::heading() const
{
    return m_heading->text();
}

QString EmptyStatePage::whatAppears() const
{
    return m_whatAppears->text();
}

QString EmptyStatePage::howToBegin() const
{
    return m_howToBegin->text();
}

} // namespace outflow::ui
