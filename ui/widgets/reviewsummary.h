#pragma once

#include <QFrame>
#include <QLabel>
#include <QScrollArea>
#include <QString>

namespace outflow::ui {

// The pieces both wizards' Review pages share: the summary (an HTML table in
// a label that scrolls and takes the keyboard focus to be read or copied)
// and the line that says why Finish did not save.

// One row of the summary table: a bold label, then `valueHtml` as it is.
inline QString summaryRow(const QString &label, const QString &valueHtml)
{
    return QStringLiteral("<tr><td style=\"padding-right:12px\" valign=\"top\"><b>%1</b></td>"
                          "<td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), valueHtml);
}

// Sets up `summary` and returns the scroll area that holds it.
inline QScrollArea *scrollingSummary(QLabel *summary, const QString &accessibleName,
                                     QWidget *parent)
{
    summary->setAccessibleName(accessibleName);
    summary->setTextFormat(Qt::RichText);
    summary->setWordWrap(true);
    summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *scroll = new QScrollArea(parent);
    scroll->setWidget(summary);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus); // the summary itself takes the focus
    return scroll;
}

// A hidden, wrapping, red line for a save's error.
inline void setUpSaveErrorLabel(QLabel *label)
{
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->hide();
}

} // namespace outflow::ui
