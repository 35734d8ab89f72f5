#include "alertseditor.h"

#include "alerttexts.h"
#include "destinationdraft.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace outflow::ui {

namespace {

// The threshold each kind is tuned by, with its default as the stored form.
struct ThresholdField
{
    AlertKind kind;
    const char *key;
    QString defaultText;
};

QList<ThresholdField> thresholdFields()
{
    const AlertThresholds d;
    const auto percent = [](double share) -> QString {
        return QString::number(share * 100) + u'%';
    };
    const auto minutes = [](qint64 ms) -> QString { return QString::number(ms / 60'000) + u'm'; };
    return {
        {AlertKind::DeliveryFailureRate, "delivery-failure-rate", percent(d.failureRate)},
        {AlertKind::DeliveryDelay, "delivery-delay", minutes(d.delayMs)},
        {AlertKind::SloAtRisk, "slo-at-risk", percent(d.sloTarget)},
        {AlertKind::ActivationSkippedRate, "activation-skipped-rate", percent(d.skippedRate)},
        {AlertKind::AuthFailure, "auth-failure", QString::number(d.authFailures)},
        {AlertKind::EndpointTimeouts, "endpoint-timeouts", percent(d.timeoutRate)},
        {AlertKind::CertificateExpiry, "certificate-expiry", QString::number(d.certificateDays)},
    };
}

} // namespace

QString AlertsEditor::explanation(AlertKind kind)
{
    switch (kind) {
    case AlertKind::DeliveryFailureRate:
        return tr("More than this share of the last 5 minutes' requests failed.");
    case AlertKind::DeliveryDelay:
        return tr("An export has waited longer than this to be delivered.");
    case AlertKind::SloAtRisk:
        return tr("Less than this share of the last hour's exports arrived within 10 minutes.");
    case AlertKind::ActivationSkippedRate:
        return tr("More than this share of the last hour's profiles were excluded (a mandatory "
                  "attribute missing).");
    case AlertKind::AuthFailure:
        return tr("This many token requests or 401/403 answers in a row.");
    case AlertKind::EndpointTimeouts:
        return tr("More than this share of the last 5 minutes' requests timed out.");
    case AlertKind::CertificateExpiry:
        return tr("The client certificate expires within this many days, or has expired.");
    case AlertKind::DestinationDisabled:
        return tr("The destination was disabled: nothing is sent to it.");
    }
    return {};
}

AlertsEditor::AlertsEditor(QWidget *parent)
    : DestinationEditor(parent)
{
    auto *grid = new QGridLayout;
    grid->setColumnStretch(1, 1);
    auto *thresholdHeader = new QLabel(tr("Fires at"), this);
    grid->addWidget(thresholdHeader, 0, 2);
    const QList<ThresholdField> fields = thresholdFields();
    int row = 1;
    for (const AlertKind kind : allAlertKinds()) {
        auto *check = new QCheckBox(AlertTexts::kindTitle(kind), this);
        check->setObjectName(QStringLiteral("alert-%1").arg(alertKindId(kind)));
        check->setToolTip(explanation(kind));
        auto *text = new QLabel(explanation(kind), this);
        text->setWordWrap(true);
        text->setBuddy(check);
        grid->addWidget(check, row, 0);
        grid->addWidget(text, row, 1);
        m_subscriptions.insert(int(kind), check);
        connect(check, &QCheckBox::toggled, this, &DestinationEditor::changed);
        for (const ThresholdField &field : fields) {
            if (field.kind != kind)
                continue;
            auto *edit = new QLineEdit(this);
            edit->setObjectName(QStringLiteral("threshold-%1").arg(QLatin1String(field.key)));
            edit->setPlaceholderText(field.defaultText);
            edit->setMaximumWidth(90);
            edit->setAccessibleName(tr("%1 threshold").arg(AlertTexts::kindTitle(kind)));
            edit->setToolTip(tr("Empty: %1").arg(field.defaultText));
            grid->addWidget(edit, row, 2);
            m_thresholds.insert(QLatin1String(field.key), edit);
            connect(edit, &QLineEdit::textChanged, this, &DestinationEditor::changed);
        }
        ++row;
    }
    auto *intro = new QLabel(tr("Subscribe to the alerts you want to receive for this "
                                "destination: they appear on the Alerts page and as desktop "
                                "notifications."),
                             this);
    intro->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(grid);
    addMessageLabel(layout);
    layout->addStretch();
}

void AlertsEditor::load(const DestinationDraft &draft)
{
    for (auto it = m_subscriptions.cbegin(); it != m_subscriptions.cend(); ++it)
        it.value()->setChecked(draft.destination.alerts.contains(alertKindId(AlertKind(it.key()))));
    for (auto it = m_thresholds.cbegin(); it != m_thresholds.cend(); ++it)
        it.value()->setText(draft.destination.alertThresholds.value(it.key()));
}

QMap<QString, QString> AlertsEditor::thresholds() const
{
    QMap<QString, QString> overrides;
    for (auto it = m_thresholds.cbegin(); it != m_thresholds.cend(); ++it) {
        if (!it.value()->text().trimmed().isEmpty())
            overrides.insert(it.key(), it.value()->text().trimmed());
    }
    return overrides;
}

void AlertsEditor::save(DestinationDraft &draft) const
{
    draft.destination.alerts.clear();
    for (const AlertKind kind : allAlertKinds()) {
        if (m_subscriptions.value(int(kind))->isChecked())
            draft.destination.alerts.append(alertKindId(kind));
    }
    // Keys this editor does not show (slo-target, set by outflowctl) are kept.
    QMap<QString, QString> merged = draft.destination.alertThresholds;
    for (auto it = m_thresholds.cbegin(); it != m_thresholds.cend(); ++it)
        merged.remove(it.key());
    merged.insert(thresholds());
    draft.destination.alertThresholds = merged;
}

QString AlertsEditor::problem() const
{
    QString error;
    if (!AlertRules::thresholds(thresholds(), &error))
        return error;
    return {};
}

} // namespace outflow::ui
