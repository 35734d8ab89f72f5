#pragma once

#include <QDialog>

namespace outflow::ui {

// Name, version, purpose and the Qt it runs on, for support requests.
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    explicit AboutDialog(QWidget *parent = nullptr);
};

} // namespace outflow::ui
