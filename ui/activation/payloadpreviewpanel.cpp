#include "payloadpreviewpanel.h"

#include "enginehost.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace outflow::ui {

PayloadPreviewPanel::PayloadPreviewPanel(EngineHost &host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_caption(new QLabel(this))
    , m_body(new QPlainTextEdit(this))
    , m_another(new QPushButton(tr("Anot&her Profile"), this))
    , m_debounce(new QTimer(this))
{
    m_caption->setObjectName(QStringLiteral("previewCaption"));
    m_caption->setTextFormat(Qt::PlainText);
    m_caption->setWordWrap(true);
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_body->setObjectName(QStringLiteral("payloadPreview"));
    m_body->setAccessibleName(tr("Payload preview"));
    m_body->setReadOnly(true);
    m_body->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_body->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_body->setTabChangesFocus(true);
    m_another->setObjectName(QStringLiteral("anotherProfileButton"));
    m_another->setToolTip(tr("Preview the export of the next member of the selected audiences"));
    m_another->setEnabled(false);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(DebounceMs);

    auto *captionRow = new QHBoxLayout;
    captionRow->addWidget(m_caption, 1);
    captionRow->addWidget(m_another);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(captionRow);
    layout->addWidget(m_body, 1);

    connect(m_debounce, &QTimer::timeout, this, [this] { request(0); });
    connect(m_another, &QPushButton::clicked, this, [this] { request(m_preview.profileId); });
    connect(&m_host, &EngineHost::activationPreviewed, this, &PayloadPreviewPanel::show);
}

void PayloadPreviewPanel::setPlan(const QString &destinationId, const ActivationPlan &plan)
{
    m_destinationId = destinationId;
    m_plan = plan;
    m_caption->setText(tr("Preparing the preview…"));
    m_debounce->start();
}

void PayloadPreviewPanel::request(qint64 afterProfileId)
{
    m_debounce->stop();
    m_request = m_host.previewActivation(m_destinationId, m_plan, afterProfileId);
}

void PayloadPreviewPanel::show(quint64 requestId, const PayloadPreview &preview)
{
    if (requestId != m_request)
        return; // a newer edit asked again
    m_request = 0;
    m_preview = preview;
    m_another->setEnabled(preview.profileId != 0);
    if (!preview.error.isEmpty()) {
        m_caption->setText(tr("No preview: %1").arg(preview.error));
        m_body->clear();
    } else if (preview.profileId == 0) {
        m_caption->setText(tr("No preview: the selected audiences have no realized member yet."));
        m_body->clear();
    } else {
        QString caption =
            tr("The export of profile %1, as it would be sent:").arg(preview.profileLabel);
        if (!preview.missingMandatory.isEmpty())
            caption =
                tr("Profile %1 would be excluded, not sent: it has no %2.")
                    .arg(preview.profileLabel, preview.missingMandatory.join(QStringLiteral(", ")));
        m_caption->setText(caption);
        m_body->setPlainText(QString::fromUtf8(preview.body));
    }
    m_caption->setAccessibleName(m_caption->text());
    emit previewShown();
}

} // namespace outflow::ui
