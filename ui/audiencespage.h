#pragma once

#include "model/audiencesummary.h"

#include <QList>
#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace outflow::ui {

class AudienceTableModel;
class EmptyStatePage;

// The Audiences page: a sortable table of the audiences with their member
// counts, or the empty state while there is none. A view: it shows the
// snapshots the Engine sends (setAudiences) and reads nothing itself.
class AudiencesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AudiencesPage)

public:
    explicit AudiencesPage(QWidget *parent = nullptr);

    AudienceTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxyModel() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    // True while the empty state is shown instead of the table.
    bool isEmptyStateShown() const;

public slots:
    void setAudiences(const QList<outflow::AudienceSummary> &audiences);

private:
    AudienceTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QStackedWidget *m_stack;
    EmptyStatePage *m_emptyState;
    QWidget *m_tablePage;
    QTableView *m_view;
    QLabel *m_hint;
};

} // namespace outflow::ui
