#include "reviewpage.h"

#include "alerttexts.h"
#include "delivery/batchconfig.h"
#include "enginehost.h"
#include "models/destinationsmodel.h"
#include "settings/alertseditor.h"
#include "settings/destinationdraft.h"
#include "uitexts.h"
#include "widgets/reviewsummary.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace outflow::ui {

namespace {

QString masked(const QString &value)
{
    return value.isEmpty() ? QString() : QStringLiteral("••••");
}

} // namespace

ReviewPage::ReviewPage(EngineHost &host, DestinationDraft &draft, QWidget *parent)
    : QWizardPage(parent)
    , m_host(host)
    , m_draft(draft)
    , m_summary(new QLabel(this))
    , m_test(new QPushButton(tr("&Send test"), this))
    , m_testResult(new QLabel(this))
    , m_activateNext(new QCheckBox(tr("After Finish, go on to &activate audiences"), this))
    , m_saveError(new QLabel(this))
{
    setTitle(tr("Review"));
    setAccessibleName(title());
    setSubTitle(tr("Check the destination, send a test export if you wish, then Finish to save "
                   "it. Secrets go to the keychain, the rest to the store."));
    m_summary->setObjectName(QStringLiteral("reviewSummary"));
    QScrollArea *scroll = scrollingSummary(m_summary, tr("Summary"), this);
    m_test->setObjectName(QStringLiteral("reviewTestButton"));
    m_test->setToolTip(tr("Send one sample export to the endpoint now, with these settings. "
                          "Nothing is queued."));
    m_testResult->setObjectName(QStringLiteral("reviewTestResult"));
    m_testResult->setAccessibleName(tr("Test result"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_activateNext->setObjectName(QStringLiteral("activateNextBox"));
    m_activateNext->setToolTip(tr("A destination exports nothing until audiences are mapped "
                                  "to it: the activation wizard picks them, the attributes and "
                                  "when to export."));
    m_activateNext->setChecked(true);
    m_saveError->setObjectName(QStringLiteral("reviewSaveError"));
    setUpSaveErrorLabel(m_saveError);

    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_testResult, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addLayout(testRow);
    layout->addWidget(m_activateNext);
    layout->addWidget(m_saveError);
    connect(m_test, &QPushButton::clicked, this, &ReviewPage::sendTest);
    connect(&m_host, &EngineHost::destinationTested, this, &ReviewPage::showTestResult);
}

QString ReviewPage::summaryHtml(const DestinationDraft &draft)
{
    const Destination &d = draft.destination;
    const DestinationSecrets &s = draft.secrets;
    const auto secret = [&draft, &s](DestinationSecrets::Kind kind) {
        const QString typed = masked(s.value(kind));
        return !typed.isEmpty()                   ? typed
               : draft.storedKinds.contains(kind) ? tr("•••• (stored)")
                                                  : tr("none");
    };
    QString html = QStringLiteral("<table>");
    html += summaryRow(tr("Name"), d.name.toHtmlEscaped());
    if (!d.description.isEmpty())
        html += summaryRow(tr("Description"), d.description.toHtmlEscaped());
    html +=
        summaryRow(tr("Endpoint"), QStringLiteral("POST ") + d.endpoint.toString().toHtmlEscaped());
    html += summaryRow(tr("Authentication"), DestinationsModel::authLabel(d.auth));
    switch (d.auth) {
    case AuthType::None:
        break;
    case AuthType::Bearer:
        html += summaryRow(tr("Bearer token"), secret(DestinationSecrets::Kind::BearerToken));
        break;
    case AuthType::OAuth2Password:
        html += summaryRow(tr("Username"), d.username.toHtmlEscaped());
        html += summaryRow(tr("Password"), secret(DestinationSecrets::Kind::Password));
        [[fallthrough]];
    case AuthType::OAuth2ClientCredentials:
        html += summaryRow(tr("Token URL"), d.tokenUrl.toString().toHtmlEscaped());
        html += summaryRow(tr("Client ID"), d.clientId.toHtmlEscaped());
        html += summaryRow(tr("Client secret"), secret(DestinationSecrets::Kind::ClientSecret));
        html += summaryRow(tr("Client credentials"), d.credentialsIn == CredentialsPlacement::Body
                                                         ? tr("Body form encoded")
                                                         : tr("Basic authorization"));
        break;
    }
    QStringList headers;
    for (const HttpHeader &header : d.headers)
        headers.append(QString(header.name + QStringLiteral(": ") +
                               (header.secret ? QStringLiteral("••••") : header.value))
                           .toHtmlEscaped());
    html += summaryRow(tr("Headers"),
                       headers.isEmpty() ? tr("none") : headers.join(QStringLiteral("<br>")));
    QStringList query;
    for (const QString &pair : d.query.split(u'&', Qt::SkipEmptyParts)) {
        const QString name = pair.section(u'=', 0, 0);
        query.append(
            (d.secretQueryNames.contains(name) ? QString(name + QStringLiteral("=••••")) : pair)
                .toHtmlEscaped());
    }
    html += summaryRow(tr("Query parameters"), query.isEmpty() ? tr("none") : query.join(u'&'));
    html += summaryRow(tr("Segment names"),
                       d.includeSegmentNames ? tr("included") : tr("not included"));
    html += summaryRow(tr("Segment timestamps"),
                       d.includeSegmentTimestamps ? tr("included") : tr("not included"));
    QStringList delays;
    for (const int delay : d.retryScheduleMs)
        delays.append(QString::number(delay / 1000.0) + u's');
    html +=
        summaryRow(tr("Delivery"), tr("timeout %1 ms, %2 retries (%3), up to %4 requests at once%5")
                                       .arg(d.timeoutMs)
                                       .arg(d.maxRetries)
                                       .arg(delays.join(QStringLiteral(", ")))
                                       .arg(d.maxConcurrency)
                                       .arg(d.http2PriorKnowledge ? tr(", HTTP/2") : QString()));
    html += summaryRow(
        tr("Batches"),
        d.isBatched() ? tr("up to %1 profiles a request, the first waiting at most %2, "
                           "at most %3")
                            .arg(d.batchMaxExports)
                            .arg(batchAgeText(d.batchMaxAgeMs), batchBytesText(d.batchMaxBytes))
                      : tr("none: one profile a request"));
    if (!d.caCertPath.isEmpty())
        html += summaryRow(tr("CA bundle"), d.caCertPath.toHtmlEscaped());
    if (!d.clientCertPath.isEmpty()) {
        html += summaryRow(tr("Client certificate"), d.clientCertPath.toHtmlEscaped());
        if (!d.clientKeyPath.isEmpty())
            html += summaryRow(tr("Client key"), d.clientKeyPath.toHtmlEscaped());
        html += summaryRow(tr("Key passphrase"), secret(DestinationSecrets::Kind::KeyPassphrase));
    }
    QStringList alerts;
    for (const AlertKind kind : allAlertKinds()) {
        if (d.alerts.contains(alertKindId(kind)))
            alerts.append(AlertTexts::kindTitle(kind).toHtmlEscaped());
    }
    html +=
        summaryRow(tr("Alerts"), alerts.isEmpty() ? tr("none") : alerts.join(QStringLiteral(", ")));
    return html + QStringLiteral("</table>");
}

void ReviewPage::initializePage()
{
    m_summary->setText(summaryHtml(m_draft));
    m_testResult->clear();
    m_saveError->hide();
}

bool ReviewPage::isComplete() const
{
    return !m_saving;
}

void ReviewPage::setSaving(bool saving)
{
    m_saving = saving;
    m_test->setEnabled(!saving);
    if (saving)
        m_saveError->hide();
    emit completeChanged();
}

void ReviewPage::showSaveError(const QString &error)
{
    m_saveError->setText(error);
    m_saveError->setAccessibleName(error);
    m_saveError->show();
}

void ReviewPage::sendTest()
{
    m_test->setEnabled(false);
    m_testResult->setText(tr("Sending a test export…"));
    const DestinationDraft::Split parts = m_draft.split();
    m_testRequest = m_host.testDraft(parts.destination, parts.secrets);
}

void ReviewPage::showTestResult(quint64 requestId, const ProbeReport &report)
{
    if (requestId != m_testRequest)
        return;
    m_testRequest = 0;
    m_test->setEnabled(!m_saving);
    m_testResult->setText(UiTexts::probeSummary(report));
}

} // namespace outflow::ui
