#pragma once

#include <QPointer>
#include <QWidget>

namespace outflow::ui {

class EngineHost;

// The Monitoring page (issue #18).
class MonitoringPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MonitoringPage)

public:
    explicit MonitoringPage(QWidget *parent = nullptr);
    ~MonitoringPage() override;

    // Not owned; called once the store is open.
    void setEngine(EngineHost *engine);

private:
    QPointer<EngineHost> m_engine;
};

} // namespace outflow::ui
