#pragma once

#include "activation/activationplan.h"
#include "activationeditor.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;
class QTreeView;

namespace outflow::ui {

class EngineHost;
class MappedAttributesModel;
class PayloadPreviewPanel;

// Mapping: the XDM fields to export. They are picked from a tree of the
// paths stored profiles hold and the XDM Individual Profile fields the
// product ships, or typed and checked as the CLI checks them; one may be
// the unique identifier (recommended: a warning says so when none is), any
// may be mandatory. A live preview shows the export of one real member of
// the selected audiences, built by the PayloadBuilder that sends.
class MappingEditor final : public ActivationEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MappingEditor)

public:
    explicit MappingEditor(EngineHost &host, QWidget *parent = nullptr);

    void load(const ActivationDraft &draft) override;
    void save(ActivationDraft &draft) const override;
    QString problem() const override;
    QString warning() const override;

    QLineEdit *filterField() const { return m_filter; }
    QTreeView *fieldTree() const { return m_tree; }
    QLineEdit *pathField() const { return m_path; }
    QPushButton *addButton() const { return m_add; }
    QTableView *mappedView() const { return m_mappedView; }
    MappedAttributesModel *mapped() const { return m_mapped; }
    PayloadPreviewPanel *previewPanel() const { return m_preview; }

    // Maps the path typed in the path field (the Add button).
    bool addTypedPath();
    // The audiences the preview draws its profile from (the Edit activation
    // dialog's Audiences tab changed).
    void setAudienceIds(const QStringList &audienceIds);

protected:
    // Return in the path field or the tree maps the field, and goes no
    // further: QLineEdit and QTreeView let it through to the wizard's
    // default button, which would move on to the next page.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fillTree(const QList<AttributeChoice> &choices);
    void addCurrentField();
    void removeSelected();
    void refreshPathCheck();
    void planChanged();

    QLineEdit *m_filter;
    QTreeView *m_tree;
    QLineEdit *m_path;
    QPushButton *m_add;
    QLabel *m_pathCheck;
    QTableView *m_mappedView;
    QPushButton *m_remove;
    PayloadPreviewPanel *m_preview;
    QStandardItemModel *m_fields;
    QSortFilterProxyModel *m_fieldFilter;
    MappedAttributesModel *m_mapped;
    QString m_destinationId;
    QStringList m_audienceIds;
    ActivationTriggers m_triggers;
};

} // namespace outflow::ui
