#include "detailseditor.h"

#include "delivery/batchconfig.h"
#include "delivery/destinationconfig.h"
#include "destinationdraft.h"
#include "widgets/keyvaluetableeditor.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace outflow::ui {

namespace {

// Stored secret values are empty (the keychain holds them): validation
// checks the rest of the entry with a stand-in value.
constexpr QStringView kStandIn = u"stored";

} // namespace

DetailsEditor::DetailsEditor(QWidget *parent)
    : DestinationEditor(parent)
    , m_endpoint(new QLineEdit(this))
    , m_headers(new KeyValueTableEditor(tr("Header"), tr("Value"), this))
    , m_query(new KeyValueTableEditor(tr("Parameter"), tr("Value"), this))
    , m_segmentNames(new QCheckBox(tr("Include segment na&mes"), this))
    , m_segmentTimestamps(new QCheckBox(tr("Include segment &timestamps"), this))
    , m_advanced(new QGroupBox(tr("Advanced delivery options"), this))
    , m_timeout(new QSpinBox(m_advanced))
    , m_retries(new QSpinBox(m_advanced))
    , m_retryDelays(new QLineEdit(m_advanced))
    , m_concurrency(new QSpinBox(m_advanced))
    , m_batchExports(new QSpinBox(m_advanced))
    , m_batchAge(new QSpinBox(m_advanced))
    , m_batchKib(new QSpinBox(m_advanced))
    , m_http2(
          new QCheckBox(tr("Speak HTTP/&2 to a cleartext endpoint (prior knowledge)"), m_advanced))
    , m_tls(new QCheckBox(tr("Use a client certificate or a custom CA bundle (next page)"),
                          m_advanced))
{
    m_endpoint->setObjectName(QStringLiteral("endpointEdit"));
    m_endpoint->setPlaceholderText(QStringLiteral("https://api.example.com/profiles"));
    m_endpoint->setToolTip(tr("The HTTP URL of the endpoint where you want to export the profile "
                              "data. Exports are sent with POST."));
    m_headers->setObjectName(QStringLiteral("headersEditor"));
    m_headers->view()->setToolTip(tr("Custom headers to include in the exports, for example an "
                                     "API key. Mark a value secret to keep it in the keychain."));
    m_headers->view()->setAccessibleName(tr("Headers"));
    m_query->setObjectName(QStringLiteral("queryEditor"));
    m_query->view()->setToolTip(tr("Query parameters to append to the endpoint URL."));
    m_query->view()->setAccessibleName(tr("Query parameters"));
    m_segmentNames->setObjectName(QStringLiteral("segmentNamesCheck"));
    m_segmentNames->setToolTip(tr("Export the names of the mapped audiences with each profile."));
    m_segmentTimestamps->setObjectName(QStringLiteral("segmentTimestampsCheck"));
    m_segmentTimestamps->setToolTip(tr("Export the UNIX timestamps of when the mapped audiences "
                                       "were created and updated, and of when they were mapped "
                                       "to this destination."));
    m_timeout->setObjectName(QStringLiteral("timeoutSpin"));
    m_timeout->setRange(DestinationConfig::MinTimeoutMs, DestinationConfig::MaxTimeoutMs);
    m_timeout->setSuffix(tr(" ms"));
    m_timeout->setSingleStep(500);
    m_retries->setObjectName(QStringLiteral("retriesSpin"));
    m_retries->setRange(0, DestinationConfig::MaxRetries);
    m_retryDelays->setObjectName(QStringLiteral("retryDelaysEdit"));
    m_retryDelays->setToolTip(tr("Seconds to wait before each retry, separated by commas; the "
                                 "last one repeats. Each delay varies by ±20 %."));
    m_concurrency->setObjectName(QStringLiteral("concurrencySpin"));
    m_concurrency->setRange(1, DestinationConfig::MaxConcurrency);
    m_concurrency->setToolTip(tr("The most requests in flight at once to this endpoint."));
    m_batchExports->setObjectName(QStringLiteral("batchExportsSpin"));
    m_batchExports->setRange(1, BatchLimits::MaxExports);
    m_batchExports->setToolTip(
        tr("1 sends one profile per request, as the reference does. More sends up to this many "
           "profiles in one request, a JSON array the receiver must accept (see the README's "
           "Batched delivery)."));
    m_batchAge->setObjectName(QStringLiteral("batchAgeSpin"));
    m_batchAge->setRange(0, BatchLimits::MaxAgeMs);
    m_batchAge->setSuffix(tr(" ms"));
    m_batchAge->setSingleStep(250);
    m_batchAge->setToolTip(tr("How long the first export of a batch may wait for others."));
    m_batchKib->setObjectName(QStringLiteral("batchSizeSpin"));
    m_batchKib->setRange(BatchLimits::MinBytes / 1024, BatchLimits::MaxBytes / 1024);
    m_batchKib->setSuffix(tr(" KiB"));
    m_batchKib->setSingleStep(256);
    m_batchKib->setToolTip(tr("The largest body of a batch."));
    // The wait and the size mean something only for batches.
    const auto enableBatchLimits = [this](int exports) {
        m_batchAge->setEnabled(exports > 1);
        m_batchKib->setEnabled(exports > 1);
    };
    connect(m_batchExports, &QSpinBox::valueChanged, this, enableBatchLimits);
    enableBatchLimits(m_batchExports->value());
    m_http2->setObjectName(QStringLiteral("http2Check"));
    m_tls->setObjectName(QStringLiteral("tlsCheck"));

    auto *form = new QFormLayout;
    form->addRow(buddyLabel(tr("&Endpoint:"), m_endpoint, this), m_endpoint);
    form->addRow(buddyLabel(tr("&Headers:"), m_headers->view(), this), m_headers);
    form->addRow(buddyLabel(tr("&Query parameters:"), m_query->view(), this), m_query);
    form->addRow(QString(), m_segmentNames);
    form->addRow(QString(), m_segmentTimestamps);
    auto *advanced = new QFormLayout(m_advanced);
    advanced->addRow(buddyLabel(tr("T&imeout:"), m_timeout, m_advanced), m_timeout);
    advanced->addRow(buddyLabel(tr("&Retries:"), m_retries, m_advanced), m_retries);
    advanced->addRow(buddyLabel(tr("Retry &delays (s):"), m_retryDelays, m_advanced),
                     m_retryDelays);
    advanced->addRow(buddyLabel(tr("Conc&urrency:"), m_concurrency, m_advanced), m_concurrency);
    advanced->addRow(buddyLabel(tr("E&xports per request:"), m_batchExports, m_advanced),
                     m_batchExports);
    advanced->addRow(buddyLabel(tr("Longest &wait for a batch:"), m_batchAge, m_advanced),
                     m_batchAge);
    advanced->addRow(buddyLabel(tr("Largest batch &size:"), m_batchKib, m_advanced), m_batchKib);
    advanced->addRow(QString(), m_http2);
    advanced->addRow(QString(), m_tls);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_advanced);
    addMessageLabel(layout);

    connect(m_endpoint, &QLineEdit::textChanged, this, &DestinationEditor::changed);
    connect(m_headers, &KeyValueTableEditor::changed, this, &DestinationEditor::changed);
    connect(m_query, &KeyValueTableEditor::changed, this, &DestinationEditor::changed);
    connect(m_retryDelays, &QLineEdit::textChanged, this, &DestinationEditor::changed);
    for (QSpinBox *spin :
         {m_timeout, m_retries, m_concurrency, m_batchExports, m_batchAge, m_batchKib})
        connect(spin, &QSpinBox::valueChanged, this, &DestinationEditor::changed);
    for (QCheckBox *check : {m_segmentNames, m_segmentTimestamps, m_http2, m_tls})
        connect(check, &QCheckBox::toggled, this, &DestinationEditor::changed);
}

