#include "deliveriespage.h"

#include "emptystatepage.h"
#include "enginehost.h"

#include <QVBoxLayout>

namespace outflow::ui {

DeliveriesPage::DeliveriesPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("deliveriesPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new EmptyStatePage(
        tr("Nothing delivered yet"),
        tr("Every delivery attempt appears here with its request and answer, secrets masked; "
           "failed exports can be replayed."),
        tr("Activate an audience to a destination: its exports are listed as they are sent."),
        this));
}

DeliveriesPage::~DeliveriesPage() = default;

void DeliveriesPage::setEngine(EngineHost *engine)
{
    m_engine = engine;
}

} // namespace outflow::ui
