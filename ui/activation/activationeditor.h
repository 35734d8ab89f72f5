#pragma once

#include "widgets/formeditor.h"

namespace outflow::ui {

struct ActivationDraft;

// One part of an activation, shared by the activation wizard (one page
// each) and the Edit activation dialog (one tab each), as DestinationEditor
// is for a destination's settings.
class ActivationEditor : public FormEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivationEditor)

public:
    explicit ActivationEditor(QWidget *parent = nullptr)
        : FormEditor(parent)
    {}

    virtual void load(const ActivationDraft &draft) = 0;
    virtual void save(ActivationDraft &draft) const = 0;
};

} // namespace outflow::ui
