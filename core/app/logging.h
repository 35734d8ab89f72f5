#pragma once

#include <QLoggingCategory>

// One logging category per area, enabled with QT_LOGGING_RULES, e.g.
// QT_LOGGING_RULES="outflow.core.secrets.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcApp)
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
Q_DECLARE_LOGGING_CATEGORY(lcCli)
Q_DECLARE_LOGGING_CATEGORY(lcDemo)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcDelivery)
