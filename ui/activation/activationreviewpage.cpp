#include "activationreviewpage.h"

#include "activationdraft.h"
#include "enginehost.h"
#include "widgets/reviewsummary.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace outflow::ui {

namespace {

// Quoted for a POSIX shell when it needs to be.
QString shellWord(const QString &word)
{
    static const QString plain =
        QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.,:/=@%+");
    const bool isPlain = !word.isEmpty() && std::all_of(word.cbegin(), word.cend(),
                                                        [](QChar c) { return plain.contains(c); });
    if (isPlain)
        return word;
    return u'\'' + QString(word).replace(u'\'', QStringLiteral("'\\''")) + u'\'';
}

} // namespace

ActivationReviewPage::ActivationReviewPage(EngineHost &host, ActivationDraft &draft,
                                           QWidget *parent)
    : QWizardPage(parent)
    , m_host(host)
    , m_draft(draft)
    , m_summary(new QLabel(this))
    , m_backfill(new QLabel(this))
    , m_copy(new QPushButton(tr("C&opy Command"), this))
    , m_saveError(new QLabel(this))
{
    setTitle(tr("Review"));
    setAccessibleName(title());
    setSubTitle(tr("Check the activation, then Finish: the backfill exports the audiences' "
                   "current members, and their changes follow."));
    m_summary->setObjectName(QStringLiteral("activationSummary"));
    QScrollArea *scroll = scrollingSummary(m_summary, tr("Summary"), this);
    m_backfill->setObjectName(QStringLiteral("backfillEstimate"));
    m_backfill->setWordWrap(true);
    m_copy->setObjectName(QStringLiteral("copyActivateCommandButton"));
    m_copy->setToolTip(tr("Copy the outflowctl command that makes this activation"));
    m_saveError->setObjectName(QStringLiteral("activationSaveError"));
    setUpSaveErrorLabel(m_saveError);

    auto *backfillRow = new QHBoxLayout;
    backfillRow->addWidget(m_backfill, 1);
    backfillRow->addWidget(m_copy, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addLayout(backfillRow);
    layout->addWidget(m_saveError);
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(command()); });
    connect(&m_host, &EngineHost::activationBackfillEstimated, this,
            &ActivationReviewPage::showEstimate);
}

QString ActivationReviewPage::summaryHtml(const ActivationDraft &draft)
{
    const auto names = [&draft](const QStringList &ids) {
        QStringList escaped;
        for (const QString &name : draft.audienceNames(ids))
            escaped.append(name.toHtmlEscaped());
        return escaped.join(QStringLiteral("<br>"));
    };
    QString html = QStringLiteral("<table>");
    html += summaryRow(tr("Destination"), draft.choices.destination.name.toHtmlEscaped());
    if (draft.isNew()) {
        html += summaryRow(tr("Audiences"), names(draft.plan.audienceIds));
    } else {
        const QStringList added = draft.addedAudiences();
        QStringList kept = draft.plan.audienceIds;
        for (const QString &id : added)
            kept.removeAll(id);
        if (!kept.isEmpty())
            html += summaryRow(tr("Audiences kept"), names(kept));
        if (!added.isEmpty())
            html += summaryRow(tr("Audiences added (backfilled)"), names(added));
        if (!draft.removedAudiences().isEmpty())
            html += summaryRow(tr("Audiences removed (no longer exported)"),
                               names(draft.removedAudiences()));
    }
    QStringList attributes;
    for (const MappedAttribute &attribute : draft.plan.attributes) {
        QStringList flags;
        if (attribute.identifier)
            flags.append(tr("unique identifier"));
        if (attribute.mandatory)
            flags.append(tr("mandatory"));
        attributes.append(QStringLiteral("<code>%1</code>").arg(attribute.path.toHtmlEscaped()) +
                          (flags.isEmpty()
                               ? QString()
                               : QStringLiteral(" (%1)").arg(flags.join(QStringLiteral(", ")))));
    }
    html += summaryRow(tr("Attributes"),
                       attributes.isEmpty() ? tr("none") : attributes.join(QStringLiteral("<br>")));
    QStringList triggers;
    if (draft.plan.triggers.attribute)
        triggers.append(tr("attribute changes"));
    if (draft.plan.triggers.segmentation)
        triggers.append(tr("audience changes"));
    if (draft.plan.triggers.identity)
        triggers.append(tr("identity changes"));
    html += summaryRow(tr("Exported on"), triggers.isEmpty()
                                              ? tr("no change (backfill and Activate Now only)")
                                              : triggers.join(QStringLiteral(", ")));
    return html + QStringLiteral("</table>");
}

void ActivationReviewPage::initializePage()
{
    m_summary->setText(summaryHtml(m_draft));
    m_saveError->hide();
    m_backfill->setText(tr("Counting the backfill…"));
    m_estimateRequest =
        m_host.estimateActivationBackfill(m_draft.destinationId(), m_draft.plan.audienceIds);
}

void ActivationReviewPage::showEstimate(quint64 requestId, qint64 profiles, const QString &error)
{
    if (requestId != m_estimateRequest)
        return;
    m_estimateRequest = 0;
    if (!error.isEmpty()) {
        m_backfill->setText(tr("The backfill could not be counted: %1").arg(error));
    } else if (m_draft.addedAudiences().isEmpty()) {
        m_backfill->setText(tr("No audience is added: nothing is backfilled."));
    } else {
        const QString count = QLocale().toString(profiles);
        const int n = int(std::min<qint64>(profiles, INT_MAX));
        m_backfill->setText(
            tr("Backfill: %1 realized profile(s) → %1 export(s), sent once you press Finish.",
               nullptr, n)
                .arg(count));
    }
    m_backfill->setAccessibleName(m_backfill->text());
    emit backfillEstimated();
}

QString ActivationReviewPage::command() const
{
    QStringList words{QStringLiteral("outflowctl")};
    const QStringList arguments =
        ActivationPlanner::commandArguments(m_draft.choices.destination.name, m_draft.plan,
                                            m_draft.audienceNames(m_draft.plan.audienceIds));
    for (const QString &argument : arguments)
        words.append(shellWord(argument));
    return words.join(u' ');
}

bool ActivationReviewPage::isComplete() const
{
    return !m_saving;
}

void ActivationReviewPage::setSaving(bool saving)
{
    m_saving = saving;
    if (saving)
        m_saveError->hide();
    emit completeChanged();
}

void ActivationReviewPage::showSaveError(const QString &error)
{
    m_saveError->setText(error);
    m_saveError->setAccessibleName(error);
    m_saveError->show();
}

} // namespace outflow::ui
