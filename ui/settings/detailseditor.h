#pragma once

#include "destinationeditor.h"
#include "model/destination.h"

#include <optional>

class QCheckBox;
class QGroupBox;
class QLineEdit;
class QSpinBox;

namespace outflow::ui {

class KeyValueTableEditor;

// Destination details: the endpoint, custom headers and query parameters
// (each may be secret), the segment options, and the advanced delivery
// options (timeout, retry delays, concurrency, HTTP/2, TLS). Help texts are
// the reference's ("Se connecter à la destination").
class DetailsEditor final : public DestinationEditor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailsEditor)

public:
    explicit DetailsEditor(QWidget *parent = nullptr);

    void load(const DestinationDraft &draft) override;
    void save(DestinationDraft &draft) const override;
    QString problem() const override;

    // In the Edit dialog TLS has a tab of its own: no "use TLS" switch here.
    void setTlsSwitchVisible(bool visible);

private:
    QList<HttpHeader> headers() const;
    QString query() const;
    std::optional<QList<int>> retryDelays(QString *error) const;

    QLineEdit *m_endpoint;
    KeyValueTableEditor *m_headers;
    KeyValueTableEditor *m_query;
    QCheckBox *m_segmentNames;
    QCheckBox *m_segmentTimestamps;
    QGroupBox *m_advanced;
    QSpinBox *m_timeout;
    QSpinBox *m_retries;
    QLineEdit *m_retryDelays;
    QSpinBox *m_concurrency;
    // Batched delivery (issue #22): exports per request, the first's
    // longest wait, the largest body (KiB).
    QSpinBox *m_batchExports;
    QSpinBox *m_batchAge;
    QSpinBox *m_batchKib;
    QCheckBox *m_http2;
    QCheckBox *m_tls;
};

} // namespace outflow::ui
