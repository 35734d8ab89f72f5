#pragma once

#include "delivery/deliveryinspection.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSplitter;
class QTableView;

namespace outflow::ui {

class DeliveryLogModel;

// The Deliveries page's detail of one export (issue #18): the request as it
// is sent (method, URL, headers, the body while the outbox keeps it) and the
// newest attempt's answer (status, headers, excerpt), side by side in a
// splitter, over every attempt of the export. Secrets come masked from the
// core (DeliveryInspection); with profile values masked (screen sharing),
// the body's and a JSON answer's values and the identity are masked too.
class DeliveryDetailPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeliveryDetailPane)

public:
    explicit DeliveryDetailPane(QWidget *parent = nullptr);

    void setDetail(const DeliveryDetail &detail);
    // Nothing shown, `message` (when any) in its place.
    void clear(const QString &message = {});
    void setProfilesMasked(bool masked);

    const DeliveryDetail &detail() const { return m_detail; }
    bool hasDetail() const { return !m_detail.exportId.isEmpty(); }
    DeliveryLogModel *attempts() const { return m_attempts; }

private:
    QWidget *createRequest();
    QWidget *createAnswer();
    void present(); // m_detail, masked or not

    DeliveryDetail m_detail;
    bool m_masked = false;
    DeliveryLogModel *m_attempts;

    QLabel *m_summary = nullptr;
    QSplitter *m_splitter = nullptr;
    QLabel *m_method = nullptr;
    QLineEdit *m_url = nullptr;
    QPlainTextEdit *m_requestHeaders = nullptr;
    QLabel *m_bodyNote = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QLabel *m_answerStatus = nullptr;
    QPlainTextEdit *m_answerHeaders = nullptr;
    QPlainTextEdit *m_answerExcerpt = nullptr;
    QTableView *m_attemptsView = nullptr;
};

} // namespace outflow::ui
