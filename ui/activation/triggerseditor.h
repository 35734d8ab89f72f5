#pragma once

#include "activationeditor.h"

class QCheckBox;

namespace outflow::ui {

// When to activate: which kinds of change export a profile (all on by
// default, as the reference's newer panel has them). A change of a kind
// switched off is recorded as suppressed, not exported.
class TriggersEditor final : public ActivationEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TriggersEditor)

public:
    explicit TriggersEditor(QWidget *parent = nullptr);

    void load(const ActivationDraft &draft) override;
    void save(ActivationDraft &draft) const override;
    QString problem() const override { return {}; }
    QString warning() const override;

    QCheckBox *attributeBox() const { return m_attribute; }
    QCheckBox *segmentationBox() const { return m_segmentation; }
    QCheckBox *identityBox() const { return m_identity; }

private:
    QCheckBox *m_attribute;
    QCheckBox *m_segmentation;
    QCheckBox *m_identity;
};

} // namespace outflow::ui
