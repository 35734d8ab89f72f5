#include "secretlineedit.h"

#include <QAction>
#include <QIcon>
#include <QPainter>
#include <QPixmap>
#include <QSignalBlocker>

namespace outflow::ui {

namespace {

// An eye, drawn: icon themes are not always installed (offscreen, minimal
// desktops), and a toggle without an icon would be invisible.
QIcon eyeIcon()
{
    const QIcon themed = QIcon::fromTheme(QStringLiteral("view-reveal-symbolic"));
    if (!themed.isNull())
        return themed;
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(80, 80, 80), 2.5));
    painter.drawEllipse(QRectF(3, 9, 26, 14));
    painter.setBrush(QColor(80, 80, 80));
    painter.drawEllipse(QRectF(12, 12, 8, 8));
    return QIcon(pixmap);
}

} // namespace

SecretLineEdit::SecretLineEdit(QWidget *parent)
    : QLineEdit(parent)
    , m_reveal(new QAction(eyeIcon(), tr("Show the secret"), this))
{
    setEchoMode(QLineEdit::Password);
    // No predictive text or history for what is typed here.
    setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText | Qt::ImhHiddenText);
    m_reveal->setCheckable(true);
    m_reveal->setObjectName(QStringLiteral("revealSecretAction"));
    addAction(m_reveal, QLineEdit::TrailingPosition);
    connect(m_reveal, &QAction::toggled, this, &SecretLineEdit::setRevealed);
}

// The secret goes with the field: nothing keeps it once the field is gone.
SecretLineEdit::~SecretLineEdit()
{
    // Silently: the receivers of textChanged() may be half destroyed by now.
    const QSignalBlocker quiet(this);
    clear();
}

void SecretLineEdit::setStoredInKeychain(bool stored)
{
    m_stored = stored;
    setPlaceholderText(stored ? tr("Stored in the keychain — type to replace") : QString());
}

bool SecretLineEdit::isRevealed() const
{
    return echoMode() == QLineEdit::Normal;
}

void SecretLineEdit::setRevealed(bool revealed)
{
    setEchoMode(revealed ? QLineEdit::Normal : QLineEdit::Password);
    m_reveal->setText(revealed ? tr("Hide the secret") : tr("Show the secret"));
}

} // namespace outflow::ui
