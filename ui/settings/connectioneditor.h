#pragma once

#include "destinationeditor.h"

class QLineEdit;
class QPlainTextEdit;

namespace outflow::ui {

// Connect: the destination type (HTTP API), its name and description.
class ConnectionEditor final : public DestinationEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionEditor)

public:
    explicit ConnectionEditor(QWidget *parent = nullptr);

    void load(const DestinationDraft &draft) override;
    void save(DestinationDraft &draft) const override;
    QString problem() const override;

private:
    QLineEdit *m_name;
    QPlainTextEdit *m_description;
    QStringList m_otherNames;
};

} // namespace outflow::ui
