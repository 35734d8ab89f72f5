#include "emptystatepage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace outflow::ui {

EmptyStatePage::EmptyStatePage(const QString &heading, const QString &whatAppears,
                               const QString &howToBegin, QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(heading, this))
    , m_whatAppears(new QLabel(whatAppears, this))
    , m_howToBegin(new QLabel(howToBegin, this))
    , m_column(nullptr)
{
    m_heading->setObjectName(QStringLiteral("headingLabel"));
    m_whatAppears->setObjectName(QStringLiteral("whatAppearsLabel"));
    m_howToBegin->setObjectName(QStringLiteral("howToBeginLabel"));

    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.4);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);

    // Word-wrapped labels report a narrow size hint; a column that expands up
    // to a readable measure, centred by stretches, keeps lines long enough.
    auto *column = new QWidget(this);
    column->setObjectName(QStringLiteral("emptyStateColumn"));
    column->setMaximumWidth(600);
    column->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    for (QLabel *label : {m_heading, m_whatAppears, m_howToBegin}) {
        label->setParent(column);
        label->setAlignment(Qt::AlignHCenter);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_howToBegin->setTextFormat(Qt::RichText);
    columnLayout->addWidget(m_heading);
    columnLayout->addSpacing(12);
    columnLayout->addWidget(m_whatAppears);
    columnLayout->addSpacing(8);
    columnLayout->addWidget(m_howToBegin);
    m_column = columnLayout;

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 10);
    row->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addLayout(row);
    layout->addStretch(3);
}

QString EmptyStatePage::heading() const
{
    return m_heading->text();
}

void EmptyStatePage::setHeading(const QString &heading)
{
    m_heading->setText(heading);
}

QString EmptyStatePage::whatAppears() const
{
    return m_whatAppears->text();
}

QString EmptyStatePage::howToBegin() const
{
    return m_howToBegin->text();
}

QPushButton *EmptyStatePage::addActionButton(const QString &text)
{
    auto *button = new QPushButton(text, this);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(button);
    row->addStretch(1);
    m_column->addSpacing(12);
    m_column->addLayout(row);
    return button;
}

} // namespace outflow::ui
