#pragma once

#include <QIdentityProxyModel>
#include <QStringList>

namespace outflow::ui {

// The audiences table (AudienceTableModel) with a check box in its Name
// column: the audiences picked for a dataflow, in the order they were
// picked. Space toggles the current row's box.
class AudienceChecklist final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AudienceChecklist)

public:
    explicit AudienceChecklist(QObject *parent = nullptr);

    QStringList checkedIds() const { return m_checked; }
    void setCheckedIds(const QStringList &ids);

    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

signals:
    void checkedChanged();

private:
    QStringList m_checked;
};

} // namespace outflow::ui
