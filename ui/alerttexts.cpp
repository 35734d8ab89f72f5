#include "alerttexts.h"

namespace outflow::ui {

QString AlertTexts::kindTitle(AlertKind kind)
{
    switch (kind) {
    case AlertKind::DeliveryFailureRate:
        return tr("Delivery failure rate");
    case AlertKind::DeliveryDelay:
        return tr("Delivery delay");
    case AlertKind::SloAtRisk:
        return tr("Delivery SLO at risk");
    case AlertKind::ActivationSkippedRate:
        return tr("Profiles excluded from activation");
    case AlertKind::AuthFailure:
        return tr("Authentication failure");
    case AlertKind::EndpointTimeouts:
        return tr("Endpoint timeouts");
    case AlertKind::CertificateExpiry:
        return tr("Client certificate expiry");
    case AlertKind::DestinationDisabled:
        return tr("Destination disabled");
    }
    // A kind added to core without a title here still shows something.
    return alertKindId(kind);
}

} // namespace outflow::ui
