#include "monitoringpage.h"

#include "emptystatepage.h"
#include "enginehost.h"

#include <QVBoxLayout>

namespace outflow::ui {

MonitoringPage::MonitoringPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("monitoringPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new EmptyStatePage(
        tr("Nothing to monitor yet"),
        tr("Live figures of each dataflow appear here: exports sent, failed, retried and late, "
           "backlog and delivery latency."),
        tr("Activate an audience to a destination to start a dataflow."), this));
}

MonitoringPage::~MonitoringPage() = default;

void MonitoringPage::setEngine(EngineHost *engine)
{
    m_engine = engine;
}

} // namespace outflow::ui
