#pragma once

#include <QPointer>
#include <QWidget>

namespace outflow::ui {

class EngineHost;

// The Deliveries page (issue #18).
class DeliveriesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeliveriesPage)

public:
    explicit DeliveriesPage(QWidget *parent = nullptr);
    ~DeliveriesPage() override;

    // Not owned; called once the store is open.
    void setEngine(EngineHost *engine);

private:
    QPointer<EngineHost> m_engine;
};

} // namespace outflow::ui