void DetailsEditor::setTlsSwitchVisible(bool visible)
{
    m_tls->setVisible(visible);
}

void DetailsEditor::load(const DestinationDraft &draft)
{
    const Destination &d = draft.destination;
    m_endpoint->setText(d.endpoint.toString());
    QList<KeyValueTableEditor::Entry> headers;
    for (const HttpHeader &header : d.headers)
        headers.append({header.name, header.value, header.secret,
                        header.secret && draft.editing && header.value.isEmpty()});
    m_headers->setEntries(headers);
    QList<KeyValueTableEditor::Entry> parameters;
    for (const QString &pair : d.query.split(u'&', Qt::SkipEmptyParts)) {
        const qsizetype equals = pair.indexOf(u'=');
        const QString name = equals < 0 ? pair : pair.left(equals);
        const QString value = equals < 0 ? QString() : pair.mid(equals + 1);
        const bool secret = d.secretQueryNames.contains(name);
        parameters.append({name, value, secret, secret && draft.editing && value.isEmpty()});
    }
    m_query->setEntries(parameters);
    m_segmentNames->setChecked(d.includeSegmentNames);
    m_segmentTimestamps->setChecked(d.includeSegmentTimestamps);
    m_timeout->setValue(d.timeoutMs);
    m_retries->setValue(d.maxRetries);
    QStringList delays;
    for (const int delay : d.retryScheduleMs)
        delays.append(QLocale::c().toString(delay / 1000.0, 'g', 6));
    m_retryDelays->setText(delays.join(QStringLiteral(", ")));
    m_concurrency->setValue(d.maxConcurrency);
    m_batchExports->setValue(d.batchMaxExports);
    m_batchAge->setValue(d.batchMaxAgeMs);
    m_batchKib->setValue(d.batchMaxBytes / 1024);
    m_http2->setChecked(d.http2PriorKnowledge);
    m_tls->setChecked(draft.wantsTls || !d.clientCertPath.isEmpty() || !d.caCertPath.isEmpty());
}

