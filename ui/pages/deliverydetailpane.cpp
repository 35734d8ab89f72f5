#include "deliverydetailpane.h"

#include "models/deliverylogmodel.h"
#include "widgets/tableviews.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTextDocument>
#include <QVBoxLayout>

namespace outflow::ui {

namespace {

// A read-only monospace view that Tab leaves (a reader names it through
// its label).
QPlainTextEdit *textView(const QString &objectName, QWidget *parent)
{
    auto *view = new QPlainTextEdit(parent);
    view->setObjectName(objectName);
    view->setReadOnly(true);
    view->setTabChangesFocus(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    view->setMinimumHeight(view->fontMetrics().height() * 3);
    return view;
}

// Headers read best whole: room for six lines (the usual request's five and
// a scroll bar), at most nine.
void fitHeaders(QPlainTextEdit *view)
{
    const int chrome = 2 * view->frameWidth() + 2 * int(view->document()->documentMargin()) +
                       view->horizontalScrollBar()->sizeHint().height();
    view->setMinimumHeight(view->fontMetrics().lineSpacing() * 6 + chrome);
    view->setMaximumHeight(view->fontMetrics().lineSpacing() * 9 + chrome);
}

QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    buddy->setAccessibleName(QString(text).remove(u'&').remove(u':'));
    return label;
}

QString headerText(const QList<HttpHeader> &headers)
{
    QStringList lines;
    lines.reserve(headers.size());
    for (const HttpHeader &header : headers)
        lines.append(header.name + QStringLiteral(": ") + header.value);
    return lines.join(u'\n');
}

// An answer that looks like JSON has its values masked like the body's (an
// endpoint may echo the request back); any other text is kept.
QString maskedAnswer(const QString &excerpt)
{
    const QString trimmed = excerpt.trimmed();
    if (!trimmed.startsWith(u'{') && !trimmed.startsWith(u'['))
        return excerpt;
    return QString::fromUtf8(maskJsonValues(excerpt.toUtf8()));
}

} // namespace

DeliveryDetailPane::DeliveryDetailPane(QWidget *parent)
    : QWidget(parent)
    , m_attempts(new DeliveryLogModel(this, 1000))
{
    setObjectName(QStringLiteral("deliveryDetailPane"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("deliveryDetailSummaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("deliveryDetailSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(createRequest());
    m_splitter->addWidget(createAnswer());

    m_attemptsView = new QTableView(this);
    m_attemptsView->setObjectName(QStringLiteral("deliveryAttemptsTableView"));
    m_attemptsView->setModel(m_attempts);
    setUpReadOnlyTable(m_attemptsView);
    m_attemptsView->setColumnHidden(DeliveryLogModel::Destination, true);
    m_attemptsView->setColumnHidden(DeliveryLogModel::ExportId, true);
    m_attemptsView->setColumnHidden(DeliveryLogModel::Profile, true);
    m_attemptsView->horizontalHeader()->setSectionResizeMode(DeliveryLogModel::Reason,
                                                             QHeaderView::Stretch);
    // A few attempts at most (the retries, a replay's): the room goes to
    // the request and the answer.
    m_attemptsView->setMaximumHeight(m_attemptsView->fontMetrics().height() * 7);
    auto *attemptsLabel = buddyLabel(tr("Attempts &log:"), m_attemptsView, this);
    m_attemptsView->setAccessibleName(tr("Every attempt of this export"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(attemptsLabel);
    layout->addWidget(m_attemptsView);
    clear();
}

QWidget *DeliveryDetailPane::createRequest()
{
    auto *box = new QGroupBox(tr("Request"), this);
    box->setObjectName(QStringLiteral("deliveryRequestGroupBox"));
    m_method = new QLabel(box);
    m_method->setObjectName(QStringLiteral("requestMethodLabel"));
    m_url = new QLineEdit(box);
    m_url->setObjectName(QStringLiteral("requestUrlLineEdit"));
    m_url->setReadOnly(true);
    auto *urlLabel = buddyLabel(tr("&URL:"), m_url, box);
    m_url->setAccessibleName(tr("Request URL"));
    m_requestHeaders = textView(QStringLiteral("requestHeadersView"), box);
    fitHeaders(m_requestHeaders);
    auto *headersLabel = buddyLabel(tr("Request h&eaders:"), m_requestHeaders, box);
    m_body = textView(QStringLiteral("requestBodyView"), box);
    auto *bodyLabel = buddyLabel(tr("Request &body:"), m_body, box);
    m_bodyNote = new QLabel(box);
    m_bodyNote->setObjectName(QStringLiteral("requestBodyNoteLabel"));
    m_bodyNote->setWordWrap(true);

    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(urlLabel);
    urlRow->addWidget(m_method);
    urlRow->addWidget(m_url, 1);
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(urlRow);
    layout->addWidget(headersLabel);
    layout->addWidget(m_requestHeaders, 1);
    layout->addWidget(bodyLabel);
    layout->addWidget(m_bodyNote);
    layout->addWidget(m_body, 2);
    return box;
}

QWidget *DeliveryDetailPane::createAnswer()
{
    auto *box = new QGroupBox(tr("Answer"), this);
    box->setObjectName(QStringLiteral("deliveryAnswerGroupBox"));
    m_answerStatus = new QLabel(box);
    m_answerStatus->setObjectName(QStringLiteral("answerStatusLabel"));
    m_answerStatus->setWordWrap(true);
    m_answerStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_answerHeaders = textView(QStringLiteral("answerHeadersView"), box);
    fitHeaders(m_answerHeaders);
    auto *headersLabel = buddyLabel(tr("Ans&wer headers:"), m_answerHeaders, box);
    m_answerExcerpt = textView(QStringLiteral("answerExcerptView"), box);
    m_answerExcerpt->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    auto *excerptLabel = buddyLabel(tr("Answer e&xcerpt:"), m_answerExcerpt, box);

    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_answerStatus);
    layout->addWidget(headersLabel);
    layout->addWidget(m_answerHeaders, 1);
    layout->addWidget(excerptLabel);
    layout->addWidget(m_answerExcerpt, 2);
    return box;
}

void DeliveryDetailPane::setDetail(const DeliveryDetail &detail)
{
    m_detail = detail;
    m_splitter->setEnabled(true);
    m_attempts->replaceAll(detail.attempts);
    // The columns fit their new contents; the reason takes the rest.
    QHeaderView *header = m_attemptsView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(DeliveryLogModel::Reason, QHeaderView::Stretch);
    present();
}

void DeliveryDetailPane::clear(const QString &message)
{
    m_detail = DeliveryDetail();
    m_summary->setText(message.isEmpty() ? tr("Select a delivery to see its request and answer.")
                                         : message);
    m_method->clear();
    m_url->clear();
    m_requestHeaders->clear();
    m_body->clear();
    m_body->show();
    m_bodyNote->hide();
    m_answerStatus->clear();
    m_answerHeaders->clear();
    m_answerExcerpt->clear();
    m_attempts->clear();
    m_splitter->setEnabled(false);
}

void DeliveryDetailPane::setProfilesMasked(bool masked)
{
    if (m_masked == masked)
        return;
    m_masked = masked;
    m_attempts->setProfilesMasked(masked);
    if (hasDetail())
        present();
}

void DeliveryDetailPane::present()
{
    const DeliveryDetail &d = m_detail;
    const QString identity = m_masked ? maskIdentity(d.profileIdentity) : d.profileIdentity;
    QString summary =
        tr("Export %1 to “%2”. State: %3.")
            .arg(d.exportId, d.destinationName, DeliveryInspection::stateText(d.state));
    if (!identity.isEmpty())
        summary += u' ' + tr("Profile %1.").arg(identity);
    m_summary->setText(summary);

    m_method->setText(d.method);
    m_url->setText(d.url);
    m_url->setCursorPosition(0);
    m_requestHeaders->setPlainText(headerText(d.requestHeaders));
    const bool hasBody = !d.body.isEmpty();
    m_body->setVisible(hasBody);
    m_bodyNote->setVisible(!hasBody);
    m_bodyNote->setText(d.bodyNote);
    m_body->setPlainText(QString::fromUtf8(m_masked ? maskJsonValues(d.body) : d.body));

    const QString when =
        d.answeredAt > 0
            ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(d.answeredAt), QLocale::ShortFormat)
            : QString();
    QString status = d.httpStatus > 0 ? tr("HTTP %1").arg(d.httpStatus) : tr("No HTTP answer");
    if (!when.isEmpty())
        status = tr("%1, at %2").arg(status, when);
    if (!d.error.isEmpty())
        status += QStringLiteral(": ") + d.error;
    m_answerStatus->setText(status);
    m_answerHeaders->setPlainText(d.responseHeaders);
    m_answerHeaders->setPlaceholderText(
        d.httpStatus / 100 == 2 ? tr("A 2xx answer's headers are not kept.") : QString());
    m_answerExcerpt->setPlainText(m_masked ? maskedAnswer(d.responseExcerpt) : d.responseExcerpt);
}

} // namespace outflow::ui
