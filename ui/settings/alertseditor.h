#pragma once

#include "destinationeditor.h"
#include "monitoring/alertrules.h"

#include <QHash>

class QCheckBox;
class QLineEdit;

namespace outflow::ui {

// Alerts: a subscription for each of the eight kinds (DESIGN §2), each
// explained, and the thresholds that make them fire, as
// `--alert-threshold` takes them (AlertRules::thresholds checks both).
class AlertsEditor final : public DestinationEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsEditor)

public:
    explicit AlertsEditor(QWidget *parent = nullptr);

    void load(const DestinationDraft &draft) override;
    void save(DestinationDraft &draft) const override;
    QString problem() const override;

    static QString explanation(AlertKind kind);

private:
    QMap<QString, QString> thresholds() const;

    QHash<int, QCheckBox *> m_subscriptions;  // by AlertKind
    QHash<QString, QLineEdit *> m_thresholds; // by threshold key
};

} // namespace outflow::ui
