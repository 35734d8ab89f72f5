#include "logging.h"

Q_LOGGING_CATEGORY(lcApp, "outflow.core.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "outflow.core.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCli, "outflow.core.cli", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDemo, "outflow.core.demo", QtInfoMsg)
// Token requests and their outcome; never a token, a secret or a body.
Q_LOGGING_CATEGORY(lcAuth, "outflow.core.delivery.auth", QtInfoMsg)
// The senders: starts, stops, failures; never a header, a token or a body.
Q_LOGGING_CATEGORY(lcDelivery, "outflow.core.delivery", QtInfoMsg)