QList<HttpHeader> DetailsEditor::headers() const
{
    QList<HttpHeader> headers;
    for (const KeyValueTableEditor::Entry &entry : m_headers->entries())
        headers.append({entry.name, entry.value.trimmed(), entry.secret});
    return headers;
}

QString DetailsEditor::query() const
{
    QStringList pairs;
    for (const KeyValueTableEditor::Entry &entry : m_query->entries())
        pairs.append(entry.name + u'=' + entry.value);
    return pairs.join(u'&');
}

std::optional<QList<int>> DetailsEditor::retryDelays(QString *error) const
{
    QList<int> delays;
    for (const QString &part : m_retryDelays->text().split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const double seconds = QLocale::c().toDouble(part.trimmed(), &ok);
        if (!ok || seconds < 0 || seconds * 1000 > DestinationConfig::MaxRetryDelayMs) {
            *error = tr("Retry delays: “%1” is not a number of seconds between 0 and 86400.")
                         .arg(part.trimmed());
            return std::nullopt;
        }
        delays.append(qRound(seconds * 1000));
    }
    return delays;
}

void DetailsEditor::save(DestinationDraft &draft) const
{
    Destination &d = draft.destination;
    QString ignored;
    d.endpoint = parseEndpointUrl(m_endpoint->text(), &ignored).value_or(QUrl());
    d.headers = headers();
    d.query = parseQuery(query(), &ignored).value_or(query());
    d.secretQueryNames.clear();
    for (const KeyValueTableEditor::Entry &entry : m_query->entries()) {
        if (entry.secret)
            d.secretQueryNames.append(entry.name);
    }
    d.includeSegmentNames = m_segmentNames->isChecked();
    d.includeSegmentTimestamps = m_segmentTimestamps->isChecked();
    d.timeoutMs = m_timeout->value();
    d.maxRetries = m_retries->value();
    d.retryScheduleMs = retryDelays(&ignored).value_or(d.retryScheduleMs);
    d.maxConcurrency = m_concurrency->value();
    d.batchMaxExports = m_batchExports->value();
    d.batchMaxAgeMs = m_batchAge->value();
    // A size not a whole number of KiB (set from outflowctl) stays as it was.
    if (m_batchKib->value() != d.batchMaxBytes / 1024)
        d.batchMaxBytes = m_batchKib->value() * 1024;
    d.http2PriorKnowledge = m_http2->isChecked();
    draft.wantsTls = m_tls->isVisible() ? m_tls->isChecked() : draft.wantsTls;
    if (m_tls->isVisible() && !m_tls->isChecked()) {
        d.clientCertPath.clear();
        d.clientKeyPath.clear();
        d.caCertPath.clear();
    }
}

QString DetailsEditor::problem() const
{
    QString error;
    if (!parseEndpointUrl(m_endpoint->text(), &error))
        return error;
    for (const KeyValueTableEditor *table : {m_headers, m_query}) {
        for (const KeyValueTableEditor::Entry &entry : table->entries()) {
            if (entry.secret && entry.value.isEmpty() && !entry.stored)
                return (table == m_headers ? tr("Headers: type the secret value of “%1”.")
                                           : tr("Query parameters: type the secret value of “%1”."))
                    .arg(entry.name);
        }
    }
    QList<HttpHeader> checked = headers();
    for (HttpHeader &header : checked) {
        if (header.secret && header.value.isEmpty())
            header.value = kStandIn.toString();
    }
    if (!validateHeaders(checked, &error))
        return error;
    QStringList pairs;
    for (const KeyValueTableEditor::Entry &entry : m_query->entries())
        pairs.append(entry.name + u'=' +
                     (entry.secret && entry.value.isEmpty() ? kStandIn.toString() : entry.value));
    if (!parseQuery(pairs.join(u'&'), &error))
        return error;
    const std::optional<QList<int>> delays = retryDelays(&error);
    if (!delays)
        return error;
    if (m_retries->value() > 0 && delays->isEmpty())
        return tr("Retry delays: give at least one delay, or set Retries to 0.");
    Destination batching; // the same check as outflowctl's
    batching.batchMaxExports = m_batchExports->value();
    batching.batchMaxAgeMs = m_batchAge->value();
    batching.batchMaxBytes = m_batchKib->value() * 1024;
    if (!validateBatching(batching, &error))
        return error;
    return {};
}

} // namespace outflow::ui
