#include "blockedbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace outflow::ui {

BlockedBanner::BlockedBanner(QWidget *parent)
    : QFrame(parent)
    , m_lines(new QVBoxLayout(this))
{
    setObjectName(QStringLiteral("blockedBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette tinted = palette();
    tinted.setColor(QPalette::Window, QColor(0xfd, 0xf0, 0xd5));
    tinted.setColor(QPalette::WindowText, QColor(0x40, 0x30, 0x10));
    setPalette(tinted);
    m_lines->setContentsMargins(10, 6, 10, 6);
    setAccessibleName(tr("Destinations that cannot deliver"));
    hide();
}

bool BlockedBanner::isBlockedOrPaused(DestinationState state)
{
    switch (state) {
    case DestinationState::AuthFailing:
    case DestinationState::TlsProblem:
    case DestinationState::MissingSecret:
    case DestinationState::Disabled:
        return true;
    default:
        return false;
    }
}

void BlockedBanner::setDestinations(const QList<DestinationSummary> &destinations)
{
    QList<DestinationSummary> blocked;
    for (const DestinationSummary &d : destinations) {
        if (isBlockedOrPaused(d.state))
            blocked.append(d);
    }
    if (blocked == m_destinations)
        return; // nothing to redo: no flicker, focus kept on a button
    m_destinations = blocked;
    m_shown.clear();
    while (QLayoutItem *item = m_lines->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const DestinationSummary &d : std::as_const(blocked)) {
        auto *line = new QWidget(this);
        auto *row = new QHBoxLayout(line);
        row->setContentsMargins(0, 0, 0, 0);
        const bool disabled = d.state == DestinationState::Disabled;
        QString text = disabled ? tr("<b>%1</b> is paused: it sends nothing until enabled.")
                                      .arg(d.name.toHtmlEscaped())
                                : tr("<b>%1</b> cannot deliver: %2.")
                                      .arg(d.name.toHtmlEscaped(),
                                           DestinationStates::label(d.state).toHtmlEscaped());
        if (!disabled && !d.problem.isEmpty())
            text += QLatin1Char(' ') + d.problem.toHtmlEscaped();
        if (const QString fix = DestinationStates::fix(d.state); !fix.isEmpty() && !disabled)
            text += QLatin1Char(' ') + fix.toHtmlEscaped();
        auto *label = new QLabel(text, line);
        label->setWordWrap(true);
        label->setTextFormat(Qt::RichText);
        row->addWidget(label, 1);
        auto *action = new QPushButton(disabled ? tr("Enable") : tr("Settings…"), line);
        action->setObjectName(QStringLiteral("fixButton_") + d.id);
        action->setAccessibleName(disabled ? tr("Enable %1").arg(d.name)
                                           : tr("Settings of %1").arg(d.name));
        const QString id = d.id;
        connect(action, &QPushButton::clicked, this, [this, id, disabled] {
            if (disabled)
                emit enableRequested(id);
            else
                emit editRequested(id);
        });
        row->addWidget(action);
        m_lines->addWidget(line);
        m_shown.append(d.id);
    }
    setVisible(!m_shown.isEmpty());
}

} // namespace outflow::ui
