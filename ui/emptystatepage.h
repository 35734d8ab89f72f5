#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace outflow::ui {

// What a navigation page shows before it has content: what will appear here
// and how to begin. Later issues replace each one with its real view and keep
// the empty state for when the view has no rows.
class EmptyStatePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyStatePage)

public:
    EmptyStatePage(const QString &heading, const QString &whatAppears, const QString &howToBegin,
                   QWidget *parent = nullptr);

    QString heading() const;
    void setHeading(const QString &heading);
    QString whatAppears() const;
    QString howToBegin() const;
    // A button under the texts that begins (e.g. "Connect a destination").
    QPushButton *addActionButton(const QString &text);

private:
    QLabel *m_heading;
    QLabel *m_whatAppears;
    QLabel *m_howToBegin;
    QVBoxLayout *m_column;
};

} // namespace outflow::ui
