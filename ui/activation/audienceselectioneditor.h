#pragma once

#include "activationeditor.h"

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace outflow::ui {

class AudienceChecklist;
class AudienceTableModel;

// Audiences: a searchable table of every audience (name, origin, realized
// members, merge policy, updated) with a check box each; at least one must
// be picked. In the Edit activation dialog, the ones the dataflow maps
// already start checked: a newly checked one is backfilled alone, an
// unchecked one stops being exported.
class AudienceSelectionEditor final : public ActivationEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AudienceSelectionEditor)

public:
    explicit AudienceSelectionEditor(QWidget *parent = nullptr);

    void load(const ActivationDraft &draft) override;
    void save(ActivationDraft &draft) const override;
    QString problem() const override;

    QLineEdit *searchField() const { return m_search; }
    QTableView *view() const { return m_view; }
    AudienceChecklist *checklist() const { return m_checklist; }
    // Checks (or unchecks) the audience with this name; false: no such row.
    bool setChecked(const QString &name, bool checked);

private:
    void refreshCount();

    QLineEdit *m_search;
    QTableView *m_view;
    QLabel *m_count;
    AudienceTableModel *m_audiences;
    AudienceChecklist *m_checklist;
    QSortFilterProxyModel *m_filter;
};

} // namespace outflow::ui
