#pragma once

#include "widgets/formeditor.h"

namespace outflow::ui {

struct DestinationDraft;

// One part of a destination's settings, shared by the wizard (one page each)
// and the Edit dialog (one tab each). load() fills the fields from the
// draft, save() writes them back; problem() checks what is typed with the
// same functions as the CLI (DestinationConfig) and names the field.
class DestinationEditor : public FormEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DestinationEditor)

public:
    explicit DestinationEditor(QWidget *parent = nullptr)
        : FormEditor(parent)
    {}

    virtual void load(const DestinationDraft &draft) = 0;
    virtual void save(DestinationDraft &draft) const = 0;
};

} // namespace outflow::ui
